#!/usr/bin/env python3
"""Build the labelled sumi evaluation corpus.

    python3 corpora/tools/build_corpus.py --seed 1 --out corpora/sample [--count 240]

Documents are produced from inline markup: ``[[LABEL|text]]`` marks a gold span.
The tool strips the markup, records code point offsets, writes every document in
its assigned encoding and line-ending style, writes ``gold.jsonl`` and finally
re-reads every file to verify each span.  Hand-written documents live in
``corpora/tools/handwritten/*.txt`` (same markup, with ``## key: value`` headers).

Standard library only; deterministic for a given --seed and --count.
"""
import argparse
import datetime
import json
import os
import random
import re
import shutil
import sys
import unicodedata

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_data as D  # noqa: E402

LABELS_ID = ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "JP_MY_NUMBER", "JP_CORPORATE_NUMBER",
             "JP_PASSPORT", "JP_DRIVERS_LICENSE", "JP_RESIDENCE_CARD", "JP_BASIC_PENSION_NUMBER",
             "JP_BANK_ACCOUNT", "JP_POSTAL_CODE", "ADDRESS", "DATE_OF_BIRTH", "CREDIT_CARD",
             "IBAN_CODE", "IP_ADDRESS", "US_SSN"]
LABELS_SC = ["MEDICAL", "CRIMINAL_RECORD", "CRIME_VICTIM", "RACE_ETHNICITY", "CREED", "DISABILITY",
             "SEXUAL_ORIENTATION", "SOCIAL_STATUS"]
LABELS = LABELS_ID + LABELS_SC

ENCODINGS = ["utf-8", "utf-8-bom", "shift_jis", "euc-jp", "utf-16le", "utf-16be"]
CODEC = {"utf-8": "utf-8", "utf-8-bom": "utf-8", "shift_jis": "cp932", "euc-jp": "euc_jp",
         "utf-16le": "utf-16-le", "utf-16be": "utf-16-be"}
BOM = {"utf-8-bom": b"\xef\xbb\xbf", "utf-16le": b"\xff\xfe", "utf-16be": b"\xfe\xff"}

MARK_RE = re.compile(r"\[\[([A-Z_0-9]+)\|(.*?)\]\]", re.S)


def m(label, text):
    """Inline markup for one gold span."""
    assert label in LABELS, label
    return "[[%s|%s]]" % (label, text)


def parse_markup(src):
    """Strip [[LABEL|text]] markup; return (plain text, spans with code point offsets)."""
    out, spans, pos, cur = [], [], 0, 0
    for mt in MARK_RE.finditer(src):
        out.append(src[pos:mt.start()])
        cur += mt.start() - pos
        label, text = mt.group(1), mt.group(2)
        if label not in LABELS:
            raise ValueError("unknown label %r" % label)
        if "[[" in text or not text or text != text.strip():
            raise ValueError("bad span text %r" % text)
        spans.append({"start": cur, "end": cur + len(text), "label": label, "text": text})
        out.append(text)
        cur += len(text)
        pos = mt.end()
    out.append(src[pos:])
    plain = "".join(out)
    if "[[" in plain or "]]" in plain:
        raise ValueError("unbalanced markup near: %r" % plain[max(0, plain.find("[[") - 40):][:120])
    return plain, spans


# ============================================================ checksums
def my_number_check(d11):
    s = 0
    for n in range(1, 12):
        p = int(d11[11 - n])
        q = n + 1 if n <= 6 else n - 5
        s += p * q
    r = s % 11
    return 0 if r <= 1 else 11 - r


def corp_number_check(d12):
    s = 0
    for n in range(1, 13):
        p = int(d12[12 - n])
        s += p * (1 if n % 2 else 2)
    return 9 - (s % 9)


def luhn_ok(num):
    ds = [int(c) for c in num if c.isdigit()]
    tot = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(prefix_digits):
    for c in "0123456789":
        if luhn_ok(prefix_digits + c):
            return prefix_digits + c


def iban_ok(iban):
    s = iban.replace(" ", "")
    s = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def digits_only(s):
    return "".join(c for c in unicodedata.normalize("NFKC", s) if c.isdigit())


FW_TABLE = str.maketrans("0123456789-()+ ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                         "０１２３４５６７８９－（）＋　ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ")


def fullwidth(s):
    return s.translate(FW_TABLE)


def kata2hira(s):
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in s)


_HW = {}
for _cp in range(0xFF66, 0xFFA0):
    _HW[unicodedata.normalize("NFKC", chr(_cp))] = chr(_cp)


def kata2halfwidth(s):
    out = []
    for c in s:
        if c in (" ", "　"):
            out.append(" ")
            continue
        nfd = unicodedata.normalize("NFD", c)
        base = _HW.get(nfd[0], nfd[0])
        out.append(base)
        if len(nfd) > 1:
            out.append("ﾞ" if nfd[1] == "\u3099" else "ﾟ")
    return "".join(out)


ERAS = [(datetime.date(2019, 5, 1), "令和", "R"), (datetime.date(1989, 1, 8), "平成", "H"),
        (datetime.date(1926, 12, 25), "昭和", "S"), (datetime.date(1912, 7, 30), "大正", "T")]


def wareki(d):
    for start, name, abbr in ERAS:
        if d >= start:
            return name, abbr, d.year - start.year + 1
    raise ValueError(d)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON3 = [x[:3] for x in MONTHS]


