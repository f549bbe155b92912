package dev.policygate.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.policygate.score.ScoringConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads a rule set from a directory or from (name, content) pairs (a rule set stored in a database). Layout,
 * names relative to the root:
 *
 * <pre>
 * scoring.yaml                     scoring weights, credits and verdict thresholds (see {@link ScoringConfig})
 * &lt;pack&gt;/pack.yaml                 area: B, titleZh, titleEn, obligations: [HANDLER_IDENTITY, …] (catalogue order)
 * &lt;pack&gt;/&lt;ID&gt;.yaml                 id, titleZh, titleEn, severity, conditional, legalBasis: [{instrument, article, textZh}],
 *                                  remediation: {zh, en, clauseZh, section, sectionMatch, samples} (optional)
 * &lt;pack&gt;/&lt;ID&gt;.drl                  the obligation's rules
 * &lt;pack&gt;/&lt;ID&gt;.tests.yaml           its rule tests (optional)
 * </pre>
 *
 * Packs are ordered by directory name, obligations within a pack as listed in its {@code pack.yaml}. Other
 * files (README.md …) are ignored. Every problem found is reported at once in a {@link RulePackException}.
 */
public final class RulePackLoader {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private RulePackLoader() {
    }

    public static RulePack load(Path root) {
        if (!Files.isDirectory(root)) {
            throw new RulePackException(List.of("not a directory: " + root));
        }
        List<RuleSource> sources = new ArrayList<>();
        // rules/ (or a pack in it) may be a symbolic link, e.g. to a checkout of the rules elsewhere
        try (Stream<Path> files = Files.walk(root.toRealPath(), 2, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            Path dir = root.toRealPath();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".drl")) {
                    sources.add(new RuleSource(name, Files.readString(p, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule set " + root, e);
        }
        return load(sources);
    }

    public static RulePack load(List<RuleSource> sources) {
        List<String> problems = new ArrayList<>();
        Map<String, String> files = new TreeMap<>();
        for (RuleSource s : sources) {
            String name = s.name().replace('\\', '/');
            if (name.startsWith("rules/")) {
                name = name.substring("rules/".length());
            }
            if (files.put(name, s.content()) != null) {
                problems.add(name + ": given twice");
            }
        }
        ScoringConfig scoring = null;
        String scoringText = files.get("scoring.yaml");
        if (scoringText == null) {
            problems.add("scoring.yaml: missing");
        } else {
            try {
                scoring = parseScoring(YAML.readTree(scoringText));
            } catch (Exception e) {
                problems.add("scoring.yaml: " + e.getMessage());
            }
        }
        List<Obligation> obligations = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> used = new HashSet<>();
        used.add("scoring.yaml");
        List<String> packs = files.keySet().stream().filter(n -> n.endsWith("/pack.yaml"))
                .map(n -> n.substring(0, n.length() - "/pack.yaml".length())).sorted().toList();
        if (packs.isEmpty()) {
            problems.add("no <pack>/pack.yaml found");
        }
        for (String pack : packs) {
            String packFile = pack + "/pack.yaml";
            used.add(packFile);
            JsonNode packNode;
            try {
                packNode = YAML.readTree(files.get(packFile));
            } catch (Exception e) {
                problems.add(packFile + ": " + e.getMessage());
                continue;
            }
            String area = text(packNode, "area");
            if (area == null) {
                problems.add(packFile + ": area missing");
            }
            JsonNode list = packNode == null ? null : packNode.get("obligations");
            if (list == null || !list.isArray() || list.isEmpty()) {
                problems.add(packFile + ": obligations (a list of IDs) missing");
                continue;
            }
            for (JsonNode idNode : list) {
                String id = idNode.asText();
                String meta = pack + "/" + id + ".yaml";
                String drl = pack + "/" + id + ".drl";
                String tests = pack + "/" + id + ".tests.yaml";
                used.add(meta);
                used.add(drl);
                used.add(tests);
                if (!ids.add(id)) {
                    problems.add(packFile + ": obligation " + id + " is listed twice in the rule set");
                    continue;
                }
                if (!files.containsKey(meta)) {
                    problems.add(meta + ": missing");
                    continue;
                }
                if (!files.containsKey(drl)) {
                    problems.add(drl + ": missing");
                    continue;
                }
                try {
                    ObligationMeta m = YAML.readValue(files.get(meta), ObligationMeta.class);
                    if (m == null || !id.equals(m.id())) {
                        problems.add(meta + ": id must be " + id);
                        continue;
                    }
                    if (m.severity() == null) {
                        problems.add(meta + ": severity missing");
                        continue;
                    }
                    if (m.titleZh() == null || m.titleEn() == null) {
                        problems.add(meta + ": titleZh and titleEn are required");
                    }
                    if (m.remediation() != null) {
                        m.remediation().problems().forEach(p -> problems.add(meta + ": " + p));
                    }
                    obligations.add(new Obligation(id, m.titleZh(), m.titleEn(), area, pack, m.severity(),
                            m.conditional(), m.legalBasis(), files.get(drl), files.get(tests), m.remediation()));
                } catch (Exception e) {
                    problems.add(meta + ": " + e.getMessage());
                }
            }
        }
        for (String name : files.keySet()) {
            if (!used.contains(name) && (name.endsWith(".drl") || name.matches("[^/]+/[^/]+\\.ya?ml"))) {
                problems.add(name + ": not part of any pack.yaml's obligations");
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackException(problems);
        }
        return new RulePack(obligations, scoring);
    }

    /** The metadata file of one obligation. */
    record ObligationMeta(String id, String titleZh, String titleEn, Severity severity, boolean conditional,
                          List<LegalBasis> legalBasis, Remediation remediation) {
    }

    static ScoringConfig parseScoring(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("must be a mapping");
        }
        Set<String> allowed = Set.of("weights", "credit", "verdict");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException("unknown key '" + f + "'");
            }
        }
        Map<Severity, Integer> weights = new EnumMap<>(Severity.class);
        JsonNode w = required(n, "weights");
        for (Severity s : Severity.values()) {
            weights.put(s, required(w, s.name()).asInt());
        }
        JsonNode credit = required(n, "credit");
        JsonNode verdict = required(n, "verdict");
        JsonNode c = required(verdict, "compliant");
        JsonNode nc = required(verdict, "nonCompliant");
        return new ScoringConfig(weights, required(credit, "MET").asDouble(), required(credit, "PARTIAL").asDouble(),
                required(c, "minScore").asDouble(), required(c, "maxCriticalNotMet").asInt(),
                required(nc, "belowScore").asDouble(), required(nc, "minCriticalNotMet").asInt());
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("'" + field + "' missing");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
