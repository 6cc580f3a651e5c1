import XCTest
@testable import SumiAnonymity

final class HierarchyTests: XCTestCase {
    func testRejectsRaggedAndNonTreeRows() {
        XCTAssertThrowsError(try Hierarchy(rows: [["a", "x", "*"], ["b", "x"]])) { e in
            XCTAssertEqual((e as? HierarchyError)?.line, 2)
        }
        XCTAssertThrowsError(try Hierarchy(rows: [["a", "x", "p", "*"], ["b", "x", "q", "*"]]))
        XCTAssertThrowsError(try Hierarchy(rows: [["a", "*"], ["a", "*"]]))
        let h = try! Hierarchy(rows: [["a", "x", "*"], ["b", "x", "*"], ["c", "y", "*"]])
        XCTAssertEqual(h.topLevel, 2)
        XCTAssertEqual(h.value("c", level: 1), "y")
        XCTAssertEqual(h.values(atLevel: 1), ["x", "y"])
        XCTAssertNil(h.value("z", level: 1))
    }
}
