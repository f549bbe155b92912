package dev.policygate.bench;

import dev.policygate.assess.PolicyAssessor;
import dev.policygate.ingest.*;
import dev.policygate.rules.*;
import java.nio.file.*;
import java.util.*;
/**
 * Prints the policy × obligation status table of the README for the given policy files (with DETAIL=1 also
 * each finding's rationale and first citation, for reading findings against the policies).
 * Run with {@code bench/corpus-table.sh}.
 */
public final class CorpusTable {
  public static void main(String[] a) throws Exception {
    // the command line has no logging configuration; keep it quiet

    org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.WARNING);
    RulePack pack = RulePackLoader.load(Path.of("rules"));
    CompiledRuleSet rs = new RuleCompiler().compile(pack);
    // a generous time limit: the table is about findings, and a loaded machine must not turn one into an error
    PolicyAssessor pa = new PolicyAssessor(new dev.policygate.extract.FactExtractor(),
        new RuleEvaluator(RuleEvaluator.DEFAULT_MAX_FIRINGS, java.time.Duration.ofSeconds(60), 1, 64));
    Map<String, PolicyAssessor.Result> res = new LinkedHashMap<>();
    for (String f : a) {
      Document d = new Ingestor().ingestText(Files.readString(Path.of(f)));
      res.put(Path.of(f).getFileName().toString().substring(0,3), pa.assess(d, rs));
    }
    StringBuilder sb = new StringBuilder("| obligation | " + String.join(" | ", res.keySet()) + " |\n|---|" + "---|".repeat(res.size()) + "\n");
    for (Obligation o : pack.obligations()) {
      sb.append("| ").append(o.id());
      for (var r : res.values()) sb.append(" | ").append(r.evaluation().finding(o.id()).get().status());
      sb.append(" |\n");
    }
    sb.append("| **score** ");
    for (var r : res.values()) sb.append(" | **").append(r.score().score()).append("**");
    sb.append(" |\n| **verdict** ");
    for (var r : res.values()) sb.append(" | ").append(r.score().verdict());
    sb.append(" |\n");
    System.out.println(sb);
    if (System.getenv("DETAIL") != null) for (var e : res.entrySet()) { System.out.println("## " + e.getKey());
      for (var f : e.getValue().evaluation().findings()) System.out.println(f.id()+" "+f.status()+" :: "+f.rationaleZh()+" :: "+ (f.citations().isEmpty()? f.lookedIn() : f.citations().get(0).quote()));}
    System.exit(0);
  }
}
