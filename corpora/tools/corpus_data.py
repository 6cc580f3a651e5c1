"""Data tables for build_corpus.py (names, places, special-care terms, ...).

Everything here is fictitious sample data.  Kept in a separate module so the
generator itself stays readable.
"""

# ---------------------------------------------------------------- names (JA)
# (kanji, katakana reading, romaji)
JA_SURNAMES = [
    ("佐藤", "サトウ", "sato"), ("鈴木", "スズキ", "suzuki"), ("高橋", "タカハシ", "takahashi"),
    ("田中", "タナカ", "tanaka"), ("伊藤", "イトウ", "ito"), ("渡辺", "ワタナベ", "watanabe"),
    ("山本", "ヤマモト", "yamamoto"), ("中村", "ナカムラ", "nakamura"), ("小林", "コバヤシ", "kobayashi"),
    ("加藤", "カトウ", "kato"), ("吉田", "ヨシダ", "yoshida"), ("山田", "ヤマダ", "yamada"),
    ("佐々木", "ササキ", "sasaki"), ("山口", "ヤマグチ", "yamaguchi"), ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"), ("木村", "キムラ", "kimura"), ("林", "ハヤシ", "hayashi"),
    ("斎藤", "サイトウ", "saito"), ("清水", "シミズ", "shimizu"), ("山崎", "ヤマザキ", "yamazaki"),
    ("森", "モリ", "mori"), ("池田", "イケダ", "ikeda"), ("橋本", "ハシモト", "hashimoto"),
    ("阿部", "アベ", "abe"), ("石川", "イシカワ", "ishikawa"), ("山下", "ヤマシタ", "yamashita"),
    ("中島", "ナカジマ", "nakajima"), ("石井", "イシイ", "ishii"), ("小川", "オガワ", "ogawa"),
    ("前田", "マエダ", "maeda"), ("岡田", "オカダ", "okada"), ("長谷川", "ハセガワ", "hasegawa"),
    ("藤田", "フジタ", "fujita"), ("後藤", "ゴトウ", "goto"), ("近藤", "コンドウ", "kondo"),
    ("村上", "ムラカミ", "murakami"), ("遠藤", "エンドウ", "endo"), ("青木", "アオキ", "aoki"),
    ("坂本", "サカモト", "sakamoto"), ("斉藤", "サイトウ", "saito"), ("福田", "フクダ", "fukuda"),
    ("太田", "オオタ", "ota"), ("西村", "ニシムラ", "nishimura"), ("藤井", "フジイ", "fujii"),
    ("金子", "カネコ", "kaneko"), ("岡本", "オカモト", "okamoto"), ("藤原", "フジワラ", "fujiwara"),
    ("中野", "ナカノ", "nakano"), ("三浦", "ミウラ", "miura"), ("原田", "ハラダ", "harada"),
    ("中川", "ナカガワ", "nakagawa"), ("松田", "マツダ", "matsuda"), ("竹内", "タケウチ", "takeuchi"),
    ("小野", "オノ", "ono"), ("田村", "タムラ", "tamura"), ("中山", "ナカヤマ", "nakayama"),
    ("和田", "ワダ", "wada"), ("石田", "イシダ", "ishida"), ("森田", "モリタ", "morita"),
    ("上田", "ウエダ", "ueda"), ("原", "ハラ", "hara"), ("柴田", "シバタ", "shibata"),
    ("酒井", "サカイ", "sakai"), ("工藤", "クドウ", "kudo"), ("横山", "ヨコヤマ", "yokoyama"),
    ("宮崎", "ミヤザキ", "miyazaki"), ("宮本", "ミヤモト", "miyamoto"), ("内田", "ウチダ", "uchida"),
    ("高木", "タカギ", "takagi"), ("安藤", "アンドウ", "ando"), ("島田", "シマダ", "shimada"),
    ("谷口", "タニグチ", "taniguchi"), ("大野", "オオノ", "ono"), ("丸山", "マルヤマ", "maruyama"),
    ("今井", "イマイ", "imai"), ("河野", "コウノ", "kono"), ("藤本", "フジモト", "fujimoto"),
    ("小山", "コヤマ", "koyama"), ("比嘉", "ヒガ", "higa"), ("東海林", "ショウジ", "shoji"),
    ("五十嵐", "イガラシ", "igarashi"), ("大和田", "オオワダ", "owada"), ("金城", "キンジョウ", "kinjo"),
]
JA_MALE = [
    ("太郎", "タロウ", "taro"), ("翔太", "ショウタ", "shota"), ("大輔", "ダイスケ", "daisuke"),
    ("健太", "ケンタ", "kenta"), ("拓也", "タクヤ", "takuya"), ("直樹", "ナオキ", "naoki"),
    ("誠", "マコト", "makoto"), ("浩二", "コウジ", "koji"), ("隆", "タカシ", "takashi"),
    ("蓮", "レン", "ren"), ("陽翔", "ハルト", "haruto"), ("悠真", "ユウマ", "yuma"),
    ("和也", "カズヤ", "kazuya"), ("一郎", "イチロウ", "ichiro"), ("健一", "ケンイチ", "kenichi"),
    ("修", "オサム", "osamu"), ("博之", "ヒロユキ", "hiroyuki"), ("雄太", "ユウタ", "yuta"),
    ("亮", "リョウ", "ryo"), ("智也", "トモヤ", "tomoya"), ("哲也", "テツヤ", "tetsuya"),
    ("正人", "マサト", "masato"), ("勇気", "ユウキ", "yuki"), ("慎吾", "シンゴ", "shingo"),
    ("康弘", "ヤスヒロ", "yasuhiro"), ("樹", "イツキ", "itsuki"), ("大和", "ヤマト", "yamato"),
    ("稔", "ミノル", "minoru"), ("光太郎", "コウタロウ", "kotaro"), ("純一", "ジュンイチ", "junichi"),
]
JA_FEMALE = [
    ("花子", "ハナコ", "hanako"), ("陽子", "ヨウコ", "yoko"), ("美咲", "ミサキ", "misaki"),
    ("由美", "ユミ", "yumi"), ("恵子", "ケイコ", "keiko"), ("愛", "アイ", "ai"),
    ("さくら", "サクラ", "sakura"), ("結衣", "ユイ", "yui"), ("陽菜", "ヒナ", "hina"),
    ("真由美", "マユミ", "mayumi"), ("久美子", "クミコ", "kumiko"), ("麻衣", "マイ", "mai"),
    ("彩", "アヤ", "aya"), ("智子", "トモコ", "tomoko"), ("裕子", "ユウコ", "yuko"),
    ("直美", "ナオミ", "naomi"), ("明美", "アケミ", "akemi"), ("千尋", "チヒロ", "chihiro"),
    ("葵", "アオイ", "aoi"), ("凛", "リン", "rin"), ("芽依", "メイ", "mei"),
    ("典子", "ノリコ", "noriko"), ("幸子", "サチコ", "sachiko"), ("香織", "カオリ", "kaori"),
    ("奈々", "ナナ", "nana"), ("友美", "トモミ", "tomomi"), ("理恵", "リエ", "rie"),
    ("めぐみ", "メグミ", "megumi"), ("春香", "ハルカ", "haruka"), ("紀子", "ノリコ", "noriko"),
]

