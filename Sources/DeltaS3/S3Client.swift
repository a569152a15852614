import AsyncHTTPClient
import DeltaCore
import Foundation
import NIOCore
import NIOHTTP1

/// A stored object as read back: its bytes and its ETag (quoted, as S3 sends it).
public struct S3Object: Sendable, Equatable {
    public var body: [UInt8]
    public var etag: String
}

/// A precondition for a conditional PUT or DELETE.
public enum S3Condition: Sendable, Equatable {
    /// No condition.
    case none
    /// Only if the object does not exist (`If-None-Match: *`).
    case absent
    /// Only if the object's ETag is this one (`If-Match`).
    case etag(String)
}

/// The S3 requests DeltaDatabase needs, signed with SigV4 and sent over
/// AsyncHTTPClient: GET/HEAD/PUT/DELETE object (PUT and DELETE optionally
/// conditional), ListObjectsV2 with continuation, and CreateBucket.
///
/// Reads (GET, HEAD, listings) that fail in transport or exceed their attempt
/// deadline (5 s) are retried twice, each time on a connection of its own (a
/// client made for the retry): a pooled connection that a NAT, load balancer or
/// restarted network silently dropped would otherwise hold a read for the whole
/// deadline, and the pool may hold several such connections; writes and status errors are never retried, since a
/// conditional write may have taken effect. It does no multipart uploads and reads
/// whole bodies into memory (entities are small). Errors are `DeltaError`: `.preconditionFailed` when a
/// condition did not hold (HTTP 412, or 404 for `If-Match` on a missing object, and
/// 409 ConditionalRequestConflict), `.storageFailure` for anything else (transport
/// errors, 4xx/5xx with the S3 error code in the message). Messages never contain the
/// secret key or object bodies.
public struct S3Client: Sendable {
    public let configuration: S3Configuration
    private let signer: SigV4Signer
    private let http: HTTPClient
    /// Largest body read back (entities are limited far below this).
    static let maxBodyBytes = 64 * 1024 * 1024

    /// How long one attempt of a read may take before it is retried.
    let readAttemptTimeout: TimeAmount
    /// Attempts of a read, counting the first.
    static let readAttempts = 3

    /// Creates a client; uses the process-wide `HTTPClient.shared` unless given one.
    /// `readAttemptTimeout` bounds each attempt of a read (writes get 30 s, once).
    public init(configuration: S3Configuration, httpClient: HTTPClient = .shared, readAttemptTimeout: TimeAmount = .seconds(5)) {
        self.configuration = configuration
        self.signer = SigV4Signer(
            accessKey: configuration.accessKey, secretKey: configuration.secretKey, region: configuration.region)
        self.http = httpClient
        self.readAttemptTimeout = readAttemptTimeout
    }

    struct Response {
        var status: HTTPResponseStatus
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    /// The object, or nil if it does not exist (404).
    public func getObject(_ key: String) async throws(DeltaError) -> S3Object? {
        let response = try await send("GET", key: key)
        if response.status == .notFound, S3ListingParser.parseError(response.body)?.code != "NoSuchBucket" { return nil }
        try check(response, "GET", key)
        return S3Object(body: response.body, etag: response.headers.first(name: "etag") ?? "")
    }

    /// What a conditional GET found.
    public enum ConditionalRead: Sendable, Equatable {
        /// There is no such object.
        case missing
        /// The object still has the ETag the caller holds (HTTP 304).
        case unchanged
        /// The object, changed since (or no ETag was given).
        case changed(S3Object)
    }

    /// The object unless its ETag is still `etag` (`If-None-Match`): a cheap check
    /// of a copy the caller holds. A server that ignores the header just sends the
    /// object again.
    public func getObject(_ key: String, unlessETag etag: String?) async throws(DeltaError) -> ConditionalRead {
        let response = try await send("GET", key: key, headers: etag.map { [("if-none-match", $0)] } ?? [])
        if response.status == .notModified { return .unchanged }
        if response.status == .notFound, S3ListingParser.parseError(response.body)?.code != "NoSuchBucket" { return .missing }
        try check(response, "GET", key)
        return .changed(S3Object(body: response.body, etag: response.headers.first(name: "etag") ?? ""))
    }

