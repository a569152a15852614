import DeltaCluster
import DeltaAuth
import DeltaCore
import DeltaCrypto
import DeltaEngine
import DeltaMetrics
import Foundation
import GRPCCore
import GRPCInProcessTransport
import GRPCNIOTransportHTTP2
import Hummingbird
import Logging

/// The Main Worker: REST (auth, schemas, listings, routing of entity operations)
/// and gRPC (`MainWorker`: worker subscription, heartbeats, Process for clients).
///
/// It holds the keyring only to wrap it for Processing Workers; it never
/// encrypts or decrypts an entity itself. Processing Workers are separate
/// processes (`proc-worker`) or embedded ones: the all-in-one `deltadb` is this
/// same code with `embeddedWorkers` workers that subscribe, heartbeat and serve
/// `Process` over grpc-swift-2's in-process transport.
public enum MainWorkerServer {
    /// How the Main Worker is deployed.
    public struct Topology: Sendable {
        /// Serve gRPC on `cluster.grpcHost:grpcPort` (external workers and clients).
        public var listensForGRPC: Bool
        /// Processing Workers started in this process.
        public var embeddedWorkers: Int

        public init(listensForGRPC: Bool, embeddedWorkers: Int) {
            self.listensForGRPC = listensForGRPC
            self.embeddedWorkers = embeddedWorkers
        }

        /// Whether embedded workers must check cache hits against storage: other
        /// writers exist once there are two of them or external workers can join.
        var verifiesCacheHits: Bool { embeddedWorkers > 1 || listensForGRPC }

        /// How this process claims the data directory: alone when its one embedded
        /// worker serves cache hits unchecked.
        var storageRole: EngineAssembly.StorageRole {
            embeddedWorkers > 0 && !verifiesCacheHits ? .soleServer : .cooperatingServer
        }
    }

    /// Runs until SIGINT or SIGTERM (graceful shutdown).
    ///
    /// REST starts once every embedded worker has subscribed, so the first
    /// request never finds the data plane empty.
    ///
    /// - Parameter onListening: called with the bound REST port and gRPC port (nil without a listener).
    /// - Throws: `DeltaError` for a malformed key or unusable directory; transport errors.
    public static func run(
        _ configuration: ServerConfiguration, cluster: ClusterConfiguration, topology: Topology, logger: Logger,
        onListening: @escaping @Sendable (_ restPort: Int, _ grpcPort: Int?) async -> Void = { _, _ in }
    ) async throws {
        let keyring = try configuration.keyring()
        // The embedded workers' key pairs are generated while storage recovers.
        let keyPairs = (0..<topology.embeddedWorkers).map { _ in
            Task.detached(priority: .userInitiated) { try RSAKeyPair.generate() }
        }
        let readiness = Readiness()
        let catalog = try await EngineAssembly.makeCatalog(
            configuration, as: topology.storageRole, logger: logger, readiness: readiness)
        let authenticator = try EngineAssembly.makeAuthenticator(configuration, documents: catalog.documents)
        let registry = WorkerRegistry(heartbeatInterval: cluster.heartbeatInterval, tokenTTL: cluster.workerTTL)
        readiness.addCheck {
            registry.snapshot().contains { $0.status == "Available" }
                ? nil
                : "no Processing Worker holds the keyring yet (none subscribed, or all missed their heartbeats); start proc-worker with this server's -grpc-addr and -worker-secret"
        }
        let clients = WorkerClients(maxMessageBytes: cluster.maxMessageBytes, tls: cluster.tls)
        let router = WorkerRouter(registry: registry, clients: clients, logger: logger)
        if let hub = MetricsHub.current { EngineAssembly.observeRegistry(on: hub, registry: registry) }
        let embeddedCaches = EmbeddedCaches()
        // One allowance of failed credentials per caller, whether it guesses over REST or gRPC.
        let limiter = FailureLimiter(burst: configuration.authFailureBurst)
        let handler = MainWorkerHandler(
            workerSecret: Array(cluster.workerSecret.utf8), keyring: keyring, registry: registry, router: router,
            authenticator: authenticator, limiter: limiter, logger: logger
        )
        let restRouter = try DeltaServer.makeRouter(
            configuration, catalog: catalog, entities: RoutedEntityOperations(router: router, embedded: embeddedCaches),
            authenticator: authenticator, workers: .registry(registry), limiter: limiter,
            role: topology.embeddedWorkers > 0 ? .allInOne : .mainWorker, readiness: readiness,
            backups: OnlineBackups(configuration, catalog: catalog, keys: authenticator.keys)
        )
        try await EngineAssembly.closing(catalog, logger: logger) {
            try await withThrowingDiscardingTaskGroup { group in
                if topology.embeddedWorkers > 0 {
                    try await startEmbeddedWorkers(
                        keyPairs, in: &group, handler: handler, clients: clients, caches: embeddedCaches,
                        catalog: catalog,
                        configuration: configuration, cluster: cluster,
                        verifiesCacheHits: topology.verifiesCacheHits, logger: logger
                    )
                }
                group.addStoppableTask {
                    // Forget silent workers and close their connections; give up on what hangs on them.
                    while !Task.isCancelled {
                        try await Task.sleep(for: cluster.heartbeatInterval)
                        for id in registry.sweep() { logger.info("worker removed after missed heartbeats", metadata: ["worker": "\(id)"]) }
                        let workers = registry.snapshot()
                        clients.retain(addresses: Set(workers.compactMap(\.worker.address)))
                        // What is open on a worker that stopped heartbeating fails now (reads go elsewhere), not at its deadline.
                        clients.abandon(addresses: Set(workers.filter { $0.status == "Unavailable" }.compactMap(\.worker.address)))
                    }
                }
                var grpcPort: Int?
                if topology.listensForGRPC {
                    let transport = HTTP2ServerTransport.Posix(
                        address: .ipv4(host: cluster.grpcHost, port: cluster.grpcPort),
                        transportSecurity: cluster.tls.serverSecurity,
                        config: .defaults { $0.rpc.maxRequestPayloadSize = cluster.maxMessageBytes }
                    )
                    let server = GRPCServer(transport: transport, services: [handler])
                    group.addStoppableTask { try await server.serve() }
                    grpcPort = try await EngineAssembly.listening(
                        on: cluster.grpcHost, cluster.grpcPort, flag: "-grpc-addr", isBindFailure: { _ in true }
                    ) { try await transport.listeningAddress.ipv4?.port ?? cluster.grpcPort }
                }
                let app = DeltaServer.makeApplication(configuration, router: restRouter, logger: logger) { [grpcPort] port in
                    await onListening(port, grpcPort)
                }
                try await EngineAssembly.listening(on: configuration.restHost, configuration.restPort, flag: "-rest-addr") {
                    try await app.runService()
                }
                group.cancelAll()
            }
        }
    }

