import DeltaJSON

/// The type-specific keywords: numbers, strings, arrays and objects.
extension ValidationRun {
    mutating func checkNumber(_ node: SchemaNode, _ number: JSONNumber, collect: Bool) -> Bool {
        var valid = true
        func report(_ keyword: String, _ message: String) {
            valid = false
            if collect { fail(node, keyword, message) }
        }
        if let divisor = node.multipleOf, !number.isMultiple(of: divisor) {
            report("multipleOf", "number is not a multiple of \(divisor)")
        }
        if let limit = node.maximum, JSONNumber.compare(number, limit) > 0 {
            report("maximum", "number is greater than the maximum \(limit)")
        }
        if let limit = node.exclusiveMaximum, JSONNumber.compare(number, limit) >= 0 {
            report("exclusiveMaximum", "number is not less than the exclusive maximum \(limit)")
        }
        if let limit = node.minimum, JSONNumber.compare(number, limit) < 0 {
            report("minimum", "number is less than the minimum \(limit)")
        }
        if let limit = node.exclusiveMinimum, JSONNumber.compare(number, limit) <= 0 {
            report("exclusiveMinimum", "number is not greater than the exclusive minimum \(limit)")
        }
        return valid
    }

    mutating func checkString(_ node: SchemaNode, _ string: String, collect: Bool) -> Bool {
        var valid = true
        func report(_ keyword: String, _ message: String) {
            valid = false
            if collect { fail(node, keyword, message) }
        }
        let bytes = string.utf8.count
        if node.maxLength != nil || node.minLength != nil {
            let needsCount = (node.maxLength.map { bytes > $0 } ?? false) || (node.minLength.map { bytes / 4 < $0 } ?? false)
            let length = needsCount ? string.unicodeScalars.count : 0
            if needsCount, let limit = node.maxLength, length > limit {
                report("maxLength", "string is longer than \(limit) character\(limit == 1 ? "" : "s")")
            }
            if needsCount, let limit = node.minLength, length < limit {
                report("minLength", "string is shorter than \(limit) character\(limit == 1 ? "" : "s")")
            }
        }
        guard spend(bytes / 64 + 1) else { return false }
        if let regex = node.pattern {
            switch regex.matches(string, budget: &budget) {
            case true?: break
            case false?: report("pattern", "string does not match the pattern '\(Self.quote(regex.pattern))'")
            case nil:
                markExhausted()
                return false
            }
        }
        if let format = node.format {
            switch format.accepts(string, budget: &budget) {
            case true?: break
            case false?: report("format", "string is not a valid \(format.rawValue)")
            case nil:
                markExhausted()
                return false
            }
        }
        return valid
    }

    mutating func checkArray(_ node: SchemaNode, _ elements: [JSONValue], collect: Bool) -> Bool {
        var valid = true
        func report(_ keyword: String, _ message: String) {
            valid = false
            if collect { fail(node, keyword, message) }
        }
        if let limit = node.maxItems, elements.count > limit { report("maxItems", "array has more than \(limit) items") }
        if let limit = node.minItems, elements.count < limit { report("minItems", "array has fewer than \(limit) items") }
        if node.uniqueItems, !spend(elements.count) { return false }
        if node.uniqueItems, let (first, second) = Self.firstDuplicate(elements) {
            report("uniqueItems", "array items \(first) and \(second) are equal; items must be unique")
        }
        if !valid && !collect { return false }
        if let items = node.items {
            for (position, element) in elements.enumerated() where !check(items, element, at: .index(position), collect: collect) {
                if !collect { return false }
                valid = false
            }
        } else if let tuple = node.tupleItems {
            for (position, element) in elements.enumerated() {
                let schema = position < tuple.count ? tuple[position] : node.additionalItems
                guard let schema, !check(schema, element, at: .index(position), collect: collect) else { continue }
                if !collect { return false }
                valid = false
            }
        }
        if let contains = node.contains, !elements.contains(where: { check(contains, $0, collect: false) }) {
            report("contains", "array has no item that matches the 'contains' schema")
        }
        return valid
    }

    private static func firstDuplicate(_ elements: [JSONValue]) -> (Int, Int)? {
        if elements.count <= 16 {
            for later in elements.indices.dropFirst() {
                for earlier in 0..<later where elements[earlier] == elements[later] { return (earlier, later) }
            }
            return nil
        }
        var seen: [JSONValue: Int] = [:]
        for (position, element) in elements.enumerated() {
            if let earlier = seen[element] { return (earlier, position) }
            seen[element] = position
        }
        return nil
    }

    mutating func checkObject(_ node: SchemaNode, _ object: JSONObject, collect: Bool) -> Bool {
        var valid = true
        func report(_ keyword: String, _ message: String) {
            valid = false
            if collect { fail(node, keyword, message) }
        }
        guard spend(node.required.count + node.properties.count + node.dependencies.count) else { return false }
        if let limit = node.maxProperties, object.count > limit {
            report("maxProperties", "object has more than \(limit) properties")
        }
        if let limit = node.minProperties, object.count < limit {
            report("minProperties", "object has fewer than \(limit) properties")
        }
        for name in node.required where object.position(of: name) == nil {
            report("required", "required property '\(Self.quote(name))' is missing")
            if !collect { return false }
        }
        for (name, schema) in node.properties {
            guard let value = object[name], !check(schema, value, at: .key(name), collect: collect) else { continue }
            if !collect { return false }
            valid = false
        }
        if !node.patternProperties.isEmpty || node.additionalProperties != nil {
            if !checkOtherMembers(node, object, collect: collect) {
                if !collect { return false }
                valid = false
            }
        }
        for (name, requires, schema) in node.dependencies where object.position(of: name) != nil {
            guard spend(requires.count) else { return false }
            for other in requires where object.position(of: other) == nil {
                report("dependencies", "property '\(Self.quote(name))' requires property '\(Self.quote(other))'")
                if !collect { return false }
            }
            if let schema, !check(schema, .object(object), collect: collect) {
                if !collect { return false }
                valid = false
            }
        }
        if let names = node.propertyNameSchema {
            for name in object.keys where !check(names, .string(name), at: .key(name), collect: collect) {
                if !collect { return false }
                valid = false
            }
        }
        return valid
    }
}
