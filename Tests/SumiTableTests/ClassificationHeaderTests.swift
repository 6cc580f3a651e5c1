import SumiCore
import XCTest
@testable import SumiTable

final class ClassificationHeaderTests: XCTestCase {
    func testNormalizationSplitsWordsAndFoldsWidthAndCase() {
        XCTAssertEqual(HeaderNormalizer.normalize("First_Name").tokens, ["first", "name"])
        XCTAssertEqual(HeaderNormalizer.normalize("firstName").tokens, ["first", "name"])
        XCTAssertEqual(HeaderNormalizer.normalize("IPAddress").tokens, ["ip", "address"])
        XCTAssertEqual(HeaderNormalizer.normalize("EmpNo").tokens, ["emp", "no"])
        XCTAssertEqual(HeaderNormalizer.normalize("ＴＥＬ").compact, "tel")
        XCTAssertEqual(HeaderNormalizer.normalize("Ｅ－ｍａｉｌ").compact, "email")
        XCTAssertEqual(HeaderNormalizer.normalize("ﾒｰﾙ").compact, "メール")
        XCTAssertEqual(HeaderNormalizer.normalize(" 番地・建物名 ").tokens, ["番地", "建物名"])
        XCTAssertEqual(HeaderNormalizer.normalize("address.line-1").tokens, ["address", "line", "1"])
        XCTAssertEqual(HeaderNormalizer.normalize("ipアドレス").tokens, ["ip", "アドレス"])
        let split = HeaderNormalizer.splitParenthetical("電話番号（自宅）")
        XCTAssertEqual(split.main, "電話番号")
        XCTAssertEqual(split.inner, ["自宅"])
    }

    private func check(_ header: String, _ label: String?, _ method: HeaderMatchMethod,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let e = try TableFixtures.dictionary().match(header)
        XCTAssertEqual(e.label, label, "label of \(header)", file: file, line: line)
        XCTAssertEqual(e.method, method, "match of \(header)", file: file, line: line)
    }

    func testJapaneseHeaders() throws {
        try check("氏名", "PERSON", .exact)
        try check("お名前", "PERSON", .exact)
        try check("フリガナ", "PERSON", .exact)
        try check("ﾌﾘｶﾞﾅ", "PERSON", .exact)
        try check("生年月日", "DATE_OF_BIRTH", .exact)
        try check("〒", "JP_POSTAL_CODE", .exact)
        try check("マイナンバー", "JP_MY_NUMBER", .exact)
        try check("病名", "MEDICAL", .exact)
        try check("宗教", "CREED", .exact)
        try check("国籍", "NATIONALITY", .exact)
        try check("備考", "FREE_TEXT", .exact)
    }

    func testEnglishHeadersInAnyCaseAndSeparator() throws {
        for h in ["Date of Birth", "date_of_birth", "DateOfBirth", "DATE-OF-BIRTH", "dob", "D.O.B."] {
            try check(h, "DATE_OF_BIRTH", .exact)
        }
        try check("E-mail", "EMAIL_ADDRESS", .exact)
        try check("Full Name", "PERSON", .exact)
        try check("SSN", "US_SSN", .exact)
        try check("zip", "POSTAL_CODE", .exact)
        try check("IP Address", "IP_ADDRESS", .exact)
    }

    func testFullWidthAndHalfWidthHeaders() throws {
        try check("ＴＥＬ", "PHONE_NUMBER", .exact)
        try check("ﾒｰﾙ", "EMAIL_ADDRESS", .exact)
        try check("Ｅ－ｍａｉｌ", "EMAIL_ADDRESS", .exact)
        try check("ｅｍａｉｌ", "EMAIL_ADDRESS", .exact)
    }

    func testParentheticalSuffixes() throws {
        try check("電話番号（自宅）", "PHONE_NUMBER", .parenthetical)
        try check("住所(現住所)", "ADDRESS", .parenthetical)
        try check("氏名【漢字】", "PERSON", .parenthetical)
        try check("Phone (mobile)", "PHONE_NUMBER", .parenthetical)
        // The main part wins; the parenthetical part is tried when the main part is unknown.
        try check("Bank Account (IBAN)", "JP_BANK_ACCOUNT", .parenthetical)
        try check("連絡先２ (TEL)", "PHONE_NUMBER", .parenthetical)
    }

    func testPrefixesAndSuffixes() throws {
        try check("顧客氏名", "PERSON", .affix)
        try check("お客様電話番号", "PHONE_NUMBER", .affix)
        try check("customer_email", "EMAIL_ADDRESS", .affix)
        try check("email_jp", "EMAIL_ADDRESS", .affix)
        try check("patient_dob", "DATE_OF_BIRTH", .affix)
        try check("会員No.", "RECORD_ID", .affix)
        try check("社員氏名", "PERSON", .affix)
        try check("customer_name_kana", "PERSON", .affix)
    }

