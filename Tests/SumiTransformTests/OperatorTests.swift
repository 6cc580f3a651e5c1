import Foundation
import XCTest
@testable import SumiTransform
import SumiCore

final class OperatorTests: XCTestCase {
    let key = Data("a-test-key-of-32-bytes-for-hmac!".utf8)
    func ctx(_ key: Data? = nil) -> OperatorContext { OperatorContext(key: key, referenceDate: (2026, 11, 30)) }

    func testRedactAndReplace() throws {
        let c = ctx()
        XCTAssertEqual(try Operator.redact.apply("山田太郎", label: "PERSON", context: c), "")
        XCTAssertEqual(try Operator.replace(template: "<{label}>").apply("山田太郎", label: "PERSON", context: c), "<PERSON>")
        XCTAssertEqual(try Operator.replace(template: "[氏名]").apply("山田太郎", label: "PERSON", context: c), "[氏名]")
        let n = Operator.replace(template: "{label}_{n}")
        XCTAssertEqual(try n.apply("山田太郎", label: "PERSON", context: c), "PERSON_1")
        XCTAssertEqual(try n.apply("佐藤花子", label: "PERSON", context: c), "PERSON_2")
        XCTAssertEqual(try n.apply("山田 太郎", label: "PERSON", context: c), "PERSON_1", "spacing does not make a new value")
    }

    func testMaskKeepsSeparatorsAndEnds() {
        XCTAssertEqual(Operator.mask("090-1234-5678", "*", 3, 4, true, false), "090-****-5678")
        XCTAssertEqual(Operator.mask("０９０－１２３４－５６７８", "*", 0, 4, true, false), "***－****－５６７８")
        XCTAssertEqual(Operator.mask("山田太郎", "＊", 1, 0, false, false), "山＊＊＊")
        XCTAssertEqual(Operator.mask("ID: A12-34", "#", 0, 0, false, true), "ID: A##-##")
        XCTAssertEqual(Operator.mask("123\n456", "*", 0, 0, true, false), "***\n***", "a value across a line break keeps the break")
    }

    func testPseudonymizeIsKeyedStableAndNormalized() throws {
        let p = Operator.pseudonymize(length: 8)
        let a = try p.apply("090-1234-5678", label: "PHONE_NUMBER", context: ctx(key))
        XCTAssertTrue(a.hasPrefix("PHONE_NUMBER_"))
        XCTAssertEqual(a.count, "PHONE_NUMBER_".count + 8)
        XCTAssertEqual(try p.apply("０９０１２３４５６７８", label: "PHONE_NUMBER", context: ctx(key)), a, "full-width and separators are one value")
        XCTAssertNotEqual(try p.apply("090-1234-5678", label: "PHONE_NUMBER", context: ctx(Data("another-key-of-32-bytes-for-hmac".utf8))), a)
        XCTAssertNotEqual(try p.apply("090-1234-5679", label: "PHONE_NUMBER", context: ctx(key)), a)
        XCTAssertThrowsError(try p.apply("x", label: "PERSON", context: ctx())) { XCTAssertEqual($0 as? OperatorError, .keyRequired) }
        XCTAssertEqual(try p.apply("山田\n太郎", label: "PERSON", context: ctx(key)), try p.apply("山田太郎", label: "PERSON", context: ctx(key)),
                       "a value broken by a line break is the same value")
    }

    func testSurrogatesAreRealisticDeterministicAndValid() throws {
        let c = ctx(key)
        c.names = SurrogateNames(rules: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules"))
        let s = Operator.surrogate
        let ja = try s.apply("山田 太郎", label: "PERSON", context: c)
        XCTAssertNotEqual(ja, "山田 太郎")
        XCTAssertTrue(ja.contains(" ") && ja.unicodeScalars.allSatisfy { $0 == " " || $0.value >= 0x3000 }, ja)
        XCTAssertEqual(try s.apply("山田 太郎", label: "PERSON", context: c), ja, "deterministic")
        let reading = try s.apply("ヤマダ タロウ", label: "PERSON", context: c)
        XCTAssertTrue(reading.unicodeScalars.allSatisfy { $0 == " " || (0x30A0...0x30FF).contains($0.value) }, reading)
        let en = try s.apply("John Smith", label: "PERSON", context: c)
        XCTAssertEqual(en.split(separator: " ").count, 2)
        let phone = try s.apply("090-1234-5678", label: "PHONE_NUMBER", context: c)
        XCTAssertTrue(phone.hasPrefix("090-") && phone.count == 13 && phone != "090-1234-5678", phone)
        let myNumber = try s.apply("1234 5678 9018", label: "JP_MY_NUMBER", context: c)
        XCTAssertEqual(Validators.check("my_number", myNumber), true, myNumber)
        let card = try s.apply("4111 1111 1111 1111", label: "CREDIT_CARD", context: c)
        XCTAssertEqual(Validators.check("luhn", card), true, card)
        XCTAssertTrue(card.hasPrefix("4111 "))
        let address = try s.apply("東京都千代田区丸の内1丁目2番3号", label: "ADDRESS", context: c)
        XCTAssertTrue(address.hasPrefix("東京都千代田区") && address != "東京都千代田区丸の内1丁目2番3号", address)
        let email = try s.apply("taro@example.co.jp", label: "EMAIL_ADDRESS", context: c)
        XCTAssertTrue(email.hasSuffix("@example.com"))
    }

    func testSurrogateReadingAgreesWithTheFakeName() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules")
        let c = ctx(key)
        c.names = SurrogateNames(rules: root)
        let text = "氏名：山田 太郎\nフリガナ：ヤマダ タロウ\n"
        let findings = RuleScanner(pack: try RulePack(directory: root)).scan(text)
        var policy = Policy()
        policy.defaultOperator = .surrogate
        let out = String(decoding: try Redactor.redact(utf8: Array(text.utf8), findings: findings, policy: policy, context: c).text, as: UTF8.self)
        let lines = out.split(separator: "\n")
        let fakeName = String(lines[0].dropFirst(3)), fakeReading = String(lines[1].dropFirst(5))
        XCTAssertNotEqual(fakeName, "山田 太郎")
        let parts = fakeReading.split(separator: " ").map(String.init)
        XCTAssertEqual(parts.count, 2, out)
        let names = c.names!
        XCTAssertTrue(names.jaSurnames.contains { $0.name == String(fakeName.split(separator: " ")[0]) && $0.reading == parts[0] }, out)
    }