# ---------------------------------------------------------------- names (EN)
EN_FIRST_M = ["James", "John", "Robert", "Michael", "David", "William", "Richard", "Thomas",
              "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew", "Joshua",
              "Kevin", "Brian", "George", "Edward", "Carlos", "Luis", "Ahmed", "Raj",
              "Oliver", "Harry", "Jack", "Liam", "Noah", "Ethan", "Samuel", "Patrick", "Wei"]
EN_FIRST_F = ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan",
              "Jessica", "Sarah", "Karen", "Emily", "Emma", "Olivia", "Sophie", "Hannah",
              "Rachel", "Laura", "Megan", "Amanda", "Nicole", "Maria", "Priya", "Fatima",
              "Grace", "Chloe", "Charlotte", "Amelia", "Isabel", "Rosa", "Aisha", "Mei", "Jane"]
EN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
           "Rodriguez", "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas",
           "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
           "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
           "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell",
           "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards",
           "Murphy", "O'Brien", "Kowalski", "Nguyen", "Patel", "Khan", "Chen", "Kim",
           "Schmidt", "Müller", "Dubois", "Rossi", "Okafor", "Fitzgerald", "MacDonald", "Hughes"]
# katakana renderings of some western names for mixed documents
EN_KATAKANA = {"John": "ジョン", "Smith": "スミス", "Michael": "マイケル", "Brown": "ブラウン",
               "Emily": "エミリー", "Johnson": "ジョンソン", "David": "デイビッド", "Miller": "ミラー",
               "Sarah": "サラ", "Wilson": "ウィルソン", "Maria": "マリア", "Garcia": "ガルシア",
               "Thomas": "トーマス", "Anderson": "アンダーソン", "Jessica": "ジェシカ", "Taylor": "テイラー",
               "Kevin": "ケビン", "Lee": "リー", "Olivia": "オリビア", "Clark": "クラーク"}

