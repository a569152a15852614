import DeltaCore
import DeltaJSON
import Testing
import DeltaSchema

/// One keyword test: a schema, an instance, and whether it must be valid.
struct SchemaCase: CustomTestStringConvertible, Sendable {
    var schema: String
    var instance: String
    var valid: Bool

    init(_ schema: String, _ instance: String, _ valid: Bool) {
        self.schema = schema
        self.instance = instance
        self.valid = valid
    }

    var testDescription: String { "\(schema) ⟵ \(instance) → \(valid ? "valid" : "invalid")" }
}

func json(_ text: String) throws -> JSONValue {
    try JSONParser.parse(text)
}

/// Compiles `schema` through a registry (so the metaschema check runs too).
func compiled(_ schema: String, id: String = "test.v1") throws -> CompiledSchema {
    try SchemaRegistry().add(id: id, schema: json(schema))
}

/// Checks a case both ways: `isValid` and `validate` must agree with the expectation.
func expectCase(_ testCase: SchemaCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let schema = try compiled(testCase.schema)
    let instance = try json(testCase.instance)
    let errors = schema.validate(instance)
    #expect(schema.isValid(instance) == testCase.valid, "isValid", sourceLocation: sourceLocation)
    #expect(errors.isEmpty == testCase.valid, "errors: \(errors)", sourceLocation: sourceLocation)
}
