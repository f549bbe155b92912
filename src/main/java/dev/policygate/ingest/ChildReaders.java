package dev.policygate.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@link ChildTask}s (reading a PDF with PDFBox, an APK with apk-parser and dexlib2) in child JVMs
 * ({@link ChildReaderProcess}), so that the time and memory an uploaded file may take are bounded by construction: a
 * child still busy at the time limit is killed, one that runs out of its heap exits, and either way the request
 * gets a 422 and the next file a fresh child. No guard inside those libraries can promise this: a damaged font map
 * kept PDFBox expanding and warning for over ten minutes, and a manifest chunk of size 0 loops apk-parser forever.
 *
 * <p>Children are started on first use and kept for the next file, also after a file they refused. At most
 * {@code policygate.child-readers} (a JVM system property, default 1) run at once; further files wait for one, up
 * to their own time limit and at most {@value #WAITING_PER_CHILD} per child: beyond that the service is
 * {@link Busy} (503), since each waiting upload is held in memory. A reply is checked before it is believed (its
 * frame, its length, a 4xx status). The JVM's {@code pdfbox.*} system properties (the font cache's place) are passed
 * on; nothing else of the service's JVM flags or environment options is.
 */
public final class ChildReaders {
    private static final int EXIT_OUT_OF_MEMORY = 3; // what -XX:+ExitOnOutOfMemoryError exits with
    static final int WAITING_PER_CHILD = 4;
    /** The libraries the tasks use, by a class of each: the child's class path is where these were loaded from. */
    private static final List<String> ANCHORS = List.of(ChildReaderProcess.class.getName(),
            "org.apache.pdfbox.pdmodel.PDDocument", "org.apache.pdfbox.io.RandomAccessRead",
            "org.apache.fontbox.cmap.CMapParser", "org.apache.commons.logging.LogFactory", "org.jboss.logging.Logger",
            "net.dongliu.apk.parser.parser.BinaryXmlParser", "org.jf.dexlib2.dexbacked.DexBackedDexFile",
            "com.google.common.collect.ImmutableList", "com.google.common.util.concurrent.internal.InternalFutureFailureAccess");
    private static final ChildReaders SHARED = new ChildReaders(Integer.getInteger("policygate.child-readers", 1));
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "child-reader-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Semaphore slots;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong requestNumbers = new AtomicLong();
    private final ConcurrentLinkedDeque<Child> idle = new ConcurrentLinkedDeque<>();
    private final Set<Child> live = ConcurrentHashMap.newKeySet();

