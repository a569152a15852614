import APIRuntime
import DeltaAuth
import DeltaCluster
import DeltaCore
import DeltaEngine
import DeltaJSON
import DeltaSchemaExport
import Generated

extension APIHandler {
    func listSchemas(_ input: Operations.ListSchemas.Input) async throws -> Operations.ListSchemas.Output {
        .ok(.init(body: try await catalog.schemas.ids()))
    }

    func getSchema(_ input: Operations.GetSchema.Input) async throws -> Operations.GetSchema.Output {
        .ok(.init(body: RawJSON(bytes: try await catalog.schemas.document(input.schemaID))))
    }

    func exportSchema(_ input: Operations.ExportSchema.Input) async throws -> Operations.ExportSchema.Output {
        guard let language = SchemaExportLanguage(rawValue: input.format) else {
            let formats = SchemaExportLanguage.allCases.map(\.rawValue).joined(separator: " or ")
            throw DeltaError(.badRequest, "format '\(input.format)' is not supported; use \(formats)")
        }
        let document = try await catalog.schemas.document(input.schemaID)
        do {
            return .ok(.init(body: try SchemaExporter.export(schemaJSON: document, schemaID: input.schemaID, language: language)))
        } catch {
            // Only a file placed by hand can get here: PUT /schema checks the metaschema.
            throw DeltaError(.badRequest, "schema '\(input.schemaID)' cannot be exported: \(error)", cause: error)
        }
    }

    func putSchema(_ input: Operations.PutSchema.Input, caller: Principal) async throws -> Operations.PutSchema.Output {
        try caller.requireSchemaControl(input.schemaID, boundDatabases: try await catalog.bindings.databases(boundTo: input.schemaID))
        try await catalog.schemas.put(input.schemaID, bytes: input.body.bytes)
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    func deleteSchema(_ input: Operations.DeleteSchema.Input, caller: Principal) async throws -> Operations.DeleteSchema.Output {
        let bound = try await catalog.bindings.databases(boundTo: input.schemaID)
        try caller.requireSchemaControl(input.schemaID, boundDatabases: bound)
        guard bound.isEmpty else {
            throw DeltaError(
                .badRequest,
                "schema '\(input.schemaID)' is bound to database(s) \(bound.map { "'\($0)'" }.joined(separator: ", ")); rebind them first"
            )
        }
        try await catalog.schemas.delete(input.schemaID)
        return .ok(.init(body: StatusResponse(status: "ok")))
    }

    func validateAgainstSchema(
        _ input: Operations.ValidateAgainstSchema.Input, caller: Principal
    ) async throws -> Operations.ValidateAgainstSchema.Output {
        try NameRules.validate(input.schemaID, as: .schemaID)
        guard let schema = try await catalog.schemas.compiled(input.schemaID) else {
            throw DeltaError(.notFound, "schema '\(input.schemaID)' not found")
        }
        let document: JSONValue
        do {
            document = try JSONParser.parse(input.body.bytes, maxDepth: EntityService.maxDepth)
        } catch {
            throw DeltaError(.invalidJSON, "the request body is not valid JSON: \(error)")
        }
        let errors = try schema.errors(in: document).map {
            ErrorDetail(pointer: $0.instancePointer, schemaPointer: $0.schemaPointer, message: $0.message)
        }
        return .ok(.init(body: ValidationResult(valid: errors.isEmpty, errors: errors)))
    }

    func getDatabase(_ input: Operations.GetDatabase.Input, caller: Principal) async throws -> Operations.GetDatabase.Output {
        .ok(.init(body: try await databaseInfo(input.database)))
    }

    func putDatabase(_ input: Operations.PutDatabase.Input, caller: Principal) async throws -> Operations.PutDatabase.Output {
        try NameRules.validate(input.database, as: .database)
        if let schemaID = input.body.schemaId {
            try NameRules.validate(schemaID, as: .schemaID)
            guard try await catalog.schemas.compiled(schemaID) != nil else {
                throw DeltaError(.badRequest, "schema '\(schemaID)' does not exist; create it with PUT /schema/\(schemaID) first")
            }
        }
        try await catalog.bindings.bind(input.database, to: input.body.schemaId)
        return .ok(.init(body: try await databaseInfo(input.database)))
    }

    private func databaseInfo(_ database: String) async throws(DeltaError) -> DatabaseInfo {
        try NameRules.validate(database, as: .database)
        let schema = try await catalog.schema(for: database)
        return DatabaseInfo(name: database, schemaId: schema?.id, bound: schema?.bound ?? false)
    }
}
