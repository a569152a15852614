import DeltaCore
import DeltaJSON
import Testing
import DeltaSchema

@Suite struct RegistryTests {
    @Test(arguments: [
        (#"{"type":"strin"}"#, "/type"),
        (#"{"minLength":-1}"#, "/minLength"),
        (#"{"required":"a"}"#, "/required"),
        (#"{"properties":{"a":{"type":7}}}"#, "/properties/a/type"),
        (#"{"pattern":"("}"#, "/pattern"),
        (#"{"items":[]}"#, "/items"),
        (#"{"multipleOf":0}"#, "/multipleOf"),
        ("[]", ""),
    ])
    func rejectsInvalidSchemas(schema: String, pointer: String) throws {
        do {
            try SchemaRegistry().add(id: "bad.v1", schema: json(schema))
            Issue.record("accepted \(schema)")
        } catch let error as DeltaError {
            #expect(error.code == .badRequest)
            #expect(error.message.hasPrefix("schema 'bad.v1' is not a valid draft-07 JSON Schema"))
            #expect(error.details.contains { $0.pointer == pointer }, "\(error.details)")
        }
    }

    @Test func rejectsPatternsOutsideECMA262() throws {
        #expect(throws: DeltaError.self) { try compiled(#"{"patternProperties":{"(?P<x>a)":{}}}"#) }
    }

    @Test func cachesByFingerprint() throws {
        let registry = SchemaRegistry()
        let first = try registry.add(id: "a.v1", schema: json(#"{"type":"string"}"#))
        let again = try registry.add(id: "a.v1", json: Array(#" { "type" : "string" } "#.utf8))
        #expect(first === again)
        let changed = try registry.add(id: "a.v1", schema: json(#"{"type":"integer"}"#))
        #expect(changed !== first)
        #expect(changed.fingerprint != first.fingerprint)
        #expect(registry.schema(id: "a.v1") === changed)
        #expect(registry.ids == ["a.v1"])
    }

    @Test func rejectsMalformedSchemaJSON() {
        #expect(throws: DeltaError.self) { try SchemaRegistry().add(id: "a.v1", json: Array("{".utf8)) }
    }

    @Test func compilesWithoutARegistry() throws {
        let schema = try SchemaCompiler.compile(try json(#"{"type":"string"}"#), id: "inline")
        #expect(schema.isValid(.string("x")))
        #expect(schema.id == "inline")
    }
}
