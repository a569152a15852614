/// Turns a parsed `.proto` file into the files of one output.
///
/// The counterpart of `Translator` for `spec/deltadb.proto`: it builds
/// `CodeNode`s, renders them with `TextRenderer`, and is deterministic.
public protocol ProtoTranslator: Sendable {
    /// A short name for messages, e.g. `swift-protobuf`.
    var name: String { get }

    /// The folders (relative to the repository root) whose files this translator owns entirely.
    var outputDirectories: [String] { get }

    /// Produces the files of this output.
    ///
    /// - Parameters:
    ///   - file: The parsed proto file.
    ///   - diagnostics: Append fixable problems here.
    /// - Returns: Rendered files, with paths relative to the repository root.
    func translate(_ file: ProtoFile, diagnostics: inout [Diagnostic]) throws -> [GeneratedFile]
}
