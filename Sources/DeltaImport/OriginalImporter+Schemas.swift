import DeltaCore
import DeltaEngine
import DeltaJSON
import DeltaSchema

extension OriginalImporter {
    /// Imports `templates/*.json` into the schema catalog.
    ///
    /// A schema already present with the same JSON is skipped; one present with
    /// other JSON is left alone and reported. Returns the stamp (id and version)
    /// of every schema the target holds afterwards, for the entities' metadata.
    func importSchemas(_ report: inout ImportReport) async throws(DeltaError) -> [String: SchemaStamp] {
        var stamps: [String: SchemaStamp] = [:]
        let ids = try await source.names(in: "templates")
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(".json".count)) }
            .sorted()
        for id in ids {
            do throws(DeltaError) {
                try NameRules.validate(id, as: .schemaID)
                guard let bytes = try await source.read("templates/\(id).json") else { continue }
                let parsed: JSONValue
                do {
                    parsed = try JSONParser.parse(bytes, maxDepth: EntityService.maxDepth)
                } catch {
                    throw DeltaError(.invalidJSON, "not valid JSON (\(error))")
                }
                // Compiling checks it against the draft-07 metaschema before anything is written.
                let compiled = try SchemaRegistry().add(id: id, schema: parsed)
                stamps[id] = SchemaStamp(id: id, version: SchemaCatalog.version(of: compiled))
                if let schemas = target.schemas, let present = try? await schemas.document(id) {
                    if (try? JSONParser.parse(present, maxDepth: EntityService.maxDepth)) == parsed {
                        report.record(.schema, skipped: id, "already present with the same content")
                    } else {
                        report.record(.schema, failed: id, "a different schema '\(id)' already exists here; left as it is (compare them and PUT /schema/\(id) the one to keep)")
                        if let current = try await schemas.compiled(id) {
                            stamps[id] = SchemaStamp(id: id, version: SchemaCatalog.version(of: current))
                        }
                    }
                    continue
                }
                if !options.dryRun { try await target.schemas?.put(id, bytes: bytes) }
                report.record(.schema, imported: id)
            } catch {
                report.record(.schema, failed: id, error.message)
            }
        }
        return stamps
    }

    /// Binds each database whose entities all name one schema to that schema.
    ///
    /// Entities that name no schema do not prevent a binding (the original
    /// validated only writes that named one); a database whose entities name
    /// several schemas is reported and left unbound, as is one whose schema was not
    /// imported or that is bound to another schema already.
    func importBindings(_ databases: [String: Set<String>], stamps: [String: SchemaStamp], report: inout ImportReport) async throws(DeltaError) {
        for (database, named) in databases.sorted(by: { $0.key < $1.key }) {
            let schemas = named.subtracting([""]).sorted()
            guard let schema = schemas.first else { continue }
            guard schemas.count == 1 else {
                report.record(.binding, failed: database, "its entities were written with different schemas (\(schemas.joined(separator: ", "))); not bound: choose one with PUT /api/databases/\(database)")
                continue
            }
            guard stamps[schema] != nil else {
                report.record(.binding, failed: database, "its entities name schema '\(schema)', which the original's templates/ does not hold (or it failed to import); not bound")
                continue
            }
            let current = try await target.bindings?.binding(of: database)
            if current == schema {
                report.record(.binding, skipped: database, "already bound to '\(schema)'")
                continue
            }
            if let current {
                report.record(.binding, failed: database, "already bound to '\(current)' here, while its entities name '\(schema)'; left as it is")
                continue
            }
            if !options.dryRun { try await target.bindings?.bind(database, to: schema) }
            report.record(.binding, imported: database, note: "bound to schema '\(schema)'")
        }
    }
}