    func testContainedKeywordsHeadFinal() throws {
        try check("お届け先郵便番号", "JP_POSTAL_CODE", .keyword)
        try check("勤務先電話番号", "PHONE_NUMBER", .keyword)   // the phone number of the workplace
        try check("緊急連絡先電話番号", "PHONE_NUMBER", .keyword)
        try check("arrival_date", "DATE", .keyword)
        try check("入院年月日", "DATE", .keyword)
        try check("購入者名", "PERSON", .exact)
        try check("保護者氏名", "PERSON", .keyword)
        try check("work email", "EMAIL_ADDRESS", .keyword)
        // Latin words match whole words only.
        try check("page", nil, .unknown)
        try check("homepage", nil, .unknown)
        XCTAssertLessThan(try TableFixtures.dictionary().match("お届け先郵便番号").confidence,
                          try TableFixtures.dictionary().match("郵便番号").confidence)
    }

    func testNotPersonalAndPlaceholders() throws {
        let d = try TableFixtures.dictionary()
        XCTAssertTrue(d.match("注文番号").isNotPersonal)
        XCTAssertNil(d.match("注文番号").label)
        XCTAssertTrue(d.match("Product Name").isNotPersonal)
        XCTAssertEqual(d.match("Company Name").label, "EMPLOYER")
        for h in ["col1", "Column 12", "項目3", "Unnamed: 0", "", "  ", "7", "field_2"] {
            XCTAssertEqual(d.match(h).method, .placeholder, h)
        }
        XCTAssertEqual(d.match(nil).method, .placeholder)
        XCTAssertEqual(d.match("顧客ランク").method, .affix)
        XCTAssertTrue(d.match("顧客ランク").isNotPersonal)
    }

    func testRolesOfLabels() throws {
        let d = try TableFixtures.dictionary()
        XCTAssertEqual(d.role(of: "PERSON"), .identifier)
        XCTAssertEqual(d.role(of: "RECORD_ID"), .identifier)
        XCTAssertEqual(d.role(of: "DATE_OF_BIRTH"), .quasiIdentifier)
        XCTAssertEqual(d.role(of: "DATE"), .quasiIdentifier)
        XCTAssertEqual(d.role(of: "MEDICAL"), .sensitive)
        XCTAssertEqual(d.role(of: "CREED"), .sensitive)
        XCTAssertEqual(d.role(of: "FREE_TEXT"), .other)
    }

    func testMalformedDictionaryIsRejectedWithFileLineAndReason() {
        func rejects(_ yaml: String, line: Int, _ reason: String, file: StaticString = #filePath, l: UInt = #line) {
            XCTAssertThrowsError(try HeaderDictionary(yaml: yaml, file: "h.yaml"), file: file, line: l) { e in
                guard let e = e as? RuleError else { return XCTFail("not a RuleError: \(e)", file: file, line: l) }
                XCTAssertEqual(e.file, "h.yaml", file: file, line: l)
                XCTAssertEqual(e.line, line, "\(e)", file: file, line: l)
                XCTAssertTrue(e.reason.contains(reason), "\(e)", file: file, line: l)
            }
        }
        let roles = "roles:\n  PERSON: identifier\n  AGE: quasi_identifier\n"
        rejects(roles + "columns:\n  PERSON:\n    names: [氏名]\n  AGE:\n    names: [年齢, 氏名]\n", line: 8, "listed under PERSON")
        rejects(roles + "columns:\n  PERSON:\n    nams: [氏名]\n", line: 6, "unknown key `nams`")
        rejects(roles + "columns:\n  EMAIL:\n    names: [mail]\n", line: 5, "EMAIL has no role")
        rejects("roles:\n  PERSON: identfier\ncolumns: {}\n", line: 2, "role must be one of")
        rejects(roles + "columns:\n  PERSON:\n    names: 氏名\n", line: 6, "must be a list")
        rejects(roles + "colums: {}\n", line: 4, "unknown top-level key")
        rejects(roles + "columns:\n  PERSON: [氏名\n", line: 6, "YAML")
        rejects(roles + "columns:\n  PERSON:\n    names: ['・・']\n", line: 6, "no letters or digits")
    }

    func testBundledDictionaryIsNotARuleFile() throws {
        // RulePack reads every YAML file under rules/; the header dictionary has no `rules:` key.
        XCTAssertNoThrow(try RulePack(directory: TableFixtures.rulesDir))
    }
}