# ============================================================ value generators
class Gen:
    """Random values and name/format helpers.  All randomness goes through self.r."""

    def __init__(self, rng):
        self.r = rng

    # ---------------------------------------------------------- basics
    def ch(self, seq):
        return self.r.choice(seq)

    def p(self, prob):
        return self.r.random() < prob

    def digits(self, n, first_nonzero=False):
        s = "".join(self.ch("0123456789") for _ in range(n))
        if first_nonzero and s[0] == "0":
            s = self.ch("123456789") + s[1:]
        return s

    def date(self, y0, y1):
        start = datetime.date(y0, 1, 1).toordinal()
        end = datetime.date(y1, 12, 31).toordinal()
        return datetime.date.fromordinal(self.r.randint(start, end))

    def recent(self):
        return self.date(2022, 2025)

    # ---------------------------------------------------------- people
    def ja_person(self, gender=None):
        sei = self.ch(D.JA_SURNAMES)
        gender = gender or self.ch("MF")
        mei = self.ch(D.JA_MALE if gender == "M" else D.JA_FEMALE)
        return {"sei": sei[0], "mei": mei[0], "sei_k": sei[1], "mei_k": mei[1],
                "sei_r": sei[2], "mei_r": mei[2], "g": gender, "lang": "ja"}

    def en_person(self, gender=None):
        gender = gender or self.ch("MF")
        first = self.ch(D.EN_FIRST_M if gender == "M" else D.EN_FIRST_F)
        last = self.ch(D.EN_LAST)
        return {"first": first, "last": last, "g": gender, "lang": "en"}

    def jname(self, p, style=None):
        """Marked-up Japanese full name in one of several spacings."""
        style = style or self.ch(["ns", "ns", "sp", "zs"])
        sep = {"ns": "", "sp": " ", "zs": "　"}[style]
        return m("PERSON", p["sei"] + sep + p["mei"])

    def jsei(self, p):
        return m("PERSON", p["sei"])

    def jkana(self, p, hira=False, sep=None):
        sep = self.ch([" ", "　", ""]) if sep is None else sep
        s = p["sei_k"] + sep + p["mei_k"]
        return m("PERSON", kata2hira(s) if hira else s)

    def jhw(self, p):
        return m("PERSON", kata2halfwidth(p["sei_k"] + " " + p["mei_k"]))

    def jromaji(self, p):
        f, l = p["mei_r"].capitalize(), p["sei_r"].capitalize()
        return m("PERSON", self.ch([f + " " + l, l.upper() + " " + f, l + " " + f]))

    def ename(self, p, style=None):
        style = style or self.ch(["full", "full", "full", "initial", "upper"])
        if style == "initial":
            return m("PERSON", p["first"][0] + ". " + p["last"])
        if style == "upper":
            return m("PERSON", p["last"].upper() + ", " + p["first"])
        return m("PERSON", p["first"] + " " + p["last"])

    def etitle(self, p):
        t = self.ch(["Mr.", "Mr"]) if p["g"] == "M" else self.ch(["Ms.", "Ms", "Mrs."])
        if self.p(0.25):
            t = self.ch(["Dr.", "Dr", "Prof."])
        return t + " " + m("PERSON", p["last"])

    def hon(self, p, kind=None):
        """Surname + honorific, e.g. 山田様 (only the surname is labelled)."""
        if kind is None:
            kind = self.ch(["様", "様", "さん", "さん", "氏", "殿"])
        return self.jsei(p) + kind

    def child(self, p):
        return self.jsei(p) + ("くん" if p["g"] == "M" else "ちゃん")

    def child_given(self, p):
        return m("PERSON", p["mei"]) + ("くん" if p["g"] == "M" else "ちゃん")

    # ---------------------------------------------------------- contact
    def email(self, p=None, corp=None):
        if p and p["lang"] == "ja":
            f, l = p["mei_r"], p["sei_r"]
        elif p:
            f, l = p["first"].lower().replace("'", ""), p["last"].lower().replace("'", "").replace("ü", "ue")
        else:
            f, l = self.ch(["info", "support", "sales", "k.tanaka", "office", "contact"]), ""
        local = self.ch(["{f}.{l}", "{l}.{f}", "{f}{l}", "{f[0]}{l}", "{l}-{f}", "{f}_{l}{n}", "{l}{n}"])
        local = local.format(f=f, l=l, n=self.r.randint(1, 99)).strip(".-_") if l else f
        dom = corp if corp else (self.ch(D.CORP_DOMAINS) if self.p(0.55) else self.ch(D.FREE_MAIL))
        return m("EMAIL_ADDRESS", local + "@" + dom)

    def phone_ja(self, kind=None):
        kind = kind or self.ch(["fixed2", "fixed3", "fixed4", "paren", "paren2", "mobile", "mobile",
                                "mobile_compact", "free", "free0800", "ip", "fw", "plus81m", "plus81f",
                                "mobile_sp", "fixed_compact", "plus81c"])
        d = self.digits
        if kind == "fixed2":
            s = "%s-%s-%s" % (self.ch(["03", "06"]), d(4), d(4))
        elif kind == "fixed3":
            s = "%s-%s-%s" % (self.ch(["045", "052", "092", "011", "075", "078", "022", "082", "048", "043"]), d(3), d(4))
        elif kind == "fixed4":
            s = "%s-%s-%s" % (self.ch(["0466", "0422", "0294", "0263", "0995", "0554"]), d(2), d(4))
        elif kind == "paren":
            s = "%s(%s)%s" % (self.ch(["03", "06"]), d(4), d(4))
        elif kind == "paren2":
            s = "(%s)%s-%s" % (self.ch(["03", "06"]), d(4), d(4))
        elif kind == "mobile":
            s = "%s-%s-%s" % (self.ch(["090", "080", "070"]), d(4), d(4))
        elif kind == "mobile_sp":
            s = "%s %s %s" % (self.ch(["090", "080"]), d(4), d(4))
        elif kind == "mobile_compact":
            s = self.ch(["090", "080", "070"]) + d(8)
        elif kind == "fixed_compact":
            s = self.ch(["03", "06"]) + d(8)
        elif kind == "free":
            s = "0120-%s-%s" % (d(3), d(3))
        elif kind == "free0800":
            s = "0800-%s-%s" % (d(3), d(4))
        elif kind == "ip":
            s = "050-%s-%s" % (d(4), d(4))
        elif kind == "fw":
            s = fullwidth(self.ch(["090", "080", "03", "06"]) + "-" + d(4) + "-" + d(4))
        elif kind == "plus81m":
            s = "+81-%s-%s-%s" % (self.ch(["90", "80", "70"]), d(4), d(4))
        elif kind == "plus81c":
            s = "+81 %s %s %s" % (self.ch(["90", "80"]), d(4), d(4))
        else:  # plus81f
            s = "+81 %s %s %s" % (self.ch(["3", "6"]), d(4), d(4))
        return m("PHONE_NUMBER", s)

    def phone_intl(self):
        d = self.digits
        s = self.ch([
            "+1 %s 555 %s" % (self.ch(["415", "212", "617", "206", "312", "512"]), d(4)),
            "+1-%s-555-%s" % (self.ch(["415", "646", "303"]), d(4)),
            "+44 20 7946 %s" % d(4),
            "+44 161 496 %s" % d(4),
            "+49 30 %s" % d(8),
            "+33 1 %s %s %s %s" % (d(2), d(2), d(2), d(2)),
            "+61 2 %s %s" % (d(4), d(4)),
            "+1%s555%s" % (self.ch(["415", "212"]), d(4)),
            "+82 2 %s %s" % (d(4), d(4)),
        ])
        return m("PHONE_NUMBER", s)

    # ---------------------------------------------------------- national ids
    def my_number(self, fmt=None):
        b = self.digits(11, first_nonzero=True)
        n = b + str(my_number_check(b))
        fmt = fmt or self.ch(["none", "none", "sp", "hy", "fw", "fwsp"])
        if fmt == "sp":
            n = n[:4] + " " + n[4:8] + " " + n[8:]
        elif fmt == "hy":
            n = n[:4] + "-" + n[4:8] + "-" + n[8:]
        elif fmt == "fw":
            n = fullwidth(n)
        elif fmt == "fwsp":
            n = fullwidth(n[:4] + " " + n[4:8] + " " + n[8:])
        return m("JP_MY_NUMBER", n)

    def bad12(self, sep=""):
        """12 digits whose last digit is NOT a valid My Number check digit (negative)."""
        b = self.digits(11, first_nonzero=True)
        c = (my_number_check(b) + self.r.randint(1, 9)) % 10
        if c == my_number_check(b):
            c = (c + 1) % 10
        n = b + str(c)
        return n if not sep else n[:4] + sep + n[4:8] + sep + n[8:]

    def corp_number(self):
        b = self.digits(12)
        return m("JP_CORPORATE_NUMBER", str(corp_number_check(b)) + b)

    def bad13(self):
        b = self.digits(12)
        c = (corp_number_check(b) + self.r.randint(1, 8)) % 10
        if c == corp_number_check(b):
            c = (c + 1) % 10
        return str(c) + b

    def passport(self):
        return m("JP_PASSPORT", self.ch(["TK", "TR", "TS", "TZ", "MU", "ME", "MZ", "TH", "RA"]) + self.digits(7))

    def drivers_license(self):
        code = self.ch(["30", "45", "62", "43", "46", "54", "10", "71", "81"])
        n = code + self.digits(2) + self.digits(6) + self.digits(1) + self.ch("0001")
        if self.p(0.15):
            n = fullwidth(n)
        return m("JP_DRIVERS_LICENSE", n)

    def residence_card(self):
        L = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        return m("JP_RESIDENCE_CARD", self.ch(L) + self.ch(L) + self.digits(8) + self.ch(L) + self.ch(L))

    def pension(self):
        s = self.digits(4, True) + self.ch(["-", "-", "-", " ", "－"]) + self.digits(6)
        return m("JP_BASIC_PENSION_NUMBER", s)

    def bank_account(self):
        return m("JP_BANK_ACCOUNT", self.ch(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]) + self.digits(6))

    def bank_block_ja(self, name_markup):
        bank, br = self.ch(D.JA_BANKS), self.ch(D.JA_BRANCHES)
        kind = self.ch(["普通", "普通", "普通預金", "当座"])
        style = self.r.randint(0, 3)
        if style == 0:
            return "振込先：%s %s %s %s 口座名義 %s" % (bank, br, kind, self.bank_account(), name_markup)
        if style == 1:
            return ("金融機関名：%s\n支店名：%s（店番%s）\n預金種目：%s\n口座番号：%s\n口座名義：%s"
                    % (bank, br, self.digits(3), kind, self.bank_account(), name_markup))
        if style == 2:
            return "%s・%s　%s口座　No.%s（名義：%s）" % (bank, br, kind, self.bank_account(), name_markup)
        return "給与振込口座　%s %s 口座番号 %s %s" % (bank, br, self.bank_account(), kind)

    def ssn(self):
        while True:
            a = self.r.randint(1, 899)
            if a != 666:
                break
        s = "%03d-%02d-%04d" % (a, self.r.randint(1, 99), self.r.randint(1, 9999))
        if self.p(0.1):
            s = s.replace("-", " ")
        return m("US_SSN", s)

    def card(self, brand=None):
        brand = brand or self.ch(["visa", "visa", "master", "amex", "jcb", "master2"])
        if brand == "visa":
            num, groups = luhn_complete("4" + self.digits(14)), [4, 4, 4, 4]
        elif brand == "master":
            num, groups = luhn_complete("5" + self.ch("12345") + self.digits(13)), [4, 4, 4, 4]
        elif brand == "master2":
            num, groups = luhn_complete(str(self.r.randint(2221, 2720)) + self.digits(11)), [4, 4, 4, 4]
        elif brand == "amex":
            num, groups = luhn_complete(self.ch(["34", "37"]) + self.digits(12)), [4, 6, 5]
        else:
            num, groups = luhn_complete(str(self.r.randint(3528, 3589)) + self.digits(11)), [4, 4, 4, 4]
        sep = self.ch([" ", "-", "", " "])
        parts, i = [], 0
        for g in groups:
            parts.append(num[i:i + g])
            i += g
        return m("CREDIT_CARD", sep.join(parts))

    def bad16(self, sep=""):
        """16 digits failing Luhn (tracking numbers, order ids...)."""
        while True:
            n = self.digits(16, True)
            if not luhn_ok(n):
                break
        return n if not sep else sep.join([n[0:4], n[4:8], n[8:12], n[12:16]])

    def iban(self, country=None):
        country = country or self.ch(["DE", "GB", "FR", "NL", "ES", "IT", "DE", "GB"])
        L = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        if country == "DE":
            bban = self.digits(18)
        elif country == "GB":
            bban = self.ch(["NWBK", "BARC", "HBUK", "LOYD", "MIDL"]) + self.digits(14)
        elif country == "FR":
            bban = self.digits(23)
        elif country == "NL":
            bban = self.ch(["ABNA", "INGB", "RABO"]) + self.digits(10)
        elif country == "ES":
            bban = self.digits(20)
        else:
            bban = self.ch(L) + self.digits(10) + self.digits(12)
        rearr = bban + country + "00"
        chk = 98 - int("".join(str(int(c, 36)) for c in rearr)) % 97
        iban = "%s%02d%s" % (country, chk, bban)
        if self.p(0.65):
            iban = " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
        return m("IBAN_CODE", iban)

    def ipv4(self, private=None):
        if private is None:
            private = self.p(0.3)
        if private:
            s = self.ch(["192.168.%d.%d" % (self.r.randint(0, 20), self.r.randint(2, 254)),
                         "10.%d.%d.%d" % (self.r.randint(0, 255), self.r.randint(0, 255), self.r.randint(1, 254)),
                         "172.%d.%d.%d" % (self.r.randint(16, 31), self.r.randint(0, 255), self.r.randint(1, 254))])
        else:
            s = self.ch(["203.0.113.%d", "198.51.100.%d", "192.0.2.%d", "%d.%d.%d.%%d" % (
                self.ch([61, 126, 133, 153, 180, 210, 219, 114, 49, 153, 118, 106, 27, 60]),
                self.r.randint(0, 255), self.r.randint(0, 255))]) % self.r.randint(1, 254)
        return m("IP_ADDRESS", s)

    def ipv6(self):
        h = lambda: "%x" % self.r.randint(1, 0xffff)
        s = self.ch(["2001:db8:%s:%s::%s" % (h(), h(), h()),
                     "2001:0db8:85a3:0000:0000:8a2e:0370:%04x" % self.r.randint(0, 0xffff),
                     "240b:%s:%s:%s:%s:%s:%s:%s" % tuple(h() for _ in range(7)),
                     "fe80::%s:%s:%s:%s" % (h(), h(), h(), h()),
                     "2400:4051:%s::%s" % (h(), h())])
        return m("IP_ADDRESS", s)

    def ip(self):
        return self.ipv6() if self.p(0.18) else self.ipv4()

    def bad_ip(self):
        return self.ch(["999.%d.%d.%d" % (self.r.randint(0, 9), self.r.randint(0, 9), self.r.randint(0, 9)),
                        "%d.%d.%d.%d" % (self.r.randint(1, 12), self.r.randint(0, 40), self.r.randint(256, 999), self.r.randint(0, 9)),
                        "10.0.%d.%d" % (self.r.randint(17000, 22631), self.r.randint(100, 3999)),
                        "%d.%d.%d" % (self.r.randint(1, 20), self.r.randint(0, 30), self.r.randint(0, 300)),
                        "1.%d.%d.%d.%d" % (self.r.randint(0, 9), self.r.randint(0, 9), self.r.randint(0, 99), self.r.randint(0, 999))])

    # ---------------------------------------------------------- places
    def postal(self, fw=False):
        s = self.digits(3, True) + "-" + self.digits(4)
        return m("JP_POSTAL_CODE", fullwidth(s) if fw else s)

    def ja_address(self, building=None):
        """(marked-up address, trailing building text not part of the span)."""
        pref, city, town = self.ch(D.JA_PLACES)
        a, b, c = self.r.randint(1, 9), self.r.randint(1, 30), self.r.randint(1, 40)
        kan = "〇一二三四五六七八九"
        block = self.ch(["%d丁目%d番%d号" % (a, b, c), "%d-%d-%d" % (a, b, c), "%d-%d-%d" % (a, b, c),
                         "%s丁目%d番地%d" % (kan[a], b, c), "%d番地" % self.r.randint(1, 2999),
                         "%d-%d" % (self.r.randint(1, 999), self.r.randint(1, 40)),
                         fullwidth("%d-%d-%d" % (a, b, c)), "%d丁目%d-%d" % (a, b, c)])
        if city in ("千代田区", "新宿区", "渋谷区", "世田谷区", "練馬区", "八王子市", "港区", "江東区", "杉並区") or self.p(0.75):
            addr = pref + city + town + block
        else:
            addr = city + town + block  # from the city (designated cities)
        if self.p(0.1):
            addr = pref + " " + city + town + block
        bld = ""
        if building or (building is None and self.p(0.45)):
            bld = " " * self.r.randint(0, 1) + self.ch(D.JA_BUILDING_PREFIX) + self.ch(D.JA_BUILDINGS) + \
                self.ch(["", " ", "　"]) + str(self.r.randint(1, 12) * 100 + self.r.randint(1, 12)) + self.ch(["", "号室", "号"])
        return m("ADDRESS", addr), bld

    def ja_addr_line(self, with_postal=True):
        addr, bld = self.ja_address()
        if not with_postal:
            return addr + bld
        pc = self.postal(fw=self.p(0.06))
        style = self.r.randint(0, 3)
        if style == 0:
            return "〒" + pc + " " + addr + bld
        if style == 1:
            return "〒" + pc + "\n" + addr + bld
        if style == 2:
            return "〒" + pc + "　" + addr + bld
        return addr + bld + "（〒" + pc + "）"

    def en_address(self, country=None):
        country = country or self.ch(["US", "US", "US", "UK"])
        if country == "US":
            city, st, z = self.ch(D.US_CITIES)
            zipc = z + self.digits(2) + (("-" + self.digits(4)) if self.p(0.2) else "")
            unit = self.ch(["", "", "", ", Apt %d" % self.r.randint(1, 40), ", Suite %d" % self.r.randint(100, 999),
                            " #%d" % self.r.randint(1, 30)])
            sep = self.ch([", ", ", "])
            return m("ADDRESS", "%d %s%s%s%s, %s %s" % (self.r.randint(1, 9999), self.ch(D.US_STREETS), unit, sep,
                                                      city, st, zipc))
        city, pcs = self.ch(D.UK_CITIES)
        L = "ABDEFGHJLNPQRSTUWXYZ"
        pc = "%s %d%s%s" % (self.ch(pcs), self.r.randint(1, 9), self.ch(L), self.ch(L))
        num = str(self.r.randint(1, 250)) + self.ch(["", "", "", "B", "A"])
        return m("ADDRESS", "%s %s, %s %s" % (num, self.ch(D.UK_STREETS), city, pc))

    # ---------------------------------------------------------- dates
    def dob_date(self, y0=1940, y1=2005):
        return self.date(y0, y1)

    def ja_date(self, d, style=None):
        era, abbr, y = wareki(d)
        style = style or self.ch(["wareki", "wareki", "seireki", "slash", "abbr", "wareki_sp", "hyphen", "fw"])
        if style == "wareki":
            ys = "元" if (y == 1 and self.p(0.5)) else str(y)
            return "%s%s年%d月%d日" % (era, ys, d.month, d.day)
        if style == "wareki_sp":
            return "%s %d年 %d月 %d日" % (era, y, d.month, d.day)
        if style == "seireki":
            return "%d年%d月%d日" % (d.year, d.month, d.day)
        if style == "slash":
            return "%d/%02d/%02d" % (d.year, d.month, d.day)
        if style == "hyphen":
            return "%d-%02d-%02d" % (d.year, d.month, d.day)
        if style == "fw":
            return fullwidth("%d" % d.year) + "年" + fullwidth(str(d.month)) + "月" + fullwidth(str(d.day)) + "日"
        return "%s%d.%d.%d" % (abbr, y, d.month, d.day)

    def en_date(self, d, style=None):
        style = style or self.ch(["mdy", "long", "dmy_long", "iso", "dmy", "mon"])
        if style == "mdy":
            return "%02d/%02d/%d" % (d.month, d.day, d.year)
        if style == "dmy":
            return "%02d/%02d/%d" % (d.day, d.month, d.year)
        if style == "long":
            return "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year)
        if style == "dmy_long":
            return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)
        if style == "mon":
            return "%d-%s-%d" % (d.day, MON3[d.month - 1], d.year)
        return d.isoformat()

    def dob_ja(self, y0=1940, y1=2005):
        """A birth date phrase in Japanese (label + date)."""
        d = self.dob_date(y0, y1)
        ds = m("DATE_OF_BIRTH", self.ja_date(d))
        return self.ch(["生年月日：%s" % ds, "生年月日　%s" % ds, "%s生" % ds, "%s生まれ" % ds,
                        "生年月日: %s" % ds, "【生年月日】%s" % ds]), d

    def dob_en(self, y0=1940, y1=2005):
        d = self.dob_date(y0, y1)
        ds = m("DATE_OF_BIRTH", self.en_date(d))
        return self.ch(["Date of birth: %s" % ds, "DOB: %s" % ds, "born on %s" % ds, "D.O.B. %s" % ds,
                        "Birth date: %s" % ds, "date of birth %s" % ds]), d

    # ---------------------------------------------------------- special care
    def sc(self, label, lang, person_markup):
        terms, tmpls = self.ch(D.SC[label][lang])
        t = self.ch(terms)
        s = self.ch(tmpls)
        return s.format(p=person_markup, t=m(label, t), year=self.r.randint(2005, 2023),
                        month=self.ch(MONTHS), days=self.r.randint(7, 90))

    CHILD_SC = {
        "ja": {"DISABILITY": (["発達障害", "知的障害", "聴覚障害", "療育手帳B1", "肢体不自由"],
                              ["{p}は{t}があり、通級指導を受けている。", "{p}は{t}のため、支援員が付き添っている。"]),
               "MEDICAL": (["気管支喘息", "1型糖尿病", "てんかん", "アトピー性皮膚炎", "起立性調節障害"],
                           ["{p}は{t}で定期的に通院している。", "{p}は{t}のため、体育は見学とする。"]),
               "RACE_ETHNICITY": (["在日韓国人", "アイヌ民族", "日系ブラジル人"],
                                  ["{p}が{t}であることについて、同級生から心ない発言があった。"]),
               "CREED": (["エホバの証人", "イスラム教徒", "創価学会員"],
                         ["保護者より、{p}は{t}の家庭のため行事参加に配慮してほしいとの申し出。"]),
               "SOCIAL_STATUS": (["非嫡出子", "婚外子"], ["{p}は{t}であり、父親による認知はされていない。"]),
               "CRIME_VICTIM": (["ストーカー被害", "性犯罪被害", "恐喝の被害"], ["{p}は{t}を受け、警察に相談済み。"])},
        "en": {"DISABILITY": (["learning disability", "hearing impairment", "visual impairment"],
                              ["{p} has a {t} and receives weekly support."]),
               "MEDICAL": (["asthma", "type 1 diabetes", "epilepsy", "leukemia"], ["{p} has {t}; the care plan is on file with the nurse."]),
               "RACE_ETHNICITY": (["Hispanic", "Romani", "Black British", "Native American"],
                                  ["{p}, who is {t}, was targeted by name-calling at lunch."]),
               "CREED": (["Muslim", "Sikh", "Jehovah's Witness"], ["{p}'s parents asked that, as a {t}, {p} be excused from the assembly."]),
               "SOCIAL_STATUS": (["born out of wedlock"], ["Other pupils have been teasing {p} for being {t}."]),
               "CRIME_VICTIM": (["victim of online grooming", "victim of assault", "victim of cyberstalking"],
                                ["{p} was a {t}; the police are involved."])},
    }

    def sc_child(self, label, lang, person_markup):
        terms, tmpls = self.CHILD_SC[lang][label]
        return self.ch(tmpls).format(p=person_markup, t=m(label, self.ch(terms)))

    def sc_any(self, lang, person_markup, labels=None):
        # rarer categories get a little extra weight so each is well represented
        return self.sc(self.ch(labels or LABELS_SC + ["SEXUAL_ORIENTATION", "SOCIAL_STATUS", "RACE_ETHNICITY"]), lang, person_markup)

    def neg(self, lang):
        return self.ch(D.SC_NEG[lang])

    def negs(self, lang, k):
        return self.r.sample(D.SC_NEG[lang], k)

    # ---------------------------------------------------------- negative look-alikes
    def order_no(self):
        return self.ch([self.bad12(), self.bad12("-"), "ORD-" + self.bad12(), self.bad13(),
                        self.digits(10, True), "A" + self.digits(9)])

    def tracking(self):
        return self.ch([self.bad16(), self.bad16("-"), self.bad12("-"), self.bad12()])

    def version(self):
        return self.ch(["%d.%d.%d" % (self.r.randint(1, 15), self.r.randint(0, 20), self.r.randint(0, 99)),
                        "v%d.%d" % (self.r.randint(1, 9), self.r.randint(0, 30)), self.bad_ip(),
                        "%d.%d.%d-build%d" % (self.r.randint(1, 9), self.r.randint(0, 9), self.r.randint(0, 9), self.r.randint(100, 9999))])

    def isbn(self):
        while True:  # valid ISBN-13 that does not happen to pass the corporate-number check
            core = "978" + self.ch(["4", "4", "0", "1"]) + self.digits(8)
            s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(core))
            full = core + str((10 - s % 10) % 10)
            if int(full[0]) != corp_number_check(full[1:]):
                break
        return "ISBN" + self.ch(["", " ", ": "]) + "%s-%s-%s-%s-%s" % (full[:3], full[3], full[4:7], full[7:12], full[12])

    def imei(self):
        return luhn_complete("35" + self.digits(12))

    def jan(self):
        while True:
            core = "45" + self.digits(10)
            s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(core))
            code = core + str((10 - s % 10) % 10)
            if int(code[0]) != corp_number_check(code[1:]):
                return code

    def yen(self):
        return self.ch(["¥{:,}", "{:,}円", "金{:,}円", "￥{:,}-"]).format(self.r.randint(1, 9999) * self.ch([1, 100, 1000]))

    def time(self):
        return "%02d:%02d:%02d" % (self.r.randint(0, 23), self.r.randint(0, 59), self.r.randint(0, 59))


# ============================================================ genre templates: Japanese
def jd(g, d=None):
    """Non-birth date in Japanese (document/meeting dates: NOT labelled)."""
    return g.ja_date(d or g.recent(), g.ch(["wareki", "seireki", "slash", "seireki"]))


def med_terms(lang):
    return [t for terms, _ in D.SC["MEDICAL"][lang] for t in terms]


def first_person_ja(g):
    if g.p(0.35):
        t = m("DISABILITY", g.ch(["聴覚障害", "視覚障害", "発達障害", "肢体不自由", "知的障害"]))
        return g.ch(["なお、私は%sがあるため、電話ではなくメールでのご連絡を希望します。",
                     "（%sのため、書面でのやり取りを希望します）"]) % t
    t = m("MEDICAL", g.ch(D.SC["MEDICAL"]["ja"][0][0]))
    return g.ch(["私事ですが、%sのため通院しており、平日の午前中は対応できません。",
                 "%sの治療中のため、勤務時間について配慮をお願いできれば幸いです。",
                 "なお、%sで通院中のため、面接日程はご相談させてください。"]) % t


def jd2(g):
    """Two ordered non-birth dates (periods: 契約期間, 入院期間 ...)."""
    a, b = sorted([g.recent(), g.recent()])
    return jd(g, a), jd(g, b)


