import XCTest
import SumiText

/// The chunked decoder used by CSVReader must give the same text as the whole-file decoder
/// wherever the chunk boundaries fall.
final class StreamingTextDecoderTests: XCTestCase {
    func decodeInChunks(_ bytes: [UInt8], _ encoding: TextEncoding, chunk: Int) throws -> (utf8: [UInt8], failure: TextDecodingError?) {
        let decoder = try StreamingTextDecoder(encoding: encoding)
        var out: [UInt8] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            bytes[start..<end].withUnsafeBufferPointer { decoder.decode($0, into: &out) }
            start = end
        }
        decoder.finish(into: &out)
        return (out, decoder.failure)
    }

    func testAllEncodingsAtEveryChunkSize() throws {
        let wide = "名前,ｶﾀｶﾅ,髙橋①\r\n\"言った\"\"はい\"\"\",abc\n"
        let cases: [(TextEncoding, String)] = [
            (.utf8, wide + "😀é"), (.utf16LE, wide + "😀𠮷"), (.utf16BE, wide + "😀𠮷"),
            (.shiftJIS, wide), (.eucJP, wide), (.iso2022JP, "氏名,ｶﾀｶﾅ\n漢字 and ASCII\n"),
        ]
        for (encoding, text) in cases {
            let bytes = try TextEncoder.encode(Array(text.utf8), as: encoding, bom: false)
            let whole = try TextDecoder.decode(bytes, forced: encoding).utf8
            for chunk in 1...9 {
                let result = try decodeInChunks(bytes, encoding, chunk: chunk)
                XCTAssertNil(result.failure, "\(encoding) chunk \(chunk)")
                XCTAssertEqual(result.utf8, whole, "\(encoding) chunk \(chunk)")
            }
        }
    }

    func testInvalidBytesStopAfterValidPrefix() throws {
        let prefix = Array("ok 日本\n".utf8)
        for chunk in [1, 2, 4, 100] {
            let result = try decodeInChunks(prefix + [0xC3, 0x28] + Array("more".utf8), .utf8, chunk: chunk)
            XCTAssertEqual(result.utf8, prefix, "chunk \(chunk)")
            XCTAssertEqual(result.failure, .invalid(encoding: .utf8, byteOffset: prefix.count), "chunk \(chunk)")
        }
        // A high surrogate never followed by a low one.
        let utf16: [UInt8] = [0x41, 0x00, 0x3D, 0xD8, 0x41, 0x00]
        let bad = try decodeInChunks(utf16, .utf16LE, chunk: 3)
        XCTAssertEqual(bad.utf8, Array("A".utf8))
        XCTAssertEqual(bad.failure, .invalid(encoding: .utf16LE, byteOffset: 2))
        // An odd byte at the end.
        XCTAssertEqual(try decodeInChunks([0x41, 0x00, 0x42], .utf16LE, chunk: 2).failure, .invalid(encoding: .utf16LE, byteOffset: 2))
    }
}
