import DeltaCore
import DeltaEngine
import DeltaS3

/// A backup written into a bucket (`BackupBucket`): every file is an object under
/// `PREFIX/NAME/`, and `manifest.json` is uploaded last, only if absent. The
/// manifest is the commit point: until it is there the objects are an incomplete
/// backup, which restore refuses, and a name whose manifest exists is refused.
public struct S3BackupSink: BackupSink {
    /// Where the backup goes.
    public let bucket: BackupBucket
    private let client: S3Client

    /// A sink writing into `bucket` through `client` (by default one on `bucket.s3`).
    public init(bucket: BackupBucket, client: S3Client? = nil) {
        self.bucket = bucket
        self.client = client ?? S3Client(configuration: bucket.s3)
    }

    public var location: String { bucket.description }

    public func prepare() async throws(DeltaError) {
        if try await client.headObject(bucket.key(BackupManifest.fileName)) != nil { throw taken() }
    }

    public func write(_ path: String, _ bytes: [UInt8]) async throws(DeltaError) {
        try await client.putObject(bucket.key(path), bytes)
    }

    public func commit(manifest: [UInt8]) async throws(DeltaError) {
        // PUT is durable once acknowledged; the condition refuses a backup finished meanwhile under the same name.
        do throws(DeltaError) {
            try await client.putObject(bucket.key(BackupManifest.fileName), manifest, condition: .absent)
        } catch where error.code == .preconditionFailed {
            throw taken()
        }
    }

    /// Deletes the objects under the prefix, unless a manifest is there: then they
    /// belong to a backup of the same name that another run finished.
    public func abandon() async {
        do {
            guard try await client.headObject(bucket.key(BackupManifest.fileName)) == nil else { return }
        } catch {
            return
        }
        guard let listing = try? await client.listAll(prefix: bucket.prefix + "/") else { return }
        for key in listing.keys where key != bucket.key(BackupManifest.fileName) {
            try? await client.deleteObject(key)
        }
    }

    private func taken() -> DeltaError {
        DeltaError(.badRequest, "\(bucket) holds a backup already (its \(BackupManifest.fileName) exists); choose a new name")
    }
}
