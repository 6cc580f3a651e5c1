import Foundation
import XCTest
@testable import SumiCore

/// A user's rules folder on top of the default pack: extends, disable, override, allowlists.
final class LayeredPackTests: XCTestCase {
    func makePack(_ config: String, rules: String? = nil) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sumi-pack-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        try config.replacingOccurrences(of: "DEFAULT", with: Fixtures.rulesDir.path)
            .write(to: dir.appendingPathComponent("sumi.yaml"), atomically: true, encoding: .utf8)
        if let rules { try rules.write(to: dir.appendingPathComponent("own.yaml"), atomically: true, encoding: .utf8) }
        return dir
    }

    func testExtendsDisableOverrideAndOwnRules() throws {
        let dir = try makePack("""
        extends: DEFAULT
        disable: [email-address]
        override:
          jp-my-number: {score: 0.9}
        """, rules: """
        rules:
          - id: employee-id
            label: PERSON
            score: 0.8
            patterns: ['\\bEMP-[0-9]{6}\\b']
        """)
        let pack = try RulePack(directory: dir)
        XCTAssertNil(pack.rules.first { $0.rule.id == "email-address" })
        XCTAssertEqual(pack.rules.first { $0.rule.id == "jp-my-number" }?.rule.score, 0.9)
        let f = RuleScanner(pack: pack).scan("taro@example.com EMP-123456 参照 123456789018")
        XCTAssertEqual(Set(f.map(\.ruleID)), ["employee-id", "jp-my-number"])
    }

    func testAllowlistedValuesPatternsAndPaths() throws {
        let dir = try makePack("""
        extends: DEFAULT
        allowlist:
          values: [taro@example.com]
          patterns: ['.*@example\\.org']
          paths: ['*/fixtures/*']
        """)
        let scanner = RuleScanner(pack: try RulePack(directory: dir))
        let f = scanner.scan("taro@example.com jiro@example.org hanako@example.net")
        XCTAssertEqual(f.map(\.value), ["hanako@example.net"])
        if case .skipped(let why) = scanner.scanFile(atPath: "/data/fixtures/a.txt").status {
            XCTAssertTrue(why.contains("allowlisted"))
        } else {
            XCTFail("allowlisted path was scanned")
        }
    }

    func testConfigErrorsNameFileAndLine() throws {
        let dir = try makePack("""
        extends: DEFAULT
        disable:
          - no-such-rule
        """)
        XCTAssertThrowsError(try RulePack(directory: dir)) { e in
            let s = "\(e)"
            XCTAssertTrue(s.contains("sumi.yaml:3:") && s.contains("no-such-rule"), s)
        }
    }
}
