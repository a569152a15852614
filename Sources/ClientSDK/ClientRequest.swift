import Foundation

/// One HTTP request the generated client methods describe and `DeltaAPIClient` sends.
///
/// The path is already percent-encoded (generated code encodes each parameter
/// with `ClientRequest.encodePathSegment`); query items are encoded when the URL
/// is built. It does no I/O.
public struct ClientRequest: Sendable, Hashable {
    /// The HTTP method, e.g. `GET`.
    public var method: String
    /// The encoded path, e.g. `/entity/chat%20db`.
    public var path: String
    /// Query items in order; nil values are left out.
    public var query: [QueryItem]
    /// Request headers; nil values are left out.
    public var headers: [QueryItem]
    /// The body bytes, if any.
    public var body: [UInt8]?
    /// The body's media type.
    public var contentType: String?

    /// A name and an optional value.
    public struct QueryItem: Sendable, Hashable {
        /// The name.
        public var name: String
        /// The value; nil leaves the item out.
        public var value: String?

        /// Creates an item.
        public init(_ name: String, _ value: String?) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a request.
    public init(
        method: String, path: String, query: [QueryItem] = [], headers: [QueryItem] = [],
        body: [UInt8]? = nil, contentType: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.contentType = contentType
    }

    /// The characters RFC 3986 leaves unencoded anywhere ("unreserved").
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes one path segment: everything but unreserved characters,
    /// so `/`, `?`, `#`, `%` and spaces in a value can never change the route.
    public static func encodePathSegment(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// Percent-encodes a query name or value (`&`, `=`, `+` and spaces included).
    public static func encodeQueryComponent(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value
    }

    /// The full URL string: `baseURL` (without a trailing slash) + path + query.
    public func url(relativeTo baseURL: URL) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let items = query.compactMap { item in
            item.value.map { "\(Self.encodeQueryComponent(item.name))=\(Self.encodeQueryComponent($0))" }
        }
        return base + path + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }

    /// JSON-encodes a request body.
    ///
    /// - Throws: `EncodingError` when `value` cannot be encoded.
    public static func jsonBody(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}

/// A 2xx response the client received.
public struct ClientResponse: Sendable, Hashable {
    /// The status code.
    public var statusCode: Int
    /// The headers, names as received.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    public init(statusCode: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.statusCode = statusCode
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as UTF-8 text (invalid bytes become U+FFFD), for text responses.
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Decodes the JSON body.
    ///
    /// - Throws: `DeltaClientError` (code `invalid_response`) when the body does not match.
    public func decode<Decoded: Decodable>(_ type: Decoded.Type) throws -> Decoded {
        do {
            return try JSONDecoder().decode(Decoded.self, from: Data(body))
        } catch {
            throw DeltaClientError(
                statusCode: statusCode, code: "invalid_response",
                message: "the server's \(statusCode) response does not match \(Decoded.self): \(error)"
            )
        }
    }

    public static func == (lhs: ClientResponse, rhs: ClientResponse) -> Bool {
        lhs.statusCode == rhs.statusCode && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(statusCode)
        hasher.combine(body)
        for header in headers {
            hasher.combine(header.name)
            hasher.combine(header.value)
        }
    }
}
