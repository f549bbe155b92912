package dev.policygate.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Work that {@link ChildReaders} runs in a child JVM: reading an untrusted file with a library that no guard of ours
 * can bound. An implementation is public with a public no-argument constructor, since the child creates it by name.
 * It throws {@link IngestException} for a file it refuses; anything else it throws is a 422.
 */
public interface ChildTask {
    /** Reads one request and writes its reply, both in the task's own encoding. */
    void run(DataInputStream request, DataOutputStream reply) throws IOException;
}
