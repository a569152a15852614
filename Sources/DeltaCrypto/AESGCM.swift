internal import COpenSSL
import DeltaCore

/// AES-256-GCM authenticated encryption (NIST SP 800-38D) over OpenSSL's EVP API,
/// with a fresh random 96-bit nonce per seal and a full 128-bit tag.
///
/// `open` fails closed: any mismatch in key, nonce, ciphertext, tag or additional
/// authenticated data throws `.integrityFailure` and returns no bytes at all —
/// the unauthenticated output is wiped, never returned.
///
/// It does not manage keys (see `Keyring`), build AAD (see `EntityAAD`), or stop
/// a caller from sealing more than about 2^32 messages under one key, beyond which
/// random 96-bit nonces risk colliding; rotate keys well before that.
public enum AESGCM {
    /// The nonce length in bytes (12).
    public static let nonceByteCount = 12
    /// The authentication tag length in bytes (16).
    public static let tagByteCount = 16

    /// The message `open` throws with on every authentication failure.
    static let integrityMessage =
        "stored data failed authentication: it was modified, moved to another entity, or encrypted with a different key"

    /// Encrypts and authenticates `plaintext` under `key`, binding `aad` to it.
    ///
    /// A fresh random nonce is drawn for every call, so sealing the same
    /// plaintext twice gives different boxes. The `aad` is authenticated but not
    /// encrypted or stored: `open` must be given the same bytes.
    ///
    /// Never throws; traps only if OpenSSL itself fails (out of memory or a
    /// broken installation), which no caller could recover from.
    ///
    /// Each call counts against the key's nonce budget (`SymmetricKey.encryptionCount`,
    /// `Keyring.nonceBudget`).
    public static func seal(_ plaintext: some Collection<UInt8>, key: SymmetricKey, aad: [UInt8]) -> SealedBox {
        key.recordEncryption()
        return seal(plaintext, key: key, nonce: SecureRandom.bytes(count: nonceByteCount), aad: aad)
    }

    /// Decrypts `box` under `key` after checking its tag over ciphertext and `aad`.
    ///
    /// - Throws: `DeltaError(.integrityFailure)` if the nonce or tag has the wrong
    ///   length, or if authentication fails for any reason — a changed byte of
    ///   nonce, ciphertext or tag, different `aad`, or a different key. No
    ///   plaintext is returned in that case.
    public static func open(_ box: SealedBox, key: SymmetricKey, aad: [UInt8]) throws(DeltaError) -> [UInt8] {
        guard box.nonce.count == nonceByteCount, box.tag.count == tagByteCount else {
            throw DeltaError(
                .integrityFailure,
                "\(integrityMessage) (its nonce or tag has the wrong length)"
            )
        }
        let context = CipherContext()
        var plaintext = [UInt8](repeating: 0, count: box.ciphertext.count)
        let authentic = key.withUnsafeBytes { keyBytes in
            box.nonce.withUnsafeBufferPointer { nonce in
                guard EVP_DecryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil) == 1,
                      EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceByteCount), nil) == 1,
                      EVP_DecryptInit_ex(context.pointer, nil, nil, keyBytes.assumingMemoryBound(to: UInt8.self).baseAddress,
                                         nonce.baseAddress) == 1
                else { fatalError("\(OpenSSLError.drain("EVP_DecryptInit_ex(AES-256-GCM)"))") }
                context.feed(aad, update: EVP_DecryptUpdate)
                box.ciphertext.withUnsafeBufferPointer { ciphertext in
                    context.transform(ciphertext, into: &plaintext, update: EVP_DecryptUpdate)
                }
                var tag = box.tag
                guard EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_TAG, Int32(tagByteCount), &tag) == 1 else {
                    fatalError("\(OpenSSLError.drain("EVP_CTRL_GCM_SET_TAG"))")
                }
                var finalLength: Int32 = 0
                var scratch = [UInt8](repeating: 0, count: 16)
                return EVP_DecryptFinal_ex(context.pointer, &scratch, &finalLength) == 1
            }
        }
        guard authentic else {
            _ = OpenSSLError.drain("EVP_DecryptFinal_ex")
            plaintext.withUnsafeMutableBytes { OPENSSL_cleanse($0.baseAddress, $0.count) }
            throw DeltaError(.integrityFailure, integrityMessage)
        }
        return plaintext
    }

    /// Seals with a caller-chosen nonce.
    ///
    /// Internal so known-answer tests can reproduce published vectors. Never call
    /// it with a nonce that was used before under the same key: GCM nonce reuse
    /// reveals the XOR of plaintexts and lets an attacker forge tags.
    static func seal(
        _ plaintext: some Collection<UInt8>, key: SymmetricKey, nonce: [UInt8], aad: [UInt8]
    ) -> SealedBox {
        precondition(nonce.count == nonceByteCount, "AES-GCM nonce must be \(nonceByteCount) bytes")
        let context = CipherContext()
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: tagByteCount)
        key.withUnsafeBytes { keyBytes in
            nonce.withUnsafeBufferPointer { nonce in
                guard EVP_EncryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil) == 1,
                      EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonceByteCount), nil) == 1,
                      EVP_EncryptInit_ex(context.pointer, nil, nil, keyBytes.assumingMemoryBound(to: UInt8.self).baseAddress,
                                         nonce.baseAddress) == 1
                else { fatalError("\(OpenSSLError.drain("EVP_EncryptInit_ex(AES-256-GCM)"))") }
            }
        }
        context.feed(aad, update: EVP_EncryptUpdate)
        withContiguousBytes(plaintext) { input in
            context.transform(input, into: &ciphertext, update: EVP_EncryptUpdate)
        }
        var finalLength: Int32 = 0
        var scratch = [UInt8](repeating: 0, count: 16)
        guard EVP_EncryptFinal_ex(context.pointer, &scratch, &finalLength) == 1, finalLength == 0,
              EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_GET_TAG, Int32(tagByteCount), &tag) == 1
        else { fatalError("\(OpenSSLError.drain("EVP_EncryptFinal_ex(AES-256-GCM)"))") }
        return SealedBox(nonce: nonce, ciphertext: ciphertext, tag: tag)
    }
}
