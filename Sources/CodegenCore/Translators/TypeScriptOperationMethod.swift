/// One operation as an async method of the generated `DeltaClient`, plus the
/// result interface it resolves with when its success response carries headers.
///
/// Conventions: path parameters, then required query and header parameters,
/// then the request body (named `body`) are positional; optional parameters
/// (and an optional body) go in a trailing `options` object. A method resolves
/// with the body of its first 2xx response — or, when that response declares
/// headers, an `<Operation>Result` with `body` and one member per header.
struct TypeScriptOperationMethod {
    let operation: APIOperation
    let types: TypeScriptTypes
    let model: APIModel

    /// The media type the runtime sends bodies with unless told otherwise.
    static let jsonMediaType = "application/json"

    /// The method name, e.g. `getEntity`.
    var name: String { Naming.typeScriptIdentifier(operation.id) }

    /// The response a successful call resolves with.
    var success: APIResponse? { operation.successResponses.first }

    /// The result interface name when the success response has headers, e.g. `GetEntityResult`.
    var resultInterfaceName: String? {
        guard let success, !success.headers.isEmpty else { return nil }
        return Naming.typeScriptTypeName(operation.id) + "Result"
    }

    private var requiredParameters: [APIParameter] {
        operation.parameters(in: .path) + operation.parameters.filter { $0.required && $0.location != .path }
    }

    private var optionalParameters: [APIParameter] {
        operation.parameters.filter { !$0.required && $0.location != .path }
    }

    private var hasOptions: Bool {
        !optionalParameters.isEmpty || operation.requestBody?.required == false || choosesMediaType
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

    /// The model names `client.ts` must import for this method.
    var importedNames: [String] {
        (operation.parameters.map(\.type) + [bodyType, success?.body?.type].compactMap { $0 })
            .flatMap(types.referencedNames)
    }

    /// The result interface, if the operation needs one.
    func resultInterface() -> [CodeNode] {
        guard let resultInterfaceName, let success else { return [] }
        var members: [CodeNode] = []
        if let content = success.body {
            members += TypeScriptSyntax.docComment([[success.description]])
            members.append(.line("body: \(types.annotation(content.type));"))
        }
        for header in success.headers {
            members += TypeScriptSyntax.docComment([header.description.map { [$0] } ?? []])
            members.append(.line("\(Naming.typeScriptIdentifier(header.name))?: string;"))
        }
        return TypeScriptSyntax.docComment([["The body and headers of a successful `\(name)` call."]])
            + [.braces("export interface \(resultInterfaceName)", members)]
    }

    /// The method, with its JSDoc.
    func method() -> [CodeNode] {
        let open = "async \(name)(\(signature().joined(separator: ", "))): Promise<\(resultType)>"
        return TypeScriptSyntax.docComment(documentation()) + [.braces(open, body())]
    }

    private var resultType: String {
        if let resultInterfaceName { return resultInterfaceName }
        return success?.body.map { types.annotation($0.type) } ?? "void"
    }

    private func signature() -> [String] {
        var parts = requiredParameters.map { "\(Naming.typeScriptIdentifier($0.name)): \(types.annotation($0.type))" }
        if let body = operation.requestBody, let bodyType, body.required {
            parts.append("body: \(types.annotation(bodyType))")
        }
        if hasOptions {
            var members = optionalParameters.map { "\(Naming.typeScriptIdentifier($0.name))?: \(types.annotation($0.type))" }
            if let body = operation.requestBody, let bodyType, !body.required {
                members.append("body?: \(types.annotation(bodyType))")
            }
            if let body = operation.requestBody, choosesMediaType {
                members.append("contentType?: \(body.contents.map { TypeScriptSyntax.string($0.mediaType) }.joined(separator: " | "))")
            }
            parts.append("options: { \(members.joined(separator: "; ")) } = {}")
        }
        return parts
    }

    private func documentation() -> [[String]] {
        func line(_ parameter: APIParameter, prefix: String) -> String? {
            parameter.description.map { "@param \(prefix)\(Naming.typeScriptIdentifier(parameter.name)) \($0)" }
        }
        let body = operation.requestBody
        let bodyDescription = body.flatMap { $0.description ?? schemaDescription($0.content.type) }
        let requiredBody = body?.required == true ? [bodyDescription.map { "@param body \($0)" }] : []
        let optionalBody = body?.required == false ? [bodyDescription.map { "@param options.body \($0)" }] : []
        let mediaTypes = (body?.contents ?? []).map { "`\($0.mediaType)`" }.joined(separator: ", ")
        let mediaTypeLine = choosesMediaType ? ["@param options.contentType The body's media type: \(mediaTypes)."] : []
        let parameterLines = (requiredParameters.map { line($0, prefix: "") } + requiredBody
            + optionalParameters.map { line($0, prefix: "options.") } + optionalBody + mediaTypeLine).compactMap { $0 }
        return [
            operation.summary.map { [$0] } ?? [],
            operation.description.map { [$0] } ?? [],
            ["`\(operation.method.wireName) \(operation.path)`"],
            parameterLines,
        ]
    }

    private func schemaDescription(_ type: SchemaType) -> String? {
        type.referenceName.flatMap { model.schema(named: $0)?.description }
    }

    private func body() -> [CodeNode] {
        let hasResponse = resultInterfaceName != nil || success?.body != nil
        let call = CodeNode.block(
            open: (hasResponse ? "const response = " : "") + "await this.transport.request({",
            body: requestMembers(),
            close: "});"
        )
        return [call] + returnStatement()
    }

    private func value(_ parameter: APIParameter) -> String {
        (parameter.required || parameter.location == .path ? "" : "options.") + Naming.typeScriptIdentifier(parameter.name)
    }

    private func requestMembers() -> [CodeNode] {
        var members: [CodeNode] = [
            .line("method: \(TypeScriptSyntax.string(operation.method.wireName)),"),
            .line("path: \(TypeScriptSyntax.string(operation.path)),"),
        ]
        let groups: [(String, APIParameter.Location)] = [("pathParams", .path), ("query", .query), ("headers", .header)]
        for (member, location) in groups {
            let parameters = operation.parameters(in: location)
            guard !parameters.isEmpty else { continue }
            let entries = parameters.map { "\(Naming.typeScriptPropertyKey($0.name)): \(value($0))" }
            members.append(.line("\(member): { \(entries.joined(separator: ", ")) },"))
        }
        if let body = operation.requestBody {
            if body.required {
                members += [.line("body: body,"), .line("hasBody: true,")]
            } else {
                members += [.line("body: options.body,"), .line("hasBody: options.body !== undefined,")]
            }
            if choosesMediaType {
                members.append(.line("contentType: options.contentType ?? \(TypeScriptSyntax.string(body.content.mediaType)),"))
            } else if body.content.mediaType != Self.jsonMediaType {
                members.append(.line("contentType: \(TypeScriptSyntax.string(body.content.mediaType)),"))
            }
        }
        return members
    }

    private func returnStatement() -> [CodeNode] {
        let decodedBody = success?.body.map { $0.isText ? "response.text()" : "response.json() as \(types.annotation($0.type))" }
        guard resultInterfaceName != nil, let success else {
            return decodedBody.map { [.line("return \($0);")] } ?? []
        }
        var members: [CodeNode] = []
        if let decodedBody { members.append(.line("body: \(decodedBody),")) }
        for header in success.headers {
            members.append(.line("\(Naming.typeScriptIdentifier(header.name)): response.header(\(TypeScriptSyntax.string(header.name))),"))
        }
        return [.block(open: "return {", body: members, close: "};")]
    }
}
