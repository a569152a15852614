import DeltaCore
import DeltaMetrics
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Logging
import Synchronization
import DeltaEngine

/// A Processing Worker: serves `ProcessingWorker.Process` on its gRPC address and
/// keeps its subscription to every Main Worker it was given alive (one
/// `WorkerAgent` each), so several Main Workers share the same workers.
///
/// It validates, encrypts, stores and caches with the keyring it received; with
/// several workers on one storage, cache hits are confirmed against the stored
/// version so a read never returns a document older than an acknowledged write.
public enum ProcessingWorkerServer {
    /// Runs until the process is stopped.
    ///
    /// - Parameter onReady: called with the bound gRPC port after the first Subscribe.
    /// - Throws: `DeltaError` for an unusable directory; transport errors.
    public static func run(
        _ options: ProcWorkerConfiguration, logger: Logger,
        onReady: @escaping @Sendable (_ grpcPort: Int) -> Void = { _ in }
    ) async throws {
        let keys = KeyringHolder()
        let tokens = SessionTokens()
        let load = InFlightCounter()
        let catalog = try await EngineAssembly.makeCatalog(options.storage, as: .cooperatingServer, logger: logger)
        let service = EngineAssembly.makeEntityService(
            options.storage, catalog: catalog, keys: keys, verifiesCacheHits: true, logger: logger)
        if let hub = MetricsHub.current {
            EngineAssembly.observeCache(on: hub, stats: { service.cache.stats }, coherenceDrops: { service.coherenceDrops })
        }
        let handler = ProcessingWorkerHandler(
            workerID: options.workerID, entities: service, tokens: tokens, load: load, logger: logger)
        let transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: options.grpcHost, port: options.grpcPort),
            transportSecurity: options.tls.serverSecurity,
            config: .defaults { $0.rpc.maxRequestPayloadSize = options.maxMessageBytes }
        )
        let server = GRPCServer(transport: transport, services: [handler])
        // SIGTERM / SIGINT stop the worker in order: the agent returns (dropping keys
        // and tokens), the server stops accepting work.
        let work = Task {
            try await withThrowingDiscardingTaskGroup { group in
                group.addStoppableTask { try await server.serve() }
                let address = try await EngineAssembly.listening(
                    on: options.grpcHost, options.grpcPort, flag: "-grpc-addr", isBindFailure: { _ in true }
                ) { try await transport.listeningAddress }
                let port = address.ipv4?.port ?? options.grpcPort
                // Advertise a connectable address: a wildcard bind is reached via loopback.
                let host = ["0.0.0.0", ""].contains(options.grpcHost) ? "127.0.0.1" : options.grpcHost
                // One agent per Main Worker; each Main Worker calls with its own tokens.
                let announced = Atomic<Bool>(false)
                try await withThrowingDiscardingTaskGroup { agents in
                    for main in options.mainAddresses {
                        let agent = WorkerAgent(
                            workerID: options.workerID, mainAddress: main, workerSecret: options.workerSecret,
                            tls: options.tls,
                            tags: ["grpc_addr": "\(host):\(port)"], keyring: keys, tokens: tokens.source(), load: load,
                            cacheStats: { service.cache.stats }, logger: logger,
                            onSubscribed: {
                                if !announced.exchange(true, ordering: .relaxed) { onReady(port) }
                            }
                        )
                        agents.addTask { try await agent.run() }
                    }
                }
                group.cancelAll()
            }
        }
        let signals = StopSignals { work.cancel() }
        defer { signals.cancel() }
        try await EngineAssembly.closing(catalog, logger: logger) {
            do {
                try await work.value
            } catch is CancellationError {}
        }
        logger.info("stopped; keys dropped from memory")
    }
}