def ja_hr_memo(g):
    emp, boss, hr = g.ja_person(), g.ja_person(), g.ja_person()
    kind = g.r.randint(0, 4)
    dept, dept2 = g.r.sample(D.JA_DEPTS, 2)
    L = []
    if kind == 4:
        L += [g.ch(["マイカー通勤許可申請書", "社用車運転者登録票"]), "申請日：%s" % jd(g), "",
              "所属：%s　氏名：%s" % (dept, g.jname(emp)), g.ch(["運転免許証番号：%s", "免許証番号　%s", "免許証の番号 %s"]) % g.drivers_license(),
              "免許の種類：%s　有効期限：%s" % (g.ch(["普通", "中型", "準中型"]), g.ja_date(g.date(2025, 2029), "wareki")),
              "車両登録番号：%s %d %s %d-%02d" % (g.ch(["品川", "練馬", "横浜", "なにわ"]), g.r.randint(300, 599), g.ch("あいうえかきくけこさ"), g.r.randint(1, 99), g.r.randint(0, 99)),
              "任意保険証券番号：%s" % g.bad12(), "自宅住所：%s" % g.ja_addr_line(), "通勤距離：片道%.1fkm" % (g.r.randint(20, 300) / 10), "",
              "承認：%s　%s" % (g.jname(boss), jd(g))]
    elif kind == 0:
        L += ["人事異動通知", "", "%s" % jd(g), "%s各位" % dept, "",
              "下記のとおり人事異動を発令します。", "",
              "記", "1. 氏名　%s（社員番号 %s）" % (g.jname(emp), g.digits(6)),
              "2. 現所属　%s" % dept, "3. 新所属　%s %s" % (dept2, g.ch(["主任", "課長代理", "係長", ""])),
              "4. 発令日　%s" % jd(g), ""]
        if g.p(0.5):
            L.append("なお、%sは%s" % (g.hon(emp, "さん"), g.ch(["4月より新住所へ転居予定。", "引き続き在宅勤務を併用する。"])))
        if g.p(0.6):
            L.append("新住所：" + g.ja_addr_line())
        L += ["", "以上", "", "人事部 %s（内線%s）" % (g.jname(hr), g.digits(4))]
    elif kind == 1:
        L += ["【面談記録】" + g.ch(["ハラスメント相談", "体調に関する面談", "復職面談", "就業上の配慮に関する面談"]),
              "日時：%s %02d:%02d〜" % (jd(g), g.r.randint(9, 18), g.ch([0, 15, 30, 45])),
              "場所：本社%s会議室" % g.ch(["3F第1", "5F小", "7F"]),
              "相談者：%s（%s）" % (g.jname(emp), dept),
              "面談者：%s、%s" % (g.jname(hr), g.jname(boss)), "", "■ 相談内容"]
        who = g.ch(["本人", g.hon(emp, "さん"), g.hon(emp, "氏"), g.jsei(emp)])
        for lab in g.r.sample(LABELS_SC, g.r.randint(1, 3)):
            L.append("・" + g.sc(lab, "ja", who))
        L += ["", "■ 今後の対応", "・産業医%s%sとの面談を設定する。" % (g.jsei(g.ja_person()), g.ch(["先生", "医師"])),
              "・本件は関係者限りとし、記録は人事部で厳重に保管する。"]
        if g.p(0.5):
            L.append("・緊急連絡先：%s（%s）" % (g.phone_ja(), g.ch(["配偶者", "母", "父", "姉"])))
    elif kind == 2:
        dob, _ = g.dob_ja(1960, 2002)
        L += ["休職届受理のお知らせ", "", "%s %s" % (g.jname(boss), g.ch(["殿", "様"])), "",
              "%s所属の%s（%s）より、%s付で休職届が提出されましたので通知します。" % (dept, g.jname(emp), dob, jd(g)),
              g.sc("MEDICAL", "ja", "本人"),
              "休職期間：%s〜%s（予定）" % jd2(g),
              "休職中の連絡先：%s / %s" % (g.phone_ja(), g.email(emp)),
              "傷病手当金の振込先：" + g.bank_block_ja(g.jkana(emp, sep=" ")), "",
              "人事部労務課　%s" % g.jname(hr)]
    else:
        L += ["マイナンバー（個人番号）提出のお願い", "", g.hon(emp, "様"), "",
              "年末調整に伴い、扶養親族の個人番号をご提出ください。提出期限：%s" % jd(g), "",
              "【記入例】", "本人　　%s　個人番号 %s" % (g.jname(emp), g.my_number())]
        fam = g.ja_person()
        fam["sei"], fam["sei_k"], fam["sei_r"] = emp["sei"], emp["sei_k"], emp["sei_r"]
        L.append("配偶者　%s　個人番号 %s　%s" % (g.jname(fam), g.my_number(), g.dob_ja(1960, 2000)[0]))
        if g.p(0.6):
            kid = g.ja_person()
            kid["sei"] = emp["sei"]
            L.append("子　　　%s　個人番号 %s　%s" % (g.jname(kid), g.my_number(), g.dob_ja(2008, 2022)[0]))
        L += ["", "※社員番号（%s）や健康保険証の記号番号（%s-%s）と混同しないようご注意ください。" % (g.digits(8), g.digits(8), g.digits(3)),
              "※基礎年金番号（%s）の記入欄は裏面です。" % g.pension(),
              "問い合わせ：人事部 %s %s" % (g.jname(hr), g.phone_ja("fixed2"))]
    return "\n".join(L)


def ja_clinic_letter(g):
    pt, dr1, dr2 = g.ja_person(), g.ja_person(), g.ja_person()
    h1, h2 = g.r.sample(D.JA_HOSPITALS, 2)
    dob, d = g.dob_ja(1935, 2015)
    title = g.ch(["診療情報提供書", "紹介状", "診療情報提供書（紹介状）", "御紹介"])
    sc_terms = med_terms("ja")
    dx = g.r.sample(sc_terms, 2)
    L = [title, "", "%s" % jd(g), "%s　%s科" % (h2, g.ch(["内", "循環器内", "精神", "整形外", "消化器内", "呼吸器内"])),
         "%s %s" % (g.jname(dr2), g.ch(["先生", "先生御侍史", "先生 机下"])), "",
         "紹介元：%s　医師 %s" % (h1, g.jname(dr1)), "　　　　%s　TEL %s" % (g.ja_addr_line(), g.phone_ja(g.ch(["fixed2", "fixed3", "paren"]))), ""]
    form = g.r.randint(0, 2)
    if form == 0:
        L += ["患者氏名：%s（%s）" % (g.jname(pt), g.ch(["男", "女"]) if pt["g"] else ""),
              "フリガナ：%s" % g.jkana(pt), "生年月日：" + m("DATE_OF_BIRTH", g.ja_date(d)),
              "住所：%s" % g.ja_addr_line(), "電話：%s" % g.phone_ja()]
    elif form == 1:
        L += ["患者名　%s %s（%s、%d歳）" % (g.jname(pt), g.ch(["様", "殿"]), m("DATE_OF_BIRTH", g.ja_date(d, "wareki")) + "生", 2024 - d.year),
              "ふりがな　%s" % g.jkana(pt, hira=True)]
    else:
        L += ["下記の患者様をご紹介申し上げます。",
              "%s（%s）%s、%s" % (g.jname(pt), g.jkana(pt, sep=" "), g.ch(["様", ""]), dob)]
    L += ["", "傷病名：%s" % m("MEDICAL", dx[0]),
          "既往歴：%s%s" % (m("MEDICAL", dx[1]), g.ch(["（%d年〜）" % g.r.randint(2000, 2022), "", "、虫垂炎術後"])),
          "紹介目的：%s" % g.ch(["精査加療のお願い", "専門的治療のお願い", "経過観察のお願い", "手術適応のご判断"]), "",
          "【症状経過】"]
    who = g.ch(["患者", "本人", g.hon(pt, "様"), g.hon(pt, "さん")])
    L.append("%s%s頃より%s。当院にて%sを処方し経過をみておりましたが、%s。" % (
        g.ch(["", "%sは" % who]), g.ch(["昨年秋", "%d月" % g.r.randint(1, 12), "3週間前", "本年初め"]),
        g.ch(["倦怠感と口渇を自覚", "胸部圧迫感が出現", "不眠・抑うつ気分が持続", "咳嗽が続き", "腰痛が増悪"]),
        g.ch(["メトホルミン", "アムロジピン", "エスシタロプラム", "モンテルカスト", "ロキソプロフェン"]),
        g.ch(["改善が乏しいため", "HbA1c 8.2%と上昇傾向のため", "ご本人が専門医受診を希望されたため"])))
    if g.p(0.35):
        L.append(g.sc(g.ch(["DISABILITY", "MEDICAL", "CREED"]), "ja", who))
    if g.p(0.3):
        L.append("家族歴：父 %s、母 特記事項なし" % m("MEDICAL", g.ch(sc_terms)))
    L += ["", "【現在の処方】", "1) %s %dmg 1日%d回" % (g.ch(["アムロジピン", "メトホルミン", "ランソプラゾール", "ゾルピデム"]), g.ch([5, 10, 250, 500]), g.r.randint(1, 3)),
          "検査所見：別添のとおり（検体番号 %s）" % g.bad12(), "",
          "ご多忙のところ恐縮ですが、よろしくお願い申し上げます。", "", "%s %s" % (h1, g.jname(dr1))]
    return "\n".join(L)


def ja_support_email(g):
    cu, op = g.ja_person(), g.ja_person()
    cmail = g.email(cu)
    company = g.ch(D.JA_COMPANIES)
    subj = g.ch(["ご注文商品について", "登録情報の変更依頼", "【至急】二重請求について", "返品の件", "ログインできません"])
    L = ["From: %s <%s>" % (g.jname(cu), cmail) if g.p(0.6) else "From: %s" % cmail,
         "To: %s" % m("EMAIL_ADDRESS", "support@" + g.ch(D.CORP_DOMAINS)),
         "Date: %s, %d %s %d %s +0900" % (g.ch(["Mon", "Tue", "Wed", "Thu", "Fri"]), g.r.randint(1, 28), g.ch(MON3), g.r.randint(2022, 2025), g.time()),
         "Subject: " + subj, "", "%s カスタマーサポート御中" % company if g.p(0.5) else "ご担当者様", ""]
    intro = g.ch(["いつもお世話になっております。", "お世話になります。", "突然のご連絡失礼いたします。"])
    L.append(intro + "%sと申します。" % g.jname(cu))
    k = g.r.randint(0, 3)
    if k == 0:
        L += ["%sに注文した%s（注文番号：%s）がまだ届いておりません。" % (jd(g), g.ch(D.JA_PRODUCTS), g.order_no()),
              "配送状況を確認したところ、お問い合わせ伝票番号 %s のまま止まっているようです。" % g.tracking(),
              "お手数ですが確認をお願いいたします。"]
    elif k == 1:
        L += ["引っ越しに伴い、登録住所と電話番号の変更をお願いします。",
              "新住所：" + g.ja_addr_line(), "新電話番号：" + g.phone_ja(), "旧電話番号：" + g.phone_ja(),
              "会員番号：%s" % g.digits(10, True)]
    elif k == 2:
        L += ["%s分のご請求が二重になっているようです（%s × 2）。" % (jd(g), g.yen()),
              "登録しているカードは %s です。" % g.card() if g.p(0.6) else "カード番号の下4桁は%sです。" % g.digits(4),
              "返金先の口座は以下でお願いします。", g.bank_block_ja(g.jkana(cu, sep=" "))]
    else:
        L += ["マイページにログインできなくなりました。登録メールアドレスは %s です。" % g.email(cu),
              "エラー画面には「アカウントがロックされました（エラーコード %s）」と表示されます。" % g.version(),
              "アクセス元のIPアドレスは %s だと思います。" % g.ipv4(False)]
    if g.p(0.3):
        L.append(first_person_ja(g))
    L += ["", "よろしくお願いいたします。", "", "--", g.jname(cu), g.ch(["携帯：", "TEL ", "電話番号："]) + g.phone_ja(), ""]
    if g.p(0.6):
        L += ["> %s様" % g.jsei(cu), "> お問い合わせありがとうございます。担当の%sです。" % g.jname(op),
              "> 受付番号：%s" % g.bad12(), "> 平日%s〜18:00 フリーダイヤル %s" % ("10:00", g.phone_ja("free"))]
    return "\n".join(L)


def ja_incident(g):
    rep, mgr = g.ja_person(), g.ja_person()
    L = ["インシデント報告書" if g.p(0.5) else "【個人情報漏えい等事案 第一報】",
         "報告番号：INC-%d-%04d" % (g.r.randint(2022, 2025), g.r.randint(1, 9999)),
         "報告日：%s" % jd(g), "発生日時：%s %s" % (jd(g), g.time()[:5]),
         "報告者：%s　%s" % (g.ch(D.JA_DEPTS), g.jname(rep)), "承認者：%s" % g.jname(mgr), "", "■ 概要"]
    k = g.r.randint(0, 2)
    if k == 0:
        n = g.r.randint(2, 4)
        L.append("顧客宛ての案内メールをBCCではなくTOで送信し、%d名分のメールアドレスが相互に閲覧可能な状態となった。" % (n * 30))
        L.append("誤送信先（一部）：")
        for _ in range(n):
            L.append("　- %s %s" % (g.email(g.ja_person()), g.ch(["", "（%s）" % g.jname(g.ja_person())])))
    elif k == 1:
        L.append("不正アクセスの疑い。管理画面に対し、以下のIPアドレスから短時間に多数のログイン試行を検知した。")
        for _ in range(g.r.randint(2, 5)):
            L.append("　%s　試行回数 %d回（%s〜）" % (g.ip(), g.r.randint(30, 900), g.time()))
        L.append("WAFのバージョン %s では検知ルールが未適用であった。" % g.version())
    else:
        v = g.ja_person()
        L.append("申込書類（紙）1件を紛失。記載情報：氏名 %s、生年月日 %s、住所 %s、電話番号 %s、個人番号 %s。" % (
            g.jname(v), m("DATE_OF_BIRTH", g.ja_date(g.dob_date())), g.ja_address(False)[0], g.phone_ja(), g.my_number()))
        L.append(g.ch(["同封されていた本人確認書類：運転免許証（番号 %s）の写し。" % g.drivers_license(),
                       "同封されていた本人確認書類：旅券（旅券番号 %s）の写し。" % g.passport(),
                       "同封されていた本人確認書類：在留カード（%s）の写し。" % g.residence_card()]))
    L += ["", "■ 対応状況", "・%s 関係者への連絡を開始（担当 %s）" % (jd(g), g.hon(rep, "")),
          "・個人情報保護委員会への報告要否を法務部にて確認中", "・対象システム：顧客管理 %s" % g.version(), "",
          "■ 再発防止策", g.ch(["・メール送信前のダブルチェックを義務化する。", "・管理画面へのアクセスを社内IPに制限する。",
                            "・書類の持ち出し記録簿を運用する。"])]
    return "\n".join(L)


def ja_app_log(g):
    L = []
    t = datetime.datetime(2024, g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(0, 23), g.r.randint(0, 59), g.r.randint(0, 59))
    svc = g.ch(["auth", "order", "mypage", "batch", "mailer", "api"])
    for _ in range(g.r.randint(14, 30)):
        t += datetime.timedelta(seconds=g.r.randint(1, 400), milliseconds=g.r.randint(0, 999))
        ts = t.strftime(g.ch(["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S+09:00"]))
        k = g.r.randint(0, 9)
        if k <= 2:
            line = "%s INFO  [%s] ログイン成功 user=%s ip=%s" % (ts, svc, g.email(g.ja_person()), g.ip())
        elif k == 3:
            line = "%s WARN  [%s] パスワード誤り(%d回目) login_id=%s remote=%s" % (ts, svc, g.r.randint(1, 5), g.email(g.ja_person()), g.ip())
        elif k == 4:
            line = "%s INFO  [%s] 注文確定 order_id=%s amount=%d session=%s" % (ts, svc, g.bad12(), g.r.randint(300, 99999), "%032x" % g.r.getrandbits(128))
        elif k == 5:
            line = "%s DEBUG [%s] 会員情報更新 member_no=%s tel=%s" % (ts, svc, g.digits(9, True), g.phone_ja(g.ch(["mobile", "mobile_compact", "fixed2"])))
        elif k == 6:
            line = "%s ERROR [%s] メール送信失敗 to=%s reason=\"550 5.1.1 User unknown\"" % (ts, svc, g.email())
        elif k == 7:
            line = "%s INFO  [%s] health check ok version=%s latency=%dms" % (ts, svc, g.version(), g.r.randint(2, 900))
        elif k == 8:
            line = "%s INFO  [%s] 配送ステータス更新 tracking=%s status=配達完了" % (ts, svc, g.bad16())
        else:
            line = "%s WARN  [%s] upstream timeout host=%s:%d elapsed=%s" % (ts, svc, g.ipv4(True), g.ch([8080, 443, 5432, 6379]), g.time())
        L.append(line)
    return "\n".join(L)


def ja_registration(g):
    p = g.ja_person()
    colon = g.ch(["：", "：", ":", "　", "\t"])
    title = g.ch(["入会申込書", "口座開設申込書", "会員登録申込書", "賃貸住宅入居申込書", "サービス利用申込書", "クレジットカード入会申込書"])
    fields = [("お名前" if g.p(0.5) else "氏名", g.jname(p)),
              (g.ch(["フリガナ", "ﾌﾘｶﾞﾅ", "ふりがな"]), None)]
    dob = m("DATE_OF_BIRTH", g.ja_date(g.dob_date(1945, 2004)))
    L = [title, "申込日%s%s" % (colon, jd(g)), "受付番号%s%s" % (colon, g.order_no()), ""]
    for lab, val in fields:
        if val is None:
            if lab == "ﾌﾘｶﾞﾅ":
                val = g.jhw(p)
            elif lab == "ふりがな":
                val = g.jkana(p, hira=True)
            else:
                val = g.jkana(p)
        L.append(lab + colon + val)
    L.append("生年月日" + colon + dob + g.ch(["", "（満%d歳）" % g.r.randint(20, 79)]))
    L.append("性別" + colon + g.ch(["男", "女", "男性", "女性", "回答しない"]))
    pc = g.postal()
    addr, bld = g.ja_address()
    if g.p(0.5):
        L += ["郵便番号" + colon + pc, "住所" + colon + addr + bld]
    else:
        L.append("ご住所" + colon + "〒" + pc + " " + addr + bld)
    L.append(g.ch(["電話番号", "自宅電話", "TEL"]) + colon + g.phone_ja())
    L.append(g.ch(["携帯電話", "携帯番号", "緊急連絡先"]) + colon + g.phone_ja(g.ch(["mobile", "mobile_compact", "fw", "mobile_sp"])))
    L.append(g.ch(["メールアドレス", "E-mail", "メール"]) + colon + g.email(p))
    if g.p(0.6):
        L.append("勤務先" + colon + g.ch(D.JA_COMPANIES) + "（TEL %s）" % g.phone_ja(g.ch(["fixed2", "fixed3"])))
    idk = g.r.randint(0, 6)
    L.append("")
    if idk == 0:
        L.append("本人確認書類" + colon + "運転免許証　免許証番号 " + g.drivers_license())
    elif idk == 1:
        L.append("本人確認書類" + colon + "パスポート（旅券番号 " + g.passport() + "）")
    elif idk == 2:
        L.append("個人番号（マイナンバー）" + colon + g.my_number())
    elif idk == 3:
        L.append("本人確認書類" + colon + "マイナンバーカード（個人番号 " + g.my_number() + "）")
    elif idk == 4:
        L.append("基礎年金番号" + colon + g.pension())
    elif idk == 5:
        L.append("本人確認書類" + colon + "在留カード（番号：" + g.residence_card() + "）")
    else:
        L.append("本人確認書類" + colon + "運転免許証（" + g.drivers_license() + "）／ 旅券（" + g.passport() + "）")
    if g.p(0.55):
        L += ["", "【お引落口座】", g.bank_block_ja(g.jkana(p, sep=" "))]
    if "カード" in title and g.p(0.7):
        L.append("お支払いカード番号" + colon + g.card())
    if g.p(0.25):
        L += ["", "【特記事項】", g.sc(g.ch(["DISABILITY", "MEDICAL"]), "ja", "申込者")]
    L += ["", "※ご記入いただいた個人情報は、お申込みの審査およびご連絡のために利用します。",
          "取扱店：%s　担当：%s　店番 %s" % (g.ch(D.JA_BRANCHES), g.hon(g.ja_person(), ""), g.digits(3))]
    return "\n".join(L)


