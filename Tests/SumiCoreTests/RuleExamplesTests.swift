import XCTest
@testable import SumiCore

/// Every rule's own `examples` must hold: the documentation of a rule is also its test.
final class RuleExamplesTests: XCTestCase {
    func testEveryRuleHasExamples() throws {
        for r in try Fixtures.defaultPack().rules {
            XCTAssertFalse(r.rule.examples.match.isEmpty, "\(r.rule.id) has no match examples")
        }
    }

    /// Match examples must match (with the value, when given); no_match examples must not.
    func testExamples() throws {
        let issues = RuleLinter.examples(try Fixtures.defaultPack())
        XCTAssertTrue(issues.isEmpty, issues.map(\.description).joined(separator: "\n"))
    }

    /// The whole default pack lints clean.
    func testDefaultPackLintsClean() throws {
        let issues = RuleLinter.lint(directory: Fixtures.rulesDir)
        XCTAssertTrue(issues.isEmpty, issues.map(\.description).joined(separator: "\n"))
    }

    /// A folder with one of each problem: every one is reported with its file and line.
    func testLintReportsEachProblemWithFileAndLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let yaml = """
        rules:
          - id: broken
            label: PERSON
            patterns: ['abc(']
          - id: odd-label
            label: NOT_A_LABEL
            patterns: ['xyz']
            examples: {match: [xyz]}
          - id: no-dict
            label: MEDICAL
            dictionary: {files: [missing/terms.txt]}
          - id: bad-example
            label: EMAIL_ADDRESS
            patterns: ['[a-z]+@example\\.com']
            examples: {match: ['nobody at example dot com']}
          - id: explosive
            label: PERSON
            patterns: ['(a+)+$']
          - id: broken
            label: PERSON
            patterns: ['dup']
        """
        try yaml.write(to: dir.appendingPathComponent("r.yaml"), atomically: true, encoding: .utf8)
        let issues = RuleLinter.lint(directory: dir)
        let text = issues.map(\.description)
        func has(_ id: String, _ line: Int, _ words: String) -> Bool {
            text.contains { $0.contains("r.yaml:\(line): \(id): ") && $0.contains(words) }
        }
        XCTAssertTrue(has("broken", 2, "pattern does not compile"), "\(text)")
        XCTAssertTrue(has("odd-label", 5, "unknown label"), "\(text)")
        XCTAssertTrue(has("no-dict", 9, "missing/terms.txt"), "\(text)")
        XCTAssertTrue(has("bad-example", 12, "example does not match"), "\(text)")
        XCTAssertTrue(has("explosive", 16, "backtrack catastrophically"), "\(text)")
        XCTAssertTrue(has("broken", 19, "duplicate rule id"), "\(text)")
    }

    func testDefaultPackCoversPromisedLabels() throws {
        let labels = try Fixtures.defaultPack().labels
        XCTAssertTrue(RulePack.knownLabels.isSubset(of: labels),
                      "missing labels: \(RulePack.knownLabels.subtracting(labels).sorted())")
    }
}
