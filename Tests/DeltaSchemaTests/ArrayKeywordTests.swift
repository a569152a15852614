import Testing
import DeltaSchema

@Suite struct ArrayKeywordTests {
    @Test(arguments: [
        SchemaCase(#"{"items":{"type":"integer"}}"#, "[1,2,3]", true),
        SchemaCase(#"{"items":{"type":"integer"}}"#, "[1,\"2\"]", false),
        SchemaCase(#"{"items":[{"type":"string"},{"type":"integer"}]}"#, "[\"a\",1,{}]", true),
        SchemaCase(#"{"items":[{"type":"string"},{"type":"integer"}]}"#, "[1]", false),
        SchemaCase(#"{"items":[{"type":"string"}],"additionalItems":false}"#, "[\"a\",1]", false),
        SchemaCase(#"{"items":[{"type":"string"}],"additionalItems":{"type":"integer"}}"#, "[\"a\",1,2]", true),
        SchemaCase(#"{"items":[{"type":"string"}],"additionalItems":{"type":"integer"}}"#, "[\"a\",\"b\"]", false),
        SchemaCase(#"{"items":{},"additionalItems":false}"#, "[1,2]", true),  // ignored without array items
        SchemaCase(#"{"maxItems":2}"#, "[1,2,3]", false),
        SchemaCase(#"{"minItems":2}"#, "[1]", false),
        SchemaCase(#"{"minItems":2}"#, "[1,2]", true),
        SchemaCase(#"{"uniqueItems":true}"#, "[1,2,1.0]", false),
        SchemaCase(#"{"uniqueItems":true}"#, #"[{"a":1,"b":2},{"b":2,"a":1}]"#, false),
        SchemaCase(#"{"uniqueItems":true}"#, "[1,true,0,false,null,\"1\"]", true),
        SchemaCase(#"{"uniqueItems":true}"#, "[[1],[true]]", true),
        SchemaCase(#"{"uniqueItems":false}"#, "[1,1]", true),
        SchemaCase(#"{"uniqueItems":true}"#, "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,3.0]", false),
        SchemaCase(#"{"contains":{"const":3}}"#, "[1,3]", true),
        SchemaCase(#"{"contains":{"const":3}}"#, "[1,2]", false),
        SchemaCase(#"{"contains":{"const":3}}"#, "[]", false),
        SchemaCase(#"{"contains":true}"#, "[]", false),
        SchemaCase(#"{"contains":false}"#, "\"not an array\"", true),
    ])
    func arrayKeywords(_ testCase: SchemaCase) throws { try expectCase(testCase) }
}
