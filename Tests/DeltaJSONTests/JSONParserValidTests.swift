import Testing
import DeltaJSON

@Suite struct JSONParserValidTests {
    @Test(arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        (" \t\r\n0 \n", 0),
        ("-0", 0),
        ("\"\"", ""),
        ("[]", []),
        ("{}", [:]),
        ("[1,[2,[3]]]", [1, [2, [3]]]),
        ("{\"a\":{\"b\":[true,null]}}", ["a": ["b": [true, nil]]]),
        ("\"\\u00e9\\n\\t\\\"\\\\\\/\\b\\f\\r\"", "é\n\t\"\\/\u{8}\u{C}\r"),
        ("\"\\ud83d\\ude00\"", "😀"),
        ("\"😀é中\"", "😀é中"),
        ("\"\\u0000\"", "\u{0}"),
    ] as [(String, JSONValue)])
    func parsesValidDocuments(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text) == expected)
    }

    @Test func numbersKeepTheirLiteral() throws {
        for literal in ["0", "-1", "1.50", "1e2", "1E+2", "-0.0e-0", "123456789012345678901234567890",
                        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1e400"] {
            let value = try JSONParser.parse(literal)
            #expect(value.numberValue?.literal == literal)
            #expect(String(decoding: value.serialized(), as: UTF8.self) == literal)
        }
    }

    @Test func objectsKeepMemberOrderAndLookUpByName() throws {
        let text = "{\"z\":1,\"a\":2,\"m\":3,\"k1\":4,\"k2\":5,\"k3\":6,\"k4\":7,\"k5\":8,\"k6\":9,\"k7\":10}"
        guard case .object(let object) = try JSONParser.parse(text) else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["z", "a", "m", "k1", "k2", "k3", "k4", "k5", "k6", "k7"])
        #expect(object["k7"] == 10)
        #expect(object["missing"] == nil)
        #expect(object.count == 10)
    }

    @Test func acceptsTheMaximumDepth() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser.parse(text, maxDepth: 64) }
    }

    @Test func parsesByteCollectionsAndRawBuffers() throws {
        let bytes: [UInt8] = Array("{\"a\":[1,2]}".utf8)
        #expect(try JSONParser.parse(bytes[...]) == ["a": [1, 2]])
        let viaRaw = try bytes.withUnsafeBytes { raw in try JSONParser.parse(raw) }
        #expect(viaRaw == ["a": [1, 2]])
    }

    @Test func distinguishesNamesByCodePoints() throws {
        let value = try JSONParser.parse("{\"\u{E9}\":1,\"e\u{301}\":2}")
        #expect(value.objectValue?.count == 2)
        #expect(value["\u{E9}"] == 1)
        #expect(value["e\u{301}"] == 2)
    }
}
