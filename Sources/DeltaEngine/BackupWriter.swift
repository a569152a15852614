import DeltaCore
import DeltaStorage
import Foundation

/// Writes a backup: every entity of a store, still encrypted as stored, in the
/// data directory's own layout (`files/<db>.db/<key>.entity`), plus the JSON
/// Schemas, the database bindings and the API key store, and a `manifest.json`
/// with each file's SHA-256.
///
/// It copies what the store returns while it runs; it does not stop writers.
/// For a point-in-time backup run it inside `WriteGate.pausingWrites` (the server
/// does) or while no other process writes (`deltadb backup -shared-fs` claims
/// the directory exclusively). The files go to a `BackupSink` (a directory or a
/// bucket), the manifest last: a backup holding a manifest is a whole backup.
public struct BackupWriter: Sendable {
    /// Where the entities come from.
    public let store: any EntityStore
    /// Where the schemas (`templates/`) and bindings (`_meta/databases.json`) live.
    public let documents: any SharedDocumentStore
    /// The API key store's documents and the key document's name in them.
    public let keyDocuments: any SharedDocumentStore
    public let keyDocumentName: String

    /// Entities per listing page while copying.
    static let pageSize = 1000

    /// Called after each file is written with the files and bytes written so far
    /// (for `deltadb backup`'s progress; the total is not known before the end).
    public let progress: (@Sendable (_ files: Int, _ bytes: Int) -> Void)?

    /// A writer copying `store`'s entities and the shared documents (in a
    /// directory or a bucket) of the deployment.
    public init(
        store: any EntityStore, documents: any SharedDocumentStore, keyDocuments: any SharedDocumentStore,
        keyDocumentName: String, progress: (@Sendable (_ files: Int, _ bytes: Int) -> Void)? = nil
    ) {
        self.store = store
        self.documents = documents
        self.keyDocuments = keyDocuments
        self.keyDocumentName = keyDocumentName
        self.progress = progress
    }

    /// A writer for a data directory `dataRoot` whose API keys are at `keyStorePath`.
    ///
    /// - Throws: `.storageFailure` if a directory cannot be opened.
    public init(
        store: any EntityStore, dataRoot: String, keyStorePath: String,
        progress: (@Sendable (_ files: Int, _ bytes: Int) -> Void)? = nil
    ) throws(DeltaError) {
        self.init(
            store: store, documents: try DirectoryDocuments(root: dataRoot),
            keyDocuments: try DirectoryDocuments(root: (keyStorePath as NSString).deletingLastPathComponent),
            keyDocumentName: (keyStorePath as NSString).lastPathComponent, progress: progress)
    }

    /// Writes the backup to `directory`, which must not exist yet; returns its manifest.
    ///
    /// - Throws: `.badRequest` if `directory` exists; `.storageFailure` if it cannot
    ///   be written (nothing is left under its name then); the store's errors.
    public func write(to directory: String) async throws(DeltaError) -> BackupManifest {
        try await write(to: DirectoryBackupSink(directory: directory))
    }

    /// Writes the backup into `sink`, the manifest last; returns the manifest.
    ///
    /// - Throws: the sink's errors (`.badRequest` for a taken name); the store's
    ///   errors. The sink is abandoned on every failure, so no manifest is written.
    public func write(to sink: any BackupSink) async throws(DeltaError) -> BackupManifest {
        try await sink.prepare()
        do throws(DeltaError) {
            let createdAt = Timestamp.now()
            var files = try await copyEntities(into: sink)
            files += try await copyFiles(into: sink)
            let manifest = BackupManifest(createdAt: createdAt, files: files)
            try await sink.commit(manifest: try manifest.encoded())
            return manifest
        } catch {
            await sink.abandon()
            throw error
        }
    }

    /// Every entity of the store, database by database in key order.
    private func copyEntities(into sink: any BackupSink) async throws(DeltaError) -> [BackupManifest.File] {
        var files: [BackupManifest.File] = []
        var written = 0
        for database in try await store.listDatabases() {
            var after: String?
            repeat {
                let page = try await store.listEntities(database: database, prefix: "", after: after, limit: Self.pageSize)
                for listing in page.entities {
                    let id = try EntityID(database: database, key: listing.key)
                    // Deleted since the listing (possible only when writers run): not in the backup.
                    guard let stored = try await store.read(id) else { continue }
                    let path = EntityFileCodec.relativePath(of: id)
                    let bytes = try EntityFileCodec.encode(stored)
                    try await sink.write(path, bytes)
                    files.append(BackupManifest.File(path: path, contents: bytes, entity: stored.metadata))
                    written += bytes.count
                    progress?(files.count, written)
                }
                after = page.nextCursor
            } while after != nil
        }
        return files
    }

    /// Schemas, bindings and API keys (salted hashes only), where they exist.
    private func copyFiles(into sink: any BackupSink) async throws(DeltaError) -> [BackupManifest.File] {
        var sources: [(from: any SharedDocumentStore, name: String, to: String)] = [
            (documents, "_meta/databases.json", "_meta/databases.json"), (keyDocuments, keyDocumentName, "_auth/keys.json"),
        ]
        for name in try await documents.names(under: "templates/") where name.hasSuffix(".json") {
            sources.append((documents, name, name))
        }
        var files: [BackupManifest.File] = []
        for source in sources {
            guard let bytes = try await source.from.fresh(source.name)?.bytes else { continue }
            try await sink.write(source.to, bytes)
            files.append(BackupManifest.File(path: source.to, contents: bytes))
        }
        return files
    }
}
