package dev.policygate.app;

import dev.policygate.ingest.ChildReaders;
import dev.policygate.ingest.ChildTask;
import dev.policygate.ingest.IngestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import net.dongliu.apk.parser.bean.ApkMeta;
import net.dongliu.apk.parser.parser.ApkMetaTranslator;
import net.dongliu.apk.parser.parser.BinaryXmlParser;
import net.dongliu.apk.parser.struct.resource.ResourceTable;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.dexbacked.DexBackedClassDef;
import org.jf.dexlib2.dexbacked.DexBackedDexFile;

/**
 * Reads an APK into an {@link AppProfile}: the binary AndroidManifest.xml through apk-parser, the class names of
 * every {@code classesN.dex} through dexlib2, matched against {@link KnownSdks}. The archive is streamed once, in
 * memory, and nothing is written anywhere. Hostile archives stop with a 4xx {@link IngestException}: more entries,
 * more inflated bytes or a higher compression ratio than the {@link Limits}, entry names that climb out of the
 * archive ({@code ../}, absolute, backslashes), a manifest or dex given twice, and manifests or dex files that are
 * too large or do not parse.
 *
 * <p>The parsing runs in a child JVM ({@link ChildReaders}), killed at {@link Limits#maxTime()} and with a heap of
 * {@link Limits#heapBytes()}: both libraries size arrays and loops from the file's own counts (a manifest chunk of
 * size 0 makes apk-parser loop forever; a dex string length of 2³¹ makes dexlib2 allocate it), more places than
 * checks of ours could cover.
 */
public final class ApkReader {
    private static final String MANIFEST = "AndroidManifest.xml";
    private static final Pattern DEX = Pattern.compile("classes\\d{0,3}\\.dex");

    /**
     * Bounds on one archive: entries, bytes inflated in total (the entries we only skip count too), inflated bytes
     * per compressed byte of an entry, and the size of the manifest and of all dex files together (held in memory).
     */
    public record Limits(int maxEntries, long maxInflatedBytes, int maxRatio, int maxManifestBytes, long maxDexBytes,
                         int maxClasses, Duration maxTime) {
        public static final Limits DEFAULT = new Limits(20_000, 512L << 20, 200, 1 << 20, 64L << 20, 300_000,
                Duration.ofSeconds(30));

        /** The child JVM's heap: the dex files held in memory, what dexlib2 builds over them, and the rest. */
        public long heapBytes() {
            return 4 * maxDexBytes + (64L << 20);
        }
    }

    private final Limits limits;

    public ApkReader() {
        this(Limits.DEFAULT);
    }

    public ApkReader(Limits limits) {
        this.limits = limits;
    }

    public AppProfile read(byte[] apk) {
        if (apk.length < 4 || apk[0] != 'P' || apk[1] != 'K') {
            throw unreadable(415, "Not an APK", "the file is not a ZIP archive, so not an APK");
        }
        return ChildReaders.run(Task.class, out -> {
            out.writeInt(limits.maxEntries());
            out.writeLong(limits.maxInflatedBytes());
            out.writeInt(limits.maxRatio());
            out.writeInt(limits.maxManifestBytes());
            out.writeLong(limits.maxDexBytes());
            out.writeInt(limits.maxClasses());
            out.writeLong(limits.maxTime().toMillis());
        }, apk, "APK", limits.maxTime(), limits.heapBytes(), Task::profile).validated();
    }

    /** {@link #readHere} as a {@link ChildTask}: the limits and the APK in, the profile out. */
    public static final class Task implements ChildTask {
        @Override
        public void run(DataInputStream in, DataOutputStream out) throws IOException {
            Limits limits = new Limits(in.readInt(), in.readLong(), in.readInt(), in.readInt(), in.readLong(),
                    in.readInt(), Duration.ofMillis(in.readLong()));
            AppProfile p = new ApkReader(limits).readHere(in.readAllBytes());
            out.writeUTF(p.packageName());
            out.writeInt(p.targetSdkVersion() == null ? -1 : p.targetSdkVersion());
            for (List<String> list : List.of(p.permissions(), p.sdks())) {
                out.writeInt(list.size());
                for (String item : list) {
                    out.writeUTF(item);
                }
            }
        }

        static AppProfile profile(DataInputStream in) throws IOException {
            String packageName = in.readUTF();
            int target = in.readInt();
            List<List<String>> lists = new ArrayList<>();
            for (int l = 0; l < 2; l++) {
                int n = in.readInt();
                List<String> items = new ArrayList<>(); // no capacity from the reply's count
                for (int i = 0; i < n; i++) {
                    items.add(in.readUTF());
                }
                lists.add(items);
            }
            return new AppProfile(packageName, target < 0 ? null : target, lists.get(0), lists.get(1), List.of());
        }
    }

