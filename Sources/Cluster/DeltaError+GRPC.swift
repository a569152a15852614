import DeltaCore
import Foundation
import GRPCCore
import SwiftProtobuf
import WorkerProtocol
import DeltaEngine

extension DeltaError.Code {
    /// The one place an error code becomes a gRPC status code.
    public var rpcCode: RPCError.Code {
        switch self {
        case .badRequest, .invalidName, .invalidJSON, .schemaViolation, .validationBudgetExceeded, .methodNotAllowed,
             .unsupportedMediaType:
            .invalidArgument
        case .unauthorized: .unauthenticated
        case .forbidden: .permissionDenied
        case .notFound: .notFound
        case .preconditionFailed: .failedPrecondition
        case .payloadTooLarge, .tooManyRequests: .resourceExhausted
        case .unavailable, .concurrentWrite: .unavailable
        default: .internalError
        }
    }
}

extension DeltaError {
    /// The trailing metadata key carrying the REST JSON error body, for clients
    /// that read text metadata (see spec/deltadb.proto).
    public static let rpcMetadataKey = "deltadb-error"
    /// The binary trailing metadata key carrying the same as an `ErrorInfo`
    /// message: what servers read, so the error's code, details and current
    /// version survive a gRPC hop unchanged.
    public static let rpcBinaryMetadataKey = "deltadb-error-bin"

    /// This error as a gRPC status: the mapped code, the message, and the error
    /// body in `deltadb-error-bin` (protobuf) and `deltadb-error` (JSON) metadata.
    /// The cause is not sent (it may name internal paths); it stays in the server's log.
    public var rpcError: RPCError {
        var metadata = Metadata()
        if let info = try? errorInfo.serializedBytes() as [UInt8] {
            metadata.addBinary(info, forKey: Self.rpcBinaryMetadataKey)
        }
        if let body = try? Self.wireEncoder.encode(WireBody(self)) {
            metadata.addString(String(decoding: body, as: UTF8.self), forKey: Self.rpcMetadataKey)
        }
        return RPCError(code: code.rpcCode, message: message, metadata: metadata)
    }

    /// The protobuf form of this error's code, message, details and current version.
    public var errorInfo: ErrorInfo {
        var info = ErrorInfo()
        info.code = code.rawValue
        info.message = message
        info.details = details.map { detail in
            var wire = ErrorDetail()
            wire.pointer = detail.pointer
            if let schemaPointer = detail.schemaPointer { wire.schemaPointer = schemaPointer }
            wire.message = detail.message
            return wire
        }
        if let currentVersion { info.currentVersion = currentVersion }
        return info
    }

    /// The error an `ErrorInfo` describes.
    public init(_ info: ErrorInfo) {
        self.init(
            Code(rawValue: info.code), info.message,
            details: info.details.map {
                Detail(pointer: $0.pointer, schemaPointer: $0.hasSchemaPointer ? $0.schemaPointer : nil, message: $0.message)
            },
            currentVersion: info.hasCurrentVersion ? info.currentVersion : nil
        )
    }

    /// The error a Processing Worker (or the Main Worker) reported over gRPC.
    ///
    /// Uses the `deltadb-error-bin` message when present; otherwise maps the status
    /// code (a transport failure, e.g. an unreachable worker, becomes `.unavailable`).
    public init(rpcError: RPCError) {
        if let bytes = rpcError.metadata[binaryValues: Self.rpcBinaryMetadataKey].first(where: { _ in true }),
           let info = try? ErrorInfo(serializedBytes: bytes)
        {
            self.init(info)
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

    /// The REST error body's fields (encoded only: servers read the binary entry).
    private struct WireBody: Encodable {
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
