/// Turns `CodeNode`s into text; the only place that knows about indentation.
///
/// Output is deterministic: `\n` line endings, no trailing whitespace, exactly
/// one newline at the end of a file. It does not reflow or wrap long lines.
public struct TextRenderer: Sendable {
    /// One level of indentation.
    public var indentUnit: String

    /// Creates a renderer indenting by `indentUnit` per level.
    public init(indentUnit: String) {
        self.indentUnit = indentUnit
    }

    /// Renders a whole file: the header line, a blank line, then its nodes.
    public static func render(_ file: CodeFile) -> GeneratedFile {
        let renderer = TextRenderer(indentUnit: file.language.indentUnit)
        let body: [CodeNode] = [.line(file.language.headerLine(source: file.source))]
            + (file.nodes.isEmpty ? [] : [.blank] + file.nodes)
        return GeneratedFile(path: file.path, contents: renderer.render(body))
    }

    /// Renders `nodes` at indentation level zero, ending in one newline
    /// (an empty list renders as an empty string).
    public func render(_ nodes: [CodeNode]) -> String {
        var lines: [String] = []
        for node in nodes { append(node, level: 0, to: &lines) }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    private func append(_ node: CodeNode, level: Int, to lines: inout [String]) {
        switch node {
        case .line(let text):
            lines.append(indented(text, level: level))
        case .blank:
            lines.append("")
        case .block(let open, let body, let close):
            lines.append(indented(open, level: level))
            for child in body { append(child, level: level + 1, to: &lines) }
            if let close { lines.append(indented(close, level: level)) }
        case .comment(let prefix, let commentLines):
            for text in commentLines {
                lines.append(indented(text.isEmpty ? prefix : "\(prefix) \(text)", level: level))
            }
        case .indented(let children):
            for child in children { append(child, level: level + 1, to: &lines) }
        case .group(let children):
            for child in children { append(child, level: level, to: &lines) }
        }
    }

    private func indented(_ text: String, level: Int) -> String {
        var trimmed = Substring(text)
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        guard !trimmed.isEmpty else { return "" }
        return String(repeating: indentUnit, count: level) + trimmed
    }
}
