import DeltaAuth
import DeltaCore
import DeltaEngine
import DeltaStorage
import Foundation

/// Online, point-in-time backups of a running server (`POST /api/backups`): pauses
/// the store's writes (`WriteGate`), copies everything with `BackupWriter` into
/// `<backup-dir>/<name>` (or, for `-backup-dir=s3://BUCKET/PREFIX`, the objects
/// `PREFIX/<name>/…` with the manifest last), and lets the writes go on.
///
/// Only a store that passes every write of the directory through one gate can be
/// paused: the all-in-one server that holds its directory alone. A process that
/// shares the directory with other writers cannot stop them, so it refuses
/// instead of producing a copy that is not one point in time.
public struct OnlineBackups: Sendable {
    /// `-backup-dir`; nil when backups are off.
    public let directory: String?
    /// `-backup-dir=s3://…`; nil when backups go to `directory` or are off.
    public let bucket: BackupBucket?
    /// The catalog's store: a `GatedEntityStore` on a sole server.
    public let store: any EntityStore
    /// Where schemas and bindings live, and the API key store.
    public let documents: any SharedDocumentStore
    public let keys: APIKeyStore

    /// Backups of `catalog`'s store and documents, and of the server's API `keys`,
    /// as `configuration` sets them up.
    public init(_ configuration: ServerConfiguration, catalog: EntityCatalog, keys: APIKeyStore) {
        self.directory = configuration.backupDirectory
        self.bucket = configuration.backupBucket
        self.store = catalog.store
        self.documents = catalog.documents
        self.keys = keys
    }

    /// Takes the backup `name`; returns where it is and its manifest.
    ///
    /// - Throws: `.badRequest` when backups are off, on a process that does not hold
    ///   its directory alone, for a bad or taken name; `.unavailable` while another
    ///   backup runs; `.storageFailure` when the backup cannot be written.
    public func take(name: String) async throws(DeltaError) -> (path: String, manifest: BackupManifest) {
        guard directory != nil || bucket != nil else {
            throw DeltaError(
                .badRequest,
                "this server takes no online backups: start deltadb with -backup-dir=<directory outside -shared-fs> "
                    + "or -backup-dir=s3://BUCKET/PREFIX")
        }
        guard let gated = store as? GatedEntityStore else {
            throw DeltaError(
                .badRequest,
                "online backups need the all-in-one server that holds its directory alone (deltadb without -grpc-addr, "
                    + "one worker): here other processes write too. Stop them and run `deltadb backup -shared-fs`, or "
                    + "snapshot the file system")
        }
        try Self.check(name)
        let sink = try self.sink(for: name)
        let writer = BackupWriter(
            store: gated.base, documents: documents, keyDocuments: keys.documents, keyDocumentName: keys.name)
        do {
            let manifest = try await gated.gate.pausingWrites { try await writer.write(to: sink) }
            return (sink.location, manifest)
        } catch let error as DeltaError {
            throw error
        } catch {
            throw DeltaError(.internal, "the backup failed", cause: error)
        }
    }

    /// Where backup `name` goes: the bucket's `PREFIX/<name>/`, or `<backup-dir>/<name>`
    /// (creating `-backup-dir` if needed).
    private func sink(for name: String) throws(DeltaError) -> any BackupSink {
        if let bucket { return S3BackupSink(bucket: bucket.appending(name)) }
        let directory = self.directory ?? ""
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DeltaError(.storageFailure, "cannot create the backup directory '\(directory)'", cause: error)
        }
        return DirectoryBackupSink(directory: directory + "/" + name)
    }

    /// A backup name: 1–128 of `[A-Za-z0-9._-]`, not starting with `.`.
    ///
    /// - Throws: `.badRequest` naming the rule.
    public static func check(_ name: String) throws(DeltaError) {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F || byte == 0x2E
        }
        guard allowed, (1...128).contains(name.utf8.count), !name.hasPrefix(".") else {
            throw DeltaError(
                .badRequest,
                "backup name '\(name.prefix(64))' is not allowed: use 1-128 letters, digits, '-', '_' or '.', not starting with '.'")
        }
    }
}
