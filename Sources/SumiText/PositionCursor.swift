/// Walks forward through UTF-8 text, keeping the code-point offset, line and column of the
/// current byte offset. Findings are visited in order, so each byte is counted once.
public struct PositionCursor: Sendable {
    /// Global byte offset the cursor stands at.
    public private(set) var byteOffset: Int = 0
    /// Code points before `byteOffset`.
    public private(set) var codePoint: Int = 0
    /// 1-based line number.
    public private(set) var line: Int = 1
    /// 1-based column, in code points.
    public private(set) var column: Int = 1

    public init() {}

    /// Advances to global byte offset `target`. `chunk` holds the bytes from global offset `base`;
    /// `target` must lie within it and not before the cursor.
    public mutating func advance(to target: Int, in chunk: UnsafeBufferPointer<UInt8>, base: Int = 0) {
        precondition(target >= byteOffset, "cursor moves forward only")
        var i = byteOffset - base
        let end = target - base
        var cps = codePoint, ln = line, col = column
        // Eight bytes at a time: findings are sparse, so this walk covers most of the text.
        if let p = chunk.baseAddress {
            let high: UInt64 = 0x8080_8080_8080_8080, low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A
            while i + 8 <= end {
                let w = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                // A character starts at every byte that is not 10xxxxxx.
                let starts = ~(w & ~(w << 1)) & high
                // Bytes equal to '\n' (exact: no carries cross bytes).
                let x = w ^ newlines
                let nl = ~(((x & low7) &+ low7) | x) & high
                if nl == 0 {
                    let n = starts.nonzeroBitCount
                    cps += n; col += n
                } else {
                    cps += starts.nonzeroBitCount
                    ln += nl.nonzeroBitCount
                    // Column restarts after the word's last newline.
                    let last = (63 - nl.leadingZeroBitCount) >> 3          // byte index of the last '\n'
                    let after = last == 7 ? 0 : starts >> UInt64((last + 1) * 8)
                    col = 1 + after.nonzeroBitCount
                }
                i += 8
            }
        }
        while i < end {
            let b = chunk[i]
            if b & 0xC0 != 0x80 {
                cps += 1
                if b == 0x0A { ln += 1; col = 1 } else { col += 1 }
            }
            i += 1
        }
        byteOffset = target
        codePoint = cps
        line = ln
        column = col
    }
}
