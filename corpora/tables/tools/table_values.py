"""Synthetic personal-data values for the table corpora (fictitious; reproducible from a seed).

Shared by build_holdout_tables.py and build_dev_tables.py. Names and places come from the scanner
corpus tables (corpora/tools/corpus_data.py); numbers carry valid check digits where the scanner
validates them (My Number, credit cards, US SSN ranges).
"""
import csv
import io
import json
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "tools"))
import corpus_data as D  # noqa: E402


class Values:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, xs):
        return self.r.choice(xs)

    # ---------------------------------------------------------------- people (JA)
    def ja_person(self):
        """(kanji full name, katakana reading, romaji given, romaji surname, sex)"""
        s = self.pick(D.JA_SURNAMES)
        male = self.r.random() < 0.5
        g = self.pick(D.JA_MALE if male else D.JA_FEMALE)
        return {"name": f"{s[0]} {g[0]}" if self.r.random() < 0.6 else f"{s[0]}{g[0]}",
                "surname": s[0], "given": g[0],
                "kana": f"{s[1]} {g[1]}", "romaji": (g[2], s[2]), "male": male}

    def en_person(self):
        male = self.r.random() < 0.5
        first = self.pick(D.EN_FIRST_M if male else D.EN_FIRST_F)
        last = self.pick(D.EN_LAST)
        return {"first": first, "last": last, "name": f"{first} {last}", "male": male}

    # ---------------------------------------------------------------- contact
    def ja_mobile(self):
        return f"0{self.pick('789')}0-{self.r.randint(1000, 9999)}-{self.r.randint(1000, 9999)}"

    def ja_landline(self):
        area = self.pick(["03", "06", "045", "052", "011", "092", "075", "048", "043", "022"])
        local_len = 10 - len(area)  # 10 digits in total with the trunk 0
        local = str(self.r.randint(10 ** (local_len - 1), 10 ** local_len - 1))
        mid = len(local) - 4
        return f"{area}-{local[:mid]}-{local[mid:]}"

    def us_phone(self):
        a = self.r.randint(201, 989)
        style = self.r.random()
        n = f"{self.r.randint(200, 999)}-{self.r.randint(1000, 9999)}"
        if style < 0.5:
            return f"({a}) {n}"
        if style < 0.8:
            return f"{a}-{n}"
        return f"+1 {a}-{n}"

    def email(self, local_parts, domains=None):
        local = self.pick([".", "_", ""]).join(local_parts).lower()
        if self.r.random() < 0.3:
            local += str(self.r.randint(1, 99))
        return f"{local}@{self.pick(domains or D.FREE_MAIL)}"

    # ---------------------------------------------------------------- places
    def ja_postal(self):
        return f"{self.r.randint(100, 999)}-{self.r.randint(0, 9999):04d}"

    def ja_place(self):
        return self.pick(D.JA_PLACES)

    def ja_street(self, town):
        s = f"{town}{self.r.randint(1, 5)}-{self.r.randint(1, 30)}-{self.r.randint(1, 20)}"
        if self.r.random() < 0.35:
            s += f" {self.pick(D.JA_BUILDING_PREFIX)}{self.pick(D.JA_BUILDINGS)}{self.r.randint(1, 9)}0{self.r.randint(1, 9)}"
        return s

    def ja_address(self):
        p, c, t = self.ja_place()
        return f"{p}{c}{self.ja_street(t)}"

    def us_street(self):
        s = f"{self.r.randint(12, 9899)} {self.pick(D.US_STREETS)}"
        if self.r.random() < 0.2:
            s += f" Apt {self.r.randint(1, 40)}{self.pick('ABCD')}"
        return s

    def us_city(self):
        return self.pick(D.US_CITIES)

    def us_zip(self, prefix):
        return f"{prefix}{self.r.randint(0, 99):02d}"

    def us_address(self):
        city, st, z = self.us_city()
        return f"{self.us_street()}, {city}, {st} {self.us_zip(z)}"

    # ---------------------------------------------------------------- dates
    def date(self, y0, y1):
        y = self.r.randint(y0, y1)
        m = self.r.randint(1, 12)
        d = self.r.randint(1, 28)
        return y, m, d

    def birth(self, min_age=18, max_age=90, ref=2025):
        return self.date(ref - max_age, ref - min_age)

    @staticmethod
    def age(ymd, ref=(2025, 6, 1)):
        y, m, d = ymd
        return ref[0] - y - ((m, d) > (ref[1], ref[2]))

    @staticmethod
    def fmt(ymd, style):
        y, m, d = ymd
        if style == "iso":
            return f"{y:04d}-{m:02d}-{d:02d}"
        if style == "slash":
            return f"{y:04d}/{m:02d}/{d:02d}"
        if style == "slash_short":
            return f"{y}/{m}/{d}"
        if style == "kanji":
            return f"{y}年{m}月{d}日"
        if style == "us":
            return f"{m:02d}/{d:02d}/{y:04d}"
        if style == "era":
            if (y, m, d) >= (1989, 1, 8):
                return f"H{y - 1988}.{m}.{d}" if (y, m) < (2019, 5) else f"R{y - 2018}.{m}.{d}"
            return f"S{y - 1925}.{m}.{d}"
        raise ValueError(style)

    # ---------------------------------------------------------------- numbers
    def my_number(self):
        while True:
            body = [self.r.randint(0, 9) for _ in range(11)]
            if len(set(body)) > 1:
                break
        total = 0
        for n in range(1, 12):
            p = body[11 - n]
            q = n + 1 if n <= 6 else n - 5
            total += p * q
        rem = total % 11
        check = 0 if rem <= 1 else 11 - rem
        digits = "".join(map(str, body)) + str(check)
        return digits if self.r.random() < 0.7 else f"{digits[:4]} {digits[4:8]} {digits[8:]}"

    def luhn_complete(self, prefix, length):
        digits = [int(c) for c in prefix] + [self.r.randint(0, 9) for _ in range(length - len(prefix) - 1)]
        total = 0
        for i, dgt in enumerate(reversed(digits)):
            v = dgt * 2 if i % 2 == 0 else dgt
            total += v - 9 if v > 9 else v
        return "".join(map(str, digits)) + str((10 - total % 10) % 10)

    def credit_card(self):
        prefix = self.pick(["4", "4", "51", "53", "3530", "3566"])
        n = self.luhn_complete(prefix, 16)
        return "-".join(n[i:i + 4] for i in range(0, 16, 4)) if self.r.random() < 0.5 else n

    def us_ssn(self):
        while True:
            a, g, s = self.r.randint(1, 899), self.r.randint(1, 99), self.r.randint(1, 9999)
            if a != 666:
                return f"{a:03d}-{g:02d}-{s:04d}"

    def jp_passport(self):
        return f"{self.pick(['TK', 'TR', 'TZ', 'MZ', 'TH'])}{self.r.randint(1000000, 9999999)}"

    def ipv4(self):
        return self.pick([f"192.168.{self.r.randint(0, 20)}.{self.r.randint(2, 254)}",
                          f"10.{self.r.randint(0, 255)}.{self.r.randint(0, 255)}.{self.r.randint(2, 254)}",
                          f"{self.r.randint(23, 210)}.{self.r.randint(0, 255)}.{self.r.randint(0, 255)}.{self.r.randint(2, 254)}"])

    def code(self, prefix, width, start=1):
        return f"{prefix}{self.r.randint(start, 10 ** width - 1):0{width}d}"


