package dev.policygate.facts;

import java.util.List;

/** A time limit for answering requests or complaints, normalised to a number of days. */
public record ResponseDeadline(int days, DayKind dayKind, Subject subject, List<Citation> citations)
        implements Fact {
    public enum DayKind { CALENDAR, WORKING }

    public enum Subject { RIGHTS_REQUEST, COMPLAINT, GENERAL }
}
