import XCTest
@testable import SumiCore

final class ValidatorTests: XCTestCase {

    // MARK: - Helpers

    private func valid(_ name: String, _ values: String..., file: StaticString = #filePath, line: UInt = #line) {
        for v in values {
            XCTAssertEqual(Validators.check(name, v), true, "\(name) should accept \"\(v)\"", file: file, line: line)
        }
    }

    private func invalid(_ name: String, _ values: String..., file: StaticString = #filePath, line: UInt = #line) {
        for v in values {
            XCTAssertEqual(Validators.check(name, v), false, "\(name) should reject \"\(v)\"", file: file, line: line)
        }
    }

    private func parsed(_ s: String) -> (year: Int, month: Int, day: Int)? {
        var s = s
        return s.withUTF8 { Validators.parseDate($0) }
    }

    private func assertDate(_ s: String, _ y: Int, _ m: Int, _ d: Int, file: StaticString = #filePath, line: UInt = #line) {
        guard let r = parsed(s) else {
            XCTFail("parseDate(\"\(s)\") returned nil", file: file, line: line)
            return
        }
        XCTAssertEqual(r.year, y, "year of \(s)", file: file, line: line)
        XCTAssertEqual(r.month, m, "month of \(s)", file: file, line: line)
        XCTAssertEqual(r.day, d, "day of \(s)", file: file, line: line)
    }

    // MARK: - Registry

    func testBuiltinRegistry() throws {
        let expected = [
            "luhn", "my_number", "corporate_number", "iban", "ipv4", "ipv6", "date",
            "credit_card", "us_ssn", "jp_phone", "e164", "jp_postal_code",
        ]
        XCTAssertEqual(Set(Validators.builtin.keys), Set(expected))
        XCTAssertNil(Validators.check("no_such_validator", "123"))
        XCTAssertNotNil(Validators.check("luhn", ""))
    }

    func testEmptyInputIsRejectedEverywhere() throws {
        for name in Validators.builtin.keys {
            XCTAssertEqual(Validators.check(name, ""), false, name)
            XCTAssertEqual(Validators.check(name, " "), false, name)
        }
    }

    func testDirectFunctionCall() throws {
        var s = "4111111111111111"
        XCTAssertTrue(s.withUTF8 { Validators.luhn($0) })
        XCTAssertTrue(s.withUTF8 { Validators.builtin["credit_card"]!($0) })
    }

    // MARK: - Luhn

    func testLuhnValid() throws {
        valid("luhn",
              "4111 1111 1111 1111",
              "4111-1111-1111-1111",
              "4111111111111111",
              "5555555555554444",
              "378282246310005",
              "4222222222222",
              "30569309025904",
              "123456789015") // 12 digits
    }

    func testLuhnInvalid() throws {
        invalid("luhn",
                "4111 1111 1111 1112",   // bad check digit
                "79927398713",           // valid Luhn but only 11 digits
                "0000 0000 0000 0000",   // all same digit
                "0000000000000",
                "4111111111111111 1111",  // 20 digits
                "4111.1111.1111.1111",    // '.' not a luhn separator
                "4111x1111x1111x1111",
                "41111111111111110000000")
    }

    // MARK: - Credit card

    func testCreditCardValid() throws {
        valid("credit_card",
              "4111 1111 1111 1111",      // Visa
              "4012888888881881",         // Visa
              "4222222222222",            // Visa, 13 digits
              "5555-5555-5555-4444",      // Mastercard 55
              "5105105105105100",         // Mastercard 51
              "2221000000000009",         // Mastercard 2-series low end
              "2720990000000007",         // Mastercard 2-series high end
              "378282246310005",          // Amex 37
              "3714 496353 98431",        // Amex 37, grouped 4-6-5
              "3530111333300000",         // JCB
              "3566002020360505",         // JCB
              "30569309025904",           // Diners 305
              "38520000023237",           // Diners 38
              "36227206271667",           // Diners 36
              "6011111111111117",         // Discover 6011
              "6011000990139424",         // Discover
              "6445644564456445",         // Discover 644–649
              "6200000000000005",         // UnionPay
              "6250941006528599")         // UnionPay
    }

