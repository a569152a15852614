/// Generates the Swift server into `Sources/Generated/Server`: `Models.swift`,
/// `Operations.swift`, `APIProtocol.swift` and `Routes.swift`.
///
/// The output compiles against `Sources/APIRuntime` and Hummingbird. Problems the
/// server cannot express (parameter names that clash with the route's locals,
/// operations without a 2xx response) become diagnostics.
public struct SwiftServerTranslator: Translator {
    public var name: String { "swift-server" }
    public var outputDirectories: [String] { [SwiftNames.serverDirectory] }

    /// Creates the translator.
    public init() {}

    public func translate(_ model: APIModel, diagnostics: inout [Diagnostic]) throws -> [GeneratedFile] {
        check(model, diagnostics: &diagnostics)
        let mapper = SwiftTypeMapper(model: model, flavor: .server)
        let models: [CodeNode] = [.line("import \(SwiftNames.serverRuntimeModule)"), .blank]
            + SwiftModelsTranslator(mapper: mapper).declarations()
        let files: [(String, [CodeNode])] = [
            ("Models.swift", models),
            ("Operations.swift", SwiftServerOperations(mapper: mapper).file()),
            ("APIProtocol.swift", SwiftServerProtocol(model: model).file()),
            ("Routes.swift", SwiftServerRoutes(mapper: mapper).file()),
        ]
        return files.map { name, nodes in
            TextRenderer.render(CodeFile(
                path: "\(SwiftNames.serverDirectory)/\(name)", language: .swift, source: model.source, nodes: nodes
            ))
        }
    }

    private func check(_ model: APIModel, diagnostics: inout [Diagnostic]) {
        for operation in model.operations {
            for (index, parameter) in operation.parameters.enumerated()
            where SwiftNames.reservedRouteLocals.contains(Naming.camelCase(parameter.name)) {
                diagnostics.append(Diagnostic(
                    .error, file: model.source, location: "\(operation.location).parameters[\(index)]",
                    "parameter '\(parameter.name)' clashes with a name the Swift server's route uses; rename it"
                ))
            }
            if operation.successResponses.isEmpty {
                diagnostics.append(Diagnostic(
                    .warning, file: model.source, location: "\(operation.location).responses",
                    "the operation has no 2xx response; its Swift handler can only throw"
                ))
            }
        }
    }
}
