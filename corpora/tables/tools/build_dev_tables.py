"""Builds corpora/tables/dev/: the tables the column classifier is tuned on.

Genres and header vocabulary differ from the holdout set on purpose. Run:
    python3 corpora/tables/tools/build_dev_tables.py
Every value is fictitious; the same script always gives the same files.
"""
import os

from table_values import D, Values, gold_entry, write_gold, write_table

OUT = os.path.join(os.path.dirname(__file__), "..", "dev")
v = Values(7311)
r = v.r
tables = []


def emit(name, columns, rows, delimiter=",", has_header=True):
    write_table(OUT, name, [c[0] for c in columns], rows, delimiter, has_header)
    tables.append(gold_entry(name, columns, has_header))


# ---------------------------------------------------------------- D1 customer list (JA)
def customer_list():
    cols = [("顧客ID", "RECORD_ID"), ("氏名", "PERSON"), ("フリガナ", "PERSON"), ("性別", "SEX"), ("生年月日", "DATE_OF_BIRTH"),
            ("郵便番号", "JP_POSTAL_CODE"), ("現住所", "ADDRESS"), ("電話番号", "PHONE_NUMBER"), ("携帯", "PHONE_NUMBER"),
            ("メール", "EMAIL_ADDRESS"), ("登録日", "DATE"), ("DM送付", None)]
    rows = []
    for i in range(140):
        p = v.ja_person()
        rows.append([f"C{r.randint(10000, 99999)}", p["name"], p["kana"], "男性" if p["male"] else "女性",
                     v.fmt(v.birth(18, 88), r.choice(["kanji", "slash"])), v.ja_postal(), v.ja_address(),
                     v.ja_landline() if r.random() < 0.7 else "", v.ja_mobile(), v.email(p["romaji"]),
                     v.fmt(v.date(2012, 2025), "slash"), r.choice(["可", "不可"])])
    emit("customer_list_ja.csv", cols, rows)


# ---------------------------------------------------------------- D2 payroll (JA, tab)
def payroll():
    cols = [("社員ID", "RECORD_ID"), ("社員名", "PERSON"), ("所属", "DEPARTMENT"), ("基本給", None), ("残業手当", None),
            ("支給額", None), ("振込銀行", None), ("口座番号", "JP_BANK_ACCOUNT"), ("マイナンバー", "JP_MY_NUMBER"),
            ("扶養人数", None)]
    rows = []
    for i in range(75):
        p = v.ja_person()
        base = r.randint(20, 60) * 10000
        ot = r.randint(0, 80) * 1000
        rows.append([f"S{1000 + i}", p["name"], r.choice(D.JA_DEPTS), str(base), str(ot), str(base + ot),
                     r.choice(D.JA_BANKS), f"{r.randint(0, 9999999):07d}", v.my_number(), str(r.randint(0, 4))])
    emit("payroll_ja.tsv", cols, rows, "\t")


# ---------------------------------------------------------------- D3 clinic appointments (JA)
def appointments():
    cols = [("予約日", "DATE"), ("時間", None), ("診療科", None), ("患者名", "PERSON"), ("ふりがな", "PERSON"),
            ("年齢", "AGE"), ("性別", "SEX"), ("連絡先", "PHONE_NUMBER"), ("症状・主訴", "MEDICAL"), ("既往歴", "MEDICAL"),
            ("初診/再診", None)]
    complaints = ["発熱、咳", "頭痛", "腹痛、下痢", "腰痛", "めまい", "動悸", "喉の痛み", "発疹", "不眠", "関節痛"]
    history = ["高血圧症", "2型糖尿病", "なし", "気管支喘息", "脂質異常症", "胃潰瘍", "なし", "アトピー性皮膚炎", "狭心症", "痛風"]
    rows = []
    hira = str.maketrans({chr(c): chr(c - 0x60) for c in range(0x30A1, 0x30F7)})
    for _ in range(110):
        p = v.ja_person()
        rows.append([v.fmt(v.date(2025, 2025), "slash"), f"{r.randint(9, 17)}:{r.choice(['00', '15', '30', '45'])}",
                     r.choice(["内科", "整形外科", "皮膚科", "耳鼻咽喉科", "小児科"]), p["name"], p["kana"].translate(hira),
                     str(r.randint(1, 92)), "男" if p["male"] else "女", v.ja_mobile(), r.choice(complaints),
                     r.choice(history), r.choice(["初診", "再診"])])
    emit("clinic_appointments_ja.csv", cols, rows)


# ---------------------------------------------------------------- D4 e-commerce orders (JA)
def orders_ja():
    cols = [("注文番号", None), ("注文日", "DATE"), ("購入者名", "PERSON"), ("お届け先郵便番号", "JP_POSTAL_CODE"),
            ("お届け先住所", "ADDRESS"), ("お届け先電話番号", "PHONE_NUMBER"), ("商品名", None), ("数量", None), ("金額", None),
            ("カード番号", "CREDIT_CARD")]
    rows = []
    for i in range(130):
        p = v.ja_person()
        rows.append([f"ORD-{250000 + i * 3}", v.fmt(v.date(2025, 2025), "slash"), p["name"], v.ja_postal(), v.ja_address(),
                     v.ja_mobile(), r.choice(D.JA_PRODUCTS), str(r.randint(1, 3)), str(r.randint(5, 300) * 100),
                     v.credit_card()])
    emit("ec_orders_ja.csv", cols, rows)


