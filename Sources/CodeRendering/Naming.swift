/// Derives every identifier the translators emit from the spec's names, in one place.
///
/// Names are split into words at `_`, `-`, `.`, spaces and lower→upper case
/// changes, then joined per convention. It does not guarantee uniqueness; the
/// parser reports collisions it can see (e.g. two properties mapping to one name).
public enum Naming {
    /// Splits `name` into words: `schema_pointer` → [schema, pointer],
    /// `If-Match` → [If, Match], `getEntity` → [get, Entity], `ETag` → [ETag].
    public static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, previous.isLowercase || previous.isNumber, character.isUppercase, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// lowerCamelCase: `schema_pointer` → `schemaPointer`, `ETag` → `etag`,
    /// `If-Match` → `ifMatch`, `getEntity` → `getEntity`.
    public static func camelCase(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "_" }
        let head = first.lowercased()
        let tail = parts.dropFirst().map(capitalizeFirst)
        return prefixIfLeadingDigit(head + tail.joined())
    }

    /// UpperCamelCase: `getEntity` → `GetEntity`, `error_detail` → `ErrorDetail`.
    public static func pascalCase(_ name: String) -> String {
        let joined = words(name).map(capitalizeFirst).joined()
        return prefixIfLeadingDigit(joined.isEmpty ? "_" : joined)
    }

    /// snake_case: `getEntity` → `get_entity`, `If-Match` → `if_match`, `ETag` → `etag`.
    public static func snakeCase(_ name: String) -> String {
        let joined = words(name).map { $0.lowercased() }.joined(separator: "_")
        return prefixIfLeadingDigit(joined.isEmpty ? "_" : joined)
    }

    /// A Swift property, parameter or case name, backquoted when it is a keyword.
    public static func swiftIdentifier(_ name: String) -> String {
        let identifier = camelCase(name)
        return swiftKeywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// A Swift type name for a schema or operation: `getEntity` → `GetEntity`.
    public static func swiftTypeName(_ name: String) -> String {
        let identifier = pascalCase(name)
        return swiftReservedTypeNames.contains(identifier) ? identifier + "_" : identifier
    }

    /// A Python attribute or function name, suffixed with `_` when it is a keyword.
    public static func pythonIdentifier(_ name: String) -> String {
        let identifier = snakeCase(name)
        return pythonKeywords.contains(identifier) ? identifier + "_" : identifier
    }

    /// A Python class name: `ErrorResponse` → `ErrorResponse`.
    public static func pythonTypeName(_ name: String) -> String {
        pascalCase(name)
    }

    /// A TypeScript type name: `ErrorResponse` → `ErrorResponse`.
    public static func typeScriptTypeName(_ name: String) -> String {
        pascalCase(name)
    }

    /// A TypeScript method or variable name: `getEntity` → `getEntity`.
    public static func typeScriptIdentifier(_ name: String) -> String {
        let identifier = camelCase(name)
        return typeScriptKeywords.contains(identifier) ? identifier + "_" : identifier
    }

    /// A TypeScript object key: the JSON name itself, quoted unless it is a plain identifier.
    public static func typeScriptPropertyKey(_ name: String) -> String {
        let isPlain = name.first.map { $0.isLetter || $0 == "_" || $0 == "$" } ?? false
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "$") }
        return isPlain ? name : "\"\(name)\""
    }

    /// The name of a `200`-style success case: `200` → `ok`, `204` → `noContent`.
    public static func statusCaseName(_ statusCode: Int?) -> String {
        guard let statusCode else { return "default" }
        return statusNames[statusCode] ?? "status\(statusCode)"
    }

    private static func capitalizeFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    private static func prefixIfLeadingDigit(_ identifier: String) -> String {
        identifier.first?.isNumber == true ? "_" + identifier : identifier
    }

    private static let statusNames: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
        205: "resetContent", 206: "partialContent", 207: "multiStatus",
    ]

    private static let swiftKeywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while",
        "as", "catch", "false", "is", "nil", "super", "self", "throw", "throws", "true", "try", "any", "some",
    ]

    private static let swiftReservedTypeNames: Set<String> = [
        "Type", "Self", "Protocol", "Any", "Operations", "Input", "Output",
    ]

    private static let pythonKeywords: Set<String> = [
        "false", "none", "true", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        "json", "self",
    ]

    private static let typeScriptKeywords: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
        "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try", "typeof",
        "var", "void", "while", "with", "let", "static", "yield", "await",
    ]
}
