// Encoding detection, strict decoding to UTF-8 and encoding back.
//
// UTF-8 validation and UTF-16 conversion are done here with plain byte loops;
// Shift_JIS (the Windows superset CP932), EUC-JP (EUC-JP-MS when the system
// iconv has it) and ISO-2022-JP go through the C library's iconv. ISO-2022-JP
// is transcoded to/from EUC-JP by our own escape-sequence state machine, so it
// shares the EUC-JP-MS tables (NEC row 13 such as ①, IBM extensions such as 髙,
// half-width kana via ESC ( I).
//
// Mapping notes (glibc CP932 / EUC-JP-MS, the Microsoft tables):
// * 0x8160 decodes to U+FF5E ～ ; U+301C 〜 also encodes to 0x8160, so
//   "〜" → bytes → text gives "～". Likewise − U+2212 → 0x817C → － U+FF0D,
//   ‖ U+2016 → ∥ U+2225, — U+2014 → ― U+2015, ¢ £ ¬ → ￠ ￡ ￢.
// * Bytes → text → bytes is exact except for the duplicate codes CP932 itself
//   has (NEC-selected IBM extensions 0xED/0xEE re-encode as 0xFA–0xFC, NEC
//   row 13 duplicates such as 0x8790 ≒ re-encode as 0x81E0, 0xFA4A Ⅰ as 0x8754).

/// A text encoding sumi can read and write.
public enum TextEncoding: String, Sendable, CaseIterable, Codable {
    case utf8 = "utf-8"
    case utf8BOM = "utf-8-bom"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case shiftJIS = "shift_jis"
    case eucJP = "euc-jp"
    case iso2022JP = "iso-2022-jp"

    /// Accepts user spellings (case, `-`, `_`, `.` and spaces are ignored):
    /// utf8, UTF-8, utf-8-sig, utf8bom, sjis, shift-jis, cp932, windows-31j, ms932,
    /// eucjp, euc_jp, eucjp-ms, ujis, utf16le, utf16be, utf-16 / ucs-2 / unicode
    /// (→ `.utf16LE`; when decoding, a BOM in the file decides LE or BE),
    /// iso2022jp, jis, csiso2022jp, cp50220/50221/50222.
    public init?(userName: String) {
        var key = ""
        for ch in userName.lowercased() where ch != "-" && ch != "_" && ch != "." && ch != " " {
            key.append(ch)
        }
        switch key {
        case "utf8", "utf", "u8":
            self = .utf8
        case "utf8bom", "utf8sig", "utf8withbom":
            self = .utf8BOM
        case "utf16le", "utf16", "ucs2", "ucs2le", "unicode", "unicodele", "utf16lebom":
            self = .utf16LE
        case "utf16be", "ucs2be", "unicodebe", "unicodefffe", "utf16bebom":
            self = .utf16BE
        case "shiftjis", "sjis", "cp932", "windows31j", "ms932", "mskanji", "xsjis", "sjiswin",
             "csshiftjis", "windows932", "ibm943", "shiftjis2004", "xmscp932", "csibm943":
            self = .shiftJIS
        case "eucjp", "eucjpms", "ujis", "xeucjp", "cseucpkdfmtjapanese", "eucjpwin", "eucjpopen",
             "cp51932", "eucjis", "eucjp2004":
            self = .eucJP
        case "iso2022jp", "jis", "csiso2022jp", "jis7", "cp50220", "cp50221", "cp50222",
             "iso2022jpms":
            self = .iso2022JP
        default:
            return nil
        }
    }

    /// The byte-order mark for this encoding, or an empty array.
    public var byteOrderMark: [UInt8] {
        switch self {
        case .utf8, .utf8BOM: return [0xEF, 0xBB, 0xBF]
        case .utf16LE: return [0xFF, 0xFE]
        case .utf16BE: return [0xFE, 0xFF]
        case .shiftJIS, .eucJP, .iso2022JP: return []
        }
    }
}

/// Text decoded to UTF-8.
public struct DecodedText: Sendable {
    /// Decoded text as UTF-8, BOM removed.
    public var utf8: [UInt8]
    /// What was detected or forced.
    public var encoding: TextEncoding
    /// The file started with a BOM (so writing back adds it again).
    public var hasBOM: Bool

    public init(utf8: [UInt8], encoding: TextEncoding, hasBOM: Bool) {
        self.utf8 = utf8
        self.encoding = encoding
        self.hasBOM = hasBOM
    }
}

/// Why bytes could not be decoded.
public enum TextDecodingError: Error, CustomStringConvertible, Equatable {
    /// The bytes look like a binary file; the reason, e.g. "NUL byte at offset 12".
    case binary(String)
    /// The first offending byte (start of the first ill-formed sequence) in the input.
    case invalid(encoding: TextEncoding, byteOffset: Int)
    /// The encoding cannot be handled here (no iconv converter, UTF-32, ...).
    case unsupported(String)

    public var description: String {
        switch self {
        case .binary(let reason):
            return "looks like a binary file (\(reason))"
        case .invalid(let encoding, let offset):
            return "not valid \(encoding.rawValue) at byte \(offset)"
        case .unsupported(let what):
            return "unsupported encoding: \(what)"
        }
    }
}

/// Why UTF-8 text could not be encoded.
public enum TextEncodingError: Error, CustomStringConvertible, Equatable {
    /// `scalar` (at `byteOffset` of the UTF-8 input; line and column are 1-based,
    /// the column counted in Unicode scalars) has no representation in `encoding`.
    case unrepresentable(encoding: TextEncoding, scalar: UInt32, byteOffset: Int, line: Int, column: Int)
    /// The input is not valid UTF-8.
    case invalidUTF8(byteOffset: Int)
    /// The encoding cannot be handled here (no iconv converter).
    case unsupported(String)

