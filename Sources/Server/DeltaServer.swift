import APIRuntime
import DeltaAuth
import DeltaCache
import DeltaCore
import DeltaCrypto
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

    /// The same, for a process in `role` (tests run several servers on one directory).
    static func makeApplication(
        _ configuration: ServerConfiguration, as role: StorageRole, logger: Logger,
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
        _ configuration: ServerConfiguration, as role: StorageRole, logger: Logger
    ) async throws -> Router<DeltaRequestContext> {
        let keys = KeyringHolder(try configuration.keyring())
        let catalog = try await makeCatalog(configuration, as: role, logger: logger)
        let service = makeEntityService(configuration, catalog: catalog, keys: keys, verifiesCacheHits: role != .soleServer)
        return try makeRouter(
            configuration, catalog: catalog, entities: service, authenticator: try makeAuthenticator(configuration),
            workers: .embedded(workerID: configuration.writerID, keyring: keys)
        )
    }

    /// The router over the given parts (the Main Worker passes routed operations).
    static func makeRouter(
        _ configuration: ServerConfiguration, catalog: EntityCatalog, entities: any EntityOperations,
        authenticator: Authenticator, workers: WorkerDirectory
    ) throws -> Router<DeltaRequestContext> {
        let handler = APIHandler(authenticator: authenticator, catalog: catalog, entities: entities, workers: workers)
        let router = Router(context: DeltaRequestContext.self)
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthFailureMiddleware(limiter: FailureLimiter(burst: configuration.authFailureBurst)))
        handler.registerRoutes(on: router, limits: RequestLimits(maxBodyBytes: configuration.maxBodyBytes))
        return router
    }

    /// Storage (after recovery), schemas and bindings under the shared directory, which
    /// this process claims for `role` first.
    static func makeCatalog(
        _ configuration: ServerConfiguration, as role: StorageRole, logger: Logger
    ) async throws -> EntityCatalog {
        try FileManager.default.createDirectory(
            atPath: configuration.sharedFS + "/templates", withIntermediateDirectories: true
        )
        return EntityCatalog(
            store: try await makeEntityStore(configuration, claim: try claimDirectory(configuration, as: role), logger: logger),
            schemas: try SchemaCatalog(directory: configuration.sharedFS + "/templates"),
            bindings: try DatabaseBindings(root: configuration.sharedFS)
        )
    }

    /// The data plane over `catalog` with the configured cache. `verifiesCacheHits`
    /// is for processes that share storage with other writers.
    static func makeEntityService(
        _ configuration: ServerConfiguration, catalog: EntityCatalog, keys: KeyringHolder, verifiesCacheHits: Bool = false
    ) -> EntityService {
        let cache = LRUCache<EntityID, EntityService.CachedDocument>(
            maxEntries: configuration.cacheSize,
            maxBytes: configuration.cacheMaxBytes,
            ttl: configuration.cacheTTLSeconds > 0 ? .milliseconds(Int64(configuration.cacheTTLSeconds * 1000)) : nil
        )
        return EntityService(
            catalog: catalog, sealer: EntitySealer(keyring: keys, writerID: configuration.writerID), cache: cache,
            verifiesCacheHits: verifiesCacheHits
        )
    }

    /// Re-encrypts every entity under the configuration's active key (see `Rewrapper`).
    ///
    /// - Throws: `DeltaError` for a malformed key, unusable storage or listing errors.
    public static func rewrap(
        _ configuration: ServerConfiguration, logger: Logger,
        progress: (String, Rewrapper.Report) -> Void = { _, _ in }
    ) async throws -> Rewrapper.Report {
        let catalog = try await makeCatalog(configuration, as: .tool, logger: logger)
        let sealer = EntitySealer(keyring: KeyringHolder(try configuration.keyring()), writerID: configuration.writerID)
        return try await Rewrapper(store: catalog.store, sealer: sealer).run(progress: progress)
    }

    /// Admin key, API keys and sessions from the configuration.
    static func makeAuthenticator(_ configuration: ServerConfiguration) throws -> Authenticator {
        Authenticator(
            adminKey: configuration.adminKey,
            keys: try APIKeyStore(path: configuration.resolvedKeyStorePath),
            sessions: SessionStore(ttl: configuration.clientTTLSeconds)
        )
    }

    /// How long start-up waits for storage recovery before serving anyway. Short,
    /// because start-up must not grow with the data (about 50 ms of the start-up
    /// runs meanwhile anyway: the embedded workers' key pairs are generated), and
    /// long enough that a directory of a few thousand entities is clean before the
    /// first request.
    static let recoveryStartupBudget = Duration.milliseconds(50)

    /// Runs recovery (leftover temp files and orphan blobs from crashes). A small
    /// directory is recovered before the server starts serving; a large one
    /// finishes in the background, which is safe: recovery only touches entities
    /// whose lock it can take, and readers never see leftovers. Start-up time thus
    /// does not grow with the number of entities.
    ///
    /// - Throws: recovery's error if it fails within the budget (an unusable directory).
    static func recoverWithinStartup(_ store: FileEntityStore, logger: Logger) async throws {
        try await recoverWithin(recoveryStartupBudget, logger: logger) { try await store.recover() }
    }

    /// Starts `recover` and waits for it at most `budget`; past that, it goes on in
    /// the background and logs its outcome. Returns whether it finished in time.
    ///
    /// The wait is a race of two unstructured tasks, not a task group: a group
    /// would wait for its recovery child after the deadline too (awaiting
    /// another task's value does not end on cancellation).
    ///
    /// - Throws: `recover`'s error if it fails within the budget.
    @discardableResult
    static func recoverWithin(
        _ budget: Duration, logger: Logger, _ recover: @escaping @Sendable () async throws -> RecoveryReport
    ) async throws -> Bool {
        let recovery = Task { try await recover() }
        let finishedInTime = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let resumed = Mutex(false)
            let resume: @Sendable (Bool) -> Void = { inTime in
                let first = resumed.withLock { done in
                    defer { done = true }
                    return !done
                }
                if first { continuation.resume(returning: inTime) }
            }
            Task {
                _ = try? await recovery.value
                resume(true)
            }
            Task {
                try? await Task.sleep(for: budget)
                resume(false)
            }
        }
        if finishedInTime {
            let report = try await recovery.value
            logger.info("storage ready", metadata: ["backend": "shared-fs", "recovery": "\(report)"])
            return true
        }
        logger.info("storage ready; recovery continues in the background", metadata: ["backend": "shared-fs"])
        Task {
            do {
                let report = try await recovery.value
                logger.info("storage recovery finished", metadata: ["recovery": "\(report)"])
            } catch {
                logger.error("storage recovery failed", metadata: ["error": "\(error)"])
            }
            releaseFreedMemory()
        }
        return false
    }

    /// Hands memory the allocator holds but nobody uses back to the system. A long
    /// recovery scan frees a table of millions of entries on a storage thread; glibc
    /// keeps those pages in that thread's arena otherwise, and they would count
    /// in the server's resident size for its whole life. Skipped under a C library
    /// without `malloc_trim` (glibc's, from malloc.h).
    static func releaseFreedMemory() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = CLibrary.function(named: "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }

    /// The entity store: S3 when `-s3-endpoint` is set (after checking that the
    /// server enforces conditional writes), else `<sharedFS>/files` after recovery,
    /// holding `claim` for as long as it lives.
    static func makeEntityStore(
        _ configuration: ServerConfiguration, claim: DirectoryClaim?, logger: Logger
    ) async throws -> any EntityStore {
        guard let s3 = configuration.s3 else {
            let store = try FileEntityStore(root: configuration.sharedFS, writerID: configuration.writerID, claim: claim)
            try await recoverWithinStartup(store, logger: logger)
            return store
        }
        let client = S3Client(configuration: s3)
        do {
            try await client.createBucket()
        } catch {
            // The bucket may exist with credentials that may not create buckets; the
            // probe below fails clearly if it is really unusable.
            logger.warning("could not create the S3 bucket", metadata: ["bucket": "\(s3.bucket)", "error": "\(error)"])
        }
        let store = S3EntityStore(client: client)
        try await store.verifyConditionalRequests()
        logger.info("storage ready", metadata: ["backend": "s3", "endpoint": "\(s3.baseURL)", "bucket": "\(s3.bucket)"])
        return store
    }
}
