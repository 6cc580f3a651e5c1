import XCTest
@testable import SumiAnonymity

final class HierarchyBuilderTests: XCTestCase {
    /// Every value is a leaf, nothing else is, all rows end in the same top value, and each
    /// level is a function of the level below (rebuilding through `Hierarchy.init` checks that).
    func assertWellFormed(_ h: Hierarchy, values: [String], top: String = "*", file: StaticString = #filePath, line: UInt = #line) {
        var seen = Set<String>()
        let distinct = values.filter { seen.insert($0).inserted }
        XCTAssertEqual(h.leaves, distinct, "leaves", file: file, line: line)
        XCTAssertEqual(h.values(atLevel: h.topLevel), [top], "top level", file: file, line: line)
        for leaf in distinct { XCTAssertEqual(h.value(leaf, level: 0), leaf, file: file, line: line) }
        XCTAssertNoThrow(try Hierarchy(rows: h.leaves.map { h.table[$0]! }), file: file, line: line)
        for level in 1..<h.levelCount {
            var parent: [String: String] = [:]
            for leaf in h.leaves {
                let below = h.value(leaf, level: level - 1)!, above = h.value(leaf, level: level)!
                if let p = parent[below] { XCTAssertEqual(p, above, "tree at level \(level)", file: file, line: line) }
                parent[below] = above
            }
        }
    }

    func row(_ h: Hierarchy, _ leaf: String) -> [String] { h.table[leaf] ?? [] }

    func reason(_ body: () throws -> Any) -> String {
        do { _ = try body(); return "" } catch let e as HierarchyError { return e.reason } catch { return "\(error)" }
    }

    // MARK: intervals

    func testIntegerIntervalsWithBottomAndTopCoding() throws {
        let values = ["23", "17", "42", "95", "3", "61", "23", "８０", ""]
        let h = try HierarchyBuilders.intervals(values: values, widths: [5, 10, 20], bottom: 15, top: 80)
        assertWellFormed(h, values: values)
        XCTAssertEqual(h.levelCount, 5)
        XCTAssertEqual(row(h, "23"), ["23", "20-24", "20-29", "20-39", "*"])
        XCTAssertEqual(row(h, "17"), ["17", "15-19", "15-19", "15-19", "*"], "buckets are clipped at bottom")
        XCTAssertEqual(row(h, "3"), ["3", "<15", "<15", "<15", "*"])
        XCTAssertEqual(row(h, "95"), ["95", ">=80", ">=80", ">=80", "*"])
        XCTAssertEqual(row(h, "８０"), ["８０", ">=80", ">=80", ">=80", "*"], "full-width digits, top is inclusive")
        XCTAssertEqual(row(h, "61"), ["61", "60-64", "60-69", "60-79", "*"], "clipped at top")
        XCTAssertEqual(row(h, ""), ["", "*", "*", "*", "*"], "missing value")
    }

    func testDecimalIntervalsUseHalfOpenLabels() throws {
        let values = ["1.5", "0.3", "2.25", "-0.4"]
        let h = try HierarchyBuilders.intervals(values: values, widths: [0.1, 0.5, 1])
        assertWellFormed(h, values: values)
        XCTAssertEqual(row(h, "0.3"), ["0.3", "[0.3,0.4)", "[0.0,0.5)", "[0.0,1.0)", "*"])
        XCTAssertEqual(row(h, "2.25"), ["2.25", "[2.2,2.3)", "[2.0,2.5)", "[2.0,3.0)", "*"])
        XCTAssertEqual(row(h, "-0.4"), ["-0.4", "[-0.4,-0.3)", "[-0.5,0.0)", "[-1.0,0.0)", "*"])
    }

