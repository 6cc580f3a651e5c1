#!/usr/bin/env python3
"""Independent re-computation of ARX's metrics from adult.csv + hierarchies,
given the generalization levels of each ARX optimum (from adult-arx.json).
Formulas as documented in /tmp/arx/out/METRICS.md; no ARX code used."""
import json, math, sys
from collections import Counter

DIR = "/work/shared/datasets/adult/"
QIS = ["sex","age","race","marital-status","education","native-country","workclass","occupation"]

def read_rows(path):
    with open(path, newline="") as f:
        txt = f.read()
    lines = [l for l in txt.replace("\r\n", "\n").split("\n") if l != ""]
    return [l.split(";") for l in lines]

data = read_rows(DIR + "adult.csv")
header, data = data[0], data[1:]
N = len(data)
col = {c: i for i, c in enumerate(header)}

hier = {}     # qi -> {leaf: [label at level 0..h]}
share = {}    # qi -> [ {label: share} per level ]
rowsH = {}    # qi -> number of hierarchy rows (ARX "domain size")
height = {}
for q in QIS:
    rows = read_rows(DIR + f"adult_hierarchy_{q}.csv")
    hier[q] = {r[0]: r for r in rows}
    rowsH[q] = len(rows)
    height[q] = len(rows[0]) - 1
    share[q] = []
    for L in range(len(rows[0])):
        cnt = Counter(r[L] for r in rows)
        share[q].append({lab: c / len(rows) for lab, c in cnt.items()})

def floor10(x):
    return math.floor(x * 1e10) / 1e10

def evaluate(levels, k, supp):
    # equivalence classes of the transformation
    keys = [tuple(hier[q][r[col[q]]][levels[q]] for q in QIS) for r in data]
    classes = Counter(keys)
    small = sum(c for c in classes.values() if c < k)
    limit = math.floor(supp * N)
    assert small <= limit, "transformation not k-anonymous within limit"
    S = small                                       # suppressed records
    kept = {key: c for key, c in classes.items() if c >= k}
    out = {}
    # Loss
    D = len(QIS)
    Ls = []
    for d, q in enumerate(QIS):
        agg = sum(c * share[q][levels[q]][key[d]] for key, c in kept.items()) + S
        lo = N / rowsH[q]
        v = max(0.0, (agg - lo) / (N - lo))
        Ls.append(floor10(v))
    g = 1.0
    for v in Ls:
        g *= math.pow(v + 1.0, 1.0 / D)
    out["Loss"] = g - 1.0
    out["Loss_per_qi"] = Ls
    # Precision
    P = 0.0
    for q in QIS:
        lv = levels[q] / height[q] if height[q] else 0.0
        P += (((N - S) * lv + S) / N) / D
    out["Precision"] = P
    # DM (non-monotonic) and DM* (monotonic variant)
    out["DM"] = float(sum(c * c for c in kept.values()) + N * S)
    out["DMStar"] = float(sum(c * c for c in classes.values()))
    # AECS
    out["AECS"] = N / (len(kept) + (1 if S > 0 else 0))
    out["suppressed"] = S
    out["classes"] = len(kept)
    out["min_class"] = min(kept.values()) if kept else 0
    return out

if __name__ == "__main__":
    res = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "/tmp/arx/out/adult-arx.json"))
    worst = {}
    bad = 0
    print(f"{'metric':10} {'k':>4} {'s':>5} {'ARX':>24} {'recomputed':>24} {'abs diff':>10}  supp/classes/min ok")
    for r in res:
        if r.get("header") or not r.get("levels"):
            continue
        o = evaluate(r["levels"], r["k"], r["suppression"])
        a = r["arx_score_lowest_double"]
        mine = o[r["metric"]]
        diff = abs(a - mine)
        rel = diff / max(1e-300, abs(a))
        worst[r["metric"]] = max(worst.get(r["metric"], 0.0), rel)
        ok = (o["suppressed"] == r["suppressed_rows"] and o["classes"] == r["classes"] and o["min_class"] == r["min_class"])
        if rel > 1e-12 or not ok:
            bad += 1
        print(f"{r['metric']:10} {r['k']:>4} {r['suppression']:>5} {a!r:>24} {mine!r:>24} {diff:10.2e}  {ok}")
    print("max relative difference per metric:", worst)
    print("mismatches:", bad)
