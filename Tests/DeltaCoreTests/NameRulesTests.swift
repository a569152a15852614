import DeltaCore
import Testing

@Suite("Name rules")
struct NameRulesTests {
    @Test("ordinary names users pick are accepted", arguments: [
        "user:1", "session_001", "chat.v1", "chatdb", "a-b", "ключ", "x y", "a.b.c",
    ])
    func accepted(name: String) throws {
        try NameRules.validate(name, as: .entityKey)
        try NameRules.validate(name, as: .database)
    }

    @Test("names that could escape a directory are rejected", arguments: [
        "", ".", "..", "a/b", "/abs", "a\\b", "a..b", "../etc", "a\u{0}b", "tab\there",
        "a%2Fb", "a%2fb", "a%5Cb", "a%00", "%2e%2e",
    ])
    func rejected(name: String) {
        #expect(throws: DeltaError.self) { try NameRules.validate(name, as: .entityKey) }
    }

    @Test("the error names the problem and has the invalid_name code")
    func errorSaysWhy() {
        do {
            try NameRules.validate("a/b", as: .database)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .invalidName)
            #expect(error.message.contains("database name"))
            #expect(error.message.contains("'/'"))
        }
    }

    @Test("oversized keys are rejected with the limit in the message")
    func oversized() {
        let long = String(repeating: "k", count: NameRules.Kind.entityKey.maxBytes + 1)
        #expect(NameRules.problem(with: long, kind: .entityKey)?.contains("limit") == true)
        let fits = String(repeating: "k", count: NameRules.Kind.entityKey.maxBytes)
        #expect(NameRules.problem(with: fits, kind: .entityKey) == nil)
    }

    @Test("each rejection names its reason", arguments: [
        ("..", "reserved"), ("a..b", "'..'"), ("a/b", "'/'"), ("a\\b", "'\\'"), ("a\u{0}b", "NUL"),
        ("tab\there", "control characters"), ("del\u{7F}", "control characters"), ("a%2fb", "'%2F'"),
        ("a%5cb", "'%5C'"), ("a%00", "'%00'"), ("%2E%2e", "'%2E'"), ("ok/..", "'..'"),
    ])
    func reasons(name: String, reason: String) {
        let problem = NameRules.problem(with: name, kind: .entityKey)
        #expect(problem?.contains(reason) == true, "\(problem ?? "accepted")")
    }

    @Test("percent signs that encode nothing dangerous are accepted", arguments: [
        "100%", "a%2", "a%20b", "%E2%82%AC", "%2g", "a%10b", "%e0",
    ])
    func harmlessPercent(name: String) {
        #expect(NameRules.problem(with: name, kind: .entityKey) == nil)
    }
}
