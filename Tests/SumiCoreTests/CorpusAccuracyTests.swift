import Foundation
import XCTest
import Yams
@testable import SumiCore

/// Holds the accuracy that `rules/accuracy.yaml` promises on every bundled corpus.
final class CorpusAccuracyTests: XCTestCase {
    struct Promise {
        var corpora: [String]
        var identifiers: Double
        var specialCare: Double
        var labels: [String: Double]
    }

    func loadPromise() throws -> Promise {
        let text = try String(contentsOf: Fixtures.rulesDir.appendingPathComponent("accuracy.yaml"), encoding: .utf8)
        let node = try XCTUnwrap(try Yams.compose(yaml: text)?.mapping?["accuracy"]?.mapping)
        var labels: [String: Double] = [:]
        for (k, v) in node["labels"]?.mapping ?? [:] { labels[k.string ?? ""] = v.float }
        return Promise(corpora: node["corpora"]?.sequence?.compactMap(\.string) ?? [],
                       identifiers: node["identifier_labels_micro_f1"]?.float ?? 0,
                       specialCare: node["special_care_labels_micro_f1"]?.float ?? 0,
                       labels: labels)
    }

    func testBundledCorporaMeetPromises() throws {
        let promise = try loadPromise()
        XCTAssertFalse(promise.corpora.isEmpty)
        for name in promise.corpora {
            let dir = Fixtures.corporaDir.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: dir.appendingPathComponent("gold.jsonl").path) else {
                XCTFail("corpus \(name) promised in accuracy.yaml is missing")
                continue
            }
            let ev = try CorpusEvaluator.evaluate(corpus: dir, scanner: try Fixtures.defaultScanner())
            XCTAssertTrue(ev.failed.isEmpty, "\(name): documents failed to scan: \(ev.failed)")
            XCTAssertGreaterThan(ev.documents, 50, "\(name): too few documents")
            let id = ev.micro(RulePack.identifierLabels).f1
            let sc = ev.micro(RulePack.specialCareLabels).f1
            XCTAssertGreaterThanOrEqual(id, promise.identifiers, "\(name): identifier micro F1 \(id)")
            XCTAssertGreaterThanOrEqual(sc, promise.specialCare, "\(name): special-care micro F1 \(sc)")
            for (label, bar) in promise.labels {
                let f1 = ev.labels[label]?.overlap.f1 ?? 0
                XCTAssertGreaterThanOrEqual(f1, bar, "\(name): \(label) F1 \(f1)")
            }
        }
    }

    /// A rule edit must not lower any label's F1 on a bundled corpus by more than 0.01 against the
    /// committed baseline (`sumi rules test --corpus corpora/X --save-baseline corpora/baselines/X.json`
    /// records a new one when a drop is intended).
    func testNoLabelRegressesAgainstBaseline() throws {
        let dir = Fixtures.corporaDir.appendingPathComponent("baselines")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".json") }
        XCTAssertFalse(files.isEmpty, "no baselines in corpora/baselines")
        for f in files {
            let name = String(f.dropLast(5))
            let saved = try AccuracyBaseline(data: Data(contentsOf: dir.appendingPathComponent(f)))
            let ev = try CorpusEvaluator.evaluate(corpus: Fixtures.corporaDir.appendingPathComponent(name), scanner: try Fixtures.defaultScanner())
            let drops = saved.drops(comparedWith: AccuracyBaseline(ev), tolerance: 0.01)
            XCTAssertTrue(drops.isEmpty, "\(name): \(drops.joined(separator: "; "))")
        }
    }

    /// The scorer itself, on a hand-checked case: exact and greedy overlap matching.
    func testScorerMatching() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-scorer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = "電話：03-1234-5678、メール：taro@example.jp"
        try text.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        // Gold: phone exact (3..15), email shifted by one (overlap only), and a missed PERSON.
        let gold = #"{"file": "a.txt", "encoding": "utf-8", "spans": [{"start": 3, "end": 15, "label": "PHONE_NUMBER"}, {"start": 21, "end": 35, "label": "EMAIL_ADDRESS"}, {"start": 0, "end": 2, "label": "PERSON"}]}"#
        try (gold + "\n").write(to: dir.appendingPathComponent("gold.jsonl"), atomically: true, encoding: .utf8)
        let ev = try CorpusEvaluator.evaluate(corpus: dir, scanner: try Fixtures.defaultScanner())
        XCTAssertEqual(ev.labels["PHONE_NUMBER"]?.exact.tp, 1)
        XCTAssertEqual(ev.labels["EMAIL_ADDRESS"]?.exact.tp, 0)
        XCTAssertEqual(ev.labels["EMAIL_ADDRESS"]?.overlap.tp, 1)
        XCTAssertEqual(ev.labels["PERSON"]?.overlap.recall, 0)
        XCTAssertEqual(ev.falseNegatives.count, 1)
        XCTAssertEqual(ev.micro(overlap: true).tp, 2)
    }
}
