/// The `format` values this validator checks. Unknown formats are ignored
/// (annotations only), as draft-07 allows.
///
/// Each check follows what Python `jsonschema`'s `FormatChecker` accepts with
/// its optional dependencies installed, so both sides agree: `email` only
/// requires an `@` (as jsonschema does — full RFC 5322 validation rejects too
/// many real addresses to be useful); `date-time` and `time` are RFC 3339
/// `date-time`/`full-time` (offset required, no leap seconds, `T`/`Z`
/// case-insensitive); `hostname` is RFC 1123 labels (letters, digits, `-`,
/// at most 63 per label, 253 in total, optional trailing dot); `ipv4`
/// rejects leading zeros; `ipv6` rejects zone ids; `uri`/`uri-reference` are
/// RFC 3986; `uuid` is the 8-4-4-4-12 hex form; `regex` is ECMA-262 syntax;
/// `json-pointer` is RFC 6901.
///
/// Deliberate differences from Python: a trailing newline is never accepted
/// (Python's `$` accepts one before the end), and non-ASCII digits never
/// count as digits.
public enum SchemaFormat: String, Sendable, CaseIterable {
    case dateTime = "date-time"
    case date
    case time
    case email
    case hostname
    case ipv4
    case ipv6
    case uri
    case uriReference = "uri-reference"
    case uuid
    case regex
    case jsonPointer = "json-pointer"

    /// Whether `string` is valid for this format.
    public func accepts(_ string: String) -> Bool {
        var budget = ECMARegex.stepLimit
        return accepts(string, budget: &budget) == true
    }

    /// Whether `string` is valid for this format, spending from a validation's
    /// shared `budget`; nil once it runs out. Checks other than `uri` and
    /// `uri-reference` (which run a regular expression) and `regex` (which
    /// compiles one, within the compiler's own size limits) are linear and
    /// cost the string's length.
    func accepts(_ string: String, budget: inout Int) -> Bool? {
        budget -= string.utf8.count + 1
        if budget < 0 { return nil }
        switch self {
        case .uri: return URIFormat.uri.matches(string, budget: &budget)
        case .uriReference: return URIFormat.uriReference.matches(string, budget: &budget)
        case .regex:
            budget -= 16 * string.utf8.count
            if budget < 0 { return nil }
            return (try? ECMARegex(string)) != nil
        default: return plainCheck(string)
        }
    }

    private func plainCheck(_ string: String) -> Bool {
        switch self {
        case .dateTime: return DateTimeFormat.isDateTime(Array(string.utf8))
        case .date: return DateTimeFormat.isDate(Array(string.utf8))
        case .time: return DateTimeFormat.isDateTime(Array("1970-01-01T".utf8) + Array(string.utf8))
        case .email: return string.unicodeScalars.contains("@")
        case .hostname: return Self.isHostname(string)
        case .ipv4: return IPAddressFormat.isIPv4(Substring(string))
        case .ipv6: return IPAddressFormat.isIPv6(string)
        case .uri: return URIFormat.uri.matches(string) == true
        case .uriReference: return URIFormat.uriReference.matches(string) == true
        case .uuid: return Self.isUUID(string)
        case .regex: return (try? ECMARegex(string)) != nil
        case .jsonPointer: return (try? JSONPointerSyntax.check(string)) != nil
        }
    }

    private static func isHostname(_ string: String) -> Bool {
        var bytes = Array(string.utf8)
        guard !bytes.isEmpty else { return false }
        if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        for label in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-")
            else { return false }
            for byte in label {
                let lower = byte | 0x20
                let ok = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
                if !ok { return false }
            }
        }
        return true
    }

    private static func isUUID(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        guard bytes.count >= 24 else { return false }
        for position in [8, 13, 18, 23] where bytes[position] != UInt8(ascii: "-") { return false }
        let digits = bytes.filter { $0 != UInt8(ascii: "-") }
        return digits.count == 32 && digits.allSatisfy(IPAddressFormat.isHexDigit)
    }
}

/// RFC 6901 syntax check used by `format: "json-pointer"`.
enum JSONPointerSyntax {
    struct Invalid: Error {}

    static func check(_ string: String) throws(Invalid) {
        let bytes = Array(string.utf8)
        guard bytes.isEmpty || bytes[0] == UInt8(ascii: "/") else { throw Invalid() }
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "~") {
            guard index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "0") || bytes[index + 1] == UInt8(ascii: "1")
            else { throw Invalid() }
        }
    }
}

/// RFC 3339 date-time and full-date, as `rfc3339-validator` and Python's
/// `date.fromisoformat` accept them.
enum DateTimeFormat {
    private static func digits(_ bytes: [UInt8], _ from: Int, _ count: Int) -> Int? {
        guard from + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[from..<(from + count)] {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD` with a real calendar day, at `offset`.
    private static func dateEnd(_ bytes: [UInt8]) -> Int? {
        guard let year = digits(bytes, 0, 4), bytes.count > 4, bytes[4] == UInt8(ascii: "-"),
            let month = digits(bytes, 5, 2), bytes.count > 7, bytes[7] == UInt8(ascii: "-"),
            let day = digits(bytes, 8, 2), year > 0, (1...12).contains(month),
            day >= 1, day <= daysIn(month: month, year: year)
        else { return nil }
        return 10
    }

    static func isDate(_ bytes: [UInt8]) -> Bool {
        dateEnd(bytes) == bytes.count
    }

    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard var index = dateEnd(bytes), index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "t"),
            let hour = digits(bytes, index + 1, 2), hour <= 23, bytes.count > index + 3, bytes[index + 3] == UInt8(ascii: ":"),
            let minute = digits(bytes, index + 4, 2), minute <= 59, bytes.count > index + 6,
            bytes[index + 6] == UInt8(ascii: ":"), let second = digits(bytes, index + 7, 2), second <= 59
        else { return false }
        index += 9
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > start else { return false }
        }
        guard index < bytes.count else { return false }
        if bytes[index] | 0x20 == UInt8(ascii: "z") { return index + 1 == bytes.count }
        guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
            let offsetHour = digits(bytes, index + 1, 2), offsetHour <= 23, bytes.count > index + 3,
            bytes[index + 3] == UInt8(ascii: ":"), let offsetMinute = digits(bytes, index + 4, 2), offsetMinute <= 59
        else { return false }
        return index + 6 == bytes.count
    }
}
