import XCTest
@testable import SumiCore

/// Every rule's own `examples` must hold: the documentation of a rule is also its test.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasExamples() throws {
        for r in try Fixtures.defaultPack().rules {
            XCTAssertFalse(r.rule.examples.match.isEmpty, "\(r.rule.id) has no match examples")
        }
    }

    func testMatchExamples() throws {
        let scanner = try Fixtures.defaultScanner(ScanOptions(trace: true))
        for r in try Fixtures.defaultPack().rules {
            for ex in r.rule.examples.match {
                let session = scanner.makeSession()
                _ = scanner.scan(ex.text, session: session)
                let cands = session.drain().candidates.filter { $0.ruleID == r.rule.id }
                let good = cands.filter { c in
                    if case .rejected = c.outcome { return false }
                    return c.score >= scanner.options.minScore
                }
                XCTAssertFalse(good.isEmpty, "\(r.rule.id): no match in example \(ex.text); candidates: \(cands.map { "\($0.value) \($0.outcome)" })")
                if let v = ex.value, !good.isEmpty {
                    XCTAssertTrue(good.contains { $0.value == v }, "\(r.rule.id): expected value \(v) in \(ex.text), got \(good.map(\.value))")
                }
            }
        }
    }

    func testNoMatchExamples() throws {
        let scanner = try Fixtures.defaultScanner(ScanOptions(trace: true))
        for r in try Fixtures.defaultPack().rules {
            for text in r.rule.examples.noMatch {
                let session = scanner.makeSession()
                _ = scanner.scan(text, session: session)
                let bad = session.drain().candidates.filter { c in
                    guard c.ruleID == r.rule.id else { return false }
                    if case .rejected = c.outcome { return false }
                    return c.score >= scanner.options.minScore
                }
                XCTAssertTrue(bad.isEmpty, "\(r.rule.id): unexpected match \(bad.map(\.value)) in no_match example \(text)")
            }
        }
    }

    func testDefaultPackCoversPromisedLabels() throws {
        let labels = try Fixtures.defaultPack().labels
        XCTAssertTrue(RulePack.knownLabels.isSubset(of: labels),
                      "missing labels: \(RulePack.knownLabels.subtracting(labels).sorted())")
    }
}
