import DeltaCore
import DeltaCrypto
import Testing

@Suite("RSA public key")
struct RSAPublicKeyTests {
    static let ecPublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhuI8hQvdLjsr1UhMwYjGbVHq/rrL
        P4h+bZ3knLyYoJD+/tAc07Ps4t4etlZ5htfgqwslxpI+F64/4M8CZwmFOA==
        -----END PUBLIC KEY-----
        """

    static let rsa1024PublicKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCnAdDGX2LZxzw4bCrhgyZGoGpa
        7xEH+O/QrE05Bgz7RRHEz7NgBD11I3jBgR84MZpyELXQ9FA439LI7M+y52LNBOMl
        fImjA2ha0Q25ShzL1KS/srH1Bl9Po1k1DlCH/hnGSXjZnf5xJEbwYaAu6sXysVY/
        3TYsLLMfYCcoSVzuFwIDAQAB
        -----END PUBLIC KEY-----
        """

    @Test("text that is not a PEM public key is a bad_request error, not a crash", arguments: [
        "",
        "hello",
        "-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----\n",
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    ])
    func badPEM(pem: String) {
        let error = expectDeltaError { _ = try RSAPublicKey(pem: pem) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("BEGIN PUBLIC KEY") == true)
    }

    @Test("bytes that are not exactly one DER public key are rejected")
    func badDER() throws {
        let der = try RSAKeyPair.generate().publicKeyDER
        for input in [[], [0x30, 0x00], Array(der.dropLast()), der + [0]] {
            let error = expectDeltaError { _ = try RSAPublicKey(der: input) }
            #expect(error?.code == .badRequest)
        }
    }

    @Test("a non-RSA public key is refused")
    func notRSA() {
        let error = expectDeltaError { _ = try RSAPublicKey(pem: Self.ecPublicKeyPEM) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("not an RSA key") == true)
    }

    @Test("an RSA public key shorter than 2048 bits is refused")
    func weakKey() {
        let error = expectDeltaError { _ = try RSAPublicKey(pem: Self.rsa1024PublicKeyPEM) }
        #expect(error?.code == .badRequest)
        #expect(error?.message.contains("1024 bits") == true)
    }

    @Test("wrapping is randomised, and secrets that are empty or too long for OAEP are refused")
    func wrapLimits() throws {
        let publicKey = RSAKeyPairTests.pair.publicKey
        #expect(publicKey.maximumSecretByteCount == 190)
        let secret = SecureRandom.bytes(count: 32)
        #expect(try publicKey.wrap(secret) != publicKey.wrap(secret))
        #expect(try RSAKeyPairTests.pair.unwrap(publicKey.wrap(SecureRandom.bytes(count: 190))).count == 190)
        for size in [0, 191] {
            let error = expectDeltaError { _ = try publicKey.wrap([UInt8](repeating: 1, count: size)) }
            #expect(error?.code == .badRequest)
        }
    }
}
