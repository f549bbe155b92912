package dev.policygate.ingest;

import java.io.IOException;

/**
 * Work that {@link ChildReaders} runs in a child JVM: reading an untrusted file with a library that no guard of ours
 * can bound. An implementation is public with a public no-argument constructor, since the child creates it by name.
 * It throws {@link IngestException} for a file it refuses; anything else it throws is a 422.
 */
public interface ChildTask {
    /** The reply to one request, both in the task's own encoding. */
    byte[] run(byte[] request) throws IOException;
}
