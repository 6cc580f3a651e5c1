import Foundation

extension HierarchyBuilders {
    /// The value used at the municipality, prefecture and region levels when the prefecture
    /// of an address cannot be told.
    public static let unknownPlace = "不明"
    /// Top of the address hierarchy.
    public static let japan = "日本"

    /// Japanese addresses: level 0 the value, then municipality (`東京都新宿区`), prefecture
    /// (`東京都`), region (`関東`), then `日本`.
    ///
    /// Municipality level:
    /// - ordinance-designated cities drop their ward: `大阪府大阪市北区梅田1-1` → `大阪府大阪市`,
    ///   so the level is the same kind of unit (a city, town or village) across the country;
    /// - Tokyo's 23 special wards are municipalities and stay: `東京都新宿区`;
    /// - towns and villages keep their county: `埼玉県入間郡三芳町`;
    /// - when only a prefecture is written, the municipality level repeats the prefecture.
    /// A leading `〒` and postal code are skipped; spaces are ignored; full-width letters and
    /// digits are read as ASCII (NFKC) for parsing.
    ///
    /// Addresses without a prefecture: the prefecture is inferred when the address starts with
    /// one of the 20 ordinance-designated cities (`横浜市中区…` → `神奈川県横浜市`) or one of
    /// Tokyo's 23 wards (`新宿区…` → `東京都新宿区`; a bare `北区`, `港区` or `中央区` is taken
    /// as Tokyo's, although other cities have wards of that name). Other addresses, and empty
    /// values, are `不明` at the municipality, prefecture and region levels.
    ///
    /// Regions are the usual eight: 北海道; 東北 (青森 岩手 宮城 秋田 山形 福島); 関東 (茨城 栃木 群馬
    /// 埼玉 千葉 東京 神奈川); 中部 (新潟 富山 石川 福井 山梨 長野 岐阜 静岡 愛知); 近畿 (三重 滋賀 京都
    /// 大阪 兵庫 奈良 和歌山); 中国 (鳥取 島根 岡山 広島 山口); 四国 (徳島 香川 愛媛 高知);
    /// 九州・沖縄 (福岡 佐賀 長崎 熊本 大分 宮崎 鹿児島 沖縄).
    public static func japaneseAddress(values: [String]) throws -> BuiltHierarchy {
        let source = "address hierarchy"
        let leaves = distinct(values)
        guard !leaves.isEmpty else { throw HierarchyError(source: source, line: 0, reason: "no values to build a hierarchy from") }
        var unknown = 0
        let rows = leaves.map { leaf -> [String] in
            guard let place = parseJapaneseAddress(leaf) else {
                unknown += 1
                return [leaf, unknownPlace, unknownPlace, unknownPlace, japan]
            }
            return [leaf, place.municipality, place.prefecture, regionOfPrefecture[place.prefecture]!, japan]
        }
        var warnings: [String] = []
        if unknown > 0 {
            warnings.append("\(unknown) address\(unknown == 1 ? "" : "es") with no recognisable prefecture placed under '\(unknownPlace)'")
        }
        return BuiltHierarchy(hierarchy: try Hierarchy(rows: rows, source: source), warnings: warnings)
    }

    struct JapanesePlace: Equatable {
        /// Prefecture plus municipality, e.g. `大阪府大阪市`, `埼玉県入間郡三芳町`.
        var municipality: String
        var prefecture: String
    }

    /// Prefecture and municipality of an address, or nil when the prefecture cannot be told.
    static func parseJapaneseAddress(_ value: String) -> JapanesePlace? {
        var s = Substring(String(value.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }))
        s = dropPostalCode(s)
        guard !s.isEmpty else { return nil }

