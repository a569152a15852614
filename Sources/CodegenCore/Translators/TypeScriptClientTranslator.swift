/// Generates the TypeScript client's `src/generated`: `models.ts` (component
/// schemas) and `client.ts` (the typed `DeltaClient`).
///
/// The rest of `clients/typescript` (the runtime, `index.ts`, packaging,
/// examples and tests) is hand-written; the generated code imports `src/runtime.ts`.
public struct TypeScriptClientTranslator: Translator {
    /// The generated folder, relative to the repository root.
    static let directory = "clients/typescript/src/generated"

    public var name: String { "typescript-client" }
    public var outputDirectories: [String] { [Self.directory] }

    /// Creates the translator.
    public init() {}

    public func translate(_ model: APIModel, diagnostics: inout [Diagnostic]) throws -> [GeneratedFile] {
        let files = [
            CodeFile(
                path: Self.directory + "/client.ts", language: .typeScript, source: model.source,
                nodes: TypeScriptClientFile(model: model).nodes()
            ),
            CodeFile(
                path: Self.directory + "/models.ts", language: .typeScript, source: model.source,
                nodes: TypeScriptModelsFile(model: model).nodes()
            ),
        ]
        return files.map(TextRenderer.render)
    }
}
