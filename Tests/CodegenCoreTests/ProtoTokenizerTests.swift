import Testing

@testable import CodegenCore

@Suite("Proto: tokenizer")
struct ProtoTokenizerTests {
    private func tokenize(_ text: String) -> ([ProtoToken], [Diagnostic]) {
        var tokenizer = ProtoTokenizer(text, source: "spec/test.proto")
        let tokens = tokenizer.tokenize()
        return (tokens, tokenizer.diagnostics)
    }

    @Test("identifiers, integers (decimal, hex, octal), strings, symbols, with line and column")
    func kinds() {
        let (tokens, diagnostics) = tokenize("message A {\n  int32 x = 0x1F; // t\n  y = 017 'q\\'s';\n}")
        #expect(diagnostics.isEmpty)
        #expect(tokens.map(\.kind) == [
            .identifier, .identifier, .symbol("{"),
            .identifier, .identifier, .symbol("="), .integer(31), .symbol(";"),
            .identifier, .symbol("="), .integer(15), .string("q's"), .symbol(";"),
            .symbol("}"), .end,
        ])
        #expect(tokens[3].text == "int32" && tokens[3].line == 2 && tokens[3].column == 3)
        #expect(tokens[11].location == "3:11")
    }

    @Test("comments: leading lines attach to the next token, a same-line comment trails the previous one")
    func comments() {
        let text = """
            // Doc one.
            /* Doc
             * two. */
            message A { // trailing
              // detached

              int32 x = 1;
            }
            """
        let (tokens, _) = tokenize(text)
        #expect(tokens[0].leadingComments == ["Doc one.", "Doc", "two."])
        #expect(tokens[2].trailingComment == ["trailing"])
        #expect(tokens[3].text == "int32" && tokens[3].leadingComments.isEmpty, "a blank line detaches a comment")
    }

    @Test("bad characters, unterminated strings and comments are diagnostics at line:column")
    func diagnostics() {
        let (_, bad) = tokenize("message A {\n  @\n}")
        #expect(bad.map(\.description) == ["spec/test.proto: 2:3: error: unexpected character '@'"])
        let (_, string) = tokenize("x = \"abc\ny")
        #expect(string.map(\.location) == ["1:5"])
        #expect(string.first?.message == "unterminated string literal")
        let (_, comment) = tokenize("a /* never closed")
        #expect(comment.map(\.message) == ["unterminated /* comment"])
    }
}
