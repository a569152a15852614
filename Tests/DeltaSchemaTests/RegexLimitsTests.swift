import DeltaCore
import DeltaJSON
import Testing
import DeltaSchema

/// Issue 21, item 3: patterns are parsed and compiled in bounded depth and work.
@Suite struct RegexLimitsTests {
    static let deep = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)

    @Test func deeplyNestedGroupsAreRejectedNotAStackOverflow() {
        #expect(throws: ECMARegexError.self) { try ECMARegex(Self.deep) }
        #expect(throws: ECMARegexError.self) { try ECMARegex(String(repeating: "(?:", count: 300) + String(repeating: ")", count: 300)) }
        #expect(throws: Never.self) { try ECMARegex(String(repeating: "(?:", count: 100) + "a" + String(repeating: ")", count: 100)) }
    }

    @Test func deeplyNestedPatternIsASchemaError() throws {
        let schema = JSONValue.object(JSONObject([("pattern", .string(Self.deep))]))
        do {
            _ = try SchemaRegistry().add(id: "deep.v1", schema: schema)
            Issue.record("expected the schema to be rejected")
        } catch {
            #expect(error.code == .badRequest)
            #expect(error.message.contains("regex"))
            #expect(error.message.unicodeScalars.count < 500)
        }
    }

    @Test func deeplyNestedStringIsNotAValidRegexFormat() throws {
        let schema = try SchemaCompiler.compile(.object(JSONObject([("format", .string("regex"))])))
        #expect(schema.isValid(.string(Self.deep)) == false)
        #expect(schema.isValid(.string("^(a|b)+$")) == true)
    }

    @Test func overlongPatternIsRejected() {
        #expect(throws: ECMARegexError.self) { try ECMARegex(String(repeating: "a", count: ECMARegex.maxPatternLength + 1)) }
    }

    @Test(.timeLimit(.minutes(1))) func repeatingAnEmptyGroupCannotHangTheCompiler() {
        // 10^12 empty repetitions: refused (or compiled) at once, never looped through.
        _ = try? ECMARegex("((?:){1000000}){1000000}")
        _ = try? ECMARegex("(?:(?:(?:){1000000}){1000000}){1000000}")
    }
}
