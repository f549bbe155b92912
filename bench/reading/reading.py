#!/usr/bin/env python3
"""Reading extraction's disagreements with the annotators (README "Reading the disagreements").

  reading.py draw ERRORS.tsv > sample.tsv
      20 false positives and 20 false negatives of each area (all, where there are fewer), drawn with a fixed seed
      from what `policygate eval DIR --errors ERRORS.tsv` wrote; the same file gives the same sample.
  reading.py score JUDGED.tsv EVAL.json
      from a sample with two readers' judgements (columns first, second: in or out) and the scores of the same run
      (`policygate eval DIR --format json`): per area, the share of false positives both readers place in the
      area, the share of false negatives both place in it, the readers' agreement, and precision once the false
      positives both readers place in the area are counted right.
"""
import csv
import json
import random
import sys

AREAS = ["COLLECTION", "PERMISSIONS", "SHARING", "STORAGE", "SECURITY", "SPECIAL_GROUPS", "RIGHTS", "CONTACT",
         "POLICY_CHANGES", "CESSATION"]
SEED = 2026
PER_KIND = 20


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def draw(errors):
    all_rows = rows(errors)
    out = csv.writer(sys.stdout, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
    out.writerow(["policy", "line", "area", "kind", "labelled", "sentence"])
    for area in AREAS:
        rnd = random.Random(SEED)
        for kind in ("FALSE_POSITIVE", "FALSE_NEGATIVE"):
            pool = [r for r in all_rows if r["area"] == area and r["kind"] == kind]
            for r in rnd.sample(pool, min(PER_KIND, len(pool))):
                out.writerow([r[k] for k in ("policy", "line", "area", "kind", "labelled", "sentence")])


def score(judged, eval_json):
    sample = rows(judged)
    counts = {a["area"]: a for a in json.load(open(eval_json, encoding="utf-8"))["areas"]}
    print("area\tTP\tFP\tFN\tP\tFP in area (both)\tFN in area (both)\treaders agree\tP, FPs in area counted right")
    agree = total = 0
    for area in AREAS:
        mine = [r for r in sample if r["area"] == area]
        both = lambda kind: [r["first"] == r["second"] == "in" for r in mine if r["kind"] == kind]
        fp, fn = both("FALSE_POSITIVE"), both("FALSE_NEGATIVE")
        c = counts[area]
        tp, fps, fns = c["truePositives"], c["falsePositives"], c["falseNegatives"]
        fp_in = sum(fp) / len(fp)
        agree += sum(r["first"] == r["second"] for r in mine)
        total += len(mine)
        print("%s\t%d\t%d\t%d\t%.3f\t%d/%d\t%d/%d\t%d/%d\t%.3f" % (
            area, tp, fps, fns, tp / (tp + fps), sum(fp), len(fp), sum(fn), len(fn),
            sum(r["first"] == r["second"] for r in mine), len(mine), (tp + fps * fp_in) / (tp + fps)))
    print("readers agree on %d of %d" % (agree, total))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "draw":
        draw(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "score":
        score(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
