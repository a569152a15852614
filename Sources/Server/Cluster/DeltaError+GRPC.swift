import DeltaCore
import Foundation
import GRPCCore

extension DeltaError.Code {
    /// The one place an error code becomes a gRPC status code.
    var rpcCode: RPCError.Code {
        switch self {
        case .badRequest, .invalidName, .invalidJSON, .schemaViolation, .methodNotAllowed, .unsupportedMediaType:
            .invalidArgument
        case .unauthorized: .unauthenticated
        case .forbidden: .permissionDenied
        case .notFound: .notFound
        case .preconditionFailed: .failedPrecondition
        case .payloadTooLarge, .tooManyRequests: .resourceExhausted
        case .unavailable: .unavailable
        default: .internalError
        }
    }
}

extension DeltaError {
    /// The trailing metadata key carrying the REST JSON error body, so the error's
    /// code, details and current version survive a gRPC hop unchanged.
    static let rpcMetadataKey = "deltadb-error"

    /// This error as a gRPC status: the mapped code, the message, and the JSON
    /// error body in `deltadb-error` metadata. The cause is not sent (it may name
    /// internal paths); it stays in the server's log.
    var rpcError: RPCError {
        var metadata = Metadata()
        if let body = try? Self.wireEncoder.encode(WireBody(self)) {
            metadata.addString(String(decoding: body, as: UTF8.self), forKey: Self.rpcMetadataKey)
        }
        return RPCError(code: code.rpcCode, message: message, metadata: metadata)
    }

    /// The error a Processing Worker (or the Main Worker) reported over gRPC.
    ///
    /// Uses the `deltadb-error` body when present; otherwise maps the status code
    /// (a transport failure, e.g. an unreachable worker, becomes `.unavailable`).
    init(rpcError: RPCError) {
        if let text = rpcError.metadata[stringValues: Self.rpcMetadataKey].first(where: { _ in true }),
           let body = try? JSONDecoder().decode(WireBody.self, from: Data(text.utf8))
        {
            self.init(
                Code(rawValue: body.code), body.error, details: body.details ?? [],
                currentVersion: body.currentVersion
            )
            return
        }
        let code: Code =
            switch rpcError.code {
            case .notFound: .notFound
            case .invalidArgument, .outOfRange: .badRequest
            case .unauthenticated: .unauthorized
            case .permissionDenied: .forbidden
            case .failedPrecondition: .preconditionFailed
            case .resourceExhausted: .tooManyRequests
            case .unavailable, .deadlineExceeded, .cancelled: .unavailable
            default: .internal
            }
        self.init(code, "gRPC \(rpcError.code): \(rpcError.message)")
    }

    private static let wireEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The REST error body's fields.
    private struct WireBody: Codable {
        var code: String
        var error: String
        var details: [DeltaError.Detail]?
        var currentVersion: UInt64?

        init(_ error: DeltaError) {
            code = error.code.rawValue
            self.error = error.message
            details = error.details.isEmpty ? nil : error.details
            currentVersion = error.currentVersion
        }

        enum CodingKeys: String, CodingKey {
            case code, error, details
            case currentVersion = "current_version"
        }
    }
}
