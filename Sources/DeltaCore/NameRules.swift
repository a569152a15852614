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
    public static func problem(with name: String, kind: Kind) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "it must not be empty" }
        if bytes.count > kind.maxBytes {
            return "it is \(bytes.count) bytes long; the limit is \(kind.maxBytes)"
        }
        if name == "." || name == ".." { return "'.' and '..' are reserved" }
        if name.contains("..") { return "it must not contain '..'" }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "/"): return "it must not contain '/'"
            case UInt8(ascii: "\\"): return "it must not contain '\\'"
            case 0: return "it must not contain NUL"
            case 0x01...0x1F, 0x7F: return "it must not contain control characters"
            default: continue
            }
        }
        let lowered = name.lowercased()
        for encoded in ["%2f", "%5c", "%00", "%2e"] where lowered.contains(encoded) {
            return "it must not contain the percent-encoded character '\(encoded.uppercased())'"
        }
        return nil
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
