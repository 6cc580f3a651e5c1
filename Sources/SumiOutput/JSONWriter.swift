/// Minimal JSON text building with keys in a fixed order, so output is stable across runs
/// (Foundation's encoder sorts or shuffles keys and escapes '/' and non-ASCII needlessly).
public struct JSONWriter {
    public private(set) var text = ""
    private var needsComma: [Bool] = [false]

    public init() {}

    public static func quote(_ s: String) -> String {
        // Most strings need no escape: one pass over the bytes, then a single copy.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    public static func number(_ d: Double) -> String {
        if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
        let s = String(format4: d)
        return s
    }

    private mutating func comma() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    public mutating func beginObject(_ key: String? = nil) { prefix(key); text += "{"; needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); text += "}" }
    public mutating func beginArray(_ key: String? = nil) { prefix(key); text += "["; needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); text += "]" }

    private mutating func prefix(_ key: String?) {
        comma()
        if let key { text += JSONWriter.quote(key) + ":" }
    }

    public mutating func string(_ key: String?, _ v: String) { prefix(key); text += JSONWriter.quote(v) }
    public mutating func int(_ key: String?, _ v: Int) { prefix(key); text += String(v) }
    public mutating func double(_ key: String?, _ v: Double) { prefix(key); text += JSONWriter.number(v) }
    public mutating func bool(_ key: String?, _ v: Bool) { prefix(key); text += v ? "true" : "false" }
    public mutating func null(_ key: String?) { prefix(key); text += "null" }
    /// Inserts already-serialized JSON.
    public mutating func raw(_ key: String?, _ json: String) { prefix(key); text += json }
}

extension String {
    /// Up to 4 decimals, trailing zeros dropped (scores, ratios). Integer arithmetic: this runs
    /// once per finding, and Foundation formatting is slow.
    init(format4 d: Double) {
        guard d.isFinite else { self = "0"; return }
        let negative = d < 0
        let scaled = Int((abs(d) * 10000).rounded())
        var frac = scaled % 10000
        var s = (negative && scaled != 0 ? "-" : "") + String(scaled / 10000)
        if frac != 0 {
            var digits = 4
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        self = s
    }
}
