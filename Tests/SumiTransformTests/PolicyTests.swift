import Foundation
import XCTest
import SumiCore
@testable import SumiTransform

final class PolicyTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testBundledPoliciesParse() throws {
        for name in ["redact-all", "pseudonymize", "share-with-vendor"] {
            let p = try Policy.load(path: Self.root.appendingPathComponent("rules/policies/\(name).yaml").path)
            XCTAssertNotNil(p.operatorFor("PERSON"))
        }
        let vendor = try Policy.load(path: Self.root.appendingPathComponent("rules/policies/share-with-vendor.yaml").path)
        XCTAssertEqual(vendor.operatorFor("MEDICAL"), .redact)
        XCTAssertTrue(vendor.needsKey)
    }

    func testPathOverridesWinForMatchingFiles() throws {
        let p = try Policy.parse(yaml: """
        default: {operator: replace, template: "<{label}>"}
        labels:
          PERSON: {operator: mask}
        paths:
          - glob: '*/hr/*'
            labels:
              PERSON: redact
          - glob: '*.csv'
            default: {operator: replace, template: "[x]"}
        """, file: "p.yaml")
        XCTAssertEqual(p.operatorFor("PERSON", path: "/data/hr/a.txt"), .redact)
        XCTAssertEqual(p.operatorFor("PHONE_NUMBER", path: "/data/hr/a.txt"), .replace(template: "<{label}>"))
        XCTAssertEqual(p.operatorFor("PERSON", path: "/data/list.csv"), .replace(template: "[x]"))
        XCTAssertEqual(p.operatorFor("PERSON", path: "/data/notes.txt"),
                       .mask(character: "*", keepFirst: 0, keepLast: 0, keepSeparators: true, digitsOnly: false))
    }

    func testPolicyErrorsNameFileAndLine() {
        XCTAssertThrowsError(try Policy.parse(yaml: "labels:\n  PERSON: {operator: shred}\n", file: "p.yaml")) { e in
            XCTAssertTrue("\(e)".hasPrefix("p.yaml:2:") && "\(e)".contains("unknown operator `shred`"), "\(e)")
        }
        XCTAssertThrowsError(try Policy.parse(yaml: "labels:\n  PHONE_NUMBER: {operator: mask, keep_last: -1}\n", file: "p.yaml")) { e in
            XCTAssertTrue("\(e)".contains("keep_last"), "\(e)")
        }
    }

    func testRedactorAppliesPolicyPerLabel() throws {
        let text = "担当：山田太郎様\n電話：090-1234-5678\n生年月日：1980年3月4日"
        let pack = try RulePack(directory: Self.root.appendingPathComponent("rules"))
        let findings = RuleScanner(pack: pack).scan(text)
        var policy = Policy()
        policy.labels["PHONE_NUMBER"] = .mask(character: "*", keepFirst: 0, keepLast: 4, keepSeparators: true, digitsOnly: false)
        policy.labels["DATE_OF_BIRTH"] = .generalize(level: .year)
        let out = try Redactor.redact(utf8: Array(text.utf8), findings: findings, policy: policy,
                                      context: OperatorContext(key: nil, referenceDate: (2026, 11, 30)))
        XCTAssertEqual(String(decoding: out.text, as: UTF8.self), "担当：<PERSON>様\n電話：***-****-5678\n生年月日：1980")
        XCTAssertEqual(out.applied["PHONE_NUMBER"], 1)
    }
}
