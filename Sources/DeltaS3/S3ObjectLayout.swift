import DeltaCore
import DeltaStorage

/// Object keys of entities in the bucket: the same names `FileEntityStore` uses
/// under its root, so a `files/` tree copied between a directory and a bucket keeps
/// working.
///
/// ```
/// files/<db>.db/<key>.meta.json            committed metadata (the commit point)
/// files/<db>.db/<key>.<version>.json.enc   the blob that metadata names
/// ```
/// `<db>` and `<key>` use DeltaStorage's encoding: every byte outside `[a-z0-9_-]`
/// becomes `%xx`, and encoded names longer than 180 bytes are cut into 180-byte
/// pieces joined by `/` (never inside an escape). There are no lock or temp objects.
///
/// The encoding is DeltaStorage's `StorageName`; `S3ObjectLayoutTests` checks the
/// keys against the files a `FileEntityStore` writes.
struct S3ObjectLayout: Sendable {
    static let filesPrefix = "files/"
    static let sidecarSuffix = ".meta.json"
    static let blobSuffix = ".json.enc"

    /// `files/<db pieces>.db/` — the prefix of every object of `database`.
    func databasePrefix(_ database: String) -> String {
        Self.filesPrefix + StorageName.chunks(StorageName.encode(database)).joined(separator: "/") + ".db/"
    }

    /// `files/<db>.db/<key pieces…>` without suffix.
    private func stem(_ id: EntityID) -> String {
        databasePrefix(id.database) + StorageName.chunks(StorageName.encode(id.key)).joined(separator: "/")
    }

    func sidecarKey(_ id: EntityID) -> String { stem(id) + Self.sidecarSuffix }

    /// The longest object key S3 accepts (AWS and SeaweedFS refuse longer ones).
    static let maxObjectKeyBytes = 1024

    /// Throws unless every object key of `id` fits S3's limit (the blob's, with the
    /// longest possible version number, is the longest).
    ///
    /// - Throws: `.invalidName` saying how long the names are and what to do.
    func checkFits(_ id: EntityID) throws(DeltaError) {
        let longest = stem(id).utf8.count + ".\(UInt64.max)".utf8.count + Self.blobSuffix.utf8.count
        guard longest <= Self.maxObjectKeyBytes else {
            throw DeltaError(
                .invalidName,
                "database '\(id.database.prefix(32))…' with key '\(id.key.prefix(32))…' is too long for S3 storage: its "
                    + "object names take up to \(longest) bytes (names are stored %-encoded) and S3 allows "
                    + "\(Self.maxObjectKeyBytes); use a shorter key or database name")
        }
    }

    func blobKey(_ id: EntityID, version: UInt64) -> String { stem(id) + ".\(version)" + Self.blobSuffix }

    /// The entity a sidecar object key belongs to, or nil if `objectKey` is not
    /// exactly the sidecar key of a valid (database, key) pair.
    func entity(fromSidecarKey objectKey: String) -> EntityID? {
        guard objectKey.hasPrefix(Self.filesPrefix), objectKey.hasSuffix(Self.sidecarSuffix) else { return nil }
        let inner = objectKey.dropFirst(Self.filesPrefix.count).dropLast(Self.sidecarSuffix.count)
        guard let marker = inner.range(of: ".db/") else { return nil }
        let encodedDatabase = inner[..<marker.lowerBound].replacingOccurrences(of: "/", with: "")
        let encodedKey = inner[marker.upperBound...].replacingOccurrences(of: "/", with: "")
        guard let database = StorageName.decode(encodedDatabase), let key = StorageName.decode(encodedKey),
              let id = try? EntityID(database: database, key: key),
              sidecarKey(id) == objectKey
        else { return nil }
        return id
    }

    /// The database an object key under `files/` belongs to, if its name is canonical.
    func database(fromObjectKey objectKey: String) -> String? {
        guard objectKey.hasPrefix(Self.filesPrefix) else { return nil }
        let inner = objectKey.dropFirst(Self.filesPrefix.count)
        guard let marker = inner.range(of: ".db/") else { return nil }
        let encoded = inner[..<marker.lowerBound].replacingOccurrences(of: "/", with: "")
        guard let database = StorageName.decode(encoded), NameRules.problem(with: database, kind: .database) == nil,
              objectKey.hasPrefix(databasePrefix(database))
        else { return nil }
        return database
    }
}
