/// What a generated client method returns for an operation's 2xx responses.
///
/// One 2xx response without headers: its body type (or nothing). Otherwise a
/// nested `<Operation>Result` struct with the body, each response header and,
/// when there are several 2xx responses, the status code.
struct ResultShape {
    let operation: APIOperation
    let mapper: SwiftTypeMapper

    private var responses: [APIResponse] { operation.successResponses }

    private var body: APIContent? { responses.lazy.compactMap(\.body).first }

    private var bodyIsOptional: Bool { responses.contains { $0.body == nil } }

    /// The response headers of every 2xx response, first occurrence of each name.
    private var headers: [APIHeader] {
        var seen: Set<String> = []
        return responses.flatMap(\.headers).filter { seen.insert($0.name.lowercased()).inserted }
    }

    private var needsStruct: Bool { responses.count > 1 || !headers.isEmpty }

    private var structName: String { Naming.swiftTypeName(operation.id) + "Result" }

    private var bodyType: String? { body.map { mapper.bodyType($0.type) } }

    /// The member access that reads a response's body: text as it is, JSON decoded.
    private func bodyAccess(_ bodyType: String) -> String {
        body?.isText == true ? ".text" : ".decode(\(bodyType).self)"
    }

    /// The method's return type, or nil for none.
    var returnType: String? { needsStruct ? structName : bodyType }

    /// The `- Returns:` text, or nil when the method returns nothing.
    var returnsDoc: String? {
        guard returnType != nil, let first = responses.first else { return nil }
        return needsStruct ? "The body and headers of the response." : first.description
    }

    /// The statements after the request is built.
    func responseLines() -> [CodeNode] {
        guard needsStruct else {
            if let bodyType { return [.line("return try await send(request)" + bodyAccess(bodyType))] }
            return [.line("_ = try await send(request)")]
        }
        var arguments: [String] = []
        if responses.count > 1 { arguments.append("statusCode: response.statusCode") }
        if let bodyType {
            arguments.append(bodyIsOptional
                ? "body: response.body.isEmpty ? nil : " + (body?.isText == true ? "" : "try ") + "response" + bodyAccess(bodyType)
                : "body: " + (body?.isText == true ? "" : "try ") + "response" + bodyAccess(bodyType))
        }
        for header in headers {
            arguments.append("\(Naming.swiftIdentifier(header.name).unescaped): response.header(\(SwiftSupport.stringLiteral(header.name)))")
        }
        let lines = arguments.enumerated().map { index, argument in
            CodeNode.line(index == arguments.count - 1 ? argument : argument + ",")
        }
        return [
            .line("let response = try await send(request)"),
            .block(open: "return \(structName)(", body: lines, close: ")"),
        ]
    }

    /// The result struct, or nil when the method returns the body directly.
    func declaration() -> [CodeNode]? {
        guard needsStruct else { return nil }
        var fields: [SwiftField] = []
        if responses.count > 1 {
            fields.append(SwiftField(doc: ["The response's status code."], name: "statusCode", type: "Int", optional: false))
        }
        if let bodyType {
            fields.append(SwiftField(doc: ["The response body."], name: "body", type: bodyType, optional: bodyIsOptional))
        }
        for header in headers {
            fields.append(SwiftField(
                doc: SwiftSupport.docLines(header.description), name: Naming.swiftIdentifier(header.name),
                type: "String", optional: true
            ))
        }
        let codes = responses.compactMap(\.statusCode).map(String.init).joined(separator: ", ")
        return [
            .docComment(["What `\(Naming.swiftIdentifier(operation.id).unescaped)` returns: the \(codes) response."]),
            .braces("public struct \(structName): Sendable", SwiftField.membersAndInit(fields, initDoc: "Creates a result.")),
        ]
    }
}
