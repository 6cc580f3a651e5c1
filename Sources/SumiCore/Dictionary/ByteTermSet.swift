/// A set of terms looked up by their UTF-8 bytes, without building a `String`: an open-addressing
/// table over one byte pool. Name checks run for every name candidate, several lookups each, so
/// a lookup must not allocate (and `String` hashing normalizes non-ASCII text first).
public struct ByteTermSet: Sendable {
    private var pool: [UInt8] = []
    /// Start of each term in `pool`; one extra entry for the end of the last.
    private var starts: [Int32] = [0]
    /// Term index + 1 per slot; 0 is an empty slot.
    private var slots: [Int32]
    private var mask: Int

    public var count: Int { starts.count - 1 }
    public var isEmpty: Bool { count == 0 }

    public init<S: Sequence>(_ terms: S) where S.Element == String {
        let list = Array(terms)
        var capacity = 16
        while capacity < list.count * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for t in list { insert(t) }
    }

    private mutating func insert(_ term: String) {
        let bytes = Array(term.utf8)
        let found = bytes.withUnsafeBufferPointer { lookup($0) }
        guard case .empty(let slot) = found else { return }
        pool.append(contentsOf: bytes)
        starts.append(Int32(pool.count))
        slots[slot] = Int32(count)
    }

    private enum Probe { case found, empty(Int) }

    private func lookup(_ key: UnsafeBufferPointer<UInt8>) -> Probe {
        var slot = Int(truncatingIfNeeded: ByteTermSet.hash(key)) & mask
        return pool.withUnsafeBufferPointer { pool in
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return .empty(slot) }
                let a = Int(starts[entry - 1]), b = Int(starts[entry])
                if b - a == key.count {
                    var same = true
                    var k = 0
                    while k < key.count { if pool[a + k] != key[k] { same = false; break }; k += 1 }
                    if same { return .found }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// FNV-1a over the bytes (terms are a few characters long).
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h ^ (h >> 29)
    }

    public func contains(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if case .found = lookup(bytes) { return true }
        return false
    }

    public func contains(_ term: String) -> Bool {
        var s = term
        return s.withUTF8 { contains($0) }
    }
}
