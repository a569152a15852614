import Testing
import DeltaJSON

@Suite struct JSONValueTests {
    @Test func equalityIsJSONEquality() {
        #expect(JSONValue.number(1) == .number(JSONNumber(literal: "1.0")!))
        #expect((["a": 1, "b": 2] as JSONValue) == (["b": 2, "a": 1] as JSONValue))
        #expect(([1, 2] as JSONValue) != ([2, 1] as JSONValue))
        #expect(JSONValue.bool(true) != .number(1))
        #expect(JSONValue.bool(false) != .number(0))
        #expect(JSONValue.string("\u{E9}") != .string("e\u{301}"))
        #expect(JSONValue.null != .bool(false))
        #expect((["a": [1]] as JSONValue) != (["a": [1], "b": 1] as JSONValue))
    }

    @Test func hashIsConsistentWithEquality() {
        let values: [JSONValue] = [["a": 1, "b": 2], ["b": 2.0, "a": 1.0], [1, 2], [1.0, 2], "x", nil]
        #expect(Set(values).count == 4)
    }

    @Test func objectSubscriptSetsAndRemoves() {
        var object = JSONObject()
        for index in 0..<12 { object["k\(index)"] = .number(JSONNumber(index)) }
        object["k3"] = "three"
        object["k5"] = nil
        #expect(object.count == 11)
        #expect(object["k3"] == "three")
        #expect(object["k5"] == nil)
        #expect(object["k11"] == 11)
        #expect(object.keys.first == "k0")
        #expect(object.keys.last == "k11")
    }

    @Test func accessorsReturnTheirCase() {
        let value: JSONValue = ["s": "x", "n": 2, "b": true, "a": [], "o": [:], "z": nil]
        #expect(value["s"]?.stringValue == "x")
        #expect(value["n"]?.numberValue?.int == 2)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?.arrayValue?.isEmpty == true)
        #expect(value["o"]?.objectValue?.isEmpty == true)
        #expect(value["z"]?.isNull == true)
        #expect(value["s"]?.numberValue == nil)
        #expect(value["n"]?.typeName == "number")
    }
}
