import Foundation

/// One problem `sumi rules lint` found, located like a compiler error.
public struct LintIssue: Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var ruleID: String?
    public var reason: String
    public var description: String { "\(file):\(line): \(ruleID.map { "\($0): " } ?? "")\(reason)" }

    init(_ e: RuleError) {
        file = e.file; line = e.line; ruleID = e.ruleID; reason = e.reason
    }

    init(_ rule: Rule, _ reason: String) {
        file = rule.file; line = rule.line; ruleID = rule.id; self.reason = reason
    }
}

/// Checks a rules folder the way a careful reviewer would: every file parses, every rule
/// compiles on its own (patterns, validators, dictionaries), ids are unique, labels are known,
/// no pattern backtracks catastrophically on probe strings, context blocks can have an effect,
/// and every rule's own examples hold. Unlike loading, it reports all problems, not the first.
public enum RuleLinter {
    /// Probe texts that make badly nested quantifiers explode; the limit keeps each probe short.
    static let probes: [String] = [
        String(repeating: "a", count: 3000) + "!",
        String(repeating: "1", count: 3000) + "x",
        String(repeating: "a ", count: 1500) + "!",
        String(repeating: "あ", count: 1500) + "!",
        String(repeating: "Aa", count: 1500) + "-",
        String(repeating: "1-", count: 1500) + "x",
    ]
    static let probeLimits = MatchLimits(match: 300_000, depth: 10_000, heapKiB: 20_000)

    public static func lint(directory: URL, minScore: Double = 0.5) -> [LintIssue] {
        var issues: [LintIssue] = []
        let files: [URL]
        do { files = try RulePack.ruleFiles(in: directory) } catch let e as RuleError {
            return [LintIssue(e)]
        } catch {
            return [LintIssue(RuleError(file: directory.path, line: 0, reason: "\(error)"))]
        }
        var rules: [Rule] = []
        for f in files {
            guard let text = try? String(contentsOf: f, encoding: .utf8) else {
                issues.append(LintIssue(RuleError(file: f.path, line: 0, reason: "not readable as UTF-8")))
                continue
            }
            do { rules += try RuleFileParser.parse(yaml: text, file: f.path) } catch let e as RuleError {
                issues.append(LintIssue(e))
            } catch {
                issues.append(LintIssue(RuleError(file: f.path, line: 0, reason: "\(error)")))
            }
        }
        // Duplicate ids and unknown labels.
        var firstSeen: [String: Rule] = [:]
        var unique: [Rule] = []
        for r in rules {
            if let prev = firstSeen[r.id] {
                issues.append(LintIssue(r, "duplicate rule id (first defined at \(prev.file):\(prev.line))"))
                continue
            }
            firstSeen[r.id] = r
            unique.append(r)
            if !RulePack.knownLabels.contains(r.label) {
                issues.append(LintIssue(r, "unknown label `\(r.label)` (known: \(RulePack.knownLabels.sorted().joined(separator: ", ")))"))
            }
            if let c = r.context, c.boost == 0, !c.required {
                issues.append(LintIssue(r, "context can have no effect (boost 0 and not required)"))
            }
            if let c = r.context, c.words.isEmpty, c.labels.isEmpty {
                issues.append(LintIssue(r, "context lists no words, files or labels"))
            }
        }
        // Each rule compiled on its own, so one broken rule does not hide the others.
        var good: [Rule] = []
        for r in unique {
            do {
                let pack = try RulePack(rules: [r], root: directory)
                good.append(r)
                issues += probe(pack.rules[0])
            } catch let e as RuleError {
                issues.append(LintIssue(e))
            } catch {
                issues.append(LintIssue(r, "\(error)"))
            }
        }
        // Examples, with all the rules that compile (label context needs the others).
        if let pack = try? RulePack(rules: good, root: directory) {
            issues += examples(pack, minScore: minScore)
        }
        // A layered pack (sumi.yaml): extends, disable, override and allowlist must hold too.
        if issues.isEmpty, FileManager.default.fileExists(atPath: directory.appendingPathComponent(PackConfig.fileName).path) {
            do { _ = try RulePack(directory: directory) } catch let e as RuleError {
                issues.append(LintIssue(e))
            } catch {
                issues.append(LintIssue(RuleError(file: directory.path, line: 0, reason: "\(error)")))
            }
        }
        return issues.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Runs each pattern over the probe texts with a low match limit.
    static func probe(_ rule: CompiledRule) -> [LintIssue] {
        let scratch = RegexScratch(maxCaptures: 64)
        for re in rule.regexes {
            guard let strict = try? PCRE2Regex(ScriptClasses.expand(re.pattern), caseInsensitive: rule.rule.caseInsensitive,
                                               limits: probeLimits) else { continue }
            for p in probes {
                let bytes = Array(p.utf8)
                do {
                    _ = try bytes.withUnsafeBufferPointer { b in
                        try strict.forEachMatch(in: b, scratch: scratch) { _, _ in true }
                    }
                } catch let e as RegexMatchError {
                    let sample = String(p.prefix(6)) + "…"
                    return [LintIssue(rule.rule, "pattern may backtrack catastrophically: \(e) on a probe of \(bytes.count) bytes (\(sample)): \(re.pattern)")]
                } catch {}
            }
        }
        return []
    }

    /// Each rule's `examples`: a match example needs an above-threshold candidate of the rule
    /// (with the expected value when given); a no_match example must have none.
    public static func examples(_ pack: RulePack, minScore: Double = 0.5) -> [LintIssue] {
        var issues: [LintIssue] = []
        let scanner = RuleScanner(pack: pack, options: ScanOptions(minScore: minScore, trace: true))
        for r in pack.rules {
            func good(_ text: String) -> [Candidate] {
                let session = scanner.makeSession()
                _ = scanner.scan(text, session: session)
                return session.drain().candidates.filter { c in
                    guard c.ruleID == r.rule.id else { return false }
                    if case .rejected = c.outcome { return false }
                    return c.score >= minScore
                }
            }
            for ex in r.rule.examples.match {
                let found = good(ex.text)
                if found.isEmpty {
                    issues.append(LintIssue(r.rule, "example does not match: \(ex.text)"))
                } else if let v = ex.value, !found.contains(where: { $0.value == v }) {
                    issues.append(LintIssue(r.rule, "example matches \(found.map(\.value)) instead of \(v): \(ex.text)"))
                }
            }
            for text in r.rule.examples.noMatch where !good(text).isEmpty {
                issues.append(LintIssue(r.rule, "no_match example matches: \(text)"))
            }
        }
        return issues
    }
}