    func testCreditCardInvalid() throws {
        invalid("credit_card",
                "4111111111111112",         // bad check digit
                "123456789015",             // Luhn-valid but 12 digits
                "7992739871300",            // Luhn-valid, unknown prefix 7
                "1234567812345670",         // Luhn-valid, unknown prefix 1
                "3782822463100052",         // Amex prefix with 16 digits
                "5600000000000003",         // 56: not Mastercard
                "2220990000000002",         // just below 2221
                "2721000000000004",         // just above 2720
                "0000000000000000",
                "4111-1111-1111-111a")
        // Sanity: the deliberately-unknown-prefix numbers above really are Luhn-valid.
        valid("luhn", "7992739871300", "1234567812345670", "5600000000000003",
              "2220990000000002", "2721000000000004", "3782822463100052")
    }

    // MARK: - My Number

    func testMyNumberValid() throws {
        valid("my_number",
              "123456789018",
              "1234 5678 9018",
              "1234-5678-9018",
              "987654321093",
              "314159265352",
              "100000000005",   // only P11 = 1, Q11 = 6 → Σ=6 → 11-6=5
              "202020202027")
    }

    func testMyNumberInvalid() throws {
        invalid("my_number",
                "123456789010",    // wrong check digit
                "123456789019",
                "12345678901",     // 11 digits
                "1234567890180",   // 13 digits
                "000000000000",    // all same (check digit would be 0)
                "111111111111",
                "12345678901a")
    }

    func testMyNumberCheckDigitZeroCase() throws {
        // Base 00000000001: P1 = 1, Q1 = 2 → Σ=2 → r=2 → 9.  Base 00000000050: P2=5,Q2=3 → 15 → r=4 → 7.
        valid("my_number", "000000000019", "000000000507")
        // r ≤ 1 → check 0. Base 50000000000: P11=5,Q11=6 → 30 → r=8 → 3 (not 0);
        // base 00000100000: P6=1,Q6=7 → 7 → 4; base 00000000006: P1=6,Q1=2 → 12 → r=1 → 0.
        valid("my_number", "500000000003", "000001000004", "000000000060")
        invalid("my_number", "000000000061")
    }

    // MARK: - Corporate number

    func testCorporateNumberValid() throws {
        valid("corporate_number",
              "7000012050002",     // 国税庁
              "7-0000-1205-0002",
              "5010001008813",
              "5180001023440",
              "9010401050931")
    }

    func testCorporateNumberInvalid() throws {
        invalid("corporate_number",
                "1000012050002",     // wrong leading check digit
                "7000012050003",
                "700001205000",      // 12 digits
                "70000120500020",    // 14 digits
                "0000000000000",
                "9999999999999",
                "700001205000X")
    }

    // MARK: - IBAN

    func testIBANValid() throws {
        valid("iban",
              "DE89 3704 0044 0532 0130 00",
              "DE89370400440532013000",
              "de89370400440532013000",          // lower case
              "GB82 WEST 1234 5698 7654 32",
              "gb82 west 1234 5698 7654 32",
              "FR14 2004 1010 0505 0001 3M02 606",
              "NL91 ABNA 0417 1643 00",
              "BE68 5390 0754 7034",
              "CH93 0076 2011 6238 5295 7",
              "NO93 8601 1117 947",              // shortest (15)
              "ES91 2100 0418 4502 0005 1332",
              "IT60 X054 2811 1010 0000 0123 456",
              "AT61 1904 3002 3457 3201",
              "PL61 1090 1014 0000 0712 1981 2874",
              "SA03 8000 0000 6080 1016 7519",
              "BR9700360305000010009795493P1",
              "TR330006100519786457841326",
              "AE070331234567890123456",
              "IE29 AIBK 9311 5212 3456 78",
              "SE45 5000 0000 0583 9825 7466",
              "DK50 0040 0440 1162 43",
              "FI21 1234 5600 0007 85",
              "PT50 0002 0123 1234 5678 9015 4",
              "LU28 0019 4006 4475 0000")
    }