# Japanese exports as Excel and older systems write them: Windows-31J (cp932, Shift_JIS with
# Microsoft's extensions). Every other table is UTF-8.
SHIFT_JIS_TABLES = {
    "patient_register_ja.csv", "hr_roster_ja.tsv", "membership_ja.csv", "customers_noheader_ja.csv",
    "customer_list_ja.csv", "payroll_ja.tsv", "ec_orders_ja.csv", "tenants_noheader_ja.tsv",
}


def encoding_of(name):
    return "shift_jis" if name in SHIFT_JIS_TABLES else "utf-8"


def write_table(folder, name, header, rows, delimiter=",", has_header=True):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n" if delimiter == "," else "\n",
                   quoting=csv.QUOTE_MINIMAL)
    if has_header:
        w.writerow(header)
    for row in rows:
        w.writerow(row)
    codec = "cp932" if name in SHIFT_JIS_TABLES else "utf-8"
    with open(os.path.join(folder, name), "w", encoding=codec, newline="") as f:
        f.write(buf.getvalue())


def gold_entry(name, columns, has_header=True):
    """columns: list of (header name, label or None); the role follows from the label."""
    return {"file": name, "has_header": has_header, "encoding": encoding_of(name),
            "columns": [{"index": i, "name": n if has_header else None, "label": lab, "role": role_of(lab, fr)}
                        for i, (n, lab, *fr) in enumerate(columns)]}


ROLES = {
    "identifier": ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "JP_MY_NUMBER", "JP_CORPORATE_NUMBER", "JP_PASSPORT",
                   "JP_DRIVERS_LICENSE", "JP_RESIDENCE_CARD", "JP_BASIC_PENSION_NUMBER", "JP_BANK_ACCOUNT",
                   "ADDRESS", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN", "RECORD_ID"],
    "quasi_identifier": ["DATE_OF_BIRTH", "JP_POSTAL_CODE", "POSTAL_CODE", "AGE", "SEX", "NATIONALITY",
                         "OCCUPATION", "EMPLOYER", "DEPARTMENT", "REGION", "DATE"],
    "sensitive": ["MEDICAL", "CRIMINAL_RECORD", "CRIME_VICTIM", "RACE_ETHNICITY", "CREED", "DISABILITY",
                  "SEXUAL_ORIENTATION", "SOCIAL_STATUS"],
}


def role_of(label, free_text_role):
    if label is None:
        return "other"
    if label == "FREE_TEXT":
        return free_text_role[0]
    for role, labels in ROLES.items():
        if label in labels:
            return role
    raise ValueError(label)


def write_gold(folder, tables):
    with open(os.path.join(folder, "gold.json"), "w", encoding="utf-8") as f:
        json.dump({"tables": tables}, f, ensure_ascii=False, indent=1)
        f.write("\n")