# ---------------------------------------------------------------- places (JA)
# (prefecture, city/ward, town)
JA_PLACES = [
    ("東京都", "千代田区", "丸の内"), ("東京都", "新宿区", "西新宿"), ("東京都", "渋谷区", "恵比寿"),
    ("東京都", "世田谷区", "三軒茶屋"), ("東京都", "練馬区", "石神井町"), ("東京都", "八王子市", "旭町"),
    ("東京都", "港区", "芝浦"), ("東京都", "江東区", "豊洲"), ("東京都", "杉並区", "阿佐谷南"),
    ("大阪府", "大阪市北区", "梅田"), ("大阪府", "大阪市中央区", "本町"), ("大阪府", "堺市堺区", "大浜北町"),
    ("大阪府", "豊中市", "新千里東町"), ("神奈川県", "横浜市中区", "山下町"), ("神奈川県", "川崎市幸区", "堀川町"),
    ("神奈川県", "藤沢市", "鵠沼海岸"), ("神奈川県", "相模原市南区", "相模大野"), ("埼玉県", "さいたま市浦和区", "高砂"),
    ("埼玉県", "川越市", "脇田町"), ("千葉県", "千葉市美浜区", "中瀬"), ("千葉県", "船橋市", "本町"),
    ("愛知県", "名古屋市中村区", "名駅"), ("愛知県", "豊田市", "元城町"), ("京都府", "京都市下京区", "烏丸通"),
    ("兵庫県", "神戸市中央区", "三宮町"), ("兵庫県", "西宮市", "甲子園町"), ("福岡県", "福岡市博多区", "博多駅前"),
    ("福岡県", "北九州市小倉北区", "京町"), ("北海道", "札幌市中央区", "北一条西"), ("北海道", "旭川市", "宮下通"),
    ("宮城県", "仙台市青葉区", "一番町"), ("広島県", "広島市中区", "紙屋町"), ("静岡県", "浜松市中央区", "鍛冶町"),
    ("新潟県", "新潟市中央区", "万代"), ("沖縄県", "那覇市", "久茂地"), ("長野県", "松本市", "深志"),
    ("岡山県", "岡山市北区", "駅前町"), ("熊本県", "熊本市中央区", "手取本町"), ("石川県", "金沢市", "広岡"),
    ("茨城県", "つくば市", "竹園"), ("群馬県", "高崎市", "八島町"), ("鹿児島県", "鹿児島市", "中央町"),
]
JA_BUILDINGS = ["グランドメゾン", "サンハイツ", "コーポ", "パークマンション", "レジデンス", "ハイム",
                "メゾン", "シャトー", "ヴィラ", "ライオンズマンション", "ビル"]
JA_BUILDING_PREFIX = ["桜", "青葉", "中央", "富士見", "緑ヶ丘", "日の出", "若葉", "浜風", "光"]

# ---------------------------------------------------------------- places (EN)
US_STREETS = ["Oak Street", "Maple Avenue", "Main Street", "Elm Street", "Cedar Lane", "Pine Road",
              "Washington Boulevard", "Lakeview Drive", "Sunset Boulevard", "Highland Avenue",
              "Park Place", "Mill Road", "Chestnut Street", "Willow Way", "Broadway"]
US_CITIES = [("Springfield", "IL", "627"), ("Austin", "TX", "787"), ("Portland", "OR", "972"),
             ("Columbus", "OH", "432"), ("Denver", "CO", "802"), ("Seattle", "WA", "981"),
             ("San Jose", "CA", "951"), ("Boston", "MA", "021"), ("Atlanta", "GA", "303"),
             ("Madison", "WI", "537"), ("Phoenix", "AZ", "850"), ("Raleigh", "NC", "276"),
             ("Mountain View", "CA", "940"), ("Brooklyn", "NY", "112"), ("Miami", "FL", "331")]
