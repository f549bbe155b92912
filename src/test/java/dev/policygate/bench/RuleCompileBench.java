package dev.policygate.bench;

import dev.policygate.rules.RuleCompiler;
import dev.policygate.rules.RulePack;
import dev.policygate.rules.RulePackLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Full-pack compile time (bench/rule-compile.sh): DRL → executable model → bytecode verification and metering →
 * KieBase. Cold (first compile in the JVM) and warm (median of five).
 */
public final class RuleCompileBench {
    public static void main(String[] args) {
        RulePack pack = RulePackLoader.load(Path.of("rules"));
        long t0 = System.nanoTime();
        new RuleCompiler().compile(pack);
        System.out.printf("compile full pack (%d obligations, cold JVM): %d ms%n", pack.obligations().size(),
                (System.nanoTime() - t0) / 1_000_000);
        long[] warm = new long[5];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            new RuleCompiler().compile(pack);
            warm[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(warm);
        System.out.printf("compile full pack (warm, median of 5): %d ms (all: %s)%n", warm[2], Arrays.toString(warm));
    }
}
