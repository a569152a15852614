import DeltaAuth
import DeltaCache
import DeltaCore
import DeltaEngine
import DeltaMetrics
import DeltaJSON
import DeltaS3
import DeltaStorage
import Foundation
import Logging
import Synchronization

/// How every server process assembles its data plane from a `ServerConfiguration`:
/// storage (claimed and recovered), schemas, bindings, the cached `EntityService`
/// and the authenticator.
///
/// Shared by the all-in-one server, the Main Worker and Processing Workers, so the
/// three set up storage the same way. It knows no HTTP or gRPC types: the front
/// ends (`DeltaServer`, `MainWorkerServer`, `ProcessingWorkerServer`) call it.
public enum EngineAssembly {
    /// Storage (after recovery), schemas and bindings: under the shared directory,
    /// which this process claims for `role` first, or all in the bucket in S3 mode
    /// (then nothing is written to `-shared-fs`). Recovery that goes on in the
    /// background keeps `readiness` pending until it finishes.
    public static func makeCatalog(
        _ configuration: ServerConfiguration, as role: StorageRole, logger: Logger, readiness: Readiness = Readiness()
    ) async throws -> EntityCatalog {
        let claim = try claimDirectory(configuration, as: role)
        let store = try await makeEntityStore(configuration, claim: claim, logger: logger, readiness: readiness)
        let documents = try await makeSharedDocuments(configuration, logger: logger)
        return EntityCatalog(
            store: role == .soleServer ? GatedEntityStore(store) : store,
            schemas: SchemaCatalog(documents: documents),
            bindings: DatabaseBindings(documents: documents)
        )
    }

    /// Where schemas, bindings, API keys and ended sessions live: the bucket in S3
    /// mode (kept in a local copy refreshed every second, see `S3Documents`), else
    /// the shared directory (with `templates/` created for schemas placed by hand).
    ///
    /// - Throws: `DeltaError` if the directory cannot be created or the bucket not read.
    public static func makeSharedDocuments(
        _ configuration: ServerConfiguration, logger: Logger
    ) async throws -> any SharedDocumentStore {
        guard let s3 = configuration.s3 else {
            try SharedFile.makePrivateDirectory(configuration.sharedFS + "/templates")
            return try DirectoryDocuments(root: configuration.sharedFS)
        }
        let documents = S3Documents(client: S3Client(configuration: s3))
        try await documents.start { error in
            logger.warning("could not refresh schemas, bindings and keys from the bucket; retrying", metadata: [
                "error": "\(error.message)",
            ])
        }
        return documents
    }

