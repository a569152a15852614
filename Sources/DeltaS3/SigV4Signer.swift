import DeltaCrypto
import Foundation

/// AWS Signature Version 4 for S3 requests (header-based authentication).
///
/// Pure: builds the canonical request, the string to sign, the signing key and the
/// `Authorization` header from what it is given; it performs no I/O and reads no
/// clock (the caller passes the `x-amz-date` timestamp). It does not do presigned
/// URLs, chunked (streaming) payload signing or session tokens. It never throws.
///
/// Every header the caller passes is signed; callers must include `host`,
/// `x-amz-date` and `x-amz-content-sha256` (S3 requires the last).
public struct SigV4Signer: Sendable, CustomStringConvertible {
    /// The access key id (appears in the `Credential` of the header; not secret).
    public let accessKey: String
    /// The secret key. Only used to derive the signing key; never printed.
    private let secretKey: String
    /// The region in the credential scope, e.g. `us-east-1`.
    public let region: String
    /// The service in the credential scope; `s3` for S3.
    public let service: String

    /// Creates a signer for one set of credentials and one region.
    public init(accessKey: String, secretKey: String, region: String, service: String = "s3") {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.region = region
        self.service = service
    }

    /// Access key, region and service; never the secret.
    public var description: String { "SigV4Signer(\(accessKey), \(region), \(service), secret: <redacted>)" }

    /// The SHA-256 of an empty payload, in lower-case hex.
    public static let emptyPayloadHash = Hex.encode(SHA256.hash([UInt8]()))

    /// Lower-case hex SHA-256 of `payload`, for `x-amz-content-sha256`.
    public static func payloadHash(_ payload: some Collection<UInt8>) -> String {
        Hex.encode(SHA256.hash(payload))
    }

    /// `yyyyMMdd'T'HHmmss'Z'` in UTC, the `x-amz-date` format.
    public static func amzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// S3's URI encoding: every byte outside `A-Z a-z 0-9 - _ . ~` becomes `%XX`
    /// (upper-case hex); `/` is kept when `keepSlash` (object key paths) and encoded
    /// otherwise (query names and values).
    public static func uriEncode(_ text: String, keepSlash: Bool) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                output.append("/")
            default:
                output += String(format: "%%%02X", byte)
            }
        }
        return output
    }

    /// The canonical query string: names and values URI-encoded, sorted by name then value,
    /// `name=value` joined by `&` (a parameter without value is `name=`).
    public static func canonicalQuery(_ query: [(String, String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { pair in
            (uriEncode(pair.0, keepSlash: false), uriEncode(pair.1, keepSlash: false))
        }
        let sorted = encoded.sorted { lhs, rhs in
            lhs.name == rhs.name ? lhs.value < rhs.value : lhs.name < rhs.name
        }
        return sorted.map { pair in pair.name + "=" + pair.value }.joined(separator: "&")
    }

    /// Header names lower-cased and values trimmed with inner runs of spaces collapsed,
    /// sorted by name; repeated names are joined with commas.
    static func canonicalHeaders(_ headers: [(String, String)]) -> [(String, String)] {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            let trimmed = value.trimmingCharacters(in: .whitespaces)
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            merged[name.lowercased(), default: []].append(trimmed)
        }
        return merged.map { ($0.key, $0.value.joined(separator: ",")) }.sorted { $0.0 < $1.0 }
    }

    /// The canonical request (method, URI, query, headers, signed headers, payload hash).
    ///
    /// `canonicalURI` must already be URI-encoded (see `uriEncode(_:keepSlash:)`); S3
    /// does not encode it a second time.
    public func canonicalRequest(
        method: String, canonicalURI: String, query: [(String, String)], headers: [(String, String)],
        payloadHash: String
    ) -> String {
        let canonical = Self.canonicalHeaders(headers)
        return [
            method,
            canonicalURI.isEmpty ? "/" : canonicalURI,
            Self.canonicalQuery(query),
            canonical.map { "\($0.0):\($0.1)\n" }.joined(),
            canonical.map(\.0).joined(separator: ";"),
            payloadHash,
        ].joined(separator: "\n")
    }

    /// `<yyyyMMdd>/<region>/<service>/aws4_request` for an `x-amz-date` value.
    public func credentialScope(amzDate: String) -> String {
        "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
    }

    /// The string to sign for a canonical request at `amzDate`.
    public func stringToSign(canonicalRequest: String, amzDate: String) -> String {
        [
            "AWS4-HMAC-SHA256", amzDate, credentialScope(amzDate: amzDate),
            Hex.encode(SHA256.hash(Array(canonicalRequest.utf8))),
        ].joined(separator: "\n")
    }

    /// HMAC chain `"AWS4"+secret` → date → region → service → `aws4_request`.
    public func signingKey(dateStamp: String) -> [UInt8] {
        var key = HMACSHA256.authenticate(Array(dateStamp.utf8), key: Array(("AWS4" + secretKey).utf8))
        for part in [region, service, "aws4_request"] {
            key = HMACSHA256.authenticate(Array(part.utf8), key: key)
        }
        return key
    }

    /// The hex signature of a request.
    public func signature(
        method: String, canonicalURI: String, query: [(String, String)], headers: [(String, String)],
        payloadHash: String, amzDate: String
    ) -> String {
        let request = canonicalRequest(
            method: method, canonicalURI: canonicalURI, query: query, headers: headers, payloadHash: payloadHash)
        let toSign = stringToSign(canonicalRequest: request, amzDate: amzDate)
        return Hex.encode(HMACSHA256.authenticate(Array(toSign.utf8), key: signingKey(dateStamp: String(amzDate.prefix(8)))))
    }

    /// The `Authorization` header value for a request (signs every header in `headers`).
    public func authorization(
        method: String, canonicalURI: String, query: [(String, String)], headers: [(String, String)],
        payloadHash: String, amzDate: String
    ) -> String {
        let signed = Self.canonicalHeaders(headers).map(\.0).joined(separator: ";")
        let sig = signature(
            method: method, canonicalURI: canonicalURI, query: query, headers: headers,
            payloadHash: payloadHash, amzDate: amzDate)
        return "AWS4-HMAC-SHA256 Credential=\(accessKey)/\(credentialScope(amzDate: amzDate)),"
            + "SignedHeaders=\(signed),Signature=\(sig)"
    }
}