# ---------------------------------------------------------------- D5 tenants without header (JA, tab)
def tenants_headerless():
    cols = [("", None), ("", "PERSON"), ("", "DATE_OF_BIRTH"), ("", "SEX"), ("", "PHONE_NUMBER"), ("", "OCCUPATION"),
            ("", "EMPLOYER")]
    companies = D.JA_COMPANIES + ["株式会社青葉商事", "東都建設株式会社", "有限会社さくら不動産", "合同会社ミナト"]
    rows = []
    for i in range(60):
        p = v.ja_person()
        rows.append([f"{r.randint(1, 5)}0{r.randint(1, 8)}号室", p["name"], v.fmt(v.birth(20, 80), "slash"),
                     "男" if p["male"] else "女", v.ja_mobile(), r.choice(["会社員", "公務員", "自営業", "学生", "パート", "看護師"]),
                     r.choice(companies)])
    emit("tenants_noheader_ja.tsv", cols, rows, "\t", has_header=False)


# ---------------------------------------------------------------- D6 consultation log (JA, free text)
def consultation_log():
    cols = [("相談日", "DATE"), ("相談者", "PERSON"), ("相談区分", None), ("相談内容", "FREE_TEXT", "sensitive"), ("対応者", "PERSON")]
    plain = ["駐輪場の利用方法について問い合わせ。利用規約を説明し了承を得た。", "ゴミ出しのルールについて確認したいとのこと。案内チラシを郵送した。",
             "窓口の受付時間について質問があり、平日9時から17時までと回答した。", "各種証明書の発行手続きについて説明した。来週来庁予定。"]
    sens = ["本人はうつ病で休職中とのこと。生活費の相談があり、傷病手当金の制度を案内した。",
            "夫からの暴力（DV）の被害について相談あり。警察への相談を勧め、一時保護の手続きを説明した。",
            "精神障害者保健福祉手帳の更新について相談。必要書類を案内した。",
            "息子が以前に窃盗で逮捕されたことがあり、就職に不安があるとの相談。",
            "本人は2型糖尿病で通院中。医療費の負担が大きく、高額療養費制度を案内した。"]
    staff = [v.ja_person()["name"] for _ in range(4)]
    rows = []
    for _ in range(70):
        p = v.ja_person()
        text = r.choice(sens) if r.random() < 0.35 else r.choice(plain)
        rows.append([v.fmt(v.date(2025, 2025), "kanji"), p["name"], r.choice(["生活", "福祉", "住まい", "その他"]), text,
                     r.choice(staff)])
    emit("consultation_log_ja.csv", cols, rows)


# ---------------------------------------------------------------- D7 customers (EN, snake_case)
def customers_en():
    cols = [("customer_id", "RECORD_ID"), ("first_name", "PERSON"), ("last_name", "PERSON"), ("email", "EMAIL_ADDRESS"),
            ("phone_number", "PHONE_NUMBER"), ("address_line1", "ADDRESS"), ("city", "REGION"), ("state", "REGION"),
            ("postal_code", "POSTAL_CODE"), ("birth_date", "DATE_OF_BIRTH"), ("created_at", "DATE"), ("lifetime_value", None),
            ("marketing_opt_in", None)]
    rows = []
    for i in range(150):
        p = v.en_person()
        city, st, z = v.us_city()
        rows.append([str(700000 + i * 37), p["first"], p["last"], v.email([p["first"], p["last"]]), v.us_phone(),
                     v.us_street(), city, st, v.us_zip(z), v.fmt(v.birth(18, 80), "iso"),
                     v.fmt(v.date(2018, 2025), "iso") + f" {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:00",
                     f"{r.randint(0, 5000)}.{r.randint(0, 99):02d}", r.choice(["true", "false"])])
    emit("customers_en.csv", cols, rows)


# ---------------------------------------------------------------- D8 payroll (EN, tab)
def payroll_en():
    cols = [("EmpNo", "RECORD_ID"), ("Employee Name", "PERSON"), ("SSN", "US_SSN"), ("Department", "DEPARTMENT"),
            ("Pay Period End", "DATE"), ("Gross Pay", None), ("Net Pay", None), ("Bank Account (IBAN)", "IBAN_CODE")]
    rows = []
    ibans = ["GB82WEST12345698765432", "DE89370400440532013000", "FR1420041010050500013M02606",
             "NL91ABNA0417164300", "ES9121000418450200051332", "IT60X0542811101000000123456"]
    for i in range(60):
        p = v.en_person()
        gross = r.randint(2500, 12000)
        rows.append([f"{3000 + i}", p["name"], v.us_ssn(), r.choice(D.EN_DEPTS), v.fmt(v.date(2025, 2025), "us"),
                     f"{gross}.00", f"{int(gross * 0.72)}.{r.randint(0, 99):02d}", r.choice(ibans)])
    emit("payroll_en.tsv", cols, rows, "\t")


