internal import COpenSSL
import DeltaCore

/// An RSA public key (at least 2048 bits) that wraps short secrets with
/// RSA-OAEP, using SHA-256 as both the OAEP digest and the MGF1 digest.
///
/// In the worker handshake the Main Worker parses a Processing Worker's
/// ephemeral public key with `init(pem:)` and wraps key material to it; only the
/// matching `RSAKeyPair` can unwrap. It does not sign or verify, does not check
/// who the key belongs to (authenticate the channel separately), and accepts
/// only SubjectPublicKeyInfo encodings (`-----BEGIN PUBLIC KEY-----`), not PKCS#1.
public struct RSAPublicKey: Sendable {
    /// The smallest modulus accepted, in bits.
    public static let minimumBits = 2048

    let key: EVPKey

    init(key: EVPKey) {
        self.key = key
    }

    /// Parses a PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`).
    ///
    /// - Throws: `DeltaError(.badRequest)` if the text is not such a PEM block,
    ///   the key is not RSA, or it is shorter than 2048 bits.
    public init(pem: String) throws(DeltaError) {
        let parsed: OpaquePointer? = Array(pem.utf8).withUnsafeBytes { bytes in
            guard bytes.count > 0, bytes.count <= Int(Int32.max),
                  let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count))
            else { return nil }
            defer { BIO_free(bio) }
            return PEM_read_bio_PUBKEY(bio, nil, nil, nil)
        }
        guard let parsed else {
            throw DeltaError(
                .badRequest,
                "not a PEM-encoded public key: expected a '-----BEGIN PUBLIC KEY-----' block (SubjectPublicKeyInfo)",
                cause: OpenSSLError.drain("PEM_read_bio_PUBKEY")
            )
        }
        self.key = try Self.checked(EVPKey(taking: parsed))
    }

    /// Parses a DER SubjectPublicKeyInfo.
    ///
    /// - Throws: `DeltaError(.badRequest)` if the bytes are not exactly one such
    ///   structure, the key is not RSA, or it is shorter than 2048 bits.
    public init(der: [UInt8]) throws(DeltaError) {
        let parsed: OpaquePointer? = der.withUnsafeBufferPointer { bytes in
            guard let start = bytes.baseAddress else { return nil }
            var cursor: UnsafePointer<UInt8>? = start
            guard let key = d2i_PUBKEY(nil, &cursor, bytes.count) else { return nil }
            guard cursor == start + bytes.count else {
                EVP_PKEY_free(key)  // trailing bytes: reject rather than ignore
                return nil
            }
            return key
        }
        guard let parsed else {
            throw DeltaError(
                .badRequest,
                "not a DER-encoded public key (SubjectPublicKeyInfo)",
                cause: OpenSSLError.drain("d2i_PUBKEY")
            )
        }
        self.key = try Self.checked(EVPKey(taking: parsed))
    }

    private static func checked(_ key: EVPKey) throws(DeltaError) -> EVPKey {
        guard EVP_PKEY_get_base_id(key.pointer) == EVP_PKEY_RSA else {
            throw DeltaError(.badRequest, "the public key is not an RSA key; RSA-OAEP key wrapping needs RSA")
        }
        let bits = Int(EVP_PKEY_get_bits(key.pointer))
        guard bits >= minimumBits else {
            throw DeltaError(.badRequest, "the RSA public key has \(bits) bits; at least \(minimumBits) are required")
        }
        return key
    }

    /// The modulus size in bits.
    public var bits: Int {
        Int(EVP_PKEY_get_bits(key.pointer))
    }

    /// The longest secret `wrap` accepts: modulus bytes − 66 for OAEP with SHA-256
    /// (190 bytes for a 2048-bit key).
    public var maximumSecretByteCount: Int {
        Int(EVP_PKEY_get_size(key.pointer)) - 2 * SHA256.byteCount - 2
    }

    /// The key as PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`).
    public var pem: String { key.publicKeyPEM }

    /// The key as DER SubjectPublicKeyInfo.
    public var der: [UInt8] { key.publicKeyDER }

    /// Encrypts `secret` to this key with RSA-OAEP (SHA-256, MGF1-SHA-256, no label).
    ///
    /// OAEP is randomised: wrapping the same secret twice gives different outputs.
    /// The output is as long as the modulus (256 bytes for 2048 bits). Meant for
    /// short secrets such as a 32-byte key; wrap a transport key and seal larger
    /// data with `AESGCM`.
    ///
    /// - Throws: `DeltaError(.badRequest)` if `secret` is empty or longer than
    ///   `maximumSecretByteCount`.
    public func wrap(_ secret: [UInt8]) throws(DeltaError) -> [UInt8] {
        guard !secret.isEmpty, secret.count <= maximumSecretByteCount else {
            throw DeltaError(
                .badRequest,
                "RSA-OAEP can wrap 1 to \(maximumSecretByteCount) bytes with this key, got \(secret.count) bytes"
            )
        }
        guard let wrapped = key.oaep(secret, initialise: EVP_PKEY_encrypt_init, operation: EVP_PKEY_encrypt) else {
            throw DeltaError(.internal, "RSA-OAEP encryption failed", cause: OpenSSLError.drain("EVP_PKEY_encrypt"))
        }
        return wrapped
    }
}
