/// Generates the core of the Swift client SDK into `Sources/ClientSDK/Generated`:
/// `Models.swift` (the same structs as the server, free-form JSON as
/// `JSONDocument`) and `DeltaAPIClient+Operations.swift` (one async method per
/// operation over the hand-written `DeltaAPIClient.send(_:)`).
public struct SwiftClientTranslator: Translator {
    public var name: String { "swift-client" }
    public var outputDirectories: [String] { [SwiftNames.clientDirectory] }

    /// Creates the translator.
    public init() {}

    public func translate(_ model: APIModel, diagnostics: inout [Diagnostic]) throws -> [GeneratedFile] {
        let mapper = SwiftTypeMapper(model: model, flavor: .client)
        for operation in model.operations {
            for parameter in operation.parameters where SwiftNames.reservedClientLocals.contains(Naming.camelCase(parameter.name)) {
                diagnostics.append(Diagnostic(
                    .error, file: model.source, location: operation.location,
                    "parameter '\(parameter.name)' clashes with a name the Swift client method uses; rename it"
                ))
            }
        }
        let operations = SwiftClientOperations(mapper: mapper)
        let files: [(String, [CodeNode])] = [
            ("Models.swift", SwiftModelsTranslator(mapper: mapper).declarations()),
            ("\(SwiftNames.clientType)+Operations.swift", [
                .braces("extension \(SwiftNames.clientType)", CodeNode.separated(model.operations.map(operations.method))),
            ]),
        ]
        return files.map { name, nodes in
            TextRenderer.render(CodeFile(
                path: "\(SwiftNames.clientDirectory)/\(name)", language: .swift, source: model.source, nodes: nodes
            ))
        }
    }
}
