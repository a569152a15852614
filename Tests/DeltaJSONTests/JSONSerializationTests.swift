import Testing
import DeltaJSON

@Suite struct JSONSerializationTests {
    private func text(_ value: JSONValue) -> String {
        String(decoding: value.serialized(), as: UTF8.self)
    }

    @Test func writesCompactJSONInMemberOrder() throws {
        let input = " { \"b\" : [ 1 , 2.50 , -3e2 ] , \"a\" : { } , \"c\" : null , \"d\" : [ true , false ] } "
        #expect(text(try JSONParser.parse(input)) == "{\"b\":[1,2.50,-3e2],\"a\":{},\"c\":null,\"d\":[true,false]}")
    }

    @Test func escapesStringsPerRFC8259() {
        let value: JSONValue = .string("q\"b\\n\nr\rt\tb\u{8}f\u{C}z\u{0}e\u{1F}é😀/")
        #expect(text(value) == "\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\fz\\u0000e\\u001fé😀/\"")
    }

    @Test(arguments: [
        "{\"messages\":[{\"role\":\"user\",\"content\":\"hi \\\"there\\\"\"}]}",
        "[1,1.0,1e2,-0,123456789012345678901234567890,0.1]",
        "\"\\u0001\\u001f\"",
        "{\"\\u0000\":[[],{}],\"😀\":\"é\"}",
    ])
    func roundTrips(original: String) throws {
        let parsed = try JSONParser.parse(original)
        #expect(text(parsed) == original)
        #expect(try JSONParser.parse(parsed.serialized()) == parsed)
    }

    @Test func roundTripsEscapedInput() throws {
        let parsed = try JSONParser.parse("\"\\u00e9\\/\\ud83d\\ude00\"")
        #expect(text(parsed) == "\"é/😀\"")
    }

    @Test func descriptionIsTheSerialisation() {
        let value: JSONValue = ["a": [1, "x", nil]]
        #expect(value.description == "{\"a\":[1,\"x\",null]}")
    }
}
