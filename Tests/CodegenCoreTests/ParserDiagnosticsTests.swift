import Testing

@testable import CodegenCore

@Suite("OpenAPIParser: diagnostics with spec locations")
struct ParserDiagnosticsTests {
    @Test("an unknown $ref is reported where it is")
    func unknownReference() throws {
        let result = try TestSupport.parse("""
            paths:
              /a:
                get:
                  operationId: getA
                  x-deltadb-permission: read
                  parameters:
                    - $ref: "#/components/parameters/Missing"
                  responses:
                    "200": {description: ok}
            """)
        #expect(result.diagnostics.map(\.description) == [
            "spec/openapi.yaml: paths./a.get.parameters[0]: error: cannot resolve $ref '#/components/parameters/Missing'; only local references to existing components are supported",
        ])
        #expect(result.model.operations.first?.parameters.isEmpty == true)
    }

    @Test("an unknown schema $ref becomes free-form JSON with an error")
    func unknownSchema() throws {
        let result = try TestSupport.parse("""
            paths: {}
            components:
              schemas:
                A:
                  type: object
                  properties:
                    b: {$ref: "#/components/schemas/B"}
            """)
        #expect(result.diagnostics.map(\.location) == ["components.schemas.A.properties.b"])
        #expect(result.diagnostics.first?.severity == .error)
    }

    @Test("cookie parameters, missing permissions and unsupported keywords are diagnosed, not thrown")
    func unsupported() throws {
        let result = try TestSupport.parse("""
            paths:
              /a/{id}:
                get:
                  operationId: getA
                  parameters:
                    - {name: session, in: cookie, schema: {type: string}}
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            oneOf: [{type: string}, {type: integer}]
            """)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("paths./a/{id}.get.parameters[0]") && $0.contains("cookie parameters are not supported") })
        #expect(messages.contains { $0.contains("paths./a/{id}.get:") && $0.contains("no x-deltadb-permission") })
        #expect(messages.contains { $0.contains("path parameter '{id}' is not declared") })
        #expect(messages.contains { $0.contains("`oneOf` is not supported") })
        #expect(result.model.operations.first?.permission == .admin)
    }

    @Test("real failures throw: not YAML, no paths")
    func failures() {
        #expect(throws: CodegenError.self) { try OpenAPIParser.parse(yaml: "a: [", source: "x") }
        #expect(throws: CodegenError.self) { try OpenAPIParser.parse(yaml: "openapi: 3.1.0\n", source: "x") }
    }
}
