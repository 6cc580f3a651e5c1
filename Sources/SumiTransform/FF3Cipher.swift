import _CryptoExtras
import Crypto

/// FF3-1 format-preserving encryption (NIST SP 800-38G Rev. 1): a numeral string encrypts to a
/// numeral string of the same length and radix. A 7-byte tweak gives FF3-1; an 8-byte tweak gives
/// the original FF3, kept because NIST's published FF3 samples check the same rounds.
public struct FF3Cipher {
    public enum Failure: Error, Equatable {
        case badKey, badTweak, badRadix, badLength(Int)
    }
    let key: SymmetricKey        // the key bytes reversed, as FF3 prescribes
    public let radix: Int
    public let minLength: Int
    public let maxLength: Int

    public init(key: [UInt8], radix: Int) throws {
        guard [16, 24, 32].contains(key.count) else { throw Failure.badKey }
        guard (2...1 << 16).contains(radix) else { throw Failure.badRadix }
        self.key = SymmetricKey(data: key.reversed())
        self.radix = radix
        // radix^minlen >= 1,000,000, and maxlen = 2 * floor(log_radix(2^96)).
        var minLen = 1, p = radix
        while p < 1_000_000 { p *= radix; minLen += 1 }
        minLength = minLen
        var maxHalf = 0
        var q: UInt128 = 1
        while q <= (UInt128(1) << 96) / UInt128(radix) { q *= UInt128(radix); maxHalf += 1 }
        maxLength = 2 * maxHalf
    }

    public func encrypt(_ x: [Int], tweak: [UInt8]) throws -> [Int] { try run(x, tweak: tweak, decrypt: false) }
    public func decrypt(_ x: [Int], tweak: [UInt8]) throws -> [Int] { try run(x, tweak: tweak, decrypt: true) }

    func run(_ x: [Int], tweak: [UInt8], decrypt: Bool) throws -> [Int] {
        let n = x.count
        guard n >= minLength && n <= maxLength else { throw Failure.badLength(n) }
        let (tl, tr): ([UInt8], [UInt8])
        switch tweak.count {
        case 7: tl = [tweak[0], tweak[1], tweak[2], tweak[3] & 0xF0]
                tr = [tweak[4], tweak[5], tweak[6], (tweak[3] & 0x0F) << 4]
        case 8: tl = Array(tweak[0..<4]); tr = Array(tweak[4..<8])
        default: throw Failure.badTweak
        }
        let u = (n + 1) / 2, v = n - u
        var a = Array(x[0..<u]), b = Array(x[u..<n])
        let rounds = decrypt ? Array((0..<8).reversed()) : Array(0..<8)
        for i in rounds {
            let even = i % 2 == 0
            let m = even ? u : v
            var w = even ? tr : tl
            w[3] ^= UInt8(i)
            // P = W ⊕ [i]^4 || [NUM_radix(REV(B or A))]^12, encrypted with REVB applied around it.
            let half = decrypt ? a : b
            var p = w + bytes12(numRev(half))
            p.reverse()
            try AES.permute(&p, key: key)
            p.reverse()
            let y = p.reduce(UInt128(0)) { $0 << 8 | UInt128($1) }
            let modulus = pow(m)
            let ym = y % modulus
            if !decrypt {
                let c = (numRev(a) + ym) % modulus
                a = b
                b = strRev(c, m)
            } else {
                let c = (numRev(b) + modulus - ym) % modulus
                b = a
                a = strRev(c, m)
            }
        }
        return a + b
    }

    func pow(_ m: Int) -> UInt128 { (0..<m).reduce(UInt128(1)) { acc, _ in acc * UInt128(radix) } }

    /// NUM_radix(REV(X)): the first numeral is the least significant.
    func numRev(_ x: [Int]) -> UInt128 { x.reversed().reduce(UInt128(0)) { $0 * UInt128(radix) + UInt128($1) } }

    /// REV(STR^m_radix(c)).
    func strRev(_ c: UInt128, _ m: Int) -> [Int] {
        var out = [Int](repeating: 0, count: m)
        var c = c
        for i in 0..<m { out[i] = Int(c % UInt128(radix)); c /= UInt128(radix) }
        return out
    }

    func bytes12(_ v: UInt128) -> [UInt8] { (0..<12).map { UInt8(truncatingIfNeeded: v >> (8 * (11 - $0))) } }
}

