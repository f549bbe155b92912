package dev.policygate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven wrote into {@code policygate/version.properties} at build time (for {@code --version}). */
final class BuildVersion implements CommandLine.IVersionProvider {
    static String version() {
        try (InputStream in = BuildVersion.class.getResourceAsStream("/policygate/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("policygate/version.properties is missing from the build");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"policygate " + version()};
    }
}
