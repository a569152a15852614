import DeltaJSON

/// One pass of a `CompiledSchema` over one instance.
///
/// `check` returns whether the value is valid. With `collect` it records
/// every error it finds; without, it stops at the first failure and records
/// nothing — the mode `anyOf`, `oneOf`, `not`, `if` and `contains` use, since
/// only their verdict matters. The instance path is a stack of tokens that is
/// turned into a JSON pointer only when an error is recorded, so valid
/// documents allocate nothing for paths. Messages never quote instance values
/// (documents may be confidential); they quote schema values and member names,
/// cut short (`quote`).
///
/// Every evaluation spends from one budget (`ValidationLimits.maxSteps`),
/// shared with the regular-expression matches of the run. Once it is spent,
/// or once the error report is full, the run stops: every further `check`
/// answers false at once, and the caller turns `exhausted`/`truncated` into
/// an error or a note.
struct ValidationRun {
    let nodes: [SchemaNode]
    let limits: ValidationLimits
    var errors: [ValidationError] = []
    private var path: [PathToken] = []
    private var depth = 0
    /// Steps left; below zero means exhausted.
    var budget: Int
    /// The budget ran out: the verdict is unknown.
    private(set) var exhausted = false
    /// The report filled up (errors or bytes) and later errors were dropped.
    private(set) var truncated = false
    private var reportBytes = 0

    /// Deepest nesting of schema evaluations; stops `{"$ref": "#"}`-style
    /// loops that never consume the instance.
    static let maxDepth = 512

    enum PathToken {
        case key(String)
        case index(Int)
    }

    init(nodes: [SchemaNode], limits: ValidationLimits) {
        self.nodes = nodes
        self.limits = limits
        self.budget = limits.maxSteps
    }

    /// Whether the run has stopped (budget spent or report full).
    var stopped: Bool { exhausted || truncated }

    /// Takes `steps` from the budget; false (and `exhausted`) once it is spent.
    mutating func spend(_ steps: Int) -> Bool {
        budget -= steps
        if budget < 0 { exhausted = true }
        return !exhausted
    }

    /// Records that a regular expression or format check ran out of budget.
    mutating func markExhausted() {
        budget = min(budget, -1)
        exhausted = true
    }

    var instancePointer: String {
        var text = ""
        for token in path {
            switch token {
            case .key(let key): text += "/" + JSONPointer.escape(key)
            case .index(let index): text += "/" + String(index)
            }
        }
        return text
    }

    mutating func fail(_ node: SchemaNode, _ keyword: String, _ message: String, at extra: PathToken? = nil) {
        guard !stopped else { return }
        guard errors.count < limits.maxErrors, reportBytes < limits.maxReportBytes else {
            truncated = true
            return
        }
        if let extra { path.append(extra) }
        let error = ValidationError(
            instancePointer: instancePointer,
            schemaPointer: keyword.isEmpty ? node.location : node.location + "/" + keyword,
            keyword: keyword, message: message)
        reportBytes += error.instancePointer.utf8.count + error.schemaPointer.utf8.count + error.message.utf8.count
        errors.append(error)
        if extra != nil { path.removeLast() }
    }

    mutating func check(_ index: Int, _ value: JSONValue, collect: Bool) -> Bool {
        guard !stopped, spend(1) else { return false }
        let node = nodes[index]
        if let constant = node.constant {
            if !constant && collect { fail(node, "", "no value is allowed here (the schema is false)") }
            return constant
        }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maxDepth {
            if collect { fail(node, "", "schema evaluation nested deeper than \(Self.maxDepth) levels (a $ref loop?)") }
            return false
        }
        if let ref = node.ref { return check(ref, value, collect: collect) }
        var valid = true
        if let types = node.types, !types.admits(value) {
            guard collect else { return false }
            fail(node, "type", "expected \(types.listing), got \(value.typeName)")
            valid = false
        }
        if let allowed = node.enumValues, !spend(allowed.count) || !allowed.contains(value) {
            guard collect else { return false }
            fail(node, "enum", "value is not one of the allowed values \(Self.show(.array(allowed)))")
            valid = false
        }
        if let constant = node.constValue, constant != value {
            guard collect else { return false }
            fail(node, "const", "value must be equal to \(Self.show(constant))")
            valid = false
        }
        switch value {
        case .number(let number) where node.hasNumberKeywords:
            valid = checkNumber(node, number, collect: collect) && valid
        case .string(let string) where node.hasStringKeywords:
            valid = checkString(node, string, collect: collect) && valid
        case .array(let elements) where node.hasArrayKeywords:
            valid = checkArray(node, elements, collect: collect) && valid
        case .object(let object) where node.hasObjectKeywords:
            valid = checkObject(node, object, collect: collect) && valid
        default:
            break
        }
        guard valid || collect else { return false }
        if node.hasApplicators { valid = checkApplicators(node, value, collect: collect) && valid }
        return valid
    }

    /// Checks `value` at a child position of the instance.
    mutating func check(_ index: Int, _ value: JSONValue, at token: PathToken, collect: Bool) -> Bool {
        path.append(token)
        defer { path.removeLast() }
        return check(index, value, collect: collect)
    }

    /// A short rendering of a schema value for messages.
    static func show(_ value: JSONValue) -> String {
        ECMARegex.excerpt(value.description, limit: 120)
    }

    /// A name or pattern for a message, cut to 60 code points: 100 errors
    /// must not repeat a 500 KB pattern (or member name) 100 times.
    static func quote(_ text: String) -> String {
        ECMARegex.excerpt(text)
    }

    private mutating func checkApplicators(_ node: SchemaNode, _ value: JSONValue, collect: Bool) -> Bool {
        var valid = true
        for child in node.allOf where !check(child, value, collect: collect) {
            guard collect else { return false }
            valid = false
        }
        if !node.anyOf.isEmpty, !node.anyOf.contains(where: { check($0, value, collect: false) }) {
            guard collect else { return false }
            fail(node, "anyOf", "value does not match any of the schemas in anyOf")
            valid = false
        }
        if !node.oneOf.isEmpty {
            var matched: [Int] = []
            for (position, child) in node.oneOf.enumerated() where check(child, value, collect: false) {
                matched.append(position)
                if matched.count == 2 { break }
            }
            if matched.count != 1 {
                guard collect else { return false }
                fail(node, "oneOf", matched.isEmpty
                    ? "value does not match any of the schemas in oneOf"
                    : "value matches more than one schema in oneOf (\(matched[0]) and \(matched[1]))")
                valid = false
            }
        }
        if let negated = node.not, check(negated, value, collect: false) {
            guard collect else { return false }
            fail(node, "not", "value must not match the schema in 'not'")
            valid = false
        }
        if let condition = node.ifSchema {
            let branch = check(condition, value, collect: false) ? node.thenSchema : node.elseSchema
            if let branch, !check(branch, value, collect: collect) { valid = false }
        }
        return valid
    }
}
