package dev.policygate.report;

import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The waivers of a project on a given day. {@code base} is the directory of the project file: a {@code files}
 * glob is matched against the policy's path relative to it; a glob without a slash matches the file name.
 */
public record Waivers(List<Waiver> list, Path base, LocalDate today) {
    public static final Waivers NONE = new Waivers(List.of(), null, LocalDate.MIN);

    public Waivers {
        list = list == null ? List.of() : List.copyOf(list);
        for (int i = 0; i < list.size(); i++) {
            list.get(i).validated("waiver " + (i + 1));
            matcher(list.get(i).files());
            matcher(list.get(i).app());
        }
        today = today == null ? LocalDate.now() : today;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /**
     * The waiver for an obligation of a policy: an active one if any, else an expired one (which fails the gate
     * with its expiry date), else none.
     */
    public Optional<Waiver> match(String obligationId, String uri, AssessmentReport report) {
        Optional<Waiver> expired = Optional.empty();
        for (Waiver w : list) {
            if (!w.obligation().equals(obligationId) || !filesMatch(w.files(), uri) || !appMatches(w.app(), report)) {
                continue;
            }
            if (w.activeOn(today)) {
                return Optional.of(w);
            }
            expired = expired.isPresent() ? expired : Optional.of(w);
        }
        return expired;
    }

    private boolean filesMatch(String glob, String uri) {
        if (glob == null || glob.isBlank()) {
            return true;
        }
        if (uri == null) {
            return false;
        }
        Path path;
        try {
            path = Path.of(uri.replace('\\', '/'));
        } catch (InvalidPathException e) {
            return false;
        }
        if (!glob.contains("/")) {
            return path.getFileName() != null && matcher(glob).matches(path.getFileName());
        }
        if (base != null && path.toAbsolutePath().normalize().startsWith(base.toAbsolutePath().normalize())) {
            path = base.toAbsolutePath().normalize().relativize(path.toAbsolutePath().normalize());
        }
        return matcher(glob).matches(path);
    }

    private static boolean appMatches(String glob, AssessmentReport report) {
        if (glob == null || glob.isBlank()) {
            return true;
        }
        PathMatcher m = matcher(glob);
        return (report.appId() != null && m.matches(Path.of(report.appId())))
                || (report.title() != null && !report.title().isBlank() && m.matches(Path.of(report.title())));
    }

    private static PathMatcher matcher(String glob) {
        if (glob == null || glob.isBlank()) {
            return null;
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + glob.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad glob '" + glob + "' in a waiver: " + e.getMessage());
        }
    }
}