def ja_contract(g):
    p, rep = g.ja_person(), g.ja_person()
    co = g.ch(D.JA_COMPANIES)
    kind = g.ch(["業務委託契約書", "金銭消費貸借契約書", "賃貸借契約書", "秘密保持契約書", "雇用契約書"])
    L = [kind, "",
         "%s（法人番号 %s、以下「甲」という。）と%s（以下「乙」という。）は、次のとおり契約を締結する。" % (co, g.corp_number(), g.jname(p)), "",
         "第1条（目的）", "本契約は、甲が乙に対し%sを委託するにあたり、必要な事項を定める。" % g.ch(["システム保守業務", "商品配送業務", "翻訳業務", "経理補助業務"]),
         "第2条（契約期間）", "契約期間は%sから%sまでとする。" % jd2(g),
         "第3条（報酬）", "甲は乙に対し、月額%s（税別）を翌月末日までに乙の指定する口座に振り込む。" % g.yen(),
         g.bank_block_ja(g.jkana(p, sep=" ")), "",
         "第4条（秘密保持）", "乙は、本契約に関して知り得た甲の営業上の秘密を第三者に開示してはならない。",
         "第5条（反社会的勢力の排除）", "甲及び乙は、自己が反社会的勢力に該当しないことを表明し、保証する。", ""]
    if g.p(0.4):
        L.append("（参考）甲の取引先コード %s、取引先の法人番号 %s は本契約の対象外とする。" % (g.bad13(), g.corp_number()))
    L += ["契約締結日：%s" % jd(g), "",
          "甲　住所　%s" % g.ja_addr_line(False), "　　名称　%s" % co, "　　代表取締役　%s　㊞" % g.jname(rep), "",
          "乙　住所　%s" % g.ja_addr_line(g.p(0.5)), "　　氏名　%s　㊞" % g.jname(p)]
    if g.p(0.5):
        L.append("　　%s" % g.dob_ja()[0])
    if g.p(0.3):
        L.append("連帯保証人　%s（%s）電話 %s" % (g.jname(g.ja_person()), g.ja_addr_line(False), g.phone_ja()))
    return "\n".join(L)


def ja_insurance(g):
    p = g.ja_person()
    co = g.ch(["みらい生命保険株式会社", "ひかり損害保険株式会社", "株式会社みらい保険サービス", "あおば共済"])
    terms = med_terms("ja")
    L = ["%s　%s" % (co, g.ch(["保険金・給付金請求書", "入院給付金請求書", "診断書（保険会社提出用）"])), "",
         "証券番号：%s" % g.ch([g.bad12(), g.digits(10, True), "K-" + g.digits(8)]),
         "被保険者氏名：%s　（%s）" % (g.jname(p), g.jkana(p)),
         g.dob_ja()[0], "住所：%s" % g.ja_addr_line(), "電話：%s" % g.phone_ja(), "",
         "傷病名：%s" % m("MEDICAL", g.ch(terms)),
         "入院期間：%s 〜 %s（%d日間）" % (jd(g), jd(g), g.r.randint(2, 60)),
         "手術名：%s" % g.ch(["腹腔鏡下胆嚢摘出術", "なし", "経皮的冠動脈形成術", "乳房部分切除術"]),
         "初診日：%s" % jd(g), ""]
    if g.p(0.5):
        L.append("既往症：%s（%s頃から治療）" % (m("MEDICAL", g.ch(terms)), g.ch(["平成28年", "5年前", "2019年", "20代"])))
    if g.p(0.3):
        L.append("基礎年金番号：%s（障害年金との併給確認のため）" % g.pension())
    if g.p(0.3):
        L.append("事故状況：%s、相手方運転者 %s（免許証番号 %s）" % (g.ch(["交差点での出合い頭の衝突", "駐車場内での接触"]), g.jname(g.ja_person()), g.drivers_license()))
    if g.p(0.3):
        L.append("備考：" + g.sc(g.ch(["CRIME_VICTIM", "DISABILITY"]), "ja", "被保険者"))
    L += ["", "【給付金受取口座】", g.bank_block_ja(g.jkana(p, sep=" ")), "",
          "請求者が被保険者と異なる場合：%s（続柄 %s）" % (g.ch(["―", g.jname(g.ja_person())]), g.ch(["配偶者", "子", "―"])),
          "受付日：%s　受付者コード %s" % (jd(g), g.digits(5))]
    return "\n".join(L)


def ja_chat(g):
    a, b = g.ja_person(), g.ja_person()
    na, nb = g.ch([g.jsei(a), g.jname(a), m("PERSON", a["mei"])]), g.ch([g.jsei(b), g.jname(b)])
    t = datetime.datetime(2024, g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(8, 22), g.r.randint(0, 59))
    fmt = g.ch(["[{t}] {n}: {s}", "{t} {n}\n{s}", "{n}（{t}）：{s}"])
    msgs = [(na, "おつかれさまです"), (nb, g.ch(["おつかれー", "おつかれさまです！"]))]
    pool = [
        (nb, "%sの連絡先わかる？" % g.hon(g.ja_person(), "さん")),
        (na, "携帯は %s だよ" % g.phone_ja(g.ch(["mobile", "mobile_compact"]))),
        (na, "メールなら %s" % g.email()),
        (nb, "住所は%sって聞いてる" % g.ja_address(False)[0]),
        (nb, "明日の会議、%sからに変更です" % g.ch(["10時", "14:30", "午後3時"])),
        (na, "了解です。資料は共有フォルダのv%s版でOK?" % g.version()),
        (nb, g.sc_any("ja", g.hon(g.ja_person(), "さん"))),
        (na, g.sc_any("ja", g.ch(["うちの母", "兄", "同期の" + g.hon(g.ja_person(), "くん")]))),
        (nb, "振込先これで合ってる？ %s %s %s" % (g.ch(D.JA_BANKS), g.ch(D.JA_BRANCHES), g.bank_account())),
        (na, "飲み会は %s の19時からで" % g.ja_date(g.recent(), "slash")[5:]),
        (nb, "注文番号 %s で問い合わせて" % g.order_no()),
        (na, "%sのマイナンバー、%s で合ってる？" % (g.ch(["父", "妻", "娘"]), g.my_number())),
    ]
    msgs += g.r.sample(pool, g.r.randint(5, 9))
    L = []
    for n, s in msgs:
        t += datetime.timedelta(minutes=g.r.randint(0, 12))
        L.append(fmt.format(t=t.strftime("%H:%M") if "[" in fmt else t.strftime("%m/%d %H:%M"), n=n, s=s))
    return "\n".join(L)


def ja_resume(g):
    p = g.ja_person()
    d = g.dob_date(1965, 2003)
    L = ["履　歴　書" if g.p(0.5) else "履歴書", "%s現在" % jd(g), "",
         "ふりがな　%s" % g.jkana(p, hira=True, sep=g.ch([" ", "　"])),
         "氏名　　　%s" % g.jname(p, g.ch(["sp", "zs"])),
         "生年月日　%s生（満%d歳）" % (m("DATE_OF_BIRTH", g.ja_date(d, g.ch(["wareki", "seireki", "wareki_sp"]))), 2024 - d.year),
         "現住所　　" + g.ja_addr_line(),
         "電話　　　" + g.phone_ja(), "携帯　　　" + g.phone_ja("mobile"), "E-mail　　" + g.email(p), "",
         "学歴・職歴"]
    y = d.year + 18
    school = g.ch([x for x in D.JA_SCHOOLS if x.endswith("大学")])
    L += ["%d年 3月　%s 卒業" % (y, g.ch(["県立青葉高等学校", "私立桜ヶ丘高等学校", "都立西高等学校"])),
          "%d年 4月　%s%s 入学" % (y, school, g.ch(["経済学部", "工学部", "文学部", "法学部"])),
          "%d年 3月　同 卒業" % (y + 4),
          "%d年 4月　%s 入社" % (y + 4, g.ch(D.JA_COMPANIES)),
          "%d年 %d月　一身上の都合により退社" % (y + g.r.randint(6, 12), g.r.randint(1, 12)), "　　　　　　　　　　　以上", "",
          "免許・資格", "%d年 %d月　普通自動車第一種運転免許 取得" % (y, g.r.randint(1, 12)),
          "%d年 %d月　%s" % (y + 3, g.r.randint(1, 12), g.ch(["TOEIC 860点", "日商簿記検定2級 合格", "基本情報技術者試験 合格"])), ""]
    L.append("本人希望記入欄")
    if g.p(0.4):
        L.append(first_person_ja(g))
    else:
        L.append("貴社規定に従います。")
    return "\n".join(L)


def ja_police(g):
    sus, vic, off = g.ja_person("M"), g.ja_person(), g.ja_person()
    L = [g.ch(["捜査報告書", "相談受理票", "法律相談メモ", "事件記録（要約）"]),
         "作成日：%s　作成者：%s%s" % (jd(g), g.ch(["巡査部長 ", "弁護士 ", "警部補 ", ""]), g.jname(off)), "",
         "【被疑者】", "氏名：%s（%s）" % (g.jname(sus), g.jkana(sus)), g.dob_ja(1955, 2004)[0],
         "住居：%s" % g.ja_addr_line(g.p(0.5)), "職業：%s" % g.ch(["無職", "会社員", "自営業", "アルバイト"])]
    if g.p(0.75):
        L.append(g.ch(["運転免許証番号：%s" % g.drivers_license(), "免許証番号 %s" % g.drivers_license(), "在留カード番号：%s" % g.residence_card(), "旅券番号：%s" % g.passport()]))
    L.append(g.sc("CRIMINAL_RECORD", "ja", "被疑者"))
    L += ["", "【被害者】", "氏名：%s　%s" % (g.jname(vic), g.ch(["", "（%d歳）" % g.r.randint(18, 88)])),
          "連絡先：%s" % g.phone_ja(), g.sc("CRIME_VICTIM", "ja", g.hon(vic, "さん")), "",
          "【事案の概要】",
          "%s午後%d時頃、%s付近において、被疑者が被害者に対し%s。" % (
              jd(g), g.r.randint(1, 11), g.ch(["東京駅八重洲口", "大阪城公園", "新宿駅東口", "札幌駅前", "名古屋城"]),
              g.ch(["現金を要求した", "暴行を加え全治2週間の傷害を負わせた", "投資話を持ち掛け現金300万円を詐取した"]))]
    if g.p(0.5):
        L.append(g.sc(g.ch(["RACE_ETHNICITY", "SEXUAL_ORIENTATION", "CREED", "SOCIAL_STATUS"]), "ja", "被害者"))
    if g.p(0.4):
        L.append("押収品：携帯電話1台（IMEI %s）、現金%s" % (g.imei(), g.yen()))
    L.append("※参考：刑法犯の認知件数は前年比%.1f%%減（統計資料より）。" % (g.r.randint(5, 150) / 10))
    return "\n".join(L)


def ja_welfare(g):
    head, ch1, cw = g.ja_person(), g.ja_person(), g.ja_person()
    ch1["sei"], ch1["sei_k"] = head["sei"], head["sei_k"]
    L = [g.ch(["ケース記録（福祉事務所）", "支援経過記録", "家庭訪問記録", "相談記録票"]),
         "記録日：%s　担当ケースワーカー：%s" % (jd(g), g.jname(cw)), "",
         "世帯主：%s（%s）" % (g.jname(head), g.dob_ja(1950, 1995)[0]),
         "住所：%s" % g.ja_addr_line(g.p(0.6)), "電話：%s" % g.phone_ja(),
         "世帯員：長%s %s（%s）" % ("男" if ch1["g"] == "M" else "女", g.jname(ch1), m("DATE_OF_BIRTH", g.ja_date(g.dob_date(2008, 2020)))),
         "基礎年金番号：%s" % g.pension(), ""]
    if g.p(0.5):
        L.insert(-2, "世帯員：妻 %s（在留カード番号 %s）" % (g.ename(g.en_person("F"), "full"), g.residence_card()))
    L.append("【経過】")
    L.append("%s、自宅を訪問。%s" % (jd(g), g.ch(["生活保護受給中であり、就労指導を継続。", "家賃滞納について相談あり。", "室内は整頓されていた。"])))
    for lab in g.r.sample(LABELS_SC, g.r.randint(1, 3)):
        L.append(g.sc(lab, "ja", g.ch(["世帯主", g.hon(head, "さん"), "本人"])))
    if g.p(0.5):
        L.append("%sは%s。" % (g.child_given(ch1), g.ch(["小学校に通学しており、特に問題なし", "不登校気味で、スクールカウンセラーと連携中", "保育園に通園中"])))
    if g.p(0.4):
        L.append(g.sc_child(g.ch(["DISABILITY", "SOCIAL_STATUS", "MEDICAL"]), "ja", g.child_given(ch1)))
    L += ["", "【今後の方針】", "・%s頃に再訪問予定。" % jd(g), "・障害福祉課（%s）と情報共有する。" % g.phone_ja("fixed3")]
    return "\n".join(L)


def ja_school(g):
    kid, par, tch = g.ja_person(), g.ja_person(), g.ja_person()
    par["sei"], par["sei_k"] = kid["sei"], kid["sei_k"]
    L = [g.ch(["個別の指導計画", "生徒指導記録", "保護者面談記録", "就学相談票"]),
         "%s　%s年%s組" % g.ch([("市立緑小学校", g.r.randint(1, 6), g.ch("123")), ("市立緑中学校", g.r.randint(1, 3), g.ch("1234")),
                               ("県立青葉高等学校", g.r.randint(1, 3), g.ch("ABCD"))]),
         "児童生徒氏名：%s（%s）" % (g.jname(kid), g.jkana(kid, hira=True)),
         "生年月日：%s" % m("DATE_OF_BIRTH", g.ja_date(g.dob_date(2008, 2018))),
         "保護者：%s　連絡先 %s" % (g.jname(par), g.phone_ja(g.ch(["mobile", "mobile_compact", "fw"]))),
         "担任：%s" % g.jname(tch), "", "■ 面談内容"]
    L.append("%s%s、%sと面談。" % (jd(g), g.ch(["　放課後", " 16時より", "（火）"]), g.hon(par, g.ch(["様", "さん"]))))
    L.append(g.sc_child(g.ch(["DISABILITY", "MEDICAL", "RACE_ETHNICITY", "CREED", "SOCIAL_STATUS", "CRIME_VICTIM"]), "ja", g.child_given(kid)))
    if g.p(0.5):
        L.append(g.sc(g.ch(["CRIME_VICTIM", "CREED", "MEDICAL"]), "ja", "保護者"))
    L.append("給食ではアレルギー対応（卵）を継続する。")
    L += ["", "■ 次回", "%s 学期末面談" % jd(g)]
    return "\n".join(L)


def ja_grant(g):
    pi = g.ja_person()
    L = [g.ch(["研究計画調書（概要）", "令和6年度 科学研究費助成事業 採択課題", "政策提言：地域医療の持続可能性", "研究助成公募要領"]), "",
         "課題番号：%s" % g.ch([g.bad12(), "24K%05d" % g.r.randint(0, 99999), g.digits(8)]),
         "研究代表者：%s（%s %s）" % (g.jname(pi), g.ch(D.JA_SCHOOLS), g.ch(["医学系研究科", "公衆衛生学教室", "社会学部"])),
         "研究期間：%s〜%s" % jd2(g), "交付予定額：%s" % g.yen(), ""]
    L += g.negs("ja", g.r.randint(4, 7))
    L += ["本研究では、全国%d施設のデータ（延べ%d例）を用いて解析を行う。" % (g.r.randint(10, 300), g.r.randint(1000, 90000)),
          "申請機関の法人番号：%s（国税庁法人番号公表サイトで確認可）" % g.corp_number() if g.p(0.5) else "機関番号：%s" % g.digits(5),
          "参考文献：%s" % g.isbn(), "問い合わせ先：研究推進課 %s / %s" % (g.phone_ja(g.ch(["fixed2", "fixed3"])), g.email(corp=g.ch(["univ-example.ac.jp", "example.ac.jp"])))]
    return "\n".join(L)


def ja_news(g):
    p1, p2 = g.ja_person(), g.ja_person()
    L = [g.ch(["【速報】", "", "〈地域〉", "【経済】"]) + g.ch(["特殊詐欺グループを摘発", "新たな支援制度が始動", "市長選で新人が初当選", "大型商業施設が開業"]), "",
         "%s　%s配信" % (jd(g), g.time()[:5]), ""]
    L.append("%s、%s周辺で%s。%s" % (jd(g), g.ch(["東京駅", "大阪城", "博多駅", "札幌市役所", "横浜中華街"]),
                                   g.ch(["記念式典が開かれた", "警察による警戒が強化された", "新しい商業ビルの建設が始まった"]),
                                   g.ch(["会場には約3000人が集まった。", "関係者によると、総事業費は約120億円。", ""])))
    L.append("%s%s（%d）は「%s」と話した。" % (g.ch(["市長の", "同社社長の", "県警の", "主催者の"]), g.jname(p1), g.r.randint(35, 75),
                                          g.ch(["地域の安全を守りたい", "多くの方に利用してほしい", "被害の防止に全力を尽くす"])))
    L += g.negs("ja", g.r.randint(2, 4))
    L.append("%sの株価は前日比%d円高の%s円で取引を終えた。" % (g.ch(["本田技研工業", "鈴木商店", "佐藤食品", "山本製作所"]), g.r.randint(1, 90), "{:,}".format(g.r.randint(300, 9000))))
    if g.p(0.5):
        L.append("（%s記者）" % g.jname(p2))
    return "\n".join(L)


