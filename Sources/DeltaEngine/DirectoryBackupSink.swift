import DeltaCore
import DeltaStorage
import Foundation

/// A backup written into a new directory: the files go into `<directory>.partial-…`,
/// which is renamed to `directory` only after the manifest is on disk, so a
/// directory holding a manifest is a whole backup.
public struct DirectoryBackupSink: BackupSink {
    /// The backup's directory (must not exist yet).
    public let directory: String
    private let staging: String

    /// A sink creating `directory`.
    public init(directory: String) {
        self.directory = directory
        self.staging = directory + ".partial-\(UInt32.random(in: 0...UInt32.max))"
    }

    public var location: String { directory }

    public func prepare() async throws(DeltaError) {
        guard !FileManager.default.fileExists(atPath: directory) else {
            throw DeltaError(.badRequest, "the backup target '\(directory)' exists already; choose a new name")
        }
        try BackupFiles.makeDirectory(staging)
    }

    public func write(_ path: String, _ bytes: [UInt8]) async throws(DeltaError) {
        try BackupFiles.write(staging + "/" + path, bytes)
    }

    public func commit(manifest: [UInt8]) async throws(DeltaError) {
        // Everything written so far reaches the disk before the manifest names it.
        sync()
        try SharedFile.replace(staging + "/" + BackupManifest.fileName, with: manifest)
        guard rename(staging, directory) == 0 else {
            throw DeltaError(.storageFailure, "cannot rename the finished backup to '\(directory)'")
        }
        SharedFile.syncDirectory(of: directory)
    }

    public func abandon() async {
        try? FileManager.default.removeItem(atPath: staging)
    }
}
