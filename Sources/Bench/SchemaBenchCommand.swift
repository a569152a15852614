import ArgumentParser
import DeltaJSON
import DeltaSchema
import Foundation

/// Validations per second for a 1 KiB chat document against the chat.v1 schema,
/// on one core (one thread), with the schema compiled once as the server does.
struct SchemaBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "JSON Schema validations per second for a 1 KiB chat document, one core."
    )

    @Option(help: "Seconds to measure each workload.")
    var seconds = 2.0

    @Option(help: "Where to write the results as JSON (directories are created).")
    var json = "bench/results/schema.json"

    func run() throws {
        let compiled = try SchemaRegistry().add(id: "chat.v1", schema: JSONParser.parse(ChatWorkload.schema))
        let bytes = Array(ChatWorkload.document(targetBytes: 1024).utf8)
        let instance = try JSONParser.parse(bytes)
        guard compiled.isValid(instance) else { throw ValidationError("the benchmark document must be valid") }

        let rows = [
            Measurement.run("isValid (first error stops)", seconds: seconds) { compiled.isValid(instance) },
            Measurement.run("validate (every error)", seconds: seconds) { compiled.validate(instance).isEmpty },
            Measurement.run("parse + validate", seconds: seconds) {
                guard let parsed = try? JSONParser.parse(bytes) else { return false }
                return compiled.validate(parsed).isEmpty
            },
        ]
        print("JSON Schema validation, \(bytes.count)-byte chat document, one thread")
        print("workload".padding(toLength: 30, withPad: " ", startingAt: 0) + "      ops/s")
        for row in rows {
            print(row.name.padding(toLength: 30, withPad: " ", startingAt: 0) + String(format: "%11.0f", row.opsPerSecond))
        }
        try Measurement.write(rows, documentBytes: bytes.count, to: json)
        print("wrote \(json)")
    }
}

/// The chat.v1 schema and documents of a chosen size for it.
enum ChatWorkload {
    static let schema = #"""
    {"$id":"chat.v1","type":"object","required":["messages"],"additionalProperties":false,
     "properties":{"messages":{"type":"array","maxItems":1000,"items":{"type":"object","required":["role","content"],
     "properties":{"role":{"type":"string","enum":["user","assistant","system"]},
                   "content":{"type":"string","maxLength":4000}}}}}}
    """#

    /// A valid chat document of about `targetBytes` bytes (never less).
    static func document(targetBytes: Int) -> String {
        let roles = ["system", "user", "assistant"]
        var messages: [String] = []
        var text = ""
        while text.utf8.count < targetBytes {
            let index = messages.count
            messages.append(#"{"role":"\#(roles[index % 3])","content":"Message \#(index): the quick brown fox jumps over the lazy dog."}"#)
            text = #"{"messages":[\#(messages.joined(separator: ","))]}"#
        }
        return text
    }
}
