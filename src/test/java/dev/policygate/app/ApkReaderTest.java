package dev.policygate.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygate.facts.AppPermission;
import dev.policygate.facts.AppInfo;
import dev.policygate.facts.AppSdk;
import dev.policygate.facts.Fact;
import dev.policygate.facts.PermissionRequest.Permission;
import dev.policygate.ingest.IngestException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The APK reader on the aapt-built fixture (its parsed content is what regenerate.sh's inputs say) and on hostile archives. */
class ApkReaderTest {
    static final Path FIXTURES = Path.of("src/test/resources/apk");

    static byte[] fixture() throws IOException {
        return Files.readAllBytes(FIXTURES.resolve("location-camera-contacts.apk"));
    }

    @Test
    void fixtureHoldsWhatItsSourcesSay() throws IOException {
        AppProfile p = new ApkReader().read(fixture());
        String manifest = Files.readString(FIXTURES.resolve("location-camera-contacts/AndroidManifest.xml"));
        assertEquals("org.example.tianfu", p.packageName());
        assertTrue(manifest.contains("android:targetSdkVersion=\"" + p.targetSdkVersion() + "\""));
        assertEquals(List.of("android.permission.ACCESS_FINE_LOCATION", "android.permission.CAMERA",
                "android.permission.READ_CONTACTS", "android.permission.INTERNET"), p.permissions());
        for (String perm : p.permissions()) {
            assertTrue(manifest.contains("\"" + perm + "\""), perm);
        }
        List<String> classes = Files.readAllLines(FIXTURES.resolve("location-camera-contacts/classes.txt"));
        assertEquals(List.of("com.amap.api.location", "com.tencent.bugly").stream().sorted().toList(),
                p.sdks().stream().sorted().toList());
        assertTrue(p.sdks().stream().allMatch(s -> classes.stream().anyMatch(c -> c.startsWith(s + "."))));

        List<Fact> facts = p.facts();
        List<AppPermission> perms = facts.stream().filter(AppPermission.class::isInstance).map(AppPermission.class::cast).toList();
        assertEquals(4, perms.size());
        assertEquals(Permission.LOCATION, perms.get(0).kind());
        assertTrue(perms.get(0).dangerous());
        assertFalse(perms.get(3).dangerous(), "INTERNET is a normal permission");
        List<AppSdk> sdks = facts.stream().filter(AppSdk.class::isInstance).map(AppSdk.class::cast).toList();
        assertFalse(sdks.isEmpty());
        AppSdk bugly = sdks.stream().filter(s -> s.id().equals("tencent-bugly")).findFirst().orElseThrow();
        assertEquals("深圳市腾讯计算机系统有限公司", bugly.provider());
        assertTrue(bugly.processesPi());
    }

    private static IngestException refused(byte[] apk, ApkReader reader) {
        return assertThrows(IngestException.class, () -> reader.read(apk));
    }

    private static byte[] zip(Entry... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Entry e : entries) {
                ZipEntry ze = new ZipEntry(e.name());
                if (e.stored()) {
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.data().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.data());
                    ze.setCrc(crc.getValue());
                }
                z.putNextEntry(ze);
                z.write(e.data());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    record Entry(String name, byte[] data, boolean stored) {
        Entry(String name, byte[] data) {
            this(name, data, false);
        }
    }

    private static byte[] manifestOfFixture() throws IOException {
        return entryOfFixture("AndroidManifest.xml");
    }

    private static byte[] entryOfFixture(String name) throws IOException {
        try (var z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(fixture()))) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return z.readAllBytes();
                }
            }
        }
        throw new AssertionError("fixture has no " + name);
    }

    /** The fixture's manifest and dex, one of them with bytes changed from {@code at} on. */
    private static byte[] fixtureWith(String entry, int at, byte... bytes) throws IOException {
        byte[] manifest = manifestOfFixture();
        byte[] dex = entryOfFixture("classes.dex");
        System.arraycopy(bytes, 0, entry.equals("classes.dex") ? dex : manifest, at, bytes.length);
        return zip(new Entry("AndroidManifest.xml", manifest), new Entry("classes.dex", dex));
    }

    private static final ApkReader THREE_SECONDS = new ApkReader(new ApkReader.Limits(20_000, 512L << 20, 200, 1 << 20,
            64L << 20, 300_000, Duration.ofSeconds(3)));

    @Test
    void aManifestChunkOfSizeZeroThatLoopsTheParserForeverIsStoppedAtTheTimeLimit() throws IOException {
        // the size of the manifest's last chunk: apk-parser steps back by it and reads the same chunk again
        IngestException e = refused(fixtureWith("AndroidManifest.xml", 1832, new byte[4]), THREE_SECONDS);
        assertEquals(422, e.httpStatus());
        assertEquals("Reading the APK took longer than 3 s and was stopped (a damaged or hostile file?).",
                e.getMessage());
        assertEquals("org.example.tianfu", THREE_SECONDS.read(fixture()).packageName(), "the next APK is read");
    }

    @Test
    void lengthsThatWouldAllocateGigabytesCostTheChildReaderNotTheService() throws IOException {
        long heapMb = ApkReader.Limits.DEFAULT.heapBytes() >> 20;
        // the first string of the manifest's pool, 2^31 - 1 characters long
        IngestException string = refused(fixtureWith("AndroidManifest.xml", 144, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff), new ApkReader());
        // the resource map: 2^31 bytes, read as longs
        IngestException map = refused(fixtureWith("AndroidManifest.xml", 1068, (byte) 0xf8, (byte) 0xff,
                (byte) 0xff, (byte) 0x7f), new ApkReader());
        // the dex string of class 0's name: a uleb128 length of 2^32 - 1
        IngestException dex = refused(fixtureWith("classes.dex", 240, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0x07), new ApkReader());
        for (IngestException e : List.of(string, map, dex)) {
            assertEquals(422, e.httpStatus(), e.getMessage());
            assertEquals("Reading the APK needed more than " + heapMb + " MB of memory and was stopped (a damaged or "
                    + "hostile file?).", e.getMessage());
        }
        assertEquals("org.example.tianfu", new ApkReader().read(fixture()).packageName());
    }

    @Test
    void anEntryNameThatIsNotUtf8Is422() throws IOException {
        byte[] apk = zip(new Entry("AndroidManifest.xml", manifestOfFixture()), new Entry("res/aXYb", new byte[] {1}));
        for (int i = indexOf(apk, "aXYb".getBytes()); i >= 0; i = indexOf(apk, "aXYb".getBytes())) {
            apk[i + 1] = (byte) 0xff;
            apk[i + 2] = (byte) 0xfe;
        }
        IngestException e = refused(apk, new ApkReader());
        assertEquals(422, e.httpStatus());
        assertTrue(e.getMessage().startsWith("the ZIP archive is corrupt"), e.getMessage());
    }

    @Test
    void notAZipIs415() {
        assertEquals(415, refused("这不是APK".getBytes(java.nio.charset.StandardCharsets.UTF_8), new ApkReader()).httpStatus());
    }

    @Test
    void zipBombIsStopped() throws IOException {
        byte[] zeros = new byte[8 << 20];
        byte[] bomb = zip(new Entry("AndroidManifest.xml", manifestOfFixture()), new Entry("assets/a.bin", zeros),
                new Entry("assets/b.bin", zeros));
        assertTrue(bomb.length < 100_000, "a real bomb: " + bomb.length + " bytes");
        IngestException e = refused(bomb, new ApkReader());
        assertEquals(413, e.httpStatus());
        assertTrue(e.getMessage().contains("ZIP bomb"), e.getMessage());
        // and the total inflated bound, with the ratio check out of the way
        IngestException total = refused(bomb, new ApkReader(new ApkReader.Limits(100, 10 << 20, 100_000, 1 << 20, 1 << 20, 1000, Duration.ofSeconds(30))));
        assertTrue(total.getMessage().contains("inflates to more than"), total.getMessage());
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Entry[] many = new Entry[50];
        for (int i = 0; i < many.length; i++) {
            many[i] = new Entry("res/f" + i, new byte[] {1});
        }
        IngestException e = refused(zip(many), new ApkReader(new ApkReader.Limits(20, 1 << 20, 200, 1 << 20, 1 << 20, 1000, Duration.ofSeconds(30))));
        assertEquals(413, e.httpStatus());
    }

    @Test
    void pathTricksAreRefused() throws IOException {
        for (String name : List.of("../../etc/passwd", "assets/../../x", "/abs/path", "C:/win")) {
            IngestException e = refused(zip(new Entry("AndroidManifest.xml", manifestOfFixture()), new Entry(name, new byte[] {1})),
                    new ApkReader());
            assertEquals(422, e.httpStatus(), name);
            assertTrue(e.getMessage().contains("outside the archive"), e.getMessage());
        }
    }

    @Test
    void duplicateManifestIsRefused() throws IOException {
        byte[] m = manifestOfFixture();
        // ZipOutputStream refuses duplicates, so the second copy differs only in case-insensitive-free way: write raw
        byte[] one = zip(new Entry("AndroidManifest.xml", m, true));
        byte[] twice = java.util.Arrays.copyOf(one, one.length);
        // a local header repeated before the central directory is what a duplicate looks like to a streaming reader
        int cd = indexOf(one, new byte[] {'P', 'K', 1, 2});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(one, 0, cd);
        out.write(one, 0, cd);
        out.write(twice, cd, one.length - cd);
        IngestException e = refused(out.toByteArray(), new ApkReader());
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());
    }

    private static int indexOf(byte[] b, byte[] pat) {
        outer:
        for (int i = 0; i + pat.length <= b.length; i++) {
            for (int j = 0; j < pat.length; j++) {
                if (b[i + j] != pat[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void missingCorruptOrHugeManifestIsRefused() throws IOException {
        assertEquals(422, refused(zip(new Entry("classes.dex", new byte[] {1, 2})), new ApkReader()).httpStatus());
        assertEquals(422, refused(zip(new Entry("AndroidManifest.xml", "<manifest package=\"x\"/>".getBytes())), new ApkReader()).httpStatus());
        byte[] forged = manifestOfFixture().clone();
        forged[16] = (byte) 0xff; // string count of the string pool: about 4 billion
        forged[17] = (byte) 0xff;
        forged[18] = (byte) 0xff;
        forged[19] = (byte) 0x7f;
        IngestException pool = refused(zip(new Entry("AndroidManifest.xml", forged)), new ApkReader());
        assertEquals(422, pool.httpStatus());
        byte[] huge = java.util.Arrays.copyOf(manifestOfFixture(), 3 << 20);
        assertEquals(413, refused(zip(new Entry("AndroidManifest.xml", huge)), new ApkReader()).httpStatus());
    }

    @Test
    void corruptOrHugeDexIsRefused() throws IOException {
        byte[] m = manifestOfFixture();
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        IngestException corrupt = refused(zip(new Entry("AndroidManifest.xml", m), new Entry("classes.dex", garbage)), new ApkReader());
        assertEquals(422, corrupt.httpStatus());
        assertTrue(corrupt.getMessage().contains("dex"), corrupt.getMessage());
        IngestException huge = refused(zip(new Entry("AndroidManifest.xml", m), new Entry("classes.dex", new byte[2 << 20])),
                new ApkReader(new ApkReader.Limits(100, 64 << 20, 100_000, 1 << 20, 1 << 20, 1000, Duration.ofSeconds(30))));
        assertEquals(413, huge.httpStatus());
    }

    @Test
    void appProfileIsValidated() {
        IngestException e = assertThrows(IngestException.class, () -> new AppProfile("org.x", 33,
                List.of("android.permission.CAMERA", "not a permission!"), List.of("no-such-sdk"), List.of()).validated());
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("not a permission!") && e.getMessage().contains("no-such-sdk"), e.getMessage());
        List<Fact> facts = new AppProfile(null, null, List.of("CAMERA"), List.of("umeng"),
                List.of(new AppProfile.DataFlow("jpush", List.of("位置信息")))).facts();
        assertEquals(4, facts.size());
        assertEquals(new AppInfo(null, null, List.of()), facts.get(0), "the app itself comes first");
        assertTrue(facts.stream().anyMatch(f -> f instanceof AppSdk s && s.id().equals("jpush") && s.collects().contains("位置信息")));
    }

    @Test
    void everyKnownSdkHasAProviderAndPrefixes() {
        assertTrue(KnownSdks.all().size() >= 25);
        assertTrue(KnownSdks.all().stream().allMatch(s -> s.provider() != null && !s.prefixes().isEmpty()));
        assertTrue(AndroidPermissions.size() >= 25);
    }
}
