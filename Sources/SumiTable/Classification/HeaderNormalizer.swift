import SumiText

/// A column header (or a dictionary entry) reduced to comparable words.
///
/// `tokens` are the header's words, lower case: a run of Latin letters, a run of digits, or a
/// run of other characters (kanji, kana, symbols such as 〒). `compact` is the tokens joined,
/// so `first_name`, `First Name`, `FirstName` and `ＦＩＲＳＴ－ＮＡＭＥ` all become `firstname`.
public struct NormalizedHeader: Sendable, Equatable {
    public var tokens: [String]
    public var compact: String { tokens.joined() }
    public var isEmpty: Bool { tokens.isEmpty }

    public init(tokens: [String]) { self.tokens = tokens }
}

/// Header normalization and the split of a header into its main part and parenthetical parts.
public enum HeaderNormalizer {
    private enum CharClass { case letter, digit, other, separator }

    /// Characters that only separate words in a header.
    private static let separators: Set<Unicode.Scalar> = [
        " ", "\t", "\n", "\r", "_", "-", ".", ",", "/", "\\", ":", ";", "|", "'", "\"", "`", "#", "&", "+", "*",
        "?", "!", "~", "=", "^", "@", "$", "%", "(", ")", "[", "]", "{", "}", "<", ">",
        "・", "･", "、", "。", "，", "：", "；", "／", "～", "〜", "＝", "※", "＊", "★", "☆", "◆", "■", "●",
        "（", "）", "【", "】", "「", "」", "『", "』", "〔", "〕", "［", "］", "｛", "｝", "〈", "〉", "《", "》",
        "\u{3000}", "\u{FEFF}", "\u{200B}",
    ]
    /// Opening → closing bracket of a parenthetical part.
    private static let brackets: [Unicode.Scalar: Unicode.Scalar] = [
        "(": ")", "（": "）", "[": "]", "［": "］", "【": "】", "〔": "〕", "「": "」", "『": "』", "<": ">", "〈": "〉", "《": "》",
    ]

    /// Normalizes for matching: full-width ASCII → ASCII and half-width kana → full-width
    /// (SumiText's scanner normalization), lower case, words split at separators, at changes
    /// between Latin letters, digits and other scripts, and at camelCase boundaries.
    public static func normalize(_ header: String) -> NormalizedHeader {
        let text = Normalizer.normalize(header)
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        var currentClass = CharClass.separator
        var previousWasLower = false
        let scalars = Array(text.unicodeScalars)
        func flush() {
            if !current.isEmpty { tokens.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for (i, s) in scalars.enumerated() {
            let cls: CharClass
            if separators.contains(s) { cls = .separator }
            else if s.isASCII && s.properties.isAlphabetic { cls = .letter }
            else if s.isASCII && s.properties.numericType != nil { cls = .digit }
            else if s.properties.isWhitespace { cls = .separator }
            else { cls = .other }
            if cls == .separator {
                flush()
                currentClass = .separator
                previousWasLower = false
                continue
            }
            var breakHere = cls != currentClass
            if cls == .letter && currentClass == .letter {
                let isUpper = s.properties.isUppercase
                // fooBar → foo|Bar; IPAddress → IP|Address (an upper case letter that starts a lower case run).
                if isUpper && previousWasLower { breakHere = true }
                if isUpper && !previousWasLower, i + 1 < scalars.count, scalars[i + 1].isASCII,
                   scalars[i + 1].properties.isLowercase, current.count > 1 {
                    breakHere = true
                }
            }
            if breakHere { flush() }
            current.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            currentClass = cls
            previousWasLower = cls == .letter && s.properties.isLowercase
        }
        flush()
        return NormalizedHeader(tokens: tokens)
    }

    /// Splits `住所(現住所)` into `住所` and `[現住所]`; unbalanced brackets are left in the main part.
    public static func splitParenthetical(_ header: String) -> (main: String, inner: [String]) {
        let text = Normalizer.normalize(header)
        var main = String.UnicodeScalarView()
        var inner: [String] = []
        var open: (close: Unicode.Scalar, text: String.UnicodeScalarView)? = nil
        for s in text.unicodeScalars {
            if var o = open {
                if s == o.close {
                    inner.append(String(o.text))
                    open = nil
                } else {
                    o.text.append(s)
                    open = o
                }
            } else if let close = brackets[s] {
                open = (close, String.UnicodeScalarView())
            } else {
                main.append(s)
            }
        }
        if let o = open { main.append(contentsOf: o.text) }
        return (String(main), inner)
    }
}