    func testIBANInvalid() throws {
        invalid("iban",
                "DE88 3704 0044 0532 0130 00",      // wrong check digits
                "DE89 3704 0044 0532 0130 01",      // altered BBAN
                "GB82 WEST 1234 5698 7654 3",       // too short for GB
                "DE89 3704 0044 0532 0130 000",     // too long for DE
                "XX89 3704 0044 0532 0130 00",      // unknown country
                "D189 3704 0044 0532 0130 00",      // country not letters
                "DEA9 3704 0044 0532 0130 00",      // check digits not digits
                "DE89-3704-0044-0532-0130-00",      // hyphens not allowed
                "DE89 3704 0044 0532 0130 0!",
                "NO93 8601 1117 94",                // 14 chars
                "DE")
    }

    // MARK: - IPv4

    func testIPv4Valid() throws {
        valid("ipv4",
              "192.168.0.1", "0.0.0.0", "255.255.255.255", "10.0.0.1", "8.8.8.8",
              "1.2.3.4", "100.64.0.10", "0.10.200.0")
    }

    func testIPv4Invalid() throws {
        invalid("ipv4",
                "256.1.1.1", "1.256.1.1", "1.1.1.999",
                "01.2.3.4", "1.2.3.04", "1.2.3.00", "000.0.0.0",
                "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.4.",
                "1.2.3.a", "1.2.3.-4", "1234.1.1.1", " 1.2.3.4", "1.2.3.4 ")
    }

    // MARK: - IPv6

    func testIPv6Valid() throws {
        valid("ipv6",
              "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
              "2001:db8:85a3:0:0:8a2e:370:7334",
              "2001:DB8:85A3::8A2E:370:7334",
              "2001:db8::1",
              "::1",
              "::",
              "1::",
              "fe80::",
              "1:2:3:4:5:6:7::",
              "::2:3:4:5:6:7:8",
              "1::8",
              "1:2:3:4:5:6::8",
              "::ffff:192.168.1.1",
              "::192.168.1.1",
              "64:ff9b::192.0.2.33",
              "1:2:3:4:5:6:1.2.3.4",
              "1::5:6:1.2.3.4",
              "fe80::1%eth0",
              "fe80::1ff:fe23:4567:890a%3",
              "ff02::1%en0.100")
    }

    func testIPv6Invalid() throws {
        invalid("ipv6",
                ":::",
                "1:::2",
                "::1::",
                "1::2::3",
                "1:2:3:4:5:6:7:8:9",          // 9 groups
                "1:2:3:4:5:6:7",              // 7 groups, no ::
                "1:2:3:4:5:6:7:8::",          // :: with 8 groups already
                "::1:2:3:4:5:6:7:8",
                "1:2:3:4:5:6:7:1.2.3.4",      // 7 groups + IPv4 = 9
                "1:2:3:4:5:6:1.2.3.4:5",      // IPv4 not last
                "::ffff:256.1.1.1",
                "::ffff:01.1.1.1",
                "::ffff:1.2.3",
                "12345::1",                   // 5 hex digits
                "2001:db8::g",
                ":1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:",
                "1:",
                ":",
                "1.2.3.4",
                "fe80::1%",                   // empty zone
                "fe80::1%eth 0",
                "fe80::1%eth0%1",
                "2001:db8:: 1")
    }

    // MARK: - Dates