/// Format-preserving encryption of identifier values. Digits-only values stay digits (radix 10);
/// values with letters of one case stay alphanumerics of that case (radix 36); mixed case uses
/// radix 62. Separators and widths (０-９ stay full-width) stay where they were, so decryption
/// restores the original text byte for byte. Cycle walking keeps each ciphertext in its
/// plaintext's class (an alphanumeric never comes out as digits only), so decryption can tell
/// which radix was used. The AES key is derived from the user's key; the tweak from the label.
public struct ValueEncryptor {
    let cipher10: FF3Cipher
    let cipher36: FF3Cipher
    let cipher62: FF3Cipher

    public init(userKey: SymmetricKey) throws {
        let aes = HMAC<SHA256>.authenticationCode(for: Array("sumi-ff3-1-aes-key".utf8), using: userKey)
        let k = Array(aes.prefix(16))
        cipher10 = try FF3Cipher(key: k, radix: 10)
        cipher36 = try FF3Cipher(key: k, radix: 36)
        cipher62 = try FF3Cipher(key: k, radix: 62)
    }

    static func tweak(_ label: String) -> [UInt8] { Array(SHA256.hash(data: Array(("sumi-tweak:" + label).utf8)).prefix(7)) }

    enum Kind { case digits, upper, lower, mixed }

    /// Numeral of a character: 0-9, then A-Z (10-35), then a-z (36-61); full-width forms too.
    static func numeral(_ s: Unicode.Scalar) -> (value: Int, fullWidth: Bool)? {
        var v = s.value
        var full = false
        if v >= 0xFF10 && v <= 0xFF5A { v -= 0xFEE0; full = true }
        switch v {
        case 0x30...0x39: return (Int(v - 0x30), full)
        case 0x41...0x5A: return (Int(v - 0x41) + 10, full)
        case 0x61...0x7A: return (Int(v - 0x61) + 36, full)
        default: return nil
        }
    }

    static func kind(_ numerals: [Int]) -> Kind {
        let upper = numerals.contains { (10..<36).contains($0) }, lower = numerals.contains { $0 >= 36 }
        return upper && lower ? .mixed : upper ? .upper : lower ? .lower : .digits
    }

    public func encrypt(_ value: String, label: String) throws -> String { try run(value, label: label, decrypt: false) }
    public func decrypt(_ value: String, label: String) throws -> String { try run(value, label: label, decrypt: true) }

    func run(_ value: String, label: String, decrypt: Bool) throws -> String {
        var scalars = Array(value.unicodeScalars)
        var slots: [(index: Int, fullWidth: Bool)] = []
        var numerals: [Int] = []
        for (i, s) in scalars.enumerated() {
            if let n = ValueEncryptor.numeral(s) { slots.append((i, n.fullWidth)); numerals.append(n.value) }
        }
        let kind = ValueEncryptor.kind(numerals)
        let cipher: FF3Cipher
        // Numerals in the cipher's own radix: lower-case letters fold to 10-35 in radix 36.
        var x: [Int]
        switch kind {
        case .digits: cipher = cipher10; x = numerals
        case .upper, .lower: cipher = cipher36; x = numerals.map { $0 >= 36 ? $0 - 26 : $0 }
        case .mixed: cipher = cipher62; x = numerals
        }
        guard x.count >= cipher.minLength, x.count <= cipher.maxLength else {
            throw OperatorError.notApplicable("too few or too many characters to encrypt (\(x.count))")
        }
        let tweak = ValueEncryptor.tweak(label)
        func inClass(_ y: [Int]) -> Bool {
            switch kind {
            case .digits: return true
            case .upper, .lower: return y.contains { $0 >= 10 }
            case .mixed: return y.contains { (10..<36).contains($0) } && y.contains { $0 >= 36 }
            }
        }
        var y = x
        var rounds = 0
        repeat {
            y = decrypt ? try cipher.decrypt(y, tweak: tweak) : try cipher.encrypt(y, tweak: tweak)
            rounds += 1
            if rounds > 10_000 { throw OperatorError.notApplicable("cycle walking did not end") }
        } while !inClass(y)
        for (k, slot) in slots.enumerated() {
            var n = y[k]
            if kind == .lower && n >= 10 { n += 26 }
            var v: UInt32 = n < 10 ? 0x30 + UInt32(n) : n < 36 ? 0x41 + UInt32(n - 10) : 0x61 + UInt32(n - 36)
            if slot.fullWidth { v += 0xFEE0 }
            scalars[slot.index] = Unicode.Scalar(v)!
        }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }
}
