import Foundation
import XCTest
@testable import SumiCore

final class FindingBaselineTests: XCTestCase {
    let key = Data("0123456789abcdef-test-key".utf8)

    func testKnownFindingsAreFilteredAfterLinesMove() throws {
        let scanner = try Fixtures.defaultScanner()
        var b = FindingBaseline(key: key)
        for f in scanner.scan("担当：山田太郎様\nTEL 03-1234-5678\n") { b.add(path: "a.txt", f) }
        let data = b.data()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(text.contains("山田") || text.contains("1234"), "the baseline must not hold values")
        let reloaded = try FindingBaseline(data: data, key: key)
        var remaining = reloaded.counts
        let later = scanner.scan("追記\n\n担当：山田太郎様\nTEL 03-1234-5678\nmail taro@example.com\n")
        let fresh = reloaded.filter(path: "a.txt", later, remaining: &remaining)
        XCTAssertEqual(fresh.map(\.label), ["EMAIL_ADDRESS"])
        // The same value in another file is new there.
        var remaining2 = reloaded.counts
        XCTAssertEqual(reloaded.filter(path: "b.txt", later, remaining: &remaining2).count, later.count)
    }

    func testWrongKeyIsDetected() throws {
        var b = FindingBaseline(key: key)
        for f in try Fixtures.defaultScanner().scan("TEL 03-1234-5678") { b.add(path: "a.txt", f) }
        XCTAssertThrowsError(try FindingBaseline(data: b.data(), key: Data("another-key-0123456789".utf8))) { e in
            XCTAssertEqual("\(e)", "the baseline was written with another key")
        }
    }
}