    func testIntervalsRejectNonNestingWidthsAndNonNumbers() {
        XCTAssertTrue(reason { try HierarchyBuilders.intervals(values: ["1"], widths: [5, 12]) }.contains("whole multiple"))
        XCTAssertTrue(reason { try HierarchyBuilders.intervals(values: ["1"], widths: [10, 5]) }.contains("whole multiple"))
        XCTAssertTrue(reason { try HierarchyBuilders.intervals(values: ["1"], widths: [0]) }.contains("positive"))
        XCTAssertTrue(reason { try HierarchyBuilders.intervals(values: ["1"], widths: [5], bottom: 50, top: 10) }.contains("below top"))
        let r = reason { try HierarchyBuilders.intervals(values: ["12", "山田太郎", "abc", "nan", "12"], widths: [5]) }
        XCTAssertEqual(r, "non-numeric values in the column (3 distinct values)")
        XCTAssertFalse(r.contains("山田"))
        XCTAssertEqual(reason { try HierarchyBuilders.intervals(values: ["0x10"], widths: [5]) }, "a non-numeric value in the column (1 distinct value)")
    }

    func testIntervalsWithoutWidthsAreValueThenStar() throws {
        let h = try HierarchyBuilders.intervals(values: ["1", "2"], widths: [])
        XCTAssertEqual(row(h, "1"), ["1", "*"])
    }

    // MARK: dates

    func testDatesInManyFormsAndEras() throws {
        let values = ["2024-03-01", "2024/3/1", "2024年3月15日", "昭和55年3月1日", "平成元年1月8日", "令和2年12月31日",
                      "S55.3.1", "H2.3.1", "R2.3.1", "２０１９／０５／０１", "令和元年５月１日", "㍻31年4月30日", "1999.12.31"]
        let h = try HierarchyBuilders.dates(values: values)
        assertWellFormed(h, values: values)
        XCTAssertEqual(row(h, "2024-03-01"), ["2024-03-01", "2024-03-01", "2024-03", "2024", "2020s", "*"])
        XCTAssertEqual(row(h, "2024/3/1"), ["2024/3/1", "2024-03-01", "2024-03", "2024", "2020s", "*"])
        XCTAssertEqual(row(h, "2024年3月15日")[1], "2024-03-15")
        XCTAssertEqual(row(h, "昭和55年3月1日")[1], "1980-03-01")
        XCTAssertEqual(row(h, "S55.3.1")[1], "1980-03-01")
        XCTAssertEqual(row(h, "平成元年1月8日")[1], "1989-01-08")
        XCTAssertEqual(row(h, "H2.3.1")[1], "1990-03-01")
        XCTAssertEqual(row(h, "令和2年12月31日")[1], "2020-12-31")
        XCTAssertEqual(row(h, "R2.3.1")[1], "2020-03-01")
        XCTAssertEqual(row(h, "令和元年５月１日")[1], "2019-05-01")
        XCTAssertEqual(row(h, "２０１９／０５／０１")[1], "2019-05-01")
        XCTAssertEqual(row(h, "㍻31年4月30日")[1], "2019-04-30")
        XCTAssertEqual(row(h, "1999.12.31")[4], "1990s")
    }

    func testDateLevelsSubsetAndErrors() throws {
        let h = try HierarchyBuilders.dates(values: ["2024-03-01", "大正15年12月24日"], levels: [.month, .year, .decade])
        XCTAssertEqual(row(h, "大正15年12月24日"), ["大正15年12月24日", "1926-12", "1926", "1920s", "*"])
        XCTAssertTrue(reason { try HierarchyBuilders.dates(values: ["1"], levels: [.year, .month]) }.contains("fine to coarse"))
        let r = reason { try HierarchyBuilders.dates(values: ["2023-02-29", "2024-13-01", "平成0年1月1日", "昨日", "2024-02-29"]) }
        XCTAssertEqual(r, "values that are not recognised dates (4 distinct values)")
    }

    // MARK: masking

    func testPostalMaskLevels() throws {
        let values = ["123-4567", "123-4599", "160-0023", "〒530-0001", "１２３－４５６７"]
        let h = try HierarchyBuilders.masking(values: values, maskedCounts: [2, 4, 6])
        assertWellFormed(h, values: values)
        XCTAssertEqual(row(h, "123-4567"), ["123-4567", "123-45**", "123-****", "1**-****", "*"])
        XCTAssertEqual(row(h, "〒530-0001"), ["〒530-0001", "〒530-00**", "〒530-****", "〒5**-****", "*"])
        XCTAssertEqual(row(h, "１２３－４５６７"), ["１２３－４５６７", "１２３－４５**", "１２３－****", "１**－****", "*"])
        XCTAssertEqual(h.value("123-4599", level: 2), h.value("123-4567", level: 2))
    }

