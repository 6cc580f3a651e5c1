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
