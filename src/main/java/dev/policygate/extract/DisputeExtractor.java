package dev.policygate.extract;

import dev.policygate.facts.ExternalDispute;
import dev.policygate.facts.ExternalDispute.Body;
import dev.policygate.facts.RefusalReasons;
import dev.policygate.facts.Fact;
import dev.policygate.ingest.Document;
import dev.policygate.ingest.Sentence;
import java.util.ArrayList;
import java.util.List;

/**
 * External dispute routes (regulator/网信, consumer association, court/诉讼, arbitration) named in a sentence about a
 * dispute or dissatisfaction — not in the lists of legal exceptions (刑事侦查、起诉、审判) or of duties towards
 * regulators (按照监管部门要求上报) — one fact per body; and the promise to give reasons for refusing a request
 * (拒绝…说明理由), one {@link RefusalReasons} fact citing every such sentence.
 */
public final class DisputeExtractor implements AreaExtractor {
    private static final Rx REASON = Rx.of("理由|原因");
    private static final LexiconFile L = DeadlineExtractor.L;
    private static final Body[] BODIES = {Body.REGULATOR, Body.CONSUMER_ASSOCIATION, Body.COURT, Body.ARBITRATION};

    private static final Rx QUICK = Rx.of(
            "理由|原因|网信|网络信息|监管|主管|行政机关|有关部门|公安|123|消费者|消协|市场监督|法院|诉讼|起诉|仲裁|政府|保护职责");

    @Override
    public List<Fact> extract(Document d) {
        ClauseText.Grouped<Body> g = new ClauseText.Grouped<>();
        List<dev.policygate.facts.Citation> refusal = new ArrayList<>();
        for (Sentence s : d.sentences()) {
            String t = s.text();
            if (!QUICK.find(t)) {
                continue;
            }
            if (REASON.find(t) && L.find("REFUSAL", t)) {
                refusal.add(d.cite(s));
            }
            if (!L.find("DISPUTE_CONTEXT", t) || L.find("NOT_DISPUTE", t)) {
                continue;
            }
            for (Body b : BODIES) {
                if (L.find(b.name(), t)) {
                    g.add(b, d.cite(s));
                }
            }
        }
        List<Fact> out = new ArrayList<>(g.build(ExternalDispute::new));
        if (!refusal.isEmpty()) {
            out.add(new RefusalReasons(List.copyOf(refusal)));
        }
        return out;
    }
}
