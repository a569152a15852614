extension OpenAPIParser {
    /// Parses a `parameters` list; `context` names hoisted inline schemas.
    mutating func parseParameters(_ list: SpecNode?, location: String, context: String) -> [APIParameter] {
        guard let list else { return [] }
        var result: [APIParameter] = []
        for (index, element) in list.elements.enumerated() {
            let here = "\(location)[\(index)]"
            guard let (node, _) = dereference(element, location: here) else { continue }
            guard let name = node["name"]?.string, let placement = node["in"]?.string else {
                report(.error, here, "parameter needs `name` and `in`")
                continue
            }
            guard let parameterLocation = APIParameter.Location(rawValue: placement) else {
                report(.error, here, "\(placement) parameters are not supported; use path, query or header")
                continue
            }
            var required = node["required"]?.bool ?? false
            if parameterLocation == .path && !required {
                report(.warning, here, "path parameter '\(name)' must be `required: true`; treated as required")
                required = true
            }
            let type: SchemaType
            if let schema = node["schema"] {
                type = schemas.parseInline(schema, location: "\(here).schema", hoistName: context + Naming.pascalCase(name))
            } else {
                report(.warning, here, "parameter '\(name)' has no schema; treated as a string")
                type = .string()
            }
            if result.contains(where: { $0.name == name && $0.location == parameterLocation }) {
                report(.error, here, "parameter '\(name)' is declared twice")
                continue
            }
            result.append(APIParameter(
                name: name, location: parameterLocation, required: required,
                description: node["description"]?.string, type: type
            ))
        }
        return result
    }

    mutating func parseRequestBody(_ element: SpecNode, location: String, context: String) -> APIRequestBody? {
        guard let (node, _) = dereference(element, location: location) else { return nil }
        let contents = parseContents(node["content"], location: "\(location).content", hoistName: context + "Request")
        guard !contents.isEmpty else {
            report(.error, location, "request body has no content; add `content: application/json: schema: …`")
            return nil
        }
        return APIRequestBody(
            contents: contents, required: node["required"]?.bool ?? false, description: node["description"]?.string
        )
    }

    /// Parses a `content` map, JSON media types first, keeping spec order otherwise.
    mutating func parseContents(_ content: SpecNode?, location: String, hoistName: String) -> [APIContent] {
        var result: [APIContent] = []
        for (mediaType, node) in content?.pairs ?? [] {
            let type: SchemaType
            if let schema = node["schema"] {
                type = schemas.parseInline(
                    schema, location: "\(location).\(mediaType).schema",
                    hoistName: result.isEmpty ? hoistName : hoistName + Naming.pascalCase(mediaType)
                )
            } else {
                type = .anyJSON
            }
            result.append(APIContent(mediaType: mediaType, type: type))
        }
        let json = result.filter { $0.mediaType == "application/json" }
        return json + result.filter { $0.mediaType != "application/json" }
    }
}