    private ChildReaders(int size) {
        this.slots = new Semaphore(Math.max(1, size), true);
        this.maxWaiting = WAITING_PER_CHILD * Math.max(1, size);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> live.forEach(Child::kill), "child-readers-stop"));
    }

    /**
     * Runs {@code task} in a child JVM of {@code heapBytes} heap, within {@code maxTime}, on a request that is what
     * {@code header} writes followed by {@code file} (sent one after the other, so the upload is not copied).
     *
     * The reply is decoded by {@code decoder} before the next file may use the child, so that what the service
     * builds from replies is bounded like the replies.
     *
     * @param what the file, for messages ("PDF", "APK")
     * @throws IngestException the task's own refusal, or a 422 when the child was stopped or died
     * @throws Busy            when too many files wait for a child
     */
    public static <T> T run(Class<? extends ChildTask> task, Header header, byte[] file, String what,
                            Duration maxTime, long heapBytes, Decoder<T> decoder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try {
            header.write(new DataOutputStream(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("in-memory streams do not fail", e);
        }
        return SHARED.runWithin(task, bytes.toByteArray(), file, what, maxTime, heapBytes, decoder);
    }

    /** Writes what the task needs besides the file (its limits). */
    public interface Header {
        void write(DataOutputStream out) throws IOException;
    }

    /** Turns a child's reply into what the caller wanted. */
    public interface Decoder<T> {
        T decode(DataInputStream reply) throws IOException;
    }

    /** How many files wait for a child now (for tests). */
    static int waitingFiles() {
        return SHARED.waiting.get();
    }

    /** The processes of the children waiting for the next file (for tests). */
    static List<ProcessHandle> idleChildren() {
        return SHARED.idle.stream().map(c -> c.process.toHandle()).toList();
    }

    private <T> T runWithin(Class<? extends ChildTask> task, byte[] header, byte[] file, String what,
                            Duration maxTime, long heapBytes, Decoder<T> decoder) {
        acquire(what, maxTime);
        Child child = null;
        try {
            child = idle.pollFirst();
            if (child == null || child.heapBytes != heapBytes || !child.process.isAlive()) {
                if (child != null) {
                    child.kill(); // sized for another heap
                }
                child = start(heapBytes);
            }
            byte[] reply = child.run(task, header, file, what, maxTime);
            try {
                return decoder.decode(new DataInputStream(new ByteArrayInputStream(reply)));
            } catch (IOException | RuntimeException e) {
                child.answered = false; // it answered something other than its task's reply
                throw new IngestException(422, "Unreadable " + what, "The " + what + " reader answered in a way "
                        + "that could not be read.");
            }
        } finally {
            if (child != null && child.answered) {
                idle.addFirst(child);
            } else if (child != null) {
                child.kill(); // stopped, dead or confused: a child in an unknown state is never reused
            }
            slots.release();
        }
    }

    private void acquire(String what, Duration maxTime) {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw new Busy("Too many files wait to be read; the " + what + " was not read.");
        }
        try {
            if (!slots.tryAcquire(maxTime.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy("No reader was free within " + maxTime.toSeconds() + " s; the " + what
                        + " was not read.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("Interrupted while waiting for a reader; the " + what + " was not read.");
        } finally {
            waiting.decrementAndGet();
        }
    }

    private Child start(long heapBytes) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + Math.max(16, heapBytes >> 20) + "m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-Djava.awt.headless=true",
                // stdout carries the replies: the JVM's own messages go to stderr
                "-Xlog:disable", "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr"));
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("pdfbox.")).sorted()
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-cp", classPath(), ChildReaderProcess.class.getName()));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
            // the child's JVM flags are these alone: a debugger agent or heap percentage meant for the service is not
            builder.environment().keySet().removeAll(List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"));
            Process p = builder.start();
            Child c = new Child(p, heapBytes);
            live.add(c);
            return c;
        } catch (IOException e) {
            throw new ChildReaderUnavailable("cannot start a child reader (" + command.get(0) + "): "
                    + e.getMessage(), e);
        }
    }

    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String anchor : ANCHORS) {
            try {
                CodeSource source = Class.forName(anchor, false, ChildReaders.class.getClassLoader())
                        .getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    entries.add(Path.of(source.getLocation().toURI()).toString());
                }
            } catch (ClassNotFoundException absent) {
                // org.jboss.logging is there only where commons-logging is its bridge; failureaccess may be absent
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new ChildReaderUnavailable("cannot locate the classes of " + anchor + ": " + e.getMessage(), e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** One child JVM and its pipes. */
    private final class Child {
        private final Process process;
        private final DataOutputStream requests;
        private final DataInputStream replies;
        private final long heapBytes;
        /** The last request got a well-formed reply in time: the child may read the next file. */
        private boolean answered;

        Child(Process process, long heapBytes) {
            this.process = process;
            this.heapBytes = heapBytes;
            this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
            this.replies = new DataInputStream(new BufferedInputStream(process.getInputStream()));
        }

        byte[] run(Class<? extends ChildTask> task, byte[] header, byte[] file, String what, Duration maxTime) {
            answered = false;
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> stop = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                kill();
            }, maxTime.toMillis(), TimeUnit.MILLISECONDS);
            try {
                long number = requestNumbers.incrementAndGet();
                ChildReaderProcess.writeRequest(requests, number, task, maxTime.toMillis(), header, file);
                byte[] reply;
                try {
                    reply = ChildReaderProcess.readReply(replies, number);
                } catch (IngestException refused) {
                    answered = stop.cancel(false);
                    if (!answered) {
                        throw failure(true, false, what, maxTime);
                    }
                    throw refused;
                }
                answered = stop.cancel(false);
                if (!answered) {
                    throw failure(true, false, what, maxTime);
                }
                return reply;
            } catch (IOException e) {
                stop.cancel(false);
                throw failure(timedOut.get(), e instanceof EOFException, what, maxTime);
            }
        }

        /** @param ended the child closed its output (exited or is exiting), rather than answering nonsense */
        private IngestException failure(boolean timedOut, boolean ended, String what, Duration maxTime) {
            if (timedOut) {
                return new IngestException(422, "Unreadable " + what, "Reading the " + what + " took longer than "
                        + maxTime.toSeconds() + " s and was stopped (a damaged or hostile file?).");
            }
            boolean outOfMemory = ended && waitForExit() == EXIT_OUT_OF_MEMORY;
            kill();
            return new IngestException(422, "Unreadable " + what, outOfMemory
                    ? "Reading the " + what + " needed more than " + (heapBytes >> 20) + " MB of memory and was "
                    + "stopped (a damaged or hostile file?)."
                    : "The " + what + " reader stopped on this file (a damaged or hostile file?).");
        }

        private int waitForExit() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void kill() {
            live.remove(this);
            process.destroyForcibly();
        }
    }

    /** Too many files wait for a child: the service's load, not the upload, is the problem (503). */
    public static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }

    /** The service cannot run a child reader at all: a fault of the machine, not of the upload. */
    public static final class ChildReaderUnavailable extends RuntimeException {
        ChildReaderUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
