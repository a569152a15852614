import DeltaCore
import DeltaCrypto
import DeltaStorage
import Foundation

/// The table of contents of a backup (`manifest.json` at its root): every file the
/// backup holds, with its size and SHA-256, and for entity files which entity,
/// version and key id they hold.
///
/// Entities stay encrypted exactly as stored; the manifest holds no document
/// content and no key material. Restore trusts nothing else in the backup
/// directory: a file the manifest does not list is not restored.
public struct BackupManifest: Codable, Sendable, Equatable {
    /// The format this code writes and reads.
    public static let currentFormat = "deltadb-backup-1"
    /// The manifest's file name inside a backup.
    public static let fileName = "manifest.json"

    /// One file of the backup, by its path relative to the backup's root (the
    /// same path it has in a data directory).
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var bytes: Int
        /// Lower-case hex SHA-256 of the file's bytes.
        public var sha256: String
        /// For entity files: the database, key, version and key id they hold.
        public var database: String?
        public var key: String?
        public var version: UInt64?
        public var keyID: String?

        enum CodingKeys: String, CodingKey {
            case path, bytes, sha256, database, key, version
            case keyID = "key_id"
        }

        /// Describes `contents` stored at `path`; for an entity file, `entity` is what it holds.
        public init(path: String, contents: [UInt8], entity: EntityMetadata? = nil) {
            self.path = path
            self.bytes = contents.count
            self.sha256 = Hex.encode(SHA256.hash(contents))
            self.database = entity?.database
            self.key = entity?.entityKey
            self.version = entity?.version
            self.keyID = entity?.keyID
        }
    }

    public var format: String
    /// When the backup was taken (RFC 3339 UTC): the point in time it holds.
    public var createdAt: String
    /// How many entities it holds.
    public var entities: Int
    public var files: [File]

    enum CodingKeys: String, CodingKey {
        case format, entities, files
        case createdAt = "created_at"
    }

    /// A manifest of `files`, taken at `createdAt`.
    public init(createdAt: String, files: [File]) {
        self.format = Self.currentFormat
        self.createdAt = createdAt
        self.entities = files.filter { $0.database != nil }.count
        self.files = files
    }

    /// The manifest's JSON, sorted keys and pretty-printed so it diffs well.
    public func encoded() throws(DeltaError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(self))
        } catch {
            throw DeltaError(.internal, "could not encode the backup manifest", cause: error)
        }
    }

    /// Reads the manifest of the backup at `directory`.
    ///
    /// - Throws: `.notFound` if there is none (not a backup, or one whose writing did
    ///   not finish); `.integrityFailure` if it is damaged or of an unknown format.
    public static func read(backup directory: String) throws(DeltaError) -> BackupManifest {
        guard let bytes = try SharedFile.read(directory + "/" + fileName) else {
            throw DeltaError(
                .notFound,
                "'\(directory)' holds no \(fileName): it is not a DeltaDatabase backup (or its writing did not finish); "
                    + "give the directory `deltadb backup` created")
        }
        let manifest: BackupManifest
        do {
            manifest = try JSONDecoder().decode(BackupManifest.self, from: Data(bytes))
        } catch {
            throw DeltaError(
                .integrityFailure, "the backup's \(fileName) in '\(directory)' is damaged; use another backup", cause: error)
        }
        guard manifest.format == currentFormat else {
            throw DeltaError(
                .integrityFailure,
                "the backup in '\(directory)' has format '\(manifest.format)'; this deltadb reads '\(currentFormat)'")
        }
        return manifest
    }
}
