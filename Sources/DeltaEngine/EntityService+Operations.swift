import DeltaCache
import DeltaCore

extension EntityService: EntityOperations {
    public func put(database: String, body: [UInt8], ifMatch: String?, ifNoneMatch: String?) async throws(DeltaError) -> [String: UInt64] {
        let condition = try EntityPrecondition(ifMatch: ifMatch, ifNoneMatch: ifNoneMatch)
        return try await putBatch(database: database, body: body, condition: condition)
    }

    public func put(
        database: String, key: String, document: [UInt8], ifMatch: String?, ifNoneMatch: String?
    ) async throws(DeltaError) -> UInt64 {
        let condition = try EntityPrecondition(ifMatch: ifMatch, ifNoneMatch: ifNoneMatch)
        return try await put(database: database, key: key, document: document, condition: condition)
    }

    public func delete(database: String, key: String, ifMatch: String?) async throws(DeltaError) {
        try await delete(database: database, key: key, condition: try EntityPrecondition(ifMatch: ifMatch))
    }

    public func patch(
        database: String, key: String, contentType: String?, body: [UInt8], ifMatch: String?
    ) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) {
        let patch = try EntityPatch(contentType: contentType, body: body)
        return try await self.patch(database: database, key: key, patch: patch, condition: try EntityPrecondition(ifMatch: ifMatch))
    }

    public func cacheStats() async -> CacheStats { cache.stats }
}
