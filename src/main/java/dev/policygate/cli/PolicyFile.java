package dev.policygate.cli;

import dev.policygate.ingest.Document;
import dev.policygate.ingest.IngestException;
import dev.policygate.ingest.Ingestor;
import dev.policygate.ingest.SourceFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A policy file read and ingested, with its original text for mapping citations back to lines. */
record PolicyFile(Path path, byte[] bytes, SourceFormat format, String originalText, Document document) {
    private static final ThreadLocal<Ingestor> INGESTOR = ThreadLocal.withInitial(Ingestor::new);

    /** The file could not be read or ingested. */
    static final class InputError extends Exception {
        InputError(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static boolean isPolicy(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".pdf");
    }

    /** The format a file name suggests; null lets the content decide. */
    static SourceFormat formatOf(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf")) {
            return SourceFormat.PDF;
        }
        if (n.endsWith(".html") || n.endsWith(".htm")) {
            return SourceFormat.HTML;
        }
        return null;
    }

    static byte[] bytes(Path path) throws InputError {
        if (!Files.isRegularFile(path)) {
            throw new InputError(path + ": no such file", null);
        }
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length == 0) {
                throw new InputError(path + ": empty file", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new InputError(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static PolicyFile read(Path path) throws InputError {
        byte[] bytes = bytes(path);
        SourceFormat format = formatOf(path);
        Document document;
        try {
            document = INGESTOR.get().ingest(bytes, format);
        } catch (IngestException e) {
            throw new InputError(path + ": " + e.title() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InputError(path + ": cannot be read as a policy (" + e + ")", e);
        }
        return new PolicyFile(path, bytes, format, original(bytes, format), document);
    }

    /** What citations are located in: the decoded file for text and HTML; nothing useful for PDF. */
    static String original(byte[] bytes, SourceFormat format) {
        if (format == SourceFormat.PDF) {
            return "";
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.startsWith("\ufeff") ? s.substring(1) : s;
    }
}