    func testDateISOAndSlashForms() throws {
        assertDate("1980-03-04", 1980, 3, 4)
        assertDate("1980/3/4", 1980, 3, 4)
        assertDate("1980.3.4", 1980, 3, 4)
        assertDate("1980 / 03 / 04", 1980, 3, 4)
        assertDate("2100-12-31", 2100, 12, 31)
        assertDate("1800-01-01", 1800, 1, 1)
        invalid("date",
                "1980-13-01", "1980-00-10", "1980-02-30", "1980-04-31", "1980-01-00",
                "1980-03/04",        // mixed separators
                "1799-12-31", "2101-01-01",
                "80-03-04",          // two-digit year first is not a form
                "19800304",          // compact form not supported
                "1980-003-04", "1980-03-004",
                "1980-03-04x", "1980-03", "1980")
    }

    func testDateLeapYears() throws {
        valid("date", "2000-02-29", "2024-02-29", "1904-02-29", "1996/2/29", "2020年2月29日")
        invalid("date", "1900-02-29", "2100-02-29", "2023-02-29", "2019/2/29", "2021年2月29日", "2024-02-30")
    }

    func testDateKanjiWestern() throws {
        assertDate("1980年3月4日", 1980, 3, 4)
        assertDate("1980年03月04日", 1980, 3, 4)
        assertDate("1980 年 3 月 4 日", 1980, 3, 4)
        assertDate("1980\u{3000}年3月4日", 1980, 3, 4)  // ideographic space
        invalid("date", "1980年13月4日", "1980年2月30日", "1980年3月4", "1980年3月", "1980年3日4月", "1980年3月4日生")
        // The era year in brackets must name the same year.
        assertDate("1985年(昭和60年)4月12日", 1985, 4, 12)
        assertDate("1989年 ( 平成元年 ) 1月8日", 1989, 1, 8)
        assertDate("2019年(令和元年)5月1日", 2019, 5, 1)
        invalid("date", "1985年(平成60年)4月12日", "1985年(昭和61年)4月12日", "2019年(令和元年)4月30日", "1985年(昭和60年4月12日")
    }

    func testDateJapaneseEras() throws {
        assertDate("平成元年1月8日", 1989, 1, 8)
        assertDate("平成1年1月8日", 1989, 1, 8)
        assertDate("昭和64年1月7日", 1989, 1, 7)
        assertDate("平成31年4月30日", 2019, 4, 30)
        assertDate("令和元年5月1日", 2019, 5, 1)
        assertDate("令和2年3月4日", 2020, 3, 4)
        assertDate("昭和55年3月4日", 1980, 3, 4)
        assertDate("昭和元年12月25日", 1926, 12, 25)
        assertDate("大正元年7月30日", 1912, 7, 30)
        assertDate("大正15年12月24日", 1926, 12, 24)
        assertDate("明治45年7月29日", 1912, 7, 29)
        assertDate("明治元年1月25日", 1868, 1, 25)
        assertDate("平成 元年 1月 8日", 1989, 1, 8)
        assertDate("令和6年2月29日", 2024, 2, 29)   // leap year in an era

        invalid("date",
                "昭和64年1月8日",     // after Showa ended
                "平成元年1月7日",     // before Heisei began
                "平成31年5月1日",     // after Heisei ended
                "平成32年1月1日",
                "令和元年4月30日",    // before Reiwa began
                "大正元年7月29日",
                "大正15年12月25日",
                "昭和元年12月24日",
                "明治元年1月24日",
                "明治45年7月30日",
                "明治46年1月1日",
                "平成0年1月1日",
                "令和5年2月29日",     // 2023 is not a leap year
                "平成12年2月30日",
                "平成年1月8日",
                "平成元年1月8",
                "江戸元年1月1日")
    }