        let prefecture: String
        if let p = prefectures.first(where: { s.hasPrefix($0) }) {
            prefecture = p
            s = s.dropFirst(p.count)
        } else if let city = designatedCityPrefecture.keys.first(where: { s.hasPrefix($0) }) {
            prefecture = designatedCityPrefecture[city]!
        } else if tokyoWards.contains(where: { s.hasPrefix($0) }) {
            prefecture = "東京都"
        } else {
            return nil
        }
        guard let municipality = municipality(in: s, prefecture: prefecture) else {
            return JapanesePlace(municipality: prefecture, prefecture: prefecture)
        }
        return JapanesePlace(municipality: prefecture + municipality, prefecture: prefecture)
    }

    /// `〒123-4567`, `〒1234567`, `123-4567` at the start, with what follows it.
    static func dropPostalCode(_ s: Substring) -> Substring {
        var rest = s
        if rest.first == "〒" { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 3, rest.dropFirst(3).first == "-" || rest.dropFirst(3).first == "ー",
           rest.dropFirst(4).prefix(while: { $0.isASCII && $0.isNumber }).count == 4 {
            return rest.dropFirst(8)
        }
        if digits.count == 7 { return rest.dropFirst(7) }
        return s.first == "〒" ? rest : s
    }

    /// The municipality at the start of `s` (the address after its prefecture), or nil.
    static func municipality(in s: Substring, prefecture: String) -> String? {
        if let city = designatedCityPrefecture.keys.first(where: { s.hasPrefix($0) }) { return city }
        if prefecture == "東京都", let ward = tokyoWards.first(where: { s.hasPrefix($0) }) { return ward }
        if let name = municipalitiesWithInnerSuffix.first(where: { s.hasPrefix($0) }) { return name }

        let county: Substring
        var rest = s
        if let name = countiesWithInnerSuffix.first(where: { s.hasPrefix($0) }) {
            county = s.prefix(name.count)
        } else {
            // The first 市/区/町/村/郡 after at least one character ends the name.
            guard let end = s.dropFirst().firstIndex(where: { "市区町村郡".contains($0) }) else { return nil }
            guard s[end] == "郡" else { return String(s[...end]) }
            county = s[...end]
        }
        rest = s[county.endIndex...]
        if let town = townsWithInnerSuffix.first(where: { rest.hasPrefix($0) }) { return String(county) + town }
        guard let end = rest.dropFirst().firstIndex(where: { "町村".contains($0) }) else { return String(county) }
        return String(county) + String(rest[...end])
    }

    // MARK: - Facts

    /// The 47 prefectures, north to south, each with its region.
    static let prefectureRegions: [(prefecture: String, region: String)] = [
        ("北海道", "北海道"),
        ("青森県", "東北"), ("岩手県", "東北"), ("宮城県", "東北"), ("秋田県", "東北"), ("山形県", "東北"), ("福島県", "東北"),
        ("茨城県", "関東"), ("栃木県", "関東"), ("群馬県", "関東"), ("埼玉県", "関東"), ("千葉県", "関東"), ("東京都", "関東"), ("神奈川県", "関東"),
        ("新潟県", "中部"), ("富山県", "中部"), ("石川県", "中部"), ("福井県", "中部"), ("山梨県", "中部"), ("長野県", "中部"),
        ("岐阜県", "中部"), ("静岡県", "中部"), ("愛知県", "中部"),
        ("三重県", "近畿"), ("滋賀県", "近畿"), ("京都府", "近畿"), ("大阪府", "近畿"), ("兵庫県", "近畿"), ("奈良県", "近畿"), ("和歌山県", "近畿"),
        ("鳥取県", "中国"), ("島根県", "中国"), ("岡山県", "中国"), ("広島県", "中国"), ("山口県", "中国"),
        ("徳島県", "四国"), ("香川県", "四国"), ("愛媛県", "四国"), ("高知県", "四国"),
        ("福岡県", "九州・沖縄"), ("佐賀県", "九州・沖縄"), ("長崎県", "九州・沖縄"), ("熊本県", "九州・沖縄"),
        ("大分県", "九州・沖縄"), ("宮崎県", "九州・沖縄"), ("鹿児島県", "九州・沖縄"), ("沖縄県", "九州・沖縄"),
    ]
    static let prefectures: [String] = prefectureRegions.map(\.prefecture)
    static let regionOfPrefecture: [String: String] =
        Dictionary(uniqueKeysWithValues: prefectureRegions.map { ($0.prefecture, $0.region) })

    /// The 20 ordinance-designated cities (政令指定都市) and their prefectures.
    static let designatedCityPrefecture: [String: String] = [
        "札幌市": "北海道", "仙台市": "宮城県", "さいたま市": "埼玉県", "千葉市": "千葉県",
        "横浜市": "神奈川県", "川崎市": "神奈川県", "相模原市": "神奈川県", "新潟市": "新潟県",
        "静岡市": "静岡県", "浜松市": "静岡県", "名古屋市": "愛知県", "京都市": "京都府",
        "大阪市": "大阪府", "堺市": "大阪府", "神戸市": "兵庫県", "岡山市": "岡山県",
        "広島市": "広島県", "北九州市": "福岡県", "福岡市": "福岡県", "熊本市": "熊本県",
    ]

    /// Tokyo's 23 special wards.
    static let tokyoWards: [String] = [
        "千代田区", "中央区", "港区", "新宿区", "文京区", "台東区", "墨田区", "江東区", "品川区", "目黒区",
        "大田区", "世田谷区", "渋谷区", "中野区", "杉並区", "豊島区", "北区", "荒川区", "板橋区", "練馬区",
        "足立区", "葛飾区", "江戸川区",
    ]

    /// Municipalities whose name holds 市, 町, 村 or 郡 before its real ending, where the
    /// "first suffix character" rule would cut them short.
    static let municipalitiesWithInnerSuffix: [String] = [
        "四日市市", "廿日市市", "野々市市", "大町市", "十日町市", "東村山市", "武蔵村山市", "羽村市",
        "大村市", "田村市", "大和郡山市", "蒲郡市", "小郡市",
    ]
    /// Counties (郡) whose name holds 市 or 村.
    static let countiesWithInnerSuffix: [String] = ["余市郡", "高市郡", "西村山郡", "北村山郡", "東村山郡", "田村郡"]
    /// Towns whose name holds 町 before its ending.
    static let townsWithInnerSuffix: [String] = ["大町町"]
}
