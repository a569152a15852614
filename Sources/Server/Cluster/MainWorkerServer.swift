import DeltaCore
import DeltaCrypto
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import Hummingbird
import Logging

/// The Main Worker: REST (auth, schemas, listings, routing of entity operations)
/// and gRPC (`MainWorker`: worker subscription, heartbeats, Process for clients).
///
/// It holds the keyring only to wrap it for Processing Workers; it never
/// encrypts or decrypts an entity itself.
public enum MainWorkerServer {
    /// Runs until the process is stopped.
    ///
    /// - Parameter onListening: called with the bound REST and gRPC ports.
    /// - Throws: `DeltaError` for a malformed key or unusable directory; transport errors.
    public static func run(
        _ configuration: ServerConfiguration, cluster: ClusterOptions.Resolved, logger: Logger,
        onListening: @escaping @Sendable (_ restPort: Int, _ grpcPort: Int) async -> Void = { _, _ in }
    ) async throws {
        let keyring = try configuration.keyring()
        let catalog = try await DeltaServer.makeCatalog(configuration, logger: logger)
        let authenticator = try DeltaServer.makeAuthenticator(configuration)
        let registry = WorkerRegistry(heartbeatInterval: cluster.heartbeatInterval, tokenTTL: cluster.workerTTL)
        let clients = WorkerClients(maxMessageBytes: cluster.maxMessageBytes)
        let router = WorkerRouter(registry: registry, clients: clients, logger: logger)
        let handler = MainWorkerHandler(
            workerSecret: Array(cluster.workerSecret.utf8), keyring: keyring, registry: registry, router: router,
            authenticator: authenticator, logger: logger
        )
        let restRouter = try DeltaServer.makeRouter(
            configuration, catalog: catalog, entities: RoutedEntityOperations(router: router),
            authenticator: authenticator, workers: .registry(registry)
        )
        let transport = HTTP2ServerTransport.Posix(
            address: .ipv4(host: cluster.grpcHost, port: cluster.grpcPort),
            transportSecurity: .plaintext,
            config: .defaults { $0.rpc.maxRequestPayloadSize = cluster.maxMessageBytes }
        )
        let grpcServer = GRPCServer(transport: transport, services: [handler])
        let ports = PortRendezvous()
        let app = DeltaServer.makeApplication(configuration, router: restRouter, logger: logger) { port in
            if let grpcPort = await ports.rest(port) { await onListening(port, grpcPort) }
        }
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await grpcServer.serve() }
            group.addTask {
                let address = try await transport.listeningAddress
                if let restPort = await ports.grpc(address.ipv4?.port ?? cluster.grpcPort) {
                    await onListening(restPort, address.ipv4?.port ?? cluster.grpcPort)
                }
            }
            group.addTask {
                // Forget silent workers and close their connections.
                while !Task.isCancelled {
                    try await Task.sleep(for: cluster.heartbeatInterval)
                    for id in registry.sweep() { logger.info("worker removed after missed heartbeats", metadata: ["worker": "\(id)"]) }
                    clients.retain(addresses: Set(registry.snapshot().compactMap(\.worker.address)))
                }
            }
            try await app.run()
        }
    }
}

/// Calls back once both listeners are bound, whichever comes first.
actor PortRendezvous {
    private var restPort: Int?
    private var grpcPort: Int?

    /// Records the REST port; returns the gRPC port if it is already known.
    func rest(_ port: Int) -> Int? {
        restPort = port
        return grpcPort
    }

    /// Records the gRPC port; returns the REST port if it is already known.
    func grpc(_ port: Int) -> Int? {
        grpcPort = port
        return restPort
    }
}
