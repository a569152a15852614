import DeltaCore

/// One RBAC API key as stored in `keys.json`: never the secret, only a salted
/// HMAC-SHA256 of it.
///
/// The secret handed to the user is `dk_<id>_<random>`; the id part lets the
/// store find the record without trying every hash, and the hash check is
/// constant-time.
public struct APIKeyRecord: Codable, Sendable, Hashable {
    /// Public identifier (8 hex characters), used in URLs and logs.
    public var id: String
    /// Human label chosen at creation.
    public var name: String
    /// Granted permissions.
    public var permissions: [Permission]
    /// Databases the key is limited to; nil for all.
    public var databases: [String]?
    /// Hex random salt.
    public var salt: String
    /// Hex HMAC-SHA256(salt, secret).
    public var hash: String
    /// RFC 3339 creation time.
    public var createdAt: String
    /// RFC 3339 expiry, or nil for a key that never expires.
    public var expiresAt: String?
    /// Whether the key may be used; a disabled key is refused like an unknown one.
    /// Absent (nil) in files written before the field existed: enabled.
    public var enabled: Bool? = nil
    /// How `hash` was made for a key imported from the Go original (see
    /// `APIKeyRecord+Legacy.swift`); nil for keys this server issued.
    public var legacy: LegacyKeyHash? = nil

    /// Whether the key may be used (`enabled`, defaulting to true).
    public var isEnabled: Bool { enabled ?? true }

    enum CodingKeys: String, CodingKey {
        case id, name, permissions, databases, salt, hash, enabled, legacy
        case createdAt = "created_at"
        case expiresAt = "expires_at"
    }
}

/// A newly created key, including its secret — returned exactly once.
public struct IssuedAPIKey: Sendable {
    /// The stored record (no secret).
    public var record: APIKeyRecord
    /// The secret to show the user once: `dk_<id>_<random>`.
    public var secret: String
}
