extension OpenAPIParser {
    mutating func parseResponses(_ responses: SpecNode, location: String, context: String) -> [APIResponse] {
        var result: [APIResponse] = []
        for (key, element) in responses.pairs {
            let here = "\(location).\(key)"
            let statusCode: Int?
            if key == "default" {
                statusCode = nil
            } else if let code = Int(key), (100..<600).contains(code) {
                statusCode = code
            } else {
                report(.error, here, "status '\(key)' is not supported; use a status code or `default`")
                continue
            }
            guard let (node, componentName) = dereference(element, location: here) else { continue }
            let hoistName = context + "Response" + (statusCode == 200 ? "" : key.capitalized)
            let contents = parseContents(node["content"], location: "\(here).content", hoistName: hoistName)
            if contents.count > 1 {
                report(.warning, "\(here).content", "only the first media type (\(contents[0].mediaType)) is generated")
            }
            result.append(APIResponse(
                statusCode: statusCode,
                description: node["description"]?.string ?? "",
                headers: parseHeaders(node["headers"], location: "\(here).headers"),
                body: contents.first,
                componentName: componentName
            ))
        }
        return result
    }

    private mutating func parseHeaders(_ headers: SpecNode?, location: String) -> [APIHeader] {
        var result: [APIHeader] = []
        for (name, element) in headers?.pairs ?? [] {
            let here = "\(location).\(name)"
            guard let (node, _) = dereference(element, location: here) else { continue }
            let type = node["schema"].map { schemas.parseInline($0, location: "\(here).schema", hoistName: nil) } ?? .string()
            result.append(APIHeader(
                name: name, description: node["description"]?.string,
                required: node["required"]?.bool ?? false, type: type
            ))
        }
        return result
    }
}
