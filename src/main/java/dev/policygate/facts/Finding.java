package dev.policygate.facts;

import java.util.List;

/**
 * What a rule concludes about one obligation. Rules insert findings into the session; the evaluator
 * collects them, merges findings of one obligation that agree and reports conflicting or missing ones
 * as errors of the rule set. MET and PARTIAL cite the supporting text; NOT_MET names, in
 * {@code lookedIn}, the sections where the rule looked (their heading paths) and says in its rationale
 * what it looked for. {@code subject} (null for most obligations) makes a finding one of several for its obligation,
 * one per subject: e.g. each permission or SDK of an app (android.permission.CAMERA, com.tencent.bugly).
 */
public record Finding(String obligationId, Status status, String rationaleZh, String rationaleEn,
                      List<Citation> citations, List<String> lookedIn, String subject) {

    public Finding {
        citations = citations == null ? List.of() : List.copyOf(citations);
        lookedIn = lookedIn == null ? List.of() : List.copyOf(lookedIn);
    }

    public Finding(String obligationId, Status status, String rationaleZh, String rationaleEn,
                   List<Citation> citations, List<String> lookedIn) {
        this(obligationId, status, rationaleZh, rationaleEn, citations, lookedIn, null);
    }

    /** MET for one subject of the obligation (see {@code subject}). */
    public static Finding metFor(String obligationId, String subject, String rationaleZh, String rationaleEn,
                                 List<Citation> citations) {
        return new Finding(obligationId, Status.MET, rationaleZh, rationaleEn, citations, List.of(), subject);
    }

    /** NOT_MET for one subject of the obligation (see {@code subject}). */
    public static Finding notMetFor(String obligationId, String subject, String rationaleZh, String rationaleEn,
                                    List<String> lookedIn) {
        return new Finding(obligationId, Status.NOT_MET, rationaleZh, rationaleEn, List.of(), lookedIn, subject);
    }

    /** NOT_MET for one subject that cites the text it contradicts (a denial the app's entry belies). */
    public static Finding notMetFor(String obligationId, String subject, String rationaleZh, String rationaleEn,
                                    List<Citation> citations, List<String> lookedIn) {
        return new Finding(obligationId, Status.NOT_MET, rationaleZh, rationaleEn, citations, lookedIn, subject);
    }

    public static Finding met(String obligationId, String rationaleZh, String rationaleEn,
                              List<Citation> citations) {
        return new Finding(obligationId, Status.MET, rationaleZh, rationaleEn, citations, List.of());
    }

    public static Finding partial(String obligationId, String rationaleZh, String rationaleEn,
                                  List<Citation> citations) {
        return new Finding(obligationId, Status.PARTIAL, rationaleZh, rationaleEn, citations, List.of());
    }

    public static Finding notMet(String obligationId, String rationaleZh, String rationaleEn,
                                 List<String> lookedIn) {
        return new Finding(obligationId, Status.NOT_MET, rationaleZh, rationaleEn, List.of(), lookedIn);
    }

    /** NOT_MET that still cites text, e.g. a response deadline that is longer than allowed. */
    public static Finding notMet(String obligationId, String rationaleZh, String rationaleEn,
                                 List<Citation> citations, List<String> lookedIn) {
        return new Finding(obligationId, Status.NOT_MET, rationaleZh, rationaleEn, citations, lookedIn);
    }

    public static Finding notApplicable(String obligationId, String rationaleZh, String rationaleEn) {
        return new Finding(obligationId, Status.NOT_APPLICABLE, rationaleZh, rationaleEn, List.of(), List.of());
    }
}
