import DeltaCrypto
import Testing

@Suite("SecretDigest")
struct SecretDigestTests {
    @Test("matches exactly the secret, whatever the guess's length")
    func matches() {
        let digest = SecretDigest(Array("correct horse battery staple".utf8))
        #expect(digest.matches(Array("correct horse battery staple".utf8)))
        #expect(!digest.matches(Array("correct horse battery stapl".utf8)))
        #expect(!digest.matches(Array("correct horse battery staple!".utf8)))
        #expect(!digest.matches([]))
        #expect(SecretDigest([]).matches([]))
    }
}
