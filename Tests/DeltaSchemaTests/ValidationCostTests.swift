import DeltaCore
import DeltaJSON
import Testing
import DeltaSchema

/// Issue 21, item 2: validating one document costs a bounded amount of CPU
/// and memory, whatever the schema and the document.
@Suite struct ValidationCostTests {
    @Test func alternationUnderAStarIsAnsweredInLinearTime() throws {
        // A backtracker needs ~fib(30) steps for this; the answer is a plain "no".
        #expect(try ECMARegex("(a|aa)*c").matches(String(repeating: "a", count: 30)) == false)
        #expect(try ECMARegex("^(a+)+$").matches(String(repeating: "a", count: 5_000) + "b") == false)
        #expect(try ECMARegex("^(a|a)*$").matches(String(repeating: "a", count: 5_000)) == true)
    }

    @Test func manyHardStringsAreJudgedNotGivenUp() throws {
        let schema = try compiled(#"{"items":{"pattern":"(a|aa)*c"}}"#)
        let string = String(repeating: "a", count: 30)
        let errors = schema.validate(.array(Array(repeating: .string(string), count: 50)))
        #expect(errors.count == 50)
        #expect(errors.allSatisfy { $0.message.hasPrefix("string does not match the pattern") })
    }

    @Test func reportedErrorsAreCappedAndSayMoreWereOmitted() throws {
        let schema = try compiled(#"{"items":{"type":"string"}}"#)
        let errors = schema.validate(.array(Array(repeating: .number(JSONNumber(1)), count: 250_000)))
        #expect(errors.count <= ValidationLimits.default.maxErrors + 1)
        #expect(errors.last?.message.contains("omitted") == true)
    }

    @Test func messagesDoNotRepeatAHugePattern() throws {
        let members = (0..<20_000).map { String(Character(Unicode.Scalar(0x4E00 + $0)!)) }.joined()
        let pattern = "^[" + members + "]$"
        let schema = try SchemaCompiler.compile(.object(JSONObject([("items", .object(JSONObject([("pattern", .string(pattern))])))])))
        let errors = schema.validate(.array(Array(repeating: .string("x"), count: 1_000)))
        let total = errors.reduce(0) { $0 + $1.message.utf8.count + $1.instancePointer.utf8.count }
        #expect(errors.count <= ValidationLimits.default.maxErrors + 1)
        #expect(errors.allSatisfy { $0.message.unicodeScalars.count < 300 })
        #expect(total < 64 * 1024)
    }

    /// 2^40 evaluations through `allOf` pairs: without a budget this never ends.
    static let exponential: String = {
        var definitions: [String] = []
        for level in 0..<40 {
            let next = "{\"$ref\":\"#/definitions/d\(level + 1)\"}"
            definitions.append("\"d\(level)\":{\"allOf\":[\(next),\(next)]}")
        }
        definitions.append("\"d40\":{\"type\":\"string\"}")
        return "{\"definitions\":{\(definitions.joined(separator: ","))},\"$ref\":\"#/definitions/d0\"}"
    }()

    /// A smaller budget than the default keeps the test quick in debug builds.
    static let limits = ValidationLimits(maxSteps: 1_000_000, maxErrors: 100, maxReportBytes: 256 * 1024)

    @Test(.timeLimit(.minutes(1))) func exponentialSchemaStopsAtTheBudget() throws {
        let schema = try compiled(Self.exponential)
        #expect(ValidationLimits.default.maxSteps <= 20_000_000)
        #expect(schema.isValid(.string("x"), limits: Self.limits) == false)
        let capped = schema.validate(.number(JSONNumber(1)), limits: Self.limits)
        #expect(capped.last?.message.contains("omitted") == true)
        let errors = schema.validate(.string("x"), limits: Self.limits)
        #expect(errors.count <= ValidationLimits.default.maxErrors + 1)
        let last = try #require(errors.last)
        #expect(last.message.contains("work limit"))
        do {
            try schema.check(.string("x"), limits: Self.limits)
            Issue.record("expected the budget to run out")
        } catch {
            #expect(error.code == .validationBudgetExceeded)
        }
    }

    @Test(.timeLimit(.minutes(1))) func hugeEnumAgainstManyItemsStopsAtTheBudget() throws {
        let allowed = (0..<50_000).map { JSONValue.string("v\($0)") }
        let schema = try SchemaCompiler.compile(.object(JSONObject([
            ("items", .object(JSONObject([("enum", .array(allowed))]))),
        ])))
        let document = JSONValue.array(Array(repeating: .string("nope"), count: 100_000))
        #expect(schema.isValid(document) == false)
        #expect(throws: DeltaError.self) { try schema.check(document) }
    }
}