def ja_manual(g):
    prod = g.ch(D.JA_PRODUCTS)
    L = ["%s 取扱説明書" % prod, "型番：%s-%s　製品バージョン %s" % (g.ch(["WX", "KT", "RC", "AP"]), g.digits(4), g.version()), "",
         "■ 安全上のご注意", "・本製品を分解・改造しないでください。", "・ぬれた手で電源プラグを抜き差ししないでください。", "",
         "■ 初期設定",
         "1. 本体の電源ボタンを3秒間長押しします。",
         "2. ブラウザで %s にアクセスし、管理画面を開きます。" % g.ipv4(True),
         "3. ファームウェアを最新版（%s）に更新します。旧バージョン %s は%sにサポートを終了しました。" % (g.version(), g.version(), jd(g)),
         "4. タイマーを %s に設定すると、毎日自動で起動します。" % g.time(), "",
         "■ 仕様", "定格消費電力：%dW　質量：約%.1fkg" % (g.r.randint(5, 1200), g.r.randint(3, 90) / 10),
         "製造番号：%s（本体底面に記載）" % g.ch([g.bad12(), g.bad13(), g.bad16()]),
         "JANコード：%s" % g.jan(), "希望小売価格：%s（税込）" % g.yen(), "",
         "■ お問い合わせ", "%sお客様相談室　%s（受付 9:00〜17:00、土日祝除く）" % (g.ch(D.JA_COMPANIES), g.phone_ja(g.ch(["free", "free0800", "ip"]))),
         "保証書発行日：%s" % jd(g)]
    return "\n".join(L)


# ============================================================ genre templates: English
def ed(g, d=None):
    """Non-birth date in English (NOT labelled)."""
    return g.en_date(d or g.recent(), g.ch(["long", "iso", "dmy_long", "mdy"]))


def ed2(g):
    a, b = sorted([g.recent(), g.recent()])
    return ed(g, a), ed(g, b)


def en_sig(g, p, title=None):
    L = ["", g.ch(["Best regards,", "Kind regards,", "Thanks,", "Sincerely,", "Cheers,"]), g.ename(p, "full")]
    if title:
        L.append(title)
    if g.p(0.7):
        L.append(g.ch(["Tel: ", "Phone: ", "M: ", "Direct: "]) + g.phone_intl())
    if g.p(0.6):
        L.append(g.email(p))
    return L


def en_hr_memo(g):
    emp, hr, mgr = g.en_person(), g.en_person(), g.en_person()
    kind = g.r.randint(0, 2)
    if kind == 0:
        L = ["CONFIDENTIAL - HR CASE NOTE", "Case ID: HR-%d-%03d" % (g.r.randint(2022, 2025), g.r.randint(1, 999)),
             "Date: %s" % ed(g), "Employee: %s (%s)" % (g.ename(emp), g.ch(D.EN_DEPTS)),
             "Employee ID: E%s" % g.digits(6), "Prepared by: %s, HR Business Partner" % g.ename(hr), "", "Summary"]
        who = g.ch([g.etitle(emp), m("PERSON", emp["first"]), "The employee"])
        for lab in g.r.sample(LABELS_SC, g.r.randint(1, 3)):
            L.append("- " + g.sc(lab, "en", who))
        L += ["", "Next steps", "- Meeting with %s on %s at %s." % (g.ename(mgr), ed(g), g.ch(["10:30", "2 pm", "15:00"])),
              "- Keep this note in the restricted HR folder only."]
    elif kind == 1:
        dob, _ = g.dob_en(1955, 2003)
        L = ["MEMORANDUM", "To: Payroll", "From: %s" % g.ename(hr), "Re: New hire onboarding - %s" % g.ename(emp, "full"), "Date: %s" % ed(g), "",
             "Please set up payroll for the following new employee, starting %s." % ed(g), "",
             "Name: %s" % g.ename(emp, "full"), dob,
             "SSN: %s" % g.ssn(), "Home address: %s" % g.en_address("US"),
             "Mobile: %s" % g.phone_intl(), "Personal email: %s" % g.email(emp), "",
             "Direct deposit: %s" % g.ch(["routing %s, account ending %s" % (g.digits(9), g.digits(4)), "IBAN " + g.iban()]),
             "Salary: $%s per year" % "{:,}".format(g.r.randint(40, 180) * 1000), "",
             "Emergency contact: %s (%s), %s" % (g.ename(g.en_person(), "full"), g.ch(["spouse", "mother", "brother"]), g.phone_intl())]
    else:
        L = ["Subject: Reasonable adjustment request", "", "Dear %s," % m("PERSON", hr["first"]), "",
             "I am writing on behalf of %s, who joined the %s team on %s." % (g.ename(emp, "full"), g.ch(D.EN_DEPTS), ed(g)),
             g.sc(g.ch(["DISABILITY", "MEDICAL"]), "en", m("PERSON", emp["first"])),
             "Occupational health has recommended a phased return and a quieter workspace.",
             g.neg("en")]
        L += en_sig(g, mgr, "Line Manager, " + g.ch(D.EN_DEPTS))
    return "\n".join(L)


def en_clinic_letter(g):
    pt, dr1, dr2 = g.en_person(), g.en_person(), g.en_person()
    h1, h2 = g.r.sample(D.EN_HOSPITALS, 2)
    terms = med_terms("en")
    dx = g.r.sample(terms, 2)
    d = g.dob_date(1935, 2015)
    L = [h1, g.en_address(), "Tel %s" % g.phone_intl(), "", ed(g), "",
         "Dr %s" % m("PERSON", dr2["first"] + " " + dr2["last"]) if g.p(0.5) else "Dr. " + m("PERSON", dr2["last"]),
         h2, "", "Dear Dr %s," % m("PERSON", dr2["last"]), "",
         "Re: %s, DOB %s, NHS/MRN %s" % (g.ename(pt, g.ch(["full", "upper"])), m("DATE_OF_BIRTH", g.en_date(d)), g.digits(10, True)),
         g.ch(["Address: ", ""]) + g.en_address(), "",
         "Thank you for seeing this %d-year-old %s, who presents with %s." % (
             2024 - d.year, "man" if pt["g"] == "M" else "woman",
             g.ch(["worsening shortness of breath", "chest pain on exertion", "low mood and insomnia", "joint swelling"])),
         "Diagnosis: %s" % m("MEDICAL", dx[0]),
         "Past medical history: %s; appendectomy (%d)." % (m("MEDICAL", dx[1]), g.r.randint(1980, 2015)),
         "Current medication: %s %dmg %s." % (g.ch(["metformin", "amlodipine", "sertraline", "salbutamol"]), g.ch([5, 10, 50, 500]), g.ch(["daily", "twice daily", "as needed"])), ""]
    if g.p(0.4):
        L.append(g.sc(g.ch(["DISABILITY", "CREED", "SEXUAL_ORIENTATION", "CRIME_VICTIM"]), "en", g.etitle(pt)))
    L += ["I would be grateful for your assessment and advice on further management.", "",
          "Yours sincerely,", "", "Dr %s" % g.ename(dr1, "full"), "GMC %s" % g.digits(7), h1]
    return "\n".join(L)


def en_support_email(g):
    cu, ag = g.en_person(), g.en_person()
    L = ["From: %s <%s>" % (g.ename(cu, "full"), g.email(cu)), "To: %s" % m("EMAIL_ADDRESS", "help@" + g.ch(["contoso.com", "northwind.example", "example.com"])),
         "Date: %s" % ed(g), "Subject: " + g.ch(["Refund request", "Wrong charge on my card", "Update my account details", "Order not received"]), "",
         g.ch(["Hi,", "Hello support team,", "Dear Sir or Madam,", "Hi there,"]), ""]
    k = g.r.randint(0, 3)
    if k == 0:
        L += ["I was charged twice for order #%s on %s. The card used was %s." % (g.order_no(), ed(g), g.card()),
              "Please refund the duplicate payment of $%d.%02d." % (g.r.randint(10, 900), g.r.randint(0, 99))]
    elif k == 1:
        L += ["I moved recently. My new address is %s and my phone number is now %s." % (g.en_address(), g.phone_intl()),
              "My customer number is %s." % g.digits(9, True)]
    elif k == 2:
        L += ["My package (tracking %s) has not arrived. It was supposed to be delivered by %s." % (g.tracking(), ed(g)),
              "I'm at work most days, so please call %s after 6pm." % g.phone_intl()]
    else:
        L += ["Please send the refund to my bank account: IBAN %s, account holder %s." % (g.iban(), g.ename(cu, "full")),
              "The original payment reference was %s." % g.bad12()]
    if g.p(0.25):
        lab = g.ch(["DISABILITY", "MEDICAL"])
        terms = {"DISABILITY": ["deaf", "hearing impairment", "visual impairment"], "MEDICAL": ["epilepsy", "PTSD", "multiple sclerosis"]}[lab]
        L.append("As I have %s, I would prefer to be contacted by email rather than by phone." % m(lab, g.ch(terms)))
    L += en_sig(g, cu)
    if g.p(0.5):
        L += ["", "-----Original Message-----", "From: %s, %s Support" % (g.ename(ag), g.ch(D.EN_COMPANIES)),
              "Ticket %s | Reply before %s" % (g.digits(8), ed(g)), "Dear %s," % g.etitle(cu), "Thanks for contacting us."]
    return "\n".join(L)


def en_incident(g):
    rep = g.en_person()
    L = ["SECURITY INCIDENT REPORT", "Incident #: SEC-%05d" % g.r.randint(1, 99999), "Reported: %s %s UTC" % (ed(g), g.time()),
         "Reporter: %s <%s>" % (g.ename(rep, "full"), g.email(rep)), "Severity: %s" % g.ch(["Low", "Medium", "High", "Critical"]), "",
         "Description:"]
    k = g.r.randint(0, 2)
    if k == 0:
        L.append("A spreadsheet containing customer records was shared publicly. Sample rows:")
        for _ in range(g.r.randint(2, 4)):
            p = g.en_person()
            L.append("  %s | %s | SSN %s | %s" % (g.ename(p, "full"), m("DATE_OF_BIRTH", g.en_date(g.dob_date(), "iso")), g.ssn(), g.email(p)))
    elif k == 1:
        L.append("Credential stuffing against the login endpoint from:")
        for _ in range(g.r.randint(3, 6)):
            L.append("  - %s (%d attempts, first seen %s)" % (g.ip(), g.r.randint(50, 4000), g.time()))
        L.append("Affected service version %s; not related to build %s." % (g.version(), g.version()))
    else:
        v = g.en_person()
        L.append("A laptop belonging to %s was stolen from a car. It contained a scanned passport and a payment card (%s) of the employee." % (g.ename(v), g.card()))
        L.append("The employee was a %s; police report filed on %s." % (m("CRIME_VICTIM", g.ch(["victim of theft", "robbery victim", "victim of a burglary"])), ed(g)))
    L += ["", "Actions taken:", "- Access revoked at %s." % g.time(), "- DPO %s notified." % g.ename(g.en_person()),
          "- Not related to ticket %s." % g.bad16("-")]
    return "\n".join(L)


def en_access_log(g):
    L = []
    t = datetime.datetime(2024, g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(0, 23), g.r.randint(0, 59), g.r.randint(0, 59))
    paths = ["/", "/login", "/api/v1/orders", "/account/profile", "/static/app.%s.js" % g.digits(6), "/search?q=shoes",
             "/wp-login.php", "/.env", "/api/v2/users/%s" % g.digits(5), "/checkout", "/healthz"]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
           "curl/8.5.0", "python-requests/2.31.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"]
    fmt = g.r.randint(0, 2)
    for _ in range(g.r.randint(15, 35)):
        t += datetime.timedelta(seconds=g.r.randint(0, 90))
        ip = g.ip()
        if fmt == 0:
            L.append('%s - - [%s +0000] "%s %s HTTP/1.1" %d %d "-" "%s"' % (
                ip, t.strftime("%d/%b/%Y:%H:%M:%S"), g.ch(["GET", "GET", "POST"]), g.ch(paths), g.ch([200, 200, 302, 404, 500, 401]),
                g.r.randint(0, 50000), g.ch(uas)))
        elif fmt == 1:
            L.append('{"ts":"%sZ","client_ip":"%s","method":"%s","path":"%s","status":%d,"rt_ms":%d}' % (
                t.isoformat(), ip, g.ch(["GET", "POST"]), g.ch(paths), g.ch([200, 201, 404, 403]), g.r.randint(1, 3000)))
        else:
            L.append("%s sshd[%d]: %s for %s from %s port %d ssh2" % (
                t.strftime("%b %d %H:%M:%S"), g.r.randint(1000, 60000), g.ch(["Failed password", "Accepted publickey", "Invalid user"]),
                g.ch(["root", "admin", "ubuntu", "deploy"]), ip, g.r.randint(1024, 65535)))
    return "\n".join(L)


def en_app_log(g):
    L = []
    t = datetime.datetime(2024, g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(0, 23), g.r.randint(0, 59))
    for _ in range(g.r.randint(12, 28)):
        t += datetime.timedelta(seconds=g.r.randint(1, 300), milliseconds=g.r.randint(0, 999))
        ts = t.isoformat(timespec="milliseconds") + "Z"
        k = g.r.randint(0, 8)
        if k <= 2:
            L.append("%s INFO  UserService - password reset requested for %s from %s" % (ts, g.email(g.en_person()), g.ip()))
        elif k == 3:
            L.append("%s ERROR PaymentGateway - card declined card=%s code=05" % (ts, g.card() if g.p(0.5) else "****" + g.digits(4)))
        elif k == 4:
            L.append("%s DEBUG SignupController - payload={name: \"%s\", email: \"%s\", phone: \"%s\"}" % (ts, g.ename(g.en_person(), "full"), g.email(), g.phone_intl()))
        elif k == 5:
            L.append("%s INFO  Deploy - rolled out build %s to %d pods" % (ts, g.version(), g.r.randint(2, 40)))
        elif k == 6:
            L.append("%s WARN  RateLimiter - throttled client %s (req_id=%s)" % (ts, g.ip(), "%016x" % g.r.getrandbits(64)))
        elif k == 7:
            L.append("%s INFO  Shipping - label created tracking=%s" % (ts, g.bad16()))
        else:
            L.append("%s INFO  Scheduler - job nightly-export finished in %s" % (ts, g.time()))
    return "\n".join(L)


def en_registration(g):
    p = g.en_person()
    sep = g.ch([": ", ": ", "\t", " - "])
    L = [g.ch(["NEW PATIENT REGISTRATION FORM", "Account Application", "Membership Enrollment", "Tenant Application Form", "Student Enrollment Form"]),
         "Submitted%s%s" % (sep, ed(g)), ""]
    if g.p(0.5):
        L += ["First name%s%s" % (sep, m("PERSON", p["first"])), "Last name%s%s" % (sep, m("PERSON", p["last"]))]
    else:
        L.append(g.ch(["Full name", "Name", "Applicant"]) + sep + g.ename(p, "full"))
    d = g.dob_date(1945, 2006)
    L.append(g.ch(["Date of birth", "DOB", "Birth date"]) + sep + m("DATE_OF_BIRTH", g.en_date(d)))
    L.append("Address" + sep + g.en_address())
    L.append(g.ch(["Phone", "Mobile", "Telephone"]) + sep + g.phone_intl())
    L.append("Email" + sep + g.email(p))
    k = g.r.randint(0, 3)
    if k == 0:
        L.append("SSN" + sep + g.ssn())
    elif k == 1:
        L.append("Social Security Number (for credit check)" + sep + g.ssn())
    elif k == 2:
        L.append("Bank account (IBAN)" + sep + g.iban())
    else:
        L.append("Card on file" + sep + g.card())
    if g.p(0.5):
        lab = g.ch(["RACE_ETHNICITY", "CREED", "DISABILITY", "MEDICAL"])
        q = {"RACE_ETHNICITY": "Ethnicity (optional)", "CREED": "Religious preference (optional)",
             "DISABILITY": "Do you require any accommodations?", "MEDICAL": "Current medical conditions"}[lab]
        t = g.ch(g.ch(D.SC[lab]["en"])[0])
        L.append(q + sep + m(lab, t))
    L += ["Emergency contact" + sep + "%s, %s" % (g.ename(g.en_person(), "full"), g.phone_intl()), "",
          "Reference number: %s" % g.order_no(), "Form version %s, printed %s" % (g.version(), ed(g))]
    return "\n".join(L)


