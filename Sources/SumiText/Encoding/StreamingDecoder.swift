// Chunk-by-chunk decoding to UTF-8 for readers that must not hold a whole file
// (CSV tables). Each call converts what it can and keeps the bytes of a character
// cut by the chunk boundary for the next call. At the first invalid byte the
// decoder stops: the valid text before it has been delivered and `failure` says
// where the bad byte was, so the caller can report the position it reached.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public final class StreamingTextDecoder {
    /// The encoding being decoded (no BOM handling here: the caller skips it).
    public let encoding: TextEncoding
    /// Set at the first invalid or truncated sequence; later calls add nothing.
    public private(set) var failure: TextDecodingError?

    /// Bytes of an incomplete character (or escape sequence) held for the next chunk.
    private var carry: [UInt8] = []
    /// Input bytes consumed before `carry`, for error offsets.
    private var consumed = 0
    private var iconvHandle: iconv_t?
    /// ISO-2022-JP designation in force, kept across chunks.
    private var isoMode: ISOMode = .ascii
    private var isoShifted = false
    private var eucScratch: [UInt8] = []
    private var outScratch: [UInt8] = []

    private enum ISOMode { case ascii, kana, jis0208, jis0212 }

    /// Throws `TextDecodingError.unsupported` when the system iconv lacks the converter.
    public init(encoding: TextEncoding) throws {
        self.encoding = encoding
        switch encoding {
        case .shiftJIS, .eucJP, .iso2022JP:
            let name = encoding == .shiftJIS ? IconvCodec.shiftJISName : IconvCodec.eucJPName
            guard let name else {
                throw TextDecodingError.unsupported("iconv has no converter for \(encoding.rawValue) on this system")
            }
            let cd = iconv_open("UTF-8", name)
            if Int(bitPattern: UnsafeRawPointer(cd)) == -1 {
                throw TextDecodingError.unsupported("iconv cannot convert from \(name) on this system")
            }
            iconvHandle = cd
        default:
            break
        }
    }

    deinit {
        if let cd = iconvHandle { iconv_close(cd) }
    }

    /// Appends the UTF-8 text of `chunk` (plus what was carried) to `out`.
    public func decode(_ chunk: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard failure == nil, chunk.count > 0 else { return }
        switch encoding {
        case .utf8, .utf8BOM: decodeUTF8(chunk, into: &out)
        case .utf16LE, .utf16BE: decodeUTF16(chunk, bigEndian: encoding == .utf16BE, into: &out)
        case .shiftJIS, .eucJP: withCarried(chunk) { decodeIconv($0, into: &out) }
        case .iso2022JP: withCarried(chunk) { decodeISO2022JP($0, into: &out) }
        }
    }

    /// End of input: a character still incomplete is an error.
    public func finish(into out: inout [UInt8]) {
        guard failure == nil, !carry.isEmpty else { return }
        failure = .invalid(encoding: encoding, byteOffset: consumed)
        carry.removeAll()
    }

    // MARK: - UTF-8

    private func decodeUTF8(_ chunk: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let start = out.count
        let carried = carry.count
        out.append(contentsOf: carry)
        carry.removeAll(keepingCapacity: true)
        out.append(contentsOf: chunk)
        let bad: Int? = out.withUnsafeBufferPointer { all in
            UTF8Validator.firstInvalid(UnsafeBufferPointer(rebasing: all[start...]))
        }
        guard let bad else {
            consumed += chunk.count + carried
            return
        }
        let badAt = start + bad
        if Self.isIncompleteUTF8(out, from: badAt) {
            carry.append(contentsOf: out[badAt...])
        } else {
            failure = .invalid(encoding: encoding, byteOffset: consumed + bad)
        }
        consumed += bad
        out.removeSubrange(badAt...)
    }

    /// True when `b[from...]` is the valid beginning of a UTF-8 sequence cut short.
    static func isIncompleteUTF8(_ b: [UInt8], from: Int) -> Bool {
        let rest = b.count - from
        let lead = b[from]
        let need: Int
        switch lead {
        case 0xC2...0xDF: need = 2
        case 0xE0...0xEF: need = 3
        case 0xF0...0xF4: need = 4
        default: return false
        }
        guard rest < need else { return false }
        for k in 1..<rest {
            let c = b[from + k]
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            if k == 1 {
                if lead == 0xE0 { lo = 0xA0 } else if lead == 0xED { hi = 0x9F }
                else if lead == 0xF0 { lo = 0x90 } else if lead == 0xF4 { hi = 0x8F }
            }
            if c < lo || c > hi { return false }
        }
        return true
    }

    // MARK: - UTF-16

    private func decodeUTF16(_ chunk: UnsafeBufferPointer<UInt8>, bigEndian: Bool, into out: inout [UInt8]) {
        withCarried(chunk) { input in
            var usable = input.count & ~1
            // A high surrogate at the end waits for its partner in the next chunk.
            if usable >= 2 {
                let hi = bigEndian ? input[usable - 2] : input[usable - 1]
                if hi >= 0xD8, hi <= 0xDB { usable -= 2 }
            }
            let body = UnsafeBufferPointer(rebasing: input[..<usable])
            switch UTF16Codec.decode(body, bigEndian: bigEndian) {
            case .success(let utf8):
                out.append(contentsOf: utf8)
                carry.append(contentsOf: input[usable...])
                consumed += usable
            case .invalid(let off):
                if case .success(let utf8) = UTF16Codec.decode(UnsafeBufferPointer(rebasing: input[..<off]), bigEndian: bigEndian) {
                    out.append(contentsOf: utf8)
                }
                failure = .invalid(encoding: encoding, byteOffset: consumed + off)
            }
        }
    }

    // MARK: - iconv (Shift_JIS, EUC-JP)

    /// Runs `body` on carry + chunk; `body` refills `carry` with what it could not use.
    private func withCarried(_ chunk: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if carry.isEmpty {
            body(chunk)
        } else {
            var joined = carry
            joined.append(contentsOf: chunk)
            carry.removeAll(keepingCapacity: true)
            joined.withUnsafeBufferPointer { body($0) }
        }
    }

    /// Converts `input` with the stateful converter; an incomplete tail goes to `carry`.
    private func decodeIconv(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        guard let cd = iconvHandle, let inBase = input.baseAddress else { return }
        let room = input.count * 3 + 16
        if outScratch.count < room { outScratch = [UInt8](repeating: 0, count: room) }
        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase).assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        var bad: Int?
        var leftover = 0
        outScratch.withUnsafeMutableBufferPointer { scratch in
            let outBase = UnsafeMutableRawPointer(scratch.baseAddress!).assumingMemoryBound(to: CChar.self)
            while inLeft > 0 {
                var outPtr: UnsafeMutablePointer<CChar>? = outBase
                var outLeft = scratch.count
                let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                let err = rc == -1 ? errno : 0
                let produced = outPtr! - outBase
                out.append(contentsOf: UnsafeBufferPointer(start: scratch.baseAddress!, count: produced))
                if rc != -1 { break }
                if err == E2BIG { continue }
                if err == EINVAL { leftover = inLeft; break }  // cut by the chunk boundary
                bad = input.count - inLeft
                break
            }
        }
        if let bad {
            failure = .invalid(encoding: encoding, byteOffset: consumed + bad)
            return
        }
        consumed += input.count - leftover
        if leftover > 0 { carry.append(contentsOf: input[(input.count - leftover)...]) }
    }

    // MARK: - ISO-2022-JP

    /// Escape sequences become EUC-JP (the mode survives chunk boundaries), then iconv.
    private func decodeISO2022JP(_ input: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        eucScratch.removeAll(keepingCapacity: true)
        let n = input.count
        var i = 0
        var bad: Int?
        scan: while i < n {
            let c = input[i]
            if c == 0x1B {
                // Escape sequences are 3, 4 or 6 bytes; wait for the rest when cut.
                guard i + 2 < n else { break scan }
                let c1 = input[i + 1], c2 = input[i + 2]
                switch (c1, c2) {
                case (0x28, 0x42), (0x28, 0x4A): isoMode = .ascii; i += 3
                case (0x28, 0x49): isoMode = .kana; i += 3
                case (0x24, 0x40), (0x24, 0x42): isoMode = .jis0208; i += 3
                case (0x26, 0x40):
                    guard i + 5 < n else { break scan }
                    guard input[i + 3] == 0x1B, input[i + 4] == 0x24, input[i + 5] == 0x42 else { bad = i; break scan }
                    isoMode = .jis0208; i += 6
                case (0x24, 0x28):
                    guard i + 3 < n else { break scan }
                    switch input[i + 3] {
                    case 0x44: isoMode = .jis0212
                    case 0x42, 0x40: isoMode = .jis0208
                    default: bad = i; break scan
                    }
                    i += 4
                default:
                    bad = i; break scan
                }
                continue
            }
            if c == 0x0E { isoShifted = true; i += 1; continue }
            if c == 0x0F { isoShifted = false; i += 1; continue }
            if c >= 0x80 { bad = i; break }
            if c == 0x0A || c == 0x0D || c < 0x21 {
                eucScratch.append(c); i += 1; continue
            }
            if isoShifted || isoMode == .kana {
                guard c <= 0x5F else { bad = i; break }
                eucScratch.append(0x8E); eucScratch.append(c | 0x80); i += 1
                continue
            }
            switch isoMode {
            case .ascii, .kana:
                eucScratch.append(c); i += 1
            case .jis0208, .jis0212:
                guard i + 1 < n else { break scan }
                let t = input[i + 1]
                guard c <= 0x7E, t >= 0x21, t <= 0x7E else { bad = i; break scan }
                if isoMode == .jis0212 { eucScratch.append(0x8F) }
                eucScratch.append(c | 0x80); eucScratch.append(t | 0x80)
                i += 2
            }
        }
        let euc = eucScratch
        let before = consumed
        euc.withUnsafeBufferPointer { decodeIconv($0, into: &out) }
        // Offsets are counted in ISO-2022-JP input, not in the intermediate EUC-JP.
        consumed = before
        if failure != nil {
            failure = .invalid(encoding: encoding, byteOffset: before + i)
            return
        }
        carry.removeAll(keepingCapacity: true)  // EUC output of whole characters never leaves a tail
        if let bad {
            failure = .invalid(encoding: encoding, byteOffset: before + bad)
            return
        }
        consumed = before + i
        carry.append(contentsOf: input[i...])
    }
}
