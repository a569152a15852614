import DeltaCache
import DeltaCore
import DeltaJSON
import DeltaSchema
import DeltaStorage
import Synchronization

/// The data plane of a Processing Worker: parse and check documents, encrypt
/// them, store them durably, and keep decrypted documents in an LRU cache.
///
/// Documents are parsed once on write and stored in compact form; reads serve
/// the stored bytes (from the cache when possible) without re-serialising. The
/// service never logs document contents. It does not authenticate callers: the
/// API layer does that before calling it.
public final class EntityService: Sendable {
    /// A decrypted document in the cache, with the version it was read or written at.
    public struct CachedDocument: Sendable {
        var bytes: [UInt8]
        var version: UInt64
        /// The stored write's GCM nonce (`iv`), unique per write. Versions restart at 1
        /// after a delete, so a verified hit compares this too: a re-created entity at
        /// the cached version is a different write.
        var nonce: String

        init(bytes: [UInt8], _ metadata: EntityMetadata) {
            self.bytes = bytes
            self.version = metadata.version
            self.nonce = metadata.iv
        }

        /// Whether `stored` is the very write this copy was made from.
        func isCurrent(_ stored: EntityMetadata?) -> Bool {
            stored?.version == version && stored?.iv == nonce
        }
    }

    /// The deepest JSON nesting a document may have.
    public static let maxDepth = 64

    public let catalog: EntityCatalog
    public var store: any EntityStore { catalog.store }
    public let sealer: EntitySealer
    public let cache: LRUCache<EntityID, CachedDocument>
    /// Every cache change for an entity happens while holding its lock, so a
    /// late writer or a slow cache fill can never leave an older (or deleted)
    /// document in the cache. Storage has its own lock for durability; this one
    /// only orders this process's cache updates.
    public let entityLocks = KeyedAsyncLock<EntityID>()

    /// Whether a cache hit is confirmed against the stored metadata's version
    /// before it is served. Needed when other processes write the same storage
    /// (several Processing Workers): their writes do not reach this cache.
    public let verifiesCacheHits: Bool

    /// Cached copies found stale against storage and dropped (another process
    /// wrote the entity), since this service started; for metrics.
    public var coherenceDrops: Int { drops.load(ordering: .relaxed) }
    private let drops = Atomic<Int>(0)

    /// The size and depth a stored document may have: a PUT body's limits, which
    /// a PATCH result must keep too.
    public let limits: JSONLimits

    public init(
        catalog: EntityCatalog, sealer: EntitySealer, cache: LRUCache<EntityID, CachedDocument>,
        verifiesCacheHits: Bool = false, limits: JSONLimits = JSONLimits(maxBytes: 1 << 20, maxDepth: maxDepth)
    ) {
        self.limits = limits
        self.catalog = catalog
        self.sealer = sealer
        self.cache = cache
        self.verifiesCacheHits = verifiesCacheHits
    }

    /// The schema `database`'s writes are validated against (see `EntityCatalog`).
    public func schema(for database: String) async throws(DeltaError) -> (id: String, schema: CompiledSchema, bound: Bool)? {
        try await catalog.schema(for: database)
    }

