"""Builds corpora/tables/holdout/: the acceptance tables for column classification.

Written before any tuning of the classifier and never used for tuning. Run:
    python3 corpora/tables/tools/build_holdout_tables.py
Every value is fictitious; the same script always gives the same files.
"""
import os

from table_values import D
from table_values import Values, gold_entry, write_gold, write_table

OUT = os.path.join(os.path.dirname(__file__), "..", "holdout")
v = Values(20250601)
r = v.r
tables = []


def emit(name, columns, rows, delimiter=",", has_header=True):
    write_table(OUT, name, [c[0] for c in columns], rows, delimiter, has_header)
    tables.append(gold_entry(name, columns, has_header))


JA_DISEASES = ["2型糖尿病", "高血圧症", "気管支喘息", "肺炎", "脳梗塞", "心筋梗塞", "大腿骨頸部骨折", "胃がん",
               "慢性腎臓病", "うつ病", "狭心症", "急性虫垂炎", "帯状疱疹", "肝硬変", "白内障"]
EN_DIAGNOSES = ["Type 2 diabetes", "Hypertension", "Asthma", "Pneumonia", "Migraine", "Major depressive disorder",
                "Lower back pain", "Osteoarthritis of knee", "Atrial fibrillation", "Hypothyroidism",
                "Chronic kidney disease", "Gastroesophageal reflux disease", "Anxiety disorder"]


# ---------------------------------------------------------------- H1 patient register (JA)
def patient_register():
    cols = [("患者ID", "RECORD_ID"), ("患者氏名", "PERSON"), ("フリガナ", "PERSON"), ("性別", "SEX"),
            ("生年月日", "DATE_OF_BIRTH"), ("年齢", "AGE"), ("郵便番号", "JP_POSTAL_CODE"), ("住所", "ADDRESS"),
            ("電話番号（自宅）", "PHONE_NUMBER"), ("病名", "MEDICAL"), ("入院日", "DATE"), ("病棟", None),
            ("主治医", "PERSON")]
    doctors = [v.ja_person()["name"] for _ in range(6)]
    rows = []
    for i in range(120):
        p = v.ja_person()
        b = v.birth(20, 95)
        rows.append([f"P{200000 + i * 7 + r.randint(0, 6)}", p["name"], p["kana"], "男" if p["male"] else "女",
                     v.fmt(b, r.choice(["era", "slash"])), str(v.age(b)), v.ja_postal(), v.ja_address(),
                     v.ja_landline(), r.choice(JA_DISEASES), v.fmt(v.date(2024, 2025), "slash"),
                     r.choice(["3階東", "3階西", "4階東", "5階南", "ICU", "HCU"]), r.choice(doctors)])
    emit("patient_register_ja.csv", cols, rows)


# ---------------------------------------------------------------- H2 HR roster (JA, tab)
def hr_roster():
    cols = [("社員番号", "RECORD_ID"), ("氏名", "PERSON"), ("ﾌﾘｶﾞﾅ", "PERSON"), ("所属部署", "DEPARTMENT"),
            ("役職", "OCCUPATION"), ("入社年月日", "DATE"), ("生年月日", "DATE_OF_BIRTH"), ("国籍", "NATIONALITY"),
            ("個人番号", "JP_MY_NUMBER"), ("携帯電話", "PHONE_NUMBER"), ("雇用形態", None)]
    rows = []
    for i in range(80):
        p = v.ja_person()
        kana_half = p["kana"]  # half-width kana is what old HR systems export
        kana_half = kana_half.translate(HALF)
        nat = r.choices(["日本", "中国", "ベトナム", "韓国", "フィリピン", "ブラジル"], [30, 3, 2, 2, 1, 1])[0]
        rows.append([f"{10000 + i * 13}", p["name"], kana_half, r.choice(D.JA_DEPTS),
                     r.choice(["一般", "主任", "係長", "課長", "部長", "課長代理", "専門職"]),
                     v.fmt(v.date(1995, 2025), "slash"), v.fmt(v.birth(22, 64), "slash"), nat, v.my_number(),
                     v.ja_mobile(), r.choice(["正社員", "正社員", "契約社員", "パートタイム"])])
    emit("hr_roster_ja.tsv", cols, rows, "\t")


# Full-width katakana → half-width for the old-system フリガナ column.
_FULL = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンャュョッァィゥェォー "
_HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｬｭｮｯｧｨｩｪｫｰ "
HALF = {ord(a): b for a, b in zip(_FULL, _HALF)}
for full, half in zip("ガギグゲゴザジズゼゾダヂヅデドバビブベボ", "ｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾊﾋﾌﾍﾎ"):
    HALF[ord(full)] = half + "ﾞ"
