import Foundation
import XCTest
@testable import SumiTable

final class ClassificationClassifierTests: XCTestCase {
    private let people: [[String]] = [
        ["山田 太郎", "taro.yamada@example.co.jp", "090-1234-5678", "1985/04/12", "男", "38", "東京都"],
        ["佐藤 花子", "hanako.sato@example.jp", "080-2345-6789", "1972/11/03", "女", "51", "大阪府"],
        ["鈴木 一郎", "ichiro@example.com", "03-3456-7890", "1990/01/25", "男", "33", "神奈川県"],
        ["高橋 美咲", "misaki.t@example.ne.jp", "070-4567-8901", "1968/07/30", "女", "55", "愛知県"],
        ["田中 健太", "kenta.tanaka@example.org", "06-5678-9012", "2001/09/14", "男", "22", "福岡県"],
        ["伊藤 由美", "yumi.ito@example.co.jp", "090-6789-0123", "1979/03/08", "女", "44", "北海道"],
        ["渡辺 大輔", "d.watanabe@example.com", "080-7890-1234", "1958/12/19", "男", "65", "京都府"],
        ["中村 さくら", "sakura.n@example.jp", "070-8901-2345", "1995/05/05", "女", "28", "兵庫県"],
        ["小林 直樹", "naoki.k@example.com", "045-901-2345", "1983/08/21", "男", "40", "埼玉県"],
        ["加藤 恵子", "keiko.kato@example.ne.jp", "090-0123-4567", "1949/02/11", "女", "74", "千葉県"],
    ]

