import Foundation
import SumiAnonymity
import SumiCore
import SumiTransform
import Yams

/// What `sumi anonymize` is asked to do with a table: which columns play which role, how
/// quasi-identifiers generalize, and the privacy criteria. Built from a policy file, from
/// command-line flags, or both (flags win); columns it leaves open are decided by the column
/// classifier.
public struct AnonymizationPlan: Sendable {
    public var k = 5
    public var l = 1
    public var suppression = 0.0
    public var metric: InformationLoss = .loss
    /// Quasi-identifiers in the order given; empty means "as classified".
    public var quasiIdentifiers: [String] = []
    /// Hierarchy per quasi-identifier; missing ones get a default by the column's label.
    public var hierarchies: [String: HierarchySpec] = [:]
    public var sensitive: [String] = []
    /// Direct identifiers and what to do with each: nil drops the column.
    public var identifiers: [String: Operator?] = [:]
    /// Columns to keep as they are whatever the classifier says.
    public var keep: Set<String> = []
    /// A row whose prosecutor re-identification risk (1 / class size) is above this is "at risk".
    public var riskThreshold = 0.2
    /// Suppressed rows: `*` in every quasi-identifier (ARX's output) or left out of the output.
    public var dropSuppressed = false

    public init() {}

    /// The quasi-identifiers' hierarchy specs must be known before the data is read (files are
    /// read then); a column can be named once only across roles.
    public func validate() throws {
        guard k >= 1 else { throw PlanError("k must be at least 1") }
        guard l >= 1 else { throw PlanError("l must be at least 1") }
        guard (0...1).contains(suppression) else { throw PlanError("suppression must be a fraction between 0 and 1") }
        guard (0...1).contains(riskThreshold) else { throw PlanError("the risk threshold must be between 0 and 1") }
        var seen: [String: String] = [:]
        for (names, role) in [(quasiIdentifiers, "quasi-identifier"), (sensitive, "sensitive"), (Array(identifiers.keys), "identifier"), (Array(keep), "kept")] {
            for n in names {
                if let other = seen[n], other != role || role == "quasi-identifier" {
                    throw PlanError("column \(n) is named twice (\(other) and \(role))")
                }
                seen[n] = role
            }
        }
        if l > 1 && sensitive.count != 1 {
            throw PlanError("l-diversity needs exactly one sensitive column (got \(sensitive.count))")
        }
    }

    /// Reads a policy file:
    /// ```yaml
    /// k: 5
    /// l: 2
    /// suppression: 0.05
    /// metric: loss            # loss, precision, discernibility, dm-star, aecs, ncp
    /// risk_threshold: 0.2
    /// drop_suppressed: false
    /// columns:
    ///   年齢:   {role: quasi_identifier, hierarchy: "interval:5,10,20"}
    ///   住所:   {role: quasi_identifier, hierarchy: jp-address}
    ///   氏名:   {role: identifier, operator: pseudonymize}
    ///   電話番号: {role: identifier}          # no operator: the column is dropped
    ///   病名:   {role: sensitive}
    ///   備考:   {role: other}                 # kept as is
    /// ```
    public static func load(path: String) throws -> AnonymizationPlan {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw RuleError(file: path, line: 0, reason: "cannot read the policy file")
        }
        return try parse(yaml: text, file: path)
    }

    public static func parse(yaml: String, file: String) throws -> AnonymizationPlan {
        var plan = AnonymizationPlan()
        let root: Node?
        do { root = try Yams.compose(yaml: yaml) } catch {
            throw RuleError(file: file, line: 0, reason: "YAML: \(error)")
        }
        guard let map = root?.mapping else { throw RuleError(file: file, line: 1, reason: "a policy is a mapping (k, l, suppression, metric, columns)") }
        func fail(_ n: Node, _ reason: String) -> RuleError { RuleError(file: file, line: (n.mark?.line ?? 0), reason: reason) }
        func int(_ n: Node) throws -> Int {
            guard let i = n.int, i >= 1 else { throw fail(n, "expected a whole number of at least 1") }
            return i
        }
        func fraction(_ n: Node) throws -> Double {
            guard let d = n.float ?? n.int.map(Double.init), (0...1).contains(d) else { throw fail(n, "expected a fraction between 0 and 1") }
            return d
        }
        for (key, value) in map {
            switch key.string ?? "" {
            case "k": plan.k = try int(value)
            case "l": plan.l = try int(value)
            case "suppression": plan.suppression = try fraction(value)
            case "risk_threshold": plan.riskThreshold = try fraction(value)
            case "drop_suppressed":
                guard let b = value.bool else { throw fail(value, "expected true or false") }
                plan.dropSuppressed = b
            case "metric":
                guard let name = value.string, let m = InformationLoss(rawValue: name) else {
                    throw fail(value, "unknown metric (\(InformationLoss.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                plan.metric = m
            case "columns":
                guard let cols = value.mapping else { throw fail(value, "`columns` maps column names to {role, hierarchy, operator}") }
                for (nameNode, spec) in cols {
                    guard let name = nameNode.string else { throw fail(nameNode, "a column name must be a string") }
                    try parseColumn(name, spec, into: &plan, file: file, fail: fail)
                }
            default:
                throw fail(key, "unknown key `\(key.string ?? "")` (k, l, suppression, metric, risk_threshold, drop_suppressed, columns)")
            }
        }
        do { try plan.validate() } catch let e as PlanError { throw RuleError(file: file, line: 1, reason: e.description) }
        return plan
    }

    private static func parseColumn(_ name: String, _ spec: Node, into plan: inout AnonymizationPlan, file: String,
                                    fail: (Node, String) -> RuleError) throws {
        guard let m = spec.mapping else { throw fail(spec, "column \(name): expected {role: ..., ...}") }
        var role: String?
        var hierarchy: Node?
        var op: Node?
        for (k, v) in m {
            switch k.string ?? "" {
            case "role": role = v.string
            case "hierarchy": hierarchy = v
            case "operator": op = v
            default: throw fail(k, "column \(name): unknown key `\(k.string ?? "")` (role, hierarchy, operator)")
            }
        }
        switch role {
        case "quasi_identifier":
            plan.quasiIdentifiers.append(name)
            if let h = hierarchy {
                guard let text = h.string else { throw fail(h, "column \(name): hierarchy is a spec string") }
                do { plan.hierarchies[name] = try HierarchySpec.parse(text) } catch { throw fail(h, "column \(name): \(error)") }
            }
        case "identifier":
            // `.some`: assigning a bare nil would remove the key instead of recording "drop".
            plan.identifiers[name] = .some(try op.map { try Policy.parseOperator($0, file: file) })
        case "sensitive": plan.sensitive.append(name)
        case "other": plan.keep.insert(name)
        default:
            throw fail(spec, "column \(name): role must be identifier, quasi_identifier, sensitive or other")
        }
        if role != "quasi_identifier", let h = hierarchy { throw fail(h, "column \(name): only a quasi_identifier has a hierarchy") }
        if role != "identifier", let o = op { throw fail(o, "column \(name): only an identifier has an operator") }
    }
}

public struct PlanError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
