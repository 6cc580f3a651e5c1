#!/usr/bin/env python3
"""Independent scorer: recomputes per-label precision/recall/F1 (exact and overlap matching)
from a corpus's gold.jsonl and `sumi scan --format jsonl` predictions, and compares them with
`sumi rules test --json`. Used to check sumi's own scorer; standard library only.

    python3 corpora/tools/score.py corpora/holdout --sumi .build/release/sumi
"""
import argparse, json, os, subprocess, sys
from collections import defaultdict

def prf(tp, gold, pred):
    p = tp / pred if pred else (1.0 if gold == 0 else 0.0)
    r = min(tp, gold) / gold if gold else (1.0 if pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--sumi", default=".build/release/sumi")
    ap.add_argument("--tolerance", type=float, default=0.005)
    a = ap.parse_args()
    gold_docs = [json.loads(l) for l in open(os.path.join(a.corpus, "gold.jsonl"), encoding="utf-8") if l.strip()]
    gold_docs = [d for d in gold_docs if "spans" in d]
    counts = defaultdict(lambda: {"gold": 0, "pred": 0, "tp_exact": 0, "tp_overlap": 0})
    for d in gold_docs:
        path = os.path.join(a.corpus, d["file"])
        args = [a.sumi, "scan", path, "--format", "jsonl"]
        if d.get("encoding"):
            args += ["--encoding", d["encoding"]]
        out = subprocess.run(args, capture_output=True, text=True).stdout
        preds = [json.loads(l) for l in out.splitlines() if l.strip()]
        gold = d["spans"]
        for g in gold: counts[g["label"]]["gold"] += 1
        for p in preds: counts[p["label"]]["pred"] += 1
        # exact: same start, end, label; each gold span once
        gold_set = defaultdict(int)
        for g in gold: gold_set[(g["start"], g["end"], g["label"])] += 1
        for p in preds:
            k = (p["start"], p["end"], p["label"])
            if gold_set[k] > 0:
                gold_set[k] -= 1
                counts[p["label"]]["tp_exact"] += 1
        # overlap: same label, overlapping, greedy by largest overlap, each side once
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(preds):
                if p["label"] != g["label"]: continue
                ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if ov > 0: pairs.append((-ov, gi, pi))
        pairs.sort()
        gu, pu = set(), set()
        for _, gi, pi in pairs:
            if gi in gu or pi in pu: continue
            gu.add(gi); pu.add(pi)
            counts[preds[pi]["label"]]["tp_overlap"] += 1
    report = json.loads(subprocess.run([a.sumi, "rules", "test", "--corpus", a.corpus, "--json"],
                                       capture_output=True, text=True, check=True).stdout)
    worst = 0.0
    for label, c in sorted(counts.items()):
        for kind in ("exact", "overlap"):
            mine = prf(c["tp_" + kind], c["gold"], c["pred"])
            theirs = report["labels"].get(label, {}).get(kind, {})
            for name, v in zip(("precision", "recall", "f1"), mine):
                diff = abs(v - theirs.get(name, 0.0))
                worst = max(worst, diff)
                if diff > a.tolerance:
                    print(f"{label} {kind} {name}: independent {v:.4f}, sumi {theirs.get(name, 0.0):.4f}")
    print(f"{len(counts)} labels compared; largest difference {worst:.4f}")
    sys.exit(0 if worst <= a.tolerance else 1)

if __name__ == "__main__":
    main()
