import Foundation
import SumiCore

/// Lists the files a batch should read, in path order: folders recursively, `.sumiignore` files
/// (gitignore syntax) honoured, `--include`/`--exclude` globs, hidden files only on request,
/// symbolic links followed only on request and then never in a loop or out of the root, and
/// files over `maxSize` left out with a note.
public struct Walker {
    public struct Options {
        public var includeHidden = false
        public var followLinks = false
        public var maxSize: Int? = nil
        public var include: [String] = []
        public var exclude: [String] = []
        public init() {}
    }

    public struct Listing {
        public var files: [String] = []
        /// The size in bytes of each of `files` (same order), from the walk's own stat, so later
        /// stages need not stat again.
        public var sizes: [Int] = []
        /// Files left out on purpose, with the reason (too large...).
        public var skipped: [(path: String, reason: String)] = []
        /// Folders or files that could not be read.
        public var errors: [String] = []
    }

    public let options: Options
    let includeRules: [IgnoreRule]
    let excludeRules: [IgnoreRule]

    public init(options: Options) throws {
        self.options = options
        includeRules = try options.include.map { try IgnoreRule(pattern: $0, base: "") }
        excludeRules = try options.exclude.map { try IgnoreRule(pattern: $0, base: "") }
    }

    public func list(_ roots: [String]) -> Listing {
        var out = Listing()
        for root in roots {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root, isDirectory: &isDir) else {
                out.errors.append("\(root): no such file or folder")
                continue
            }
            if !isDir.boolValue {
                consider(root, relative: (root as NSString).lastPathComponent, size: Walker.size(of: root), into: &out)
                continue
            }
            let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
            var visited: Set<String> = [realRoot]
            var files: [(path: String, relative: String, size: Int)] = []
            walk(root, relative: "", ignores: [], realRoot: realRoot, visited: &visited, files: &files, out: &out)
            for f in files.sorted(by: { $0.path < $1.path }) { consider(f.path, relative: f.relative, size: f.size, into: &out) }
        }
        return out
    }

    /// The size of a file (of its target, for a link); 0 when it cannot be read.
    static func size(of path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int ?? 0
    }

    private func consider(_ path: String, relative: String, size: Int, into out: inout Listing) {
        if !includeRules.isEmpty && !includeRules.contains(where: { $0.matches(relative, isDirectory: false) }) { return }
        if excludeRules.contains(where: { $0.matches(relative, isDirectory: false) }) { return }
        if let max = options.maxSize, size > max {
            out.skipped.append((path, "larger than --max-size (\(size) bytes)"))
            return
        }
        out.files.append(path)
        out.sizes.append(size)
    }

    private func walk(_ dir: String, relative: String, ignores: [IgnoreRule], realRoot: String,
                      visited: inout Set<String>, files: inout [(path: String, relative: String, size: Int)], out: inout Listing) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir) else { out.errors.append("\(dir): cannot list folder"); return }
        var rules = ignores
        let ignoreFile = (dir as NSString).appendingPathComponent(".sumiignore")
        if let text = try? String(contentsOfFile: ignoreFile, encoding: .utf8) {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.hasPrefix("#") { continue }
                do { rules.append(try IgnoreRule(pattern: t, base: relative)) } catch {
                    out.errors.append("\(ignoreFile):\(n + 1): \(error)")
                }
            }
        }
        for name in names.sorted() {
            if !options.includeHidden && name.hasPrefix(".") { continue }
            let path = (dir as NSString).appendingPathComponent(name)
            let rel = relative.isEmpty ? name : relative + "/" + name
            let attrs = try? fm.attributesOfItem(atPath: path)
            let isLink = (attrs?[.type] as? FileAttributeType) == .typeSymbolicLink
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }   // dangling link
            if isLink {
                guard options.followLinks else { continue }
                let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                // Never out of the root, never twice.
                guard real == realRoot || real.hasPrefix(realRoot + "/") else { continue }
                if isDir.boolValue {
                    guard visited.insert(real).inserted else { continue }
                }
            }
            if IgnoreRule.ignored(rel, isDirectory: isDir.boolValue, rules: rules) { continue }
            if isDir.boolValue {
                walk(path, relative: rel, ignores: rules, realRoot: realRoot, visited: &visited, files: &files, out: &out)
            } else if isLink {
                files.append((path, rel, Walker.size(of: path)))   // attributesOfItem does not follow the link
            } else if (attrs?[.type] as? FileAttributeType) == .typeRegular {
                files.append((path, rel, attrs?[.size] as? Int ?? 0))
            }
        }
    }
}

/// One gitignore-style line: `*.log`, `/build/`, `docs/**/draft*`, `!keep.log`.
struct IgnoreRule {
    let negated: Bool
    let directoryOnly: Bool
    let regex: PCRE2Regex
    let scratch = RegexScratch(maxCaptures: 4)

    init(pattern raw: String, base: String) throws {
        var p = raw
        negated = p.hasPrefix("!")
        if negated { p.removeFirst() }
        directoryOnly = p.hasSuffix("/")
        if directoryOnly { p.removeLast() }
        // A pattern with a slash (other than at the end) is relative to its .sumiignore's folder;
        // without one it matches a name at any depth below it.
        let anchored = p.contains("/")
        if p.hasPrefix("/") { p.removeFirst() }
        var re = ""
        var chars = Array(p)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "*" && i + 1 < chars.count && chars[i + 1] == "*" {
                if i + 2 < chars.count && chars[i + 2] == "/" { re += "(?:.*/)?"; i += 3; continue }
                re += ".*"; i += 2; continue
            }
            switch c {
            case "*": re += "[^/]*"
            case "?": re += "[^/]"
            case "[":
                if let close = chars[(i + 1)...].firstIndex(of: "]") {
                    re += "[" + String(chars[(i + 1)..<close]).replacingOccurrences(of: "\\", with: "\\\\") + "]"
                    i = close + 1
                    continue
                }
                re += "\\["
            default:
                re += c.isLetter || c.isNumber ? String(c) : "\\" + String(c)
            }
            i += 1
        }
        chars = []
        let prefix = base.isEmpty ? "" : NSRegularExpression.escapedPattern(for: base) + "/"
        let full = anchored ? "^" + prefix + re + "(?:/.*)?$" : "^" + prefix + "(?:.*/)?" + re + "(?:/.*)?$"
        regex = try PCRE2Regex(full)
    }

    func matches(_ relative: String, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory {
            // `build/` still covers files below a folder named build.
            let parent = (relative as NSString).deletingLastPathComponent
            return !parent.isEmpty && ((try? regex.matches(parent, scratch: scratch)) ?? false)
        }
        return (try? regex.matches(relative, scratch: scratch)) ?? false
    }

    /// Last matching rule wins, as in gitignore.
    static func ignored(_ relative: String, isDirectory: Bool, rules: [IgnoreRule]) -> Bool {
        var result = false
        for r in rules where r.matches(relative, isDirectory: isDirectory) { result = !r.negated }
        return result
    }
}
