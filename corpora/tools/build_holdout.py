#!/usr/bin/env python3
"""Build the HELD-OUT sumi corpus (corpora/holdout/).

    python3 corpora/tools/build_holdout.py [--out corpora/holdout]

Sources are hand-written documents in corpora/tools/holdout_sources/*.txt using the
same inline markup as build_corpus.py (``[[LABEL|text]]`` = gold span, ``## key: value``
headers for lang / genre / encoding / eol).  In addition, ``{{!KIND|text}}`` marks a
deliberate look-alike NEGATIVE: the braces are removed (the text stays in the document,
unlabelled) and the tool verifies that the value really fails its check, where KIND is one of
MYNUM, CORP, LUHN, IBAN, SSN, IP (invalid dotted quad / version string), or IMEI (a
15-digit device id that is Luhn-valid by design and must NOT be labelled as a card).

The markup parser, checksums, codecs and legacy-codec substitutions are imported from
build_corpus.py.  After writing, every file is re-read with its encoding and every span is
compared; labelled checksum values must pass; unlabelled digit runs / IBAN-like strings /
dotted quads / SSN-like strings must not be accidental positives.  Exit status is non-zero on
any problem.  Standard library only, deterministic.
"""
import argparse
import collections
import json
import os
import re
import shutil
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build_corpus as B  # noqa: E402

NEG_RE = re.compile(r"\{\{!([A-Z]+)\|(.*?)\}\}", re.S)
EXPECTED_FAIL = {
    "MYNUM": lambda t: not (len(B.digits_only(t)) == 12 and B.validate_span_value("JP_MY_NUMBER", t)),
    "CORP": lambda t: not (len(B.digits_only(t)) == 13 and B.validate_span_value("JP_CORPORATE_NUMBER", t)),
    "LUHN": lambda t: not B.luhn_ok(B.digits_only(t)),
    "IBAN": lambda t: not _iban_valid(t),
    "SSN": lambda t: not B.validate_span_value("US_SSN", t),
    "IP": lambda t: not B.validate_span_value("IP_ADDRESS", t),
    "IMEI": lambda t: len(B.digits_only(t)) == 15 and B.luhn_ok(B.digits_only(t)),
}


def _iban_valid(t):
    try:
        return B.iban_ok(t)
    except ValueError:
        return False


def render(doc, encoding):
    src = doc["markup"]
    for a, b in B.FIXUPS.get(encoding, {}).items():
        src = src.replace(a, b)
    negs = [(k, t) for k, t in NEG_RE.findall(src)]
    src = NEG_RE.sub(lambda mt: mt.group(2), src)
    if doc["eol"] == "crlf":
        src = src.replace("\r\n", "\n").replace("\n", "\r\n")
    plain, spans = B.parse_markup(src)
    return plain, spans, negs


