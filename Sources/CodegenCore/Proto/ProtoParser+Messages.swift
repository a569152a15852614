extension ProtoParser {
    /// `message Name { … }`, at `message`.
    mutating func parseMessage(scope: String) -> ProtoMessage? {
        let start = current
        advance()
        guard let name = expectIdentifier("a message name") else {
            skipStatement()
            return nil
        }
        let fullName = Self.qualify(name, in: scope)
        var message = ProtoMessage(name: name, fullName: fullName, doc: doc(start: start, end: current))
        guard expectSymbol("{") else {
            skipStatement()
            return message
        }
        while !current.isSymbol("}") && current.kind != .end {
            let token = current
            if token.isKeyword("message"), peekIsIdentifier {
                if let nested = parseMessage(scope: fullName) { message.messages.append(nested) }
            } else if token.isKeyword("enum"), peekIsIdentifier {
                if let nested = parseEnum(scope: fullName) { message.enums.append(nested) }
            } else if token.isKeyword("reserved") {
                parseReserved(into: &message)
            } else if token.isKeyword("option") {
                skipOption()
            } else if token.isKeyword("oneof") || token.isKeyword("extensions") || token.isKeyword("extend") || token.isKeyword("group") {
                error(token, "'\(token.text)' is not supported by deltadb-codegen; use separate fields")
                skipStatement()
                if current.isSymbol("}"), token.isKeyword("oneof") || token.isKeyword("extend") { advance() }
            } else if token.isSymbol(";") {
                advance()
            } else if let field = parseField() {
                message.fields.append(field)
            }
        }
        expectSymbol("}")
        validate(message)
        return message
    }

    private var peekIsIdentifier: Bool {
        position + 1 < tokens.count && tokens[position + 1].kind == .identifier
    }

    /// `[repeated|optional] type name = number [options];` or `map<K, V> name = number;`.
    private mutating func parseField() -> ProtoField? {
        let start = current
        var label = ProtoField.Label.singular
        if current.isKeyword("repeated") {
            label = .repeated
            advance()
        } else if current.isKeyword("optional") {
            label = .optional
            advance()
        } else if current.isKeyword("required") {
            error(current, "'required' does not exist in proto3")
            advance()
        }
        let type: ProtoType
        if current.isKeyword("map"), position + 1 < tokens.count, tokens[position + 1].isSymbol("<") {
            guard let map = parseMapType() else {
                skipStatement()
                return nil
            }
            if label != .singular { error(start, "a map field cannot be '\(label.rawValue)'") }
            type = map
        } else {
            guard let name = parseFullIdentifier() else {
                skipStatement()
                return nil
            }
            type = ProtoScalar(rawValue: name).map(ProtoType.scalar) ?? .unresolved(name)
        }
        guard let name = expectIdentifier("a field name"), expectSymbol("="),
              let number = expectInteger("a field number")
        else {
            skipStatement()
            return nil
        }
        skipBracketedOptions()
        let end = current
        expectSymbol(";")
        return ProtoField(name: name, number: number, type: type, label: label, doc: doc(start: start, end: end), location: start.location)
    }

    /// `map<KeyScalar, ValueType>`, at `map`.
    private mutating func parseMapType() -> ProtoType? {
        let start = current
        advance()
        expectSymbol("<")
        guard let keyName = expectIdentifier("a map key type") else { return nil }
        guard let key = ProtoScalar(rawValue: keyName), key.isValidMapKey else {
            error(start, "map keys must be an integral type, bool or string, not '\(keyName)'")
            return nil
        }
        expectSymbol(",")
        guard let valueName = parseFullIdentifier() else { return nil }
        guard expectSymbol(">") else { return nil }
        return .map(key: key, value: ProtoScalar(rawValue: valueName).map(ProtoType.scalar) ?? .unresolved(valueName))
    }

    /// `reserved 2, 15, 9 to 11;` or `reserved "foo", "bar";`.
    private mutating func parseReserved(into message: inout ProtoMessage) {
        advance()
        while !current.isSymbol(";") && current.kind != .end {
            if case .string(let name) = current.kind {
                message.reservedNames.append(name)
                advance()
            } else if let low = expectInteger("a reserved field number or name") {
                var high = low
                if current.isKeyword("to") {
                    advance()
                    if current.isKeyword("max") {
                        high = ProtoLimits.maxFieldNumber
                        advance()
                    } else {
                        high = expectInteger("the end of a reserved range") ?? low
                    }
                }
                message.reservedNumbers.append(low...max(low, high))
            } else {
                skipStatement()
                return
            }
            if current.isSymbol(",") { advance() } else { break }
        }
        expectSymbol(";")
    }

    /// Field numbers and names: valid, unique, not reserved.
    private mutating func validate(_ message: ProtoMessage) {
        var numbers: [Int: String] = [:]
        var names: Set<String> = []
        var swiftNames: [String: String] = [:]
        for field in message.fields {
            let location = "\(message.fullName).\(field.name)"
            let at = field.location
            if !(1...ProtoLimits.maxFieldNumber).contains(field.number) || ProtoLimits.implementationReserved.contains(field.number) {
                report(at, "\(location): field number \(field.number) is out of range (1…\(ProtoLimits.maxFieldNumber), not 19000…19999)")
            }
            if let other = numbers[field.number] {
                report(at, "\(location): field number \(field.number) is already used by '\(other)'")
            }
            numbers[field.number] = field.name
            if !names.insert(field.name).inserted {
                report(at, "\(location): duplicate field name")
            }
            let swiftName = Naming.swiftIdentifier(field.name)
            if let other = swiftNames[swiftName], other != field.name {
                report(at, "\(location): '\(field.name)' and '\(other)' both become the Swift property '\(swiftName)'")
            }
            swiftNames[swiftName] = field.name
            if message.reservedNumbers.contains(where: { $0.contains(field.number) }) {
                report(at, "\(location): field number \(field.number) is reserved")
            }
            if message.reservedNames.contains(field.name) {
                report(at, "\(location): field name '\(field.name)' is reserved")
            }
        }
    }

    private mutating func report(_ location: String, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: source, location: location, message))
    }

    /// `enum Name { VALUE = 0; … }`, at `enum`.
    mutating func parseEnum(scope: String) -> ProtoEnum? {
        let start = current
        advance()
        guard let name = expectIdentifier("an enum name") else {
            skipStatement()
            return nil
        }
        var result = ProtoEnum(name: name, fullName: Self.qualify(name, in: scope), doc: doc(start: start, end: current))
        guard expectSymbol("{") else {
            skipStatement()
            return result
        }
        while !current.isSymbol("}") && current.kind != .end {
            let token = current
            if token.isKeyword("option") {
                skipOption()
            } else if token.isKeyword("reserved") {
                var ignored = ProtoMessage(name: "", fullName: "")
                parseReserved(into: &ignored)
            } else if token.isSymbol(";") {
                advance()
            } else if let valueName = expectIdentifier("an enum value name"), expectSymbol("="),
                      let number = expectInteger("an enum value number") {
                skipBracketedOptions()
                let end = current
                expectSymbol(";")
                result.values.append(.init(name: valueName, number: number, doc: doc(start: token, end: end)))
            } else {
                skipStatement()
            }
        }
        let close = current
        expectSymbol("}")
        if result.values.first?.number != 0 {
            error(result.values.isEmpty ? close : start, "\(result.fullName): a proto3 enum's first value must be 0")
        }
        var seen: Set<Int> = []
        for value in result.values where !seen.insert(value.number).inserted {
            error(start, "\(result.fullName).\(value.name): number \(value.number) is used twice (aliases are not supported)")
        }
        return result
    }
}

/// Numeric limits from the protobuf language specification.
enum ProtoLimits {
    /// The largest field number, 2^29 - 1.
    static let maxFieldNumber = 536_870_911
    /// Numbers reserved for the protobuf implementation.
    static let implementationReserved = 19_000...19_999
}
