import DeltaCrypto
import Testing

@Suite("Hex")
struct HexTests {
    @Test("bytes encode as lower-case hex and decode back")
    func roundTrip() {
        let bytes: [UInt8] = [0x00, 0x01, 0x7f, 0x80, 0xab, 0xff]
        #expect(Hex.encode(bytes) == "00017f80abff")
        #expect(Hex.decode("00017f80abff") == bytes)
        #expect(Hex.decode("00017F80ABFF") == bytes)
        #expect(Hex.encode([]) == "")
        #expect(Hex.decode("") == [])
    }

    @Test("malformed hex decodes to nil", arguments: ["0", "abc", "zz", "0x00", "00 ", " 00", "a-", "é0"])
    func malformed(input: String) {
        #expect(Hex.decode(input) == nil)
    }
}
