/// Builds `client.ts`: the result interfaces and the `DeltaClient` class with
/// one async method per operation, in model order.
///
/// The HTTP work is the hand-written `src/runtime.ts` (`Transport`,
/// `DeltaError`); the generated methods only say what goes where.
struct TypeScriptClientFile {
    let model: APIModel
    let methods: [TypeScriptOperationMethod]

    init(model: APIModel) {
        self.model = model
        self.methods = model.operations.map { TypeScriptOperationMethod(operation: $0, types: TypeScriptTypes(), model: model) }
    }

    /// The file's nodes, after the generated header.
    func nodes() -> [CodeNode] {
        var imports: [CodeNode] = [
            TypeScriptSyntax.importNames(["Transport"], from: "../runtime.js", typeOnly: false),
            TypeScriptSyntax.importNames(["DeltaClientOptions"], from: "../runtime.js", typeOnly: true),
        ]
        let imported = Set(methods.flatMap(\.importedNames)).map(Naming.typeScriptTypeName).sorted()
        if !imported.isEmpty {
            imports.append(TypeScriptSyntax.importNames(imported, from: "./models.js", typeOnly: true))
        }
        return CodeNode.separated([imports] + methods.map { $0.resultInterface() } + [clientClass()])
    }

    private func clientClass() -> [CodeNode] {
        let constructor = TypeScriptSyntax.docComment([
            ["A client for the server at `baseUrl`, sending `options.token` as a Bearer credential."],
        ]) + [
            .braces(
                "constructor(baseUrl: string, options: DeltaClientOptions = {})",
                [.line("this.transport = new Transport(baseUrl, options);")]
            ),
        ]
        let body = CodeNode.separated(
            [[.line("private readonly transport: Transport;")], constructor] + methods.map { $0.method() }
        )
        return TypeScriptSyntax.docComment([
            ["\(model.title) \(model.version)."],
            ["Every method rejects with `DeltaError` for a response outside 2xx."],
        ]) + [.braces("export class DeltaClient", body)]
    }
}
