import DeltaCore
import DeltaJSON
import Foundation
import Synchronization

/// Which schema validates each database's writes, persisted in
/// `<shared-fs>/_meta/databases.json` so every worker sharing the directory
/// agrees.
///
/// A database without an explicit binding uses the schema whose id equals its
/// name, when one exists (the seed's behaviour). It does not check that a schema
/// exists; the API handler does before binding.
///
/// Database names are matched byte for byte, as storage matches them: `café` in
/// NFC and in NFD are two databases with two bindings (a Swift `String` key would
/// merge them, letting one tenant rebind another's database).
public final class DatabaseBindings: Sendable {
    public let path: String
    private let cache = Mutex<(SharedFile.Stamp?, Map)>((nil, [:]))

    /// Bindings by the UTF-8 bytes of the database name.
    typealias Map = [[UInt8]: (database: String, schemaID: String)]

    public init(root: String) throws(DeltaError) {
        let directory = root + "/_meta"
        try SharedFile.makePrivateDirectory(directory)
        self.path = directory + "/databases.json"
    }

    /// The explicitly bound schema of `database`, if any.
    public func binding(of database: String) throws(DeltaError) -> String? {
        try current()[Array(database.utf8)]?.schemaID
    }

    /// Binds `database` to `schemaID` (nil removes the binding).
    public func bind(_ database: String, to schemaID: String?) throws(DeltaError) {
        try SharedFile.withLock(path) { () throws(DeltaError) in
            var map = try load()
            map[Array(database.utf8)] = schemaID.map { (database, $0) }
            // Sorted by bytes, so the file is the same whatever the insertion order.
            let members = map.sorted { $0.key.lexicographicallyPrecedes($1.key) }
                .map { ($0.value.database, JSONValue.string($0.value.schemaID)) }
            try SharedFile.replace(path, with: JSONValue.object(JSONObject(members)).serialized(), mode: 0o600)
        }
    }

    /// Databases bound to `schemaID`.
    public func databases(boundTo schemaID: String) throws(DeltaError) -> [String] {
        try DatabaseName.unique(current().values.filter { DatabaseName.same($0.schemaID, schemaID) }.map(\.database))
    }

    private func current() throws(DeltaError) -> Map {
        let stamp = SharedFile.stamp(path)
        if let cached = cache.withLock({ $0.0 == stamp && stamp != nil ? $0.1 : nil }) { return cached }
        let map = try load()
        cache.withLock { $0 = (stamp, map) }
        return map
    }

    private func load() throws(DeltaError) -> Map {
        guard let bytes = try SharedFile.read(path) else { return [:] }
        let invalid = DeltaError(.storageFailure, "'\(path)' is not valid; restore it from a backup")
        guard case .object(let object)? = try? JSONParser.parse(bytes) else { throw invalid }
        var map: Map = [:]
        for (database, value) in object.members {
            guard case .string(let schemaID) = value else { throw invalid }
            map[Array(database.utf8)] = (database, schemaID)
        }
        return map
    }
}
