package dev.policygate.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The few facts of src/main/docker/Dockerfile.jvm the manifests depend on. Handles the simple forms it uses. */
record Dockerfile(String from, String user, Map<String, String> env, List<Copy> copies) {

    record Copy(String source, String destination) {
    }

    static final Path JVM = Kustomize.ROOT.resolve("src/main/docker/Dockerfile.jvm");
    private static final Pattern ENV = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"([^\"]*)\"|'([^']*)'|(\\S*))");

    static Dockerfile jvm() {
        try {
            return parse(Files.readAllLines(JVM));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(List<String> lines) {
        String from = null;
        String user = null;
        Map<String, String> env = new LinkedHashMap<>();
        List<Copy> copies = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String instruction = parts[0].toUpperCase();
            String rest = parts.length > 1 ? parts[1] : "";
            switch (instruction) {
                case "FROM" -> from = rest.split("\\s+")[0];
                case "USER" -> user = rest;
                case "ENV" -> {
                    Matcher m = ENV.matcher(rest);
                    while (m.find()) {
                        String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
                        env.put(m.group(1), value);
                    }
                }
                case "COPY" -> {
                    List<String> args = new ArrayList<>(List.of(rest.split("\\s+")));
                    args.removeIf(a -> a.startsWith("--"));
                    String destination = args.remove(args.size() - 1);
                    for (String source : args) {
                        copies.add(new Copy(source, destination));
                    }
                }
                default -> {
                }
            }
        }
        return new Dockerfile(from, user, env, copies);
    }
}
