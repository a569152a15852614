import DeltaCore
import DeltaMetrics
import GRPCCore
import Logging
import Synchronization
import WorkerProtocol
import DeltaEngine
import DeltaAuth

/// The `ProcessingWorker` gRPC service a Processing Worker serves: runs each
/// operation the Main Worker routes to it on the local `EntityService`.
///
/// Only the Main Worker may call it: every call must carry
/// `authorization: Bearer <session token>` with a token the Main Worker issued to
/// this worker (UNAUTHENTICATED otherwise, before anything is read or written).
/// It never logs payloads or results.
public struct ProcessingWorkerHandler: ProcessingWorkerService.ServiceProtocol {
    public let workerID: String
    public let entities: any EntityOperations
    public let tokens: SessionTokens
    public let load: InFlightCounter
    public let logger: Logger
    /// `process_requests_total` and friends, when the process serves metrics.
    let metrics = MetricsHub.current.map(RequestMetrics.process)

    /// The `Process` service of worker `workerID` over its data plane.
    public init(workerID: String, entities: any EntityOperations, tokens: SessionTokens, load: InFlightCounter, logger: Logger) {
        self.workerID = workerID
        self.entities = entities
        self.tokens = tokens
        self.load = load
        self.logger = logger
    }

    public func process(
        request: ServerRequest<ProcessRequest>, context: ServerContext
    ) async throws -> ServerResponse<ProcessResponse> {
        let started = ContinuousClock.now
        let requestID = RequestID.sanitized(request.metadata[stringValues: RequestID.metadataKey].first(where: { _ in true }))
            ?? RequestID.make()
        let operation = ProcessOperation(rawValue: request.message.operation)?.rawValue.lowercased() ?? "unknown"
        var status = "ok"
        var bytesOut = 0
        defer {
            let duration = ContinuousClock.now - started
            let bytesIn = request.message.payload.count
            metrics?.record(operation: operation, status: status, duration: duration, bytesIn: bytesIn, bytesOut: bytesOut)
            AccessLog.log(
                logger, requestID: requestID, transport: "grpc", operation: operation, status: status, duration: duration,
                bytesIn: bytesIn, bytesOut: bytesOut, principal: nil)
        }
        do throws(DeltaError) {
            let token = try MetadataCredential.bearer(request.metadata) ?? ""
            guard tokens.accepts(token) else {
                throw DeltaError(
                    .unauthorized,
                    "ProcessingWorker.Process accepts only the Main Worker's session token for this worker; "
                        + "send requests to the Main Worker instead"
                )
            }
            load.increment()
            defer { load.decrement() }
            let response = try await request.message.execute(on: entities, workerID: workerID)
            bytesOut = response.result.count
            return ServerResponse(message: response)
        } catch {
            status = error.code.rawValue
            if error.code == .internal || error.code == .storageFailure || error.code == .integrityFailure {
                logger.error("process failed", metadata: ["code": "\(error.code)", "error": "\(error.message)"])
            }
            throw error.rpcError
        }
    }
}

/// Operations currently running on this worker (reported in heartbeats for
/// least-loaded routing).
public final class InFlightCounter: Sendable {
    private let value = Atomic<Int>(0)

    public init() {}

    public func increment() { value.add(1, ordering: .relaxed) }
    public func decrement() { value.subtract(1, ordering: .relaxed) }
    public var current: Int { value.load(ordering: .relaxed) }
}

/// Reads credentials from gRPC metadata.
public enum MetadataCredential {
    /// The credential of the `authorization: Bearer <credential>` entry, nil if absent.
    ///
    /// - Throws: `.unauthorized` for an entry that is not `Bearer <credential>`.
    public static func bearer(_ metadata: Metadata) throws(DeltaError) -> String? {
        guard let header = metadata[stringValues: "authorization"].first(where: { _ in true }) else { return nil }
        guard let token = Authenticator.bearerToken(header) else {
            throw DeltaError(.unauthorized, "malformed authorization metadata: use 'Bearer <credential>'")
        }
        return String(token)
    }
}
