package dev.policygate.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The child JVM of {@link ChildReaders}: one request after another on stdin, one reply each on stdout, until stdin
 * closes (the parent is gone). Nothing else may write to stdout, so {@code System.out} is sent to stderr, which the
 * parent discards; logging is off, since a damaged file can make a library warn millions of times. If the parent
 * cannot kill it, the child halts itself {@value #GRACE_SECONDS} s after a request's time limit.
 *
 * <p>Request: a request number, the {@link ChildTask}'s class name, the time limit in milliseconds, the task's
 * request. Reply: {@link #MAGIC} and the request's number, then {@code 0} and the task's reply (at most
 * {@link #MAX_REPLY_BYTES}), or {@code 1} and an {@link IngestException}'s status (a 4xx), title and detail. The
 * parent believes nothing else, so a stray reply can never stand for the next request's.
 */
final class ChildReaderProcess {
    private static final byte OK = 0;
    private static final byte FAILED = 1;
    private static final int MAGIC = 0x50474352; // "PGCR": a reply, not stray output
    static final int MAX_REPLY_BYTES = 32 << 20;
    static final int GRACE_SECONDS = 10;
    // a strong reference: JUL keeps loggers weakly, and a collected logger forgets its level
    private static final Logger ROOT = Logger.getLogger("");

    private ChildReaderProcess() {
    }

    public static void main(String[] args) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        LogManager.getLogManager().reset();
        ROOT.setLevel(Level.OFF);
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        ScheduledExecutorService selfStop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "child-reader-self-stop");
            t.setDaemon(true);
            return t;
        });
        while (true) {
            long number;
            String task;
            long millis;
            byte[] request;
            try {
                number = in.readLong();
                task = in.readUTF();
                millis = in.readLong();
                request = readBytes(in);
            } catch (EOFException parentGone) {
                return;
            }
            ScheduledFuture<?> halt = selfStop.schedule(() -> Runtime.getRuntime().halt(2),
                    millis + TimeUnit.SECONDS.toMillis(GRACE_SECONDS), TimeUnit.MILLISECONDS);
            try {
                ByteArrayOutputStream replyBytes = new ByteArrayOutputStream();
                ((ChildTask) Class.forName(task).getConstructor().newInstance()).run(
                        new DataInputStream(new ByteArrayInputStream(request)), new DataOutputStream(replyBytes));
                byte[] reply = replyBytes.toByteArray();
                if (reply.length > MAX_REPLY_BYTES) {
                    throw new IngestException(413, "File too large", "What the file holds is larger than "
                            + (MAX_REPLY_BYTES >> 20) + " MB once read.");
                }
                out.writeInt(MAGIC);
                out.writeLong(number);
                out.writeByte(OK);
                writeBytes(out, reply);
            } catch (IngestException e) {
                writeFailure(out, number, e);
            } catch (Exception | StackOverflowError e) {
                writeFailure(out, number, new IngestException(422, "Unreadable file",
                        "The file could not be read: " + e.getClass().getSimpleName()));
            }
            out.flush();
            halt.cancel(false);
        }
    }

    /** The request is {@code header} and {@code file} one after the other: the upload is not copied. */
    static void writeRequest(DataOutputStream out, long number, Class<? extends ChildTask> task, long millis,
                             byte[] header, byte[] file) throws IOException {
        out.writeLong(number);
        out.writeUTF(task.getName());
        out.writeLong(millis);
        out.writeInt(header.length + file.length);
        out.write(header);
        out.write(file);
        out.flush();
    }

    /** The task's reply, or the child's {@link IngestException} thrown here; an IOException for anything else. */
    static byte[] readReply(DataInputStream in, long number) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("a child reader wrote something that is not a reply");
        }
        if (in.readLong() != number) {
            throw new IOException("a child reader answered another request");
        }
        byte kind = in.readByte();
        if (kind == FAILED) {
            int status = in.readInt();
            if (status < 400 || status > 499) {
                throw new IOException("a child reader refused a file with status " + status);
            }
            String title = in.readUTF();
            throw new IngestException(status, title, in.readUTF());
        }
        if (kind != OK) {
            throw new IOException("unexpected reply " + kind + " from a child reader");
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_REPLY_BYTES) {
            throw new IOException("a child reader's reply of " + length + " bytes");
        }
        byte[] reply = new byte[length];
        in.readFully(reply);
        return reply;
    }

    private static void writeFailure(DataOutputStream out, long number, IngestException e) throws IOException {
        out.writeInt(MAGIC);
        out.writeLong(number);
        out.writeByte(FAILED);
        out.writeInt(e.httpStatus());
        out.writeUTF(shorter(e.title()));
        out.writeUTF(shorter(e.getMessage()));
    }

    private static String shorter(String s) {
        return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}
