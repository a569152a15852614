/// Builds `Operations.swift`: one namespace per operation with its descriptor,
/// `Input` and `Output`, plus `Operations.all`.
struct SwiftServerOperations {
    let mapper: SwiftTypeMapper

    func file() -> [CodeNode] {
        let model = mapper.model
        let namespaces = model.operations.map(namespace)
        let all = model.operations.map { CodeNode.line("\(Naming.swiftTypeName($0.id)).descriptor,") }
        let allDeclaration: [CodeNode] = [
            .docComment(["Every operation of the spec, in spec order."]),
            .block(open: "public static let all: [\(SwiftNames.operationDescriptor)] = [", body: all, close: "]"),
        ]
        return [
            .line("import \(SwiftNames.serverRuntimeModule)"),
            .blank,
            .docComment(["The operations of the REST API, one namespace per operation."]),
            .line("public enum \(SwiftNames.operationsNamespace) {}"),
            .blank,
            .braces("extension \(SwiftNames.operationsNamespace)", CodeNode.separated(namespaces + [allDeclaration])),
        ]
    }

    private func namespace(_ operation: APIOperation) -> [CodeNode] {
        let descriptorLine = "public static let descriptor = \(SwiftNames.operationDescriptor)(id: "
            + "\(SwiftSupport.stringLiteral(operation.id)), method: \(SwiftSupport.stringLiteral(operation.method.wireName)), "
            + "path: \(SwiftSupport.stringLiteral(operation.path)), permission: \(permission(operation)))"
        let body = CodeNode.separated([
            [.docComment(["Method, path and required permission of this operation."]), .line(descriptorLine)],
            input(operation),
            output(operation),
        ])
        let description = SwiftSupport.docLines(operation.description)
        return [
            .docComment([SwiftSupport.operationTitle(operation)] + (description.isEmpty ? [] : [""] + description)),
            .braces("public enum \(Naming.swiftTypeName(operation.id))", body),
        ]
    }

    /// The descriptor's permission argument; `authenticated` operations need a
    /// credential but no particular permission.
    private func permission(_ operation: APIOperation) -> String {
        switch operation.permission {
        case nil: "nil"
        case .authenticated: "nil, requiresCredential: true"
        case let permission?: ".\(permission.rawValue)"
        }
    }

    /// The stored properties of `Input`: path, query and header parameters, then the body.
    static func inputFields(_ operation: APIOperation, mapper: SwiftTypeMapper) -> [SwiftField] {
        var fields: [SwiftField] = []
        for location in APIParameter.Location.allCases {
            for parameter in operation.parameters(in: location) {
                fields.append(SwiftField(
                    doc: SwiftSupport.docLines(parameter.description),
                    name: Naming.swiftIdentifier(parameter.name),
                    type: mapper.propertyType(parameter.type),
                    optional: !parameter.required
                ))
            }
        }
        if let requestBody = operation.requestBody {
            fields.append(SwiftField(
                doc: ["The request body."], name: "body",
                type: mapper.bodyType(requestBody.content.type), optional: !requestBody.required
            ))
            if requestBody.contents.count > 1 {
                fields.append(SwiftField(
                    doc: ["The request's `Content-Type`, one of the media types the spec allows."],
                    name: "contentType", type: "String", optional: true
                ))
            }
        }
        return fields
    }

    private func input(_ operation: APIOperation) -> [CodeNode] {
        let fields = Self.inputFields(operation, mapper: mapper)
        return [
            .docComment(["The decoded request."]),
            .braces("public struct Input: Sendable", SwiftField.membersAndInit(fields, initDoc: "Creates an input.")),
        ]
    }

    private func output(_ operation: APIOperation) -> [CodeNode] {
        let responses = operation.successResponses
        let cases = responses.map { response -> [CodeNode] in
            let name = Naming.statusCaseName(response.statusCode)
            let code = response.statusCode.map(String.init) ?? "default"
            let summary = response.description.isEmpty ? "" : ": \(response.description)"
            return [
                .docComment(["\(code)\(summary)"]),
                .line("case \(name)(\(Naming.swiftTypeName(name)))"),
            ]
        }
        let structs = responses.map(responseStruct)
        let body = CodeNode.separated([cases.flatMap { $0 }] + structs)
        return [
            .docComment(["The successful responses; errors are thrown as `\(SwiftNames.errorType)`."]),
            .braces("public enum Output: Sendable", body),
        ]
    }

    private func responseStruct(_ response: APIResponse) -> [CodeNode] {
        let name = Naming.statusCaseName(response.statusCode)
        let code = response.statusCode.map(String.init) ?? "default"
        var fields: [SwiftField] = []
        if let content = response.body {
            fields.append(SwiftField(doc: ["The response body."], name: "body", type: mapper.bodyType(content.type), optional: false))
        }
        for header in response.headers {
            fields.append(SwiftField(
                doc: SwiftSupport.docLines(header.description), name: Naming.swiftIdentifier(header.name),
                type: "String", optional: !header.required
            ))
        }
        let what = response.body == nil ? "The headers" : "The body and headers"
        return [
            .docComment(["\(what) of the \(code) response."]),
            .braces(
                "public struct \(Naming.swiftTypeName(name)): Sendable",
                SwiftField.membersAndInit(fields, initDoc: "Creates a response.")
            ),
        ]
    }
}
