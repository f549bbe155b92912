package dev.policygate.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygate.app.ApkReader;
import dev.policygate.app.AppProfile;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.IngestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Turns an uploaded APK or an app profile (JSON) into the app facts assessed beside a policy; at most one of them. */
@ApplicationScoped
public class AppInputs {
    /** A profile of 2,000 permissions, SDKs and flows fits in far less; Jackson would parse any size first. */
    static final int MAX_PROFILE_CHARS = 1 << 20;
    private final long maxUploadBytes;
    private final ApkReader reader = new ApkReader();
    @Inject
    ObjectMapper json;

    AppInputs(@ConfigProperty(name = "policygate.max-upload-bytes") long maxUploadBytes) {
        this.maxUploadBytes = maxUploadBytes;
    }

    /** The app facts of a multipart request: {@code apk} (a file) or {@code appProfile} (JSON text), or none. */
    public List<Fact> facts(FileUpload apk, String appProfile) {
        if (apk != null && appProfile != null && !appProfile.isBlank()) {
            throw new ProblemException(400, "Two app descriptions", "Send either an 'apk' or an 'appProfile', not both.");
        }
        if (apk != null) {
            return fromApk(apk);
        }
        return appProfile == null || appProfile.isBlank() ? List.of() : fromJson(appProfile);
    }

    public List<Fact> facts(AppProfile profile) {
        return profile == null ? List.of() : profile.facts();
    }

    private List<Fact> fromApk(FileUpload apk) {
        try {
            if (Files.size(apk.uploadedFile()) > maxUploadBytes) {
                throw new IngestException(413, "APK too large", "The APK is larger than " + maxUploadBytes + " bytes.");
            }
            return reader.read(Files.readAllBytes(apk.uploadedFile())).facts();
        } catch (IOException e) {
            throw new ProblemException(400, "Unreadable upload", "The uploaded APK could not be read.");
        }
    }

    private List<Fact> fromJson(String text) {
        if (text.length() > MAX_PROFILE_CHARS) {
            throw new ProblemException(413, "App profile too large", "The app profile has " + text.length()
                    + " characters; at most " + MAX_PROFILE_CHARS + " are accepted.");
        }
        try {
            AppProfile p = json.readerFor(AppProfile.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
            if (p == null) {
                throw new ProblemException(400, "Invalid app profile", "The app profile is empty.");
            }
            return p.facts();
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "Invalid app profile", "The app profile is not valid JSON of an app profile: "
                    + e.getOriginalMessage());
        }
    }
}