    func testTokenMapIsSealedUnderTheKey() throws {
        let c = ctx(key)
        let token = try Operator.pseudonymize(length: 8).apply("山田太郎", label: "PERSON", context: c)
        let sealed = try TokenMap.seal(c.tokens, key: key)
        XCTAssertFalse(String(decoding: sealed, as: UTF8.self).contains("山田"), "the map file holds no plain values")
        XCTAssertEqual(try TokenMap.open(sealed, key: key)["PERSON"]?["山田太郎"], token)
        XCTAssertThrowsError(try TokenMap.open(sealed, key: Data("another-key-of-32-bytes-for-hmac".utf8)))
    }

    func testDateShiftKeepsIntervalsWithinADocument() throws {
        let c = ctx(key)
        c.document = "letters/a.txt"
        let shift = Operator.dateShift(maxDays: 30)
        let a = try shift.apply("2024-02-28", label: "DATE_OF_BIRTH", context: c)
        let b = try shift.apply("令和6年3月2日", label: "DATE_OF_BIRTH", context: c)
        XCTAssertNotEqual(a, "2024-02-28")
        func days(_ s: String) -> Int {
            let p = s.split(separator: "-").map { Int($0)! }
            return Operator.dayNumber(p[0], p[1], p[2])
        }
        XCTAssertEqual(days(b) - days(a), 3, "2024-02-28 to 2024-03-02 is three days (leap year)")
        XCTAssertLessThanOrEqual(abs(days(a) - Operator.dayNumber(2024, 2, 28)), 30)
        c.document = "letters/b.txt"
        XCTAssertNotEqual(try shift.apply("2024-02-28", label: "DATE_OF_BIRTH", context: c), a, "another document, another offset")
        XCTAssertEqual(Operator.civil(Operator.dayNumber(1989, 1, 8)).0, 1989)
    }

    func testGeneralizeDatesAgesPostalCodesAddresses() throws {
        let c = ctx()
        XCTAssertEqual(try Operator.generalize(level: .month).apply("昭和55年3月4日", label: "DATE_OF_BIRTH", context: c), "1980-03")
        XCTAssertEqual(try Operator.generalize(level: .year).apply("1980/03/04", label: "DATE_OF_BIRTH", context: c), "1980")
        XCTAssertEqual(try Operator.generalize(level: .ageBand).apply("1980年3月4日", label: "DATE_OF_BIRTH", context: c), "40-49")
        XCTAssertEqual(try Operator.generalize(level: .ageBand).apply("平成28年12月1日", label: "DATE_OF_BIRTH", context: c), "0-9")
        XCTAssertEqual(try Operator.generalize(level: .ageBand).apply("４５歳", label: "AGE", context: c), "40-49")
        XCTAssertEqual(try Operator.generalize(level: .postalArea).apply("１００－０００５", label: "JP_POSTAL_CODE", context: c), "100-****")
        XCTAssertEqual(try Operator.generalize(level: .city).apply("東京都千代田区丸の内1丁目2番3号", label: "ADDRESS", context: c), "東京都千代田区")
        XCTAssertEqual(try Operator.generalize(level: .city).apply("神奈川県横浜市中区山下町12-3", label: "ADDRESS", context: c), "神奈川県横浜市中区")
        XCTAssertEqual(try Operator.generalize(level: .prefecture).apply("大阪府大阪市北区梅田1-2-3", label: "ADDRESS", context: c), "大阪府")
        XCTAssertThrowsError(try Operator.generalize(level: .year).apply("not a date", label: "DATE_OF_BIRTH", context: c))
    }
}
