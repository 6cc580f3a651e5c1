import XCTest
@testable import SumiTable

final class ClassificationSamplerTests: XCTestCase {
    private func stream(_ rows: Int) -> [[String]] {
        (0..<rows).map { r in ["v\(r)", r % 3 == 0 ? "" : "w\(r)", "x"] }
    }

    func testSameSeedSameSample() {
        var a = ColumnSampler(capacity: 50, seed: 42)
        var b = ColumnSampler(capacity: 50, seed: 42)
        var c = ColumnSampler(capacity: 50, seed: 43)
        for row in stream(5000) { a.add(row); b.add(row); c.add(row) }
        XCTAssertEqual(a.samples, b.samples)
        XCTAssertNotEqual(a.samples[0].rows, c.samples[0].rows)
    }

    func testSampleIsBoundedAndKeepsRowNumbers() {
        var s = ColumnSampler(capacity: 100, seed: 1)
        for row in stream(20_000) { s.add(row) }
        XCTAssertEqual(s.rowCount, 20_000)
        let samples = s.samples
        XCTAssertEqual(samples.count, 3)
        for col in samples { XCTAssertEqual(col.values.count, 100) }
        XCTAssertEqual(samples[0].nonEmptyCount, 20_000)
        XCTAssertEqual(samples[1].emptyCount, 6667)
        XCTAssertEqual(samples[1].nonEmptyCount, 13_333)
        // Values stay paired with their rows, in row order, and empty cells are never sampled.
        for (v, r) in zip(samples[0].values, samples[0].rows) { XCTAssertEqual(v, "v\(r)") }
        for (v, r) in zip(samples[1].values, samples[1].rows) { XCTAssertEqual(v, "w\(r)"); XCTAssertNotEqual(r % 3, 0) }
        XCTAssertEqual(samples[0].rows, samples[0].rows.sorted())
        // Uniform over the stream: the mean sampled row is near the middle, not the start.
        let mean = Double(samples[0].rows.reduce(0, +)) / 100
        XCTAssertGreaterThan(mean, 6000)
        XCTAssertLessThan(mean, 14_000)
    }

    func testShortStreamKeepsEverythingAndRaggedRows() {
        var s = ColumnSampler(capacity: 10)
        s.add(["a", "b"])
        s.add(["c"])
        s.add(["d", "e", "f"])
        let samples = s.samples
        XCTAssertEqual(samples.map(\.values), [["a", "c", "d"], ["b", "e"], ["f"]])
        XCTAssertEqual(samples[1].emptyCount, 1)
        XCTAssertEqual(samples[2].rows, [2])
    }

    func testLongValuesAreCutOnCharacterBoundaries() {
        var s = ColumnSampler(capacity: 5, maxValueBytes: 10)
        s.add([String(repeating: "あ", count: 20)])
        let v = s.samples[0].values[0]
        XCTAssertEqual(v, "あああ")  // 9 bytes; a fourth would make 12
    }
}
