import DeltaJSON

extension ValidationRun {
    /// `patternProperties` and `additionalProperties`: each member matching a
    /// pattern is checked against that pattern's schema; members matched by
    /// neither `properties` nor a pattern are checked against
    /// `additionalProperties`.
    mutating func checkOtherMembers(_ node: SchemaNode, _ object: JSONObject, collect: Bool) -> Bool {
        var valid = true
        for (name, value) in object.members {
            guard spend(1 + node.patternProperties.count) else { return false }
            var matched = Self.isDeclared(name, in: node)
            for (regex, schema) in node.patternProperties {
                guard let found = regex.matches(name, budget: &budget) else {
                    markExhausted()
                    return false
                }
                guard found else { continue }
                matched = true
                if !check(schema, value, at: .key(name), collect: collect) {
                    if !collect { return false }
                    valid = false
                }
            }
            guard !matched, let additional = node.additionalProperties else { continue }
            if nodes[additional].constant == false {
                valid = false
                if !collect { return false }
                fail(node, "additionalProperties", "additional property '\(Self.quote(name))' is not allowed", at: .key(name))
            } else if !check(additional, value, at: .key(name), collect: collect) {
                if !collect { return false }
                valid = false
            }
        }
        return valid
    }

    /// Whether `name` is one of the `properties`, comparing code points.
    private static func isDeclared(_ name: String, in node: SchemaNode) -> Bool {
        guard node.propertyNames.contains(name) else { return false }
        return node.properties.contains { $0.name.utf8.elementsEqual(name.utf8) }
    }
}
