/// One file a translator wants written, before rendering.
public struct CodeFile: Sendable, Hashable {
    /// The path relative to the repository root, e.g. `Sources/Generated/Server/Models.swift`.
    public var path: String
    /// The output language (comment syntax and indentation).
    public var language: Language
    /// The spec file named in the header line, e.g. `spec/openapi.yaml`.
    public var source: String
    /// The file's body, after the header line and one blank line.
    public var nodes: [CodeNode]

    /// Creates a file.
    public init(path: String, language: Language, source: String, nodes: [CodeNode]) {
        self.path = path
        self.language = language
        self.source = source
        self.nodes = nodes
    }
}

/// One rendered output file: a path relative to the repository root and its text.
public struct GeneratedFile: Sendable, Hashable {
    /// The path relative to the repository root.
    public var path: String
    /// The complete file contents (UTF-8 text, ending in one newline).
    public var contents: String

    /// Creates a rendered file.
    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
