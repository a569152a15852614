import DeltaCluster
import DeltaCore
import DeltaEngine
import Generated
import HTTPTypes

extension DeltaError.Code {
    /// The one place an error code becomes an HTTP status.
    var httpStatus: HTTPResponse.Status {
        switch self {
        case .badRequest, .invalidName, .invalidJSON, .schemaViolation, .validationBudgetExceeded: .badRequest
        case .unauthorized: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .payloadTooLarge: .contentTooLarge
        case .preconditionFailed: .preconditionFailed
        case .unsupportedMediaType: .unsupportedMediaType
        case .tooManyRequests: .tooManyRequests
        case .unavailable, .concurrentWrite: .serviceUnavailable
        default: .internalServerError
        }
    }
}

extension DeltaError {
    /// The JSON error body clients receive.
    var responseBody: ErrorResponse {
        ErrorResponse(
            error: message,
            code: code.rawValue,
            details: details.isEmpty
                ? nil
                : details.map { ErrorDetail(pointer: $0.pointer, schemaPointer: $0.schemaPointer, message: $0.message) },
            currentVersion: currentVersion.map { Int64(clamping: $0) }
        )
    }
}
