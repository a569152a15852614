import Testing
import DeltaSchema

@Suite struct NumberKeywordTests {
    @Test(arguments: [
        SchemaCase(#"{"multipleOf":2}"#, "10", true),
        SchemaCase(#"{"multipleOf":2}"#, "7", false),
        SchemaCase(#"{"multipleOf":2}"#, "4.0", true),
        SchemaCase(#"{"multipleOf":0.5}"#, "4.5", true),
        SchemaCase(#"{"multipleOf":0.5}"#, "4.25", false),
        SchemaCase(#"{"multipleOf":0.01}"#, "0.07", false),  // as Python jsonschema: float quotient 7.000000000000001
        SchemaCase(#"{"multipleOf":0.0001}"#, "0.0075", true),
        SchemaCase(#"{"multipleOf":10}"#, "123456789012345678901234567890", true),
        SchemaCase(#"{"multipleOf":11}"#, "123456789012345678901234567890", false),
        SchemaCase(#"{"multipleOf":2}"#, "\"x\"", true),
        SchemaCase(#"{"maximum":10}"#, "10", true),
        SchemaCase(#"{"maximum":10}"#, "10.0001", false),
        SchemaCase(#"{"maximum":9007199254740992.0}"#, "9007199254740993", false),
        SchemaCase(#"{"exclusiveMaximum":10}"#, "10", false),
        SchemaCase(#"{"exclusiveMaximum":10}"#, "9.999", true),
        SchemaCase(#"{"minimum":-1.5}"#, "-1.5", true),
        SchemaCase(#"{"minimum":-1.5}"#, "-2", false),
        SchemaCase(#"{"exclusiveMinimum":0}"#, "0", false),
        SchemaCase(#"{"exclusiveMinimum":0}"#, "-0.0", false),
        SchemaCase(#"{"exclusiveMinimum":0}"#, "1e-300", true),
        SchemaCase(#"{"minimum":1e400}"#, "1e308", false),
        SchemaCase(#"{"maximum":0}"#, "\"5\"", true),
    ])
    func numericKeywords(_ testCase: SchemaCase) throws { try expectCase(testCase) }
}
