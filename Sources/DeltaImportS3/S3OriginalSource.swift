import DeltaCore
import DeltaImport
import DeltaS3

/// The Go original's S3 bucket as an `OriginalSource`: objects `files/<id>.json.enc`,
/// `files/<id>.meta.json` and `templates/<schemaID>.json`, with the same contents
/// as its data directory. Read-only (GET and ListObjectsV2).
///
/// A separate target so that `DeltaImport` stays free of AsyncHTTPClient and NIO.
public struct S3OriginalSource: OriginalSource {
    public let client: S3Client

    /// A source on `client`'s bucket.
    public init(client: S3Client) {
        self.client = client
    }

    public var location: String {
        "s3://\(client.configuration.bucket) at \(client.configuration.baseURL)"
    }

    public func names(in directory: String) async throws(DeltaError) -> [String] {
        let prefix = directory + "/"
        let page = try await client.listAll(prefix: prefix, delimiter: "/")
        return page.keys.compactMap { key in
            guard key.hasPrefix(prefix), key.utf8.count > prefix.utf8.count else { return nil }
            return String(key.dropFirst(prefix.count))
        }
    }

    public func read(_ path: String) async throws(DeltaError) -> [UInt8]? {
        try await client.getObject(path)?.body
    }
}
