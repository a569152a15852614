import Foundation
import HTTPTypes
import Hummingbird

/// Builds the responses generated routes return.
///
/// Typed bodies are encoded once with `JSONEncoder`; `RawJSON` bodies go to the
/// wire as they are.
public enum ResponseWriter {
    /// A JSON response with a typed body.
    public static func json(
        _ value: some Encodable, status: HTTPResponse.Status, headers: HTTPFields = [:]
    ) throws -> Response {
        let data = try makeEncoder().encode(value)
        return raw(RawJSON(bytes: Array(data)), status: status, headers: headers)
    }

    /// A JSON response whose body is already serialised.
    public static func raw(_ body: RawJSON, status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: body.bytes)))
    }

    /// A text response (e.g. generated source code), sent as UTF-8 as it is.
    public static func text(
        _ body: String, contentType: String, status: HTTPResponse.Status, headers: HTTPFields = [:]
    ) -> Response {
        var fields = headers
        fields[.contentType] = contentType + "; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Adds a header when it has a value.
    public static func add(_ name: String, _ value: String?, to fields: inout HTTPFields) {
        guard let value, let field = HTTPField.Name(name) else { return }
        fields[field] = value
    }

    // JSONEncoder is a non-Sendable class; one per response is cheap next to I/O.
    // Sorted keys: the same response is byte-for-byte the same every time.
    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }
}
