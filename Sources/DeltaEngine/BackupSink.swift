import DeltaCore

/// Where `BackupWriter` puts a backup's files: a directory (`DirectoryBackupSink`)
/// or a bucket (`S3BackupSink` in DeltaCluster).
///
/// The writer calls `prepare()` once, `write(_:_:)` for every file, then
/// `commit(manifest:)` with `manifest.json` last: the manifest is the commit point,
/// so a backup without one is incomplete and restore refuses it. On any failure the
/// writer calls `abandon()`. A sink does not decide what goes into a backup.
public protocol BackupSink: Sendable {
    /// Where the backup goes, for messages (never holds a secret).
    var location: String { get }
    /// Refuses a backup whose name is taken, and makes room for the files.
    ///
    /// - Throws: `.badRequest` when a backup of that name exists already.
    func prepare() async throws(DeltaError)
    /// Stores `bytes` at `path`, relative to the backup's root (`files/…`, `templates/…`).
    func write(_ path: String, _ bytes: [UInt8]) async throws(DeltaError)
    /// Makes every file written so far durable, then stores the manifest, which
    /// completes the backup.
    func commit(manifest: [UInt8]) async throws(DeltaError)
    /// Removes what was written of an unfinished backup, as far as it can.
    func abandon() async
}
