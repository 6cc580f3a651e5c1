import XCTest
@testable import SumiCore

/// Every rule's own `examples` must hold: the documentation of a rule is also its test.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasExamples() {
        for r in Fixtures.pack.rules {
            XCTAssertFalse(r.rule.examples.match.isEmpty, "\(r.rule.id) has no match examples")
        }
    }

    func testMatchExamples() {
        let scanner = Fixtures.tracer
        for r in Fixtures.pack.rules {
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

    func testNoMatchExamples() {
        let scanner = Fixtures.tracer
        for r in Fixtures.pack.rules {
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

    func testDefaultPackCoversPromisedLabels() {
        XCTAssertTrue(RulePack.knownLabels.isSubset(of: Fixtures.pack.labels),
                      "missing labels: \(RulePack.knownLabels.subtracting(Fixtures.pack.labels).sorted())")
    }
}
