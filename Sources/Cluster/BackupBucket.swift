import DeltaCore
import DeltaS3

/// A backup's place in an S3-compatible bucket, written `s3://BUCKET/PREFIX/NAME`:
/// its files are the objects `PREFIX/NAME/<path>` (`files/…`, `templates/…`,
/// `_meta/…`, `_auth/…`) and `PREFIX/NAME/manifest.json`, uploaded last.
///
/// The URL names the bucket and the key prefix only; the endpoint and the
/// credentials come from the `-s3-*` flags. Each part of the prefix is a name like a
/// backup name (`OnlineBackups.check`), so no key can hold `..` or an empty part.
public struct BackupBucket: Sendable, Equatable, CustomStringConvertible {
    /// How a bucket location starts, where a directory would be given.
    public static let scheme = "s3://"

    /// How to reach the bucket; `s3.bucket` is the URL's bucket.
    public var s3: S3Configuration
    /// `PREFIX/NAME` without a leading or trailing `/`.
    public var prefix: String

    /// Whether `location` names a bucket (`s3://…`) rather than a directory.
    public static func isBucketURL(_ location: String) -> Bool { location.hasPrefix(scheme) }

    /// The bucket at `url`, reached with `s3` (the `-s3-*` flags, whose bucket the URL replaces).
    ///
    /// - Throws: `.badRequest` without `s3` (no `-s3-endpoint`), or for a malformed URL.
    public init(url: String, s3: S3Configuration?) throws(DeltaError) {
        let (bucket, prefix) = try Self.parse(url)
        guard var s3 else {
            throw DeltaError(
                .badRequest,
                "a backup in a bucket (\(url)) needs -s3-endpoint, with -s3-access-key and -s3-secret-key-file "
                    + "(or S3_ACCESS_KEY and S3_SECRET_KEY) to reach it (for deltadb -backup-dir: -backup-s3-endpoint, "
                    + "-backup-s3-access-key, -backup-s3-secret-key-file)")
        }
        s3.bucket = bucket
        self.s3 = s3
        self.prefix = prefix
    }

    /// The bucket and the key prefix of `s3://BUCKET/PREFIX/NAME`.
    ///
    /// - Throws: `.badRequest` naming the rule the URL breaks.
    public static func parse(_ url: String) throws(DeltaError) -> (bucket: String, prefix: String) {
        guard isBucketURL(url) else {
            throw DeltaError(.badRequest, "'\(url.prefix(200))' is not a bucket location: write s3://BUCKET/PREFIX/NAME")
        }
        let parts = url.dropFirst(scheme.count).split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var path = Array(parts.dropFirst())
        while path.last == "" { path.removeLast() }
        guard let bucket = parts.first, S3Configuration.isValidBucket(bucket), !path.isEmpty else {
            throw DeltaError(
                .badRequest,
                "'\(url.prefix(200))' is not a bucket location: write s3://BUCKET/PREFIX/NAME (a bucket of 3-63 "
                    + "characters a-z, 0-9, '.', '-', then at least the backup's name)")
        }
        for part in path {
            do throws(DeltaError) {
                try OnlineBackups.check(part)
            } catch {
                throw DeltaError(.badRequest, "in '\(url.prefix(200))': \(error.message)")
            }
        }
        return (bucket, path.joined(separator: "/"))
    }

    /// The backup `name` under this prefix (an online backup into `-backup-dir=s3://…`).
    public func appending(_ name: String) -> BackupBucket {
        var copy = self
        copy.prefix += "/" + name
        return copy
    }

    /// The object key of `path` inside the backup.
    public func key(_ path: String) -> String { prefix + "/" + path }

    /// `s3://BUCKET/PREFIX/NAME` (no endpoint, no credentials).
    public var description: String { Self.scheme + s3.bucket + "/" + prefix }
}
