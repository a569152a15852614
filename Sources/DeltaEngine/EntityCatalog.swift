import DeltaCore
import DeltaSchema
import DeltaStorage

/// What a server knows about entities without any encryption key: storage
/// listings (metadata only), the schemas and which database uses which.
///
/// The Main Worker uses it directly (it never holds keys in split mode); the
/// `EntityService` of a Processing Worker uses it to validate writes. It reads
/// and writes no entity contents.
public final class EntityCatalog: Sendable {
    public let store: any EntityStore
    public let schemas: SchemaCatalog
    public let bindings: DatabaseBindings

    /// Where schemas and bindings live (a directory or a bucket), shared with the key store.
    public var documents: any SharedDocumentStore { bindings.documents }

    public init(store: any EntityStore, schemas: SchemaCatalog, bindings: DatabaseBindings) {
        self.store = store
        self.schemas = schemas
        self.bindings = bindings
    }

    /// The schema `database`'s writes are validated against: its explicit
    /// binding, else the schema whose id is the database name, else none.
    ///
    /// - Throws: `.badRequest` if the bound schema was deleted or is broken —
    ///   writes then fail rather than go unchecked.
    public func schema(for database: String) async throws(DeltaError) -> (id: String, schema: CompiledSchema, bound: Bool)? {
        if let bound = try await bindings.binding(of: database) {
            guard let schema = try await schemas.compiled(bound) else {
                throw DeltaError(
                    .badRequest,
                    "database '\(database)' is bound to schema '\(bound)', which no longer exists; "
                        + "restore it or rebind the database with PUT /api/databases/\(database)"
                )
            }
            return (bound, schema, true)
        }
        guard NameRules.problem(with: database, kind: .schemaID) == nil,
              let schema = try await schemas.compiled(database)
        else { return nil }
        return (database, schema, false)
    }

    /// The largest page `listEntities` returns.
    public static let maxListLimit = 1000
    /// The page size when the caller gives none.
    public static let defaultListLimit = 100

    /// The databases holding at least one entity, read from storage, sorted bytewise.
    public func listDatabases() async throws(DeltaError) -> [String] {
        try await store.listDatabases()
    }

    /// One page of the databases `visible` lets through, starting with `prefix`,
    /// after `after` (bytewise), at most `limit` (nil: all of them).
    ///
    /// Scope is applied before paging, so a scoped credential gets full pages.
    ///
    /// - Throws: `.badRequest` if `limit` is outside 1...1000.
    public func listDatabases(
        prefix: String, after: String?, limit: Int?, visible: (String) -> Bool
    ) async throws(DeltaError) -> [String] {
        if let limit { try Self.checkLimit(limit, next: "the page's last name as after") }
        var page: [String] = []
        for name in try await store.listDatabases() where page.count < limit ?? Int.max {
            if name.utf8.starts(with: prefix.utf8), after.map({ EntityStoreRules.bytewiseLess($0, name) }) ?? true,
               visible(name) {
                page.append(name)
            }
        }
        return page
    }

    /// One page of `database`'s keys from storage (never the cache), in bytewise order.
    ///
    /// - Throws: `.badRequest` if `limit` is outside 1...1000, `.invalidName` for
    ///   a bad database name.
    public func listEntities(database: String, prefix: String, after: String?, limit: Int?) async throws(DeltaError) -> EntityPage {
        try NameRules.validate(database, as: .database)
        let limit = limit ?? Self.defaultListLimit
        try Self.checkLimit(limit, next: "next_cursor")
        return try await store.listEntities(database: database, prefix: prefix, after: after, limit: limit)
    }

    private static func checkLimit(_ limit: Int, next: String) throws(DeltaError) {
        guard (1...maxListLimit).contains(limit) else {
            throw DeltaError(.badRequest, "limit must be between 1 and \(maxListLimit), got \(limit); page with \(next)")
        }
    }
}
