import DeltaCore
import DeltaCrypto
import Testing

@Suite("Symmetric key")
struct SymmetricKeyTests {
    static let keyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"

    @Test("a 64-digit hex key parses, in either case, and prints back as lower-case hex")
    func hexRoundTrip() throws {
        let key = try SymmetricKey(hex: Self.keyHex)
        #expect(key.hexString == Self.keyHex)
        #expect(try SymmetricKey(hex: Self.keyHex.uppercased()).hexString == Self.keyHex)
        key.withUnsafeBytes { bytes in
            #expect(Array(bytes) == Array(0..<32))
        }
    }

    @Test("a key from 32 bytes holds exactly those bytes")
    func fromBytes() throws {
        let bytes = SecureRandom.bytes(count: 32)
        #expect(try SymmetricKey(bytes: bytes).hexString == Hex.encode(bytes))
    }

    @Test("keys that are not 32 bytes are rejected", arguments: [0, 16, 31, 33, 64])
    func wrongByteCount(count: Int) {
        let error = expectDeltaError { _ = try SymmetricKey(bytes: [UInt8](repeating: 7, count: count)) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("32 bytes") == true)
    }

    @Test("a hex key of the wrong length is rejected without echoing it", arguments: [
        "", "deadbeef", String(keyHex.dropLast()), keyHex + "00", " " + keyHex,
    ])
    func wrongHexLength(input: String) {
        let error = expectDeltaError { _ = try SymmetricKey(hex: input) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("64 hex characters") == true)
        expectNoEcho(of: input, in: error)
    }

    @Test("a hex key with a non-hex character is rejected without echoing it", arguments: [
        "zz" + String(keyHex.dropFirst(2)),
        String(keyHex.dropLast(2)) + "g0",
        "0x" + String(keyHex.dropFirst(2)),
        String(keyHex.dropLast(1)) + "é",
    ])
    func nonHex(input: String) {
        let error = expectDeltaError { _ = try SymmetricKey(hex: input) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("hex characters") == true)
        expectNoEcho(of: input, in: error)
    }

    @Test("printing, interpolating, debug-printing or dumping a key shows no key material")
    func redacted() throws {
        let key = try SymmetricKey(hex: Self.keyHex)
        var dumped = ""
        dump(key, to: &dumped)
        for text in [key.description, "\(key)", String(describing: key), String(reflecting: key), dumped] {
            #expect(text.contains("redacted"))
            #expect(!text.contains("0001020304"))
        }
        #expect(key.description == "SymmetricKey(redacted)")
    }

    @Test("generated keys are 32 random bytes, different every time")
    func generate() {
        let first = SymmetricKey.generate().hexString
        let second = SymmetricKey.generate().hexString
        #expect(first.count == 64)
        #expect(first != second)
        #expect(first != String(repeating: "0", count: 64))
    }

    @Test("a key outlives the value it was copied from and still works")
    func copiesShareStorage() throws {
        var copy: SymmetricKey?
        do {
            let original = try SymmetricKey(hex: Self.keyHex)
            copy = original
        }
        let box = AESGCM.seal([1, 2, 3], key: try SymmetricKey(hex: Self.keyHex), aad: [])
        #expect(try AESGCM.open(box, key: copy!, aad: []) == [1, 2, 3])
    }

    private func expectNoEcho(of input: String, in error: DeltaError?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { return }
        let text = error.description
        for fragment in [input, String(input.prefix(16)), String(input.suffix(16))] where fragment.count >= 4 {
            #expect(!text.contains(fragment), "error echoes the key: \(text)", sourceLocation: sourceLocation)
        }
    }
}
