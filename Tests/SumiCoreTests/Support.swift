import Foundation
@testable import SumiCore

/// The bundled rules folder of this checkout, and a pack loaded once for all tests.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rulesDir = root.appendingPathComponent("rules")
    static let corporaDir = root.appendingPathComponent("corpora")
    private static let loaded = Result { try RulePack(directory: rulesDir) }
    /// The default pack; a test that needs it fails (rather than crashing the run) when it does not load.
    static func defaultPack() throws -> RulePack { try loaded.get() }
    static func defaultScanner(_ options: ScanOptions = ScanOptions()) throws -> RuleScanner {
        RuleScanner(pack: try defaultPack(), options: options)
    }

    /// A pack from inline YAML (no dictionaries folder).
    static func pack(yaml: String) throws -> RulePack {
        try RulePack(rules: RuleFileParser.parse(yaml: yaml, file: "inline.yaml"), root: rulesDir)
    }
}
