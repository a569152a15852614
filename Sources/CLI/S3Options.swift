import ArgumentParser
import DeltaCluster
import DeltaCore
import DeltaS3
import Foundation

/// The seed's S3 flags, shared by `deltadb`, `main-worker` and `proc-worker`.
public struct S3Options: ParsableArguments, Sendable {
    @Option(name: .seed("s3-endpoint"), help: "S3-compatible endpoint (host:port, or an http(s):// URL); when set, entities are stored in S3 instead of <shared-fs>/files.")
    public var endpoint: String?

    @Option(name: .seed("s3-access-key"), help: "S3 access key (or $S3_ACCESS_KEY).")
    public var accessKey: String?

    @Option(name: .seed("s3-secret-key"), help: "S3 secret key (or $S3_SECRET_KEY); never logged; prefer -s3-secret-key-file.")
    public var secretKey: String?

    @Option(name: .seed("s3-secret-key-file"), help: "File (mode 0600) holding the S3 secret key.")
    public var secretKeyFile: String?

    @Option(name: .seed("s3-bucket"), help: "S3 bucket holding files/.")
    public var bucket = "deltadatabase"

    @Flag(name: .seed("s3-use-ssl"), help: "Use https for a host:port -s3-endpoint.")
    public var useSSL = false

    @Option(name: .seed("s3-region"), help: "S3 region used for request signing.")
    public var region = "us-east-1"

    public init() {}

    /// The S3 configuration, or nil without `-s3-endpoint` (entities stay on `-shared-fs`).
    /// Keys fall back to `$S3_ACCESS_KEY` / `$S3_SECRET_KEY`.
    ///
    /// - Throws: `.badRequest` for a malformed endpoint.
    public func resolve(environment: [String: String]) throws(DeltaError) -> S3Configuration? {
        guard let endpoint, !endpoint.isEmpty else { return nil }
        var ignored: [String] = []
        let secret = try Self.secretKeyInput.read(
            value: secretKey, file: secretKeyFile, environment: environment, warnings: &ignored)
        return try S3Configuration(
            endpoint: endpoint,
            accessKey: accessKey ?? environment["S3_ACCESS_KEY"] ?? "",
            secretKey: secret?.secret ?? "",
            bucket: bucket, useSSL: useSSL, region: region)
    }

    /// The warning for an S3 secret key given on the command line, if it was.
    public func warnings(environment: [String: String]) -> [String] {
        var warnings: [String] = []
        _ = try? Self.secretKeyInput.read(value: secretKey, file: nil, environment: environment, warnings: &warnings)
        return warnings
    }

    static let secretKeyInput = SecretInput(
        name: "the S3 secret key", flag: "-s3-secret-key", fileFlag: "-s3-secret-key-file", variable: "S3_SECRET_KEY",
        defaultFile: "")
}
