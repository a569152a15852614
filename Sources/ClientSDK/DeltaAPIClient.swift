import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A client for the DeltaDatabase REST API.
///
/// The typed methods (`getEntity(database:key:)`, `putEntities(database:body:)`,
/// …) are generated from `spec/openapi.yaml` into `Generated/`; this file holds
/// the transport they share. Every method throws `DeltaClientError` for a non-2xx
/// response. The client does not retry and keeps no state besides its settings.
public struct DeltaAPIClient: Sendable {
    /// The server's base URL, e.g. `http://127.0.0.1:8080`; a path prefix is kept.
    public var baseURL: URL
    /// The Bearer token sent with every request, if any.
    public var bearerToken: String?
    /// The HTTP client requests go through.
    public var httpClient: HTTPClient
    /// How long one request may take.
    public var timeout: TimeAmount
    /// The largest response body accepted.
    public var maxResponseBytes: Int

    /// Creates a client.
    public init(
        baseURL: URL, bearerToken: String? = nil, httpClient: HTTPClient = .shared,
        timeout: TimeAmount = .seconds(30), maxResponseBytes: Int = 64 << 20
    ) {
        self.baseURL = baseURL
        self.bearerToken = bearerToken
        self.httpClient = httpClient
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
    }

    /// Sends `request` and returns its 2xx response.
    ///
    /// - Throws: `DeltaClientError` for a non-2xx status; AsyncHTTPClient errors
    ///   for transport failures.
    public func send(_ request: ClientRequest) async throws -> ClientResponse {
        var outgoing = HTTPClientRequest(url: request.url(relativeTo: baseURL))
        outgoing.method = HTTPMethod(rawValue: request.method)
        outgoing.headers.add(name: "Accept", value: "application/json")
        if let bearerToken {
            outgoing.headers.add(name: "Authorization", value: "Bearer \(bearerToken)")
        }
        for header in request.headers {
            if let value = header.value { outgoing.headers.add(name: header.name, value: value) }
        }
        if let body = request.body {
            outgoing.headers.add(name: "Content-Type", value: request.contentType ?? "application/json")
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await httpClient.execute(outgoing, timeout: timeout)
        let buffer = try await response.body.collect(upTo: maxResponseBytes)
        let body = Array(buffer.readableBytesView)
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            throw DeltaClientError(statusCode: status, body: body)
        }
        return ClientResponse(statusCode: status, headers: response.headers.map { ($0.name, $0.value) }, body: body)
    }
}