    /// Stores every entity of a batch body (`{"key": document, ...}`).
    ///
    /// The whole body is parsed and every key checked before anything is
    /// written, so one bad entity writes nothing. Returns after every write is
    /// durable, with the committed version of each key.
    ///
    /// - Throws: `.invalidJSON` for a malformed body or a body that is not an
    ///   object, `.badRequest` for an empty batch, `.invalidName` for a bad
    ///   database name or key, `.storageFailure` if a write fails.
    /// With a `condition` (If-Match / If-None-Match) the body must hold exactly
    /// one entity; the condition is checked under the entity's storage lock.
    @discardableResult
    public func putBatch(
        database: String, body: [UInt8], condition: EntityPrecondition? = nil
    ) async throws(DeltaError) -> [String: UInt64] {
        try NameRules.validate(database, as: .database)
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(body, maxDepth: Self.maxDepth)
        } catch {
            throw DeltaError(.invalidJSON, "the request body is not valid JSON: \(error)")
        }
        guard case .object(let object) = parsed else {
            throw DeltaError(.invalidJSON, "the request body must be a JSON object mapping entity keys to documents")
        }
        guard !object.isEmpty else {
            throw DeltaError(.badRequest, "the request body has no entities; send {\"<key>\": <document>, ...}")
        }
        if condition != nil, object.count != 1 {
            throw DeltaError(
                .badRequest,
                "If-Match and If-None-Match apply to one entity, but the body has \(object.count); "
                    + "send one entity per conditional PUT"
            )
        }
        let schema = try await self.schema(for: database)
        var writes: [(EntityID, [UInt8])] = []
        writes.reserveCapacity(object.count)
        for (key, document) in object.members {
            writes.append((try EntityID(database: database, key: key), document.serialized()))
        }
        // Validate everything before writing anything: one bad entity writes nothing.
        try Self.validate(object.members, against: schema)
        let stamp = SchemaStamp(schema)
        var versions: [String: UInt64] = [:]
        for (id, plaintext) in writes {
            versions[id.key] = try await write(id, plaintext: plaintext, schema: stamp, condition: condition)
        }
        return versions
    }

    /// Stores one document under `key` (gRPC's `PUT`): parses only the document,
    /// validates it against the database's schema, and returns the committed version
    /// once the write is durable. The same checks as one entity of `putBatch`.
    ///
    /// - Throws: `.invalidJSON` for a malformed or empty document, `.invalidName`
    ///   for a bad database name or key, `.schemaViolation`, `.preconditionFailed`
    ///   if `condition` does not hold, `.storageFailure` if the write fails.
    public func put(
        database: String, key: String, document: [UInt8], condition: EntityPrecondition? = nil
    ) async throws(DeltaError) -> UInt64 {
        try NameRules.validate(database, as: .database)
        let id = try EntityID(database: database, key: key)
        guard !document.isEmpty else {
            throw DeltaError(.invalidJSON, "the payload is empty; send the JSON document to store")
        }
        let parsed: JSONValue
        do {
            parsed = try JSONParser.parse(document, maxDepth: Self.maxDepth)
        } catch {
            throw DeltaError(.invalidJSON, "the document is not valid JSON: \(error)")
        }
        let schema = try await self.schema(for: database)
        try Self.validate([(key, parsed)], against: schema)
        return try await write(id, plaintext: parsed.serialized(), schema: SchemaStamp(schema), condition: condition)
    }

    /// Checks `documents` against `schema`, all of them before any is written.
    ///
    /// - Throws: `.schemaViolation` listing every failing JSON pointer, prefixed
    ///   with the entity key.
    static func validate(
        _ documents: [(key: String, value: JSONValue)], against schema: (id: String, schema: CompiledSchema, bound: Bool)?
    ) throws(DeltaError) {
        guard let schema else { return }
        var violations: [DeltaError.Detail] = []
        var invalidKeys: [String] = []
        for (key, document) in documents {
            let errors = schema.schema.validate(document)
            if !errors.isEmpty { invalidKeys.append(key) }
            violations += errors.map {
                DeltaError.Detail(pointer: $0.instancePointer, schemaPointer: $0.schemaPointer, message: "entity '\(key)': \($0.message)")
            }
        }
        guard !violations.isEmpty else { return }
        throw DeltaError(
            .schemaViolation,
            "\(invalidKeys.count) entit\(invalidKeys.count == 1 ? "y does" : "ies do") not match schema '\(schema.id)' "
                + "(\(violations.count) error(s)); nothing was stored",
            details: violations
        )
    }

    /// Durably writes one already-checked document and caches it.
    public func write(
        _ id: EntityID, plaintext: [UInt8], schema: SchemaStamp?, condition: EntityPrecondition? = nil
    ) async throws(DeltaError) -> UInt64 {
        let sealer = self.sealer
        let now = Timestamp.now()
        return try await entityLocks.withLock(id) { () async throws(DeltaError) -> UInt64 in
            let committed = try await store.write(id) { (current) throws(DeltaError) in
                forgetIfStale(id, current)
                try condition?.check(current, for: id)
                return try sealer.seal(plaintext, for: id, after: current, now: now, schema: schema)
            }
            cache.put(id, CachedDocument(bytes: plaintext, committed), cost: plaintext.count)
            return committed.version
        }
    }

    /// The document stored under `key`, with its version.
    ///
    /// - Throws: `.notFound` if it does not exist, `.integrityFailure` if the
    ///   stored data fails authentication, `.keyUnavailable` if its key is gone.
    public func get(database: String, key: String) async throws(DeltaError) -> (bytes: [UInt8], version: UInt64) {
        let id = try EntityID(database: database, key: key)
        if let cached = cache.get(id) {
            guard verifiesCacheHits else { return (cached.bytes, cached.version) }
            // One metadata read (no decryption) proves the cached copy is still current.
            if cached.isCurrent(try await store.readMetadata(id)) { return (cached.bytes, cached.version) }
            drops.add(1, ordering: .relaxed)
        }
        // A miss reads storage under the entity's lock so the document it caches
        // cannot be older than a write that completed meanwhile.
        let document = try await entityLocks.withLock(id) { () async throws(DeltaError) -> CachedDocument in
            // Filled by a concurrent reader meanwhile? (Not a second miss or hit.)
            if !verifiesCacheHits, let cached = cache.get(id, counted: false) { return cached }
            guard let stored = try await store.read(id) else {
                cache.remove(id)
                throw notFound(id)
            }
            let plaintext = try sealer.open(stored, for: id)
            let document = CachedDocument(bytes: plaintext, stored.metadata)
            cache.put(id, document, cost: plaintext.count)
            return document
        }
        return (document.bytes, document.version)
    }

    /// Deletes `key` durably and drops it from the cache.
    ///
    /// With an If-Match `condition` the entity is deleted only at a matching
    /// version (checked under the storage lock).
    ///
    /// - Throws: `.notFound` if it does not exist (also with If-Match),
    ///   `.preconditionFailed` if the condition does not hold.
    public func delete(database: String, key: String, condition: EntityPrecondition? = nil) async throws(DeltaError) {
        let id = try EntityID(database: database, key: key)
        let deleted = try await entityLocks.withLock(id) { () async throws(DeltaError) -> Bool in
            let deleted = try await store.delete(id) { (current) throws(DeltaError) in
                forgetIfStale(id, current)
                // A missing entity is a 404 below, not a failed precondition.
                if current != nil { try condition?.check(current, for: id) }
            }
            cache.remove(id)
            return deleted
        }
        guard deleted else { throw notFound(id) }
    }

    /// Drops the cached copy of `id` unless it is `current`, the stored write seen under
    /// the entity's lock.
    ///
    /// Another process (a `deltadb rewrap`, for one) can change storage behind a cache
    /// that does not verify its hits. Without this, a client whose `If-Match` fails
    /// would read the same stale copy again and retry forever.
    public func forgetIfStale(_ id: EntityID, _ current: EntityMetadata?) {
        if let cached = cache.get(id, counted: false), !cached.isCurrent(current) {
            cache.remove(id)
            drops.add(1, ordering: .relaxed)
        }
    }

    public func notFound(_ id: EntityID) -> DeltaError {
        DeltaError(.notFound, "entity '\(id.key)' not found in database '\(id.database)'")
    }
}
