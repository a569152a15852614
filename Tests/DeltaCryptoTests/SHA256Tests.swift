import DeltaCrypto
import Testing

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS 180-2 example: SHA-256(\"abc\")")
    func abc() {
        #expect(Hex.encode(SHA256.hash(Array("abc".utf8)))
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("SHA-256 of the empty string")
    func empty() {
        #expect(Hex.encode(SHA256.hash([UInt8]()))
            == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("FIPS 180-2 two-block example, from a non-contiguous collection")
    func twoBlocks() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8
        #expect(Hex.encode(SHA256.hash(message))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
