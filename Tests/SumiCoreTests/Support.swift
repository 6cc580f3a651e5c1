import Foundation
@testable import SumiCore

/// The bundled rules folder of this checkout, and a pack loaded once for all tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rulesDir = root.appendingPathComponent("rules")
    static let corporaDir = root.appendingPathComponent("corpora")
    static let pack: RulePack = {
        do { return try RulePack(directory: rulesDir) } catch { fatalError("default rules do not load: \(error)") }
    }()
    static let scanner = Scanner(pack: pack)
    static let tracer = Scanner(pack: pack, options: ScanOptions(trace: true))

    /// A pack from inline YAML (no dictionaries folder).
    static func pack(yaml: String) throws -> RulePack {
        try RulePack(rules: RuleFileParser.parse(yaml: yaml, file: "inline.yaml"), root: rulesDir)
    }
}
