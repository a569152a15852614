import DeltaJSON
import Testing
import DeltaSchema

/// A throughput measurement, not a test: it prints validations per second and
/// asserts nothing about speed. Enabled only with `DELTADB_SCHEMA_BENCH=1`;
/// run it in release mode:
/// `DELTADB_SCHEMA_BENCH=1 swift test -c release --filter SchemaBenchmark`.
@Suite struct SchemaBenchmark {
    static let enabled = environment("DELTADB_SCHEMA_BENCH") == "1"

    static let schema = #"""
    {"$id":"chat.v1","type":"object","required":["messages"],"additionalProperties":false,
     "properties":{"messages":{"type":"array","maxItems":1000,"items":{"type":"object","required":["role","content"],
     "properties":{"role":{"type":"string","enum":["user","assistant","system"]},
                   "content":{"type":"string","maxLength":4000}}}}}}
    """#

    static func chatDocument() -> String {
        let roles = ["system", "user", "assistant"]
        let messages = (0..<8).map { index in
            #"{"role":"\#(roles[index % 3])","content":"Message number \#(index): the quick brown fox jumps over the lazy dog, again and again and again."}"#
        }
        return #"{"messages":[\#(messages.joined(separator: ","))]}"#
    }

    @Test(.enabled(if: enabled)) func chatDocumentThroughput() throws {
        let compiled = try SchemaRegistry().add(id: "chat.v1", schema: JSONParser.parse(Self.schema))
        let text = Self.chatDocument()
        let bytes = Array(text.utf8)
        let instance = try JSONParser.parse(bytes)
        #expect(compiled.isValid(instance))
        let clock = ContinuousClock()
        func rate(_ label: String, iterations: Int, _ body: () -> Bool) {
            var ok = true
            let elapsed = clock.measure {
                for _ in 0..<iterations { ok = body() && ok }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("\(label): \(Int(Double(iterations) / seconds)) per second (\(bytes.count)-byte document, ok=\(ok))")
        }
        rate("isValid", iterations: 300_000) { compiled.isValid(instance) }
        rate("validate", iterations: 300_000) { compiled.validate(instance).isEmpty }
        rate("parse", iterations: 100_000) { (try? JSONParser.parse(bytes)) != nil }
        rate("parse+validate", iterations: 100_000) {
            guard let parsed = try? JSONParser.parse(bytes) else { return false }
            return compiled.validate(parsed).isEmpty
        }
    }
}
