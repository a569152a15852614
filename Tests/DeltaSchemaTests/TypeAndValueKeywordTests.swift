import Testing
import DeltaSchema

@Suite struct TypeAndValueKeywordTests {
    @Test(arguments: [
        SchemaCase(#"{"type":"integer"}"#, "1", true),
        SchemaCase(#"{"type":"integer"}"#, "1.0", true),
        SchemaCase(#"{"type":"integer"}"#, "1e2", true),
        SchemaCase(#"{"type":"integer"}"#, "1.5", false),
        SchemaCase(#"{"type":"integer"}"#, "123456789012345678901234567890", true),
        SchemaCase(#"{"type":"number"}"#, "1", true),
        SchemaCase(#"{"type":"number"}"#, "\"1\"", false),
        SchemaCase(#"{"type":"string"}"#, "\"x\"", true),
        SchemaCase(#"{"type":"string"}"#, "1", false),
        SchemaCase(#"{"type":"boolean"}"#, "false", true),
        SchemaCase(#"{"type":"boolean"}"#, "0", false),
        SchemaCase(#"{"type":"null"}"#, "null", true),
        SchemaCase(#"{"type":"null"}"#, "false", false),
        SchemaCase(#"{"type":"array"}"#, "[]", true),
        SchemaCase(#"{"type":"array"}"#, "{}", false),
        SchemaCase(#"{"type":"object"}"#, "{}", true),
        SchemaCase(#"{"type":"object"}"#, "[]", false),
        SchemaCase(#"{"type":["string","null"]}"#, "null", true),
        SchemaCase(#"{"type":["string","null"]}"#, "1", false),
    ])
    func type(_ testCase: SchemaCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        SchemaCase(#"{"enum":[1,"a",null,{"x":[1]}]}"#, "1.0", true),
        SchemaCase(#"{"enum":[1,"a",null,{"x":[1]}]}"#, #"{"x":[1.0]}"#, true),
        SchemaCase(#"{"enum":[1,"a",null,{"x":[1]}]}"#, "true", false),
        SchemaCase(#"{"enum":[false]}"#, "0", false),
        SchemaCase(#"{"enum":[0]}"#, "false", false),
        SchemaCase(#"{"enum":["a"]}"#, "\"b\"", false),
        SchemaCase(#"{"enum":[[1,2]]}"#, "[2,1]", false),
        SchemaCase(#"{"const":{"a":1,"b":2}}"#, #"{"b":2,"a":1}"#, true),
        SchemaCase(#"{"const":{"a":1}}"#, #"{"a":1,"b":2}"#, false),
        SchemaCase(#"{"const":null}"#, "null", true),
        SchemaCase(#"{"const":null}"#, "false", false),
        SchemaCase(#"{"const":1}"#, "true", false),
        SchemaCase(#"{"const":"\u00e9"}"#, "\"e\\u0301\"", false),
    ])
    func enumAndConst(_ testCase: SchemaCase) throws { try expectCase(testCase) }

    @Test(arguments: [
        SchemaCase("true", "{}", true),
        SchemaCase("false", "null", false),
        SchemaCase("{}", "[1]", true),
        SchemaCase(#"{"properties":{"a":false}}"#, #"{"a":1}"#, false),
        SchemaCase(#"{"properties":{"a":false}}"#, #"{"b":1}"#, true),
        SchemaCase(#"{"items":true}"#, "[1,\"x\"]", true),
    ])
    func booleanSchemas(_ testCase: SchemaCase) throws { try expectCase(testCase) }
}
