import Foundation

/// Thrown by every `DeltaAPIClient` method when the server answers with a non-2xx status.
///
/// `code` is the machine-readable code of the JSON error body (e.g.
/// `not_found`, `schema_violation`); `details` lists each failing location for
/// schema violations. Transport failures (connection refused, timeouts) are not
/// wrapped: they surface as AsyncHTTPClient's own errors.
public struct DeltaClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The HTTP status code.
    public var statusCode: Int
    /// The error body's `code`, or `http_<status>` when the body is not a DeltaDatabase error.
    public var code: String
    /// The error body's `error` message, or the raw body text.
    public var message: String
    /// Per-location details, e.g. one per schema violation.
    public var details: [ErrorDetail]
    /// The entity's current version, when a precondition failed.
    public var currentVersion: Int64?

    /// Creates an error.
    public init(
        statusCode: Int, code: String, message: String, details: [ErrorDetail] = [], currentVersion: Int64? = nil
    ) {
        self.statusCode = statusCode
        self.code = code
        self.message = message
        self.details = details
        self.currentVersion = currentVersion
    }

    /// Reads a non-2xx response; never fails (an unreadable body becomes the message).
    public init(statusCode: Int, body: [UInt8]) {
        if let error = try? JSONDecoder().decode(ErrorResponse.self, from: Data(body)) {
            self.init(
                statusCode: statusCode, code: error.code, message: error.error,
                details: error.details ?? [], currentVersion: error.currentVersion
            )
        } else {
            self.init(statusCode: statusCode, code: "http_\(statusCode)", message: String(decoding: body, as: UTF8.self))
        }
    }

    public var description: String {
        "DeltaClientError(\(statusCode) \(code)): \(message)"
    }
}
