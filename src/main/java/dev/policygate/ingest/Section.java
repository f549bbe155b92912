package dev.policygate.ingest;

/**
 * A heading and the text it governs. {@code start}/{@code end} span the heading line and its body up to the
 * next heading of the same or a higher level; {@code path} joins the headings from the top, e.g.
 * {@code 五、您的权利 > （九）注销您的账户}. {@code parent} is the index of the enclosing section, -1 at the top.
 */
public record Section(int index, int parent, int level, String numbering, String heading, String path,
                      int headingStart, int headingEnd, int start, int end) {
}
