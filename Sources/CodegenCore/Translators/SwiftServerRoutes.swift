/// Builds `Routes.swift`: `registerRoutes(on:limits:)`, one Hummingbird route per operation.
///
/// Each route decodes path parameters, authorizes (scope: the `database` path
/// parameter, if any), reads query and header parameters and the body, calls
/// the handler and encodes its output. Integer and boolean parameters are parsed
/// with `RequestReader.integer` / `RequestReader.boolean`.
struct SwiftServerRoutes {
    let mapper: SwiftTypeMapper

    func file() -> [CodeNode] {
        let routes = mapper.model.operations.map(route)
        let register = "public func registerRoutes<Context: RequestContext>(on router: some RouterMethods<Context>, "
            + "limits: \(SwiftNames.requestLimits))"
        return [
            .line("import \(SwiftNames.serverRuntimeModule)"),
            .line("import \(SwiftNames.routerModule)"),
            .blank,
            .braces("extension \(SwiftNames.apiProtocol)", [
                .docComment([
                    "Registers every operation of the spec on `router`.",
                    "",
                    "Each route decodes its path parameters, authorizes the caller (for",
                    "operations that require a permission), reads query parameters, headers and",
                    "body, calls the handler, and encodes its output. Errors propagate to the",
                    "router's error middleware.",
                ]),
                .braces(register, routes),
            ]),
        ]
    }

    /// `/entity/{database}` → `/entity/:database`.
    static func routerPath(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }

    private func route(_ operation: APIOperation) -> CodeNode {
        let typeName = "\(SwiftNames.operationsNamespace).\(Naming.swiftTypeName(operation.id))"
        var body: [CodeNode] = operation.parameters(in: .path).map(readParameter)
        if operation.permission != nil {
            let hasScope = operation.parameters(in: .path).contains { $0.name == SwiftNames.scopeParameter }
            body.append(.block(open: "let caller = try await self.authorize(", body: [
                .line("\(typeName).descriptor,"),
                .line("authorization: \(SwiftNames.requestReader).header(\"\(SwiftNames.authorizationHeader)\", request: request),"),
                .line("scope: \(hasScope ? Naming.swiftIdentifier(SwiftNames.scopeParameter) : "nil")"),
            ], close: ")"))
        }
        body += operation.parameters(in: .query).map(readParameter)
        body += operation.parameters(in: .header).map(readParameter)
        if let requestBody = operation.requestBody {
            body += readBody(requestBody)
        }
        let arguments = SwiftServerOperations.inputFields(operation, mapper: mapper)
            .map { "\($0.name.unescaped): \($0.name)" }.joined(separator: ", ")
        body.append(.line("let input = \(typeName).Input(\(arguments))"))
        let call = "self.\(Naming.swiftIdentifier(operation.id))(input\(operation.permission == nil ? "" : ", caller: caller"))"
        // `case` lines sit at the level of their `switch`.
        body.append(.line("switch try await \(call) {"))
        body += operation.successResponses.flatMap(writeResponse)
        body.append(.line("}"))
        let method = operation.method.rawValue
        return .block(
            open: "router.on(\(SwiftSupport.stringLiteral(Self.routerPath(operation.path))), method: .\(method)) { request, context in",
            body: body,
            close: "}"
        )
    }

    private func readParameter(_ parameter: APIParameter) -> CodeNode {
        let name = SwiftSupport.stringLiteral(parameter.name)
        let reader = SwiftNames.requestReader
        var expression: String
        var throwing = true
        switch parameter.location {
        case .path: expression = "\(reader).pathParameter(\(name), context: context)"
        case .query: expression = "\(reader).queryParameter(\(name), request: request, required: \(parameter.required))"
        case .header:
            if parameter.required {
                expression = "\(reader).header(\(name), request: request, required: true)"
            } else {
                expression = "\(reader).header(\(name), request: request)"
                throwing = false
            }
        }
        var optionalResult = parameter.location != .path
        switch mapper.model.resolve(parameter.type) {
        case .integer(let format):
            let swiftType = mapper.propertyType(.integer(format))
            expression = "\(reader).integer(\(expression), parameter: \(name), as: \(swiftType).self)"
            throwing = true
            optionalResult = true
        case .boolean:
            expression = "\(reader).boolean(\(expression), parameter: \(name))"
            throwing = true
            optionalResult = true
        default:
            break
        }
        let unwrap = optionalResult && parameter.required ? "!" : ""
        let value = (throwing ? "try " : "") + expression + unwrap
        return .line("let \(Naming.swiftIdentifier(parameter.name)) = \(value)")
    }

    private func readBody(_ requestBody: APIRequestBody) -> [CodeNode] {
        let bytes = "try await \(SwiftNames.requestReader).body(request, limits: limits)"
        let type = requestBody.content.type
        let typeName = mapper.bodyType(type)
        var nodes: [CodeNode] = []
        if requestBody.contents.count > 1 {
            nodes.append(.line("let contentType = \(SwiftNames.requestReader).header(\"\(SwiftNames.contentTypeHeader)\", request: request)"))
        }
        let isRaw = mapper.isRawBody(type)
        if requestBody.required {
            nodes.append(.line(isRaw
                ? "let body = \(typeName)(bytes: \(bytes))"
                : "let body = try \(SwiftNames.requestReader).decode(\(typeName).self, from: \(bytes))"))
        } else {
            nodes.append(.line("let bodyBytes = \(bytes)"))
            nodes.append(.line(isRaw
                ? "let body = bodyBytes.isEmpty ? nil : \(typeName)(bytes: bodyBytes)"
                : "let body = bodyBytes.isEmpty ? nil : try \(SwiftNames.requestReader).decode(\(typeName).self, from: bodyBytes)"))
        }
        return nodes
    }

    private func writeResponse(_ response: APIResponse) -> [CodeNode] {
        guard let code = response.statusCode else { return [] }
        let name = Naming.statusCaseName(code)
        let status = SwiftNames.statusExpression(code)
        let writer = SwiftNames.responseWriter
        guard response.body != nil || !response.headers.isEmpty else {
            return [.block(open: "case .\(name):", body: [.line("return Response(status: \(status))")], close: nil)]
        }
        var body: [CodeNode] = []
        var headersArgument = ""
        if !response.headers.isEmpty {
            body.append(.line("var headers = HTTPFields()"))
            for header in response.headers {
                body.append(.line("\(writer).add(\(SwiftSupport.stringLiteral(header.name)), \(name).\(Naming.swiftIdentifier(header.name).unescaped), to: &headers)"))
            }
            headersArgument = ", headers: headers"
        }
        if let content = response.body {
            let mediaType = SwiftSupport.stringLiteral(content.mediaType)
            body.append(.line(content.isText
                ? "return \(writer).text(\(name).body, contentType: \(mediaType), status: \(status)\(headersArgument))"
                : mapper.isRawBody(content.type)
                ? "return \(writer).raw(\(name).body, status: \(status)\(headersArgument))"
                : "return try \(writer).json(\(name).body, status: \(status)\(headersArgument))"))
        } else {
            body.append(.line("return Response(status: \(status)\(headersArgument))"))
        }
        return [.block(open: "case .\(name)(let \(name)):", body: body, close: nil)]
    }
}
