/// Parses proto3 text into a `ProtoFile`, without protoc.
///
/// Supported: `syntax`, `package`, messages (nested too), enums, all scalar
/// types, `repeated`, proto3 `optional`, `map<,>`, `reserved`, services with
/// unary and streaming RPCs, and comments as documentation. `import` and
/// `option` are skipped with a warning (our spec is one self-contained file);
/// `oneof`, `extend`, `extensions` and proto2 are errors. Every problem is a
/// diagnostic at `line:column`; the parser recovers at the next `;` or `}`.
public struct ProtoParser {
    /// The parse result: the model (possibly incomplete) and every diagnostic.
    public struct Result: Sendable {
        /// The file model.
        public var file: ProtoFile
        /// Problems found, in source order.
        public var diagnostics: [Diagnostic]
    }

    var tokens: [ProtoToken]
    var position = 0
    let source: String
    var diagnostics: [Diagnostic]
    var packageName = ""

    /// Parses `text`, naming `source` (e.g. `spec/deltadb.proto`) in the model and diagnostics.
    public static func parse(_ text: String, source: String) -> Result {
        var tokenizer = ProtoTokenizer(text, source: source)
        let tokens = tokenizer.tokenize()
        var parser = ProtoParser(tokens: tokens, source: source, diagnostics: tokenizer.diagnostics)
        var file = parser.parseFile()
        var resolver = ProtoTypeResolver(source: source)
        resolver.resolve(&file, diagnostics: &parser.diagnostics)
        return Result(file: file, diagnostics: parser.diagnostics)
    }

    init(tokens: [ProtoToken], source: String, diagnostics: [Diagnostic]) {
        self.tokens = tokens
        self.source = source
        self.diagnostics = diagnostics
    }

    // MARK: - File

    mutating func parseFile() -> ProtoFile {
        var file = ProtoFile(source: source, packageName: "")
        var sawSyntax = false
        while current.kind != .end {
            let token = current
            if token.isKeyword("syntax") {
                parseSyntax()
                sawSyntax = true
            } else if token.isKeyword("package") {
                advance()
                packageName = parseFullIdentifier() ?? ""
                file.packageName = packageName
                expectSymbol(";")
            } else if token.isKeyword("import") {
                warning(token, "imports are not supported (the spec must be self-contained); ignored")
                skipStatement()
            } else if token.isKeyword("option") {
                skipOption()
            } else if token.isKeyword("message") {
                if let message = parseMessage(scope: packageName) { file.messages.append(message) }
            } else if token.isKeyword("enum") {
                if let value = parseEnum(scope: packageName) { file.enums.append(value) }
            } else if token.isKeyword("service") {
                if let service = parseService() { file.services.append(service) }
            } else if token.isSymbol(";") {
                advance()
            } else {
                error(token, "expected a top-level definition (message, enum, service, …), found '\(token.text)'")
                let before = position
                skipStatement()
                // A stray `}` stops skipStatement where it stands; step over it,
                // or the loop would report it forever (found by FuzzProto).
                if position == before { advance() }
            }
        }
        if !sawSyntax {
            diagnostics.append(Diagnostic(.error, file: source, location: "1:1", "missing `syntax = \"proto3\";` (proto2 is not supported)"))
        }
        return file
    }

    private mutating func parseSyntax() {
        advance()
        expectSymbol("=")
        if case .string(let value) = current.kind {
            if value != "proto3" { error(current, "only proto3 is supported, found \"\(value)\"") }
            advance()
        } else {
            error(current, "expected a string after `syntax =`")
        }
        expectSymbol(";")
    }

    // MARK: - Cursor

    var current: ProtoToken { tokens[position] }

    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// The qualified name `scope.name` (just `name` in an empty scope).
    static func qualify(_ name: String, in scope: String) -> String {
        scope.isEmpty ? name : "\(scope).\(name)"
    }

    mutating func error(_ token: ProtoToken, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: source, location: token.location, message))
    }

    mutating func warning(_ token: ProtoToken, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: source, location: token.location, message))
    }

    /// Consumes `symbol` or reports it missing; returns whether it was there.
    @discardableResult
    mutating func expectSymbol(_ symbol: Character) -> Bool {
        guard current.isSymbol(symbol) else {
            error(current, "expected '\(symbol)', found '\(current.text)'")
            return false
        }
        advance()
        return true
    }

    /// Consumes an identifier and returns it, or reports `what` missing.
    mutating func expectIdentifier(_ what: String) -> String? {
        guard current.kind == .identifier else {
            error(current, "expected \(what), found '\(current.text)'")
            return nil
        }
        defer { advance() }
        return current.text
    }

    /// Consumes an integer (with an optional leading `-`).
    mutating func expectInteger(_ what: String) -> Int? {
        var sign = 1
        if current.isSymbol("-") {
            sign = -1
            advance()
        }
        guard case .integer(let value) = current.kind else {
            error(current, "expected \(what), found '\(current.text)'")
            return nil
        }
        advance()
        return sign * value
    }

    /// `a.b.C` or `.a.b.C` (leading dot kept: an absolute reference).
    mutating func parseFullIdentifier() -> String? {
        var name = ""
        if current.isSymbol(".") {
            name = "."
            advance()
        }
        guard let first = expectIdentifier("a name") else { return nil }
        name += first
        while current.isSymbol(".") {
            advance()
            guard let part = expectIdentifier("a name after '.'") else { return nil }
            name += "." + part
        }
        return name
    }

    /// Skips to just after the next `;` (or a balanced `{ … }`), for recovery.
    mutating func skipStatement() {
        var depth = 0
        while current.kind != .end {
            if current.isSymbol("{") { depth += 1 }
            if current.isSymbol("}") {
                if depth == 0 { return }
                depth -= 1
                if depth == 0 {
                    advance()
                    return
                }
            }
            if current.isSymbol(";"), depth == 0 {
                advance()
                return
            }
            advance()
        }
    }

    /// Skips `option …;` with a warning: options never change the generated code.
    mutating func skipOption() {
        warning(current, "options are not supported by deltadb-codegen; ignored")
        skipStatement()
    }

    /// Skips `[ … ]` field or value options with a warning.
    mutating func skipBracketedOptions() {
        guard current.isSymbol("[") else { return }
        warning(current, "field options are not supported by deltadb-codegen; ignored")
        while current.kind != .end, !current.isSymbol("]"), !current.isSymbol(";") { advance() }
        expectSymbol("]")
    }

    /// The documentation for a declaration starting at `token`: its leading
    /// comments, else the trailing comment on the line where it ends.
    func doc(start token: ProtoToken, end: ProtoToken?) -> [String] {
        if !token.leadingComments.isEmpty { return token.leadingComments }
        return end?.trailingComment ?? []
    }
}
