import Testing
import DeltaSchema

@Suite struct CombinatorTests {
    @Test(arguments: [
        SchemaCase(#"{"allOf":[{"type":"integer"},{"minimum":2}]}"#, "3", true),
        SchemaCase(#"{"allOf":[{"type":"integer"},{"minimum":2}]}"#, "1", false),
        SchemaCase(#"{"anyOf":[{"type":"string"},{"minimum":2}]}"#, "\"x\"", true),
        SchemaCase(#"{"anyOf":[{"type":"string"},{"minimum":2}]}"#, "1", false),
        SchemaCase(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "1", true),
        SchemaCase(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "3", false),
        SchemaCase(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "1.5", false),
        SchemaCase(#"{"not":{"type":"null"}}"#, "1", true),
        SchemaCase(#"{"not":{"type":"null"}}"#, "null", false),
        SchemaCase(#"{"if":{"minimum":10},"then":{"multipleOf":5},"else":{"multipleOf":2}}"#, "15", true),
        SchemaCase(#"{"if":{"minimum":10},"then":{"multipleOf":5},"else":{"multipleOf":2}}"#, "12", false),
        SchemaCase(#"{"if":{"minimum":10},"then":{"multipleOf":5},"else":{"multipleOf":2}}"#, "4", true),
        SchemaCase(#"{"if":{"minimum":10},"then":{"multipleOf":5},"else":{"multipleOf":2}}"#, "3", false),
        SchemaCase(#"{"if":{"minimum":10},"then":false}"#, "3", true),
        SchemaCase(#"{"then":false}"#, "3", true),  // then without if is ignored
        SchemaCase(#"{"else":false}"#, "3", true),
    ])
    func combinators(_ testCase: SchemaCase) throws { try expectCase(testCase) }
}
