import DeltaCore
import Foundation
import HTTPTypes
import Hummingbird

/// Reads the parts of a Hummingbird request that generated routes need, turning
/// every problem into a `DeltaError` a client can act on (400 or 413).
///
/// It only extracts and decodes; it does not authenticate or validate names.
public enum RequestReader {
    /// The percent-decoded value of a path parameter.
    ///
    /// - Throws: `.badRequest` if it is missing or its percent-encoding is invalid.
    public static func pathParameter(
        _ name: String, context: some RequestContext
    ) throws(DeltaError) -> String {
        guard let raw = context.parameters.get(name) else {
            throw DeltaError(.badRequest, "missing path parameter '\(name)'")
        }
        guard let decoded = PercentDecoding.decode(raw) else {
            throw DeltaError(.badRequest, "path parameter '\(name)' has invalid percent-encoding")
        }
        return decoded
    }

    /// The decoded value of a query parameter, or nil when it is absent and optional.
    ///
    /// - Throws: `.badRequest` if a required parameter is missing or empty, or if
    ///   the parameter is given more than once (which value was meant is ambiguous).
    public static func queryParameter(
        _ name: String, request: Request, required: Bool
    ) throws(DeltaError) -> String? {
        let values = request.uri.queryParameters.getAll(name)
        if values.count > 1 {
            throw DeltaError(.badRequest, "query parameter '\(name)' is given \(values.count) times; give it once")
        }
        guard let value = values.first else {
            if required {
                throw DeltaError(.badRequest, "missing required query parameter '\(name)'")
            }
            return nil
        }
        // `?limit=` is given but empty: typed parsing rejects it rather than
        // silently treating it as absent; a required one must have a value.
        if value.isEmpty, required {
            throw DeltaError(.badRequest, "missing required query parameter '\(name)'")
        }
        return value
    }

    /// The value of a request header, or nil.
    public static func header(_ name: String, request: Request) -> String? {
        guard let field = HTTPField.Name(name) else { return nil }
        return request.headers[field]
    }

    /// The value of a request header; nil when it is absent and optional.
    ///
    /// - Throws: `.badRequest` if a required header is missing or empty.
    public static func header(_ name: String, request: Request, required: Bool) throws(DeltaError) -> String? {
        let value = header(name, request: request)
        if required, (value ?? "").isEmpty {
            throw DeltaError(.badRequest, "missing required header '\(name)'")
        }
        return value
    }

    /// Parses an integer parameter (query or header); nil stays nil.
    ///
    /// - Throws: `.badRequest` naming the parameter if the value is not a
    ///   decimal integer that fits `type`.
    public static func integer<Number: FixedWidthInteger>(
        _ value: String?, parameter name: String, as type: Number.Type
    ) throws(DeltaError) -> Number? {
        guard let value else { return nil }
        guard let number = Number(value) else {
            throw DeltaError(.badRequest, "parameter '\(name)' must be an integer, got '\(value)'")
        }
        return number
    }

    /// Parses a Boolean parameter: exactly `true` or `false`; nil stays nil.
    ///
    /// - Throws: `.badRequest` naming the parameter for any other value.
    public static func boolean(_ value: String?, parameter name: String) throws(DeltaError) -> Bool? {
        switch value {
        case nil: return nil
        case "true": return true
        case "false": return false
        case let other?: throw DeltaError(.badRequest, "parameter '\(name)' must be true or false, got '\(other)'")
        }
    }

    /// The whole request body, at most `limits.maxBodyBytes` long.
    ///
    /// - Throws: `.payloadTooLarge` naming the limit when the body is longer.
    public static func body(_ request: Request, limits: RequestLimits) async throws -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes {
            throw tooLarge(limits)
        }
        do {
            let buffer = try await request.body.collect(upTo: limits.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge(limits)
        }
    }

    /// Decodes a typed JSON body.
    ///
    /// - Throws: `.invalidJSON` saying what did not match.
    public static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws(DeltaError) -> Value {
        do {
            return try JSONDecoder().decode(Value.self, from: Data(bytes))
        } catch {
            throw DeltaError(.invalidJSON, "the request body is not valid JSON for this endpoint: \(describe(error))")
        }
    }

    private static func tooLarge(_ limits: RequestLimits) -> DeltaError {
        DeltaError(
            .payloadTooLarge,
            "the request body is larger than \(limits.maxBodyBytes) bytes; send less or raise -rest-max-body-size"
        )
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "missing member '\(key.stringValue)'"
        case .typeMismatch(_, let context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .valueNotFound(_, let context):
            "null where a value is required at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted: "malformed JSON"
        default: "malformed JSON"
        }
    }
}
