extension OpenAPIParser {
    /// The members of a path item that are not operations.
    static let pathItemFields: Set<String> = ["parameters", "summary", "description", "servers", "$ref"]

    mutating func parsePathItem(_ item: SpecNode, path: String) -> [APIOperation] {
        let location = "paths.\(path)"
        let shared = parseParameters(item["parameters"], location: "\(location).parameters", context: path)
        var operations: [APIOperation] = []
        for (key, node) in item.pairs {
            if Self.pathItemFields.contains(key) || key.hasPrefix("x-") { continue }
            guard let method = HTTPMethod(rawValue: key) else {
                report(.warning, "\(location).\(key)", "'\(key)' is not an HTTP method; ignored")
                continue
            }
            if let operation = parseOperation(node, method: method, path: path, shared: shared) {
                operations.append(operation)
            }
        }
        return operations
    }

    private mutating func parseOperation(
        _ node: SpecNode, method: HTTPMethod, path: String, shared: [APIParameter]
    ) -> APIOperation? {
        let location = "paths.\(path).\(method.rawValue)"
        guard let id = node["operationId"]?.string, !id.isEmpty else {
            report(.error, location, "operation has no operationId; add one (it names the generated method)")
            return nil
        }
        let typeName = Naming.swiftTypeName(id)
        let own = parseParameters(node["parameters"], location: "\(location).parameters", context: typeName)
        var parameters = shared.filter { sharedParameter in
            !own.contains { $0.name == sharedParameter.name && $0.location == sharedParameter.location }
        }
        parameters += own
        checkPathParameters(parameters, path: path, location: location)
        var operation = APIOperation(
            id: id, method: method, path: path,
            summary: node["summary"]?.string, description: node["description"]?.string,
            tags: node["tags"]?.elements.compactMap(\.string) ?? [],
            permission: parsePermission(node, location: location),
            parameters: parameters, location: location
        )
        if let body = node["requestBody"] {
            operation.requestBody = parseRequestBody(body, location: "\(location).requestBody", context: typeName)
        }
        if let responses = node["responses"] {
            operation.responses = parseResponses(responses, location: "\(location).responses", context: typeName)
        } else {
            report(.error, location, "operation has no responses")
        }
        return operation
    }

    private mutating func parsePermission(_ node: SpecNode, location: String) -> APIPermission? {
        let security = node["security"] ?? root["security"]
        let isPublic = security.map { $0.elements.isEmpty } ?? true
        let declared = node["x-deltadb-permission"]?.string
        if isPublic {
            if declared != nil {
                report(.warning, "\(location).x-deltadb-permission", "ignored: the operation is public (`security: []`)")
            }
            return nil
        }
        guard let declared else {
            report(.error, location, "operation requires authentication but has no x-deltadb-permission; add read, write, admin or authenticated, or `security: []`; assuming admin")
            return .admin
        }
        guard let permission = APIPermission(rawValue: declared) else {
            report(.error, "\(location).x-deltadb-permission", "'\(declared)' is not read, write, admin or authenticated; assuming admin")
            return .admin
        }
        return permission
    }

    private mutating func checkPathParameters(_ parameters: [APIParameter], path: String, location: String) {
        let names = Set(parameters.filter { $0.location == .path }.map(\.name))
        for segment in path.split(separator: "/") where segment.hasPrefix("{") && segment.hasSuffix("}") {
            let name = String(segment.dropFirst().dropLast())
            if !names.contains(name) {
                report(.error, location, "path parameter '{\(name)}' is not declared; add it to `parameters`")
            }
        }
    }
}
