import DeltaCore
import DeltaMetrics
import GRPCCore
import Logging
import Synchronization
import WorkerProtocol
import DeltaEngine
import DeltaAuth

/// The `ProcessingWorker` gRPC service a Processing Worker serves: runs each
/// operation the Main Worker routes to it on the local `EntityService`, one per
/// `Process` call or many over a `ProcessStream` (see `+Stream`).
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
        let requestID = RequestID.sanitized(request.metadata[stringValues: RequestID.metadataKey].first(where: { _ in true }))
        do throws(DeltaError) {
            let token = try MetadataCredential.bearer(request.metadata) ?? ""
            return ServerResponse(message: try await execute(request.message, token: token, requestID: requestID))
        } catch {
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
