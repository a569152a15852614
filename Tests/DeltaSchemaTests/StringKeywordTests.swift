import Testing
import DeltaSchema

@Suite struct StringKeywordTests {
    @Test(arguments: [
        SchemaCase(#"{"maxLength":2}"#, "\"ab\"", true),
        SchemaCase(#"{"maxLength":2}"#, "\"abc\"", false),
        SchemaCase(#"{"maxLength":2}"#, "\"😀😀\"", true),  // code points, not UTF-16 units or bytes
        SchemaCase(#"{"maxLength":1}"#, "\"e\\u0301\"", false),  // two code points, one grapheme
        SchemaCase(#"{"minLength":2}"#, "\"é\"", false),
        SchemaCase(#"{"minLength":2}"#, "\"éé\"", true),
        SchemaCase(#"{"minLength":3}"#, "3", true),
        SchemaCase(#"{"pattern":"^a+$"}"#, "\"aaa\"", true),
        SchemaCase(#"{"pattern":"^a+$"}"#, "\"aab\"", false),
        SchemaCase(#"{"pattern":"b"}"#, "\"abc\"", true),  // search, not full match
        SchemaCase(#"{"pattern":"^[a-z]{2,3}\\d$"}"#, "\"ab1\"", true),
        SchemaCase(#"{"pattern":"^[a-z]{2,3}\\d$"}"#, "\"abcd1\"", false),
        SchemaCase(#"{"pattern":"^\\p{Lu}"}"#, "\"Émile\"", true),
        SchemaCase(#"{"pattern":"x"}"#, "1", true),
    ])
    func stringKeywords(_ testCase: SchemaCase) throws { try expectCase(testCase) }
}
