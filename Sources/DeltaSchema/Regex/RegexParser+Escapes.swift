/// Escape sequences: `\d`-style classes, `\p{…}`, control, hex and
/// Unicode escapes, back-references.
extension RegexParser {
    mutating func parseAtomEscape() throws(SyntaxError) -> RegexNode {
        position += 1
        guard let scalar = current else { throw SyntaxError(message: "pattern ends with '\\'") }
        if scalar >= 0x31 && scalar <= 0x39 {
            var number = 0
            while let digit = current, digit >= 0x30, digit <= 0x39 {
                number = min(number * 10 + Int(digit - 0x30), 100_000)
                position += 1
            }
            guard number <= totalGroups else { throw SyntaxError(message: "invalid backreference \\\(number)") }
            return .backreference(number)
        }
        if scalar == 0x6B {
            position += 1
            guard eat("<") else { throw SyntaxError(message: "invalid named reference") }
            let name = try parseGroupName()
            guard let number = groupNames[name] else { throw SyntaxError(message: "unknown group name '\(name)'") }
            return .backreference(number)
        }
        switch try parseCharacterEscape(inClass: false) {
        case .scalar(let value): return .scalar(value)
        case .builtin(let builtin): return .set(RegexCharSet(classes: [builtin]))
        }
    }

    enum Escaped {
        case scalar(UInt32)
        case builtin(RegexBuiltinClass)
    }

    /// An escape after the backslash (already consumed).
    mutating func parseCharacterEscape(inClass: Bool) throws(SyntaxError) -> Escaped {
        guard let scalar = current else { throw SyntaxError(message: "pattern ends with '\\'") }
        position += 1
        switch scalar {
        case 0x64, 0x44: return .builtin(.digit(negated: scalar == 0x44))
        case 0x77, 0x57: return .builtin(.word(negated: scalar == 0x57))
        case 0x73, 0x53: return .builtin(.space(negated: scalar == 0x53))
        case 0x70, 0x50:
            guard eat("{") else { throw SyntaxError(message: "invalid property escape") }
            var name = ""
            while let next = current, next != 0x7D, let character = Unicode.Scalar(next) {
                name.unicodeScalars.append(character)
                position += 1
            }
            guard eat("}"), let property = RegexUnicodeProperty(name: name) else {
                throw SyntaxError(message: "unsupported property escape \\p{\(name)}")
            }
            return .builtin(.property(property, negated: scalar == 0x50))
        case 0x74: return .scalar(0x09)
        case 0x6E: return .scalar(0x0A)
        case 0x72: return .scalar(0x0D)
        case 0x76: return .scalar(0x0B)
        case 0x66: return .scalar(0x0C)
        case 0x62 where inClass: return .scalar(0x08)
        case 0x2D where inClass: return .scalar(0x2D)
        case 0x30:
            if let next = current, next >= 0x30, next <= 0x39 { throw SyntaxError(message: "invalid escape \\0 followed by a digit") }
            return .scalar(0)
        case 0x63:
            guard let letter = current, (letter | 0x20) >= 0x61, (letter | 0x20) <= 0x7A else {
                throw SyntaxError(message: "invalid control escape")
            }
            position += 1
            return .scalar(letter % 32)
        case 0x78: return .scalar(try hex(count: 2))
        case 0x75:
            if eat("{") {
                var value: UInt32 = 0
                var digits = 0
                while let next = current, next != 0x7D {
                    guard let digit = hexDigit(next), value <= 0x10FFFF else { throw SyntaxError(message: "invalid \\u{} escape") }
                    value = value << 4 | digit
                    digits += 1
                    position += 1
                }
                guard eat("}"), digits > 0, value <= 0x10FFFF else { throw SyntaxError(message: "invalid \\u{} escape") }
                return .scalar(value)
            }
            let unit = try hex(count: 4)
            if unit >= 0xD800, unit <= 0xDBFF, position + 5 < scalars.count, scalars[position] == 0x5C,
                scalars[position + 1] == 0x75
            {
                let saved = position
                position += 2
                if let low = try? hex(count: 4), low >= 0xDC00, low <= 0xDFFF {
                    return .scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                }
                position = saved
            }
            return .scalar(unit)
        default:
            let isAlphanumeric = (scalar | 0x20) >= 0x61 && (scalar | 0x20) <= 0x7A || (scalar >= 0x30 && scalar <= 0x39)
            if isAlphanumeric { throw SyntaxError(message: "invalid escape '\\\(Character(Unicode.Scalar(scalar)!))'") }
            return .scalar(scalar)
        }
    }

    private func hexDigit(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x30...0x39: scalar - 0x30
        case 0x41...0x46: scalar - 0x41 + 10
        case 0x61...0x66: scalar - 0x61 + 10
        default: nil
        }
    }

    mutating func hex(count: Int) throws(SyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let scalar = current, let digit = hexDigit(scalar) else { throw SyntaxError(message: "invalid hexadecimal escape") }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

}