    func testDateAbbreviatedEras() throws {
        assertDate("S55.3.4", 1980, 3, 4)
        assertDate("H1.1.8", 1989, 1, 8)
        assertDate("R2/3/4", 2020, 3, 4)
        assertDate("H31-4-30", 2019, 4, 30)
        assertDate("S64.1.7", 1989, 1, 7)
        assertDate("T1.7.30", 1912, 7, 30)
        assertDate("M45.7.29", 1912, 7, 29)
        assertDate("H01.01.08", 1989, 1, 8)
        assertDate("H1年1月8日", 1989, 1, 8)
        invalid("date",
                "S64.1.8", "H1.1.7", "H31.5.1", "R1.4.30", "T15.12.25", "M46.1.1",
                "S55.3/4", "X55.3.4", "s55.3.4", "S555.3.4", "S55.13.4", "H0.1.8")
    }

    func testDateMonthDayYearNumeric() throws {
        assertDate("3/4/1980", 1980, 3, 4)       // month-first reading preferred
        assertDate("12/31/1999", 1999, 12, 31)   // only M/D valid
        assertDate("31/12/1999", 1999, 12, 31)   // only D/M valid
        assertDate("31-12-1999", 1999, 12, 31)
        assertDate("4.3.1980", 1980, 3, 4)       // D.M.YYYY
        assertDate("31.12.1999", 1999, 12, 31)
        assertDate("29/02/2000", 2000, 2, 29)
        invalid("date",
                "12.31.1999",     // dot form is day-first only
                "13/13/1999", "32/1/1999", "0/1/1999", "1/0/1999",
                "29/02/1999", "2/29/1999",
                "3/4/80",          // two-digit year
                "3/4-1980", "3/4/19800", "3/4/1799", "3/4/2101")
    }

    func testDateEnglishMonthNames() throws {
        assertDate("March 4, 1980", 1980, 3, 4)
        assertDate("March 4 1980", 1980, 3, 4)
        assertDate("4 March 1980", 1980, 3, 4)
        assertDate("Mar 4 1980", 1980, 3, 4)
        assertDate("4-Mar-1980", 1980, 3, 4)
        assertDate("04-Mar-1980", 1980, 3, 4)
        assertDate("Mar. 4, 1980", 1980, 3, 4)
        assertDate("March 4th, 1980", 1980, 3, 4)
        assertDate("4th March 1980", 1980, 3, 4)
        assertDate("1st Jan 2000", 2000, 1, 1)
        assertDate("22nd February 2000", 2000, 2, 22)
        assertDate("Dec 3rd, 2001", 2001, 12, 3)
        assertDate("Sept 9, 1999", 1999, 9, 9)
        assertDate("September 30, 1999", 1999, 9, 30)
        assertDate("may 5 1955", 1955, 5, 5)
        assertDate("JANUARY 1, 2001", 2001, 1, 1)
        assertDate("4 Mar, 1980", 1980, 3, 4)
        assertDate("Feb 29, 2024", 2024, 2, 29)
        invalid("date",
                "Feb 29, 2023",
                "February 30, 2000",
                "April 31, 2000",
                "Marc 4, 1980",       // neither abbreviation nor full name
                "Marchh 4, 1980",
                "Smarch 4, 1980",
                "March 1980",         // no day
                "March 4",            // no year
                "March 4, 80",
                "March 4, 1799",
                "4 Foo 1980",
                "4-Mar/1980",         // mixed separators
                "4th/3/1980",
                "March 32, 1980")
    }

    func testParseDateTrimsSurroundingSpaces() throws {
        assertDate("  1980-03-04  ", 1980, 3, 4)
        XCTAssertNil(parsed(""))
        XCTAssertNil(parsed("   "))
    }

    // MARK: - US SSN

    func testUSSSNValid() throws {
        valid("us_ssn", "123-45-6788", "123 45 6788", "123456788", "001-01-0001", "899-99-9999", "665-12-3456", "667-12-3456")
    }

    func testUSSSNInvalid() throws {
        invalid("us_ssn",
                "000-12-3456",   // area 000
                "666-12-3456",   // area 666
                "900-12-3456",   // area 9xx
                "999-99-9999",
                "123-00-4567",   // group 00
                "123-45-0000",   // serial 0000
                "078-05-1120",   // Woolworth wallet card
                "078051120",
                "123-45-6789",
                "123456789",
                "219-09-9999",
                "123-45 6788",   // mixed separators
                "12-345-6788",   // wrong grouping
                "123-456-788",
                "1234-5-6788",
                "12345678",
                "1234567890",
                "123-45-678a")
    }

