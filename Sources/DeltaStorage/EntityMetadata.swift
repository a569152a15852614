/// The committed description of one stored entity: how its blob was encrypted, which
/// version it is, and who wrote it when.
///
/// On the file system this is the `<name>.meta.json` sidecar, encoded with exactly
/// the snake_case field names below (absent optionals are written as `null`, so
/// every field is always present). The storage layer treats `keyID`, `alg`, `iv`,
/// `tag` and the schema fields as opaque strings; only `version`, `database`,
/// `entityKey` and `size` are checked when a write is committed.
public struct EntityMetadata: Codable, Sendable, Equatable {
    /// Id of the encryption key the blob was sealed with (`key_id`).
    public var keyID: String
    /// Cipher name (`alg`); always `"AES-GCM"` today.
    public var alg: String
    /// Base64 of the 12-byte GCM nonce (`iv`).
    public var iv: String
    /// Base64 of the 16-byte GCM tag (`tag`).
    public var tag: String
    /// The JSON Schema the document was validated against, if any (`schema_id`).
    public var schemaID: String?
    /// The version of that schema (`schema_version`).
    public var schemaVersion: String?
    /// Strictly increasing per entity, starting at 1 (`version`).
    public var version: UInt64
    /// Which worker wrote this version (`writer_id`).
    public var writerID: String
    /// RFC 3339 UTC timestamp of version 1 (`created_at`).
    public var createdAt: String
    /// RFC 3339 UTC timestamp of this version (`updated_at`).
    public var updatedAt: String
    /// The database name, repeated so a sidecar is self-describing (`database`).
    public var database: String
    /// The entity key, repeated so a sidecar is self-describing (`entity_key`).
    public var entityKey: String
    /// The ciphertext's byte count (`size`); a blob of another size is detected as an
    /// integrity failure before any decryption is attempted.
    public var size: Int

    /// Creates metadata; every field is given explicitly.
    public init(
        keyID: String, alg: String, iv: String, tag: String,
        schemaID: String?, schemaVersion: String?, version: UInt64, writerID: String,
        createdAt: String, updatedAt: String, database: String, entityKey: String, size: Int
    ) {
        self.keyID = keyID
        self.alg = alg
        self.iv = iv
        self.tag = tag
        self.schemaID = schemaID
        self.schemaVersion = schemaVersion
        self.version = version
        self.writerID = writerID
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.database = database
        self.entityKey = entityKey
        self.size = size
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case keyID = "key_id"
        case alg
        case iv
        case tag
        case schemaID = "schema_id"
        case schemaVersion = "schema_version"
        case version
        case writerID = "writer_id"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case database
        case entityKey = "entity_key"
        case size
    }

    /// Encodes every field, writing `null` for absent optionals rather than omitting
    /// them, so readers in other languages always see the same set of fields.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(keyID, forKey: .keyID)
        try container.encode(alg, forKey: .alg)
        try container.encode(iv, forKey: .iv)
        try container.encode(tag, forKey: .tag)
        try container.encode(schemaID, forKey: .schemaID)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(version, forKey: .version)
        try container.encode(writerID, forKey: .writerID)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(database, forKey: .database)
        try container.encode(entityKey, forKey: .entityKey)
        try container.encode(size, forKey: .size)
    }
}
