/// A problem in the spec that its author can fix, with where it is.
///
/// Diagnostics do not stop generation: the construct is skipped or approximated
/// and the CLI prints every diagnostic. Only real failures (unreadable file,
/// invalid YAML, missing `paths`) throw `CodegenError`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// Output was produced but may not be what the author meant.
        case warning
        /// A construct was skipped; generated code is incomplete.
        case error
    }

    /// How serious it is.
    public var severity: Severity
    /// The spec file, e.g. `spec/openapi.yaml`.
    public var file: String
    /// The dotted location inside the spec, e.g. `paths./entity/{database}.get.parameters[0]`.
    public var location: String
    /// What is wrong and what to do about it.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, file: String, location: String, _ message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
    }

    /// `spec/openapi.yaml: paths./health.get: error: ...`
    public var description: String {
        "\(file): \(location): \(severity.rawValue): \(message)"
    }
}

