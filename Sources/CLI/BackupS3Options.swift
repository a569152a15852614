import ArgumentParser
import DeltaCluster
import DeltaCore
import DeltaS3
import Foundation

/// How `deltadb` reaches the bucket of `-backup-dir=s3://BUCKET/PREFIX` (online
/// backups into a bucket). These are not the `-s3-*` flags, which move the server's
/// own storage into a bucket; without `-backup-s3-endpoint` a server that stores in
/// S3 reaches the backup bucket with its own `-s3-*` endpoint and credentials.
///
/// The secret key comes from `-backup-s3-secret-key-file` or `$BACKUP_S3_SECRET_KEY`,
/// never from a flag value.
public struct BackupS3Options: ParsableArguments, Sendable {
    @Option(name: .seed("backup-s3-endpoint"), help: "For -backup-dir=s3://BUCKET/PREFIX: the S3-compatible endpoint (host:port or http(s):// URL).")
    public var endpoint: String?

    @Option(name: .seed("backup-s3-access-key"), help: "Access key for the backup bucket (or $BACKUP_S3_ACCESS_KEY).")
    public var accessKey: String?

    @Option(name: .seed("backup-s3-secret-key-file"), help: "File (mode 0600) holding the backup bucket's secret key (or $BACKUP_S3_SECRET_KEY).")
    public var secretKeyFile: String?

    @Flag(name: .seed("backup-s3-use-ssl"), help: "Use https for a host:port -backup-s3-endpoint.")
    public var useSSL = false

    @Option(name: .seed("backup-s3-region"), help: "Region for signing requests to the backup bucket.")
    public var region = "us-east-1"

    public init() {}

    /// `-backup-dir` resolved: a directory (absolute, outside `sharedFS`) or a bucket.
    ///
    /// - Parameter storage: the server's own S3 configuration (`-s3-*`), used for a
    ///   bucket when `-backup-s3-endpoint` is not given.
    /// - Throws: `.badRequest` for a directory inside `sharedFS`, a malformed URL, a
    ///   bucket without a way to reach it, or `-backup-s3-*` without a bucket.
    public func resolve(
        backupDir: String?, sharedFS: String, storage: S3Configuration?,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(DeltaError) -> (directory: String?, bucket: BackupBucket?) {
        guard let backupDir, BackupBucket.isBucketURL(backupDir) else {
            guard endpoint == nil else {
                throw DeltaError(.badRequest, "-backup-s3-endpoint is for -backup-dir=s3://BUCKET/PREFIX")
            }
            return (try BackupOptions.serverBackupDirectory(backupDir, sharedFS: sharedFS), nil)
        }
        _ = try BackupBucket.parse(backupDir)
        guard let endpoint else { return (nil, try BackupBucket(url: backupDir, s3: storage)) }
        var ignored: [String] = []
        let secret = try Self.secretKeyInput.read(value: nil, file: secretKeyFile, environment: environment, warnings: &ignored)
        let s3 = try S3Configuration(
            endpoint: endpoint, accessKey: accessKey ?? environment["BACKUP_S3_ACCESS_KEY"] ?? "",
            secretKey: secret?.secret ?? "", useSSL: useSSL, region: region)
        return (nil, try BackupBucket(url: backupDir, s3: s3))
    }

    static let secretKeyInput = SecretInput(
        name: "the backup bucket's secret key", flag: "-backup-s3-secret-key-file", fileFlag: "-backup-s3-secret-key-file",
        variable: "BACKUP_S3_SECRET_KEY", defaultFile: "")
}
