/// One token of a `.proto` file, with where it starts and the comments around it.
struct ProtoToken: Sendable, Hashable {
    /// What kind of token it is.
    enum Kind: Sendable, Hashable {
        /// A name or keyword: `message`, `worker_id`, `int32`.
        case identifier
        /// An integer literal (decimal, hex or octal), already converted.
        case integer(Int)
        /// A floating-point literal (only meaningful in options, which are skipped).
        case float
        /// A string literal's value, quotes and escapes removed.
        case string(String)
        /// One punctuation character: `{ } ( ) [ ] < > ; , = .` or `-`, `+`.
        case symbol(Character)
        /// The end of the file.
        case end
    }

    /// The kind.
    var kind: Kind
    /// The token's text as written (for identifiers and messages).
    var text: String
    /// 1-based line.
    var line: Int
    /// 1-based column (in characters).
    var column: Int
    /// The comment lines directly above the token (no blank line between).
    var leadingComments: [String] = []
    /// A comment after the token on the same line, e.g. `int32 x = 1; // why`.
    var trailingComment: [String] = []

    /// `line:column`, the location diagnostics name.
    var location: String { "\(line):\(column)" }

    /// Whether the token is the identifier `word`.
    func isKeyword(_ word: String) -> Bool {
        kind == .identifier && text == word
    }

    /// Whether the token is the symbol `symbol`.
    func isSymbol(_ symbol: Character) -> Bool {
        kind == .symbol(symbol)
    }
}
