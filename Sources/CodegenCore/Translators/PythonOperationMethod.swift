/// One operation as a method of the generated Python `Client`, plus the result
/// dataclass it returns when its success response carries headers.
///
/// Conventions: path parameters, then required query and header parameters,
/// then the request body (named `body`) are positional; optional parameters
/// are keyword-only and default to `None`. A method returns the decoded body of
/// its first 2xx response — or, when that response declares headers, an
/// `<Operation>Result` dataclass with `.body` and one field per header.
struct PythonOperationMethod {
    let operation: APIOperation
    let types: PythonTypes

    /// The media type the runtime sends bodies with unless told otherwise.
    static let jsonMediaType = "application/json"

    /// The method name, e.g. `get_entity`.
    var name: String { Naming.pythonIdentifier(operation.id) }

    /// The response a successful call returns.
    var success: APIResponse? { operation.successResponses.first }

    /// The result dataclass name when the success response has headers, e.g. `GetEntityResult`.
    var resultClassName: String? {
        guard let success, !success.headers.isEmpty else { return nil }
        return Naming.pythonTypeName(operation.id) + "Result"
    }

    private var requiredParameters: [APIParameter] {
        operation.parameters(in: .path) + operation.parameters.filter { $0.required && $0.location != .path }
    }

    private var optionalParameters: [APIParameter] {
        operation.parameters.filter { !$0.required && $0.location != .path }
    }

    /// Every type the method's signature, result class and conversions mention.
    private var mentionedTypes: [SchemaType] {
        operation.parameters.map(\.type) + [bodyType, success?.body?.type].compactMap { $0 }
    }

    /// The body's type: the first media type's, or free-form JSON when media types disagree.
    private var bodyType: SchemaType? {
        guard let body = operation.requestBody else { return nil }
        return body.contents.allSatisfy { $0.type == body.content.type } ? body.content.type : .anyJSON
    }

    /// Whether the caller picks the body's media type (the spec lists several).
    private var choosesMediaType: Bool {
        (operation.requestBody?.contents.count ?? 0) > 1
    }

    /// The model names `client.py` must import for this method.
    var importedNames: [String] {
        mentionedTypes.flatMap { types.referencedNames($0) + types.convertedClassNames($0) }
    }

    /// Whether the method's annotations use `typing.Any`.
    var usesAny: Bool {
        mentionedTypes.contains(where: types.usesAny)
    }

    /// The result dataclass, if the operation needs one.
    func resultClass() -> [CodeNode] {
        guard let resultClassName, let success else { return [] }
        var body = PythonSyntax.docstring([["The body and headers of a successful ``\(name)`` call."]]) + [.blank]
        if let content = success.body {
            body.append(.line("body: \(types.annotation(content.type))"))
            body += PythonSyntax.docstring([[success.description]])
        }
        for header in success.headers {
            body.append(.line("\(Naming.pythonIdentifier(header.name)): Optional[str] = None"))
            body += PythonSyntax.docstring([header.description.map { [$0] } ?? []])
        }
        return [.line("@dataclass"), .block(open: "class \(resultClassName):", body: body, close: nil)]
    }

    /// The method.
    func method() -> CodeNode {
        .block(open: "def \(name)(\(signature().joined(separator: ", "))) -> \(returnAnnotation):", body: body(), close: nil)
    }

    private var returnAnnotation: String {
        if let resultClassName { return resultClassName }
        return success?.body.map { types.annotation($0.type) } ?? "None"
    }

    private func signature() -> [String] {
        var parts = ["self"] + requiredParameters.map { "\(Naming.pythonIdentifier($0.name)): \(types.annotation($0.type))" }
        let body = operation.requestBody
        if let body, let bodyType, body.required { parts.append("body: \(types.annotation(bodyType))") }
        var keywordOnly = optionalParameters.map {
            "\(Naming.pythonIdentifier($0.name)): Optional[\(types.annotation($0.type))] = None"
        }
        if let body, let bodyType, !body.required { keywordOnly.append("body: Optional[\(types.annotation(bodyType))] = None") }
        if let body, choosesMediaType { keywordOnly.append("content_type: str = \(PythonSyntax.string(body.content.mediaType))") }
        if !keywordOnly.isEmpty { parts += ["*"] + keywordOnly }
        return parts
    }

