/// One committed entity as storage holds it: its metadata and the encrypted blob.
///
/// The ciphertext is opaque here; decryption and its integrity check happen above
/// the storage layer, using `metadata` as additional authenticated data.
public struct StoredEntity: Sendable, Equatable {
    /// The committed metadata (the sidecar).
    public var metadata: EntityMetadata
    /// The encrypted bytes; `metadata.size` must equal `ciphertext.count`.
    public var ciphertext: [UInt8]

    /// Creates a stored entity.
    public init(metadata: EntityMetadata, ciphertext: [UInt8]) {
        self.metadata = metadata
        self.ciphertext = ciphertext
    }
}

/// One row of an entity listing: enough to render a key list and to revalidate
/// caches, without reading any blob.
public struct EntityListing: Sendable, Equatable {
    /// The entity key.
    public var key: String
    /// Its committed version.
    public var version: UInt64
    /// When that version was written (RFC 3339).
    public var updatedAt: String

    /// Creates a listing row.
    public init(key: String, version: UInt64, updatedAt: String) {
        self.key = key
        self.version = version
        self.updatedAt = updatedAt
    }
}

/// One page of a key listing.
public struct EntityPage: Sendable, Equatable {
    /// The rows, in bytewise (UTF-8) key order.
    public var entities: [EntityListing]
    /// Pass as `after` to get the next page; nil when this page is the last.
    /// It is the last key of this page, so it stays valid if keys are added or
    /// removed meanwhile: the next page simply starts after that key.
    public var nextCursor: String?

    /// Creates a page.
    public init(entities: [EntityListing], nextCursor: String?) {
        self.entities = entities
        self.nextCursor = nextCursor
    }
}