def en_contract(g):
    p, sg = g.en_person(), g.en_person()
    co = g.ch(D.EN_COMPANIES)
    L = [g.ch(["SERVICE AGREEMENT", "CONSULTING AGREEMENT", "RESIDENTIAL LEASE AGREEMENT", "LOAN AGREEMENT"]), "",
         "This Agreement is made on %s between %s, a company registered at %s (the \"Company\"), and %s, residing at %s (the \"Contractor\")." % (
             ed(g), co, g.en_address(), g.ename(p, "full"), g.en_address()), "",
         "1. Term. This Agreement commences on %s and ends on %s." % ed2(g),
         "2. Fees. The Company shall pay the Contractor EUR %s per month to the following account:" % "{:,}".format(g.r.randint(2, 15) * 500),
         "   Account holder: %s" % g.ename(p, "full"), "   IBAN: %s" % g.iban(), "   BIC: %s" % g.ch(["DEUTDEFF", "NWBKGB2L", "BNPAFRPP", "INGBNL2A"]),
         "3. Confidentiality. The Contractor shall keep all Confidential Information secret during and after the term.",
         "4. Governing law. This Agreement is governed by the laws of %s." % g.ch(["England and Wales", "the State of New York", "Germany"]), "",
         "Signed: ____________  %s, %s" % (g.ename(sg, "full"), g.ch(["CEO", "Director", "General Counsel"])),
         "Signed: ____________  %s" % g.ename(p, "full")]
    if g.p(0.4):
        L.append("Witness: %s, %s" % (g.ename(g.en_person(), "full"), g.en_address()))
    return "\n".join(L)


def en_insurance(g):
    p = g.en_person()
    L = ["%s - CLAIM FORM" % g.ch(["Harper & Lee Insurance", "Bluebird Health LLC", "Summit Mutual"]),
         "Policy number: %s" % g.ch(["POL-" + g.digits(8), g.bad12()]), "Claim date: %s" % ed(g), "",
         "Policyholder: %s" % g.ename(p, "full"), g.dob_en()[0], "Address: %s" % g.en_address(), "Phone: %s" % g.phone_intl(),
         "SSN (last 4): %s" % g.digits(4) if g.p(0.5) else "SSN: %s" % g.ssn(), "",
         "Nature of claim: %s" % g.ch(["Hospitalisation", "Outpatient treatment", "Theft", "Personal injury"]),
         "Diagnosis / injury: %s" % m("MEDICAL", g.ch(med_terms("en"))),
         "Date of incident: %s" % ed(g), "Treating physician: Dr. %s, %s" % (m("PERSON", g.en_person()["last"]), g.ch(D.EN_HOSPITALS)), ""]
    if g.p(0.4):
        L.append("Notes: " + g.sc(g.ch(["CRIME_VICTIM", "MEDICAL", "DISABILITY"]), "en", "the claimant"))
    L += ["Payment to: %s" % (g.iban() if g.p(0.6) else g.card()), "Amount claimed: $%s" % "{:,}.{:02d}".format(g.r.randint(100, 90000), g.r.randint(0, 99))]
    return "\n".join(L)


def en_chat(g):
    a, b = g.en_person(), g.en_person()
    na, nb = m("PERSON", a["first"]), g.ch([m("PERSON", b["first"]), g.ename(b, "full")])
    t = datetime.datetime(2024, g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(8, 22), g.r.randint(0, 59))
    other = g.en_person()
    pool = [
        (na, "can you send me %s's number?" % m("PERSON", other["first"])),
        (nb, "sure, it's %s" % g.phone_intl()),
        (nb, "her email is %s" % g.email(other)),
        (na, "btw the client's address is %s" % g.en_address()),
        (nb, "deploy %s went out at %s" % (g.version(), g.time())),
        (na, g.sc_any("en", m("PERSON", other["first"]))),
        (nb, g.sc_any("en", g.ch(["my brother", "my neighbour", g.etitle(g.en_person())]))),
        (na, "use my card %s for the booking" % g.card()),
        (nb, "order id is %s fyi" % g.order_no()),
        (na, "standup moved to %s" % g.ch(["10:15", "2pm", "tomorrow 9:30"])),
        (nb, "lol ok"),
    ]
    msgs = [(na, g.ch(["hey", "morning!", "hi"])), (nb, g.ch(["hey :)", "hi", "yo"]))] + g.r.sample(pool, g.r.randint(5, 9))
    fmt = g.ch(["[{t}] {n}: {s}", "{n} {t}\n{s}\n", "<{n}> {s}"])
    L = []
    for n, s in msgs:
        t += datetime.timedelta(minutes=g.r.randint(0, 9))
        L.append(fmt.format(t=t.strftime("%H:%M"), n=n, s=s))
    return "\n".join(L)


def en_resume(g):
    p = g.en_person()
    d = g.dob_date(1965, 2003)
    L = [g.ename(p, "full").replace("]]", "]]") if g.p(0.5) else m("PERSON", (p["first"] + " " + p["last"]).upper()),
         "%s | %s | %s" % (g.en_address(), g.phone_intl(), g.email(p))]
    if g.p(0.35):
        L.append("Date of birth: %s | Nationality: %s" % (m("DATE_OF_BIRTH", g.en_date(d)), g.ch(["British", "American", "Irish", "Canadian"])))
    L += ["", "PROFILE", "%s with %d years of experience in %s." % (g.ch(["Software engineer", "Accountant", "Project manager", "Registered nurse"]), g.r.randint(2, 20),
                                                                 g.ch(["fintech", "healthcare", "logistics", "public sector"])), "",
          "EXPERIENCE",
          "%s - present  %s, %s" % (g.r.randint(2015, 2022), g.ch(["Senior Analyst", "Team Lead", "Engineer II"]), g.ch(D.EN_COMPANIES)),
          "%s - %s  %s, %s" % (g.r.randint(2005, 2012), g.r.randint(2013, 2015), g.ch(["Analyst", "Associate", "Developer"]), g.ch(D.EN_COMPANIES)), "",
          "EDUCATION", "BSc %s, University of %s, %d" % (g.ch(["Economics", "Computer Science", "Nursing"]), g.ch(["Leeds", "Texas", "Toronto", "Bristol"]), d.year + 22), ""]
    if g.p(0.3):
        L += ["ADDITIONAL INFORMATION", g.ch(["I am a %s and may need an accessible interview room." % m("DISABILITY", "wheelchair user"),
                                             "I am %s and use a screen reader." % m("DISABILITY", g.ch(["legally blind", "registered blind"]))])]
    L += ["REFERENCES", "%s, %s - %s" % (g.etitle(g.en_person()), g.ch(D.EN_COMPANIES), g.email(g.en_person()))]
    return "\n".join(L)


def en_police(g):
    sus, vic, off = g.en_person("M"), g.en_person(), g.en_person()
    L = [g.ch(["POLICE INCIDENT REPORT", "CASE MEMORANDUM - PRIVILEGED & CONFIDENTIAL", "ARREST REPORT (SUMMARY)"]),
         "Case no.: %d-%06d" % (g.r.randint(2021, 2025), g.r.randint(1, 999999)), "Officer/Author: %s, badge %s" % (g.ename(off), g.digits(4)),
         "Date: %s" % ed(g), "", "SUSPECT", "Name: %s" % g.ename(sus, g.ch(["full", "upper"])), g.dob_en(1950, 2004)[0],
         "Last known address: %s" % g.en_address(), "SSN: %s" % g.ssn() if g.p(0.5) else "Phone: %s" % g.phone_intl(),
         g.sc("CRIMINAL_RECORD", "en", "The suspect"), "", "VICTIM", "Name: %s" % g.ename(vic, "full"),
         "Contact: %s" % g.phone_intl(), g.sc("CRIME_VICTIM", "en", g.etitle(vic)), ""]
    if g.p(0.5):
        L.append(g.sc(g.ch(["RACE_ETHNICITY", "SEXUAL_ORIENTATION", "CREED", "SOCIAL_STATUS"]), "en", g.etitle(vic)))
    L += ["NARRATIVE", "On %s at approximately %s, officers responded to a call near %s." % (ed(g), g.ch(["21:40", "3:15 am", "noon"]), g.ch(["Union Station", "Hyde Park", "the Tower of London", "Central Park"])),
          g.ch(["Statewide, reported burglaries fell 8% last year.", "No weapons were recovered.", "CCTV footage was requested."])]
    return "\n".join(L)


def en_school(g):
    kid, par, tch = g.en_person(), g.en_person(), g.en_person()
    par["last"] = kid["last"]
    L = ["%s - %s" % (g.ch(["Riverside Elementary", "Oakwood High School", "St. Anne's Primary", "Northgate Middle School"]), g.ch(["Pastoral Care Note", "IEP Meeting Notes", "Safeguarding Log", "Counsellor Notes"])),
         "Student: %s, Grade %d" % (g.ename(kid, "full"), g.r.randint(1, 12)), "DOB: %s" % m("DATE_OF_BIRTH", g.en_date(g.dob_date(2007, 2018))),
         "Parent/guardian: %s, %s, %s" % (g.ename(par, "full"), g.phone_intl(), g.email(par)), "Staff: %s" % g.etitle(tch), "Date: %s" % ed(g), ""]
    L.append(g.sc_child(g.ch(["DISABILITY", "MEDICAL", "RACE_ETHNICITY", "CREED", "SOCIAL_STATUS", "CRIME_VICTIM"]), "en", m("PERSON", kid["first"])))
    if g.p(0.5):
        L.append(g.sc(g.ch(["SEXUAL_ORIENTATION", "MEDICAL", "CRIMINAL_RECORD"]), "en", g.ch(["The father", "The mother", g.etitle(par)])))
    L += ["Agreed: weekly check-in with the counsellor; review on %s." % ed(g), g.neg("en")]
    return "\n".join(L)


def en_grant(g):
    pi = g.en_person()
    L = [g.ch(["RESEARCH PROPOSAL - ABSTRACT", "Policy Brief", "Call for Applications", "Annual Public Health Report (excerpt)"]), "",
         "Grant ID: %s" % g.ch(["R01-%s" % g.digits(6), g.bad12(), g.bad13()]), "Principal investigator: %s, %s" % (g.etitle(pi), g.ch(["University of Leeds", "Stanford University", "Kyoto University"])),
         "Budget: $%s over %d years" % ("{:,}".format(g.r.randint(100, 5000) * 1000), g.r.randint(2, 5)), ""]
    L += g.negs("en", g.r.randint(4, 7))
    L += ["Data will be drawn from %d sites and %s patient records, all de-identified." % (g.r.randint(5, 200), "{:,}".format(g.r.randint(1000, 900000))),
          "See %s (%s)." % (g.isbn(), g.r.randint(2010, 2024)), "Contact: %s" % g.email(pi)]
    return "\n".join(L)


def en_news(g):
    p1, p2 = g.en_person(), g.en_person()
    L = [g.ch(["City council approves new housing plan", "Police arrest suspect in fraud case", "Tech firm opens Tokyo office", "Hospital expands cancer ward"]),
         "By %s | %s, %s" % (g.ename(p2, "full"), ed(g), g.ch(["10:42 am", "18:05", "9:00 pm"])), "",
         "%s - %s said on %s that %s" % (g.ch(["LONDON", "NEW YORK", "TOKYO", "SEATTLE"]), g.ch(["Mayor", "Chief Executive", "Detective Inspector", "Spokesperson"]) + " " + g.ename(p1, "full"), ed(g),
                                         g.ch(["the project would create 2,000 jobs.", "the investigation was ongoing.", "the ward would open in the spring."]))]
    L += g.negs("en", g.r.randint(2, 4))
    L.append("Shares of %s closed up %.1f%% at $%d.%02d." % (g.ch(["Globex", "Contoso", "Northwind"]), g.r.randint(1, 90) / 10, g.r.randint(10, 500), g.r.randint(0, 99)))
    if g.p(0.4):
        L.append("\"We are proud of this,\" said %s, %s." % (g.ename(g.en_person(), "full"), g.ch(["a local resident", "the project lead"])))
    return "\n".join(L)


def en_manual(g):
    prod = g.ch(D.EN_PRODUCTS)
    L = ["%s - Quick Start Guide" % prod, "Model %s-%s, firmware %s" % (g.ch(["SH", "AP", "PB"]), g.digits(3), g.version()), "",
         "1. Connect the device to power and wait until the LED turns green.",
         "2. Open a browser and go to %s (default gateway)." % g.ipv4(True),
         "3. Log in with the default password printed on the label (S/N %s)." % g.ch([g.bad16(), g.bad12(), g.bad13()]),
         "4. Update to firmware %s or later; %s is no longer supported." % (g.version(), g.version()),
         "5. Set the schedule, e.g. 07:30:00 to 22:00:00.", "",
         "Specifications: 100-240V, 50/60Hz, %dW. UPC %s." % (g.r.randint(5, 1500), g.bad12()),
         "Warranty valid from the date of purchase (%s)." % ed(g),
         "Support: %s (Mon-Fri 9:00-17:00) or %s" % (g.phone_intl(), m("EMAIL_ADDRESS", "support@" + g.ch(["contoso.com", "globex.example.org"])))]
    return "\n".join(L)


def en_bank(g):
    p = g.en_person()
    L = [g.ch(["INTERNATIONAL WIRE TRANSFER REQUEST", "Payment instruction", "SEPA Credit Transfer - Confirmation"]),
         "Reference: %s" % g.bad12(), "Value date: %s" % ed(g), "",
         "Ordering customer: %s" % g.ename(p, "full"), "Address: %s" % g.en_address(g.ch(["UK", "US"])),
         "Debit account: %s" % g.iban(), "", "Beneficiary: %s" % g.ename(g.en_person(), "full"),
         "Beneficiary IBAN: %s" % g.iban(), "Amount: EUR %s" % "{:,}.{:02d}".format(g.r.randint(10, 99999), g.r.randint(0, 99)),
         "Purpose: %s" % g.ch(["Invoice %s" % g.digits(7), "Rent", "Tuition fees", "Family support"]), "",
         "Authorised by %s on %s at %s. Contact %s." % (g.etitle(p), ed(g), g.time(), g.phone_intl())]
    return "\n".join(L)


# ============================================================ genre templates: mixed Japanese / English
def katakana_name(g, p):
    """Foreign person written in katakana (e.g. ジョン・スミス) when we have a rendering."""
    f, l = D.EN_KATAKANA.get(p["first"]), D.EN_KATAKANA.get(p["last"])
    if f and l:
        return m("PERSON", f + g.ch(["・", "・", " ", "＝"]) + l)
    return None


def mix_foreign_person(g):
    p = g.en_person()
    p["first"], p["last"] = g.ch([("John", "Smith"), ("Michael", "Brown"), ("Emily", "Johnson"), ("David", "Miller"),
                                  ("Sarah", "Wilson"), ("Maria", "Garcia"), ("Thomas", "Anderson"), ("Jessica", "Taylor"),
                                  ("Kevin", "Lee"), ("Olivia", "Clark"), (p["first"], p["last"]), (p["first"], p["last"])])
    return p


def mix_bilingual_form(g):
    jp = g.p(0.5)
    p = g.ja_person() if jp else mix_foreign_person(g)
    L = [g.ch(["入会申込書 / Membership Application", "口座開設申込書 / Account Opening Form"] +
              (["海外旅行保険 申込書 / Travel Insurance Application"] if jp else ["外国人住民 相談受付票 / Resident Consultation Form"])),
         "申込日 / Date: %s" % g.ja_date(g.recent(), "slash"), ""]
    if jp:
        L += ["氏名 / Name: %s" % g.jname(p), "フリガナ / Kana: %s" % g.jkana(p),
              "ローマ字 / Name in Roman letters: %s" % g.jromaji(p),
              "生年月日 / Date of Birth: %s" % m("DATE_OF_BIRTH", g.ja_date(g.dob_date(), g.ch(["seireki", "slash", "wareki"]))),
              "旅券番号 / Passport No.: %s" % g.passport(),
              "住所 / Address: %s" % g.ja_addr_line()]
    else:
        kn = katakana_name(g, p)
        L += ["氏名 / Name: %s" % g.ename(p, g.ch(["full", "upper"])),
              "カタカナ / Katakana: %s" % (kn or "―"),
              "国籍 / Nationality: %s" % g.ch(["アメリカ / USA", "英国 / UK", "フィリピン / Philippines", "ブラジル / Brazil"]),
              "生年月日 / Date of Birth: %s" % m("DATE_OF_BIRTH", g.en_date(g.dob_date(), g.ch(["iso", "dmy", "long"]))),
              "在留カード番号 / Residence Card No.: %s" % g.residence_card(),
              "在留期間 / Period of Stay: %s まで" % g.ja_date(g.date(2025, 2029), "slash"),
              "住所 / Address in Japan: %s" % g.ja_addr_line()]
    L += ["電話 / Phone: %s" % g.ch([g.phone_ja(), g.phone_ja(g.ch(["plus81m", "plus81c", "plus81f"]))]),
          "メール / E-mail: %s" % g.email(p)]
    if g.p(0.5):
        L.append("個人番号 / My Number: %s" % g.my_number())
    if g.p(0.4):
        L.append("緊急連絡先 / Emergency contact: %s %s" % (g.ename(g.en_person(), "full"), g.phone_intl()))
    if g.p(0.4):
        L.append("振込口座 / Bank account: %s %s 普通 %s" % (g.ch(D.JA_BANKS), g.ch(D.JA_BRANCHES), g.bank_account()))
    if g.p(0.3):
        lab = g.ch(["CREED", "MEDICAL", "DISABILITY"])
        q = {"CREED": "食事・宗教上の配慮 / Dietary or religious needs", "MEDICAL": "既往症 / Pre-existing conditions",
             "DISABILITY": "必要な配慮 / Accessibility needs"}[lab]
        L.append("%s: %s" % (q, m(lab, g.ch(g.ch(D.SC[lab][g.ch(["ja", "en"])])[0]))))
    L += ["", "受付番号 / Ref.: %s" % g.order_no()]
    return "\n".join(L)


