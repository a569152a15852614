import DeltaCore

/// The address of one entity: a database name and a key inside it, both validated.
///
/// Equality and hashing compare the UTF-8 bytes, not Swift's Unicode canonical
/// equivalence: `"é"` (U+00E9) and `"e\u{301}"` are different keys, exactly as they
/// are different file names and object keys on storage. Without this, an in-memory
/// map and the file system could disagree about whether two keys are the same entity.
public struct EntityID: Hashable, Sendable, CustomStringConvertible {
    /// The database name (valid per `NameRules`, at most 128 bytes).
    public let database: String
    /// The entity key (valid per `NameRules`, at most 512 bytes).
    public let key: String

    /// Creates an ID after validating both names.
    ///
    /// - Throws: `.invalidName` if either name breaks `NameRules`.
    public init(database: String, key: String) throws(DeltaError) {
        try NameRules.validate(database, as: .database)
        try NameRules.validate(key, as: .entityKey)
        self.database = database
        self.key = key
    }

    /// `database/key`, for logs and error messages.
    public var description: String { "\(database)/\(key)" }

    /// Bytewise equality of both names.
    public static func == (lhs: EntityID, rhs: EntityID) -> Bool {
        lhs.database.utf8.elementsEqual(rhs.database.utf8) && lhs.key.utf8.elementsEqual(rhs.key.utf8)
    }

    /// Hashes the UTF-8 bytes, consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        for byte in database.utf8 { hasher.combine(byte) }
        hasher.combine(0xFF as UInt8)  // never a UTF-8 byte: separates database from key
        for byte in key.utf8 { hasher.combine(byte) }
    }
}
