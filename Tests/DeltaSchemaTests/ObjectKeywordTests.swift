import Testing
import DeltaSchema

@Suite struct ObjectKeywordTests {
    @Test(arguments: [
        SchemaCase(#"{"required":["a","b"]}"#, #"{"a":1,"b":null}"#, true),
        SchemaCase(#"{"required":["a","b"]}"#, #"{"a":1}"#, false),
        SchemaCase(#"{"required":["a"]}"#, "[\"a\"]", true),
        SchemaCase(#"{"maxProperties":1}"#, #"{"a":1,"b":2}"#, false),
        SchemaCase(#"{"minProperties":1}"#, "{}", false),
        SchemaCase(#"{"properties":{"a":{"type":"string"}}}"#, #"{"a":"x","b":1}"#, true),
        SchemaCase(#"{"properties":{"a":{"type":"string"}}}"#, #"{"a":1}"#, false),
        SchemaCase(#"{"patternProperties":{"^x-":{"type":"integer"}}}"#, #"{"x-a":1,"y":"s"}"#, true),
        SchemaCase(#"{"patternProperties":{"^x-":{"type":"integer"}}}"#, #"{"x-a":"s"}"#, false),
        SchemaCase(#"{"properties":{"a":{}},"additionalProperties":false}"#, #"{"a":1}"#, true),
        SchemaCase(#"{"properties":{"a":{}},"additionalProperties":false}"#, #"{"a":1,"b":2}"#, false),
        SchemaCase(#"{"properties":{"a":{}},"patternProperties":{"^b":{}},"additionalProperties":false}"#,
                   #"{"a":1,"bb":2}"#, true),
        SchemaCase(#"{"additionalProperties":{"type":"number"}}"#, #"{"a":1,"b":"x"}"#, false),
        SchemaCase(#"{"properties":{"\u00e9":{}},"additionalProperties":false}"#, "{\"e\\u0301\":1}", false),
        SchemaCase(#"{"dependencies":{"a":["b"]}}"#, #"{"a":1}"#, false),
        SchemaCase(#"{"dependencies":{"a":["b"]}}"#, #"{"a":1,"b":1}"#, true),
        SchemaCase(#"{"dependencies":{"a":["b"]}}"#, #"{"b":1}"#, true),
        SchemaCase(#"{"dependencies":{"a":{"required":["c"]}}}"#, #"{"a":1}"#, false),
        SchemaCase(#"{"dependencies":{"a":{"required":["c"]}}}"#, #"{"a":1,"c":1}"#, true),
        SchemaCase(#"{"dependencies":{"a":[]}}"#, #"{"a":1}"#, true),
        SchemaCase(#"{"propertyNames":{"maxLength":3}}"#, #"{"abc":1}"#, true),
        SchemaCase(#"{"propertyNames":{"maxLength":3}}"#, #"{"abcd":1}"#, false),
        SchemaCase(#"{"propertyNames":false}"#, "{}", true),
        SchemaCase(#"{"propertyNames":{"pattern":"^[a-z]+$"}}"#, #"{"ok":1,"NO":2}"#, false),
    ])
    func objectKeywords(_ testCase: SchemaCase) throws { try expectCase(testCase) }
}
