package dev.policygate.app;

import java.io.File;
import java.util.List;
import org.jf.dexlib2.AccessFlags;
import org.jf.dexlib2.Opcodes;
import org.jf.dexlib2.immutable.ImmutableClassDef;
import org.jf.dexlib2.writer.io.FileDataStore;
import org.jf.dexlib2.writer.pool.DexPool;

/**
 * Writes a classes.dex with empty public classes of the given names (dots), with dexlib2's writer: the APK fixtures
 * of {@code src/test/resources/apk/regenerate.sh} meet the real dex format. Usage: OUT.dex CLASS...
 */
public final class DexFixtureWriter {
    private DexFixtureWriter() {
    }

    public static void main(String[] args) throws Exception {
        DexPool pool = new DexPool(Opcodes.forApi(26));
        for (String c : List.of(args).subList(1, args.length)) {
            pool.internClass(new ImmutableClassDef("L" + c.replace('.', '/') + ";", AccessFlags.PUBLIC.getValue(),
                    "Ljava/lang/Object;", null, null, null, null, null));
        }
        pool.writeTo(new FileDataStore(new File(args[0])));
    }
}