# ---------------------------------------------------------------- D9 appointments (EN, semicolon)
def appointments_en():
    cols = [("Appt Date", "DATE"), ("Patient", "PERSON"), ("DOB", "DATE_OF_BIRTH"), ("Sex", "SEX"), ("Age", "AGE"),
            ("Tel", "PHONE_NUMBER"), ("Reason for Visit", "MEDICAL"), ("Provider", "PERSON"), ("Room", None)]
    reasons = ["Follow-up for hypertension", "Asthma check", "Diabetes management", "Knee pain", "Annual physical",
               "Flu symptoms", "Depression follow-up", "Skin rash", "Back pain", "Migraine"]
    providers = ["Dr. " + v.en_person()["last"] for _ in range(5)]
    rows = []
    for _ in range(90):
        p = v.en_person()
        b = v.birth(1, 95)
        rows.append([v.fmt(v.date(2025, 2025), "us"), p["name"], v.fmt(b, "us"), "M" if p["male"] else "F",
                     str(v.age(b)), v.us_phone(), r.choice(reasons), r.choice(providers), str(r.randint(1, 12))])
    emit("appointments_en.csv", cols, rows, ";")


# ---------------------------------------------------------------- D10 gym members without header (EN)
def gym_headerless():
    cols = [("", "PERSON"), ("", "EMAIL_ADDRESS"), ("", "PHONE_NUMBER"), ("", "SEX"), ("", "AGE"), ("", "ADDRESS"),
            ("", None)]
    rows = []
    for _ in range(55):
        p = v.en_person()
        rows.append([p["name"], v.email([p["first"], p["last"]]), v.us_phone(), "male" if p["male"] else "female",
                     str(r.randint(18, 79)), v.us_address(), r.choice(["Basic", "Premium", "Family"])])
    emit("gym_members_noheader_en.csv", cols, rows, has_header=False)


# ---------------------------------------------------------------- D11 course feedback (EN, free text)
def course_feedback():
    cols = [("response_id", None), ("submitted", "DATE"), ("course", None), ("rating", None),
            ("comments", "FREE_TEXT", "sensitive")]
    plain = ["The instructor explained the material clearly and the exercises were useful.",
             "Too much content for a single afternoon; I would split it into two sessions.",
             "Great course overall, but the room was too cold and the projector kept flickering.",
             "I liked the hands-on labs the most. More real-world examples would help.",
             "The pace was fine for me. Handouts were helpful for later review."]
    sens = ["I have dyslexia, so longer reading assignments were hard; audio versions would help.",
            "I missed two sessions because of chemotherapy for breast cancer; the recordings were a lifesaver.",
            "As a wheelchair user I could not reach the second-floor room without help.",
            "My anxiety disorder makes group presentations very stressful; an alternative would be appreciated."]
    rows = []
    for i in range(80):
        text = r.choice(sens) if r.random() < 0.3 else r.choice(plain)
        rows.append([f"R{9000 + i}", v.fmt(v.date(2025, 2025), "iso"),
                     r.choice(["Excel for Analysts", "Intro to Python", "Leadership 101", "First Aid"]),
                     str(r.randint(1, 5)), text])
    emit("course_feedback_en.csv", cols, rows)


# ---------------------------------------------------------------- D12 border crossing / visa applicants (EN)
def visa_applicants():
    cols = [("applicant_no", "RECORD_ID"), ("surname", "PERSON"), ("given_names", "PERSON"), ("nationality", "NATIONALITY"),
            ("passport_number", "JP_PASSPORT"), ("date_of_birth", "DATE_OF_BIRTH"), ("occupation", "OCCUPATION"),
            ("employer", "EMPLOYER"), ("arrival_date", "DATE"), ("visa_type", None)]
    rows = []
    for i in range(40):
        p = v.ja_person()
        rows.append([f"A{88000 + i * 9}", p["romaji"][1].upper(), p["romaji"][0].upper(), "Japanese", v.jp_passport(),
                     v.fmt(v.birth(20, 70), "iso"), r.choice(["Engineer", "Student", "Researcher", "Sales", "Teacher"]),
                     r.choice(D.EN_COMPANIES), v.fmt(v.date(2025, 2025), "iso"), r.choice(["B-1", "F-1", "H-1B", "J-1"])])
    emit("visa_applicants_en.csv", cols, rows)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for build in [customer_list, payroll, appointments, orders_ja, tenants_headerless, consultation_log,
                  customers_en, payroll_en, appointments_en, gym_headerless, course_feedback, visa_applicants]:
        build()
    write_gold(OUT, tables)
    print(f"{len(tables)} tables in {os.path.normpath(OUT)}")
