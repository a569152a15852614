import Testing

@testable import DeltaJSON

/// A JSON Patch can never build more than the size and depth limits allow, and the
/// work it does stays proportional to those limits.
@Suite("JSON Patch size and depth limits")
struct PatchLimitsTests {
    static func patch(_ text: String) throws -> JSONPatch {
        try JSONPatch(JSONParser.parse(text))
    }

    /// 40 rounds of `copy "" → /a`, `copy /a → /b`: 2^40 nodes from a 4 KB body.
    static var copyBomb: String {
        let round = #"{"op":"copy","from":"","path":"/a"},{"op":"copy","from":"/a","path":"/b"}"#
        return "[" + Array(repeating: round, count: 40).joined(separator: ",") + "]"
    }

    @Test("the copy bomb is refused as too large, after a bounded amount of work", .timeLimit(.minutes(1)))
    func copyBomb() throws {
        let failure = #expect(throws: JSONPatch.Failure.self) {
            try Self.patch(Self.copyBomb).apply(to: JSONParser.parse(#"{"x":"0123456789"}"#))
        }
        #expect(failure?.isLimitExceeded == true)
        #expect(failure?.message.contains("larger than 1048576 bytes") == true)
    }

    @Test("a patch that builds exactly up to the limit passes; one byte more is refused")
    func exactLimit() throws {
        let limits = JSONLimits(maxBytes: 30, maxDepth: 8)
        // {"a":"xxxxxxxxxx","b":"xxxxxxxxxx"} is 35 bytes; {"a":"xxxxxxxxxx"} is 18.
        let document = try JSONParser.parse(#"{"a":"xxxxxxxxxx"}"#)
        let fits = try Self.patch(#"[{"op":"add","path":"/b","value":"xxxx"}]"#).apply(to: document, limits: limits)
        #expect(fits.serialized().count == 29)
        let failure = #expect(throws: JSONPatch.Failure.self) {
            try Self.patch(#"[{"op":"add","path":"/b","value":"xxxxxx"}]"#).apply(to: document, limits: limits)
        }
        #expect(failure?.isLimitExceeded == true)
    }

    @Test("replacing and removing large values credits their size: a rewrite near the limit passes")
    func removalsAreCredited() throws {
        let big = String(repeating: "y", count: 600_000)
        let document = JSONValue.object(["text": .string(String(repeating: "x", count: 600_000))])
        let replaced = try Self.patch(#"[{"op":"replace","path":"/text","value":"\#(big)"}]"#).apply(to: document)
        #expect(replaced["text"] == .string(big))
        let moved = try Self.patch(#"[{"op":"remove","path":"/text"},{"op":"add","path":"/t2","value":"\#(big)"}]"#)
            .apply(to: document)
        #expect(moved["t2"] == .string(big))
    }

    @Test("adding a value that would nest too deeply is refused")
    func depth() throws {
        let deep = String(repeating: "[", count: 8) + String(repeating: "]", count: 8)
        let failure = #expect(throws: JSONPatch.Failure.self) {
            try Self.patch(#"[{"op":"add","path":"/a","value":\#(deep)}]"#)
                .apply(to: JSONParser.parse(#"{"a":1}"#), limits: JSONLimits(maxBytes: 1000, maxDepth: 8))
        }
        #expect(failure?.isLimitExceeded == true && failure?.message.contains("deeper than 8") == true)
    }

    @Test("measure stops at the limit and agrees with serialized() below it")
    func measure() throws {
        let value = try JSONParser.parse(#"{"a":[1,true,null,"q\"\n\u0001"],"b":{"c":{}}}"#)
        #expect(value.measure(upTo: 1000)?.bytes == value.serialized().count)
        #expect(value.measure(upTo: 1000)?.depth == 3)
        #expect(value.measure(upTo: 10) == nil)
        #expect(!value.nests(deeperThan: 3) && value.nests(deeperThan: 2))
    }
}