    /// Starts one Processing Worker per key pair in this process, each with its own cache
    /// and keyring, subscribed through the in-process transport like any other
    /// worker; returns once all have subscribed.
    static func startEmbeddedWorkers(
        _ keyPairs: [Task<RSAKeyPair, any Error>], in group: inout ThrowingDiscardingTaskGroup<any Error>, handler: MainWorkerHandler,
        clients: WorkerClients, caches: EmbeddedCaches, catalog: EntityCatalog, configuration: ServerConfiguration,
        cluster: ClusterConfiguration, verifiesCacheHits: Bool, logger: Logger
    ) async throws {
        let mainTransport = InProcessTransport()
        let mainServer = GRPCServer(transport: mainTransport.server, services: [handler])
        let mainClient = GRPCClient(transport: mainTransport.client)
        group.addStoppableTask { try await mainServer.serve() }
        group.addStoppableTask { try await mainClient.runConnections() }
        let (subscribed, signal) = AsyncStream<Void>.makeStream()
        for (index, keyPair) in zip(1..., keyPairs) {
            let workerID = "embedded-\(index)"
            let address = "in-process:\(workerID)"
            let keys = KeyringHolder()
            let tokens = SessionTokens()
            let load = InFlightCounter()
            let service = EngineAssembly.makeEntityService(
                configuration, catalog: catalog, keys: keys, verifiesCacheHits: verifiesCacheHits, logger: logger)
            caches.add { service.cache.stats }
            let workerTransport = InProcessTransport()
            let workerServer = GRPCServer(
                transport: workerTransport.server,
                services: [ProcessingWorkerHandler(workerID: workerID, entities: service, tokens: tokens, load: load, logger: logger)]
            )
            let workerClient = GRPCClient(transport: workerTransport.client)
            clients.register(
                    MultiplexedProcessChannel(client: workerClient, closes: false, timeout: nil, options: clients.callOptions),
                    address: address)
            let agent = WorkerAgent(
                workerID: workerID, mainAddress: "in-process", workerSecret: cluster.workerSecret,
                tags: ["grpc_addr": address, "mode": "embedded"], keyring: keys, tokens: tokens, load: load,
                cacheStats: { service.cache.stats }, logger: logger, onSubscribed: { signal.yield() },
                firstKeyPair: keyPair
            )
            group.addStoppableTask { try await workerServer.serve() }
            group.addStoppableTask { try await workerClient.runConnections() }
            group.addStoppableTask { try await agent.run(using: mainClient) }
        }
        var ready = 0
        for await _ in subscribed {
            ready += 1
            if ready == keyPairs.count { break }
        }
    }
}
