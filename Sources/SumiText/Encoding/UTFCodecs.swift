// Hand-written UTF-8 validation and UTF-16 <-> UTF-8 conversion.

enum UTF8Validator {
    /// Offset of the first byte of the first ill-formed UTF-8 sequence, or nil.
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        var i = 0
        while i < n {
            // ASCII fast path, 8 bytes at a time.
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= n { break }
            let b0 = base[i]
            if b0 < 0x80 { i += 1; continue }
            if b0 < 0xC2 { return i }
            if b0 < 0xE0 {
                if i + 1 >= n || base[i + 1] & 0xC0 != 0x80 { return i }
                i += 2
                continue
            }
            if b0 < 0xF0 {
                if i + 2 >= n { return i }
                let b1 = base[i + 1], b2 = base[i + 2]
                let lo: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80
                let hi: UInt8 = b0 == 0xED ? 0x9F : 0xBF
                if b1 < lo || b1 > hi || b2 & 0xC0 != 0x80 { return i }
                i += 3
                continue
            }
            if b0 < 0xF5 {
                if i + 3 >= n { return i }
                let b1 = base[i + 1], b2 = base[i + 2], b3 = base[i + 3]
                let lo: UInt8 = b0 == 0xF0 ? 0x90 : 0x80
                let hi: UInt8 = b0 == 0xF4 ? 0x8F : 0xBF
                if b1 < lo || b1 > hi || b2 & 0xC0 != 0x80 || b3 & 0xC0 != 0x80 { return i }
                i += 4
                continue
            }
            return i
        }
        return nil
    }

    /// Decodes the scalar starting at `offset` of valid UTF-8 (nil if out of range).
    static func scalar(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard offset >= 0, offset < bytes.count else { return nil }
        let b0 = UInt32(bytes[offset])
        func cont(_ k: Int) -> UInt32 { offset + k < bytes.count ? UInt32(bytes[offset + k] & 0x3F) : 0 }
        if b0 < 0x80 { return b0 }
        if b0 < 0xE0 { return (b0 & 0x1F) << 6 | cont(1) }
        if b0 < 0xF0 { return (b0 & 0x0F) << 12 | cont(1) << 6 | cont(2) }
        return (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3)
    }

    /// 1-based line and column (in scalars) of `offset` in UTF-8 text.
    static func lineAndColumn(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }
}

enum UTF16Codec {
    enum DecodeResult {
        case success([UInt8])
        /// Byte offset (relative to the given buffer) of the first bad code unit.
        case invalid(Int)
    }

    /// Decodes UTF-16 (no BOM handling) to UTF-8, strictly: unpaired surrogates and a
    /// dangling odd byte are errors.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool) -> DecodeResult {
        let n = bytes.count
        guard let base = bytes.baseAddress, n > 0 else { return .success([]) }
        let units = n / 2
        var bad = -1
        let out = [UInt8](unsafeUninitializedCapacity: units * 3 + 4) { dst, written in
            var o = 0
            var u = 0
            let hiShift: Int = bigEndian ? 8 : 0
            let loShift: Int = bigEndian ? 0 : 8
            @inline(__always) func unit(_ k: Int) -> UInt32 {
                UInt32(base[2 * k]) << UInt32(hiShift) | UInt32(base[2 * k + 1]) << UInt32(loShift)
            }
            while u < units {
                let c = unit(u)
                if c < 0x80 {
                    dst[o] = UInt8(c); o += 1; u += 1
                } else if c < 0x800 {
                    dst[o] = UInt8(0xC0 | (c >> 6))
                    dst[o + 1] = UInt8(0x80 | (c & 0x3F))
                    o += 2; u += 1
                } else if c < 0xD800 || c > 0xDFFF {
                    dst[o] = UInt8(0xE0 | (c >> 12))
                    dst[o + 1] = UInt8(0x80 | ((c >> 6) & 0x3F))
                    dst[o + 2] = UInt8(0x80 | (c & 0x3F))
                    o += 3; u += 1
                } else if c <= 0xDBFF, u + 1 < units {
                    let d = unit(u + 1)
                    guard d >= 0xDC00, d <= 0xDFFF else { bad = 2 * u; break }
                    let s = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00)
                    dst[o] = UInt8(0xF0 | (s >> 18))
                    dst[o + 1] = UInt8(0x80 | ((s >> 12) & 0x3F))
                    dst[o + 2] = UInt8(0x80 | ((s >> 6) & 0x3F))
                    dst[o + 3] = UInt8(0x80 | (s & 0x3F))
                    o += 4; u += 2
                } else {
                    bad = 2 * u
                    break
                }
            }
            if bad < 0, n % 2 == 1 { bad = n - 1 }
            written = o
        }
        return bad >= 0 ? .invalid(bad) : .success(out)
    }

    /// Encodes valid UTF-8 to UTF-16 (optionally after a BOM).
    static func encode(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool, bom: Bool) -> [UInt8] {
        let n = bytes.count
        return [UInt8](unsafeUninitializedCapacity: n * 2 + 2) { dst, written in
            var o = 0
            @inline(__always) func put(_ c: UInt32) {
                if bigEndian {
                    dst[o] = UInt8(c >> 8); dst[o + 1] = UInt8(c & 0xFF)
                } else {
                    dst[o] = UInt8(c & 0xFF); dst[o + 1] = UInt8(c >> 8)
                }
                o += 2
            }
            if bom { put(0xFEFF) }
            var i = 0
            while i < n {
                let b0 = UInt32(bytes[i])
                if b0 < 0x80 {
                    put(b0); i += 1
                } else if b0 < 0xE0 {
                    put((b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)); i += 2
                } else if b0 < 0xF0 {
                    put((b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)); i += 3
                } else {
                    let s = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    let v = s - 0x10000
                    put(0xD800 + (v >> 10))
                    put(0xDC00 + (v & 0x3FF))
                    i += 4
                }
            }
            written = o
        }
    }
}
