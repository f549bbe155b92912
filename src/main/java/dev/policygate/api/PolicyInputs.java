package dev.policygate.api;

import dev.policygate.ingest.Document;
import dev.policygate.ingest.IngestException;
import dev.policygate.ingest.IngestLimits;
import dev.policygate.ingest.Ingestor;
import dev.policygate.ingest.SourceFormat;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Turns what a client sent (JSON text or an uploaded file) into a {@link Document}, enforcing the limits. */
@ApplicationScoped
public class PolicyInputs {
    private final Ingestor ingestor;

    PolicyInputs(@ConfigProperty(name = "policygate.max-text-bytes") long maxTextBytes,
                 @ConfigProperty(name = "policygate.max-upload-bytes") long maxUploadBytes,
                 @ConfigProperty(name = "policygate.max-pdf-pages") int maxPdfPages,
                 @ConfigProperty(name = "policygate.max-pdf-seconds") int maxPdfSeconds) {
        this.ingestor = new Ingestor(new IngestLimits(maxUploadBytes, maxTextBytes, maxPdfPages,
                IngestLimits.defaults().maxPdfMemoryBytes(), Duration.ofSeconds(maxPdfSeconds)));
    }

    public Document fromText(String text, String format) {
        if (text == null || text.isBlank()) {
            throw IngestException.empty();
        }
        SourceFormat f = parseFormat(format);
        if (f == SourceFormat.PDF) {
            throw new ProblemException(400, "PDF needs an upload",
                    "A PDF cannot be sent as JSON text; upload it as multipart/form-data in the field 'file'.");
        }
        return f == SourceFormat.HTML ? ingestor.ingest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SourceFormat.HTML) : ingestor.ingestText(text);
    }

    public Document fromUpload(FileUpload file, String format) {
        if (file == null) {
            throw new ProblemException(400, "Missing file", "Send the policy in the multipart field 'file'.");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new ProblemException(400, "Unreadable upload", "The uploaded file could not be read.");
        }
        if (bytes.length == 0) {
            throw IngestException.empty();
        }
        SourceFormat f = format == null || format.isBlank() ? formatFromName(file.fileName()) : parseFormat(format);
        return ingestor.ingest(bytes, f);
    }

    /** "text", "html" or "pdf" (any case); null or blank means plain text. */
    public static SourceFormat parseFormat(String format) {
        if (format == null || format.isBlank()) {
            return SourceFormat.TEXT;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "text", "txt", "plain" -> SourceFormat.TEXT;
            case "html", "htm" -> SourceFormat.HTML;
            case "pdf" -> SourceFormat.PDF;
            default -> throw new ProblemException(400, "Unknown format",
                    "Unknown format '" + format + "': use one of text, html, pdf.");
        };
    }

    /** The format a file name suggests, or null to let the content decide. */
    static SourceFormat formatFromName(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return SourceFormat.PDF;
        }
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return SourceFormat.HTML;
        }
        return null;
    }
}