UK_STREETS = ["Baker Street", "High Street", "Station Road", "Church Lane", "Victoria Road",
              "Queen's Road", "Mill Lane", "King Street", "Park Avenue", "Albert Road"]
UK_CITIES = [("London", ["NW1", "SW19", "E14", "N7", "SE15"]), ("Manchester", ["M1", "M14", "M20"]),
             ("Bristol", ["BS1", "BS8"]), ("Leeds", ["LS6", "LS1"]), ("Edinburgh", ["EH1", "EH9"]),
             ("Cardiff", ["CF10", "CF24"])]

# ---------------------------------------------------------------- misc
JA_BANKS = ["三菱UFJ銀行", "みずほ銀行", "三井住友銀行", "りそな銀行", "横浜銀行", "千葉銀行", "静岡銀行",
            "福岡銀行", "京都銀行", "北洋銀行", "常陽銀行", "楽天銀行", "住信SBIネット銀行", "〇〇信用金庫"]
JA_BRANCHES = ["新宿支店", "渋谷支店", "梅田支店", "本店営業部", "横浜駅前支店", "池袋支店", "名古屋支店",
               "博多支店", "札幌支店", "難波支店", "上野支店", "吉祥寺支店", "船橋支店", "三宮支店"]
# company names (some contain surnames: these are NOT PERSON)
JA_COMPANIES = ["株式会社鈴木商店", "田中工務店株式会社", "株式会社山本製作所", "佐藤食品株式会社",
                "株式会社サクラテック", "青葉システム株式会社", "株式会社ひかり物流", "東邦メディカル株式会社",
                "株式会社みらい保険サービス", "中央ソリューションズ株式会社", "株式会社ミドリ薬品",
                "株式会社高橋建設", "北斗電機株式会社", "株式会社アオイ商事", "松本運輸株式会社"]
EN_COMPANIES = ["Acme Logistics Inc.", "Northwind Traders", "Contoso Ltd.", "Bluebird Health LLC",
                "Harper & Lee Insurance", "Pinewood Analytics", "Globex Corporation", "Summit Legal LLP",
                "Riverbend Software", "Morgan Stanley Smith Barney"]
JA_HOSPITALS = ["東都大学病院", "市立中央病院", "さくら内科クリニック", "みどりヶ丘総合病院", "青葉台メンタルクリニック",
                "港南整形外科", "北野記念病院", "ひだまり小児科", "県立医療センター", "すずらん心療内科"]
EN_HOSPITALS = ["St. Mary's Hospital", "Riverside Medical Center", "Oakwood Family Practice",
                "Northgate Clinic", "Mercy General Hospital", "Lakeside Health Partners"]
FREE_MAIL = ["gmail.com", "yahoo.co.jp", "outlook.jp", "icloud.com", "docomo.ne.jp", "ezweb.ne.jp",
             "softbank.ne.jp", "hotmail.com", "nifty.com", "outlook.com"]
CORP_DOMAINS = ["example.co.jp", "sakura-tech.co.jp", "aoba-sys.jp", "hikari-logi.co.jp",
                "example.com", "mirai-hoken.jp", "northwind.example", "contoso.com", "globex.example.org",
                "chuo-sol.co.jp", "univ-example.ac.jp", "city.example.lg.jp"]
JA_SCHOOLS = ["東都大学", "関西学院大学", "早稲田大学", "大阪大学", "県立青葉高等学校", "市立緑中学校",
              "北海道大学", "名古屋工業大学", "立教大学", "九州大学"]

