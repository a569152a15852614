/// Small building blocks the Swift translators share.
enum SwiftSupport {
    /// Doc-comment lines for a spec text: one line per line of `text`, none when nil or empty.
    static func docLines(_ text: String?) -> [String] {
        guard let text, !text.trimmingCharactersInWhitespace.isEmpty else { return [] }
        return text.trimmingCharactersInWhitespace.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingTrailingWhitespace }
    }

    /// A Swift string literal for `text`, escaping `\` and `"`.
    static func stringLiteral(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }

    /// The title line of an operation's documentation: `` `GET /health`: Summary``.
    static func operationTitle(_ operation: APIOperation) -> String {
        let route = "`\(operation.method.wireName) \(operation.path)`"
        guard let summary = operation.summary, !summary.isEmpty else { return route }
        return "\(route): \(summary)"
    }
}

/// One stored property of a generated struct.
struct SwiftField {
    /// Doc-comment lines (may be empty).
    var doc: [String]
    /// The Swift identifier.
    var name: String
    /// The Swift type, without the optional marker.
    var type: String
    /// Whether the property is optional (`T?`, defaulting to nil in `init`).
    var optional: Bool

    var declaredType: String { optional ? type + "?" : type }
}

extension SwiftField {
    /// The properties, a blank line, then a memberwise `init` documented with `initDoc`.
    static func membersAndInit(_ fields: [SwiftField], initDoc: String) -> [CodeNode] {
        var nodes: [CodeNode] = []
        for field in fields {
            nodes.append(.docComment(field.doc))
            nodes.append(.line("public var \(field.name): \(field.declaredType)"))
        }
        if !nodes.isEmpty { nodes.append(.blank) }
        nodes.append(.docComment([initDoc]))
        guard !fields.isEmpty else {
            nodes.append(.line("public init() {}"))
            return nodes
        }
        let parameters = fields.map { "\($0.name): \($0.declaredType)\($0.optional ? " = nil" : "")" }
        let assignments = fields.map { CodeNode.line("self.\($0.name.unescaped) = \($0.name)") }
        nodes.append(.braces("public init(\(parameters.joined(separator: ", ")))", assignments))
        return nodes
    }
}

extension String {
    var trimmingCharactersInWhitespace: String {
        var result = Substring(self)
        while let first = result.first, first.isWhitespace { result.removeFirst() }
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }

    var trimmingTrailingWhitespace: String {
        var result = Substring(self)
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }

    /// A Swift identifier without keyword backquotes (for `self.x = x`, where
    /// the member needs none).
    var unescaped: String {
        hasPrefix("`") && hasSuffix("`") ? String(dropFirst().dropLast()) : self
    }
}
