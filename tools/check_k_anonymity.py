#!/usr/bin/env python3
"""Independent k-anonymity check of a table written by `sumi anonymize` (shares no code with it).

Counts the rows of each combination of the quasi-identifier columns in the output. Rows whose
quasi-identifiers are all `*` are suppressed rows; every other combination must occur at least k
times, the suppressed rows must not exceed floor(limit x input rows), and with --sensitive/--l every
published combination must hold at least l distinct sensitive values.

    check_k_anonymity.py OUT.csv --qi a,b,c --k 5 [--suppression 0.05 --input-rows N]
                         [--sensitive col --l 2] [--delimiter ';'] [--encoding cp932]
Exit status 0 when the table passes, 1 when it does not.
"""
import argparse
import collections
import csv
import io
import math
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("table")
    p.add_argument("--qi", required=True)
    p.add_argument("--k", type=int, required=True)
    p.add_argument("--l", type=int, default=1)
    p.add_argument("--sensitive")
    p.add_argument("--suppression", type=float, default=0.0)
    p.add_argument("--input-rows", type=int)
    p.add_argument("--delimiter")
    p.add_argument("--encoding", default="utf-8-sig")
    a = p.parse_args()
    with open(a.table, encoding=a.encoding, newline="") as f:
        text = f.read()
    delimiter = a.delimiter or csv.Sniffer().sniff(text[:65536], delimiters=",;\t").delimiter
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    header, data = rows[0], [r for r in rows[1:] if r]
    qi = [header.index(c) for c in a.qi.split(",")]
    s = header.index(a.sensitive) if a.sensitive else None
    classes = collections.Counter()
    diverse = collections.defaultdict(set)
    suppressed = 0
    for r in data:
        key = tuple(r[i] for i in qi)
        if all(v == "*" for v in key):
            suppressed += 1
            continue
        classes[key] += 1
        if s is not None:
            diverse[key].add(r[s])
    problems = []
    small = [n for n in classes.values() if n < a.k]
    if small:
        problems.append(f"{len(small)} classes smaller than k={a.k} (smallest {min(small)})")
    limit = math.floor(a.suppression * (a.input_rows or len(data)))
    if suppressed > limit:
        problems.append(f"{suppressed} suppressed rows exceed the limit {limit}")
    if s is not None and a.l > 1:
        poor = [k for k, v in diverse.items() if len(v) < a.l]
        if poor:
            problems.append(f"{len(poor)} classes with fewer than l={a.l} distinct sensitive values")
    status = "FAIL: " + "; ".join(problems) if problems else "ok"
    print(f"{a.table}: {len(data)} rows, {len(classes)} classes, smallest {min(classes.values()) if classes else 0}, "
          f"{suppressed} suppressed: {status}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
