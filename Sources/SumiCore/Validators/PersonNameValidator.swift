/// Checks a candidate person name against surname and given-name dictionaries, and narrows it
/// to the name itself: a pattern anchored on 様 may capture 担当山田太郎, of which 山田太郎 is the name.
///
/// Parameters (rule file `validator: {name: person_name, ...}`):
/// - `surnames`, `given_names`: term files; `stopwords`: names that are also ordinary words
/// - `script`: `ja` (kanji names, no spaces needed), `kana` (readings) or `en` (capitalized tokens)
/// - `single`: what a one-part name may be: `surname`, `given`, `any` or `none` (default `surname`)
/// - `fallback`: `true` to accept a plausibly shaped name that the dictionaries do not know
///   (for rules whose context is strong, like `氏名：` or `Mr.`)
struct PersonNameValidator: Sendable {
    enum Script: String, Sendable { case ja, kana, en }
    let name = "person_name"
    let script: Script
    let surnames: TermSets
    let givenNames: TermSets
    let stopwords: TermSets
    /// Ordinary words of the language: a token that is one cannot be an unknown name part.
    let commonWords: TermSets
    let single: String
    let fallback: Bool
    /// Accept only when the whole value is the name (no narrowing to a part of it).
    let whole: Bool
    static let honorifics = ByteTermSet(["様", "殿", "氏", "君", "さん", "さま", "くん", "ちゃん", "先生", "部長", "課長", "係長", "社長", "主任", "医師", "教授"])

    init(parameters: [String: String], load: (String) throws -> ByteTermSet, fail: (String) -> RuleError) throws {
        guard let s = Script(rawValue: parameters["script"] ?? "ja") else {
            throw fail("person_name: `script` must be ja, kana or en")
        }
        script = s
        // Each dictionary parameter may name several files, comma-separated.
        func files(_ key: String) throws -> TermSets {
            guard let v = parameters[key] else { return TermSets(sets: []) }
            return TermSets(sets: try v.split(separator: ",").map { try load($0.trimmingCharacters(in: .whitespaces)) })
        }
        surnames = try files("surnames")
        givenNames = try files("given_names")
        stopwords = try files("stopwords")
        commonWords = try files("common_words")
        single = parameters["single"] ?? "surname"
        guard ["surname", "given", "any", "none"].contains(single) else {
            throw fail("person_name: `single` must be surname, given, any or none")
        }
        fallback = (parameters["fallback"] ?? "false") == "true"
        whole = (parameters["whole"] ?? "false") == "true"
        let known: Set<String> = ["surnames", "given_names", "stopwords", "common_words", "script", "single", "fallback", "whole"]
        if let bad = parameters.keys.first(where: { !known.contains($0) }) {
            throw fail("person_name: unknown parameter `\(bad)`")
        }
    }

    /// Splits a Japanese name without a space into surname and given name with the dictionaries
    /// (山田太郎 → 山田, 太郎); nil when no split is known.
    func split(_ name: String) -> (String, String)? {
        let chars = Array(name)
        guard chars.count >= 3 else { return nil }
        for cut in stride(from: min(4, chars.count - 1), through: 1, by: -1) {
            let sur = String(chars[..<cut]), given = String(chars[cut...])
            if surnames.contains(sur) && givenNames.contains(given) { return (sur, given) }
        }
        return nil
    }

    /// Returns the byte range of the name inside `value`, or nil when it is not a name.
    func check(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard let r = narrow(value) else { return nil }
        if whole && r != 0..<value.count { return nil }
        return r
    }

