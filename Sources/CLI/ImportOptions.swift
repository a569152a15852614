import ArgumentParser
import DeltaCore
import DeltaS3
import Foundation

/// The flags of `deltadb import-original`: where the Go original's data is, its
/// master key, and how to run. The target (our `-shared-fs` or `-s3-…` bucket, our
/// `-master-key`, `-key-id`, `-key-store`) comes from `ServerOptions`.
///
/// The original's master key is read from `--original-master-key-file` or
/// `$ORIGINAL_MASTER_KEY`, never from a flag value (it would land in shell history).
public struct ImportOptions: ParsableArguments, Sendable {
    @Option(name: .seed("from"), help: "The original's data directory (its -shared-fs), holding files/, templates/ and _auth/.")
    public var from: String?

    @Option(name: .seed("original-master-key-file"), help: "File holding the original's -master-key (64 hex digits), or set $ORIGINAL_MASTER_KEY.")
    public var originalMasterKeyFile: String?

    @Option(name: .seed("original-key-store"), help: "The original's API key file if it ran with -key-store (default: _auth/keys.json under --from).")
    public var originalKeyStore: String?

    @Option(name: .seed("from-s3-endpoint"), help: "Read the original's S3 bucket instead of --from (host:port or http(s):// URL).")
    public var fromS3Endpoint: String?

    @Option(name: .seed("from-s3-bucket"), help: "The original's bucket.")
    public var fromS3Bucket = "deltadatabase"

    @Option(name: .seed("from-s3-access-key"), help: "Access key for the original's bucket (or $ORIGINAL_S3_ACCESS_KEY, else $S3_ACCESS_KEY).")
    public var fromS3AccessKey: String?

    @Option(name: .seed("from-s3-secret-key"), help: "Secret key for the original's bucket (or $ORIGINAL_S3_SECRET_KEY, else $S3_SECRET_KEY); never logged.")
    public var fromS3SecretKey: String?

    @Option(name: .seed("from-s3-region"), help: "Region for signing requests to the original's bucket.")
    public var fromS3Region = "us-east-1"

    @Flag(name: .seed("from-s3-use-ssl"), help: "Use https for a host:port --from-s3-endpoint.")
    public var fromS3UseSSL = false

    @Option(name: .seed("report"), help: "Also write the report as JSON to this file.")
    public var report: String?

    @Flag(name: .seed("dry-run"), help: "Read, decrypt and compare everything, report what would happen, write nothing.")
    public var dryRun = false

    @Option(name: .seed("concurrency"), help: "Entities imported at once.")
    public var concurrency = 8

    public init() {}

    /// Where the original's data is.
    public enum Origin: Sendable {
        case directory(String)
        case s3(S3Configuration)
    }

    /// The resolved flags.
    public struct Resolved: Sendable {
        public var origin: Origin
        /// The original's master key in hex (never printed).
        public var originalMasterKeyHex: String
        public var originalKeyStore: String?
        public var reportPath: String?
        public var dryRun: Bool
        public var concurrency: Int
    }

    /// Resolves flags and environment.
    ///
    /// - Throws: `.badRequest` naming the flag: no or two origins, no original key,
    ///   an unreadable key file, a bad concurrency.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DeltaError) -> Resolved {
        let origin: Origin
        switch (from, fromS3Endpoint) {
        case (let directory?, nil):
            origin = .directory(directory)
        case (nil, let endpoint?):
            origin = .s3(try S3Configuration(
                endpoint: endpoint,
                accessKey: fromS3AccessKey ?? environment["ORIGINAL_S3_ACCESS_KEY"] ?? environment["S3_ACCESS_KEY"] ?? "",
                secretKey: fromS3SecretKey ?? environment["ORIGINAL_S3_SECRET_KEY"] ?? environment["S3_SECRET_KEY"] ?? "",
                bucket: fromS3Bucket, useSSL: fromS3UseSSL, region: fromS3Region))
        case (nil, nil):
            throw DeltaError(.badRequest, "say where the original's data is: --from <its -shared-fs directory> or --from-s3-endpoint")
        case (_?, _?):
            throw DeltaError(.badRequest, "give either --from or --from-s3-endpoint, not both")
        }
        let keyHex: String
        if let file = originalMasterKeyFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw DeltaError(.badRequest, "cannot read --original-master-key-file '\(file)'")
            }
            keyHex = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        } else if let given = environment["ORIGINAL_MASTER_KEY"], !given.isEmpty {
            keyHex = given
        } else {
            throw DeltaError(
                .badRequest,
                "the original's master key is needed to decrypt its data: pass --original-master-key-file or set ORIGINAL_MASTER_KEY")
        }
        guard (1...64).contains(concurrency) else {
            throw DeltaError(.badRequest, "--concurrency must be between 1 and 64")
        }
        return Resolved(
            origin: origin, originalMasterKeyHex: keyHex, originalKeyStore: originalKeyStore, reportPath: report,
            dryRun: dryRun, concurrency: concurrency)
    }
}