    // MARK: - Japanese phone

    func testJPPhoneValid() throws {
        valid("jp_phone",
              "03-1234-5678",       // Tokyo fixed line
              "0312345678",
              "(03) 1234-5678",
              "06-6123-4567",
              "011-123-4567",
              "0120-123-456",       // toll free, 10 digits
              "0570-123-456",       // navi dial, 10 digits
              "090-1234-5678",      // mobile
              "080-1234-5678",
              "070-1234-5678",
              "050-1234-5678",      // IP phone
              "0800-123-4567",      // toll free, 11 digits
              "020-1234-5678",
              "+81-3-1234-5678",
              "+81 90 1234 5678",
              "+819012345678",
              "+81 (0)3-1234-5678")
    }

    func testJPPhoneInvalid() throws {
        invalid("jp_phone",
                "3-1234-5678",        // no leading 0
                "003-123-4567",       // 00 prefix
                "090-1234-567",       // mobile with 10 digits
                "050-123-4567",       // IP phone with 10 digits
                "0800-123-456",       // 0800 with 10 digits
                "03-1234-56789",      // fixed line with 11 digits
                "0120-123-4567",      // 0120 with 11 digits
                "090-1234-56789",     // 12 digits
                "03-1234-567",        // 9 digits
                "+82-2-1234-5678",    // not Japan
                "+1 212 555 0123",
                "+81",
                "03.1234.5678",       // '.' is not a separator here
                "03-1234-567a",
                "0000000000",
                "00000000000")
    }

    // MARK: - E.164

    func testE164Valid() throws {
        valid("e164",
              "+81312345678",
              "+819012345678",
              "+1 212 555 0123",
              "+44 20 7946 0958",
              "+49-30-123456",
              "+12345678",           // 8 digits
              "+123456789012345",    // 15 digits
              "+1 (212) 555-0123")
    }

    func testE164Invalid() throws {
        invalid("e164",
                "81312345678",         // no '+'
                "+0312345678",         // country code starting with 0
                "+1234567",            // 7 digits
                "+1234567890123456",   // 16 digits
                "+",
                "++81312345678",
                "+81 3 1234 567x",
                " +81312345678")
    }

    // MARK: - Japanese postal code

    func testJPPostalCodeValid() throws {
        valid("jp_postal_code", "100-0001", "1000001", "060-0000", "999-9999", "000-0001")
    }

    func testJPPostalCodeInvalid() throws {
        invalid("jp_postal_code",
                "000-0000", "0000000",
                "100-001", "1000-001", "100000", "10000001", "100 0001", "10-00001",
                "100-000a", "１００-0001")
    }

    /// The byte-keyed term set: exact bytes, no normalization, duplicates once, any size.
    func testByteTermSetLooksUpBytes() {
        let terms = (0..<5000).map { "term\($0)" } + ["山田", "ヤマダ", "", "山田"]
        let set = ByteTermSet(terms)
        XCTAssertEqual(set.count, 5003)
        for t in ["term0", "term4999", "山田", "ヤマダ", ""] { XCTAssertTrue(set.contains(t), t) }
        for t in ["term5000", "山", "やまだ", "Term0", "山田 "] { XCTAssertFalse(set.contains(t), t) }
        let bytes = Array("担当山田様".utf8)
        bytes.withUnsafeBufferPointer { b in
            XCTAssertTrue(set.contains(UnsafeBufferPointer(rebasing: b[6..<12])))
            XCTAssertFalse(set.contains(UnsafeBufferPointer(rebasing: b[6..<15])))
        }
        XCTAssertTrue(ByteTermSet([String]()).isEmpty)
    }
}
