package dev.policygate.k8s;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Runs {@code kubectl kustomize DIR} and finds the kustomizations under {@code k8s/}. */
final class Kustomize {

    /** The kubectl to run; -Dpolicygate.kubectl=/path/to/kubectl picks another one. */
    static final String KUBECTL = System.getProperty("policygate.kubectl", "kubectl");
    static final Path ROOT = findRoot();
    static final Path K8S = ROOT.resolve("k8s");
    private static final List<String> FILE_NAMES = List.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final Map<Path, String> RENDERED = new ConcurrentHashMap<>();
    private static volatile Boolean kubectlPresent;

    private Kustomize() {
    }

    /**
     * Fails (in CI, where the CI variable is set) or skips with a visible reason (on a developer's
     * machine) when kubectl is not installed.
     */
    static void requireKubectl() {
        boolean firstTime = kubectlPresent == null;
        if (firstTime) {
            kubectlPresent = probeKubectl();
        }
        if (kubectlPresent) {
            return;
        }
        String message = "kubectl (v1.27+, with built-in kustomize) is not on the PATH (looked for '" + KUBECTL + "'): the k8s/ manifests "
                + "cannot be rendered, so they are not checked";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail(message + ". CI must have kubectl.");
        }
        if (firstTime) {
            System.err.println("WARNING: " + message + " (skipped: CI is not set).");
        }
        Assumptions.abort(message + " (skipped: CI is not set)");
    }

    /** {@code kubectl kustomize DIR}, once per directory. */
    static String render(Path dir) {
        requireKubectl();
        return RENDERED.computeIfAbsent(dir.toAbsolutePath().normalize(), Kustomize::run);
    }

    /** {@code kubectl kustomize DIR} without caching, for directories the test builds itself. */
    static String renderUncached(Path dir) {
        requireKubectl();
        return run(dir);
    }

    static String runExpectingFailure(Path dir) {
        requireKubectl();
        Result r = exec(List.of(KUBECTL, "kustomize", dir.toString()));
        if (r.exit == 0) {
            fail("kubectl kustomize " + dir + " was expected to fail but rendered:\n" + r.stdout);
        }
        return r.stderr;
    }

    static boolean isKustomization(Path dir) {
        return FILE_NAMES.stream().anyMatch(n -> Files.isRegularFile(dir.resolve(n)));
    }

    static String kustomizationFile(Path dir) {
        for (String name : FILE_NAMES) {
            Path file = dir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalArgumentException("no kustomization in " + dir);
    }

    /** A kustomize Component is not rendered on its own; it is pulled in by kustomizations. */
    static boolean isComponent(Path dir) {
        return kustomizationFile(dir).lines().anyMatch(l -> l.strip().equals("kind: Component"));
    }

    /** Every directory under k8s/ that holds a kustomization, relative to k8s/ ("overlays/self-contained"). */
    static List<String> allKustomizations() {
        try (Stream<Path> dirs = Files.walk(K8S)) {
            return dirs.filter(Files::isDirectory)
                    .filter(Kustomize::isKustomization)
                    .map(d -> K8S.relativize(d).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(Path dir) {
        Result r = exec(List.of(KUBECTL, "kustomize", dir.toString()));
        if (r.exit != 0) {
            fail("kubectl kustomize " + dir + " failed (exit " + r.exit + "):\n" + r.stderr);
        }
        return r.stdout;
    }

    private static boolean probeKubectl() {
        try {
            return exec(List.of(KUBECTL, "version", "--client")).exit == 0;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private record Result(int exit, String stdout, String stderr) {
    }

    private static Result exec(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(ROOT.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 120 s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    private static String drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("k8s"))) {
                return d;
            }
        }
        throw new IllegalStateException("no directory with pom.xml and k8s/ at or above " + dir);
    }
}
