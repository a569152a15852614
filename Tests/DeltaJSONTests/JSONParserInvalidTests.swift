import Testing
import DeltaJSON

@Suite struct JSONParserInvalidTests {
    /// Each input with the reason it must fail for and the byte offset.
    @Test(arguments: [
        ("", "unexpected end of input, expected a value", 0),
        ("   ", "unexpected end of input, expected a value", 3),
        ("[1,]", "unexpected ']', expected a value", 3),
        ("{\"a\":1,}", "unexpected '}', expected a member name", 7),
        ("{,}", "unexpected ',', expected a member name", 1),
        ("[1 2]", "unexpected '2', expected ',' or ']'", 3),
        ("{\"a\" 1}", "unexpected '1', expected ':'", 5),
        ("{\"a\":1 \"b\":2}", "unexpected '\"', expected ',' or '}'", 7),
        ("}", "unexpected '}', expected a value", 0),
        ("[1]]", "unexpected ']', expected the end of input", 3),
        ("1 2", "unexpected '2', expected the end of input", 2),
        ("// c\n1", "unexpected '/', expected a value", 0),
        ("[1 /* c */]", "unexpected '/', expected ',' or ']'", 3),
        ("01", "invalid number, leading zeros are not allowed", 0),
        ("-01", "invalid number, leading zeros are not allowed", 0),
        ("-", "invalid number, expected a digit", 1),
        ("1.", "invalid number, expected a digit after '.'", 2),
        (".5", "unexpected '.', expected a value", 0),
        ("+1", "unexpected '+', expected a value", 0),
        ("1e", "invalid number, expected a digit in the exponent", 2),
        ("NaN", "unexpected 'N', expected a value", 0),
        ("Infinity", "unexpected 'I', expected a value", 0),
        ("-Infinity", "invalid number, expected a digit", 1),
        ("tru", "invalid literal, expected 'true'", 0),
        ("nul", "invalid literal, expected 'null'", 0),
        ("'a'", "unexpected ''', expected a value", 0),
        ("\"abc", "unterminated string", 0),
        ("\"a\nb\"", "unescaped control character U+000A in string", 2),
        ("\"\t\"", "unescaped control character U+0009 in string", 1),
        ("\"\\x\"", "invalid escape sequence", 1),
        ("\"\\u12G4\"", "invalid \\u escape", 1),
        ("\"\\ud800\"", "lone high surrogate in \\u escape", 1),
        ("\"\\ud800\\u0041\"", "lone high surrogate in \\u escape", 1),
        ("\"\\udc00\"", "lone low surrogate in \\u escape", 1),
        ("{\"a\":1,\"a\":2}", "duplicate member \"a\"", 7),
        ("\u{FEFF}1", "unexpected byte 0xEF, expected a value", 0),
    ] as [(String, String, Int)])
    func rejects(text: String, reason: String, offset: Int) {
        #expect(throws: JSONParseError(offset: offset, reason: reason)) { try JSONParser.parse(text) }
    }

    @Test(arguments: [
        ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong '/'
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // UTF-8 encoded surrogate U+D800
        ([0x22, 0x61, 0xFF, 0x22], 2),  // byte that never occurs in UTF-8
        ([0x22, 0x80, 0x22], 1),  // stray continuation byte
        ([0x22, 0xE2, 0x82, 0x22], 1),  // truncated sequence
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),  // overlong three-byte form
        ([0x22, 0x5C, 0x6E, 0xC3, 0x28, 0x22], 3),  // invalid after an escape
        ([0x22, 0xC3], 1),  // truncated at the end of input
    ] as [([UInt8], Int)])
    func rejectsInvalidUTF8(bytes: [UInt8], offset: Int) {
        #expect(throws: JSONParseError(offset: offset, reason: "invalid UTF-8")) { try JSONParser.parse(bytes) }
    }

    @Test func rejectsInvalidBytesOutsideStrings() {
        #expect(throws: JSONParseError(offset: 1, reason: "unexpected byte 0xFF, expected a value")) {
            try JSONParser.parse([0x5B, 0xFF])
        }
    }

    @Test func rejectsDuplicatesInLargeObjects() {
        let members = (0..<20).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let text = "{\(members),\"k3\":0}"
        #expect(throws: JSONParseError(offset: text.utf8.count - 7, reason: "duplicate member \"k3\"")) {
            try JSONParser.parse(text)
        }
    }

    @Test func limitsNestingDepth() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONParseError(offset: 64, reason: "nesting deeper than 64 levels")) {
            try JSONParser.parse(text)
        }
        let objects = String(repeating: "{\"a\":", count: 3) + "1}}}"
        #expect(throws: JSONParseError(offset: 10, reason: "nesting deeper than 2 levels")) {
            try JSONParser.parse(objects, maxDepth: 2)
        }
    }

    @Test func hostileDepthFailsCleanlyWithoutRecursion() {
        let text = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError(offset: 64, reason: "nesting deeper than 64 levels")) {
            try JSONParser.parse(text)
        }
        // Even with no practical limit the parser does not recurse.
        #expect(throws: JSONParseError(offset: 100_000, reason: "unexpected end of input, expected a value")) {
            try JSONParser.parse(text, maxDepth: .max)
        }
    }

    @Test func errorDescriptionIncludesTheOffset() {
        #expect(JSONParseError(offset: 3, reason: "unexpected '}'").description == "unexpected '}' at byte 3")
    }
}
