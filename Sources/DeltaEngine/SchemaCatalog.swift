import DeltaCore
import DeltaCrypto
import DeltaJSON
import DeltaSchema
import Foundation
import Synchronization

/// The JSON Schemas of the data directory (`templates/<schemaID>.json`),
/// compiled and ready to validate.
///
/// Schemas arrive through `PUT /schema/{id}` or are placed in `templates/` by
/// hand; both are picked up, and a file changed by another process is
/// recompiled on its next use (each use compares the file's stamp). A schema is
/// checked against the draft-07 metaschema before it is stored. It does not know
/// which database uses which schema (see `DatabaseBindings`).
public final class SchemaCatalog: Sendable {
    public let directory: String
    private let registry = SchemaRegistry()
    private let stamps = Mutex<[String: SharedFile.Stamp]>([:])

    public init(directory: String) throws(DeltaError) {
        self.directory = directory
        try SharedFile.makePrivateDirectory(directory)
    }

    /// Every schema id in `templates/`, sorted.
    public func ids() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name in
            guard name.hasSuffix(".json"), !name.hasPrefix(".") else { return nil }
            let id = String(name.dropLast(5))
            return NameRules.problem(with: id, kind: .schemaID) == nil ? id : nil
        }.sorted()
    }

    /// The stored schema document, as stored.
    ///
    /// - Throws: `.invalidName`, or `.notFound` if there is no such schema.
    public func document(_ id: String) throws(DeltaError) -> [UInt8] {
        try NameRules.validate(id, as: .schemaID)
        guard let bytes = try SharedFile.read(path(id)) else { throw notFound(id) }
        return bytes
    }

    /// The compiled schema `id`, or nil if no such schema exists.
    ///
    /// - Throws: `.badRequest` if the stored file is not a valid schema (someone
    ///   placed a broken file by hand) — writes bound to it fail rather than
    ///   pass unchecked.
    public func compiled(_ id: String) throws(DeltaError) -> CompiledSchema? {
        let file = path(id)
        let stamp = SharedFile.stamp(file)
        guard let stamp else {
            stamps.withLock { $0[id] = nil }
            _ = try? registry.remove(id: id)
            return nil
        }
        if stamps.withLock({ $0[id] }) == stamp, let schema = registry.schema(id: id) {
            return schema
        }
        guard let bytes = try SharedFile.read(file) else { return nil }
        let schema = try registry.add(id: id, json: bytes)
        stamps.withLock { $0[id] = stamp }
        return schema
    }

    /// Checks `bytes` as a draft-07 schema (an object, or the boolean schema `true`
    /// or `false`) and stores it as `templates/<id>.json`.
    ///
    /// - Throws: `.invalidName`, `.invalidJSON`, `.badRequest` with one detail per
    ///   metaschema violation; nothing is stored then.
    public func put(_ id: String, bytes: [UInt8]) throws(DeltaError) {
        try NameRules.validate(id, as: .schemaID)
        let schema: JSONValue
        do {
            schema = try JSONParser.parse(bytes, maxDepth: EntityService.maxDepth)
        } catch {
            throw DeltaError(.invalidJSON, "the schema is not valid JSON: \(error)")
        }
        // `true` and `false` are whole draft-07 schemas (accept / reject every
        // document), and the original accepted them too.
        switch schema {
        case .object, .bool: break
        default: throw DeltaError(.badRequest, "schema '\(id)' must be a JSON object, or true or false")
        }
        // Schema ids are looked up by Swift string equality (the registry, `$ref`s), so two
        // ids that differ only in Unicode normalisation would shadow each other.
        if let twin = ids().first(where: { $0 == id && !$0.utf8.elementsEqual(id.utf8) }) {
            throw DeltaError(
                .badRequest,
                "schema id '\(id)' differs from the existing schema '\(twin)' only in Unicode normalisation; "
                    + "use the existing id, or a clearly different one"
            )
        }
        try registry.add(id: id, schema: schema)
        try SharedFile.withLock(path(id)) { () throws(DeltaError) in
            try SharedFile.replace(path(id), with: schema.serialized(), mode: 0o600)
        }
        stamps.withLock { $0[id] = nil }
    }

    /// Deletes schema `id`.
    ///
    /// - Throws: `.notFound` if it does not exist; `.badRequest` if another
    ///   schema references it.
    public func delete(_ id: String) throws(DeltaError) {
        try NameRules.validate(id, as: .schemaID)
        _ = try compiled(id)
        _ = try registry.remove(id: id)
        guard try SharedFile.remove(path(id)) else { throw notFound(id) }
        stamps.withLock { $0[id] = nil }
    }

    /// A short, stable version of a schema's contents for entity metadata.
    public static func version(of schema: CompiledSchema) -> String {
        String(schema.fingerprint, radix: 16)
    }

    private func path(_ id: String) -> String {
        directory + "/" + id + ".json"
    }

    private func notFound(_ id: String) -> DeltaError {
        DeltaError(.notFound, "schema '\(id)' not found; create it with PUT /schema/\(id)")
    }
}