    /// The data plane over `catalog` with the configured cache. `verifiesCacheHits`
    /// is for processes that share storage with other writers. With a `logger`, the
    /// active key's nonce budget is watched (`NonceBudgetWatch`) for as long as `keys` lives.
    public static func makeEntityService(
        _ configuration: ServerConfiguration, catalog: EntityCatalog, keys: KeyringHolder, verifiesCacheHits: Bool = false,
        logger: Logger? = nil
    ) -> EntityService {
        if let logger { NonceBudgetWatch.start(watching: keys, logger: logger) }
        if let hub = MetricsHub.current { observeKeys(on: hub, keys: keys) }
        // A bucket cannot be claimed: other servers may write it, so every cache hit is checked.
        let verifiesCacheHits = verifiesCacheHits || configuration.s3 != nil
        let cache = LRUCache<EntityID, EntityService.CachedDocument>(
            maxEntries: configuration.cacheSize,
            maxBytes: configuration.cacheMaxBytes,
            ttl: configuration.cacheTTLSeconds > 0 ? .milliseconds(Int64(configuration.cacheTTLSeconds * 1000)) : nil
        )
        return EntityService(
            catalog: catalog, sealer: EntitySealer(keyring: keys, writerID: configuration.writerID), cache: cache,
            verifiesCacheHits: verifiesCacheHits,
            limits: JSONLimits(maxBytes: configuration.maxBodyBytes, maxDepth: EntityService.maxDepth)
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

    /// Admin key, API keys and sessions from the configuration; `documents` (the
    /// catalog's) holds the keys unless `-key-store` names a file, and the ended sessions.
    public static func makeAuthenticator(
        _ configuration: ServerConfiguration, documents: any SharedDocumentStore
    ) throws -> Authenticator {
        let keyring = try configuration.keyring()
        var signingKeys: [String: [UInt8]] = [:]
        for id in keyring.keyIDs {
            signingKeys[id] = SessionSigner.signingKey(from: try keyring.key(for: id), adminKey: configuration.adminKey)
        }
        return Authenticator(
            adminKey: configuration.adminKey,
            keys: try makeKeyStore(configuration, documents: documents),
            sessions: SessionSigner(
                keys: signingKeys, activeKeyID: keyring.activeKeyID, ttl: configuration.clientTTLSeconds,
                endings: SessionEndings(documents: documents))
        )
    }

    /// The API key store: the file `-key-store` names, else `_auth/keys.json` of `documents`.
    public static func makeKeyStore(
        _ configuration: ServerConfiguration, documents: any SharedDocumentStore
    ) throws(DeltaError) -> APIKeyStore {
        if let path = configuration.keyStorePath { return try APIKeyStore(path: path) }
        return try APIKeyStore(documents: documents)
    }

    /// How long start-up waits for storage recovery before serving anyway. Short,
    /// because start-up must not grow with the data (about 50 ms of the start-up
    /// runs meanwhile anyway: the embedded workers' key pairs are generated), and
    /// long enough that a directory of a few thousand entities is clean before the
    /// first request.
    public static let recoveryStartupBudget = Duration.milliseconds(50)

    /// Runs recovery (leftover temp files and orphan blobs from crashes). A small
    /// directory is recovered before the server starts serving; a large one
    /// finishes in the background, which is safe: recovery only touches entities
    /// whose lock it can take, and readers never see leftovers. Start-up time thus
    /// does not grow with the number of entities.
    ///
    /// - Throws: recovery's error if it fails within the budget (an unusable directory).
    public static func recoverWithinStartup(
        _ store: FileEntityStore, logger: Logger, readiness: Readiness = Readiness()
    ) async throws {
        try await recoverWithin(recoveryStartupBudget, logger: logger, readiness: readiness) { try await store.recover() }
    }

    /// Starts `recover` and waits for it at most `budget`; past that, it goes on in
    /// the background and logs its outcome, and `readiness` stays pending until it
    /// succeeds (a failed recovery leaves the server not ready, with the reason).
    /// Returns whether it finished in time.
    ///
    /// The wait is a race of two unstructured tasks, not a task group: a group
    /// would wait for its recovery child after the deadline too (awaiting
    /// another task's value does not end on cancellation).
    ///
    /// - Throws: `recover`'s error if it fails within the budget.
    @discardableResult
    public static func recoverWithin(
        _ budget: Duration, logger: Logger, readiness: Readiness = Readiness(),
        _ recover: @escaping @Sendable () async throws -> RecoveryReport
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
        readiness.wait(for: "storage", reason: "storage recovery is still running (a large data directory); wait for it")
        Task {
            do {
                let report = try await recovery.value
                logger.info("storage recovery finished", metadata: ["recovery": "\(report)"])
                readiness.finished("storage")
            } catch {
                logger.error("storage recovery failed", metadata: ["error": "\(error)"])
                readiness.wait(
                    for: "storage", reason: "storage recovery failed (see the server log); fix the data directory and restart")
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
    public static func releaseFreedMemory() {
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = CLibrary.function(named: "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
    }

    /// The entity store: S3 when `-s3-endpoint` is set (after checking that the
    /// server enforces conditional writes), else `<sharedFS>/files` after recovery,
    /// holding `claim` for as long as it lives.
    public static func makeEntityStore(
        _ configuration: ServerConfiguration, claim: DirectoryClaim?, logger: Logger, readiness: Readiness = Readiness()
    ) async throws -> any EntityStore {
        guard let s3 = configuration.s3 else {
            let store = try FileEntityStore(root: configuration.sharedFS, writerID: configuration.writerID, claim: claim)
            try await recoverWithinStartup(store, logger: logger, readiness: readiness)
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
