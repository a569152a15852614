import DeltaCore

/// The one-file entity layout for code outside the store: where a data directory
/// keeps an entity's file and what the file holds (see `EntityFileFormat`).
///
/// Backups are written in this layout, so a restored backup is a data directory
/// that `FileEntityStore` opens as it is.
public enum EntityFileCodec {
    /// The entity file of `id`, relative to a data directory's root:
    /// `files/<db>.db/<key>.entity` (names encoded, long ones in pieces).
    public static func relativePath(of id: EntityID) -> String {
        let path = FileLayout(root: "").paths(for: id).entityFile
        return path.hasPrefix("/") ? String(path.dropFirst()) : path
    }

    /// The file content for `entity`.
    public static func encode(_ entity: StoredEntity) throws(DeltaError) -> [UInt8] {
        try EntityFileFormat.encode(entity)
    }

    /// The entity in `bytes`, the whole file of `id`.
    ///
    /// - Throws: `.integrityFailure` if it is not an entity file of `id` or its size
    ///   does not match its metadata.
    public static func decode(_ bytes: [UInt8], for id: EntityID) throws(DeltaError) -> StoredEntity {
        try EntityFileFormat.decode(bytes, for: id)
    }
}
