import DeltaCore
import DeltaMetrics
import GRPCCore
import Logging
import WorkerProtocol
import DeltaEngine

/// Sends `ProcessRequest`s from the Main Worker to Processing Workers.
///
/// Picks a worker with `WorkerRegistry.choose` (cache-aware, then least-loaded).
/// Errors the worker reports (not found, schema violation, failed precondition,
/// …) are returned as they are. If the worker cannot be reached or fails
/// mid-call, a read is retried on another worker; a write is not — it may or may
/// not have been stored, so the caller gets `unavailable` and must check before
/// retrying. A write is therefore never applied twice by the router.
public struct WorkerRouter: Sendable {
    public let registry: WorkerRegistry
    public let clients: WorkerClients
    public let logger: Logger
    /// Routing counters, when the process serves metrics.
    let metrics: RoutingMetrics?

    /// A router choosing among `registry`'s workers, calling them through `clients`.
    public init(registry: WorkerRegistry, clients: WorkerClients, logger: Logger) {
        self.registry = registry
        self.clients = clients
        self.logger = logger
        self.metrics = MetricsHub.current.map(RoutingMetrics.init(hub:))
    }

    /// How many workers a read tries before giving up.
    public static let maxReadAttempts = 3

    /// Runs `request` on a Processing Worker.
    ///
    /// - Throws: the worker's `DeltaError`; `.unavailable` if no worker is
    ///   available or the chosen one failed (for writes: outcome unknown).
    public func process(_ request: ProcessRequest) async throws(DeltaError) -> ProcessResponse {
        let operation = try request.parsedOperation()
        let affinityKey = request.databaseName + "\u{0}" + request.entityKey
        var excluded: Set<String> = []
        var lastFailure: DeltaError?
        for _ in 0..<(operation.isRead ? Self.maxReadAttempts : 1) {
            guard let target = registry.choose(affinityKey: affinityKey, excluding: excluded) else { break }
            if !excluded.isEmpty { metrics?.failovers.increment() }
            metrics?.chose(byAffinity: target.byAffinity)
            excluded.insert(target.workerID)
            do {
                let response = try await call(target, request)
                registry.finished(target, affinityKey: affinityKey, served: true)
                return response
            } catch let error as RPCError where error.metadata[binaryValues: DeltaError.rpcBinaryMetadataKey].contains(where: { _ in true }) {
                // The worker ran the operation and reported an error: final.
                registry.finished(target, affinityKey: affinityKey, served: true)
                throw DeltaError(rpcError: error)
            } catch {
                registry.finished(target, affinityKey: affinityKey, served: false)
                logger.warning(
                    "processing worker call failed", metadata: ["worker": "\(target.workerID)", "error": "\(error)"])
                if !operation.isRead {
                    throw DeltaError(
                        .unavailable,
                        "Processing Worker '\(target.workerID)' failed during this \(operation.rawValue); it may or may "
                            + "not have been stored: read the entity (GET returns its version) before retrying"
                    )
                }
                lastFailure = DeltaError(.unavailable, "Processing Worker '\(target.workerID)' failed: \(error)")
            }
        }
        metrics?.failures.increment()
        throw lastFailure.map { DeltaError(.unavailable, "no Processing Worker could serve this read; retry shortly", cause: $0) }
            ?? DeltaError(
                .unavailable,
                "no Processing Worker is available; start one with: proc-worker -main-addr <this main worker's -grpc-addr>"
            )
    }

    private func call(_ target: WorkerRegistry.Target, _ request: ProcessRequest) async throws -> ProcessResponse {
        let channel = try clients.channel(for: target.address)
        var message = request
        message.token = ""  // the client's credential stays on the Main Worker
        return try await channel.process(message, token: target.token)
    }
}
