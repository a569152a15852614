import DeltaCache
import DeltaCore
import Foundation
import Synchronization
import WorkerProtocol
import DeltaEngine

/// The Main Worker's data plane: each entity operation becomes a `ProcessRequest`
/// run by a Processing Worker (see `WorkerRouter`). The Main Worker itself holds
/// no encryption key and never sees a document except in transit.
public struct RoutedEntityOperations: EntityOperations {
    public let router: WorkerRouter
    /// Live counters of embedded workers (remote ones report theirs in heartbeats).
    public let embedded: EmbeddedCaches

    /// Operations routed by `router`; `embedded` counts the caches of in-process workers.
    public init(router: WorkerRouter, embedded: EmbeddedCaches) {
        self.router = router
        self.embedded = embedded
    }

    public func put(database: String, body: [UInt8], ifMatch: String?, ifNoneMatch: String?) async throws(DeltaError) -> [String: UInt64] {
        var request = Self.request(.putBatch, database: database, key: "")
        request.payload = Data(body)
        request.ifMatch = ifMatch ?? ""
        request.ifNoneMatch = ifNoneMatch ?? ""
        return try await router.process(request).versions
    }

    public func put(
        database: String, key: String, document: [UInt8], ifMatch: String?, ifNoneMatch: String?
    ) async throws(DeltaError) -> UInt64 {
        var request = Self.request(.put, database: database, key: key)
        request.payload = Data(document)
        request.ifMatch = ifMatch ?? ""
        request.ifNoneMatch = ifNoneMatch ?? ""
        let response = try await router.process(request)
        guard let version = response.versions[key] else {
            throw DeltaError(.internal, "a Processing Worker acknowledged a PUT of '\(key)' without its version")
        }
        return version
    }

    public func get(database: String, key: String) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) {
        let response = try await router.process(Self.request(.get, database: database, key: key))
        return (Array(response.result), UInt64(clamping: response.version))
    }

    public func delete(database: String, key: String, ifMatch: String?) async throws(DeltaError) {
        var request = Self.request(.delete, database: database, key: key)
        request.ifMatch = ifMatch ?? ""
        _ = try await router.process(request)
    }

    public func patch(
        database: String, key: String, contentType: String?, body: [UInt8], ifMatch: String?
    ) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) {
        var request = Self.request(.patch, database: database, key: key)
        request.payload = Data(body)
        request.contentType = contentType ?? ""
        request.ifMatch = ifMatch ?? ""
        let response = try await router.process(request)
        return (Array(response.result), UInt64(clamping: response.version))
    }

    /// Remote workers' counters as of their last heartbeat, plus embedded workers' live ones.
    public func cacheStats() async -> CacheStats {
        router.registry.cacheStats { !$0.isEmbedded } + embedded.stats()
    }

    private static func request(_ operation: ProcessOperation, database: String, key: String) -> ProcessRequest {
        var request = ProcessRequest()
        request.operation = operation.rawValue
        request.databaseName = database
        request.entityKey = key
        return request
    }
}

/// The caches of the Processing Workers embedded in this process.
public final class EmbeddedCaches: Sendable {
    private let sources = Mutex<[@Sendable () -> CacheStats]>([])

    public init() {}

    public func add(_ source: @escaping @Sendable () -> CacheStats) {
        sources.withLock { $0.append(source) }
    }

    /// The sum of their counters now.
    public func stats() -> CacheStats {
        sources.withLock { $0 }.reduce(CacheStats()) { $0 + $1() }
    }
}

extension CacheStats {
    /// Field-by-field sum.
    public static func + (lhs: CacheStats, rhs: CacheStats) -> CacheStats {
        CacheStats(
            hits: lhs.hits + rhs.hits, misses: lhs.misses + rhs.misses, evictions: lhs.evictions + rhs.evictions,
            expirations: lhs.expirations + rhs.expirations, count: lhs.count + rhs.count, bytes: lhs.bytes + rhs.bytes
        )
    }
}