    /// ETag and `Last-Modified` age in seconds as measured by the server's own clock
    /// (`Date` − `Last-Modified`), or nil if the object does not exist.
    public func headObject(_ key: String) async throws(DeltaError) -> (etag: String, ageSeconds: Double?)? {
        let response = try await send("HEAD", key: key)
        if response.status == .notFound { return nil }
        try check(response, "HEAD", key)
        let age: Double? = {
            guard let modified = response.headers.first(name: "last-modified").flatMap(Self.parseHTTPDate),
                  let now = response.headers.first(name: "date").flatMap(Self.parseHTTPDate)
            else { return nil }
            return now.timeIntervalSince(modified)
        }()
        return (response.headers.first(name: "etag") ?? "", age)
    }

    /// Stores `body` under `key` if `condition` holds; returns the new ETag.
    ///
    /// - Throws: `.preconditionFailed` if the condition did not hold.
    @discardableResult
    public func putObject(_ key: String, _ body: [UInt8], condition: S3Condition = .none) async throws(DeltaError) -> String {
        var extra: [(String, String)] = [("content-type", "application/octet-stream")]
        switch condition {
        case .none: break
        case .absent: extra.append(("if-none-match", "*"))
        case .etag(let etag): extra.append(("if-match", etag))
        }
        let response = try await send("PUT", key: key, body: body, headers: extra)
        if condition != .none, Self.isConditionFailure(response) {
            throw DeltaError(.preconditionFailed, "S3 PUT \(key): the object changed meanwhile")
        }
        try check(response, "PUT", key)
        return response.headers.first(name: "etag") ?? ""
    }

    /// Deletes `key` if `condition` (none or an ETag) holds. Deleting a missing object
    /// without a condition succeeds, as in S3.
    ///
    /// - Throws: `.preconditionFailed` if the ETag did not match or the object is gone.
    public func deleteObject(_ key: String, condition: S3Condition = .none) async throws(DeltaError) {
        var extra: [(String, String)] = []
        if case .etag(let etag) = condition { extra.append(("if-match", etag)) }
        let response = try await send("DELETE", key: key, headers: extra)
        if condition != .none, Self.isConditionFailure(response) {
            throw DeltaError(.preconditionFailed, "S3 DELETE \(key): the object changed meanwhile")
        }
        try check(response, "DELETE", key)
    }

