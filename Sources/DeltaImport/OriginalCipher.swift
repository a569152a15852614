import DeltaCore
import DeltaCrypto
import Foundation

/// Decrypts the original's entity blobs: AES-256-GCM under its master key, with
/// **no** associated data, the 12-byte nonce and the 16-byte tag (base64) in the
/// sidecar and only the ciphertext in the blob.
///
/// The plaintext stays in memory; it is never logged or written anywhere.
public struct OriginalCipher: Sendable {
    private let key: SymmetricKey

    /// A cipher with the original's master key.
    public init(key: SymmetricKey) {
        self.key = key
    }

    /// A cipher with the original's master key in hex, as the original takes it
    /// (`-master-key` / `MASTER_KEY`: 64 hex digits).
    ///
    /// - Throws: `.badRequest` if it is not 64 hex digits; the message never
    ///   repeats the key.
    public init(hex: String) throws(DeltaError) {
        do {
            key = try SymmetricKey(hex: hex.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw DeltaError(.badRequest, "the original master key must be 64 hex digits (32 bytes), as given to the original's -master-key")
        }
    }

    /// The plaintext of `blob` described by `sidecar`.
    ///
    /// - Throws: `.badRequest` for a sidecar without usable `alg`, `iv` or `tag`;
    ///   `.integrityFailure` if authentication fails (a changed byte, a swapped
    ///   sidecar, or another master key).
    public func open(_ blob: [UInt8], sidecar: OriginalSidecar) throws(DeltaError) -> [UInt8] {
        if let alg = sidecar.alg, !alg.isEmpty, alg != "AES-GCM" {
            throw DeltaError(.badRequest, "the sidecar's alg is '\(alg)'; only AES-GCM is known")
        }
        guard let iv = sidecar.iv.flatMap({ Data(base64Encoded: $0) }), iv.count == AESGCM.nonceByteCount else {
            throw DeltaError(.badRequest, "the sidecar's iv is not a base64 12-byte nonce")
        }
        guard let tag = sidecar.tag.flatMap({ Data(base64Encoded: $0) }), tag.count == AESGCM.tagByteCount else {
            throw DeltaError(.badRequest, "the sidecar's tag is not a base64 16-byte GCM tag")
        }
        do {
            return try AESGCM.open(SealedBox(nonce: Array(iv), ciphertext: blob, tag: Array(tag)), key: key, aad: [])
        } catch {
            throw DeltaError(
                .integrityFailure,
                "decryption failed: the blob or its sidecar was changed, or it was written under another master key"
            )
        }
    }
}
