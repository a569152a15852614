import DeltaCore
import DeltaJSON
import Testing
import DeltaSchema

@Suite struct ReferenceTests {
    @Test(arguments: [
        SchemaCase(##"{"definitions":{"pos":{"minimum":0}},"properties":{"a":{"$ref":"#/definitions/pos"}}}"##, ##"{"a":-1}"##, false),
        SchemaCase(##"{"definitions":{"pos":{"minimum":0}},"properties":{"a":{"$ref":"#/definitions/pos"}}}"##, ##"{"a":1}"##, true),
        // Escaped pointer tokens: ~1 is '/', ~0 is '~', %25 is '%', %20 is ' '.
        SchemaCase(##"{"definitions":{"a/b":{"type":"integer"},"c~d":{"type":"string"},"e%f g":{"type":"null"}},"##
                   + ##""items":[{"$ref":"#/definitions/a~1b"},{"$ref":"#/definitions/c~0d"},{"$ref":"#/definitions/e%25f%20g"}]}"##,
                   "[1,\"x\",null]", true),
        SchemaCase(##"{"definitions":{"a/b":{"type":"integer"}},"items":[{"$ref":"#/definitions/a~1b"}]}"##, "[\"x\"]", false),
        // Siblings of $ref are ignored in draft-07.
        SchemaCase(##"{"definitions":{"s":{"type":"string"}},"properties":{"a":{"$ref":"#/definitions/s","maxLength":1}}}"##,
                   ##"{"a":"long"}"##, true),
        // Pointer into an items array and into a non-keyword location.
        SchemaCase(##"{"items":[{"type":"integer"},{"$ref":"#/items/0"}]}"##, "[1,\"x\"]", false),
        SchemaCase(##"{"x-defs":{"n":{"type":"null"}},"$ref":"#/x-defs/n"}"##, "null", true),
        // The root itself.
        SchemaCase(##"{"properties":{"child":{"$ref":"#"}},"additionalProperties":false}"##, ##"{"child":{"child":{}}}"##, true),
        SchemaCase(##"{"properties":{"child":{"$ref":"#"}},"additionalProperties":false}"##, ##"{"child":{"x":1}}"##, false),
    ])
    func pointerReferences(_ testCase: SchemaCase) throws { try expectCase(testCase) }

    static let tree = ##"""
    {"$id":"http://example.com/tree.json","type":"object","required":["value"],
     "properties":{"value":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#"}}}}
    """##

    @Test func recursiveTreeSchema() throws {
        let schema = try compiled(Self.tree)
        #expect(schema.isValid(try json(##"{"value":1,"children":[{"value":2,"children":[{"value":3}]}]}"##)))
        let errors = schema.validate(try json(##"{"value":1,"children":[{"value":2,"children":[{"value":"x"}]}]}"##))
        #expect(errors.map(\.instancePointer) == ["/children/0/children/0/value"])
    }

    @Test func idChangesTheBaseURI() throws {
        let schema = try compiled(##"""
        {"$id":"http://example.com/root.json",
         "definitions":{
           "A":{"$id":"#foo","type":"integer"},
           "B":{"$id":"other.json","definitions":{"X":{"$id":"#bar","type":"string"}},
                "properties":{"x":{"$ref":"#bar"},"y":{"$ref":"#/definitions/X"}}},
           "C":{"$id":"t/inner.json","definitions":{"n":{"type":"null"}},"properties":{"up":{"$ref":"../other.json"}}}},
         "properties":{
           "a":{"$ref":"#foo"},
           "b":{"$ref":"other.json"},
           "c":{"$ref":"http://example.com/other.json#bar"},
           "d":{"$ref":"t/inner.json#/definitions/n"},
           "e":{"$ref":"t/inner.json"}}}
        """##)
        #expect(schema.isValid(try json(##"{"a":1,"b":{"x":"s","y":"t"},"c":"u","d":null,"e":{"up":{"x":"v"}}}"##)))
        #expect(!schema.isValid(try json(##"{"a":"1"}"##)))
        #expect(!schema.isValid(try json(##"{"b":{"x":1}}"##)))
        #expect(!schema.isValid(try json(##"{"b":{"y":1}}"##)))
        #expect(!schema.isValid(try json(##"{"c":1}"##)))
        #expect(!schema.isValid(try json(##"{"d":1}"##)))
        #expect(!schema.isValid(try json(##"{"e":{"up":{"x":1}}}"##)))
    }

    @Test func referencesBetweenRegisteredSchemas() throws {
        let registry = SchemaRegistry()
        try registry.add(id: "other.v1", schema: json(##"{"definitions":{"x":{"type":"string","maxLength":3}}}"##))
        let main = try registry.add(id: "main.v1", schema: json(##"{"properties":{"a":{"$ref":"other.v1#/definitions/x"}}}"##))
        #expect(main.isValid(try json(##"{"a":"abc"}"##)))
        let errors = main.validate(try json(##"{"a":"abcd"}"##))
        #expect(errors.map(\.schemaPointer) == ["other.v1#/definitions/x/maxLength"])
        #expect(errors.map(\.instancePointer) == ["/a"])
    }

    @Test func replacingAReferencedSchemaRecompilesItsDependents() throws {
        let registry = SchemaRegistry()
        try registry.add(id: "other.v1", schema: json(##"{"definitions":{"x":{"type":"string"}}}"##))
        try registry.add(id: "main.v1", schema: json(##"{"$ref":"other.v1#/definitions/x"}"##))
        try registry.add(id: "other.v1", schema: json(##"{"definitions":{"x":{"type":"integer"}}}"##))
        #expect(registry.schema(id: "main.v1")?.isValid(.number(1)) == true)
        #expect(throws: DeltaError.self) {
            try registry.add(id: "other.v1", schema: json(##"{"definitions":{}}"##))
        }
        #expect(registry.schema(id: "other.v1")?.isValid(.number(1)) == true)
        #expect(throws: DeltaError.self) { try registry.remove(id: "other.v1") }
        #expect(try registry.remove(id: "main.v1"))
        #expect(try registry.remove(id: "other.v1"))
    }

    @Test func referencesTheMetaschema() throws {
        let schema = try compiled(##"{"$ref":"http://json-schema.org/draft-07/schema#"}"##)
        #expect(schema.isValid(try json(##"{"type":"string"}"##)))
        #expect(!schema.isValid(try json(##"{"type":"strin"}"##)))
    }

    @Test(arguments: [
        (##"{"$ref":"#/definitions/missing"}"##, "unresolvable $ref '#/definitions/missing': '#/definitions/missing' does not exist in 'test.v1'"),
        (##"{"$ref":"nowhere.v1#/x"}"##, "unresolvable $ref 'nowhere.v1#/x': no schema with id 'nowhere.v1' is registered"),
        (##"{"$ref":"#anchor"}"##, "unresolvable $ref '#anchor': no '$id' anchor '#anchor' in 'test.v1'"),
    ])
    func rejectsUnresolvableReferences(schema: String, message: String) throws {
        do {
            _ = try compiled(schema)
            Issue.record("accepted \(schema)")
        } catch let error as DeltaError {
            #expect(error.code == .badRequest)
            #expect(error.message == message)
        }
    }

    @Test func deepRefLoopsFailCleanly() throws {
        let schema = try compiled(##"{"definitions":{"a":{"$ref":"#/definitions/b"},"b":{"allOf":[{"$ref":"#/definitions/a"}]}},"$ref":"#/definitions/a"}"##)
        let errors = schema.validate(.null)
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("nested deeper") == true)
    }
}
