import Foundation

/// Python spellings the Python translators share: string literals, docstrings,
/// import lines and list literals. It builds `CodeNode`s; it never indents.
public enum PythonSyntax {
    /// The longest single-line import or list before it is split over lines.
    public static let lineLimit = 100

    /// A double-quoted Python string literal for `text`.
    public static func string(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": literal += "\\\\"
            case "\"": literal += "\\\""
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    literal += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    literal.unicodeScalars.append(scalar)
                }
            }
        }
        return literal + "\""
    }

    /// A docstring: `sections` separated by one empty line, the lines of a
    /// section consecutive. Empty sections are dropped; text lines are escaped
    /// so the docstring cannot end early.
    public static func docstring(_ sections: [[String]]) -> [CodeNode] {
        let kept = sections.map { $0.flatMap(splitLines) }.filter { !$0.isEmpty }
        var lines: [String] = []
        for section in kept {
            if !lines.isEmpty { lines.append("") }
            lines += section.map(escapeDocText)
        }
        guard let first = lines.first else { return [] }
        if lines.count == 1 {
            let text = first.hasSuffix("\"") ? String(first.dropLast()) + "\\\"" : first
            return [.line("\"\"\"\(text)\"\"\"")]
        }
        var nodes: [CodeNode] = [.line("\"\"\"" + first)]
        nodes += lines.dropFirst().map { $0.isEmpty ? .blank : .line($0) }
        nodes.append(.line("\"\"\""))
        return nodes
    }

    /// `from module import a, b`, or one name a line in parentheses when long.
    public static func fromImport(_ module: String, _ names: [String]) -> CodeNode {
        let single = "from \(module) import \(names.joined(separator: ", "))"
        if single.count <= lineLimit { return .line(single) }
        return .block(open: "from \(module) import (", body: names.map { .line($0 + ",") }, close: ")")
    }

    /// `target = [` one string a line `]`, or `target = []` when there are none.
    public static func stringList(_ target: String, _ items: [String]) -> CodeNode {
        if items.isEmpty { return .line("\(target) = []") }
        return .block(open: "\(target) = [", body: items.map { .line(string($0) + ",") }, close: "]")
    }

    /// Text with each line trimmed; paragraphs from YAML block scalars keep their breaks.
    private static func splitLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.drop { $0 == " " || $0 == "\t" })
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    private static func escapeDocText(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"\"\"", with: "\\\"\\\"\\\"")
    }
}