for full, half in zip("パピプペポ", "ﾊﾋﾌﾍﾎ"):
    HALF[ord(full)] = half + "ﾟ"


# ---------------------------------------------------------------- H3 membership list (JA)
def membership():
    cols = [("会員No.", "RECORD_ID"), ("お名前", "PERSON"), ("メールアドレス", "EMAIL_ADDRESS"), ("〒", "JP_POSTAL_CODE"),
            ("都道府県", "REGION"), ("市区町村", "REGION"), ("番地・建物名", "ADDRESS"), ("職業", "OCCUPATION"),
            ("入会日", "DATE"), ("ポイント残高", None), ("会員ランク", None)]
    rows = []
    for i in range(150):
        p = v.ja_person()
        pref, city, town = v.ja_place()
        rows.append([f"M-{r.randint(100000, 999999)}", p["name"], v.email(p["romaji"]), v.ja_postal(), pref, city,
                     v.ja_street(town),
                     r.choice(["会社員", "会社員", "公務員", "自営業", "学生", "主婦", "パート・アルバイト", "無職", "医療従事者", "教員"]),
                     v.fmt(v.date(2015, 2025), "kanji"), str(r.randint(0, 30000)),
                     r.choice(["ブロンズ", "シルバー", "ゴールド", "プラチナ"])])
    emit("membership_ja.csv", cols, rows)


# ---------------------------------------------------------------- H4 event registration (JA, full-width headers)
def event_registration():
    cols = [("申込日時", "DATE"), ("氏名（漢字）", "PERSON"), ("氏名（カナ）", "PERSON"), ("ＴＥＬ", "PHONE_NUMBER"),
            ("Ｅ－ｍａｉｌ", "EMAIL_ADDRESS"), ("勤務先", "EMPLOYER"), ("年齢", "AGE"), ("参加セッション", None),
            ("懇親会", None)]
    companies = D.JA_COMPANIES + ["株式会社ひかり物流", "青葉システム株式会社", "有限会社みどり設計", "さくら薬品株式会社",
                                  "東都電機株式会社", "合同会社ソラ"]
    rows = []
    for _ in range(60):
        p = v.ja_person()
        y, m, d = v.date(2025, 2025)
        rows.append([f"{y}/{m:02d}/{d:02d} {r.randint(8, 22):02d}:{r.randint(0, 59):02d}", p["name"], p["kana"],
                     v.ja_mobile(), v.email(p["romaji"], D.CORP_DOMAINS + D.FREE_MAIL), r.choice(companies),
                     str(r.randint(23, 66)), r.choice(["A: 基調講演", "B: 事例紹介", "C: ハンズオン", "A+B"]),
                     r.choice(["参加", "不参加"])])
    emit("event_registration_ja.csv", cols, rows)


# ---------------------------------------------------------------- H5 survey with free text (JA)
def survey():
    cols = [("回答日", "DATE"), ("年代", "AGE"), ("性別", "SEX"), ("居住地", "REGION"), ("満足度", None),
            ("ご意見・ご感想", "FREE_TEXT", "sensitive")]
    neutral = ["受付の方の対応がとても丁寧で、待ち時間も短く満足しています。", "駐車場が狭く、停めるのに苦労しました。改善をお願いします。",
               "オンライン予約ができるようになって便利になりました。今後も利用したいです。", "院内が清潔で、安心して受診できました。",
               "説明が専門的で少し分かりにくかったので、図などで説明してもらえると助かります。", "土曜日の午後も診療していただけると通いやすいです。",
               "待合室の椅子が硬く、長時間座っているのがつらかったです。", "スタッフの皆さんが笑顔で対応してくださり、気持ちよく過ごせました。",
               "会計の待ち時間が長すぎると感じました。キャッシュレス決済にも対応してほしいです。", "特になし。いつもありがとうございます。"]
    personal = ["持病の2型糖尿病で毎月通っていますが、先生が丁寧に説明してくれるので安心です。",
                "母がうつ病で通院しており、付き添いで来ています。家族への配慮もありがたいです。",
                "私は気管支喘息があるので、待合室の換気をもう少し良くしてほしいです。",
                "夫が脳梗塞で入院した際、看護師の方々に大変お世話になりました。",
                "高血圧症の薬をもらうだけなのに毎回1時間以上待つのはつらいです。"]
    rows = []
    for _ in range(100):
        text = r.choice(personal) if r.random() < 0.15 else r.choice(neutral)
        rows.append([v.fmt(v.date(2025, 2025), "slash"), r.choice(["10代", "20代", "30代", "40代", "50代", "60代", "70代以上"]),
                     r.choice(["男性", "女性", "女性", "回答しない"]), v.ja_place()[0], str(r.randint(1, 5)), text])
    emit("survey_ja.csv", cols, rows)