# ---------------------------------------------------------------- special care terms
# SC[label][lang] = list of (terms, sentence templates).  In a template {p} is the
# person (already marked up), {t} the labelled term, {year}/{month}/{days} fillers.
SC = {
    "MEDICAL": {
        "ja": [(["2型糖尿病", "高血圧症", "うつ病", "統合失調症", "双極性障害", "乳がん", "胃がん", "肺がん",
                 "気管支喘息", "C型肝炎", "B型肝炎", "HIV感染症", "関節リウマチ", "慢性腎臓病", "脳梗塞",
                 "心筋梗塞", "パニック障害", "適応障害", "てんかん", "アルツハイマー型認知症", "アルコール依存症",
                 "緑内障", "不整脈", "脂質異常症", "甲状腺機能低下症", "子宮内膜症", "潰瘍性大腸炎",
                 "クローン病", "腰椎椎間板ヘルニア", "肺結核", "自律神経失調症", "狭心症", "痛風"],
                ["{p}は{t}で通院中である。", "既往歴：{t}", "{p}は昨年{t}と診断され、現在も服薬を継続している。",
                 "持病の{t}があるため、{p}より時間外勤務の制限について申し出があった。",
                 "{p}は{t}の治療のため、毎月第2水曜日に通院予定。", "傷病名：{t}",
                 "{p}は{t}にて加療中であり、当面は軽作業とする。", "本人の申告によれば、{t}の既往がある。",
                 "{p}は{t}のため{days}日間の休業を要する見込み。"]),
               (["HIV陽性", "B型肝炎ウイルス陽性"],
                ["{p}は{t}であることを上司にのみ伝えている。", "検査の結果、{p}は{t}と判明。"])],
        "en": [(["hypertension", "type 2 diabetes", "major depressive disorder", "depression", "asthma",
                 "breast cancer", "HIV", "hepatitis C", "epilepsy", "bipolar disorder", "schizophrenia",
                 "COPD", "rheumatoid arthritis", "chronic kidney disease", "multiple sclerosis", "PTSD",
                 "generalized anxiety disorder", "Crohn's disease", "atrial fibrillation", "lung cancer",
                 "type 1 diabetes", "Parkinson's disease", "sleep apnea", "early-onset dementia"],
                ["{p} was diagnosed with {t} in {year}.", "Medical history: {t}.",
                 "{p} is currently being treated for {t}.", "{p} has a history of {t} and takes daily medication.",
                 "Diagnosis: {t}", "{p} disclosed that they have {t} and asked for flexible hours.",
                 "{p} has been on sick leave since {month} due to {t}."]),
               (["HIV-positive"], ["{p} is {t} and asked that this stay confidential."])],
    },
    "CRIMINAL_RECORD": {
        "ja": [(["前科一犯", "前科二犯", "前科", "逮捕歴", "前歴", "補導歴"],
                ["{p}には{t}がある。", "調査の結果、{p}に{t}があることが判明した。", "照会結果：{t}あり。",
                 "{p}は{t}があることを採用面接で申告していなかった。"]),
               (["窃盗罪で有罪判決", "傷害罪で起訴", "覚醒剤取締法違反で逮捕", "詐欺罪で懲役2年執行猶予3年",
                 "道路交通法違反で罰金刑", "強制わいせつ罪で服役"],
                ["{p}は{year}年に{t}を受けている。", "{p}は過去に{t}の経歴あり（本人申告）。"])],
        "en": [(["criminal record", "prior conviction", "felony conviction", "juvenile record"],
                ["{p} has a {t} from {year}.", "{p} disclosed a {t} during the interview.",
                 "The background check shows a {t} for {p}."]),
               (["convicted of theft", "convicted of fraud", "arrested for DUI", "convicted of burglary",
                 "arrested for assault", "charged with drug possession", "convicted of embezzlement"],
                ["Records show {p} was {t} in {year}.", "Background check: {p} was {t}.",
                 "{p} admitted that he was {t} while at college."])],
    },
    "CRIME_VICTIM": {
        "ja": [(["詐欺の被害", "詐欺被害", "ストーカー被害", "性犯罪被害", "振り込め詐欺の被害",
                 "特殊詐欺の被害", "強盗被害", "痴漢被害", "DV被害"],
                ["{p}は昨年{t}に遭っている。", "{p}より、{t}を受けたとの相談があった。",
                 "{p}は{t}を受けて以来、夜間の外出を控えている。"]),
               (["DVの被害者", "傷害事件の被害者", "犯罪被害者", "ストーカー事件の被害者"],
                ["{p}は{t}であり、住所の秘匿を希望している。", "{p}は{t}として警察に相談済み。"])],
        "en": [(["victim of assault", "victim of identity theft", "victim of domestic violence",
                 "fraud victim", "victim of a burglary", "robbery victim", "victim of stalking",
                 "victim of sexual assault", "victim of a hate crime"],
                ["{p} was a {t} last year.", "{p} reported being a {t} and requests confidentiality.",
                 "{p} is a {t}; please do not disclose the home address."])],
    },
    "RACE_ETHNICITY": {
        "ja": [(["在日韓国人", "在日朝鮮人", "アイヌ民族", "在日コリアン", "日系ブラジル人", "琉球民族", "中国系"],
                ["{p}は{t}であると述べている。", "{p}（{t}）より、差別的な発言を受けたとの申し出。",
                 "面談の中で、{p}は自身が{t}であることを明かした。", "{p}は{t}であることを理由に入居を断られた。"])],
        "en": [(["Hispanic", "African American", "Asian American", "Latina", "Latino", "Native American",
                 "Pacific Islander", "Black British", "Romani"],
                ["{p} identifies as {t}.", "{p}, who is {t}, reported discriminatory remarks.",
                 "Ethnicity: {t}"]),
               (["of Korean descent", "of Ainu descent", "of Mexican descent"],
                ["{p} is {t} and said this was mocked at work."])],
    },
    "CREED": {
        "ja": [(["創価学会員", "キリスト教徒", "共産党員", "エホバの証人", "仏教徒", "イスラム教徒", "カトリック信者",
                 "天理教の信者", "幸福の科学の会員", "社民党の党員"],
                ["{p}は{t}であり、日曜日の勤務を避けたいとの希望がある。", "宗教：{t}",
                 "{p}は熱心な{t}である。", "{p}が{t}であることが職場で噂になっている。",
                 "{p}は{t}であることを理由に勧誘を受けたと訴えている。"])],
        "en": [(["Muslim", "Catholic", "Jehovah's Witness", "Evangelical Christian", "Hindu", "Sikh",
                 "Mormon", "Buddhist", "Orthodox Jew"],
                ["{p} is a practicing {t} and requested prayer breaks.", "Religion: {t}",
                 "{p} said colleagues mocked them for being a {t}."]),
               (["member of the Communist Party", "member of the Labour Party", "registered Republican"],
                ["{p} is a {t} and was asked about it in the interview."])],
    },
    "DISABILITY": {
        "ja": [(["身体障害者手帳2級", "身体障害者手帳1級", "身体障害者手帳4級", "療育手帳B1", "精神障害者保健福祉手帳2級"],
                ["{p}は{t}を所持している。", "障害の状況：{t}", "{p}は{t}の交付を受けている。"]),
               (["知的障害", "視覚障害", "聴覚障害", "肢体不自由", "下肢麻痺", "発達障害"],
                ["{p}は{t}があり、合理的配慮として座席の配置を変更した。", "障害の状況：{t}",
                 "{p}は{t}のため、筆談での対応を希望。"]),
               (["車椅子利用者", "全盲"], ["{p}は{t}であり、移動に介助を要する。"])],
        "en": [(["wheelchair user", "paraplegic"], ["{p} is a {t} and needs step-free access.", "Disability: {t}"]),
               (["hearing impairment", "visual impairment", "learning disability", "intellectual disability"],
                ["{p} has a {t} and uses assistive software.", "Disability: {t}"]),
               (["legally blind", "deaf", "registered disabled"], ["{p} is {t} and asked for assistance with forms.", "{p} is {t}; please allow extra time."])],
    },
    "SEXUAL_ORIENTATION": {
        "ja": [(["同性愛者", "ゲイ", "バイセクシュアル", "レズビアン", "両性愛者"],
                ["{p}は自身が{t}であることを同僚に暴露されたと訴えている。", "{p}は{t}であることを公表していない。",
                 "{p}より、{t}であることを理由とした嫌がらせの相談があった。", "{p}は{t}であり、パートナーと同居している。"])],
        "en": [(["gay", "bisexual", "lesbian", "homosexual", "pansexual"],
                ["{p} is openly {t}.", "{p} reported that a manager disclosed that they are {t}.",
                 "{p} came out as {t} to the team last spring.",
                 "{p} said the harassment started after people learned they were {t}."])],
    },
    "SOCIAL_STATUS": {
        "ja": [(["被差別部落出身", "部落出身", "非嫡出子", "同和地区出身", "婚外子"],
                ["{p}は{t}であることを理由に婚約を破棄されたと相談。", "{p}が{t}であるとの身元調査が行われた疑いがある。",
                 "{p}の出自（{t}）に関する差別的な投稿が確認された。"])],
        "en": [(["born out of wedlock", "Dalit", "Burakumin"],
                ["{p} disclosed being {t}.", "A background report on {p} noted that the family is {t}.",
                 "{p} said a relative's comment that she was {t} was repeated at work."])],
    },
}

