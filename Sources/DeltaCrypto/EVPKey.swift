internal import COpenSSL
import DeltaCore

/// Owns one OpenSSL `EVP_PKEY` and frees it on release (OpenSSL clears the
/// private key's numbers when freeing).
///
/// `@unchecked Sendable` is sound: the key is never mutated after creation, and
/// OpenSSL 3 allows concurrent read-only use of an `EVP_PKEY` from several
/// threads, each with its own `EVP_PKEY_CTX`.
final class EVPKey: @unchecked Sendable {
    let pointer: OpaquePointer

    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { EVP_PKEY_free(pointer) }

    /// The public half as DER SubjectPublicKeyInfo (never the private key).
    var publicKeyDER: [UInt8] {
        let length = i2d_PUBKEY(pointer, nil)
        guard length > 0 else { fatalError("\(OpenSSLError.drain("i2d_PUBKEY"))") }
        return [UInt8](unsafeUninitializedCapacity: Int(length)) { buffer, initialized in
            var cursor = buffer.baseAddress
            guard i2d_PUBKEY(pointer, &cursor) == length else {
                fatalError("\(OpenSSLError.drain("i2d_PUBKEY"))")
            }
            initialized = Int(length)
        }
    }

    /// The public half as PEM SubjectPublicKeyInfo (`-----BEGIN PUBLIC KEY-----`).
    var publicKeyPEM: String {
        let bio = MemoryBIO()
        guard PEM_write_bio_PUBKEY(bio.pointer, pointer) == 1 else {
            fatalError("\(OpenSSLError.drain("PEM_write_bio_PUBKEY"))")
        }
        return bio.contents
    }

    /// Runs one `EVP_PKEY_encrypt`/`EVP_PKEY_decrypt` operation with RSA-OAEP,
    /// SHA-256 as both the OAEP digest and the MGF1 digest.
    ///
    /// Returns nil if the operation itself fails (for decryption: wrong key or
    /// modified input); the error queue is drained. Intermediate output is wiped.
    func oaep(
        _ input: [UInt8],
        initialise: (OpaquePointer?) -> Int32,
        operation: (OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>?,
                    UnsafePointer<UInt8>?, Int) -> Int32
    ) -> [UInt8]? {
        guard let context = EVP_PKEY_CTX_new(pointer, nil) else {
            fatalError("\(OpenSSLError.drain("EVP_PKEY_CTX_new"))")
        }
        defer { EVP_PKEY_CTX_free(context) }
        guard initialise(context) == 1,
              EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) == 1,
              EVP_PKEY_CTX_set_rsa_oaep_md(context, EVP_sha256()) == 1,
              EVP_PKEY_CTX_set_rsa_mgf1_md(context, EVP_sha256()) == 1
        else { fatalError("\(OpenSSLError.drain("RSA-OAEP setup"))") }
        var capacity = 0
        guard operation(context, nil, &capacity, input, input.count) == 1 else {
            _ = OpenSSLError.drain("RSA-OAEP size query")
            return nil
        }
        var output = [UInt8](repeating: 0, count: capacity)
        var length = capacity
        let succeeded = operation(context, &output, &length, input, input.count) == 1
        guard succeeded else {
            _ = OpenSSLError.drain("RSA-OAEP")
            output.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
            return nil
        }
        let result = Array(output.prefix(length))
        output.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
        return result
    }
}
