/// Why `JSONParser` rejected its input, and where.
///
/// `reason` says what was wrong ("invalid UTF-8", "duplicate member \"a\"",
/// "unexpected '}'", "nesting deeper than 64 levels"); `offset` is the
/// zero-based byte offset where the problem was found. `description` joins
/// them: "unexpected '}' at byte 3". Messages never quote more than a short
/// member name from the input.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Zero-based byte offset of the problem in the input.
    public var offset: Int
    /// What was wrong, without the offset.
    public var reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(reason) at byte \(offset)" }
}