# ---------------------------------------------------------------- H6 customer export without header (JA)
def customers_headerless():
    cols = [("", "RECORD_ID"), ("", "PERSON"), ("", "PERSON"), ("", "DATE_OF_BIRTH"), ("", "PHONE_NUMBER"),
            ("", "EMAIL_ADDRESS"), ("", "ADDRESS"), ("", None)]
    rows = []
    for i in range(90):
        p = v.ja_person()
        rows.append([f"K{r.randint(100000, 999999)}", p["name"], p["kana"], v.fmt(v.birth(20, 85), "iso"),
                     r.choice([v.ja_mobile(), v.ja_landline()]), v.email(p["romaji"]), v.ja_address(),
                     str(r.randint(1, 300) * 100)])
    emit("customers_noheader_ja.csv", cols, rows, has_header=False)


# ---------------------------------------------------------------- H7 insurance claims (EN)
def claims():
    cols = [("claim_no", None), ("policy_holder", "PERSON"), ("date_of_birth", "DATE_OF_BIRTH"), ("ssn", "US_SSN"),
            ("street_address", "ADDRESS"), ("city", "REGION"), ("state", "REGION"), ("zip", "POSTAL_CODE"),
            ("diagnosis", "MEDICAL"), ("date_of_service", "DATE"), ("claim_amount", None), ("status", None)]
    rows = []
    for i in range(100):
        p = v.en_person()
        city, st, z = v.us_city()
        rows.append([f"CLM-2025-{10000 + i * 3}", p["name"], v.fmt(v.birth(18, 90), "us"), v.us_ssn(), v.us_street(),
                     city, st, v.us_zip(z), r.choice(EN_DIAGNOSES), v.fmt(v.date(2024, 2025), "iso"),
                     f"{r.randint(80, 25000)}.{r.randint(0, 99):02d}", r.choice(["PAID", "PENDING", "DENIED", "IN REVIEW"])])
    emit("claims_en.csv", cols, rows)


# ---------------------------------------------------------------- H8 staff roster (EN, tab)
def staff_roster():
    cols = [("Employee ID", "RECORD_ID"), ("Last Name", "PERSON"), ("First Name", "PERSON"), ("Job Title", "OCCUPATION"),
            ("Dept.", "DEPARTMENT"), ("Hire Date", "DATE"), ("Work Email", "EMAIL_ADDRESS"), ("Mobile", "PHONE_NUMBER"),
            ("Ethnicity", "RACE_ETHNICITY"), ("Gender", "SEX"), ("Salary", None)]
    rows = []
    for i in range(70):
        p = v.en_person()
        rows.append([f"E{4000 + i * 11}", p["last"], p["first"],
                     r.choice(["Software Engineer", "Accountant", "HR Generalist", "Sales Manager", "Data Analyst",
                               "Customer Support Specialist", "Paralegal", "Operations Coordinator"]),
                     r.choice(D.EN_DEPTS), v.fmt(v.date(2005, 2025), "us"),
                     v.email([p["first"], p["last"]], ["contoso.com", "northwind.example"]), v.us_phone(),
                     r.choice(["White", "Black or African American", "Hispanic or Latino", "Asian",
                               "Two or more races", "American Indian or Alaska Native"]),
                     r.choice(["Male", "Female", "Female", "Male", "Non-binary"]), str(r.randint(45, 180) * 1000)])
    emit("staff_roster_en.tsv", cols, rows, "\t")