    func testDefaultMaskCountsAndMixedLengths() throws {
        let values = ["AB-12", "XYZ9", "Q"]
        let h = try HierarchyBuilders.masking(values: values)
        assertWellFormed(h, values: values)
        XCTAssertEqual(row(h, "AB-12"), ["AB-12", "AB-1*", "AB-**", "A*-**", "*"])
        XCTAssertEqual(row(h, "XYZ9"), ["XYZ9", "XYZ*", "XY**", "X***", "*"])
        XCTAssertEqual(row(h, "Q"), ["Q", "*", "*", "*", "*"])
        XCTAssertTrue(reason { try HierarchyBuilders.masking(values: ["1"], maskedCounts: [2, 2]) }.contains("increase"))
        XCTAssertTrue(reason { try HierarchyBuilders.masking(values: ["1"], maskedCounts: [0]) }.contains("positive"))
    }

    func testMaskStaysATreeWhenDataAlreadyHoldsStars() throws {
        let values = ["123-45**", "123-4567", "12*-4567"]
        let h = try HierarchyBuilders.masking(values: values, maskedCounts: [2, 4])
        assertWellFormed(h, values: values)
    }

    // MARK: Japanese addresses

    func testJapaneseAddressLevels() throws {
        let values = [
            "東京都新宿区西新宿2-8-1", "大阪府大阪市北区梅田1-1", "北海道札幌市中央区北1条西2丁目", "埼玉県入間郡三芳町藤久保1100-1",
            "〒100-0005 東京都千代田区丸の内1-1", "神奈川県横浜市中区本町6-50-10", "東京都八王子市元本郷町3-24-1",
            "三重県四日市市諏訪町1-5", "福島県郡山市朝日1-23-7", "北海道余市郡余市町朝日町26", "東京都",
            "愛知県蒲郡市旭町17-1", "沖縄県島尻郡与那原町上与那原16",
        ]
        let built = try HierarchyBuilders.japaneseAddress(values: values)
        let h = built.hierarchy
        assertWellFormed(h, values: values, top: "日本")
        XCTAssertEqual(built.warnings, [])
        XCTAssertEqual(row(h, "東京都新宿区西新宿2-8-1"), ["東京都新宿区西新宿2-8-1", "東京都新宿区", "東京都", "関東", "日本"])
        XCTAssertEqual(row(h, "大阪府大阪市北区梅田1-1"), ["大阪府大阪市北区梅田1-1", "大阪府大阪市", "大阪府", "近畿", "日本"])
        XCTAssertEqual(row(h, "北海道札幌市中央区北1条西2丁目")[1...], ["北海道札幌市", "北海道", "北海道", "日本"])
        XCTAssertEqual(row(h, "埼玉県入間郡三芳町藤久保1100-1")[1...], ["埼玉県入間郡三芳町", "埼玉県", "関東", "日本"])
        XCTAssertEqual(row(h, "〒100-0005 東京都千代田区丸の内1-1")[1], "東京都千代田区")
        XCTAssertEqual(row(h, "神奈川県横浜市中区本町6-50-10")[1], "神奈川県横浜市")
        XCTAssertEqual(row(h, "東京都八王子市元本郷町3-24-1")[1], "東京都八王子市")
        XCTAssertEqual(row(h, "三重県四日市市諏訪町1-5")[1...], ["三重県四日市市", "三重県", "近畿", "日本"])
        XCTAssertEqual(row(h, "福島県郡山市朝日1-23-7")[1...], ["福島県郡山市", "福島県", "東北", "日本"])
        XCTAssertEqual(row(h, "北海道余市郡余市町朝日町26")[1], "北海道余市郡余市町")
        XCTAssertEqual(row(h, "愛知県蒲郡市旭町17-1")[1...], ["愛知県蒲郡市", "愛知県", "中部", "日本"])
        XCTAssertEqual(row(h, "沖縄県島尻郡与那原町上与那原16")[1...], ["沖縄県島尻郡与那原町", "沖縄県", "九州・沖縄", "日本"])
        XCTAssertEqual(row(h, "東京都")[1...], ["東京都", "東京都", "関東", "日本"])
        let tricky = ["長野県大町市大町3887": "長野県大町市", "佐賀県杵島郡大町町大町5017": "佐賀県杵島郡大町町",
                      "東京都武蔵村山市本町1-1-1": "東京都武蔵村山市", "東京都西多摩郡奥多摩町氷川": "東京都西多摩郡奥多摩町",
                      "山形県西村山郡河北町谷地": "山形県西村山郡河北町", "千葉県市川市八幡1": "千葉県市川市",
                      "東京都町田市森野2": "東京都町田市", "奈良県大和郡山市北郡山町248": "奈良県大和郡山市"]
        let trickyTree = try HierarchyBuilders.japaneseAddress(values: Array(tricky.keys)).hierarchy
        for (address, municipality) in tricky { XCTAssertEqual(trickyTree.value(address, level: 1), municipality, address) }
        // Wards of one designated city all land on the same municipality.
        XCTAssertEqual(h.values(atLevel: 1).filter { $0.hasSuffix("大阪市") }, ["大阪府大阪市"])
    }