def mix_email(g):
    f, j = mix_foreign_person(g), g.ja_person()
    kn = katakana_name(g, f)
    L = ["From: %s <%s>" % (g.jname(j), g.email(j, corp=g.ch(D.CORP_DOMAINS[:4]))),
         "To: %s" % g.email(f), "Cc: %s" % g.email(g.ja_person()), "Subject: " + g.ch(["来日スケジュールの件 / Visit schedule", "Re: 契約書ドラフト", "【共有】Onboarding for new member"]), "",
         "%s様" % (kn or m("PERSON", f["last"])) if g.p(0.5) else "Dear %s," % m("PERSON", f["first"]), ""]
    L.append(g.ch(["いつもお世話になっております。", "Thank you for your email.", "お疲れさまです。"]))
    L.append("%sの来日に合わせ、%sに打ち合わせを設定しました。" % (g.etitle(f), g.ja_date(g.recent(), "seireki")))
    L.append("会場：%s（%s）" % (g.ja_address(False)[0], g.ch(["東京駅から徒歩5分", "大阪駅直結", "本社8F"])))
    L.append("Please call me at %s if anything changes. 私の携帯は %s です。" % (g.phone_ja(g.ch(["plus81m", "plus81c"])), g.phone_ja("mobile")))
    if g.p(0.4):
        L.append("Hotel booking ref: %s / 予約番号 %s" % (g.digits(8), g.bad12()))
    if g.p(0.35):
        L.append(g.sc(g.ch(["CREED", "MEDICAL", "DISABILITY"]), "en", m("PERSON", f["first"])) + " " + g.ch(["会食の際はご配慮ください。", "Please keep this confidential."]))
    L += ["", "Best regards,", g.jname(j), g.jromaji(j), g.ch(D.JA_COMPANIES), "TEL: %s / FAX: %s" % (g.phone_ja(g.ch(["fixed2", "paren"])), g.phone_ja("fixed2"))]
    return "\n".join(L)


def mix_log(g):
    L = []
    t = datetime.datetime(2024, g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(0, 23), g.r.randint(0, 59))
    for _ in range(g.r.randint(12, 26)):
        t += datetime.timedelta(seconds=g.r.randint(1, 200))
        ts = t.strftime("%Y/%m/%d %H:%M:%S")
        k = g.r.randint(0, 6)
        p = g.ja_person() if g.p(0.6) else g.en_person()
        if k <= 1:
            L.append("%s [INFO] 認証成功 user=%s src=%s" % (ts, g.email(p), g.ip()))
        elif k == 2:
            L.append("%s [WARN] Login failed for %s from %s (試行%d回目)" % (ts, g.email(p), g.ip(), g.r.randint(1, 9)))
        elif k == 3:
            L.append("%s [INFO] 問い合わせ受信 name=\"%s\" tel=%s" % (ts, g.jname(p) if p["lang"] == "ja" else g.ename(p, "full"),
                                                                 g.phone_ja() if p["lang"] == "ja" else g.phone_intl()))
        elif k == 4:
            L.append("%s [DEBUG] order=%s total=%d JPY client=%s" % (ts, g.bad12(), g.r.randint(100, 999999), g.ch(["iOS 17.4.1", "Android 14", "Chrome 124.0.6367.91"])))
        elif k == 5:
            L.append("%s [ERROR] 決済エラー card=%s msg=\"Do not honor\"" % (ts, g.card() if g.p(0.4) else "************" + g.digits(4)))
        else:
            L.append("%s [INFO] batch finished version=%s elapsed=%s" % (ts, g.version(), g.time()))
    return "\n".join(L)


def mix_chat(g):
    a, b, f = g.ja_person(), g.ja_person(), mix_foreign_person(g)
    names = [g.jsei(a), m("PERSON", f["first"]), g.jname(b)]
    pool = [
        "%s、明日の %s の件どうなった？" % (m("PERSON", f["first"]), g.ch(["MTG", "demo", "レビュー"])),
        "I'll send the deck to %s tonight." % g.email(a),
        "%sさんの電話番号は %s です" % (g.jsei(b), g.phone_ja()),
        "FYI the staging server is %s" % g.ip(),
        "Sorry, I'm off tomorrow. " + g.sc("MEDICAL", "en", "My daughter") if g.p(0.5) else "明日は休みます、すみません。",
        g.sc_any("ja", g.hon(g.ja_person(), "さん")),
        g.sc_any("en", m("PERSON", g.en_person()["first"])),
        "経費精算の口座、%s %s 普通 %s に変更しました" % (g.ch(D.JA_BANKS), g.ch(D.JA_BRANCHES), g.bank_account()),
        "ticket %s を closeします" % g.order_no(),
        "release %s is live 🎉" % g.version(),
        "客先住所：%s" % g.ja_addr_line(g.p(0.5)),
    ]
    L = []
    t = datetime.datetime(2024, g.r.randint(1, 12), g.r.randint(1, 28), g.r.randint(9, 19), 0)
    for s in g.r.sample(pool, g.r.randint(6, 9)):
        t += datetime.timedelta(minutes=g.r.randint(1, 25))
        L.append("%s  %s: %s" % (t.strftime("%H:%M"), g.ch(names), s))
    return "\n".join(L)


def mix_hr_foreign(g):
    f, hr = mix_foreign_person(g), g.ja_person()
    kn = katakana_name(g, f)
    L = ["外国人労働者 雇用状況確認票 (Foreign Employee Record)", "作成日：%s　担当：%s" % (g.ja_date(g.recent(), "seireki"), g.jname(hr)), "",
         "氏名（ローマ字）：%s" % g.ename(f, g.ch(["upper", "full"])), "氏名（カナ）：%s" % (kn or "―"),
         "生年月日：%s" % m("DATE_OF_BIRTH", g.ja_date(g.dob_date(1970, 2003), g.ch(["seireki", "slash"]))),
         "国籍・地域：%s" % g.ch(["ベトナム", "フィリピン", "アメリカ合衆国", "ネパール", "ブラジル"]),
         "在留資格：%s" % g.ch(["技術・人文知識・国際業務", "特定技能1号", "永住者", "家族滞在"]),
         "在留カード番号：%s" % g.residence_card(),
         "在留期間満了日：%s" % g.ja_date(g.date(2025, 2029), "seireki"),
         "個人番号：%s" % g.my_number(), "住所：%s" % g.ja_addr_line(), "携帯：%s" % g.phone_ja(g.ch(["mobile", "plus81m"])),
         "E-mail: %s" % g.email(f), ""]
    if g.p(0.5):
        L.append("雇用保険被保険者番号：%s-%s-%s（法人番号 %s の事業所）" % (g.digits(4), g.digits(6), g.digits(1), g.corp_number()))
    if g.p(0.5):
        L.append("基礎年金番号：%s" % g.pension())
    if g.p(0.5):
        L.append("旅券番号（母国）：%s" % g.ch(["P", "C", "N"]) + g.digits(g.ch([7, 8])))
    if g.p(0.5):
        L.append("備考：" + g.sc(g.ch(["CREED", "RACE_ETHNICITY", "MEDICAL"]), "ja", "本人"))
    return "\n".join(L)


def mix_clinic(g):
    f = mix_foreign_person(g)
    L = ["問診票 / Medical Questionnaire", "%s" % g.ch(D.JA_HOSPITALS), "",
         "お名前 / Name: %s" % g.ename(f, "full"), "生年月日 / DOB: %s" % m("DATE_OF_BIRTH", g.en_date(g.dob_date(), g.ch(["iso", "mdy", "long"]))),
         "電話 / Tel: %s" % g.phone_ja(g.ch(["mobile", "plus81m", "plus81c"])), "保険証 / Insurance: %s" % g.ch(["あり / Yes", "なし / No (自費)"]),
         "本人確認 / ID: %s" % g.ch(["在留カード Residence card %s" % g.residence_card(), "在留カード番号 %s" % g.residence_card(), "passport (foreign)"]), "",
         "今日はどうされましたか？ / Reason for visit: %s" % g.ch(["fever and cough", "chest pain", "follow-up", "頭痛 headache"]),
         "持病 / Chronic conditions: %s" % m("MEDICAL", g.ch(med_terms("en"))),
         "服用中の薬 / Medications: %s" % g.ch(["metformin", "lisinopril", "なし none", "inhaler"]),
         "アレルギー / Allergies: %s" % g.ch(["penicillin", "なし / none", "peanuts"])]
    if g.p(0.5):
        L.append("その他 / Other: %s" % g.sc(g.ch(["CREED", "DISABILITY", "SEXUAL_ORIENTATION"]), "en", "Patient"))
    L += ["", "通訳 / Interpreter: %s (%s)" % (g.jname(g.ja_person()), g.phone_ja("ip")), "受付 %s" % g.time()[:5]]
    return "\n".join(L)


def mix_incident(g):
    rep = g.ja_person()
    L = ["Incident Report / インシデント報告", "ID: INC-%05d" % g.r.randint(1, 99999), "報告者 Reporter: %s (%s)" % (g.jname(rep), g.email(rep)),
         "発生 Occurred: %s %s JST" % (g.ja_date(g.recent(), "hyphen"), g.time()), "",
         "概要 Summary:",
         "社外へのメール誤送信。Customer list (CSV) was attached by mistake. 含まれる項目 fields: 氏名, 電話番号, email, card number.",
         "Examples:"]
    for _ in range(g.r.randint(2, 4)):
        p = g.ja_person() if g.p(0.6) else g.en_person()
        nm = g.jname(p) if p["lang"] == "ja" else g.ename(p, "full")
        L.append("  %s, %s, %s, %s" % (nm, g.phone_ja() if p["lang"] == "ja" else g.phone_intl(), g.email(p), g.card()))
    L += ["送信先 Recipient: %s" % g.email(), "送信元IP: %s" % g.ip(), "", "対応 Actions: 受信者へ削除依頼済み (deletion requested at %s)." % g.time()]
    return "\n".join(L)


# ============================================================ more genres (ID-heavy / special-care-heavy)
def ja_travel(g):
    p, boss = g.ja_person(), g.ja_person()
    L = [g.ch(["海外出張申請書", "海外旅行申込書", "ビザ申請代行 依頼書", "航空券手配依頼"]), "申請日：%s" % jd(g), "",
         "申請者：%s（%s）" % (g.jname(p), g.ch(D.JA_DEPTS)), "氏名（パスポート表記）：%s" % m("PERSON", p["sei_r"].upper() + " " + p["mei_r"].upper()),
         g.dob_ja()[0], "旅券番号：%s" % g.passport() if g.p(0.6) else "パスポート番号 %s（有効期限 %s）" % (g.passport(), g.ja_date(g.date(2026, 2034), "slash")),
         "渡航先：%s" % g.ch(["シンガポール", "ドイツ（フランクフルト）", "米国（サンフランシスコ）", "ベトナム（ハノイ）"]),
         "渡航期間：%s〜%s" % jd2(g), "便名：%s%d" % (g.ch(["NH", "JL", "SQ", "LH"]), g.r.randint(1, 999)),
         "携帯（海外ローミング）：%s" % g.phone_ja(g.ch(["plus81m", "plus81c", "mobile"])),
         "緊急連絡先：%s（%s）%s" % (g.jname(g.ja_person()), g.ch(["妻", "夫", "父", "母"]), g.phone_ja()), ""]
    if g.p(0.4):
        L.append("同行者：%s　旅券番号 %s" % (g.jname(g.ja_person()), g.passport()))
    if g.p(0.3):
        L.append("特記事項：" + g.sc(g.ch(["MEDICAL", "CREED", "DISABILITY"]), "ja", "申請者"))
    L += ["承認者：%s　承認日 %s" % (g.jname(boss), jd(g)), "予約番号：%s" % g.order_no()]
    return "\n".join(L)


def ja_rental(g):
    p = g.ja_person()
    L = [g.ch(["レンタカー貸渡証", "貸渡契約書（レンタカー）", "カーシェア会員登録"]), "店舗：%s" % g.ch(["羽田空港店", "新大阪駅前店", "那覇空港店", "札幌駅北口店"]),
         "契約日：%s %s" % (jd(g), g.time()[:5]), "",
         "借受人氏名：%s" % g.jname(p), "フリガナ：%s" % g.jkana(p), g.dob_ja(1950, 2005)[0],
         "住所：%s" % g.ja_addr_line(),
         g.ch(["運転免許証番号：%s", "免許証番号 %s", "免許証番号：第%s号"]) % g.drivers_license(),
         "免許の有効期限：%s" % g.ja_date(g.date(2025, 2030), "wareki"), "連絡先：%s" % g.phone_ja()]
    if g.p(0.4):
        L.append("追加運転者：%s（免許証番号 %s）" % (g.jname(g.ja_person()), g.drivers_license()))
    L += ["お支払い：%s" % (g.card() if g.p(0.6) else "現金"), "車両番号：品川 %d %s %02d-%02d" % (g.r.randint(300, 599), g.ch("あいうえかきくけこさすせそたちつてとなにぬねのはひふほまみむめもやゆよらりるれろわ"), g.r.randint(1, 99), g.r.randint(1, 99)),
         "走行距離（出発時）：%s km" % "{:,}".format(g.r.randint(1000, 90000)), "貸渡料金：%s" % g.yen()]
    return "\n".join(L)


def ja_pension(g):
    p = g.ja_person()
    L = [g.ch(["年金請求書（国民年金・厚生年金保険老齢給付）", "基礎年金番号通知書 再交付申請書", "年金受給権者 住所変更届", "ねんきん定期便に関するお問い合わせ記録"]), "",
         "基礎年金番号：%s" % g.pension(), "氏名：%s（%s）" % (g.jname(p), g.jkana(p)), g.dob_ja(1940, 1965)[0],
         "住所：%s" % g.ja_addr_line(), "電話番号：%s" % g.phone_ja()]
    if g.p(0.6):
        L.append("個人番号：%s" % g.my_number())
    if g.p(0.7):
        L += ["", "【年金の受取口座】", g.bank_block_ja(g.jkana(p, sep=" "))]
    if g.p(0.35):
        sp = g.ja_person()
        L += ["", "配偶者：%s　基礎年金番号 %s　%s" % (g.jname(sp), g.pension(), g.dob_ja(1940, 1970)[0])]
    if g.p(0.3):
        L.append("障害の状態：" + m("DISABILITY", g.ch(["身体障害者手帳1級", "身体障害者手帳2級", "精神障害者保健福祉手帳2級"])) + "（障害基礎年金の受給あり）")
    L += ["", "受付：%s年金事務所 %s　受付番号 %s" % (g.ch(["新宿", "大宮", "横浜中", "梅田", "博多"]), jd(g), g.bad12())]
    return "\n".join(L)


def ja_invoice(g):
    co, client = g.r.sample(D.JA_COMPANIES, 2)
    cust = g.ja_person()
    L = ["請求書", "請求日：%s　請求書番号：%s" % (jd(g), g.ch([g.bad12(), "INV-" + g.digits(8), g.bad13()])), "",
         "%s %s" % (client, g.ch(["御中", g.jname(cust) + " 様"])), "",
         co, "登録番号：T%s" % g.corp_number() if g.p(0.6) else "法人番号：%s" % g.corp_number(),
         g.ja_addr_line(), "TEL %s" % g.phone_ja(g.ch(["fixed2", "fixed3", "paren"])), "担当：%s" % g.jname(g.ja_person()), "",
         "品目　　数量　単価　金額"]
    tot = 0
    for _ in range(g.r.randint(2, 4)):
        q, u = g.r.randint(1, 20), g.r.randint(1, 500) * 100
        tot += q * u
        L.append("%s　%d　%s　%s" % (g.ch(D.JA_PRODUCTS + ["保守費用（月額）", "システム利用料", "配送料"]), q, "{:,}".format(u), "{:,}".format(q * u)))
    L += ["合計（税込）：¥{:,}".format(int(tot * 1.1)), "", "お振込先：%s %s %s %s（%s）" % (g.ch(D.JA_BANKS), g.ch(D.JA_BRANCHES), g.ch(["普通", "当座"]), g.bank_account(), co)]
    if g.p(0.4):
        L.append("（発注元コード %s / 取引先法人番号 %s）" % (g.bad13(), g.corp_number()))
    L.append("お支払期限：%s" % jd(g))
    return "\n".join(L)


def ja_rights(g):
    p, staff = g.ja_person(), g.ja_person()
    L = [g.ch(["人権相談記録", "ハラスメント相談窓口 受付票", "差別事案 相談票", "法テラス 相談メモ", "外国人相談窓口 受付票"]),
         "受付日：%s　受付者：%s" % (jd(g), g.jname(staff)), "相談者：%s（%s）" % (g.jname(p), g.ch(["本人", "家族", "代理人弁護士"])),
         "連絡先：%s" % g.ch([g.phone_ja(), g.email(p)]), "", "【相談内容】"]
    if "外国人" in L[0]:
        L.insert(3, "在留カード番号：%s　在留資格：%s" % (g.residence_card(), g.ch(["永住者", "定住者", "日本人の配偶者等"])))
    labs = [g.ch(["RACE_ETHNICITY", "SEXUAL_ORIENTATION", "SOCIAL_STATUS"])]
    if g.p(0.5):
        labs.append(g.ch([x for x in ["RACE_ETHNICITY", "SEXUAL_ORIENTATION", "SOCIAL_STATUS", "CREED", "CRIMINAL_RECORD"] if x != labs[0]]))
    for lab in labs:
        L.append(g.sc(lab, "ja", g.ch(["相談者", g.hon(p, "さん"), g.hon(p, "氏"), "本人"])))
    L.append(g.ch(["勤務先の同僚によるSNSへの書き込みが発端とのこと。", "自治会内で噂が広まっている。", "上司から「家族の経歴を調べた」と言われた。"]))
    L += ["", "【参考】", g.neg("ja"), "", "【対応】", "・%s に再度面談予定。" % jd(g), "・本記録は人権擁護の目的以外に利用しない。"]
    return "\n".join(L)


