import DeltaCache
import DeltaCore

/// The data plane as the front ends see it: the entity reads and writes that
/// need encryption keys.
///
/// `EntityService` implements it in the process that holds the keys (the
/// all-in-one server, a Processing Worker); `RoutedEntityOperations` implements it
/// on the Main Worker by sending each operation to a Processing Worker over gRPC.
/// Conditions arrive as the raw If-Match / If-None-Match header values so they
/// cross the gRPC hop unchanged; implementations parse them (400 if malformed).
public protocol EntityOperations: Sendable {
    /// Stores every entity of a batch body (`{"key": document, ...}`): all are
    /// validated before any is written; returns each key's committed version.
    func put(database: String, body: [UInt8], ifMatch: String?, ifNoneMatch: String?) async throws(DeltaError) -> [String: UInt64]

    /// Stores one document under `key` (the body is the document itself) and
    /// returns its committed version.
    func put(database: String, key: String, document: [UInt8], ifMatch: String?, ifNoneMatch: String?) async throws(DeltaError) -> UInt64

    /// The document stored under `key` and its version.
    func get(database: String, key: String) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64)

    /// Deletes `key` (404 if it does not exist).
    func delete(database: String, key: String, ifMatch: String?) async throws(DeltaError)

    /// Applies a merge patch or JSON Patch (`contentType`) and returns the stored result.
    func patch(
        database: String, key: String, contentType: String?, body: [UInt8], ifMatch: String?
    ) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64)

    /// Cache counters of the process(es) that serve reads.
    func cacheStats() async -> CacheStats
}
