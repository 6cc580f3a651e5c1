/// Rewrites Japanese script properties in a pattern into explicit code-point ranges.
///
/// Two reasons: PCRE2's `\p{Han}` means the script *extension*, which also takes CJK punctuation
/// such as 。「」・ー, so a name pattern would swallow brackets; and property look-ups are several
/// times slower in the JIT than ranges (measured with `sumi bench --per-rule`: a katakana pattern
/// went from 0.095 s to 0.030 s on 21 MB).
enum ScriptClasses {
    static let ranges: [String: String] = [
        "han": #"\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}\x{20000}-\x{2FA1F}々〆"#,
        "hiragana": #"\x{3041}-\x{3096}\x{309D}-\x{309F}"#,
        "katakana": #"\x{30A1}-\x{30FA}\x{30FD}-\x{30FF}\x{31F0}-\x{31FF}\x{FF66}-\x{FF6F}\x{FF71}-\x{FF9D}"#,
    ]

    static func expand(_ pattern: String) -> String {
        let chars = Array(pattern)
        var out = ""
        var i = 0
        var inClass = false
        while i < chars.count {
            let c = chars[i]
            if c == "\\" && i + 1 < chars.count {
                let n = chars[i + 1]
                if n == "p", i + 2 < chars.count, chars[i + 2] == "{", let close = chars[(i + 3)...].firstIndex(of: "}") {
                    var name = String(chars[(i + 3)..<close]).lowercased()
                    if name.hasPrefix("sc=") { name.removeFirst(3) } else if name.hasPrefix("script=") { name.removeFirst(7) }
                    if let r = ranges[name] {
                        out += inClass ? r : "[" + r + "]"
                        i = close + 1
                        continue
                    }
                }
                if n == "Q" {
                    // Quoted literal: copy through \E untouched.
                    if let end = (i + 2 < chars.count ? (i + 2)..<chars.count : chars.count..<chars.count)
                        .first(where: { chars[$0] == "\\" && $0 + 1 < chars.count && chars[$0 + 1] == "E" }) {
                        out += String(chars[i...(end + 1)])
                        i = end + 2
                    } else {
                        out += String(chars[i...])
                        i = chars.count
                    }
                    continue
                }
                out.append(c); out.append(n)
                i += 2
                continue
            }
            if !inClass && c == "[" {
                inClass = true
                out.append(c)
                i += 1
                // A ']' right after '[' or '[^' is a literal.
                if i < chars.count && chars[i] == "^" { out.append("^"); i += 1 }
                if i < chars.count && chars[i] == "]" { out.append("]"); i += 1 }
                continue
            }
            if inClass && c == "[" && i + 1 < chars.count && chars[i + 1] == ":" {
                // POSIX class [:alpha:] inside a class.
                if let end = chars[(i + 2)...].firstIndex(of: "]") {
                    out += String(chars[i...end]); i = end + 1; continue
                }
            }
            if inClass && c == "]" { inClass = false }
            out.append(c)
            i += 1
        }
        return out
    }
}
