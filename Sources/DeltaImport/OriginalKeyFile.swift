import DeltaAuth
import DeltaCore
import Foundation

/// The original's API key store (`_auth/keys.json`, or its `-key-store`): a bare,
/// indented JSON array of records with `id`, `name`, `key_hash` (hex SHA-256 of the
/// whole `dk_<64 hex>` secret), `permissions`, optional `expires_at`, `created_at`
/// and `enabled`.
public enum OriginalKeyFile {
    /// One record as the original wrote it.
    public struct Entry: Decodable, Sendable {
        public var id: String
        public var name: String?
        public var keyHash: String
        public var permissions: [String]?
        public var expiresAt: String?
        public var createdAt: String?
        public var enabled: Bool?

        public init(
            id: String, name: String? = nil, keyHash: String, permissions: [String]? = nil, expiresAt: String? = nil,
            createdAt: String? = nil, enabled: Bool? = nil
        ) {
            self.id = id
            self.name = name
            self.keyHash = keyHash
            self.permissions = permissions
            self.expiresAt = expiresAt
            self.createdAt = createdAt
            self.enabled = enabled
        }

        enum CodingKeys: String, CodingKey {
            case id, name, keyHash = "key_hash", permissions, expiresAt = "expires_at"
            case createdAt = "created_at", enabled
        }
    }

    /// The records of the file.
    ///
    /// - Throws: `.badRequest` if it is not a JSON array of such records.
    public static func parse(_ bytes: [UInt8]) throws(DeltaError) -> [Entry] {
        do {
            return try JSONDecoder().decode([Entry].self, from: Data(bytes))
        } catch {
            throw DeltaError(
                .badRequest,
                "the original's key store is not a JSON array of key records (id, name, key_hash, permissions, …)"
            )
        }
    }

    /// Our record for an original one: same id, name, permissions, expiry and
    /// enabled state, checked by its unsalted SHA-256 until first use.
    ///
    /// A missing `enabled` means enabled (the field exists in every version the
    /// seed documents); a missing `created_at` becomes `now`.
    ///
    /// - Throws: `.badRequest` naming what is unusable (unknown permission, bad
    ///   hash, bad time).
    public static func record(for entry: Entry, now: Date = Date()) throws(DeltaError) -> APIKeyRecord {
        var permissions: [Permission] = []
        for name in entry.permissions ?? [] {
            guard let permission = Permission(rawValue: name) else {
                throw DeltaError(.badRequest, "key '\(entry.id)' has an unknown permission '\(name)' (known: read, write, admin)")
            }
            permissions.append(permission)
        }
        var expiresAt: String?
        if let text = entry.expiresAt, !text.isEmpty {
            guard let normalized = RFC3339.keyStoreTime(text) else {
                throw DeltaError(.badRequest, "key '\(entry.id)' has an expires_at that is not RFC 3339: '\(text)'")
            }
            expiresAt = normalized
        }
        let createdAt = RFC3339.keyStoreTime(entry.createdAt) ?? now.formatted(.iso8601)
        return try APIKeyRecord.imported(
            id: entry.id, name: entry.name ?? entry.id, sha256Hex: entry.keyHash, permissions: permissions,
            createdAt: createdAt, expiresAt: expiresAt, enabled: entry.enabled ?? true
        )
    }
}