def extra_lookalikes(plain, spans, exempt=()):
    covered = [False] * len(plain)
    for s in spans:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    bad = list(B.find_unlabelled_lookalikes(plain, spans))

    def free(mt):
        return not any(covered[mt.start():mt.end()])
    D_ = "[0-9０-９]"
    for mt in re.finditer(r"(?<![0-9０-９])%s+(?:[ \-－]%s+)*(?![0-9０-９])" % (D_, D_), plain):
        dg = B.digits_only(mt.group())
        if free(mt) and mt.group() not in exempt and 13 <= len(dg) <= 19 and dg[0] in "3456" and B.luhn_ok(dg):
            bad.append(("luhn", mt.group()))
    for mt in re.finditer(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b", plain):
        if free(mt) and _iban_valid(mt.group()):
            bad.append(("iban", mt.group()))
    for mt in re.finditer(r"(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])", plain):
        if free(mt) and B.validate_span_value("IP_ADDRESS", mt.group()):
            bad.append(("ipv4", mt.group()))
    for mt in re.finditer(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])", plain):
        if free(mt) and B.validate_span_value("US_SSN", mt.group()):
            bad.append(("ssn", mt.group()))
    for mt in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", plain, re.A):
        if free(mt):
            bad.append(("email", mt.group()))
    return bad


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", default=os.path.join(HERE, "holdout_sources"))
    ap.add_argument("--out", default=os.path.join(HERE, "..", "holdout"))
    a = ap.parse_args(argv)
    docs = B.read_handwritten(a.src)
    problems = []
    out = os.path.normpath(a.out)
    for lang in ("ja", "en", "mixed"):
        shutil.rmtree(os.path.join(out, lang), ignore_errors=True)
    gold = []
    lab_count, enc_count, lang_count = collections.Counter(), collections.Counter(), collections.Counter()
    eol_count, neg_count = collections.Counter(), collections.Counter()
    seen = set()
    for d in docs:
        if d["lang"] not in ("ja", "en", "mixed"):
            problems.append("%s: bad lang %r" % (d["source"], d["lang"]))
            continue
        enc = d["encoding"] or "utf-8"
        if enc not in B.ENCODINGS:
            problems.append("%s: bad encoding %r" % (d["source"], enc))
            continue
        d["eol"] = d["eol"] or "lf"
        rel = "%s/%s.txt" % (d["lang"], d["genre"])
        if rel in seen:
            problems.append("duplicate output %s" % rel)
        seen.add(rel)
        try:
            plain, spans, negs = render(d, enc)
        except ValueError as e:
            problems.append("%s: %s" % (d["source"], e))
            continue
        if not B.roundtrips(plain, enc):
            bad = [c for c in sorted(set(plain)) if not B.roundtrips(c, enc)]
            problems.append("%s: does not round-trip through %s: %r" % (rel, enc, bad))
            continue
        for s in spans:
            if not B.validate_span_value(s["label"], s["text"]):
                problems.append("%s: labelled %s %r fails validation" % (rel, s["label"], s["text"]))
        for k, t in negs:
            if k not in EXPECTED_FAIL:
                problems.append("%s: unknown negative kind %s" % (rel, k))
            elif not EXPECTED_FAIL[k](t):
                problems.append("%s: negative %s %r does not behave as declared (should fail its check; IMEI: be Luhn-valid)" % (rel, k, t))
            neg_count[k] += 1
        for x in extra_lookalikes(plain, spans, exempt={t for k, t in negs if k == "IMEI"}):
            problems.append("%s: unlabelled look-alike passes a check: %r" % (rel, x))
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(B.encode(plain, enc))
        gold.append({"file": rel, "encoding": enc, "spans": spans})
        for s in spans:
            lab_count[s["label"]] += 1
        enc_count[enc] += 1
        lang_count[d["lang"]] += 1
        eol_count[d["eol"]] += 1
    gold.sort(key=lambda g: g["file"])
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for g in gold:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    # self-check: re-read everything from disk
    with open(os.path.join(out, "gold.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            g = json.loads(line)
            with open(os.path.join(out, g["file"]), "rb") as f2:
                data = f2.read()
            if g["encoding"] not in B.BOM and data[:3] == b"\xef\xbb\xbf":
                problems.append("%s: unexpected BOM" % g["file"])
            try:
                text = B.decode(data, g["encoding"])
            except (ValueError, UnicodeError) as e:
                problems.append("%s: cannot decode: %s" % (g["file"], e))
                continue
            prev = 0
            for s in g["spans"]:
                if s["start"] < prev or s["end"] <= s["start"]:
                    problems.append("%s: spans unsorted/overlapping at %d" % (g["file"], s["start"]))
                prev = s["end"]
                if text[s["start"]:s["end"]] != s["text"]:
                    problems.append("%s: span mismatch %r vs %r" % (g["file"], text[s["start"]:s["end"]], s["text"]))
    print("documents: %d  %s" % (len(gold), dict(sorted(lang_count.items()))))
    print("encodings: %s" % dict(sorted(enc_count.items())))
    print("line endings: %s" % dict(sorted(eol_count.items())))
    print("negatives with verified check failure: %s" % dict(sorted(neg_count.items())))
    print("negative-only documents: %d" % sum(1 for g in gold if not g["spans"]))
    for lab in B.LABELS:
        print("  %-24s %4d" % (lab, lab_count[lab]))
    print("  %-24s %4d" % ("total spans", sum(lab_count.values())))
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
