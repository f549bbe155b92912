package dev.policygate.ingest;

/** The formats a policy can arrive in. */
public enum SourceFormat {
    TEXT, HTML, PDF
}
