/// Generates the Python client's generated package, `deltadb._generated`:
/// `models.py` (component schemas) and `client.py` (the typed `Client`).
///
/// The rest of `clients/python` (the runtime, `__init__.py`, packaging and
/// tests) is hand-written; the generated code imports `deltadb._runtime`.
public struct PythonClientTranslator: Translator {
    /// The generated package, relative to the repository root.
    static let directory = "clients/python/deltadb/_generated"

    public var name: String { "python-client" }
    public var outputDirectories: [String] { [Self.directory] }

    /// Creates the translator.
    public init() {}

    public func translate(_ model: APIModel, diagnostics: inout [Diagnostic]) throws -> [GeneratedFile] {
        let files = [
            CodeFile(path: Self.directory + "/__init__.py", language: .python, source: model.source, nodes: []),
            CodeFile(
                path: Self.directory + "/client.py", language: .python, source: model.source,
                nodes: PythonClientFile(model: model).nodes()
            ),
            CodeFile(
                path: Self.directory + "/models.py", language: .python, source: model.source,
                nodes: PythonModelsFile(model: model).nodes()
            ),
        ]
        return files.map(TextRenderer.render)
    }
}
