package dev.policygate.cli;

import dev.policygate.report.ReportSource;
import java.nio.file.Path;
import java.util.Set;

/** Assesses one file, locally or through a server; never throws for a bad file (the source carries the error). */
interface Assessor {
    ReportSource assess(Path file, String uri);

    /** The obligation IDs of the rule set, or null when not known in advance. */
    Set<String> obligationIds();
}
