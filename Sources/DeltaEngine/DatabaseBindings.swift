import DeltaCore
import DeltaJSON
import Foundation
import Synchronization

/// Which schema validates each database's writes, persisted in one shared document
/// (`_meta/databases.json` in the data directory, or in the bucket in S3 mode) so
/// every server agrees.
///
/// A database without an explicit binding uses the schema whose id equals its
/// name, when one exists (the seed's behaviour). It does not check that a schema
/// exists; the API handler does before binding. Lookups ask the store whether the
/// document changed (`SharedDocumentStore.fresh`), so a binding made on another
/// machine applies to the very next write.
///
/// Database names are matched byte for byte, as storage matches them: `café` in
/// NFC and in NFD are two databases with two bindings (a Swift `String` key would
/// merge them, letting one tenant rebind another's database).
public final class DatabaseBindings: Sendable {
    public let documents: any SharedDocumentStore
    public let name: String
    private let cache = Mutex<(String?, Map)>((nil, [:]))

    /// Bindings by the UTF-8 bytes of the database name.
    typealias Map = [[UInt8]: (database: String, schemaID: String)]

    /// The document's name in a data directory or bucket.
    public static let defaultName = "_meta/databases.json"

    public init(documents: any SharedDocumentStore, name: String = DatabaseBindings.defaultName) {
        self.documents = documents
        self.name = name
    }

    /// Bindings in `<root>/_meta/databases.json`.
    ///
    /// - Throws: `.storageFailure` if the directory cannot be created.
    public convenience init(root: String) throws(DeltaError) {
        let documents = try DirectoryDocuments(root: root)
        try SharedFile.makePrivateDirectory(root + "/_meta")
        self.init(documents: documents)
    }

    /// The explicitly bound schema of `database`, if any.
    public func binding(of database: String) async throws(DeltaError) -> String? {
        try await current()[Array(database.utf8)]?.schemaID
    }

    /// Binds `database` to `schemaID` (nil removes the binding).
    public func bind(_ database: String, to schemaID: String?) async throws(DeltaError) {
        try await documents.update(name) { (document) throws(DeltaError) -> [UInt8]? in
            var map = try decode(document)
            map[Array(database.utf8)] = schemaID.map { (database, $0) }
            // Sorted by bytes, so the file is the same whatever the insertion order.
            let members = map.sorted { $0.key.lexicographicallyPrecedes($1.key) }
                .map { ($0.value.database, JSONValue.string($0.value.schemaID)) }
            return JSONValue.object(JSONObject(members)).serialized()
        }
    }

    /// Databases bound to `schemaID`.
    public func databases(boundTo schemaID: String) async throws(DeltaError) -> [String] {
        try await DatabaseName.unique(current().values.filter { DatabaseName.same($0.schemaID, schemaID) }.map(\.database))
    }

    private func current() async throws(DeltaError) -> Map {
        let document = try await documents.fresh(name)
        if let cached = cache.withLock({ $0.0 == document?.revision && document != nil ? $0.1 : nil }) { return cached }
        let map = try decode(document)
        cache.withLock { $0 = (document?.revision, map) }
        return map
    }

    private func decode(_ document: SharedDocument?) throws(DeltaError) -> Map {
        guard let document else { return [:] }
        let invalid = DeltaError(.storageFailure, "\(documents.location(of: name)) is not valid; restore it from a backup")
        guard case .object(let object)? = try? JSONParser.parse(document.bytes) else { throw invalid }
        var map: Map = [:]
        for (database, value) in object.members {
            guard case .string(let schemaID) = value else { throw invalid }
            map[Array(database.utf8)] = (database, schemaID)
        }
        return map
    }
}