def en_tax_form(g):
    p = g.en_person()
    L = [g.ch(["Form W-9 (excerpt) - Request for Taxpayer Identification Number", "Employee's Withholding Certificate - worksheet",
               "Tenant Screening Authorization", "Background Check Consent Form"]), "",
         "1 Name: %s" % g.ename(p, "full"), "2 Business name: %s" % g.ch(["-", "%s Consulting LLC" % p["last"]]),
         "3 Address: %s" % g.en_address("US"), "4 Social security number: %s" % g.ssn(), g.dob_en(1950, 2004)[0],
         "5 Phone: %s   Email: %s" % (g.phone_intl(), g.email(p)), ""]
    if g.p(0.4):
        sp = g.en_person()
        L.append("Spouse: %s, SSN %s" % (g.ename(sp, "full"), g.ssn()))
    if "Background" in L[0] or "Tenant" in L[0]:
        L.append("Have you ever been convicted of a crime? %s" % g.ch(["No", "Yes - " + m("CRIMINAL_RECORD", g.ch(["convicted of shoplifting", "convicted of DUI", "misdemeanor conviction"])) + " (%d)" % g.r.randint(1995, 2020)]))
    L += ["Signature: ____________   Date: %s" % ed(g), "Form rev. %s - Cat. No. %s" % (g.version(), g.digits(5))]
    return "\n".join(L)


def en_grievance(g):
    p, inv = g.en_person(), g.en_person()
    L = [g.ch(["FORMAL GRIEVANCE - INVESTIGATION NOTES", "Equal Opportunity Complaint Intake", "Tenant Discrimination Complaint"]),
         "Complainant: %s (%s)" % (g.ename(p), g.email(p)), "Investigator: %s" % g.ename(inv), "Opened: %s" % ed(g), ""]
    first = g.ch(["RACE_ETHNICITY", "SEXUAL_ORIENTATION", "SOCIAL_STATUS"])
    rest = [x for x in ["RACE_ETHNICITY", "SEXUAL_ORIENTATION", "SOCIAL_STATUS", "CREED", "CRIMINAL_RECORD", "DISABILITY"] if x != first]
    for lab in [first] + g.r.sample(rest, g.r.randint(0, 2)):
        L.append("- " + g.sc(lab, "en", g.ch([g.etitle(p), m("PERSON", p["first"]), "The complainant"])))
    L += ["", "Context: %s" % g.neg("en"), "Witnesses: %s; %s" % (g.ename(g.en_person(), "full"), g.ename(g.en_person(), "full")),
          "Outcome due by %s." % ed(g)]
    return "\n".join(L)


# ============================================================ registry
GENRES = {
    "ja": [("hr_memo", ja_hr_memo, 3), ("clinic_letter", ja_clinic_letter, 3), ("support_mail", ja_support_email, 2),
           ("incident", ja_incident, 2), ("app_log", ja_app_log, 1), ("application_form", ja_registration, 3),
           ("contract", ja_contract, 2), ("insurance_claim", ja_insurance, 2), ("chat", ja_chat, 2),
           ("resume", ja_resume, 2), ("police_memo", ja_police, 2), ("welfare_note", ja_welfare, 2),
           ("school_note", ja_school, 1), ("grant_policy", ja_grant, 2), ("news", ja_news, 2), ("manual", ja_manual, 1),
           ("travel_request", ja_travel, 3), ("rental_car", ja_rental, 3), ("pension_form", ja_pension, 2),
           ("invoice", ja_invoice, 2), ("rights_consultation", ja_rights, 3)],
    "en": [("hr_memo", en_hr_memo, 3), ("referral_letter", en_clinic_letter, 2), ("support_mail", en_support_email, 2),
           ("incident", en_incident, 2), ("access_log", en_access_log, 1), ("app_log", en_app_log, 1),
           ("registration_form", en_registration, 3), ("contract", en_contract, 2), ("insurance_claim", en_insurance, 2),
           ("chat", en_chat, 2), ("resume", en_resume, 2), ("police_memo", en_police, 2), ("school_note", en_school, 2),
           ("grant_policy", en_grant, 2), ("news", en_news, 2), ("manual", en_manual, 1), ("wire_transfer", en_bank, 3),
           ("tax_form", en_tax_form, 3), ("grievance", en_grievance, 3)],
    "mixed": [("bilingual_form", mix_bilingual_form, 3), ("email", mix_email, 2), ("log", mix_log, 1),
              ("chat", mix_chat, 2), ("foreign_employee", mix_hr_foreign, 2), ("questionnaire", mix_clinic, 2),
              ("incident", mix_incident, 1)],
}


# ============================================================ assembly
FIXUPS = {  # characters that do not round-trip through a legacy codec
    "shift_jis": {"〜": "～", "−": "－", "㊞": "(印)", "—": "―", "¥": "￥", "ü": "ue", "‖": "∥", "🎉": "!"},
    "euc-jp": {"～": "〜", "－": "−", "㊞": "(印)", "—": "―", "①": "(1)", "∥": "‖", "🎉": "!"},
}


def read_handwritten(folder):
    docs = []
    if not os.path.isdir(folder):
        return docs
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            raw = fh.read()
        meta, body = {}, []
        lines = raw.split("\n")
        i = 0
        while i < len(lines) and lines[i].startswith("## "):
            k, _, v = lines[i][3:].partition(":")
            meta[k.strip()] = v.strip()
            i += 1
        body = "\n".join(lines[i:]).strip("\n") + "\n"
        docs.append({"lang": meta.get("lang", "ja"), "genre": meta.get("genre", os.path.splitext(name)[0]),
                     "markup": body, "encoding": meta.get("encoding"), "eol": meta.get("eol"),
                     "source": "handwritten/" + name})
    return docs


def plan_templated(rng, count_by_lang):
    plan = []
    for lang in ("ja", "en", "mixed"):
        genres = GENRES[lang]
        bag = []
        while len(bag) < count_by_lang[lang]:
            rnd = [gname for gname, _, w in genres for _ in range(w)]
            rng.shuffle(rnd)
            bag.extend(rnd)
        plan.extend((lang, gname) for gname in bag[:count_by_lang[lang]])
    return plan


def render(doc, encoding):
    src = doc["markup"]
    for a, b in FIXUPS.get(encoding, {}).items():
        src = src.replace(a, b)
    if doc["eol"] == "crlf":
        src = src.replace("\r\n", "\n").replace("\n", "\r\n")
    plain, spans = parse_markup(src)
    return plain, spans


def roundtrips(plain, encoding):
    try:
        return plain.encode(CODEC[encoding]).decode(CODEC[encoding]) == plain
    except UnicodeError:
        return False


def encode(plain, encoding):
    return BOM.get(encoding, b"") + plain.encode(CODEC[encoding])


def decode(data, encoding):
    bom = BOM.get(encoding, b"")
    if bom:
        if not data.startswith(bom):
            raise ValueError("missing BOM")
        data = data[len(bom):]
    return data.decode(CODEC[encoding])


def assign_encodings(rng, docs, n):
    target = {"shift_jis": round(n * 0.08), "euc-jp": round(n * 0.05), "utf-16le": round(n * 0.02),
              "utf-16be": max(1, round(n * 0.04) - round(n * 0.02)), "utf-8-bom": round(n * 0.04)}
    have = {e: sum(1 for d in docs if d.get("encoding") == e) for e in ENCODINGS}
    order = list(range(len(docs)))
    rng.shuffle(order)
    for enc in ["shift_jis", "euc-jp", "utf-16le", "utf-16be", "utf-8-bom"]:
        need = target[enc] - have[enc]
        for i in order:
            if need <= 0:
                break
            d = docs[i]
            if d.get("encoding"):
                continue
            if enc in ("shift_jis", "euc-jp") and d["lang"] == "en":
                continue
            if not roundtrips(render(d, enc)[0], enc):
                continue
            d["encoding"] = enc
            need -= 1
    for d in docs:
        d.setdefault("encoding", None)
        if not d["encoding"]:
            d["encoding"] = "utf-8"


def validate_span_value(label, text):
    """Sanity checks so the generator never labels an invalid checksum value."""
    dg = digits_only(text)
    if label == "JP_MY_NUMBER":
        return len(dg) == 12 and my_number_check(dg[:11]) == int(dg[11])
    if label == "JP_CORPORATE_NUMBER":
        return len(dg) == 13 and corp_number_check(dg[1:]) == int(dg[0])
    if label == "CREDIT_CARD":
        return 13 <= len(dg) <= 19 and luhn_ok(dg)
    if label == "IBAN_CODE":
        return iban_ok(text)
    if label == "US_SSN":
        return len(dg) == 9 and dg[:3] not in ("000", "666") and dg[0] != "9" and dg[3:5] != "00" and dg[5:] != "0000"
    if label == "JP_POSTAL_CODE":
        return len(dg) == 7
    if label == "JP_BANK_ACCOUNT":
        return len(dg) == 7
    if label == "JP_BASIC_PENSION_NUMBER":
        return len(dg) == 10
    if label == "JP_DRIVERS_LICENSE":
        return len(dg) == 12
    if label == "JP_PASSPORT":
        return re.fullmatch(r"[A-Z]{2}\d{7}", text) is not None
    if label == "JP_RESIDENCE_CARD":
        return re.fullmatch(r"[A-Z]{2}\d{8}[A-Z]{2}", text) is not None
    if label == "IP_ADDRESS":
        if ":" in text:
            return True
        parts = text.split(".")
        return len(parts) == 4 and all(p.isdigit() and int(p) <= 255 for p in parts)
    return True


def find_unlabelled_lookalikes(plain, spans):
    """Unlabelled digit runs that would pass a checksum: we want negatives to be real negatives."""
    covered = [False] * len(plain)
    for s in spans:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    bad = []
    D_ = "[0-9０-９]"
    for mt in re.finditer(r"(?<![0-9０-９])%s+(?:[ \-－]%s+)*(?![0-9０-９])" % (D_, D_), plain):
        if any(covered[mt.start():mt.end()]):
            continue
        dg = digits_only(mt.group())
        if len(dg) == 16 and luhn_ok(dg) and dg[0] in "2345":
            bad.append(mt.group())
        if len(dg) == 12 and my_number_check(dg[:11]) == int(dg[11]):
            bad.append(mt.group())
        if len(dg) == 13 and corp_number_check(dg[1:]) == int(dg[0]):
            bad.append(mt.group())
    return bad


MIN_SPANS = dict([(lab, 27) for lab in LABELS_ID] + [(lab, 22) for lab in LABELS_SC])
_SC_TOPUP = [("ja", "rights_consultation"), ("en", "grievance"), ("ja", "hr_memo"), ("en", "hr_memo")]
TOPUP = {
    "PERSON": [("ja", "hr_memo")], "EMAIL_ADDRESS": [("ja", "app_log")], "PHONE_NUMBER": [("ja", "application_form")],
    "JP_MY_NUMBER": [("mixed", "foreign_employee"), ("ja", "pension_form")],
    "JP_CORPORATE_NUMBER": [("ja", "invoice"), ("ja", "contract")],
    "JP_PASSPORT": [("ja", "travel_request")], "JP_DRIVERS_LICENSE": [("ja", "rental_car")],
    "JP_RESIDENCE_CARD": [("mixed", "foreign_employee")], "JP_BASIC_PENSION_NUMBER": [("ja", "pension_form"), ("ja", "welfare_note")],
    "JP_BANK_ACCOUNT": [("ja", "contract")], "JP_POSTAL_CODE": [("ja", "application_form")],
    "ADDRESS": [("en", "contract")], "DATE_OF_BIRTH": [("ja", "application_form")], "CREDIT_CARD": [("mixed", "incident")],
    "IBAN_CODE": [("en", "wire_transfer")], "IP_ADDRESS": [("en", "access_log")], "US_SSN": [("en", "tax_form")],
    "MEDICAL": [("ja", "clinic_letter")], "CRIMINAL_RECORD": [("ja", "police_memo"), ("en", "police_memo")],
    "CRIME_VICTIM": [("ja", "police_memo"), ("en", "police_memo")],
}
for _lab in LABELS_SC:
    TOPUP.setdefault(_lab, _SC_TOPUP)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=320, help="number of documents (hand-written included); a few extra may be appended so that every label reaches its minimum")
    ap.add_argument("--handwritten", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "handwritten"))
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    g = Gen(rng)
    hand = read_handwritten(args.handwritten)
    n = max(args.count, len(hand))
    want = {"ja": round(n * 0.45), "en": round(n * 0.35)}
    want["mixed"] = n - want["ja"] - want["en"]
    count_by_lang = {k: max(0, v - sum(1 for d in hand if d["lang"] == k)) for k, v in want.items()}
    plan = plan_templated(rng, count_by_lang)

    docs = []
    for d in hand:
        docs.append(d)
    for lang, gname in plan:
        fn = dict((x[0], x[1]) for x in GENRES[lang])[gname]
        body = fn(g).rstrip("\n") + "\n"
        docs.append({"lang": lang, "genre": gname, "markup": body, "encoding": None, "eol": None, "source": "template"})
    # top-up: append a few extra documents of suitable genres until every label reaches its minimum
    extra = 0
    while extra < 80:
        counts = {lab: 0 for lab in LABELS}
        for d in docs:
            for mt in MARK_RE.finditer(d["markup"]):
                counts[mt.group(1)] += 1
        short = [lab for lab in LABELS if counts[lab] < MIN_SPANS[lab]]
        if not short:
            break
        lang, gname = rng.choice(TOPUP[short[0]])
        fn = dict((x[0], x[1]) for x in GENRES[lang])[gname]
        docs.append({"lang": lang, "genre": gname, "markup": fn(g).rstrip("\n") + "\n", "encoding": None, "eol": None,
                     "source": "template"})
        extra += 1
    n = len(docs)

    for d in docs:
        if not d["eol"]:
            d["eol"] = "crlf" if rng.random() < 0.07 else "lf"
    assign_encodings(rng, docs, n)

    # file names: <lang>/<genre>_<NNN>.txt, numbered per folder+genre
    counters = {}
    for d in docs:
        key = (d["lang"], d["genre"])
        counters[key] = counters.get(key, 0) + 1
        d["file"] = "%s/%s_%03d.txt" % (d["lang"], d["genre"], counters[key])

    if os.path.isdir(args.out):
        for sub in ("ja", "en", "mixed"):
            shutil.rmtree(os.path.join(args.out, sub), ignore_errors=True)
    os.makedirs(args.out, exist_ok=True)

    errors = []
    gold = []
    for d in docs:
        plain, spans = render(d, d["encoding"])
        for s in spans:
            if not validate_span_value(s["label"], s["text"]):
                errors.append("%s: invalid %s value %r" % (d["file"], s["label"], s["text"]))
        for v in find_unlabelled_lookalikes(plain, spans):
            errors.append("%s: unlabelled digits pass a checksum: %r" % (d["file"], v))
        path = os.path.join(args.out, d["file"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(encode(plain, d["encoding"]))
        gold.append({"file": d["file"], "encoding": d["encoding"], "spans": spans})
        d["_spans"] = spans
    with open(os.path.join(args.out, "gold.jsonl"), "w", encoding="utf-8", newline="\n") as fh:
        for row in gold:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    # ---------------------------------------------------------------- self-check
    with open(os.path.join(args.out, "gold.jsonl"), encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    for row in rows:
        with open(os.path.join(args.out, row["file"]), "rb") as fh:
            data = fh.read()
        try:
            text = decode(data, row["encoding"])
        except (UnicodeError, ValueError) as e:
            errors.append("%s: cannot decode as %s: %s" % (row["file"], row["encoding"], e))
            continue
        if row["encoding"] == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
            errors.append("%s: unexpected BOM" % row["file"])
        if "\ufeff" in text:
            errors.append("%s: BOM left in decoded text" % row["file"])
        prev_end = -1
        for s in row["spans"]:
            if s["label"] not in LABELS:
                errors.append("%s: unknown label %s" % (row["file"], s["label"]))
            if s["start"] < prev_end:
                errors.append("%s: overlapping/unsorted span at %d" % (row["file"], s["start"]))
            prev_end = s["end"]
            if text[s["start"]:s["end"]] != s["text"]:
                errors.append("%s: span %d-%d %s expected %r got %r" % (row["file"], s["start"], s["end"], s["label"],
                                                                       s["text"], text[s["start"]:s["end"]]))
    if errors:
        for e in errors[:50]:
            print("SELF-CHECK FAILED:", e, file=sys.stderr)
        print("%d error(s)" % len(errors), file=sys.stderr)
        sys.exit(1)

    # ---------------------------------------------------------------- report
    by_label = {lab: 0 for lab in LABELS}
    for row in rows:
        for s in row["spans"]:
            by_label[s["label"]] += 1
    by_enc, by_lang = {}, {}
    for d in docs:
        by_enc[d["encoding"]] = by_enc.get(d["encoding"], 0) + 1
        by_lang[d["lang"]] = by_lang.get(d["lang"], 0) + 1
    crlf = sum(1 for d in docs if d["eol"] == "crlf")
    size = sum(os.path.getsize(os.path.join(args.out, r["file"])) for r in rows)
    print("documents: %d (%s), handwritten %d, CRLF %d, %.1f KB" % (
        len(rows), ", ".join("%s %d" % kv for kv in sorted(by_lang.items())), len(hand), crlf, size / 1024))
    print("encodings: " + ", ".join("%s %d" % (e, by_enc.get(e, 0)) for e in ENCODINGS))
    print("spans: %d" % sum(by_label.values()))
    low = []
    for lab in LABELS:
        need = 25 if lab in LABELS_ID else 20
        flag = "" if by_label[lab] >= need else "   <-- below %d" % need
        if flag:
            low.append(lab)
        print("  %-24s %5d%s" % (lab, by_label[lab], flag))
    print("self-check: OK (all %d spans re-read and matched)" % sum(by_label.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