    func testAddressesWithoutPrefecture() throws {
        let values = ["横浜市中区本町6-50-10", "福岡市博多区博多駅前1", "新宿区西新宿2-8-1", "〒5300001大阪市北区梅田1-1",
                      "八王子市元本郷町3-24-1", "Main Street 1", "", "さいたま市浦和区高砂3-15-1"]
        let built = try HierarchyBuilders.japaneseAddress(values: values)
        let h = built.hierarchy
        assertWellFormed(h, values: values, top: "日本")
        XCTAssertEqual(row(h, "横浜市中区本町6-50-10")[1...], ["神奈川県横浜市", "神奈川県", "関東", "日本"])
        XCTAssertEqual(row(h, "福岡市博多区博多駅前1")[1...], ["福岡県福岡市", "福岡県", "九州・沖縄", "日本"])
        XCTAssertEqual(row(h, "新宿区西新宿2-8-1")[1...], ["東京都新宿区", "東京都", "関東", "日本"])
        XCTAssertEqual(row(h, "〒5300001大阪市北区梅田1-1")[1], "大阪府大阪市")
        XCTAssertEqual(row(h, "さいたま市浦和区高砂3-15-1")[1], "埼玉県さいたま市")
        for unknown in ["八王子市元本郷町3-24-1", "Main Street 1", ""] {
            XCTAssertEqual(row(h, unknown)[1...], ["不明", "不明", "不明", "日本"])
        }
        XCTAssertEqual(built.warnings, ["3 addresses with no recognisable prefecture placed under '不明'"])
    }

    func testAllPrefecturesHaveOneOfEightRegions() {
        XCTAssertEqual(HierarchyBuilders.prefectures.count, 47)
        XCTAssertEqual(Set(HierarchyBuilders.prefectures).count, 47)
        XCTAssertEqual(Set(HierarchyBuilders.prefectureRegions.map(\.region)),
                       ["北海道", "東北", "関東", "中部", "近畿", "中国", "四国", "九州・沖縄"])
        XCTAssertEqual(HierarchyBuilders.designatedCityPrefecture.count, 20)
        XCTAssertEqual(HierarchyBuilders.tokyoWards.count, 23)
        for p in HierarchyBuilders.designatedCityPrefecture.values { XCTAssertNotNil(HierarchyBuilders.regionOfPrefecture[p]) }
    }

    // MARK: categorical

    func testCategoricalMappingWithFallback() throws {
        let values = ["Japan", "France", "China", "Atlantis", "日本", "Atlantis"]
        let built = try HierarchyBuilders.categorical(values: values, levels: [
            ["Japan": "Asia", "China": "Asia", "France": "Europe", "日本": "アジア"],
            ["Asia": "*", "Europe": "*", "アジア": "*"],
        ])
        let h = built.hierarchy
        assertWellFormed(h, values: values)
        XCTAssertEqual(h.levelCount, 3)
        XCTAssertEqual(row(h, "Japan"), ["Japan", "Asia", "*"])
        XCTAssertEqual(row(h, "日本"), ["日本", "アジア", "*"])
        XCTAssertEqual(row(h, "Atlantis"), ["Atlantis", "*", "*"])
        XCTAssertEqual(built.warnings, ["level 1: 1 data value not in the mapping, placed under '*'"])
        XCTAssertFalse(built.warnings.joined().contains("Atlantis"))
    }

