import DeltaCore

/// Where the Go original's data is read from: its data directory (`-shared-fs`) or
/// its S3 bucket. Both hold the same relative paths: `files/<id>.json.enc`,
/// `files/<id>.meta.json`, `templates/<schemaID>.json` and (on disk)
/// `_auth/keys.json`.
///
/// Read-only: the importer never changes the original's data. Implementations:
/// `OriginalDirectory` here, and an S3 adapter outside this module (which keeps the
/// importer free of HTTP frameworks).
public protocol OriginalSource: Sendable {
    /// The names directly inside `directory` (`"files"` or `"templates"`), without
    /// the directory prefix, in any order; empty if the directory does not exist.
    func names(in directory: String) async throws(DeltaError) -> [String]

    /// The bytes at `path` (relative, e.g. `files/chatdb_s1.meta.json`), or nil if
    /// there is nothing there.
    func read(_ path: String) async throws(DeltaError) -> [UInt8]?

    /// Where this source reads from, for the report (no credentials).
    var location: String { get }
}
