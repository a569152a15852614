/// The token level of `JSONParser`: whitespace, strings (with UTF-8
/// validation and escapes), numbers and the three literals, read from a byte
/// buffer the caller keeps alive.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Reused buffer for strings that contain escapes.
    private var scratch: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { position >= bytes.count }

    @inline(__always)
    func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    /// An error for the byte at `position` (or the end of input).
    func unexpected(_ expectation: String? = nil) -> JSONParseError {
        let suffix = expectation.map { ", expected \($0)" } ?? ""
        guard let byte = peek() else {
            return JSONParseError(offset: position, reason: "unexpected end of input\(suffix)")
        }
        return JSONParseError(offset: position, reason: "unexpected \(Self.describe(byte))\(suffix)")
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }

    /// Reads `true`, `false` or `null` at `position`.
    mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let count = word.utf8CodeUnitCount
        let start = word.utf8Start
        for offset in 0..<count {
            guard position + offset < bytes.count, bytes[position + offset] == start[offset] else {
                throw JSONParseError(offset: position, reason: "invalid literal, expected '\(word)'")
            }
        }
        position += count
    }

    // MARK: Numbers

    @inline(__always)
    private func isDigit(_ index: Int) -> Bool {
        index < bytes.count && bytes[index] &- UInt8(ascii: "0") < 10
    }

    /// Reads an RFC 8259 number starting at `position`.
    mutating func scanNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        var index = position
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else {
            throw JSONParseError(offset: index, reason: "invalid number, expected a digit")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw JSONParseError(offset: start, reason: "invalid number, leading zeros are not allowed") }
        } else {
            while isDigit(index) { index += 1 }
        }
        let integerEnd = index
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else {
                throw JSONParseError(offset: index, reason: "invalid number, expected a digit after '.'")
            }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else {
                throw JSONParseError(offset: index, reason: "invalid number, expected a digit in the exponent")
            }
            while isDigit(index) { index += 1 }
        }
        position = index
        let literal = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard integerEnd == index else {
            return JSONNumber(literal: literal, storage: .double(Double(literal) ?? .nan))
        }
        return JSONNumber(literal: literal, storage: integerStorage(start, index))
    }

    private func integerStorage(_ start: Int, _ end: Int) -> JSONNumber.Storage {
        let negative = bytes[start] == UInt8(ascii: "-")
        var value: Int64 = 0
        for index in (negative ? start + 1 : start)..<end {
            let digit = Int64(bytes[index] &- UInt8(ascii: "0"))
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { return .bigInt }
            value = next
        }
        return .int(value)
    }

    // MARK: Strings

    /// Reads a string whose opening quote is at `position`.
    mutating func scanString() throws(JSONParseError) -> String {
        let open = position
        let start = position + 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte, at: index) }
            index = byte < 0x80 ? index + 1 : try validateMultibyte(at: index)
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<min(index, bytes.count)]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                position = index + 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                index = try scanEscape(at: index)
            } else if byte < 0x20 {
                throw controlCharacter(byte, at: index)
            } else if byte < 0x80 {
                scratch.append(byte)
                index += 1
            } else {
                let end = try validateMultibyte(at: index)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
        }
        throw JSONParseError(offset: open, reason: "unterminated string")
    }

    private func controlCharacter(_ byte: UInt8, at index: Int) -> JSONParseError {
        let hex = String(byte, radix: 16, uppercase: true)
        return JSONParseError(
            offset: index,
            reason: "unescaped control character U+\(String(repeating: "0", count: 4 - hex.count))\(hex) in string"
        )
    }

    /// Checks the multi-byte UTF-8 sequence at `index`; returns the index after it.
    /// Rejects overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    @inline(__always)
    private func validateMultibyte(at index: Int) throws(JSONParseError) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw JSONParseError(offset: index, reason: "invalid UTF-8")
        }
        guard index + length <= bytes.count else { throw JSONParseError(offset: index, reason: "invalid UTF-8") }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { throw JSONParseError(offset: index, reason: "invalid UTF-8") }
        for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 {
            throw JSONParseError(offset: index, reason: "invalid UTF-8")
        }
        return index + length
    }

    /// Decodes the escape at `index` (a backslash) into `scratch`; returns the index after it.
    private mutating func scanEscape(at index: Int) throws(JSONParseError) -> Int {
        guard index + 1 < bytes.count else { throw JSONParseError(offset: index, reason: "unterminated string") }
        let simple: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): return try scanUnicodeEscape(at: index)
        default:
            throw JSONParseError(offset: index, reason: "invalid escape sequence")
        }
        scratch.append(simple)
        return index + 2
    }

    private func hexQuad(at index: Int) throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw JSONParseError(offset: index, reason: "invalid \\u escape") }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(offset: index - 2, reason: "invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    private mutating func scanUnicodeEscape(at index: Int) throws(JSONParseError) -> Int {
        var unit = try hexQuad(at: index + 2)
        var end = index + 6
        if unit >= 0xDC00 && unit <= 0xDFFF {
            throw JSONParseError(offset: index, reason: "lone low surrogate in \\u escape")
        }
        if unit >= 0xD800 && unit <= 0xDBFF {
            guard end + 1 < bytes.count, bytes[end] == UInt8(ascii: "\\"), bytes[end + 1] == UInt8(ascii: "u") else {
                throw JSONParseError(offset: index, reason: "lone high surrogate in \\u escape")
            }
            let low = try hexQuad(at: end + 2)
            guard low >= 0xDC00 && low <= 0xDFFF else {
                throw JSONParseError(offset: index, reason: "lone high surrogate in \\u escape")
            }
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            end += 6
        }
        for byte in UTF8.encode(Unicode.Scalar(unit)!)! { scratch.append(byte) }
        return end
    }
}
