import DeltaCore
import DeltaEngine
import DeltaS3
import Foundation

/// Fetches a backup from a bucket into a local directory, for `BackupRestorer` to
/// check and restore exactly as a directory backup.
///
/// It reads the manifest first and refuses a backup without one (incomplete: the
/// manifest is uploaded last); then it fetches exactly the files the manifest lists
/// (nothing else under the prefix), refusing a path outside a data directory's
/// layout. It checks no checksum itself: the restorer does, on what was fetched.
public struct S3BackupDownload: Sendable {
    /// The backup.
    public let bucket: BackupBucket
    private let client: S3Client
    /// Called after each file is fetched with the files fetched and their total.
    public let progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// A download of `bucket` through `client` (by default one on `bucket.s3`).
    public init(
        bucket: BackupBucket, client: S3Client? = nil, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) {
        self.bucket = bucket
        self.client = client ?? S3Client(configuration: bucket.s3)
        self.progress = progress
    }

    /// Fetches the backup into `directory`, an existing empty private directory;
    /// returns its manifest.
    ///
    /// - Throws: `.notFound` when the bucket holds no manifest there (incomplete or
    ///   not a backup); `.integrityFailure` for a damaged manifest, a listed file that
    ///   is missing or a path outside the layout; `.storageFailure`.
    public func download(into directory: String) async throws(DeltaError) -> BackupManifest {
        guard let manifestObject = try await client.getObject(bucket.key(BackupManifest.fileName)) else {
            throw DeltaError(
                .notFound,
                "\(bucket) holds no \(BackupManifest.fileName): the backup is incomplete (its writing did not finish; the "
                    + "manifest is uploaded last) or there is no backup there; restore refuses it: use a finished backup")
        }
        try BackupFiles.write(directory + "/" + BackupManifest.fileName, manifestObject.body)
        let manifest = try BackupManifest.read(backup: directory)
        for (index, file) in manifest.files.enumerated() {
            guard BackupRestorer.isSafe(file.path) else {
                throw DeltaError(
                    .integrityFailure,
                    "the manifest of \(bucket) names '\(file.path)', which is not a data directory path; the backup is damaged")
            }
            guard let object = try await client.getObject(bucket.key(file.path)) else {
                throw DeltaError(
                    .integrityFailure, "\(bucket) is missing '\(file.path)', which its manifest lists; use another backup")
            }
            try BackupFiles.write(directory + "/" + file.path, object.body)
            progress?(index + 1, manifest.files.count)
        }
        return manifest
    }
}
