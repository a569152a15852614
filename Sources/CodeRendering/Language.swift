/// An output language: how its comments start and how far it indents.
public struct Language: Sendable, Hashable {
    /// The line-comment prefix, e.g. `//` or `#`.
    public var commentPrefix: String
    /// One level of indentation, e.g. four spaces.
    public var indentUnit: String

    /// Creates a language description.
    public init(commentPrefix: String, indentUnit: String) {
        self.commentPrefix = commentPrefix
        self.indentUnit = indentUnit
    }

    /// Swift: `//` comments, 4-space indentation.
    public static let swift = Language(commentPrefix: "//", indentUnit: "    ")
    /// Python: `#` comments, 4-space indentation.
    public static let python = Language(commentPrefix: "#", indentUnit: "    ")
    /// TypeScript: `//` comments, 2-space indentation.
    public static let typeScript = Language(commentPrefix: "//", indentUnit: "  ")

    /// The one header line every generated file starts with.
    public func headerLine(source: String) -> String {
        "\(commentPrefix) Generated from \(source) by deltadb-codegen. DO NOT EDIT."
    }
}
