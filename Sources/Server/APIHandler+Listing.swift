import APIRuntime
import DeltaAuth
import DeltaCluster
import DeltaEngine
import Generated

/// Listing from storage and server statistics.
extension APIHandler {
    func listDatabases(_ input: Operations.ListDatabases.Input, caller: Principal) async throws -> Operations.ListDatabases.Output {
        // A credential limited to some databases sees only those.
        let names = try await catalog.listDatabases(
            prefix: input.prefix ?? "", after: input.after, limit: input.limit.map(Int.init), visible: caller.mayAccess(database:)
        )
        return .ok(.init(body: names))
    }

    func listEntities(_ input: Operations.ListEntities.Input, caller: Principal) async throws -> Operations.ListEntities.Output {
        let page = try await catalog.listEntities(
            database: input.database, prefix: input.prefix ?? "", after: input.after, limit: input.limit.map(Int.init)
        )
        let items = page.entities.map {
            EntityListItem(key: $0.key, version: Int64(clamping: $0.version), updatedAt: $0.updatedAt)
        }
        return .ok(.init(body: EntityList(entities: items, nextCursor: page.nextCursor)))
    }

    func getStats(_ input: Operations.GetStats.Input, caller: Principal) async throws -> Operations.GetStats.Output {
        let stats = await entities.cacheStats()
        let cache = CacheStats(
            hits: Int64(stats.hits), misses: Int64(stats.misses), evictions: Int64(stats.evictions),
            expirations: Int64(stats.expirations), entries: Int64(stats.count), bytes: Int64(stats.bytes)
        )
        return .ok(.init(body: StatsResponse(cache: cache, server: server)))
    }
}
