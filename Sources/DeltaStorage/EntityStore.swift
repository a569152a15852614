import DeltaCore

/// Storage of encrypted entities: durable, per-entity atomic, and serialised per
/// entity across writers.
///
/// It knows nothing about encryption or JSON: it stores the ciphertext and metadata
/// it is given and hands them back. Implementations: `MemoryEntityStore` (the
/// reference semantics, for tests) and `FileEntityStore` (the shared POSIX directory).
///
/// Every method throws only `DeltaError`: `.invalidName` / `.badRequest` for bad
/// arguments, `.storageFailure` for I/O errors (nothing was acknowledged),
/// `.integrityFailure` when what is stored is inconsistent, `.internal` when a caller
/// breaks the write contract, and whatever a caller's closure throws, unchanged.
/// Operations are not cancellable once started: a cancelled task still waits for the
/// entity lock and completes, so a write is never half-abandoned.
public protocol EntityStore: Sendable {
    /// The committed entity, or nil if it does not exist.
    ///
    /// - Throws: `.storageFailure` on I/O errors; `.integrityFailure` if the blob and
    ///   its metadata do not match (size differs, or the blob is missing).
    func read(_ id: EntityID) async throws(DeltaError) -> StoredEntity?

    /// Only the committed metadata, or nil if the entity does not exist. Cheap; used
    /// for cache coherence checks.
    func readMetadata(_ id: EntityID) async throws(DeltaError) -> EntityMetadata?

    /// Atomic read-modify-write of one entity.
    ///
    /// Takes the entity's exclusive lock (in-process, and across processes where the
    /// backend supports it), reads the current committed metadata, calls
    /// `build(current)` and durably commits the entity it returns. Returns the
    /// committed metadata only after the write is durable.
    ///
    /// `build` must return metadata with `version == current.version + 1` (or 1 when
    /// `current` is nil), the same `database` and `entityKey` as `id`, and
    /// `size == ciphertext.count`; otherwise nothing is written and `.internal` is
    /// thrown. If `build` throws, nothing is written and its error propagates unchanged.
    func write(
        _ id: EntityID,
        _ build: @Sendable (EntityMetadata?) throws(DeltaError) -> StoredEntity
    ) async throws(DeltaError) -> EntityMetadata

    /// Deletes the entity under the same lock as `write`.
    ///
    /// `check(current)` runs first and may throw to abort (e.g. an If-Match mismatch);
    /// its error propagates unchanged and nothing is deleted. Returns false if there
    /// was nothing to delete. Durable when it returns; leaves no blob or metadata.
    func delete(
        _ id: EntityID,
        _ check: @Sendable (EntityMetadata?) throws(DeltaError) -> Void
    ) async throws(DeltaError) -> Bool

    /// The databases that have at least one entity, sorted bytewise.
    func listDatabases() async throws(DeltaError) -> [String]

    /// Keys of `database` in bytewise (UTF-8) order that start with `prefix` and
    /// sort after `after` (exclusive; nil starts at the beginning), at most `limit`.
    ///
    /// - Throws: `.invalidName` for a bad database name, `.badRequest` if `limit < 1`.
    func listEntities(database: String, prefix: String, after: String?, limit: Int) async throws(DeltaError) -> EntityPage

    /// Makes everything acknowledged durable where the next process looks for it, and
    /// stops accepting writes. A server calls it once it has stopped serving; stores
    /// that acknowledge writes only once they are in their final place do nothing.
    ///
    /// - Throws: `.storageFailure` if that cannot be done now; acknowledged writes
    ///   are still durable and the next start of the same store finds them.
    func close() async throws(DeltaError)
}

extension EntityStore {
    /// Nothing to do: every acknowledged write is already where readers look.
    public func close() async throws(DeltaError) {}
}
