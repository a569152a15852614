import DeltaCrypto
import Testing

@Suite("Secure random")
struct SecureRandomTests {
    @Test("returns exactly the requested number of bytes")
    func count() {
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        #expect(SecureRandom.bytes(count: 1).count == 1)
        #expect(SecureRandom.bytes(count: 4096).count == 4096)
    }

    @Test("two draws differ and are not all zero")
    func random() {
        let first = SecureRandom.bytes(count: 32)
        let second = SecureRandom.bytes(count: 32)
        #expect(first != second)
        #expect(first != [UInt8](repeating: 0, count: 32))
    }
}
