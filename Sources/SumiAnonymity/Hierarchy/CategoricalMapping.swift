import Foundation
import Yams

/// Group mappings for `HierarchyBuilders.categorical`, read from a YAML file:
///
/// ```yaml
/// fallback: Other          # optional, default "*": group for values a level does not list
/// levels:                  # one entry per level above the data, finest first
///   - Asia: [Japan, China]     # group: [members]  (a single member may be written bare)
///     Europe: [France]
///   - "*": [Asia, Europe]      # quote *, YAML reads a bare * as an alias
/// ```
///
/// Each level lists groups of the values one level below. A member listed under two groups
/// of the same level is an error (the result would not be a tree), reported with its line.
public struct CategoricalMapping: Sendable, Equatable {
    /// `levels[i][member] = group`.
    public var levels: [[String: String]]
    public var fallback: String

    public init(levels: [[String: String]], fallback: String = HierarchyBuilders.topValue) {
        self.levels = levels; self.fallback = fallback
    }

    public static func load(path: String) throws -> CategoricalMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HierarchyError(source: path, line: 0, reason: "cannot read file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HierarchyError(source: path, line: 0, reason: "not valid UTF-8")
        }
        return try parse(yaml: text, source: path)
    }

    public static func parse(yaml: String, source: String = "mapping") throws -> CategoricalMapping {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw HierarchyError(source: source, line: yamlErrorLine(error), reason: "not valid YAML")
        }
        func fail(_ node: Node?, _ reason: String) -> HierarchyError {
            HierarchyError(source: source, line: node?.mark?.line ?? 0, reason: reason)
        }
        guard let top = root?.mapping else { throw fail(root, "expected a mapping with a 'levels' key") }
        for key in top.keys where key.string != "levels" && key.string != "fallback" {
            throw fail(key, "unknown key (expected 'levels' and optionally 'fallback')")
        }
        var fallback = HierarchyBuilders.topValue
        if let node = top["fallback"] {
            guard let value = node.scalar?.string else { throw fail(node, "'fallback' must be a single value") }
            fallback = value
        }
        guard let levelsNode = top["levels"] else { throw fail(root, "missing 'levels'") }
        guard let levelList = levelsNode.sequence else { throw fail(levelsNode, "'levels' must be a list, one entry per level") }
        var levels: [[String: String]] = []
        for (index, levelNode) in levelList.enumerated() {
            guard let groups = levelNode.mapping else {
                throw fail(levelNode, "level \(index + 1) must map each group to its members")
            }
            var memberGroup: [String: String] = [:]
            for (groupNode, membersNode) in groups {
                guard let group = groupNode.scalar?.string else { throw fail(groupNode, "a group name must be a single value") }
                let memberNodes: [Node]
                if let list = membersNode.sequence { memberNodes = Array(list) }
                else if membersNode.scalar != nil { memberNodes = [membersNode] }
                else { throw fail(membersNode, "members must be a value or a list of values") }
                for memberNode in memberNodes {
                    guard let member = memberNode.scalar?.string else { throw fail(memberNode, "a member must be a single value") }
                    guard memberGroup[member] == nil else {
                        throw fail(memberNode, "level \(index + 1) lists a value under two groups; a hierarchy must be a tree")
                    }
                    memberGroup[member] = group
                }
            }
            levels.append(memberGroup)
        }
        return CategoricalMapping(levels: levels, fallback: fallback)
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 0
        }
    }
}
