/// TypeScript spellings the TypeScript translators share: string literals,
/// JSDoc comments and import lines. It builds `CodeNode`s; it never indents.
public enum TypeScriptSyntax {
    /// The longest single-line import before it is split over lines.
    public static let lineLimit = 100

    /// A double-quoted string literal for `text`.
    public static func string(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "\u{2028}": literal += "\\u2028"
            case "\u{2029}": literal += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }

    /// A JSDoc comment: `sections` separated by one empty line, the lines of a
    /// section consecutive; `/** text */` when it is one line, nothing when empty.
    public static func docComment(_ sections: [[String]]) -> [CodeNode] {
        var lines: [String] = []
        for section in sections.map({ $0.flatMap(splitLines) }) where !section.isEmpty {
            if !lines.isEmpty { lines.append("") }
            lines += section.map(escapeCommentText)
        }
        guard let first = lines.first else { return [] }
        if lines.count == 1 { return [.line("/** \(first) */")] }
        // JSDoc's continuation and closing lines start with a space by convention;
        // as comment prefixes the renderer still owns the indentation before them.
        return [.line("/**"), .comment(prefix: " *", lines: lines), .comment(prefix: " */", lines: [""])]
    }

    /// `import { a, b } from "module";` (`import type` when `typeOnly`), one name a line when long.
    public static func importNames(_ names: [String], from module: String, typeOnly: Bool) -> CodeNode {
        let keyword = typeOnly ? "import type" : "import"
        let single = "\(keyword) { \(names.joined(separator: ", ")) } from \(string(module));"
        if single.count <= lineLimit { return .line(single) }
        return .block(open: "\(keyword) {", body: names.map { .line($0 + ",") }, close: "} from \(string(module));")
    }

    private static func splitLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.drop { $0 == " " || $0 == "\t" })
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Keeps `*/` in a description from closing the comment.
    private static func escapeCommentText(_ text: String) -> String {
        var escaped = ""
        var previous: Character?
        for character in text {
            if character == "/" && previous == "*" { escaped += "\\" }
            escaped.append(character)
            previous = character
        }
        return escaped
    }
}