    private func body() -> [CodeNode] {
        let hasResponse = resultClassName != nil || success?.body != nil
        let call = CodeNode.block(
            open: (hasResponse ? "response = " : "") + "self._transport.request(",
            body: requestArguments(),
            close: ")"
        )
        return PythonSyntax.docstring(documentation()) + [call] + returnStatement()
    }

    private func documentation() -> [[String]] {
        func line(_ parameter: APIParameter) -> String? {
            parameter.description.map { ":param \(Naming.pythonIdentifier(parameter.name)): \($0)" }
        }
        let body = operation.requestBody
        let bodyLine = body.flatMap { $0.description ?? schemaDescription($0.content.type) }.map { ":param body: \($0)" }
        let requiredBody = body?.required == true ? [bodyLine] : []
        let optionalBody = body?.required == false ? [bodyLine] : []
        let mediaTypes = (body?.contents ?? []).map { "``\($0.mediaType)``" }.joined(separator: ", ")
        let mediaTypeLine = choosesMediaType ? [":param content_type: The body's media type: \(mediaTypes)."] : []
        let parameterLines = (requiredParameters.map(line) + requiredBody + optionalParameters.map(line) + optionalBody
            + mediaTypeLine).compactMap { $0 }
        return [
            operation.summary.map { [$0] } ?? [],
            operation.description.map { [$0] } ?? [],
            ["``\(operation.method.wireName) \(operation.path)``"],
            parameterLines,
        ]
    }

    private func schemaDescription(_ type: SchemaType) -> String? {
        type.referenceName.flatMap { types.model.schema(named: $0)?.description }
    }

    private func requestArguments() -> [CodeNode] {
        var arguments: [CodeNode] = [
            .line(PythonSyntax.string(operation.method.wireName) + ","),
            .line(PythonSyntax.string(operation.path) + ","),
        ]
        let groups: [(String, APIParameter.Location)] = [("path_params", .path), ("query", .query), ("headers", .header)]
        for (argument, location) in groups {
            let parameters = operation.parameters(in: location)
            guard !parameters.isEmpty else { continue }
            let members = parameters.map { "\(PythonSyntax.string($0.name)): \(Naming.pythonIdentifier($0.name))" }
            arguments.append(.line("\(argument)={\(members.joined(separator: ", "))},"))
        }
        if let body = operation.requestBody, let bodyType {
            let encoded = types.encode(bodyType, "body")
            if body.required {
                arguments += [.line("body=\(encoded),"), .line("has_body=True,")]
            } else {
                let value = types.needsConversion(bodyType) ? "None if body is None else \(encoded)" : "body"
                arguments += [.line("body=\(value),"), .line("has_body=body is not None,")]
            }
            if choosesMediaType {
                arguments.append(.line("content_type=content_type,"))
            } else if body.content.mediaType != Self.jsonMediaType {
                arguments.append(.line("content_type=\(PythonSyntax.string(body.content.mediaType)),"))
            }
        }
        return arguments
    }

    private func returnStatement() -> [CodeNode] {
        let decodedBody = success?.body.map { $0.isText ? "response.text()" : types.decode($0.type, "response.json()") }
        guard let resultClassName, let success else {
            return decodedBody.map { [.line("return \($0)")] } ?? []
        }
        var fields: [CodeNode] = []
        if let decodedBody { fields.append(.line("body=\(decodedBody),")) }
        for header in success.headers {
            fields.append(.line("\(Naming.pythonIdentifier(header.name))=response.header(\(PythonSyntax.string(header.name))),"))
        }
        return [.block(open: "return \(resultClassName)(", body: fields, close: ")")]
    }
}
