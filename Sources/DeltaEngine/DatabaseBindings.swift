import DeltaCore
import Foundation
import Synchronization

/// Which schema validates each database's writes, persisted in
/// `<shared-fs>/_meta/databases.json` so every worker sharing the directory
/// agrees.
///
/// A database without an explicit binding uses the schema whose id equals its
/// name, when one exists (the seed's behaviour). It does not check that a schema
/// exists; the API handler does before binding.
public final class DatabaseBindings: Sendable {
    public let path: String
    private let cache = Mutex<(SharedFile.Stamp?, [String: String])>((nil, [:]))

    public init(root: String) throws(DeltaError) {
        let directory = root + "/_meta"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw DeltaError(.storageFailure, "cannot create '\(directory)'", cause: error)
        }
        self.path = directory + "/databases.json"
    }

    /// The explicitly bound schema of `database`, if any.
    public func binding(of database: String) throws(DeltaError) -> String? {
        try current()[database]
    }

    /// Binds `database` to `schemaID` (nil removes the binding).
    public func bind(_ database: String, to schemaID: String?) throws(DeltaError) {
        try SharedFile.withLock(path) { () throws(DeltaError) in
            var map = try load()
            map[database] = schemaID
            let data: Data
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                data = try encoder.encode(map)
            } catch {
                throw DeltaError(.internal, "cannot encode database bindings", cause: error)
            }
            try SharedFile.replace(path, with: Array(data), mode: 0o644)
        }
    }

    /// Databases bound to `schemaID`.
    public func databases(boundTo schemaID: String) throws(DeltaError) -> [String] {
        try current().filter { $0.value == schemaID }.keys.sorted()
    }

    private func current() throws(DeltaError) -> [String: String] {
        let stamp = SharedFile.stamp(path)
        if let cached = cache.withLock({ $0.0 == stamp && stamp != nil ? $0.1 : nil }) { return cached }
        let map = try load()
        cache.withLock { $0 = (stamp, map) }
        return map
    }

    private func load() throws(DeltaError) -> [String: String] {
        guard let bytes = try SharedFile.read(path) else { return [:] }
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(bytes))
        } catch {
            throw DeltaError(.storageFailure, "'\(path)' is not valid; restore it from a backup", cause: error)
        }
    }
}