    /** Reads the APK in this JVM, with no bound on time or memory beyond the limits' checks: the child's part. */
    AppProfile readHere(byte[] apk) {
        byte[] manifest = null;
        List<byte[]> dexes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        long inflated = 0;
        long dexBytes = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(apk))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (++entries > limits.maxEntries()) {
                    throw unreadable(413, "APK too large", "the APK has more than " + limits.maxEntries() + " entries");
                }
                String name = e.getName();
                checkName(name);
                if (!names.add(name)) {
                    throw unreadable(422, "Unsafe APK", "the entry " + name + " appears twice");
                }
                boolean isManifest = name.equals(MANIFEST);
                boolean isDex = DEX.matcher(name).matches();
                long cap = isManifest ? limits.maxManifestBytes() : isDex ? limits.maxDexBytes() - dexBytes : Long.MAX_VALUE;
                Drained d = drain(zip, name, isManifest || isDex, cap, limits.maxInflatedBytes() - inflated);
                byte[] data = d.data();
                long read = d.bytes();
                inflated += read;
                if (e.getCompressedSize() > 0 && read > 1 << 20 && read / e.getCompressedSize() > limits.maxRatio()) {
                    throw unreadable(413, "APK too large", "the entry " + name + " inflates more than "
                            + limits.maxRatio() + " times (a ZIP bomb)");
                }
                if (isManifest) {
                    manifest = data;
                } else if (isDex) {
                    dexBytes += data.length;
                    dexes.add(data);
                }
            }
        } catch (ZipException | IllegalArgumentException ex) {
            // the second: an entry name that is not valid UTF-8
            throw unreadable(422, "Unreadable APK", "the ZIP archive is corrupt: " + ex.getMessage());
        } catch (IOException ex) {
            throw unreadable(422, "Unreadable APK", "the APK could not be read: " + ex.getMessage());
        }
        if (manifest == null) {
            throw unreadable(422, "Unreadable APK", "the archive has no " + MANIFEST + ", so it is not an APK");
        }
        ApkMeta meta = manifest(manifest);
        Set<String> prefixes = new LinkedHashSet<>();
        int classes = 0;
        for (byte[] dex : dexes) {
            classes += classNames(dex, prefixes, limits.maxClasses() - classes);
        }
        return new AppProfile(meta.getPackageName(), apiLevel(meta.getTargetSdkVersion()),
                meta.getUsesPermissions() == null ? List.of()
                        : meta.getUsesPermissions().stream().filter(Objects::nonNull).toList(), List.copyOf(prefixes),
                List.of()).validated();
    }

    /** An entry read: its bytes when kept (null when skipped), and how many bytes it inflated to. */
    private record Drained(byte[] data, long bytes) {
    }

    /** Reads the current entry: kept (at most {@code keepCap} bytes) or skipped, within the inflation budget. */
    private Drained drain(InputStream in, String name, boolean keep, long keepCap, long budget) throws IOException {
        ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > budget) {
                throw unreadable(413, "APK too large", "the APK inflates to more than " + limits.maxInflatedBytes()
                        + " bytes (a ZIP bomb?)");
            }
            if (keep) {
                if (n > keepCap) {
                    throw unreadable(413, "APK too large", "the entry " + name + " is larger than "
                            + (name.equals(MANIFEST) ? limits.maxManifestBytes() + " bytes" : "the dex budget of "
                            + limits.maxDexBytes() + " bytes"));
                }
                out.write(buf, 0, r);
            }
        }
        return new Drained(keep ? out.toByteArray() : null, n);
    }

    private static void checkName(String name) {
        String n = name.replace('\\', '/');
        if (name.isEmpty() || name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0 || n.startsWith("/")
                || n.matches("^[A-Za-z]:.*") || ("/" + n + "/").contains("/../")) {
            throw unreadable(422, "Unsafe APK", "the entry name " + (name.length() > 80 ? name.substring(0, 80) + "…" : name)
                    + " points outside the archive");
        }
    }

    private static ApkMeta manifest(byte[] bytes) {
        checkStringPool(bytes);
        try {
            ResourceTable table = new ResourceTable();
            BinaryXmlParser parser = new BinaryXmlParser(ByteBuffer.wrap(bytes), table);
            ApkMetaTranslator meta = new ApkMetaTranslator(table, Locale.ROOT);
            parser.setXmlStreamer(meta);
            parser.parse();
            ApkMeta m = meta.getApkMeta();
            if (m.getPackageName() == null) {
                throw unreadable(422, "Unreadable APK", MANIFEST + " names no package");
            }
            return m;
        } catch (IngestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(422, "Unreadable APK", MANIFEST + " is not a valid binary manifest: " + e);
        }
    }

    /**
     * The parser sizes its string table from the header's counts; a forged count must fail here as a 422 rather than
     * as an allocation of gigabytes. Binary XML: an 8-byte file header, then the string pool chunk (type 1, header
     * size, chunk size, string count, style count …), little-endian.
     */
    private static void checkStringPool(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 8 + 28 || buf.getShort(0) != 0x0003 || buf.getShort(8) != 0x0001) {
            throw unreadable(422, "Unreadable APK", MANIFEST + " is not a binary XML file (plain-text manifests are not built APKs)");
        }
        long chunk = Integer.toUnsignedLong(buf.getInt(12));
        long strings = Integer.toUnsignedLong(buf.getInt(16));
        long styles = Integer.toUnsignedLong(buf.getInt(20));
        if (chunk > b.length - 8 || (strings + styles) * 4 > chunk) {
            throw unreadable(422, "Unreadable APK", MANIFEST + " has a corrupt string pool");
        }
    }

    /** Adds the prefixes of known SDKs among a dex file's classes; returns how many classes it has. */
    private static int classNames(byte[] dex, Set<String> prefixes, int budget) {
        try {
            DexBackedDexFile file = new DexBackedDexFile(Opcodes.getDefault(), dex);
            int n = 0;
            for (DexBackedClassDef c : file.getClasses()) {
                if (++n > budget) {
                    throw unreadable(413, "APK too large", "the APK's dex files define too many classes");
                }
                String type = c.getType();
                if (type.length() > 2 && type.charAt(0) == 'L') {
                    String name = type.substring(1, type.length() - 1).replace('/', '.');
                    KnownSdks.forClass(name).ifPresent(e -> prefixes.add(e.getValue()));
                }
            }
            return n;
        } catch (IngestException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreadable(422, "Unreadable APK", "a dex file of the APK is corrupt: " + e.getClass().getSimpleName());
        }
    }

    private static Integer apiLevel(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static IngestException unreadable(int status, String title, String detail) {
        return new IngestException(status, title, detail);
    }
}
