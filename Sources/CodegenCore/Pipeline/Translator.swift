/// Turns the API model into the files of one output (one language, one role).
///
/// A translator builds `CodeNode`s and hands them to `TextRenderer`; it never
/// pastes raw multi-line strings together. It must be deterministic: the same
/// model always gives the same files in the same order.
public protocol Translator: Sendable {
    /// A short name for messages, e.g. `swift-server`.
    var name: String { get }

    /// The folders (relative to the repository root) whose files this translator
    /// owns entirely. `check` reports files there that it no longer produces.
    var outputDirectories: [String] { get }

    /// Produces the files of this output.
    ///
    /// - Parameters:
    ///   - model: The parsed spec.
    ///   - diagnostics: Append fixable problems here (with spec locations).
    /// - Returns: Rendered files, with paths relative to the repository root.
    /// - Throws: Only for failures that are not the spec author's to fix.
    func translate(_ model: APIModel, diagnostics: inout [Diagnostic]) throws -> [GeneratedFile]
}
