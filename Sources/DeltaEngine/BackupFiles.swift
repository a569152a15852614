import DeltaCore
import Foundation

/// The one way backups, restores and bucket downloads put files on disk: private
/// directories (0700) created as needed and files (0600) that must not exist yet.
public enum BackupFiles {
    /// Creates `directory` and its missing parents, mode 0700.
    ///
    /// - Throws: `.storageFailure` naming the directory.
    public static func makeDirectory(_ directory: String) throws(DeltaError) {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw DeltaError(.storageFailure, "cannot create '\(directory)'; check the permissions", cause: error)
        }
    }

    /// Writes `bytes` to `path` (mode 0600), creating its directory first. Not synced:
    /// callers sync once for all the files they wrote.
    ///
    /// - Throws: `.storageFailure` naming the file.
    public static func write(_ path: String, _ bytes: [UInt8]) throws(DeltaError) {
        try makeDirectory((path as NSString).deletingLastPathComponent)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw DeltaError(.storageFailure, "cannot write '\(path)': \(String(cString: strerror(errno))); check the space and permissions")
        }
    }
}
