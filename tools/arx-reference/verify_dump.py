#!/usr/bin/env python3
"""Recompute ARX's Loss for the dumped k=5 / 5% output table (adult_k5_s5_loss.csv) from the
output values alone (suppressed rows are all-'*' in ARX's output)."""
import math, json
from collections import Counter
DIR = "/work/shared/datasets/adult/"
QIS = ["sex","age","race","marital-status","education","native-country","workclass","occupation"]
rows = [l.rstrip("\r\n").split(";") for l in open("/tmp/arx/out/adult_k5_s5_loss.csv")]
hdr, rows = rows[0], rows[1:]
N = len(rows)
rec = [r for r in json.load(open("/tmp/arx/out/adult-arx.json")) if r.get("metric") == "Loss" and r.get("k") == 5 and r.get("suppression") == 0.05][0]
lv = rec["levels"]
supp = [all(r[hdr.index(q)] == "*" for q in QIS) for r in rows]
S = sum(supp)
Ls = []
for q in QIS:
    H = [l.rstrip("\n").split(";") for l in open(DIR + f"adult_hierarchy_{q}.csv") if l.strip()]
    cnt = Counter(h[lv[q]] for h in H)
    c = hdr.index(q)
    agg = sum((cnt[r[c]] / len(H)) for r, s in zip(rows, supp) if not s) + S
    lo = N / len(H)
    Ls.append(math.floor(max(0.0, (agg - lo) / (N - lo)) * 1e10) / 1e10)
g = 1.0
for v in Ls: g *= math.pow(v + 1.0, 1.0 / len(QIS))
classes = Counter(tuple(r[hdr.index(q)] for q in QIS) for r, s in zip(rows, supp) if not s)
print("rows", N, "suppressed", S, "classes", len(classes), "min class", min(classes.values()))
print("per-QI loss", dict(zip(QIS, Ls)))
print("recomputed Loss", repr(g - 1.0), " ARX reported", rec["arx_score_lowest"], " equal:", repr(g - 1.0) == rec["arx_score_lowest"])