    private func narrow(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        if script == .en {
            // An honorific glued to a Latin name is not stripped (山田様 is not Latin).
            return value.isEmpty ? nil : checkLatin(value)
        }
        // Looked up in their dictionary form (ASCII lower-cased, readings in katakana), which has
        // the same byte length, so one copy serves every substring; no String per lookup.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, value.count)) { buf in
            for k in 0..<value.count { buf[k] = value[k] }
            foldInPlace(UnsafeMutableBufferPointer(rebasing: buf[0..<value.count]))
            return narrowJapanese(value, UnsafeBufferPointer(rebasing: buf[0..<value.count]))
        }
    }

    private func narrowJapanese(_ value: UnsafeBufferPointer<UInt8>, _ folded: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        // Scalars with their byte offsets; the value is short (a few characters).
        var starts: [Int] = []
        starts.reserveCapacity(value.count + 1)
        var i = 0
        while i < value.count {
            starts.append(i)
            let b = value[i]
            i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4
        }
        starts.append(value.count)
        func raw(_ a: Int, _ b: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: value[starts[a]..<starts[b]]) }
        func key(_ a: Int, _ b: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: folded[starts[a]..<starts[b]]) }
        var n = starts.count - 1
        // An honorific or title glued to the name (山田太郎様) is not part of it.
        while n > 1, PersonNameValidator.honorifics.contains(raw(n - 1, n)) { n -= 1 }
        if n > 2, PersonNameValidator.honorifics.contains(raw(n - 2, n)) { n -= 2 }
        while n > 1 && value[starts[n - 1]] == 0x20 { n -= 1 }
        guard n > 0 else { return nil }
        // Split on one space (山田 太郎 / ヤマダ タロウ).
        if let sp = (0..<n).first(where: { value[starts[$0]] == 0x20 }) {
            var end = n
            while end > sp + 1 && value[starts[end - 1]] == 0x20 { end -= 1 }
            let givenOK = givenNames.contains(key(sp + 1, end))
            for a in 0..<sp where surnames.contains(key(a, sp)) && (givenOK || fallback) {
                return starts[a]..<starts[end]
            }
            if fallback && sp <= 5 && end - sp - 1 <= 5 { return 0..<starts[end] }
            // The part after the space is no given name: the first part alone may still be a name.
            if single == "surname" || single == "any" {
                for a in 0..<sp where surnames.contains(key(a, sp)) && !stopwords.contains(key(a, sp)) {
                    return starts[a]..<starts[sp]
                }
            }
            return nil
        }
        var singleHit: Range<Int>? = nil
        for a in 0..<n {
            for b in stride(from: min(n, a + 5), to: a, by: -1) {
                let sur = key(a, b)
                guard surnames.contains(sur) else { continue }
                if b == n {
                    if singleHit == nil, single == "surname" || single == "any", !stopwords.contains(sur) {
                        singleHit = starts[a]..<starts[n]
                    }
                } else if givenNames.contains(key(b, n)) {
                    return starts[a]..<starts[n]
                }
            }
            if singleHit == nil, single == "given" || single == "any" {
                let g = key(a, n)
                if givenNames.contains(g) && !stopwords.contains(g) { singleHit = starts[a]..<starts[n] }
            }
        }
        if let s = singleHit { return s }
        if fallback && n >= 2 && n <= 6 { return 0..<starts[n] }
        return nil
    }

    /// The lookup form in place: ASCII lower-cased; for readings, hiragana as katakana (U+3041–3096
    /// plus 0x60; the reading dictionaries are in katakana, forms write either). Lengths do not change.
    private func foldInPlace(_ b: UnsafeMutableBufferPointer<UInt8>) {
        var i = 0
        while i < b.count {
            let c = b[i]
            if c >= 0x41 && c <= 0x5A { b[i] = c + 0x20; i += 1; continue }
            if c < 0x80 { i += 1; continue }
            let len = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4
            if script == .kana && len == 3 && c == 0xE3 && i + 2 < b.count {
                let cp = (UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F)
                if cp >= 0x3041 && cp <= 0x3096 {
                    let k = cp + 0x60
                    b[i + 1] = UInt8(0x80 | ((k >> 6) & 0x3F))
                    b[i + 2] = UInt8(0x80 | (k & 0x3F))
                }
            }
            i += len
        }
    }

    private func checkLatin(_ value: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        // Tokens separated by spaces; "SURNAME, Given" (a comma after the first token) puts the
        // surname first.
        var tokens: [Range<Int>] = []
        var s = -1
        var commaAfterFirst = false
        for i in 0...value.count {
            let isSep = i == value.count || value[i] == 0x20 || value[i] == 0x0A || value[i] == 0x09
            if isSep {
                if s >= 0 {
                    var e = i
                    if tokens.isEmpty && e > s && value[e - 1] == 0x2C { commaAfterFirst = true; e -= 1 }
                    tokens.append(s..<e); s = -1
                }
            } else if s < 0 { s = i }
        }
        guard !tokens.isEmpty, tokens.count <= 4 else { return nil }
        // Lookups on a lower-cased copy, each token without the punctuation that clings to it
        // ("Smith," "O'Neil."): byte slices, no String per token.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, value.count)) { buf in
            for k in 0..<value.count { let c = value[k]; buf[k] = (c >= 0x41 && c <= 0x5A) ? c + 0x20 : c }
            let folded = UnsafeBufferPointer(rebasing: buf[0..<value.count])
            func isClinging(_ c: UInt8) -> Bool {
                c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x27 || c == 0x22 || c == 0x28 || c == 0x29
            }
            func word(_ r: Range<Int>) -> UnsafeBufferPointer<UInt8> {
                var a = r.lowerBound, b = r.upperBound
                while b > a && isClinging(folded[b - 1]) { b -= 1 }
                while a < b && isClinging(folded[a]) { a += 1 }
                return UnsafeBufferPointer(rebasing: folded[a..<b])
            }
            return checkLatinTokens(value, tokens, tokens.map(word), commaAfterFirst)
        }
    }

    private func checkLatinTokens(_ value: UnsafeBufferPointer<UInt8>, _ tokens: [Range<Int>], _ words: [UnsafeBufferPointer<UInt8>],
                                  _ commaAfterFirst: Bool) -> Range<Int>? {
        let whole = tokens.first!.lowerBound..<tokens.last!.upperBound
        if tokens.count == 1 {
            let w = words[0]
            if fallback && !stopwords.contains(w) && !commonWords.contains(w) { return tokens[0] }
            switch single {
            case "surname": return surnames.contains(w) && !stopwords.contains(w) ? tokens[0] : nil
            case "given": return givenNames.contains(w) && !stopwords.contains(w) ? tokens[0] : nil
            case "any": return (surnames.contains(w) || givenNames.contains(w)) && !stopwords.contains(w) ? tokens[0] : nil
            default: return nil
            }
        }
        func common(_ w: UnsafeBufferPointer<UInt8>) -> Bool { stopwords.contains(w) || commonWords.contains(w) }
        let (first, last) = commaAfterFirst ? (words[1], words[0]) : (words.first!, words.last!)
        let firstOK = givenNames.contains(first) && !stopwords.contains(first)
        let lastOK = surnames.contains(last) && !stopwords.contains(last)
        if fallback { return whole }
        if commaAfterFirst {
            // "SURNAME, Given": the surname must be known, or written in capitals before a known given name.
            let surnameToken = String(decoding: UnsafeBufferPointer(rebasing: value[tokens[0]]), as: UTF8.self)
            let allCaps = surnameToken.count >= 2 && surnameToken.uppercased() == surnameToken
            return (lastOK && (firstOK || !common(first))) || (allCaps && firstOK && !common(last)) ? whole : nil
        }
        if firstOK && (lastOK || surnames.contains(last) || !common(last)) { return whole }
        if lastOK && (givenNames.contains(first) || !common(first)) { return whole }
        return nil
    }
}

/// Several term sets looked up as one (each file's set is built once per pack and shared).
struct TermSets: Sendable {
    let sets: [ByteTermSet]
    var isEmpty: Bool { sets.allSatisfy(\.isEmpty) }
    func contains(_ s: String) -> Bool {
        for set in sets where set.contains(s) { return true }
        return false
    }
    func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for set in sets where set.contains(bytes) { return true }
        return false
    }
}
