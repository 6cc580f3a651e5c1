#!/usr/bin/env python3
"""Runs `sumi anonymize` on ARX's Adult data for k in 2..100 and 0 % / 5 % suppression, checks every
output with tools/check_k_anonymity.py, and compares the information loss with ARX's optimum.

    tools/adult_benchmark.py [--sumi .build/release/sumi] [--data ../shared/datasets/adult]
                             [--metrics loss,precision,discernibility,dm-star,aecs]
Prints one line per run (wall time of the whole command: read, search, write; and of the search
alone, from the report) and exits 1 if an
output fails the check or is worse than ARX's optimum.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

QIS = ["sex", "age", "race", "marital-status", "education", "native-country", "workclass", "occupation"]
ARX_NAMES = {"loss": "Loss", "precision": "Precision", "discernibility": "DM", "dm-star": "DMStar", "aecs": "AECS"}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    p = argparse.ArgumentParser()
    p.add_argument("--sumi", default=os.path.join(root, ".build/release/sumi"))
    p.add_argument("--data", default=os.path.join(root, "..", "shared", "datasets", "adult"))
    p.add_argument("--metrics", default="loss")
    p.add_argument("--reference", default=os.path.join(here, "arx-reference", "adult-arx.json"))
    a = p.parse_args()
    ref = {}
    for o in json.load(open(a.reference)):
        if "k" in o:
            ref[(o["k"], o["suppression"], o["metric"])] = (o["arx_score_highest_double"], o.get("runtime_ms"))
    hier = []
    for q in QIS:
        hier += ["--hierarchy", f"{q}={os.path.join(a.data, f'adult_hierarchy_{q}.csv')}"]
    failures = 0
    print(f"{'metric':<15}{'k':>4}{'supp':>6}  {'sumi':>16}  {'ARX':>16}  {'check':<6}{'sumi s':>7}{'search s':>9}{'ARX s':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for metric in a.metrics.split(","):
            for supp in (0.0, 0.05):
                for k in (2, 5, 10, 20, 50, 100):
                    out, rep = os.path.join(tmp, "out.csv"), os.path.join(tmp, "report.json")
                    t = time.monotonic()
                    subprocess.run([a.sumi, "anonymize", os.path.join(a.data, "adult.csv"), "--out", out,
                                    "--qi", ",".join(QIS), *hier, "--k", str(k), "--suppression", str(supp),
                                    "--metric", metric, "--no-classify", "--quiet", "--report", rep], check=True)
                    seconds = time.monotonic() - t
                    report = json.load(open(rep))
                    value = report["information_loss"][metric]
                    search = report["search"]["milliseconds"] / 1000
                    check = subprocess.run([sys.executable, os.path.join(here, "check_k_anonymity.py"), out,
                                            "--qi", ",".join(QIS), "--k", str(k), "--suppression", str(supp)],
                                           capture_output=True, text=True)
                    ok = check.returncode == 0
                    arx, arx_ms = ref.get((k, supp, ARX_NAMES.get(metric, "")), (None, None))
                    worse = arx is not None and value > arx + 1e-9 * max(1, abs(arx))
                    failures += (not ok) + worse
                    print(f"{metric:<15}{k:>4}{supp * 100:>5.0f}%  {value:>16.10g}  {arx if arx is not None else '-':>16}  "
                          f"{'ok' if ok else 'FAIL':<6}{seconds:>7.2f}{search:>9.3f}{(arx_ms or 0) / 1000:>7.2f}" + ("  WORSE" if worse else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
