import CodeRendering
import DeltaJSON

/// Python spellings the Pydantic translator needs beyond `PythonSyntax`:
/// literal values, attribute names and keyword arguments. Builds strings for
/// single lines only; it never indents.
enum PydanticSyntax {
    /// A Python literal for a scalar JSON value (`"a"`, `1`, `True`, `None`).
    static func literal(_ value: JSONValue) -> String {
        switch value {
        case .null: "None"
        case .bool(let flag): flag ? "True" : "False"
        case .number(let number): number.literal
        case .string(let text): PythonSyntax.string(text)
        case .array, .object: "None"
        }
    }

    /// The attribute for JSON member `jsonName`, and whether it needs `alias=`.
    ///
    /// The JSON name itself when it is a plain ASCII identifier that is no
    /// keyword and shadows nothing the model needs; otherwise a snake_case
    /// spelling with `_` appended, made unique against `taken`.
    static func attribute(_ jsonName: String, taken: Set<String>) -> (name: String, aliased: Bool) {
        if isUsable(jsonName), !taken.contains(jsonName) { return (jsonName, false) }
        var base = Naming.snakeCase(jsonName)
        if base.hasPrefix("_") { base = "field" + base }
        if base.hasPrefix("model_") { base = "field_" + base }
        if !isUsable(base) { base += "_" }
        var name = base
        var counter = 2
        while taken.contains(name) {
            name = "\(base)_\(counter)"
            counter += 1
        }
        return (name, true)
    }

    private static func isUsable(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        let plain = name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
        }
        return plain && !keywords.contains(name) && !reserved.contains(name) && !name.hasPrefix("model_")
    }

    /// Python's keywords.
    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
        "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
        "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]

    /// Names a field must not take: `BaseModel` members (shadowing warns or
    /// breaks them) and the names the generated annotations use (a field with
    /// a default named `int` would change what later `int` annotations mean).
    static let reserved: Set<String> = [
        "construct", "copy", "dict", "from_orm", "json", "parse_file", "parse_obj", "parse_raw", "schema",
        "schema_json", "update_forward_refs", "validate", "fields",
        "str", "int", "float", "bool", "None", "Any", "Annotated", "Dict", "List", "Literal", "Optional", "Union",
        "BaseModel", "ConfigDict", "Field", "AfterValidator", "NoValue",
    ]

    /// `name=value` keyword arguments for `Field(...)` from `constraints`, in a fixed order.
    static func fieldArguments(_ constraints: SchemaConstraints) -> [String] {
        let pairs: [(String, String?)] = [
            ("min_length", constraints.minLength ?? constraints.minItems),
            ("max_length", constraints.maxLength ?? constraints.maxItems),
            ("pattern", constraints.pattern.map(PythonSyntax.string)),
            ("ge", constraints.minimum), ("le", constraints.maximum),
            ("gt", constraints.exclusiveMinimum), ("lt", constraints.exclusiveMaximum),
            ("multiple_of", constraints.multipleOf),
        ]
        return pairs.compactMap { key, value in value.map { "\(key)=\($0)" } }
    }
}
