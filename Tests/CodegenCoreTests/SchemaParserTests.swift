import Testing

@testable import CodegenCore

@Suite("SchemaParser: the type model")
struct SchemaParserTests {
    @Test("scalars, arrays, maps, free-form, nullable and required")
    func types() throws {
        let result = try TestSupport.parse("""
            paths: {}
            components:
              schemas:
                Any: {description: anything}
                Map: {type: object, additionalProperties: {type: integer, format: int32}}
                Thing:
                  type: object
                  required: [id]
                  properties:
                    id: {type: integer, format: int64}
                    tags: {type: array, items: {type: string}}
                    score: {type: number}
                    ok: {type: boolean}
                    note: {type: [string, "null"]}
                    doc: {$ref: "#/components/schemas/Any"}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let model = result.model
        #expect(model.schema(named: "Any")?.type == .anyJSON)
        #expect(model.schema(named: "Any")?.isFreeForm == true)
        #expect(model.schema(named: "Map")?.type == .map(.integer(.int32)))
        guard case .object(let thing)? = model.schema(named: "Thing")?.type else {
            Issue.record("Thing is not an object")
            return
        }
        #expect(thing.properties.map(\.name) == ["id", "tags", "score", "ok", "note", "doc"])
        #expect(thing.properties.map(\.required) == [true, false, false, false, false, false])
        #expect(thing.properties.map(\.type) == [
            .integer(.int64), .array(.string()), .number, .boolean, .string(), .reference("Any"),
        ])
        #expect(thing.properties[4].nullable)
    }

    @Test("inline objects and enums are hoisted after their parent, named by position")
    func hoisting() throws {
        let result = try TestSupport.parse("""
            paths: {}
            components:
              schemas:
                Key:
                  type: object
                  properties:
                    permissions: {type: array, items: {type: string, enum: [read, write]}}
                    owner:
                      type: object
                      properties:
                        name: {type: string}
                Next: {type: string}
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.model.schemas.map(\.name) == ["Key", "KeyPermissionsItem", "KeyOwner", "Next"])
        #expect(result.model.schema(named: "KeyPermissionsItem")?.type == .stringEnum(["read", "write"]))
        #expect(result.model.schema(named: "KeyOwner")?.pointer == "#/components/schemas/Key/properties/owner")
    }

    @Test("resolve follows alias chains")
    func resolve() throws {
        let model = try TestSupport.parse("""
            paths: {}
            components:
              schemas:
                A: {$ref: "#/components/schemas/B"}
                B: {type: object, additionalProperties: {}}
            """).model
        #expect(model.resolve(.reference("A")) == .map(.anyJSON))
    }
}
