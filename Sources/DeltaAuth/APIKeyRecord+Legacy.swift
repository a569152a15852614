import DeltaCore
import Foundation

/// How the hash of an API key imported from the Go original is checked
/// (`legacy` in `keys.json`).
///
/// The original issued secrets of the form `dk_<64 hex>` (32 random bytes) and kept
/// the lowercase hex SHA-256 of the whole secret. An unsalted hash of a random
/// 256-bit secret cannot be reversed or looked up in a table, so such records are
/// imported as they are and keep working with the same secrets; on the first
/// successful use the store replaces the hash with our salted form.
public enum LegacyKeyHash: String, Codable, Sendable, Hashable {
    /// `hash` is the original's unsalted hex SHA-256 of the secret; `salt` is empty.
    case sha256
    /// Upgraded on first use: `salt` and `hash` are our salted HMAC-SHA256, but the
    /// secret keeps the original's form (it names no key id), so the record is
    /// found by checking every imported record.
    case salted
}

extension APIKeyRecord {
    /// A record for a key of the Go original, checked by its unsalted SHA-256 until
    /// its first use.
    ///
    /// - Parameters:
    ///   - sha256Hex: the original's `key_hash`: 64 hex digits.
    ///   - createdAt, expiresAt: RFC 3339, kept as given.
    /// - Throws: `.badRequest` if the id, hash or permissions are unusable.
    public static func imported(
        id: String, name: String, sha256Hex: String, permissions: [Permission], createdAt: String,
        expiresAt: String?, enabled: Bool
    ) throws(DeltaError) -> APIKeyRecord {
        guard !id.isEmpty, id.utf8.count <= 64, id.utf8.allSatisfy(isIDByte) else {
            throw DeltaError(.badRequest, "key id '\(id)' is not 1-64 letters, digits or '-'")
        }
        let hash = sha256Hex.lowercased()
        guard hash.utf8.count == 64, hash.utf8.allSatisfy({ HexDigit.value($0) != nil }) else {
            throw DeltaError(.badRequest, "key '\(id)' has a key_hash that is not 64 hex digits (a SHA-256)")
        }
        guard !permissions.isEmpty else {
            throw DeltaError(.badRequest, "key '\(id)' has no permissions out of read, write, admin")
        }
        if let expiresAt, (try? Date(expiresAt, strategy: .iso8601)) == nil {
            throw DeltaError(.badRequest, "key '\(id)' has an expires_at that is not an RFC 3339 time")
        }
        return APIKeyRecord(
            id: id, name: name, permissions: Array(Set(permissions)).sorted(), databases: nil, salt: "", hash: hash,
            createdAt: createdAt, expiresAt: expiresAt, enabled: enabled, legacy: .sha256
        )
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        HexDigit.value(byte) != nil || (UInt8(ascii: "g")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "G")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// Whether `secret` has the original's form: `dk_` and 64 hex digits.
    public static func isOriginalSecret(_ secret: String) -> Bool {
        let bytes = Array(secret.utf8)
        return bytes.count == 67 && bytes.starts(with: Array("dk_".utf8))
            && bytes[3...].allSatisfy { HexDigit.value($0) != nil }
    }
}
