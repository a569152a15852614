/// Builds one `DeltaAPIClient` method per operation, plus a result struct when
/// the response carries headers or there are several 2xx responses.
struct SwiftClientOperations {
    let mapper: SwiftTypeMapper

    /// The method (and its result struct, if any) for `operation`.
    func method(_ operation: APIOperation) -> [CodeNode] {
        let result = ResultShape(operation: operation, mapper: mapper)
        let signature = "public func \(Naming.swiftIdentifier(operation.id))(\(parameterList(operation))) async throws"
            + (result.returnType.map { " -> \($0)" } ?? "")
        var nodes: [CodeNode] = [
            .docComment(documentation(operation, result: result)),
            .braces(signature, requestLines(operation) + result.responseLines()),
        ]
        if let declaration = result.declaration() {
            nodes += [.blank] + declaration
        }
        return nodes
    }

    private func parameterList(_ operation: APIOperation) -> String {
        var parameters: [String] = []
        for location in APIParameter.Location.allCases {
            for parameter in operation.parameters(in: location) {
                let type = mapper.propertyType(parameter.type)
                let name = Naming.swiftIdentifier(parameter.name)
                parameters.append(parameter.required ? "\(name): \(type)" : "\(name): \(type)? = nil")
            }
        }
        if let body = operation.requestBody {
            let type = mapper.bodyType(body.content.type)
            parameters.append(body.required ? "body: \(type)" : "body: \(type)? = nil")
            if body.contents.count > 1 {
                parameters.append("contentType: String = \(SwiftSupport.stringLiteral(body.content.mediaType))")
            }
        }
        return parameters.joined(separator: ", ")
    }

    private func documentation(_ operation: APIOperation, result: ResultShape) -> [String] {
        var lines = [SwiftSupport.operationTitle(operation)]
        let description = SwiftSupport.docLines(operation.description)
        if !description.isEmpty { lines += [""] + description }
        var parameters: [String] = []
        for parameter in operation.parameters {
            let text = parameter.description.map { ": \($0)" } ?? ":"
            parameters.append("  - \(Naming.swiftIdentifier(parameter.name).unescaped)\(text)")
        }
        if let body = operation.requestBody {
            parameters.append("  - body: " + (body.description ?? "The request body."))
            if body.contents.count > 1 {
                let types = body.contents.map { "`\($0.mediaType)`" }.joined(separator: ", ")
                parameters.append("  - contentType: The body's media type: \(types).")
            }
        }
        lines.append("")
        if !parameters.isEmpty { lines += ["- Parameters:"] + parameters }
        if let returns = result.returnsDoc { lines.append("- Returns: \(returns)") }
        let codes = operation.errorResponses.compactMap(\.statusCode).map(String.init)
        let listed = codes.isEmpty ? "" : " (\(codes.joined(separator: ", ")))"
        lines.append("- Throws: `\(SwiftNames.clientError)` for every non-2xx response\(listed).")
        return lines
    }

    private func requestLines(_ operation: APIOperation) -> [CodeNode] {
        var setup: [CodeNode] = []
        let query = operation.parameters(in: .query).map(item)
        if !query.isEmpty {
            setup.append(.block(open: "request.query = [", body: query, close: "]"))
        }
        let headers = operation.parameters(in: .header).map(item)
        if !headers.isEmpty {
            setup.append(.block(open: "request.headers = [", body: headers, close: "]"))
        }
        if let body = operation.requestBody {
            let encode = "request.body = try \(SwiftNames.clientRequest).jsonBody(body)"
            setup.append(body.required ? .line(encode) : .braces("if let body", [.line(encode)]))
            let mediaType = body.contents.count > 1 ? "contentType" : SwiftSupport.stringLiteral(body.content.mediaType)
            setup.append(.line("request.contentType = \(mediaType)"))
        }
        let create = "\(setup.isEmpty ? "let" : "var") request = \(SwiftNames.clientRequest)(method: "
            + "\(SwiftSupport.stringLiteral(operation.method.wireName)), path: \(pathExpression(operation)))"
        return [.line(create)] + setup
    }

    /// A string literal with each `{name}` replaced by its percent-encoded value.
    private func pathExpression(_ operation: APIOperation) -> String {
        var literal = ""
        var rest = Substring(operation.path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal += escape(rest[..<open])
            let name = String(rest[rest.index(after: open)..<close])
            let parameter = operation.parameters(in: .path).first { $0.name == name }
            let value = stringValue(Naming.swiftIdentifier(name), type: parameter?.type ?? .string())
            literal += "\\(\(SwiftNames.clientRequest).encodePathSegment(\(value)))"
            rest = rest[rest.index(after: close)...]
        }
        return "\"" + literal + escape(rest) + "\""
    }

    private func escape(_ text: Substring) -> String {
        String(SwiftSupport.stringLiteral(String(text)).dropFirst().dropLast())
    }

    private func item(_ parameter: APIParameter) -> CodeNode {
        let name = Naming.swiftIdentifier(parameter.name)
        let isString = mapper.propertyType(parameter.type) == "String"
        let value: String
        if isString {
            value = name
        } else if parameter.required {
            value = "String(\(name))"
        } else {
            value = "\(name).map { String($0) }"
        }
        return .line(".init(\(SwiftSupport.stringLiteral(parameter.name)), \(value)),")
    }

    private func stringValue(_ name: String, type: SchemaType) -> String {
        mapper.propertyType(type) == "String" ? name : "String(\(name))"
    }
}
