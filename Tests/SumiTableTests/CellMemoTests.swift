import XCTest
import SumiCore
@testable import SumiTable

final class CellMemoTests: XCTestCase {
    func testShortCellsAreScannedOncePerColumnAndLongOnesEveryTime() {
        var memo = CellMemo()
        var scans = 0
        let scan: () -> [Finding] = { scans += 1; return [] }
        for _ in 0..<5 { _ = memo.findings(column: 0, cell: "Male", scan: scan) }
        XCTAssertEqual(scans, 1)
        _ = memo.findings(column: 1, cell: "Male", scan: scan)
        XCTAssertEqual(scans, 2, "columns do not share entries")
        let long = String(repeating: "長", count: 30)  // 90 bytes
        for _ in 0..<3 { _ = memo.findings(column: 0, cell: long, scan: scan) }
        XCTAssertEqual(scans, 5, "cells over 64 bytes are not kept")
        for i in 0..<(CellMemo.maxEntries + 10) { _ = memo.findings(column: 2, cell: "v\(i)", scan: scan) }
        let before = scans
        _ = memo.findings(column: 2, cell: "v\(CellMemo.maxEntries + 5)", scan: scan)
        XCTAssertEqual(scans, before + 1, "past the bound, new values are scanned and not kept")
        _ = memo.findings(column: 2, cell: "v1", scan: scan)
        XCTAssertEqual(scans, before + 1, "values kept before the bound stay")
    }
}
