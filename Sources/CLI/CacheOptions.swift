import ArgumentParser
import DeltaCluster
import DeltaCore

/// The seed's cache flags, shared by `deltadb`, `main-worker` and `proc-worker`.
public struct CacheOptions: ParsableArguments, Sendable {
    @Option(name: [
        .customLong("cache-size", withSingleDash: true), .customLong("cache-size"),
        .customLong("entity-cache-size", withSingleDash: true), .customLong("entity-cache-size"),
    ], help: "Maximum number of cached entities (-entity-cache-size, the original main-worker's name, is an alias).")
    public var cacheSize = 256

    @Option(name: .seed("cache-ttl"), help: "Time-to-live per cache entry (0 = LRU-only eviction), e.g. 30s, 5m.")
    public var cacheTTL = "0"

    @Option(name: .seed("cache-max-bytes"), help: "Maximum bytes of cached documents.")
    public var cacheMaxBytes = 64 << 20

    public init() {}

    /// The checked values.
    ///
    /// - Throws: `.badRequest` for a negative size or a malformed duration.
    func resolve() throws(DeltaError) -> (size: Int, ttlSeconds: Double, maxBytes: Int) {
        guard cacheSize >= 0, cacheMaxBytes >= 0 else {
            throw DeltaError(.badRequest, "-cache-size and -cache-max-bytes must not be negative")
        }
        return (cacheSize, try GoDuration.seconds(cacheTTL), cacheMaxBytes)
    }
}