# ---------------------------------------------------------------- H9 volunteers (EN, semicolon)
def volunteers():
    cols = [("Name", "PERSON"), ("E-mail", "EMAIL_ADDRESS"), ("Phone", "PHONE_NUMBER"), ("Street", "ADDRESS"),
            ("City", "REGION"), ("ZIP", "POSTAL_CODE"), ("Religion", "CREED"), ("Availability", None),
            ("Notes", "FREE_TEXT", "identifier")]
    notes = ["Can drive and has a van for deliveries.", "Prefers morning shifts at the food bank.",
             "First time volunteer, needs orientation.", "Speaks Spanish and Portuguese.",
             "Available only during school holidays.", "Has a forklift certificate."]
    referred = ["Referred by {n}, who volunteers on Tuesdays.", "Sister of {n}; please schedule them together.",
                "Emergency contact: {n}, phone {ph}."]
    rows = []
    for _ in range(50):
        p = v.en_person()
        city, st, z = v.us_city()
        if r.random() < 0.4:
            note = r.choice(referred).format(n=v.en_person()["name"], ph=v.us_phone())
        else:
            note = r.choice(notes)
        rows.append([p["name"], v.email([p["first"], p["last"]]), v.us_phone(), v.us_street(), city, v.us_zip(z),
                     r.choice(["Catholic", "Protestant", "Jewish", "Muslim", "Buddhist", "None", "Methodist"]),
                     r.choice(["Weekends", "Weekdays", "Evenings", "Flexible"]), note])
    emit("volunteers_en.csv", cols, rows, ";")


# ---------------------------------------------------------------- H10 webinar sign-ups (EN)
def webinar():
    cols = [("Full Name", "PERSON"), ("Work Email", "EMAIL_ADDRESS"), ("Company", "EMPLOYER"), ("Job Title", "OCCUPATION"),
            ("Country", "REGION"), ("IP Address", "IP_ADDRESS"), ("Registered At", "DATE"), ("Attended", None)]
    rows = []
    for _ in range(80):
        p = v.en_person()
        y, m, d = v.date(2025, 2025)
        rows.append([p["name"], v.email([p["first"], p["last"]], ["acme.example", "contoso.com", "fabrikam.io"]),
                     r.choice(D.EN_COMPANIES), r.choice(["CTO", "Product Manager", "Marketing Director", "Nurse Practitioner",
                                                         "IT Administrator", "Research Scientist", "Teacher"]),
                     r.choice(["United States", "Canada", "United Kingdom", "Australia", "Germany", "Japan"]), v.ipv4(),
                     f"{y}-{m:02d}-{d:02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}Z",
                     r.choice(["Yes", "No"])])
    emit("webinar_signups_en.csv", cols, rows)


# ---------------------------------------------------------------- H11 support tickets (EN, free text)
def support_tickets():
    cols = [("ticket_no", None), ("opened", "DATE"), ("customer_email", "EMAIL_ADDRESS"), ("product", None),
            ("priority", None), ("description", "FREE_TEXT", "identifier")]
    plain = ["The router keeps dropping the connection every evening after the latest firmware update.",
             "I was charged twice for my last order and would like a refund for the duplicate payment.",
             "The water filter cartridge does not fit the housing even though the box says it is compatible.",
             "Laptop battery drains from 100% to 20% in under two hours, even with the screen dimmed.",
             "The coffee maker shows error E4 and stops brewing halfway; descaling did not help."]
    contact = ["Please call me back at {ph}, I am available after 5pm. Thanks, {n}",
               "My name is {n} and my package never arrived at {addr}.",
               "Tried the chat twice. You can reach me on {ph} or my wife {n2}."]
    rows = []
    for i in range(60):
        p = v.en_person()
        if r.random() < 0.45:
            text = r.choice(contact).format(ph=v.us_phone(), n=p["name"], n2=v.en_person()["name"], addr=v.us_address())
        else:
            text = r.choice(plain)
        rows.append([f"T-{58000 + i * 5}", v.fmt(v.date(2025, 2025), "iso"), v.email([p["first"], p["last"]]),
                     r.choice(D.EN_PRODUCTS), r.choice(["low", "normal", "high", "urgent"]), text])
    emit("support_tickets_en.csv", cols, rows)


# ---------------------------------------------------------------- H12 legacy export without header (EN)
def legacy_headerless():
    cols = [("", "RECORD_ID"), ("", "PERSON"), ("", "DATE_OF_BIRTH"), ("", "PHONE_NUMBER"), ("", "EMAIL_ADDRESS"),
            ("", "ADDRESS"), ("", None)]
    rows = []
    for i in range(45):
        p = v.en_person()
        rows.append([f"C-{20000 + i * 17}", f"{p['last'].upper()}, {p['first'].upper()}", v.fmt(v.birth(21, 88), "us"),
                     v.us_phone(), v.email([p["first"], p["last"]]), v.us_address(), r.choice(["A", "B", "C", "Z"])])
    emit("legacy_noheader_en.csv", cols, rows, has_header=False)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for build in [patient_register, hr_roster, membership, event_registration, survey, customers_headerless,
                  claims, staff_roster, volunteers, webinar, support_tickets, legacy_headerless]:
        build()
    write_gold(OUT, tables)
    print(f"{len(tables)} tables in {os.path.normpath(OUT)}")
