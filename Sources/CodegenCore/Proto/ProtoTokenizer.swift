/// Splits `.proto` text into tokens, keeping comments next to the tokens they document.
///
/// It does not know the grammar; `ProtoParser` does. Characters it cannot
/// tokenize (and unterminated strings or comments) become diagnostics with a
/// line and column, and the character is skipped.
struct ProtoTokenizer {
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private let source: String

    /// Diagnostics found while tokenizing.
    private(set) var diagnostics: [Diagnostic] = []

    /// Creates a tokenizer over `text`, naming `source` in diagnostics.
    init(_ text: String, source: String) {
        self.characters = Array(text)
        self.source = source
    }

    /// Every token, ending with one `.end` token.
    mutating func tokenize() -> [ProtoToken] {
        var tokens: [ProtoToken] = []
        var pending: [String] = []
        var lastTokenLine = 0
        while true {
            let blankLineBefore = skipWhitespace()
            if blankLineBefore { pending = [] }
            guard let character = peek() else { break }
            if character == "/", peek(1) == "/" || peek(1) == "*" {
                let commentLine = line
                let lines = readComment()
                if commentLine == lastTokenLine, !tokens.isEmpty, tokens[tokens.count - 1].trailingComment.isEmpty, pending.isEmpty {
                    tokens[tokens.count - 1].trailingComment = lines
                } else {
                    pending += lines
                }
                continue
            }
            guard var token = readToken() else { continue }
            token.leadingComments = pending
            pending = []
            lastTokenLine = line
            tokens.append(token)
        }
        tokens.append(ProtoToken(kind: .end, text: "end of file", line: line, column: column, leadingComments: pending))
        return tokens
    }

    // MARK: - Characters

    private func peek(_ offset: Int = 0) -> Character? {
        index + offset < characters.count ? characters[index + offset] : nil
    }

    @discardableResult
    private mutating func advance() -> Character {
        let character = characters[index]
        index += 1
        if character == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return character
    }

    /// Skips whitespace; returns whether it crossed an empty line.
    private mutating func skipWhitespace() -> Bool {
        var newlines = 0
        while let character = peek(), character.isWhitespace {
            if character == "\n" { newlines += 1 }
            advance()
        }
        return newlines >= 2
    }

    private mutating func error(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(.error, file: source, location: "\(line):\(column)", message))
    }

    // MARK: - Comments

    /// Reads a `//` or `/* */` comment; returns its lines without markers.
    private mutating func readComment() -> [String] {
        let (startLine, startColumn) = (line, column)
        advance()
        if advance() == "/" {
            var text = ""
            while let character = peek(), character != "\n" { text.append(advance()) }
            return [Self.stripCommentSpace(text)]
        }
        var text = ""
        while true {
            guard let character = peek() else {
                error("unterminated /* comment", line: startLine, column: startColumn)
                break
            }
            if character == "*", peek(1) == "/" {
                advance()
                advance()
                break
            }
            text.append(advance())
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { raw in
            var line = Substring(raw)
            while line.first == " " || line.first == "\t" { line.removeFirst() }
            if line.first == "*" { line.removeFirst() }
            return Self.stripCommentSpace(String(line))
        }
        let first = lines.firstIndex { !$0.isEmpty } ?? lines.endIndex
        let last = lines.lastIndex { !$0.isEmpty } ?? first
        return first < lines.endIndex ? Array(lines[first...last]) : []
    }

    private static func stripCommentSpace(_ text: String) -> String {
        var result = Substring(text)
        if result.first == " " { result.removeFirst() }
        while result.last == " " || result.last == "\t" || result.last == "\r" { result.removeLast() }
        return String(result)
    }

    // MARK: - Tokens

    private mutating func readToken() -> ProtoToken? {
        let (startLine, startColumn) = (line, column)
        let character = peek()!
        func token(_ kind: ProtoToken.Kind, _ text: String) -> ProtoToken {
            ProtoToken(kind: kind, text: text, line: startLine, column: startColumn)
        }
        if character.isLetter || character == "_" {
            var text = ""
            while let next = peek(), next.isLetter || next.isNumber || next == "_" { text.append(advance()) }
            return token(.identifier, text)
        }
        if character.isNumber {
            return readNumber(line: startLine, column: startColumn)
        }
        if character == "\"" || character == "'" {
            return readString(quote: character, line: startLine, column: startColumn)
        }
        if "{}()[]<>;,=.-+:".contains(character) {
            advance()
            return token(.symbol(character), String(character))
        }
        advance()
        error("unexpected character '\(character)'", line: startLine, column: startColumn)
        return nil
    }

    private mutating func readNumber(line startLine: Int, column startColumn: Int) -> ProtoToken {
        var text = ""
        while let next = peek(), next.isLetter || next.isNumber || next == "." || next == "_"
            || ((next == "-" || next == "+") && (text.last == "e" || text.last == "E") && !text.hasPrefix("0x")) {
            text.append(advance())
        }
        let lower = text.lowercased()
        let value: Int?
        if lower.hasPrefix("0x") {
            value = Int(lower.dropFirst(2), radix: 16)
        } else if lower.count > 1, lower.hasPrefix("0"), lower.allSatisfy(\.isNumber) {
            value = Int(lower.dropFirst(), radix: 8)
        } else {
            value = Int(lower)
        }
        if let value {
            return ProtoToken(kind: .integer(value), text: text, line: startLine, column: startColumn)
        }
        if Double(lower) != nil || lower == "inf" {
            return ProtoToken(kind: .float, text: text, line: startLine, column: startColumn)
        }
        error("invalid number '\(text)'", line: startLine, column: startColumn)
        return ProtoToken(kind: .integer(0), text: text, line: startLine, column: startColumn)
    }

    private mutating func readString(quote: Character, line startLine: Int, column startColumn: Int) -> ProtoToken {
        advance()
        var value = ""
        var raw = String(quote)
        while true {
            guard let character = peek(), character != "\n" else {
                error("unterminated string literal", line: startLine, column: startColumn)
                break
            }
            raw.append(advance())
            if character == quote { break }
            if character == "\\", let escaped = peek() {
                raw.append(advance())
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "0": value.append("\0")
                default: value.append(escaped)
                }
                continue
            }
            value.append(character)
        }
        return ProtoToken(kind: .string(value), text: raw, line: startLine, column: startColumn)
    }
}
