/// Validation of the names users choose: database names, entity keys and schema ids.
///
/// Names end up in file paths and object keys, so anything that could address
/// another place is rejected up front with a clear error: `/`, `\`, NUL and other
/// control characters, the names `.` and `..`, any `..` sequence, and
/// percent-encoded forms of those (`%2F`, `%5C`, `%00`, `%2E`) that a second
/// decoding step somewhere could turn into a separator. Ordinary keys such as
/// `user:1`, `session_001` or `chat.v1` are valid.
///
/// This type only validates; it does not encode names for storage (the storage
/// module does that, collision-free).
public enum NameRules {
    /// What kind of name is being checked; decides the length limit and wording.
    public enum Kind: String, Sendable {
        case database = "database name"
        case entityKey = "entity key"
        case schemaID = "schema id"

        /// The longest accepted name in UTF-8 bytes.
        public var maxBytes: Int {
            switch self {
            case .database: 128
            case .entityKey: 512
            case .schemaID: 128
            }
        }
    }

    /// Throws `DeltaError(.invalidName)` naming the problem if `name` is not allowed.
    public static func validate(_ name: String, as kind: Kind) throws(DeltaError) {
        if let problem = problem(with: name, kind: kind) {
            throw DeltaError(.invalidName, "invalid \(kind.rawValue) \(quoted(name)): \(problem)")
        }
    }

    /// Returns why `name` is not allowed, or nil when it is fine.
    ///
    /// One pass over the UTF-8 bytes (this runs on every request): the first
    /// problem found in the order below is reported.
    public static func problem(with name: String, kind: Kind) -> String? {
        // Native strings are contiguous; bridged ones are copied once.
        if let found = name.utf8.withContiguousStorageIfAvailable({ problem(in: $0, kind: kind) }) {
            return found
        }
        return Array(name.utf8).withUnsafeBufferPointer { problem(in: $0, kind: kind) }
    }

    private static func problem(in bytes: UnsafeBufferPointer<UInt8>, kind: Kind) -> String? {
        if bytes.isEmpty { return "it must not be empty" }
        if bytes.count > kind.maxBytes {
            return "it is \(bytes.count) bytes long; the limit is \(kind.maxBytes)"
        }
        let dot = UInt8(ascii: ".")
        if bytes.allSatisfy({ $0 == dot }) && bytes.count <= 2 { return "'.' and '..' are reserved" }
        var index = 0
        var separator: String?
        var encoded: String?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == dot, index + 1 < bytes.count, bytes[index + 1] == dot { return "it must not contain '..'" }
            if separator == nil {
                switch byte {
                case UInt8(ascii: "/"): separator = "it must not contain '/'"
                case UInt8(ascii: "\\"): separator = "it must not contain '\\'"
                case 0: separator = "it must not contain NUL"
                case 0x01...0x1F, 0x7F: separator = "it must not contain control characters"
                default: break
                }
            }
            if encoded == nil, byte == UInt8(ascii: "%"), index + 2 < bytes.count {
                encoded = percentEncodedProblem(bytes[index + 1], bytes[index + 2])
            }
            index += 1
        }
        return separator ?? encoded
    }

    /// `%2F`, `%5C`, `%00` and `%2E` in either case: forms a second decoding step
    /// could turn into a separator, NUL or dot.
    private static func percentEncodedProblem(_ high: UInt8, _ low: UInt8) -> String? {
        let lowLower = low | 0x20  // ASCII letters to lower case; digits are unchanged
        let code: String?
        switch (high, lowLower) {
        case (UInt8(ascii: "2"), UInt8(ascii: "f")): code = "%2F"
        case (UInt8(ascii: "5"), UInt8(ascii: "c")): code = "%5C"
        case (UInt8(ascii: "0"), UInt8(ascii: "0")) where low == UInt8(ascii: "0"): code = "%00"
        case (UInt8(ascii: "2"), UInt8(ascii: "e")): code = "%2E"
        default: code = nil
        }
        return code.map { "it must not contain the percent-encoded character '\($0)'" }
    }

    /// Quotes a user-supplied name for an error message, cutting very long ones and
    /// escaping control characters so the message stays one readable line.
    static func quoted(_ name: String) -> String {
        var shown = ""
        for scalar in name.unicodeScalars.prefix(64) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                shown += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        if name.unicodeScalars.count > 64 { shown += "…" }
        return "'\(shown)'"
    }
}
