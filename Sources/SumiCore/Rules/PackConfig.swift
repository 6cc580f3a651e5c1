import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SumiText
import Yams

/// `sumi.yaml` in a rules folder: build on another pack, switch rules off, retune them, and
/// allowlist values and paths (like gitleaks' allowlists).
///
/// ```yaml
/// extends: default            # or a path to another rules folder
/// disable: [us-ssn-undelimited]
/// override:
///   jp-my-number: {score: 0.6, context: [社員番号]}   # new base score; extra context words
/// allowlist:
///   values: [taro@example.com]
///   patterns: ['.*@example\.(com|jp)']
///   paths: ['*/fixtures/*', '*.min.js']
/// ```
public struct PackConfig: Sendable {
    public var file: String
    public var extends: String?
    public var disable: [(id: String, line: Int)] = []
    public var overrides: [(id: String, line: Int, score: Double?, context: [String])] = []
    public var allowValues: [String] = []
    public var allowPatterns: [(pattern: String, line: Int)] = []
    public var allowPaths: [String] = []

    static let fileName = "sumi.yaml"

    /// Reads `sumi.yaml` from `directory`, or nil when there is none.
    public static func load(directory: URL) throws -> PackConfig? {
        let url = directory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw RuleError(file: url.path, line: 0, reason: "cannot read")
        }
        return try parse(yaml: text, file: url.path)
    }

    public static func parse(yaml: String, file: String) throws -> PackConfig {
        var config = PackConfig(file: file)
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch let e as YamlError {
            throw RuleError(file: file, line: RuleFileParser.yamlErrorLine(e), reason: "YAML: \(e)")
        }
        guard let map = root?.mapping else { return config }
        func fail(_ n: Node, _ reason: String) -> RuleError { RuleError(file: file, line: n.mark?.line ?? 0, reason: reason) }
        for (k, v) in map {
            switch k.string ?? "" {
            case "extends": config.extends = try RuleFileParser.string(v, "extends", fail)
            case "disable":
                guard let seq = v.sequence else { throw fail(v, "`disable` must be a list of rule ids") }
                config.disable = try seq.map { (try RuleFileParser.string($0, "disable", fail), $0.mark?.line ?? 0) }
            case "override":
                guard let m = v.mapping else { throw fail(v, "`override` maps rule ids to {score, context}") }
                for (rk, rv) in m {
                    guard let id = rk.string, let o = rv.mapping else { throw fail(rk, "`override` maps rule ids to {score, context}") }
                    var score: Double? = nil
                    var context: [String] = []
                    for (ok, ov) in o {
                        switch ok.string ?? "" {
                        case "score":
                            guard let s = ov.float, (0...1).contains(s) else { throw fail(ov, "`score` must be a number from 0 to 1") }
                            score = s
                        case "context": context = try RuleFileParser.strings(ov, "context", fail)
                        default: throw fail(ok, "unknown key `\(ok.string ?? "")` in override (score, context)")
                        }
                    }
                    config.overrides.append((id, rk.mark?.line ?? 0, score, context))
                }
            case "allowlist":
                guard let m = v.mapping else { throw fail(v, "`allowlist` must be a mapping (values, patterns, paths)") }
                for (ak, av) in m {
                    switch ak.string ?? "" {
                    case "values": config.allowValues = try RuleFileParser.strings(av, "values", fail)
                    case "patterns":
                        guard let seq = av.sequence else { throw fail(av, "`patterns` must be a list") }
                        config.allowPatterns = try seq.map { (try RuleFileParser.string($0, "patterns", fail), $0.mark?.line ?? 0) }
                    case "paths": config.allowPaths = try RuleFileParser.strings(av, "paths", fail)
                    default: throw fail(ak, "unknown key `\(ak.string ?? "")` in allowlist (values, patterns, paths)")
                    }
                }
            case "version", "description": continue
            default: throw fail(k, "unknown key `\(k.string ?? "")` (extends, disable, override, allowlist)")
            }
        }
        return config
    }
}

/// Findings that are never reported: exact values, whole-value patterns, and file paths.
public struct Allowlist: Sendable {
    var values: Set<String> = []
    var patterns: [PCRE2Regex] = []
    var paths: [String] = []

    public var isEmpty: Bool { values.isEmpty && patterns.isEmpty && paths.isEmpty }

    mutating func merge(_ other: Allowlist) {
        values.formUnion(other.values)
        patterns += other.patterns
        paths += other.paths
    }

    /// The value as found in the text.
    func allows(value: String, scratch: RegexScratch) -> Bool {
        if values.isEmpty && patterns.isEmpty { return false }
        let key = WordListBuilder.key(value)
        if values.contains(key) { return true }
        let bytes = Array(Normalizer.normalize(value).utf8)
        return bytes.withUnsafeBufferPointer { b in
            patterns.contains { (try? $0.matches(b, scratch: scratch, anchoredWhole: true)) == true }
        }
    }

    /// Shell-style globs (`*` also crosses `/`), tried on the whole path and on its file name.
    public func allows(path: String) -> Bool {
        paths.contains { Allowlist.globMatches($0, path) }
    }

    public static func globMatches(_ glob: String, _ path: String) -> Bool {
        fnmatch(glob, path, 0) == 0 || fnmatch(glob, (path as NSString).lastPathComponent, 0) == 0
    }
}
