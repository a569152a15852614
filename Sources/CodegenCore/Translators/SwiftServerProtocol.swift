/// Builds `APIProtocol.swift`: the protocol hand-written handlers implement.
struct SwiftServerProtocol {
    let model: APIModel

    func file() -> [CodeNode] {
        let authorize: [CodeNode] = [
            .docComment([
                "Checks the credential of a request to an operation that requires a permission.",
                "",
                "- Parameters:",
                "  - operation: The operation being called, with the permission it requires.",
                "  - authorization: The `\(SwiftNames.authorizationHeader)` header, if any.",
                "  - scope: The `\(SwiftNames.scopeParameter)` path parameter, if the operation has one.",
                "- Throws: An error to reject the request (401 or 403).",
            ]),
            .line("func authorize(_ operation: \(SwiftNames.operationDescriptor), authorization: String?, scope: String?) async throws -> Caller"),
        ]
        let caller: [CodeNode] = [
            .docComment(["Who is calling, as established by `authorize(_:authorization:scope:)`."]),
            .line("associatedtype Caller: Sendable"),
        ]
        let methods = model.operations.map { operation -> [CodeNode] in
            [.docComment([SwiftSupport.operationTitle(operation)]), .line(Self.requirement(operation))]
        }
        return [
            .line("import \(SwiftNames.serverRuntimeModule)"),
            .blank,
            .docComment([
                "The REST API as a protocol: one method per operation of the spec.",
                "",
                "Implement it by hand and register it with `registerRoutes(on:limits:)`.",
                "Operations that require a permission receive the `Caller` that",
                "`authorize(_:authorization:scope:)` returned; public ones do not.",
            ]),
            .braces("public protocol \(SwiftNames.apiProtocol): Sendable", CodeNode.separated([caller, authorize] + methods)),
        ]
    }

    /// `func getEntity(_ input: Operations.GetEntity.Input, caller: Caller) async throws -> Operations.GetEntity.Output`
    static func requirement(_ operation: APIOperation) -> String {
        let namespace = "\(SwiftNames.operationsNamespace).\(Naming.swiftTypeName(operation.id))"
        let caller = operation.permission == nil ? "" : ", caller: Caller"
        return "func \(Naming.swiftIdentifier(operation.id))(_ input: \(namespace).Input\(caller)) async throws -> \(namespace).Output"
    }
}
