import DeltaCore
import DeltaJSON

/// The schemas a database knows, by id, compiled and ready to validate.
///
/// `add` checks a schema against the draft-07 metaschema, resolves all its
/// `$ref`s (to itself, to other registered schemas by id — `other.v1#/definitions/x`
/// — or to the metaschema), compiles it and caches the result keyed by id and
/// fingerprint, so re-adding an unchanged schema is cheap. Replacing a schema
/// recompiles the schemas that reference it; if any of them would no longer
/// resolve, the replacement is rejected and nothing changes.
///
/// Thread-safe. It does not persist anything and does not validate ids
/// against `NameRules` (the caller decides what ids are allowed).
public final class SchemaRegistry: Sendable {
    private struct State {
        var documents: [String: JSONValue] = [:]
        var compiled: [String: CompiledSchema] = [:]
    }

    private let lock = Lock()
    private nonisolated(unsafe) var state = State()

    /// An empty registry (the draft-07 metaschema is always available to `$ref`).
    public init() {}

    /// The ids of the registered schemas, sorted.
    public var ids: [String] {
        lock.withLock { state.compiled.keys.sorted() }
    }

    /// The compiled schema registered under `id`, if any.
    public func schema(id: String) -> CompiledSchema? {
        lock.withLock { state.compiled[id] }
    }

    /// Parses `json` and adds it as schema `id` (see `add(id:schema:)`).
    ///
    /// - Throws: `.invalidJSON` if the bytes are not JSON, otherwise as `add(id:schema:)`.
    @discardableResult
    public func add(id: String, json: [UInt8]) throws(DeltaError) -> CompiledSchema {
        let schema: JSONValue
        do {
            schema = try JSONParser.parse(json)
        } catch {
            throw DeltaError(.invalidJSON, "schema '\(id)' is not valid JSON: \(error)")
        }
        return try add(id: id, schema: schema)
    }

    /// Checks, compiles and registers `schema` under `id`, replacing any
    /// previous schema with that id.
    ///
    /// - Throws: `.badRequest` if the schema is not a valid draft-07 schema
    ///   (one detail per metaschema violation), has an invalid regular
    ///   expression, or has a `$ref` that does not resolve.
    @discardableResult
    public func add(id: String, schema: JSONValue) throws(DeltaError) -> CompiledSchema {
        try Self.checkAgainstMetaschema(schema, id: id)
        let fingerprint = SchemaFingerprint.of(schema)
        return try lock.withLock { () throws(DeltaError) -> CompiledSchema in
            if let existing = state.compiled[id], existing.fingerprint == fingerprint { return existing }
            var next = state
            next.documents[id] = schema
            let index = Self.index(next.documents)
            let compiled = try SchemaCompiler.compile(id: id, index: index, fingerprint: fingerprint)
            next.compiled[id] = compiled
            for (otherID, other) in state.compiled where otherID != id && other.dependencies.contains(id) {
                do throws(DeltaError) {
                    next.compiled[otherID] = try SchemaCompiler.compile(id: otherID, index: index, fingerprint: other.fingerprint)
                } catch {
                    throw DeltaError(.badRequest,
                                     "schema '\(id)' cannot replace the current version: schema '\(otherID)' depends on it and would fail: \(error.message)")
                }
            }
            state = next
            return compiled
        }
    }

    /// Removes schema `id`. Returns false if it was not registered.
    ///
    /// - Throws: `.badRequest` if another registered schema references it.
    @discardableResult
    public func remove(id: String) throws(DeltaError) -> Bool {
        try lock.withLock { () throws(DeltaError) -> Bool in
            guard state.compiled[id] != nil else { return false }
            let dependents = state.compiled.filter { $0.key != id && $0.value.dependencies.contains(id) }.keys.sorted()
            guard dependents.isEmpty else {
                throw DeltaError(.badRequest, "schema '\(id)' is referenced by \(dependents.map { "'\($0)'" }.joined(separator: ", "))")
            }
            state.documents[id] = nil
            state.compiled[id] = nil
            return true
        }
    }

    /// Validates `schema` against the draft-07 metaschema.
    ///
    /// - Throws: `.badRequest` "schema '<id>' is not a valid draft-07 JSON
    ///   Schema: …" with one detail per problem (pointer into the schema).
    public static func checkAgainstMetaschema(_ schema: JSONValue, id: String) throws(DeltaError) {
        let errors = Metaschema.compiled.validate(schema)
        guard !errors.isEmpty else { return }
        let first = errors[0]
        let place = first.instancePointer.isEmpty ? "at the root" : "at '\(first.instancePointer)'"
        throw DeltaError(
            .badRequest,
            "schema '\(id)' is not a valid draft-07 JSON Schema: \(errors.count) problem(s), first \(place): \(first.message)",
            details: errors.map {
                DeltaError.Detail(pointer: $0.instancePointer, schemaPointer: $0.schemaPointer, message: $0.message)
            }
        )
    }

    private static func index(_ documents: [String: JSONValue]) -> SchemaIndex {
        var index = SchemaIndex()
        index.add(document: Metaschema.draft07, id: Metaschema.id)
        for (id, document) in documents.sorted(by: { $0.key < $1.key }) where id != Metaschema.id {
            index.add(document: document, id: id)
        }
        return index
    }
}