    public var description: String {
        switch self {
        case .unrepresentable(let encoding, let scalar, let offset, let line, let column):
            let hex = String(scalar, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            var shown = ""
            if let s = Unicode.Scalar(scalar) {
                shown = "'" + String(Character(s)) + "' "
            }
            return "cannot encode \(shown)(\(code)) in \(encoding.rawValue) at line \(line), column \(column) (byte \(offset))"
        case .invalidUTF8(let offset):
            return "input is not valid utf-8 at byte \(offset)"
        case .unsupported(let what):
            return "unsupported encoding: \(what)"
        }
    }
}

public enum TextDecoder {
    /// Detects (unless `forced`), then decodes strictly. Empty input → empty UTF-8 text.
    ///
    /// With `forced`, a BOM matching the encoding is still removed (`hasBOM` true); for
    /// a forced UTF-16 encoding a UTF-16 BOM in the file decides LE or BE. Binary-looking
    /// input throws `.binary` even when forced.
    public static func decode(_ bytes: [UInt8], forced: TextEncoding? = nil) throws -> DecodedText {
        if bytes.isEmpty {
            return DecodedText(utf8: [], encoding: forced ?? .utf8, hasBOM: false)
        }
        return try bytes.withUnsafeBufferPointer { buf in
            if let forced {
                return try EncodingEngine.decodeForced(buf, forced)
            }
            return try EncodingEngine.decodeDetecting(buf)
        }
    }

    /// Best guess, or nil when the bytes look binary. Empty input → `.utf8`.
    /// For Shift_JIS/EUC-JP candidates this decodes to confirm, so it costs about
    /// as much as `decode`. Bytes that are valid in no supported encoding give the
    /// encoding whose error `decode` would report.
    public static func detect(_ bytes: [UInt8]) -> TextEncoding? {
        if bytes.isEmpty { return .utf8 }
        return bytes.withUnsafeBufferPointer { buf in
            switch EncodingEngine.detect(buf) {
            case .encoding(let e, _): return e
            case .binary: return nil
            case .invalid(let e, _): return e
            case .unsupported: return nil
            }
        }
    }

    /// True when the bytes look like a binary file: a NUL byte in the first 8 KB
    /// (unless the text looks like UTF-16), or more than 10 % control bytes other
    /// than \t \n \r \f \e in the first 8 KB. UTF-16 text (BOM or BOM-less) is judged
    /// on its code units the same way.
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { EncodingEngine.binaryReason($0) != nil }
    }

    /// Cuts an incomplete UTF-8 sequence off the end of a block read from a stream and returns
    /// it (empty when the block ends on a character boundary), so the next block can start with
    /// it. Broken sequences inside the block stay for validation to report; a carry left over at
    /// the end of the stream is the caller's to report as invalid.
    public static func takeIncompleteUTF8Tail(_ block: inout [UInt8]) -> [UInt8] {
        var cut = block.count, back = 0
        while cut > 0 && back < 4 && block[cut - 1] & 0xC0 == 0x80 { cut -= 1; back += 1 }
        guard cut > 0 else { return [] }
        let lead = block[cut - 1]
        let need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard need > back + 1 else { return [] }
        let tail = Array(block[(cut - 1)...])
        block.removeSubrange((cut - 1)...)
        return tail
    }

    /// Fast, strict UTF-8 validity check (no overlongs, surrogates or values above
    /// U+10FFFF); returns the offset of the first byte of the first ill-formed
    /// sequence, or nil when all bytes are valid.
    public static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        UTF8Validator.firstInvalid(bytes)
    }
}

public enum TextEncoder {
    /// Encodes UTF-8 text back into `encoding`, adding the BOM when `bom` is true and
    /// the encoding has one (`.utf8BOM` always writes it). Throws `TextEncodingError`
    /// when a character has no representation in the target encoding (naming the
    /// character, its line, column and byte offset) or the input is not UTF-8.
    public static func encode(_ utf8: [UInt8], as encoding: TextEncoding, bom: Bool) throws -> [UInt8] {
        try utf8.withUnsafeBufferPointer { buf in
            try EncodingEngine.encode(buf, as: encoding, bom: bom)
        }
    }
}

/// Validated UTF-8 blocks from a byte stream read in pieces: a character cut at a piece's edge
/// waits for the next piece, and the first invalid byte ends the stream with its offset.
public struct UTF8BlockValidator {
    /// Valid bytes handed out so far.
    public private(set) var consumed = 0
    /// Offset (in the stream, BOM excluded) of the first invalid byte, once found.
    public private(set) var invalidAt: Int?
    private var carry: [UInt8] = []

    public init() {}

    /// The next valid block from the next raw piece (nil: the stream has ended). Returns nil at
    /// the end, or at an invalid byte (then `invalidAt` says where); a piece that ends inside a
    /// character may give an empty block.
    public mutating func accept(_ piece: [UInt8]?) -> [UInt8]? {
        guard invalidAt == nil else { return nil }
        guard let piece else {
            if !carry.isEmpty { invalidAt = consumed }
            return nil
        }
        var block = carry + piece
        carry = TextDecoder.takeIncompleteUTF8Tail(&block)
        if let bad = block.withUnsafeBufferPointer({ TextDecoder.firstInvalidUTF8($0) }) {
            invalidAt = consumed + bad
            return nil
        }
        consumed += block.count
        return block
    }
}
