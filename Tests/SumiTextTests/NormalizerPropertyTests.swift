import Testing
@testable import SumiText

/// Properties that hold for any input: normalized text maps back onto character boundaries of
/// the original, and normalizing twice changes nothing.
struct NormalizerPropertyTests {
    static let samples: [String] = [
        "０９０－１２３４－５６７８", "ﾔﾏﾀﾞ ﾀﾛｳ様", "東京都千代田区丸の内１丁目２番３号", "mail：ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ",
        "03ー1234ー5678", "ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "│氏名│年齢│", "plain ASCII text", "",
    ]

    @Test(arguments: samples)
    func offsetsLandOnCharacterBoundaries(_ text: String) {
        let bytes = Array(text.utf8)
        let n = Normalizer.normalize(bytes)
        var i = 0
        while i <= n.bytes.count {
            if i == n.bytes.count || n.bytes[i] & 0xC0 != 0x80 {
                let o = n.originalOffset(i)
                #expect(o >= 0 && o <= bytes.count)
                #expect(o == bytes.count || bytes[o] & 0xC0 != 0x80, "offset \(i) maps inside a character")
            }
            i += 1
        }
    }

    @Test(arguments: samples)
    func normalizationIsIdempotent(_ text: String) {
        let once = Normalizer.normalize(text)
        #expect(Normalizer.normalize(once) == once)
    }
}
