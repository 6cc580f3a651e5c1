#!/usr/bin/env python3
"""Build the independent, hand-written development corpus corpora/dev/.

    python3 corpora/tools/build_dev.py [--out corpora/dev]

Sources live in ``corpora/tools/dev_sources/*.txt``.  Each source file holds one or more
documents separated by a line consisting of ``%%%%``.  Every document starts with header lines

    ## lang: ja | en | mixed
    ## genre: <file name stem>
    ## encoding: utf-8 | utf-8-bom | shift_jis | euc-jp | utf-16le | utf-16be   (default utf-8)
    ## eol: lf | crlf                                                          (default lf)

followed by text in the inline markup ``[[LABEL|text]]`` of corpora/tools/build_corpus.py, whose
parser, codec fix-ups, checksum functions and encoders are reused here.  Output files are
``<lang>/<genre>_<NNN>.txt`` plus ``gold.jsonl``; every span is re-read from disk and compared.

Standard library only, deterministic (no randomness).
"""
import argparse
import json
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build_corpus as B  # noqa: E402

SEP = re.compile(r"^%%%%\s*$", re.M)


def read_sources(folder):
    docs = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            raw = fh.read()
        for k, chunk in enumerate(SEP.split(raw)):
            chunk = chunk.strip("\n")
            if not chunk.strip():
                continue
            lines = chunk.split("\n")
            meta, i = {}, 0
            while i < len(lines) and lines[i].startswith("## "):
                key, _, val = lines[i][3:].partition(":")
                meta[key.strip()] = val.strip()
                i += 1
            if "lang" not in meta or "genre" not in meta:
                raise SystemExit("%s doc %d: missing lang/genre header" % (name, k + 1))
            body = "\n".join(lines[i:]).strip("\n") + "\n"
            docs.append({"lang": meta["lang"], "genre": meta["genre"], "markup": body,
                         "encoding": meta.get("encoding", "utf-8"), "eol": meta.get("eol", "lf"),
                         "source": "%s#%d" % (name, k + 1)})
    return docs


IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
SSN_RE = re.compile(r"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")


def extra_lookalikes(plain, spans):
    covered = [False] * len(plain)
    for s in spans:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    bad = []
    for mt in IBAN_RE.finditer(plain):
        if not any(covered[mt.start():mt.end()]) and len(mt.group().replace(" ", "")) >= 15:
            try:
                if B.iban_ok(mt.group()):
                    bad.append(mt.group())
            except ValueError:
                pass
    for mt in re.finditer(r"(?<![0-9])(?:[0-9][ -]?){13,19}(?![0-9])", plain):
        seg = mt.group().rstrip(" -")
        if any(covered[mt.start():mt.start() + len(seg)]):
            continue
        dg = B.digits_only(seg)
        if 15 <= len(dg) <= 16 and dg[0] in "3456" and B.luhn_ok(dg):
            bad.append(seg)
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(HERE, "..", "dev"))
    ap.add_argument("--sources", default=os.path.join(HERE, "dev_sources"))
    args = ap.parse_args(argv)
    out = os.path.normpath(args.out)

    docs = read_sources(args.sources)
    errors = []
    counters = {}
    for d in docs:
        if d["encoding"] not in B.ENCODINGS:
            errors.append("%s: unknown encoding %s" % (d["source"], d["encoding"]))
        key = (d["lang"], d["genre"])
        counters[key] = counters.get(key, 0) + 1
        d["file"] = "%s/%s_%03d.txt" % (d["lang"], d["genre"], counters[key])
    if errors:
        raise SystemExit("\n".join(errors))

    if os.path.isdir(out):
        for sub in ("ja", "en", "mixed"):
            shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    os.makedirs(out, exist_ok=True)

    gold = []
    for d in docs:
        try:
            plain, spans = B.render(d, d["encoding"])
        except ValueError as e:
            errors.append("%s (%s): markup error: %s" % (d["file"], d["source"], e))
            continue
        if not B.roundtrips(plain, d["encoding"]):
            bad = sorted({c for c in plain if not B.roundtrips(c, d["encoding"])})
            errors.append("%s: does not round-trip through %s: %r" % (d["file"], d["encoding"], bad))
            continue
        for s in spans:
            if not B.validate_span_value(s["label"], s["text"]):
                errors.append("%s: invalid %s value %r" % (d["file"], s["label"], s["text"]))
            dg = B.digits_only(s["text"])
            if s["label"] in ("JP_DRIVERS_LICENSE", "JP_BANK_ACCOUNT", "PHONE_NUMBER") and len(dg) == 12 \
                    and B.my_number_check(dg[:11]) == int(dg[11]):
                errors.append("%s: %s %r also passes the My Number check (ambiguous)" % (d["file"], s["label"], s["text"]))
        for v in B.find_unlabelled_lookalikes(plain, spans) + extra_lookalikes(plain, spans):
            errors.append("%s: unlabelled value passes a checksum: %r" % (d["file"], v))
        path = os.path.join(out, d["file"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(B.encode(plain, d["encoding"]))
        gold.append({"file": d["file"], "encoding": d["encoding"], "spans": spans})
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for row in gold:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    # ------------------------------------------------------------ self-check (re-read from disk)
    with open(os.path.join(out, "gold.jsonl"), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        with open(os.path.join(out, row["file"]), "rb") as fh:
            data = fh.read()
        try:
            text = B.decode(data, row["encoding"])
        except (UnicodeError, ValueError) as e:
            errors.append("%s: cannot decode as %s: %s" % (row["file"], row["encoding"], e))
            continue
        if row["encoding"] not in B.BOM and data[:3] == b"\xef\xbb\xbf":
            errors.append("%s: unexpected BOM" % row["file"])
        if "\ufeff" in text:
            errors.append("%s: BOM left in decoded text" % row["file"])
        prev = -1
        for s in row["spans"]:
            if s["label"] not in B.LABELS:
                errors.append("%s: unknown label %s" % (row["file"], s["label"]))
            if s["start"] < prev:
                errors.append("%s: overlapping/unsorted span at %d" % (row["file"], s["start"]))
            prev = s["end"]
            if text[s["start"]:s["end"]] != s["text"]:
                errors.append("%s: span %d-%d %s expected %r got %r" % (
                    row["file"], s["start"], s["end"], s["label"], s["text"], text[s["start"]:s["end"]]))
    if errors:
        for e in errors[:80]:
            print("SELF-CHECK FAILED:", e, file=sys.stderr)
        print("%d error(s)" % len(errors), file=sys.stderr)
        return 1

    by_label = {lab: 0 for lab in B.LABELS}
    for row in rows:
        for s in row["spans"]:
            by_label[s["label"]] += 1
    by_enc, by_lang = {}, {}
    for d in docs:
        by_enc[d["encoding"]] = by_enc.get(d["encoding"], 0) + 1
        by_lang[d["lang"]] = by_lang.get(d["lang"], 0) + 1
    crlf = sum(1 for d in docs if d["eol"] == "crlf")
    neg = sum(1 for r in rows if not r["spans"])
    print("documents: %d (%s), CRLF %d, without spans %d" % (
        len(rows), ", ".join("%s %d" % kv for kv in sorted(by_lang.items())), crlf, neg))
    print("encodings: " + ", ".join("%s %d" % (e, by_enc.get(e, 0)) for e in B.ENCODINGS))
    print("spans: %d" % sum(by_label.values()))
    for lab in B.LABELS:
        print("  %-24s %5d" % (lab, by_label[lab]))
    print("self-check: OK (all %d spans re-read and matched)" % sum(by_label.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
