import DeltaCore

/// Where and how to reach an S3-compatible service: endpoint, credentials, bucket,
/// region. Path-style addressing (`<endpoint>/<bucket>/<key>`) is always used, which
/// every S3-compatible server (MinIO, Ceph, moto, AWS) accepts.
///
/// It does not read the environment or flags itself (the server resolves those) and
/// never prints the secret key: `description` redacts it.
public struct S3Configuration: Sendable, Equatable, CustomStringConvertible {
    /// `http` or `https`.
    public var scheme: String
    /// Host name or address, without scheme or port.
    public var host: String
    /// Port, or nil for the scheme's default.
    public var port: Int?
    /// Access key id.
    public var accessKey: String
    /// Secret key (never logged).
    public var secretKey: String
    /// Bucket holding `files/…` (default `deltadatabase`).
    public var bucket: String
    /// Region used in the signature scope (default `us-east-1`).
    public var region: String

    /// Builds a configuration from the seed's flags.
    ///
    /// `endpoint` is `host[:port]` (the seed's form; `useSSL` picks https) or a full
    /// `http://host[:port]` / `https://host[:port]` URL, whose scheme wins over `useSSL`.
    ///
    /// - Throws: `.badRequest` if the endpoint, bucket or credentials are unusable.
    public init(
        endpoint: String, accessKey: String, secretKey: String, bucket: String = "deltadatabase",
        useSSL: Bool = false, region: String = "us-east-1"
    ) throws(DeltaError) {
        var rest = Substring(endpoint.trimmingCharacters(in: .whitespaces))
        var scheme = useSSL ? "https" : "http"
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard scheme == "http" || scheme == "https", !rest.isEmpty, !rest.contains("/") else {
            throw DeltaError(.badRequest, "-s3-endpoint must be host[:port] or http(s)://host[:port] (got \(endpoint))")
        }
        var host = String(rest)
        var port: Int?
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else {
                throw DeltaError(.badRequest, "-s3-endpoint has an invalid port (got \(endpoint))")
            }
            host = String(rest[..<colon])
            port = number
        }
        guard !host.isEmpty else { throw DeltaError(.badRequest, "-s3-endpoint has no host (got \(endpoint))") }
        guard Self.isValidBucket(bucket) else {
            throw DeltaError(.badRequest, "-s3-bucket must be 3-63 characters of a-z, 0-9, '.' and '-' (got \(bucket))")
        }
        guard !accessKey.isEmpty, !secretKey.isEmpty else {
            throw DeltaError(.badRequest, "S3 needs credentials: -s3-access-key/S3_ACCESS_KEY and -s3-secret-key/S3_SECRET_KEY")
        }
        self.scheme = scheme
        self.host = host
        self.port = port
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.bucket = bucket
        self.region = region.isEmpty ? "us-east-1" : region
    }

    /// The `Host` header value: `host` or `host:port` for a non-default port.
    public var hostHeader: String {
        guard let port, !(scheme == "http" && port == 80), !(scheme == "https" && port == 443) else { return host }
        return "\(host):\(port)"
    }

    /// `scheme://host[:port]`.
    public var baseURL: String { "\(scheme)://\(hostHeader)" }

    /// Endpoint, bucket and region; the secret key is redacted.
    public var description: String {
        "S3(\(baseURL), bucket: \(bucket), region: \(region), access key: \(accessKey), secret: <redacted>)"
    }

    /// Whether `name` is a bucket name S3 accepts (3-63 of a-z, 0-9, `.`, `-`).
    public static func isValidBucket(_ name: String) -> Bool {
        (3...63).contains(name.utf8.count) && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "."), UInt8(ascii: "-"): true
            default: false
            }
        }
    }
}