    func testCategoricalCustomFallbackAddsTopLevel() throws {
        let built = try HierarchyBuilders.categorical(values: ["Japan", "Mars", "Peru"],
                                                      levels: [["Japan": "Asia", "Peru": "Americas"], ["Asia": "World"]],
                                                      fallback: "Other")
        let h = built.hierarchy
        assertWellFormed(h, values: ["Japan", "Mars", "Peru"])
        XCTAssertEqual(row(h, "Japan"), ["Japan", "Asia", "World", "*"])
        XCTAssertEqual(row(h, "Mars"), ["Mars", "Other", "Other", "*"])
        XCTAssertEqual(row(h, "Peru"), ["Peru", "Americas", "Other", "*"])
        XCTAssertEqual(built.warnings.count, 2)
        XCTAssertTrue(built.warnings[1].hasPrefix("level 2: 1 level-1 group not"))
    }

    func testMappingYAML() throws {
        let yaml = """
        fallback: その他
        levels:
          - Asia: [Japan, China]
            Europe: France
          - "*": [Asia, Europe]
        """
        let m = try CategoricalMapping.parse(yaml: yaml)
        XCTAssertEqual(m.fallback, "その他")
        XCTAssertEqual(m.levels, [["Japan": "Asia", "China": "Asia", "France": "Europe"], ["Asia": "*", "Europe": "*"]])

        let twice = "levels:\n  - Asia: [Japan]\n    Europe:\n      - France\n      - Japan\n"
        XCTAssertThrowsError(try CategoricalMapping.parse(yaml: twice, source: "m.yaml")) { e in
            XCTAssertEqual((e as? HierarchyError)?.line, 5)
            XCTAssertTrue((e as? HierarchyError)?.reason.contains("two groups") ?? false)
        }
        XCTAssertThrowsError(try CategoricalMapping.parse(yaml: "levels: [[a]]")) { e in
            XCTAssertTrue((e as? HierarchyError)?.reason.contains("level 1") ?? false)
        }
        XCTAssertThrowsError(try CategoricalMapping.parse(yaml: "level: []")) { e in
            XCTAssertTrue((e as? HierarchyError)?.reason.contains("unknown key") ?? false)
        }
        XCTAssertThrowsError(try CategoricalMapping.parse(yaml: "levels: [a: [b\n")) { e in
            XCTAssertEqual((e as? HierarchyError)?.reason, "not valid YAML")
        }
    }

    // MARK: spec

    func testSpecParsing() throws {
        XCTAssertEqual(try HierarchySpec.parse("interval:5,10,20;bottom=15;top=90"), .interval(widths: [5, 10, 20], bottom: 15, top: 90))
        XCTAssertEqual(try HierarchySpec.parse("interval:0.5,1"), .interval(widths: [0.5, 1], bottom: nil, top: nil))
        XCTAssertEqual(try HierarchySpec.parse("date:month,year,decade"), .date(levels: [.month, .year, .decade]))
        XCTAssertEqual(try HierarchySpec.parse("date"), .date(levels: [.day, .month, .year, .decade]))
        XCTAssertEqual(try HierarchySpec.parse("mask:2,4,6"), .mask(counts: [2, 4, 6]))
        XCTAssertEqual(try HierarchySpec.parse("mask"), .mask(counts: nil))
        XCTAssertEqual(try HierarchySpec.parse("postal"), .mask(counts: [2, 4, 6]))
        XCTAssertEqual(try HierarchySpec.parse("JP-Address"), .japaneseAddress)
        XCTAssertEqual(try HierarchySpec.parse("map:regions.yaml;fallback=Other"), .mapFile(path: "regions.yaml", fallback: "Other"))
        XCTAssertEqual(try HierarchySpec.parse("arx:h/age;v2.csv"), .arxFile(path: "h/age;v2.csv"))
        XCTAssertEqual(try HierarchySpec.parse("hierarchies/age.csv"), .arxFile(path: "hierarchies/age.csv"))
    }

