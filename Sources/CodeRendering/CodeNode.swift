/// Structured code: what translators build instead of pasting strings together.
///
/// Nodes say what goes on which line and what nests inside what; they never
/// contain indentation or line breaks (`TextRenderer` owns both). A `.line`
/// must be a single line without leading whitespace.
public indirect enum CodeNode: Sendable, Hashable {
    /// One line of code at the current indentation.
    case line(String)
    /// An empty line. Consecutive blanks and blanks at the start or end of a
    /// block are kept as written (translators decide spacing).
    case blank
    /// `open` at the current level, `body` one level deeper, then `close` (if
    /// any) back at the current level. Python blocks have no `close`.
    case block(open: String, body: [CodeNode], close: String?)
    /// Comment lines, each prefixed by `prefix` (`///`, `//`, `#`); an empty
    /// string becomes the bare prefix, so no line ends in a space.
    case comment(prefix: String, lines: [String])
    /// Nodes one level deeper without an opening or closing line (e.g. the
    /// arguments of a call split over lines, or a Python docstring body).
    case indented([CodeNode])
    /// Several nodes at the current level, as one node.
    case group([CodeNode])

    /// A Swift doc comment (`///`) for `lines`; nothing when `lines` is empty.
    public static func docComment(_ lines: [String]) -> CodeNode {
        .comment(prefix: "///", lines: lines)
    }

    /// A brace block in C-family syntax: `open {` … `}`.
    public static func braces(_ open: String, _ body: [CodeNode], close: String = "}") -> CodeNode {
        .block(open: open + " {", body: body, close: close)
    }

    /// Joins `sections` with one blank line between non-empty sections.
    public static func separated(_ sections: [[CodeNode]]) -> [CodeNode] {
        var result: [CodeNode] = []
        for section in sections where !section.isEmpty {
            if !result.isEmpty { result.append(.blank) }
            result.append(contentsOf: section)
        }
        return result
    }
}
