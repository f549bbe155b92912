package dev.policygate.cli;

import dev.policygate.app.ApkReader;
import dev.policygate.app.AppProfile;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.IngestException;
import dev.policygate.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** {@code --apk} or {@code --app-profile}, read once: the facts for local checks, the part to send for {@code --server}. */
record AppArgument(List<Fact> facts, RemoteAssessor.AppInput input) {

    /** Null when neither option is given; a usage error (exit 2) when both are, or the input is unreadable or invalid. */
    static AppArgument read(CommandLine cl, Path apk, Path profile) {
        if (apk == null && profile == null) {
            return null;
        }
        if (apk != null && profile != null) {
            throw new CommandLine.ParameterException(cl, "Give either --apk or --app-profile, not both.");
        }
        Path file = apk != null ? apk : profile;
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<Fact> facts = apk != null ? new ApkReader().read(bytes).facts()
                    : JsonReport.MAPPER.readValue(bytes, AppProfile.class).facts();
            return new AppArgument(facts, new RemoteAssessor.AppInput(apk != null ? "apk" : "appProfile",
                    file.getFileName().toString(), bytes));
        } catch (IngestException e) {
            throw new CommandLine.ParameterException(cl, file + ": " + e.title() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, file + ": cannot be read as "
                    + (apk != null ? "an APK" : "an app profile") + " (" + e.getMessage() + ")");
        }
    }
}