    func testSpecParsingErrors() {
        func specReason(_ s: String) -> String { reason { try HierarchySpec.parse(s) } }
        XCTAssertTrue(specReason("").contains("empty"))
        XCTAssertTrue(specReason("bucket:5").contains("unknown hierarchy kind"))
        XCTAssertTrue(specReason("interval").contains("needs widths"))
        XCTAssertTrue(specReason("interval:5,x").contains("'x' is not a number"))
        XCTAssertTrue(specReason("interval:5,10;bottom").contains("name=value"))
        XCTAssertTrue(specReason("interval:5;floor=3").contains("no option 'floor'"))
        XCTAssertTrue(specReason("interval:5;top=1;top=2").contains("twice"))
        XCTAssertTrue(specReason("date:week").contains("unknown date level"))
        XCTAssertTrue(specReason("mask:2,x").contains("whole number"))
        XCTAssertTrue(specReason("postal:2").contains("no arguments"))
        XCTAssertTrue(specReason("map:").contains("needs a file"))
        XCTAssertTrue(specReason("arx:").contains("needs a file"))
        for spec in ["", "bucket:5", "interval:5,x"] {
            XCTAssertThrowsError(try HierarchySpec.parse(spec)) { XCTAssertTrue($0 is HierarchyError) }
        }
    }

    func testSpecBuildsEachKind() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-hier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let ages = ["34", "71", "18"]
        let interval = try HierarchySpec.parse("interval:5,10,20;bottom=20;top=70").build(values: ages)
        assertWellFormed(interval, values: ages)
        XCTAssertEqual(row(interval, "18")[1], "<20")

        let postal = try HierarchySpec.parse("postal").build(values: ["123-4567"])
        XCTAssertEqual(row(postal, "123-4567"), ["123-4567", "123-45**", "123-****", "1**-****", "*"])

        let dates = try HierarchySpec.parse("date:year,decade").build(values: ["平成元年1月8日"])
        XCTAssertEqual(row(dates, "平成元年1月8日"), ["平成元年1月8日", "1989", "1980s", "*"])

        let address = try HierarchySpec.parse("jp-address").build(values: ["京都市左京区"])
        XCTAssertEqual(row(address, "京都市左京区")[1...], ["京都府京都市", "京都府", "近畿", "日本"])

        let mapPath = dir.appendingPathComponent("countries.yaml").path
        try "levels:\n  - Asia: [Japan]\n  - \"*\": [Asia]\n".write(toFile: mapPath, atomically: true, encoding: .utf8)
        let built = try HierarchySpec.parse("map:\(mapPath);fallback=Other").buildWithWarnings(values: ["Japan", "Chile"])
        XCTAssertEqual(row(built.hierarchy, "Chile"), ["Chile", "Other", "Other", "*"])
        XCTAssertEqual(built.warnings, ["level 1: 1 data value not in the mapping, placed under 'Other'"], "the fallback carried upward is not counted again")

        let arxPath = dir.appendingPathComponent("age.csv").path
        try "1;1-2;*\n2;1-2;*\n3;3-4;*\n4;3-4;*\n".write(toFile: arxPath, atomically: true, encoding: .utf8)
        let arx = try HierarchySpec.parse(arxPath).build(values: ["3", "1"])
        XCTAssertEqual(arx.leaves, ["1", "2", "3", "4"])  // all rows kept: they are the domain ARX's Loss counts
        XCTAssertEqual(row(arx, "3"), ["3", "3-4", "*"])
        XCTAssertEqual(reason { try HierarchySpec.parse("arx:\(arxPath)").build(values: ["1", "9", "10"]) },
                       "values in the data are not leaves of the hierarchy (2 distinct values)")
        XCTAssertThrowsError(try HierarchySpec.parse("map:\(dir.path)/missing.yaml").build(values: ["a"])) { e in
            XCTAssertEqual((e as? HierarchyError)?.reason, "cannot read file")
        }
    }
}
