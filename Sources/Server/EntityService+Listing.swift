import DeltaCache
import DeltaCore
import DeltaStorage

extension EntityService {
    /// The largest page `listEntities` returns.
    static let maxListLimit = 1000
    /// The page size when the caller gives none.
    static let defaultListLimit = 100

    /// The databases holding at least one entity, read from storage, sorted bytewise.
    func listDatabases() async throws(DeltaError) -> [String] {
        try await store.listDatabases()
    }

    /// One page of `database`'s keys from storage (never the cache), in bytewise order.
    ///
    /// - Throws: `.badRequest` if `limit` is outside 1...1000, `.invalidName` for
    ///   a bad database name.
    func listEntities(database: String, prefix: String, after: String?, limit: Int?) async throws(DeltaError) -> EntityPage {
        try NameRules.validate(database, as: .database)
        let limit = limit ?? Self.defaultListLimit
        guard (1...Self.maxListLimit).contains(limit) else {
            throw DeltaError(.badRequest, "limit must be between 1 and \(Self.maxListLimit), got \(limit); page with next_cursor")
        }
        return try await store.listEntities(database: database, prefix: prefix, after: after, limit: limit)
    }

    /// The cache's counters since start-up.
    var cacheStats: CacheStats { cache.stats }
}
