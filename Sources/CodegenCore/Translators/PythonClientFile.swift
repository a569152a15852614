/// Builds `client.py`: the result dataclasses and the `Client` class with one
/// method per operation, in model order.
///
/// The HTTP work is the hand-written `deltadb._runtime.Transport`; the
/// generated methods only say what goes where.
struct PythonClientFile {
    let model: APIModel
    let methods: [PythonOperationMethod]

    init(model: APIModel) {
        self.model = model
        let types = PythonTypes(model: model)
        self.methods = model.operations.map { PythonOperationMethod(operation: $0, types: types) }
    }

    /// The file's nodes, after the generated header.
    func nodes() -> [CodeNode] {
        let resultClasses = methods.filter { $0.resultClassName != nil }
        var nodes = PythonSyntax.docstring([["A typed client for the \(model.title): one method per operation."]])
        nodes += [.blank, .line("from __future__ import annotations"), .blank]
        if !resultClasses.isEmpty { nodes.append(.line("from dataclasses import dataclass")) }
        nodes.append(PythonSyntax.fromImport("typing", methods.contains(where: \.usesAny) ? ["Any", "Optional"] : ["Optional"]))
        nodes += [.blank, .line("from .._runtime import Transport")]
        let imported = Set(methods.flatMap(\.importedNames)).map(Naming.pythonTypeName).sorted()
        if !imported.isEmpty { nodes.append(PythonSyntax.fromImport(".models", imported)) }
        nodes += [.blank, PythonSyntax.stringList("__all__", ["Client"] + resultClasses.compactMap(\.resultClassName))]
        for method in resultClasses {
            nodes += [.blank, .blank] + method.resultClass()
        }
        nodes += [.blank, .blank, clientClass()]
        return nodes
    }

    private func clientClass() -> CodeNode {
        var body = PythonSyntax.docstring([
            ["\(model.title) \(model.version)."],
            ["Every method raises ``DeltaError`` for a response outside 2xx."],
        ])
        body += [
            .blank,
            .block(
                open: "def __init__(self, base_url: str, token: Optional[str] = None, timeout: float = 30.0) -> None:",
                body: PythonSyntax.docstring([
                    ["A client for the server at ``base_url``, sending ``token`` as a Bearer credential."],
                ]) + [.line("self._transport = Transport(base_url, token, timeout)")],
                close: nil
            ),
        ]
        for method in methods {
            body += [.blank, method.method()]
        }
        return .block(open: "class Client:", body: body, close: nil)
    }
}
