// Thin wrapper around the C library's iconv for the Japanese legacy encodings.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

enum IconvCodec {
    enum Result {
        case success([UInt8])
        /// Offset in the input of the first byte iconv could not convert.
        case invalid(Int)
        case unsupported(String)
    }

    /// iconv name for Shift_JIS (the Windows superset when available).
    static let shiftJISName: String? = firstAvailable(["CP932", "WINDOWS-31J", "SHIFT_JIS", "SJIS"])
    /// iconv name for EUC-JP (the Microsoft-compatible variant when available).
    static let eucJPName: String? = firstAvailable(["EUC-JP-MS", "EUCJP-MS", "EUCJP-WIN", "EUC-JP"])

    private static func firstAvailable(_ names: [String]) -> String? {
        for name in names {
            guard let cd = open(to: "UTF-8", from: name) else { continue }
            iconv_close(cd)
            return name
        }
        return nil
    }

    private static func open(to: String, from: String) -> iconv_t? {
        let cd = iconv_open(to, from)
        if Int(bitPattern: UnsafeRawPointer(cd)) == -1 { return nil }
        return cd
    }

    /// Converts `input` strictly; stops at the first unconvertible or incomplete sequence.
    static func convert(_ input: UnsafeBufferPointer<UInt8>, from: String, to: String) -> Result {
        guard let cd = open(to: to, from: from) else {
            return .unsupported("iconv cannot convert from \(from) to \(to) on this system")
        }
        defer { iconv_close(cd) }
        guard let inBase = input.baseAddress, input.count > 0 else { return .success([]) }

        var out = [UInt8]()
        out.reserveCapacity(input.count * 3 / 2 + 16)
        let chunkSize = 64 * 1024
        let chunk = UnsafeMutablePointer<CChar>.allocate(capacity: chunkSize)
        defer { chunk.deallocate() }

        var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: inBase)
            .assumingMemoryBound(to: CChar.self)
        var inLeft = input.count
        let start = UnsafeRawPointer(inBase)

        func flushChunk(_ outPtr: UnsafeMutablePointer<CChar>?) {
            guard let outPtr else { return }
            let produced = outPtr - chunk
            if produced > 0 {
                chunk.withMemoryRebound(to: UInt8.self, capacity: produced) {
                    out.append(contentsOf: UnsafeBufferPointer(start: $0, count: produced))
                }
            }
        }

        while inLeft > 0 {
            var outPtr: UnsafeMutablePointer<CChar>? = chunk
            var outLeft = chunkSize
            let rc = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            let err = rc == -1 ? errno : 0
            flushChunk(outPtr)
            if rc != -1 { break }
            if err == E2BIG { continue }
            // EILSEQ (invalid or unmappable) or EINVAL (incomplete at the end).
            let offset = inPtr.map { UnsafeRawPointer($0) - start } ?? input.count
            return .invalid(offset)
        }
        // Flush any shift state (stateful targets).
        var outPtr: UnsafeMutablePointer<CChar>? = chunk
        var outLeft = chunkSize
        _ = iconv(cd, nil, nil, &outPtr, &outLeft)
        flushChunk(outPtr)
        return .success(out)
    }
}