# Non-personal sentences containing the same kind of words (NOT labelled).
SC_NEG = {
    "ja": [
        "本研究は2型糖尿病の早期発見に向けたバイオマーカーの探索を目的とする。",
        "新薬の治験参加者を募集しています。対象：高血圧症と診断された20歳以上の方。",
        "厚生労働省の推計によると、うつ病を含む気分障害の患者数は約120万人である。",
        "がん検診の受診率向上が課題となっている。",
        "昨年の窃盗の認知件数は前年より減少した。",
        "特殊詐欺の被害額は全国で約450億円に上った。",
        "犯罪被害者等基本法に基づき、支援窓口が設置されている。",
        "アイヌ民族の文化振興に関する法律が施行された。",
        "キリスト教の伝来と日本文化への影響について講義を行う。",
        "共産党は記者会見で、予算案に反対する方針を示した。",
        "創価学会を支持母体とする政党の動向が注目されている。",
        "障害者差別解消法の改正により、事業者による合理的配慮の提供が義務化された。",
        "身体障害者手帳の交付申請は市区町村の窓口で受け付けています。",
        "同性パートナーシップ制度を導入する自治体が増えている。",
        "部落差別の解消の推進に関する法律について研修を実施した。",
        "生活保護の申請件数は前年同月比で2.1%増加した。",
        "HIV検査は保健所で無料・匿名で受けられます。",
        "当院では糖尿病外来を毎週火曜日に開設しています。",
        "イスラム教のラマダン期間中は営業時間を変更する店舗もある。",
        "在日外国人の就労に関する統計をまとめた。",
        "てんかんのある人の運転免許に関する制度について解説する。",
        "LGBTに関する社員向け研修を来月実施予定。",
    ],
    "en": [
        "This grant studies the long-term outcomes of type 2 diabetes in rural populations.",
        "Hypertension affects an estimated 1.3 billion adults worldwide.",
        "We are recruiting volunteers with asthma for a clinical trial of a new inhaler.",
        "The report found that fraud victims lost a total of $2.7 billion last year.",
        "Burglary rates in the county fell by 12% compared to the previous year.",
        "Hispanic-owned businesses grew faster than the national average.",
        "The city will observe Muslim and Jewish holidays in the school calendar.",
        "The Communist Party held its annual congress in the capital.",
        "Wheelchair users can request assistance at any station.",
        "The policy prohibits discrimination on the basis of sexual orientation.",
        "Depression is one of the leading causes of disability worldwide.",
        "Funding will support research on HIV prevention and treatment.",
        "Our helpline supports victims of domestic violence 24 hours a day.",
        "The museum exhibition explores the history of the Catholic Church in Japan.",
        "Employers must provide reasonable accommodation for employees with disabilities.",
        "Pride Month events will be held across the city in June.",
    ],
}

# ---------------------------------------------------------------- misc words
JA_DEPTS = ["総務部", "人事部", "営業第一部", "経理部", "開発部", "品質保証部", "カスタマーサポート課", "情報システム部",
            "製造部", "法務部", "広報室", "物流センター"]
EN_DEPTS = ["Human Resources", "Finance", "Engineering", "Customer Success", "Legal", "Operations",
            "Sales", "IT Security", "Facilities", "Marketing"]
JA_PRODUCTS = ["ワイヤレスイヤホン WX-200", "電気ケトル KT-15", "ロボット掃除機 RC-7", "空気清浄機 AP-330",
               "ノートPC LX14", "炊飯器 RS-5G", "スマートウォッチ SW-2", "プリンター PX-M880"]
EN_PRODUCTS = ["SmartHub X2 router", "AquaPure water filter", "ProBook 14 laptop", "Zenith coffee maker",
               "TrailRunner GPS watch", "Nimbus wireless headset", "CloudCam 3 security camera"]
