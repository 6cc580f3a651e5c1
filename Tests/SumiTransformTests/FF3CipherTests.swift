import XCTest
@testable import SumiTransform

final class FF3CipherTests: XCTestCase {
    func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = s.startIndex
        while i < s.endIndex { let j = s.index(i, offsetBy: 2); out.append(UInt8(s[i..<j], radix: 16)!); i = j }
        return out
    }
    func digits(_ s: String) -> [Int] { s.map { Int(String($0))! } }
    func string(_ d: [Int]) -> String { d.map(String.init).joined() }

    /// NIST's FF3 samples (SP 800-38G examples, 8-byte tweaks): the rounds FF3-1 shares.
    func testNISTFF3Samples() throws {
        let c = try FF3Cipher(key: hex("EF4359D8D580AA4F7F036D6F04FC6A94"), radix: 10)
        let cases = [
            ("D8E7920AFA330A73", "890121234567890000", "750918814058654607"),
            ("9A768A92F60E12D8", "890121234567890000", "018989839189395384"),
            ("D8E7920AFA330A73", "89012123456789000000789000000", "48598367162252569629397416226"),
            ("0000000000000000", "89012123456789000000789000000", "34695224821734535122613701434"),
        ]
        for (tweak, pt, ct) in cases {
            XCTAssertEqual(string(try c.encrypt(digits(pt), tweak: hex(tweak))), ct, "tweak \(tweak)")
            XCTAssertEqual(string(try c.decrypt(digits(ct), tweak: hex(tweak))), pt)
        }
    }

    /// FF3-1 (56-bit tweak) on the same key and plaintext.
    func testFF31Sample() throws {
        let c = try FF3Cipher(key: hex("EF4359D8D580AA4F7F036D6F04FC6A94"), radix: 10)
        let tweak = hex("D8E7920AFA330A")
        XCTAssertEqual(string(try c.encrypt(digits("890121234567890000"), tweak: tweak)), "477064185124354662")
        XCTAssertEqual(string(try c.decrypt(digits("477064185124354662"), tweak: tweak)), "890121234567890000")
    }

    func testLengthLimits() throws {
        let c = try FF3Cipher(key: [UInt8](repeating: 7, count: 16), radix: 10)
        XCTAssertEqual(c.minLength, 6)
        XCTAssertEqual(c.maxLength, 56)
        XCTAssertThrowsError(try c.encrypt([1, 2, 3], tweak: [UInt8](repeating: 0, count: 7)))
        for n in [6, 12, 16, 28, 56] {
            let x = (0..<n).map { $0 % 10 }
            let tweak: [UInt8] = [1, 2, 3, 4, 5, 6, 7]
            XCTAssertEqual(try c.decrypt(try c.encrypt(x, tweak: tweak), tweak: tweak), x)
        }
    }
}

final class ValueEncryptorTests: XCTestCase {
    func testRoundTripKeepsFormatByteForByte() throws {
        let e = try ValueEncryptor(userKey: .init(data: Array("a-user-key-of-sufficient-length!".utf8)))
        for (value, label) in [("090-1234-5678", "PHONE_NUMBER"), ("０９０－１２３４－５６７８", "PHONE_NUMBER"),
                               ("4111 1111 1111 1111", "CREDIT_CARD"), ("TK1234567", "JP_PASSPORT"),
                               ("ab12345678cd", "JP_RESIDENCE_CARD"), ("1234 5678 9018", "JP_MY_NUMBER")] {
            let c = try e.encrypt(value, label: label)
            XCTAssertNotEqual(c, value)
            XCTAssertEqual(c.count, value.count)
            XCTAssertEqual(c.utf8.count, value.utf8.count, "widths kept")
            XCTAssertEqual(c.filter { !$0.isLetter && !$0.isNumber }, value.filter { !$0.isLetter && !$0.isNumber }, "separators kept")
            XCTAssertEqual(try e.decrypt(c, label: label), value)
        }
        XCTAssertThrowsError(try e.encrypt("12-34", label: "X"), "too short for FF3-1")
    }
}
