import DeltaCore
import Foundation
import WorkerProtocol
import DeltaEngine

/// The operations a `ProcessRequest` may name.
public enum ProcessOperation: String, Sendable {
    case get = "GET"
    case put = "PUT"
    case putBatch = "PUT_BATCH"
    case patch = "PATCH"
    case delete = "DELETE"

    /// Whether the operation only reads (safe to retry on another worker).
    public var isRead: Bool { self == .get }

    /// Whether the response carries document content (which needs `read`).
    public var returnsDocument: Bool { self == .get || self == .patch }
}

extension ProcessRequest {
    /// The named operation.
    ///
    /// - Throws: `.badRequest` naming the supported operations.
    public func parsedOperation() throws(DeltaError) -> ProcessOperation {
        guard let operation = ProcessOperation(rawValue: operation.uppercased()) else {
            throw DeltaError(
                .badRequest,
                "unknown operation '\(operation)'; use GET, PUT, PUT_BATCH, PATCH or DELETE"
            )
        }
        return operation
    }

    /// The If-Match value: `if_match` verbatim, else `expected_version` > 0 as `"<n>"`.
    public var effectiveIfMatch: String? {
        if !ifMatch.isEmpty || !ifNoneMatch.isEmpty { return ifMatch.isEmpty ? nil : ifMatch }
        guard hasExpectedVersion, expectedVersion != 0 else { return nil }
        return "\"\(expectedVersion)\""
    }

    /// The If-None-Match value: `if_none_match` verbatim, else `*` for `expected_version` 0.
    public var effectiveIfNoneMatch: String? {
        if !ifMatch.isEmpty || !ifNoneMatch.isEmpty { return ifNoneMatch.isEmpty ? nil : ifNoneMatch }
        return hasExpectedVersion && expectedVersion == 0 ? "*" : nil
    }

    /// Runs this request against the data plane of the process that holds the keys.
    ///
    /// - Throws: the operation's `DeltaError`; `.badRequest` for an unknown
    ///   operation, a negative expected version, or a missing entity key.
    public func execute(on entities: any EntityOperations, workerID: String) async throws(DeltaError) -> ProcessResponse {
        let operation = try parsedOperation()
        if hasExpectedVersion, expectedVersion < 0 {
            throw DeltaError(.badRequest, "expected_version must be 0 (create only) or a version ≥ 1, got \(expectedVersion)")
        }
        if operation != .putBatch, entityKey.isEmpty {
            throw DeltaError(.badRequest, "entity_key is required for \(operation.rawValue)")
        }
        var response = ProcessResponse()
        response.status = "OK"
        response.workerId = workerID
        switch operation {
        case .get:
            let (bytes, version) = try await entities.get(database: databaseName, key: entityKey)
            response.result = Data(bytes)
            response.version = Int64(clamping: version)
        case .put:
            let version = try await entities.put(
                database: databaseName, key: entityKey, document: Array(payload),
                ifMatch: effectiveIfMatch, ifNoneMatch: effectiveIfNoneMatch
            )
            response.version = Int64(clamping: version)
            response.versions = [entityKey: version]
        case .putBatch:
            response.versions = try await entities.put(
                database: databaseName, body: Array(payload), ifMatch: effectiveIfMatch, ifNoneMatch: effectiveIfNoneMatch
            )
        case .patch:
            let (bytes, version) = try await entities.patch(
                database: databaseName, key: entityKey, contentType: contentType, body: Array(payload),
                ifMatch: effectiveIfMatch
            )
            response.result = Data(bytes)
            response.version = Int64(clamping: version)
        case .delete:
            try await entities.delete(database: databaseName, key: entityKey, ifMatch: effectiveIfMatch)
        }
        return response
    }
}