    func testValuesDecideWithoutHeader() throws {
        let result = try TableFixtures.classifier().classify(header: nil, rows: people)
        XCTAssertEqual(result.columns.map(\.label),
                       ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH", "SEX", "AGE", "REGION"])
        XCTAssertEqual(result.columns.map(\.role),
                       [.identifier, .identifier, .identifier, .quasiIdentifier, .quasiIdentifier, .quasiIdentifier, .quasiIdentifier])
        for c in result.columns {
            XCTAssertEqual(c.evidence.decision, .valuesOnly, "column \(c.index)")
            XCTAssertGreaterThan(c.share, 0.5)
            XCTAssertNil(c.name)
        }
        XCTAssertEqual(result.columns[1].share, 1)
    }

    func testCapitalizedLegacyNamesAreStillNames() throws {
        let rows = ["SMITH, SOPHIE", "JOHNSON, MICHAEL", "WILLIAMS, EMILY", "BROWN, DAVID", "JONES, SARAH",
                    "GARCIA, MARIA", "MILLER, JAMES", "DAVIS, JENNIFER"].map { [$0] }
        let result = try TableFixtures.classifier().classify(header: nil, rows: rows)
        XCTAssertEqual(result.columns[0].label, "PERSON")
        XCTAssertEqual(result.columns[0].role, .identifier)
        XCTAssertTrue(ColumnClassifier.isUpperCaseASCII("SMITH, SOPHIE"))
        XCTAssertFalse(ColumnClassifier.isUpperCaseASCII("Smith"))
        XCTAssertFalse(ColumnClassifier.isUpperCaseASCII("山田 A"))
    }

    func testMeaninglessHeadersAreLikeNoHeader() throws {
        let header = ["col1", "項目2", "Column 3", "field4", "5", "", "Unnamed: 6"]
        let result = try TableFixtures.classifier().classify(header: header, rows: people)
        XCTAssertEqual(result.columns.map(\.label),
                       ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH", "SEX", "AGE", "REGION"])
        XCTAssertEqual(result.columns[0].name, "col1")
        XCTAssertEqual(result.columns[0].evidence.headerMatch, .placeholder)
    }

    func testHeaderAndValuesAgree() throws {
        let header = ["氏名", "メール", "電話番号", "生年月日", "性別", "年齢", "都道府県"]
        let result = try TableFixtures.classifier().classify(header: header, rows: people)
        XCTAssertEqual(result.columns.map(\.label),
                       ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_OF_BIRTH", "SEX", "AGE", "REGION"])
        for c in result.columns {
            XCTAssertEqual(c.evidence.decision, .agree, "column \(c.index)")
            XCTAssertGreaterThan(c.confidence, 0.95)
        }
    }

    func testDisagreementStrongValidatedValuesWin() throws {
        // A record-number header over e-mail addresses: validated value evidence overrules it.
        let rows = people.map { [$0[1], $0[4], ""] }
        let result = try TableFixtures.classifier().classify(header: ["会員番号", "電話番号", "氏名"], rows: rows)
        XCTAssertEqual(result.columns[0].label, "EMAIL_ADDRESS")
        XCTAssertEqual(result.columns[0].evidence.decision, .valuesOverHeader)
        XCTAssertEqual(result.columns[0].evidence.headerLabel, "RECORD_ID")
        // A phone header over 男/女: shape evidence is not strong enough, the header stays but
        // with less confidence than an agreeing column.
        XCTAssertEqual(result.columns[1].label, "PHONE_NUMBER")
        XCTAssertEqual(result.columns[1].evidence.decision, .headerOverValues)
        XCTAssertEqual(result.columns[1].evidence.valueLabel, "SEX")
        XCTAssertLessThan(result.columns[1].confidence, 0.6)
        // An empty column keeps its header's label with no value share.
        XCTAssertEqual(result.columns[2].label, "PERSON")
        XCTAssertEqual(result.columns[2].evidence.decision, .headerOnly)
        XCTAssertEqual(result.columns[2].share, 0)
    }

    func testKeywordHeaderYieldsToValues() throws {
        // `pay period end` matches `pay` (not personal) by keyword only; the values are dates.
        let rows = (1...12).map { ["2025/\($0)/28", "\($0 * 1000)"] }
        let result = try TableFixtures.classifier().classify(header: ["Pay Period End", "Gross Pay"], rows: rows)
        XCTAssertEqual(result.columns[0].label, "DATE")
        XCTAssertEqual(result.columns[0].evidence.decision, .valuesOverHeader)
        XCTAssertNil(result.columns[1].label)
        XCTAssertEqual(result.columns[1].role, .other)
    }

    func testFreeTextCellsAreScannedLikeDocuments() throws {
        let comments = [
            "受付の方の対応がとても丁寧で、待ち時間も短く満足しています。ありがとうございました。",
            "持病の2型糖尿病で毎月通っていますが、先生が丁寧に説明してくれるので安心です。",
            "駐車場が狭く、停めるのに苦労しました。改善をお願いします。次回からは電車で来ます。",
            "母がうつ病で通院しており、付き添いで来ています。家族への配慮もありがたいです。",
            "Please call me back at 090-1234-5678 after five; my name is John Smith, thank you.",
            "オンライン予約ができるようになって便利になりました。今後も利用したいです。",
        ]
        let rows = comments.enumerated().map { ["\($0.offset + 1)", $0.element] }
        let result = try TableFixtures.classifier().classify(header: ["No", "ご意見"], rows: rows)
        let column = result.columns[1]
        XCTAssertEqual(column.label, "FREE_TEXT")
        XCTAssertEqual(column.role, .sensitive)
        XCTAssertEqual(column.evidence.decision, .freeText)
        XCTAssertFalse(result.cellFindings.isEmpty)
        XCTAssertTrue(result.cellFindings.allSatisfy { $0.column == 1 })
        // Offsets are code points within the cell.
        func text(_ f: CellFinding) -> String {
            let scalars = Array(comments[f.row].unicodeScalars)
            return String(String.UnicodeScalarView(scalars[f.start..<f.end]))
        }
        let found = Set(result.cellFindings.map { "\($0.row):\($0.label):\(text($0))" })
        XCTAssertTrue(found.contains("1:MEDICAL:2型糖尿病"), "\(found)")
        XCTAssertTrue(found.contains("3:MEDICAL:うつ病"), "\(found)")
        XCTAssertTrue(found.contains("4:PHONE_NUMBER:090-1234-5678"), "\(found)")
        XCTAssertTrue(found.contains("4:PERSON:John Smith"), "\(found)")
    }

    func testLongValuesWithoutHeaderAreFreeText() throws {
        let rows = (0..<10).map { i in
            ["The delivery was late again this week and the box was damaged when it finally arrived, order \(i)."]
        }
        let result = try TableFixtures.classifier().classify(header: nil, rows: rows)
        XCTAssertEqual(result.columns[0].label, "FREE_TEXT")
        XCTAssertEqual(result.columns[0].role, .other)
    }

    func testOutputIsCodableWithPlainKeysAndNoValues() throws {
        let header = ["氏名", "メール", "電話番号", "生年月日", "性別", "年齢", "都道府県", "備考"]
        let rows = people.map { $0 + ["山田様より、折り返しの電話を090-9999-8888にほしいとのことでした。担当者へ連絡済み。"] }
        let result = try TableFixtures.classifier().classify(header: header, rows: rows)
        let data = try JSONEncoder().encode(result)
        let json = String(decoding: data, as: UTF8.self)
        for row in rows { for v in row where v.count >= 4 { XCTAssertFalse(json.contains(v), "value leaked into output") } }
        XCTAssertFalse(json.contains("090-9999-8888"))
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        XCTAssertNotNil(object["cell_findings"])
        let first = (object["columns"] as! [[String: Any]])[0]
        for key in ["name", "index", "label", "role", "share", "confidence"] { XCTAssertNotNil(first[key], key) }
        XCTAssertEqual(first["role"] as? String, "identifier")
        let decoded = try JSONDecoder().decode(TableClassification.self, from: data)
        XCTAssertEqual(decoded, result)
        // A column that is not personal data says so with an explicit null label.
        let other = try TableFixtures.classifier().classify(header: ["数量"], rows: [["1"], ["2"]])
        let otherJSON = String(decoding: try JSONEncoder().encode(other), as: UTF8.self)
        XCTAssertTrue(otherJSON.contains("\"label\":null"), otherJSON)
    }
}