    /// Every key under `prefix` (ListObjectsV2, following continuation tokens). With a
    /// delimiter, also the common prefixes.
    public func listAll(prefix: String, delimiter: String? = nil) async throws(DeltaError) -> S3ListPage {
        var all = S3ListPage(keys: [], commonPrefixes: [], continuationToken: nil)
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix)]
            if let delimiter { query.append(("delimiter", delimiter)) }
            if let token { query.append(("continuation-token", token)) }
            let response = try await send("GET", key: nil, query: query)
            try check(response, "LIST", prefix)
            guard let page = S3ListingParser.parseListPage(response.body) else {
                throw DeltaError(.storageFailure, "S3 LIST \(prefix): the response is not a ListObjectsV2 result")
            }
            all.keys += page.keys
            all.commonPrefixes += page.commonPrefixes
            token = page.continuationToken
        } while token != nil
        return all
    }

    /// The pause after a conditional write lost to another writer, before reading
    /// again: random (so two machines do not collide again), growing with `attempt`
    /// up to about 0.3 s.
    public static func pauseAfterLostRace(_ attempt: Int) async {
        try? await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 << min(attempt, 6)))))
    }

    /// Creates the bucket; succeeds if this account already owns it.
    public func createBucket() async throws(DeltaError) {
        let response = try await send("PUT", key: nil)
        if response.status == .conflict,
           S3ListingParser.parseError(response.body)?.code == "BucketAlreadyOwnedByYou" { return }
        try check(response, "CreateBucket", configuration.bucket)
    }

    // MARK: Transport

    static func isConditionFailure(_ response: Response) -> Bool {
        // 412: condition false; 409: a concurrent conditional write; 404 NoSuchKey on
        // If-Match: the object is gone (but not NoSuchBucket, which is a real failure).
        switch response.status {
        case .preconditionFailed, .conflict: return true
        case .notFound: return S3ListingParser.parseError(response.body)?.code != "NoSuchBucket"
        default: return false
        }
    }

    private func check(_ response: Response, _ operation: String, _ key: String) throws(DeltaError) {
        guard (200..<300).contains(Int(response.status.code)) else {
            let detail = S3ListingParser.parseError(response.body).map { "\($0.code): \($0.message)" } ?? ""
            throw DeltaError(.storageFailure, "S3 \(operation) \(key) failed with HTTP \(response.status.code) \(detail)")
        }
    }

    /// The encoded request path: `/<bucket>` or `/<bucket>/<key>`.
    func canonicalPath(key: String?) -> String {
        let bucket = "/" + SigV4Signer.uriEncode(configuration.bucket, keepSlash: false)
        guard let key else { return bucket }
        return bucket + "/" + SigV4Signer.uriEncode(key, keepSlash: true)
    }

    private func send(
        _ method: String, key: String?, query: [(String, String)] = [], body: [UInt8] = [],
        headers extra: [(String, String)] = []
    ) async throws(DeltaError) -> Response {
        let isRead = method == "GET" || method == "HEAD"
        var attempt = 1
        while true {
            do {
                if attempt == 1 {
                    return try await sendOnce(method, key: key, query: query, body: body, headers: extra,
                                              timeout: isRead ? readAttemptTimeout : .seconds(30), on: http)
                }
                // A retry never takes a pooled connection: those may be dead too.
                let fresh = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
                defer { _ = fresh.shutdown() }
                return try await sendOnce(method, key: key, query: query, body: body, headers: extra,
                                          timeout: readAttemptTimeout * 2, on: fresh)
            } catch {
                guard isRead, attempt < Self.readAttempts, !Task.isCancelled else { throw error }
                // A short pause; the failed connection is closed, so the retry opens a new one.
                try? await Task.sleep(for: .milliseconds(50 * attempt))
                attempt += 1
            }
        }
    }

    /// One signed attempt (signed anew each time: the signature carries the time).
    private func sendOnce(
        _ method: String, key: String?, query: [(String, String)], body: [UInt8], headers extra: [(String, String)],
        timeout: TimeAmount, on client: HTTPClient
    ) async throws(DeltaError) -> Response {
        let path = canonicalPath(key: key)
        let queryString = SigV4Signer.canonicalQuery(query)
        let amzDate = SigV4Signer.amzDate(Date())
        let payloadHash = SigV4Signer.payloadHash(body)
        var signed = [
            ("host", configuration.hostHeader), ("x-amz-date", amzDate), ("x-amz-content-sha256", payloadHash),
        ] + extra
        signed.append((
            "authorization",
            signer.authorization(
                method: method, canonicalURI: path, query: query, headers: signed, payloadHash: payloadHash,
                amzDate: amzDate)))
        var request = HTTPClientRequest(url: configuration.baseURL + path + (queryString.isEmpty ? "" : "?" + queryString))
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in signed { request.headers.add(name: name, value: value) }
        if method == "PUT" {
            request.headers.add(name: "content-length", value: String(body.count))
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let response = try await client.execute(request, timeout: timeout)
            let buffer = try await response.body.collect(upTo: Self.maxBodyBytes)
            return Response(status: response.status, headers: response.headers, body: Array(buffer.readableBytesView))
        } catch {
            throw DeltaError(.storageFailure, "S3 \(method) \(key ?? configuration.bucket) could not be sent: \(error)", cause: error)
        }
    }

    /// Parses an RFC 7231 IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func parseHTTPDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
