import Testing

@testable import CodegenCore

@Suite("OpenAPIParser: operations and parameters")
struct OpenAPIParserTests {
    @Test("the committed spec parses without diagnostics, operations in spec order")
    func committedSpec() throws {
        let result = try OpenAPIParser.parse(yaml: try TestSupport.committedSpec(), source: "spec/openapi.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        // The spec grows; its first operations and schemas keep their order.
        #expect(Array(result.model.operations.map(\.id).prefix(4)) == ["getHealth", "putEntities", "getEntity", "deleteEntity"])
        #expect(Array(result.model.schemas.map(\.name).prefix(3)) == ["StatusResponse", "EntityDocument", "EntityBatch"])
        #expect(result.model.schemas.map(\.name).suffix(2) == ["ErrorDetail", "ErrorResponse"])
    }

    @Test("permissions: x-deltadb-permission, nil for `security: []`")
    func permissions() throws {
        let model = try OpenAPIParser.parse(yaml: try TestSupport.committedSpec(), source: "spec/openapi.yaml").model
        let byID = Dictionary(uniqueKeysWithValues: model.operations.map { ($0.id, $0.permission) })
        #expect(byID["getHealth"] == .some(nil))
        #expect(byID["putEntities"] == .write)
        #expect(byID["getEntity"] == .read)
        #expect(byID["createAPIKey"] == .admin)
        #expect(byID["getMe"] == .authenticated)
        #expect(byID["login"] == .some(nil))
    }

    @Test("path-level parameters come first and $refs are resolved")
    func parameters() throws {
        let model = try OpenAPIParser.parse(yaml: try TestSupport.committedSpec(), source: "spec/openapi.yaml").model
        let getEntity = try #require(model.operations.first { $0.id == "getEntity" })
        #expect(getEntity.parameters == [
            APIParameter(name: "database", location: .path, required: true, description: "Name of the database, e.g. chatdb.", type: .string()),
            APIParameter(name: "key", location: .query, required: true, description: "The entity key, e.g. session_001.", type: .string()),
        ])
    }

    @Test("responses: component refs resolved with headers; error responses separated")
    func responses() throws {
        let model = try OpenAPIParser.parse(yaml: try TestSupport.committedSpec(), source: "spec/openapi.yaml").model
        let getEntity = try #require(model.operations.first { $0.id == "getEntity" })
        #expect(getEntity.successResponses.count == 1)
        #expect(getEntity.successResponses[0].headers.map(\.name) == ["ETag"])
        #expect(getEntity.successResponses[0].body?.type == .reference("EntityDocument"))
        #expect(getEntity.errorResponses.map(\.statusCode) == [400, 401, 403, 404])
        let unauthorized = try #require(getEntity.errorResponses.first { $0.statusCode == 401 })
        #expect(unauthorized.componentName == "Unauthorized")
        #expect(unauthorized.headers.map(\.name) == ["WWW-Authenticate"])
    }

    @Test("header and typed query parameters, optional body, several media types")
    func richOperation() throws {
        let result = try TestSupport.parse("""
            paths:
              /things/{id}:
                patch:
                  operationId: patchThing
                  x-deltadb-permission: write
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: integer, format: int64}}
                    - {name: If-Match, in: header, schema: {type: string}}
                    - {name: limit, in: query, schema: {type: integer}}
                  requestBody:
                    content:
                      application/merge-patch+json: {schema: {}}
                      application/json: {schema: {}}
                  responses:
                    "204": {description: Done.}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let operation = try #require(result.model.operations.first)
        #expect(operation.method == .patch)
        #expect(operation.parameters(in: .header).map(\.name) == ["If-Match"])
        #expect(operation.parameters(in: .path).first?.type == .integer(.int64))
        #expect(operation.parameters(in: .query).first?.type == .integer(.unspecified))
        #expect(operation.requestBody?.required == false)
        #expect(operation.requestBody?.contents.map(\.mediaType) == ["application/json", "application/merge-patch+json"])
        #expect(operation.successResponses.first?.body == nil)
    }

    @Test("an operation parameter replaces a path-level one with the same name")
    func parameterOverride() throws {
        let result = try TestSupport.parse("""
            paths:
              /a:
                parameters:
                  - {name: q, in: query, description: shared, schema: {type: string}}
                get:
                  operationId: getA
                  x-deltadb-permission: read
                  parameters:
                    - {name: q, in: query, required: true, description: own, schema: {type: string}}
                  responses:
                    "200": {description: ok}
            """)
        let parameters = try #require(result.model.operations.first).parameters
        #expect(parameters.count == 1)
        #expect(parameters.first?.description == "own")
        #expect(parameters.first?.required == true)
    }
}
