import Testing
import DeltaSchema

@Suite struct ECMARegexTests {
    @Test(arguments: [
        ("^abc$", "abc", true), ("^abc$", "abcd", false), ("b", "abc", true),
        ("a|b|c", "xcx", true), ("^(ab)+$", "ababab", true), ("^(ab)+$", "aba", false),
        ("^a*?b", "aaab", true), ("^a{2}$", "aa", true), ("^a{2}$", "aaa", false),
        ("^a{2,}$", "aaaa", true), ("^a{1,2}$", "aaa", false), ("x{,2}", "x{,2}", true),
        ("^[^a-c]+$", "xyz", true), ("^[^a-c]+$", "xaz", false), ("^[\\d-]+$", "12-3", true),
        ("^\\d+$", "123", true), ("^\\d+$", "١٢٣", false), ("^\\w+$", "abc_1", true),
        ("^\\w+$", "é", false), ("^\\s$", "\u{A0}", true), ("\\bfoo\\b", "a foo b", true),
        ("\\bfoo\\b", "afoob", false), ("^.$", "😀", true), ("^.$", "\n", false),
        ("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abc123", true), ("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abcdef", false),
        ("^(?!foo)", "foobar", false), ("(?<=\\$)\\d+", "cost $42", true), ("(?<!\\$)\\b\\d+", "$42", false),
        ("^(a)\\1$", "aa", true), ("^(a)\\1$", "ab", false), ("^(?<x>a)\\k<x>$", "aa", true),
        ("^\\u00e9$", "é", true), ("^\\x41$", "A", true), ("^\\u{1F600}$", "😀", true),
        ("^\\ud83d\\ude00$", "😀", true), ("^[\\u0041-\\u005A]+$", "ABC", true),
        ("^\\p{L}+$", "héllo", true), ("^\\P{L}+$", "123", true), ("^\\p{Lu}", "a", false),
        ("^(a*)*$", "aaaa", true), ("^(a*)*b$", "aaaa", false), ("^$", "", true),
        ("a{", "a{", true), ("]", "]", true), ("^\\/\\.$", "/.", true), ("^[.]$", "x", false),
        ("^\\cJ$", "\n", true), ("\\0", "\u{0}", true), ("^(?:a|ab)c$", "abc", true),
    ])
    func matches(pattern: String, input: String, expected: Bool) throws {
        #expect(try ECMARegex(pattern).matches(input) == expected)
    }

    @Test(arguments: ["(", ")", "[a", "*a", "a**", "a{2,1}", "\\", "\\1", "(?<a>x)(?<a>y)", "\\p{Nope}", "[z-a]",
                      "(?P<n>x)", "\\z", "(?<=a)+", "(?i)a"])
    func rejects(pattern: String) {
        #expect(throws: ECMARegexError.self) { try ECMARegex(pattern) }
    }

    @Test func catastrophicPatternsAreDecidedInLinearTime() throws {
        let regex = try ECMARegex("^(a+)+$")
        #expect(regex.matches(String(repeating: "a", count: 40) + "b") == false)
    }

    @Test func backtrackingPatternsStopAtTheStepLimit() throws {
        // A back-reference needs the backtracking machine, which is bounded by steps.
        let regex = try ECMARegex("^(a+)+\\1$")
        #expect(regex.matches(String(repeating: "a", count: 40) + "b") == nil)
    }
}
