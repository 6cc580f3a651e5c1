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
