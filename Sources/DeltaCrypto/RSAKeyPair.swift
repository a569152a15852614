internal import COpenSSL
import DeltaCore

/// An ephemeral RSA key pair for receiving wrapped secrets in the worker
/// handshake: a Processing Worker generates one at start-up, sends
/// `publicKeyPEM` to the Main Worker, and unwraps the keyring it gets back.
///
/// The private key never leaves the process: there is no export of it, and
/// OpenSSL clears it when the last copy of the pair is released. It is not
/// persisted and does not sign.
public struct RSAKeyPair: Sendable {
    private let privateKey: EVPKey

    /// The public half, holding no private material.
    public let publicKey: RSAPublicKey

    /// Generates a new key pair.
    ///
    /// The modulus has three primes below 4096 bits and four from 4096 on
    /// (RFC 8017 multi-prime RSA, OpenSSL's cap for those sizes): the public key
    /// and the OAEP arithmetic are those of any RSA key of that size and no
    /// known attack factors it faster, but finding smaller primes takes a
    /// fraction of the time (about 60 ms instead of 130-500 ms for 2048 bits
    /// here), and every worker waits for this before it can subscribe. Still do
    /// it once per process, not per request.
    ///
    /// - Throws: `DeltaError(.badRequest)` if `bits` is outside 2048...8192;
    ///   `DeltaError(.internal)` if OpenSSL fails to generate a key.
    public static func generate(bits: Int = 2048) throws(DeltaError) -> RSAKeyPair {
        guard (RSAPublicKey.minimumBits...8192).contains(bits) else {
            throw DeltaError(.badRequest, "RSA key size must be 2048 to 8192 bits, got \(bits)")
        }
        guard let context = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, nil) else {
            throw DeltaError(.internal, "could not create an RSA key", cause: OpenSSLError.drain("EVP_PKEY_CTX_new_id"))
        }
        defer { EVP_PKEY_CTX_free(context) }
        var generated: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1,
              EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1,
              EVP_PKEY_CTX_set_rsa_keygen_primes(context, bits < 4096 ? 3 : 4) == 1,
              EVP_PKEY_generate(context, &generated) == 1,
              let generated
        else {
            throw DeltaError(.internal, "could not generate an RSA key", cause: OpenSSLError.drain("EVP_PKEY_generate"))
        }
        let privateKey = EVPKey(taking: generated)
        // Re-parse the public half so `publicKey` shares no memory with the private key.
        let publicKey = try RSAPublicKey(der: privateKey.publicKeyDER)
        return RSAKeyPair(privateKey: privateKey, publicKey: publicKey)
    }

    private init(privateKey: EVPKey, publicKey: RSAPublicKey) {
        self.privateKey = privateKey
        self.publicKey = publicKey
    }

    /// The public key as PEM SubjectPublicKeyInfo, to send to the wrapping side.
    public var publicKeyPEM: String { publicKey.pem }

    /// The public key as DER SubjectPublicKeyInfo.
    public var publicKeyDER: [UInt8] { publicKey.der }

    /// Decrypts a secret wrapped to this pair's public key with RSA-OAEP
    /// (SHA-256, MGF1-SHA-256, no label).
    ///
    /// - Throws: `DeltaError(.integrityFailure)` if `wrapped` was wrapped to a
    ///   different key, was modified, or is not an OAEP ciphertext; no partial
    ///   output is returned.
    public func unwrap(_ wrapped: [UInt8]) throws(DeltaError) -> [UInt8] {
        guard let secret = privateKey.oaep(wrapped, initialise: EVP_PKEY_decrypt_init, operation: EVP_PKEY_decrypt)
        else {
            throw DeltaError(
                .integrityFailure,
                "the wrapped secret could not be unwrapped: it was wrapped for a different key pair or modified in transit"
            )
        }
        return secret
    }
}

extension RSAKeyPair: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `RSAKeyPair(<bits> bits, private key redacted)`: never key material.
    public var description: String { "RSAKeyPair(\(publicKey.bits) bits, private key redacted)" }

    /// Same as `description`.
    public var debugDescription: String { description }

    /// A mirror with no children, so `dump` never reaches the private key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
