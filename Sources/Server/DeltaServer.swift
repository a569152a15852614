import APIRuntime
import DeltaAuth
import DeltaCache
import DeltaCluster
import DeltaCore
import DeltaCrypto
import DeltaEngine
import DeltaMetrics
import DeltaS3
import DeltaStorage
import Foundation
import Generated
import Hummingbird
import Logging
import Synchronization

/// Assembles the all-in-one server: storage, keyring, cache, entity service,
/// authentication, the generated routes and the error middleware.
///
/// It does not parse flags (see `ServerOptions`) and does not print secrets
/// (the executable does that once, for generated keys).
public enum DeltaServer {
    /// Builds the Hummingbird application for `configuration`.
    ///
    /// Creates `files/` and `templates/` under the shared directory and runs
    /// storage recovery (leftover temp files from a crash are removed) before the
    /// server accepts requests. With `configuration.s3` set, entities go to the bucket
    /// instead, after a check that it enforces conditional writes.
    ///
    /// - Parameter onListening: called with the bound port once the server runs
    ///   (useful with port 0).
    /// - Throws: `DeltaError` if the key is malformed or the directory unusable.
    public static func makeApplication(
        _ configuration: ServerConfiguration,
        logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        try await makeApplication(configuration, as: .soleServer, logger: logger, onListening: onListening)
    }

    /// Runs the all-in-one server on the direct path until SIGINT or SIGTERM, then
    /// closes its store (writing the write-ahead log out to the entity files).
    ///
    /// - Throws: what `makeApplication` throws; `.unavailable` naming -rest-addr when
    ///   the address is taken.
    public static func run(
        _ configuration: ServerConfiguration, logger: Logger, onListening: @escaping @Sendable (Int) async -> Void
    ) async throws {
        let keys = KeyringHolder(try configuration.keyring())
        let readiness = Readiness()
        let catalog = try await EngineAssembly.makeCatalog(configuration, as: .soleServer, logger: logger, readiness: readiness)
        let router = try makeRouter(
            configuration, catalog: catalog, keys: keys, as: .soleServer, logger: logger, readiness: readiness)
        let app = makeApplication(configuration, router: router, logger: logger, onListening: onListening)
        try await EngineAssembly.closing(catalog, logger: logger) {
            try await EngineAssembly.listening(on: configuration.restHost, configuration.restPort, flag: "-rest-addr") {
                try await app.runService()
            }
        }
    }

    /// The same, for a process in `role` (tests run several servers on one directory).
    static func makeApplication(
        _ configuration: ServerConfiguration, as role: EngineAssembly.StorageRole, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let router = try await makeRouter(configuration, as: role, logger: logger)
        return makeApplication(configuration, router: router, logger: logger, onListening: onListening)
    }

    /// The Hummingbird application serving `router` on the configured REST address.
    static func makeApplication(
        _ configuration: ServerConfiguration, router: Router<DeltaRequestContext>, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.restHost, port: configuration.restPort),
                serverName: "DeltaDatabase"
            ),
            onServerRunning: { channel in
                await onListening(channel.localAddress?.port ?? configuration.restPort)
            },
            logger: logger
        )
    }

    /// Builds the router of `deltadb -workers 0`: every route of the spec over a local
    /// `EntityService` holding the keyring. As a `.cooperatingServer` (tests run several
    /// on one directory) its cache checks every hit against storage.
    static func makeRouter(
        _ configuration: ServerConfiguration, as role: EngineAssembly.StorageRole, logger: Logger
    ) async throws -> Router<DeltaRequestContext> {
        let keys = KeyringHolder(try configuration.keyring())
        let catalog = try await EngineAssembly.makeCatalog(configuration, as: role, logger: logger)
        return try makeRouter(configuration, catalog: catalog, keys: keys, as: role, logger: logger)
    }

    /// The direct-path router over an opened `catalog`.
    static func makeRouter(
        _ configuration: ServerConfiguration, catalog: EntityCatalog, keys: KeyringHolder,
        as role: EngineAssembly.StorageRole, logger: Logger, readiness: Readiness = Readiness()
    ) throws -> Router<DeltaRequestContext> {
        let service = EngineAssembly.makeEntityService(
            configuration, catalog: catalog, keys: keys, verifiesCacheHits: role != .soleServer, logger: logger)
        let authenticator = try EngineAssembly.makeAuthenticator(configuration, documents: catalog.documents)
        return try makeRouter(
            configuration, catalog: catalog, entities: service, authenticator: authenticator,
            workers: .embedded(workerID: configuration.writerID, keyring: keys), readiness: readiness,
            backups: OnlineBackups(configuration, catalog: catalog, keys: authenticator.keys),
            coherenceDrops: { service.coherenceDrops }
        )
    }

    /// The router over the given parts (the Main Worker passes routed operations).
    static func makeRouter(
        _ configuration: ServerConfiguration, catalog: EntityCatalog, entities: any EntityOperations,
        authenticator: Authenticator, workers: WorkerDirectory, limiter: FailureLimiter? = nil,
        role: ServerInfoRole = .allInOne, readiness: Readiness = Readiness(), backups: OnlineBackups? = nil,
        coherenceDrops: (@Sendable () -> Int)? = nil
    ) throws -> Router<DeltaRequestContext> {
        let server = ServerInfo(
            version: DeltaVersion.current, role: role, storageBackend: configuration.s3 == nil ? .sharedFs : .s3,
            startedAt: Date().formatted(.iso8601))
        let handler = APIHandler(
            authenticator: authenticator, catalog: catalog, entities: entities, workers: workers, server: server,
            readiness: readiness, backups: backups)
        let router = Router(context: DeltaRequestContext.self)
        let hub = MetricsHub.current
        if let hub { EngineAssembly.observeCache(on: hub, stats: { await entities.cacheStats() }, coherenceDrops: coherenceDrops) }
        router.add(middleware: ObservabilityMiddleware(hub: hub))
        router.add(middleware: ErrorMiddleware(errors: hub.map(ErrorMetrics.init(hub:))))
        router.add(middleware: AuthFailureMiddleware(limiter: limiter ?? FailureLimiter(burst: configuration.authFailureBurst)))
        handler.registerRoutes(on: router, limits: RequestLimits(maxBodyBytes: configuration.maxBodyBytes))
        if configuration.serveConsole {
            ConsoleRoutes.shared.register(on: router)
        }
        return router
    }
}
