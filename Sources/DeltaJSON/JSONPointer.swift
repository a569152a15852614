import DeltaCore

/// An RFC 6901 JSON Pointer such as `/messages/0/content`.
///
/// Parses the string form (`~0` is `~`, `~1` is `/`) and the URI-fragment form
/// used in `$ref` (`#/definitions/a%20b`), renders both back, and looks values
/// up. It does not resolve relative JSON pointers and does not support the
/// `-` ("past the end") array index for lookups.
public struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    /// The unescaped reference tokens; empty for the whole document.
    public var tokens: [String]

    /// A pointer from already-unescaped tokens.
    public init(tokens: [String] = []) {
        self.tokens = tokens
    }

    /// Parses the string form (`""` or `/a/b~1c`).
    ///
    /// - Throws: `JSONPointerError` if the text does not start with `/`
    ///   (and is not empty) or contains `~` not followed by `0` or `1`.
    public init(_ text: String) throws(JSONPointerError) {
        guard !text.isEmpty else {
            self.init()
            return
        }
        guard text.utf8.first == UInt8(ascii: "/") else {
            throw JSONPointerError(pointer: text, reason: "a JSON pointer must be empty or start with '/'")
        }
        var tokens: [String] = []
        for raw in text.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            tokens.append(try Self.unescape(Array(raw), in: text))
        }
        self.init(tokens: tokens)
    }

    /// Parses the URI-fragment form, with or without the leading `#`
    /// (`#/definitions/a%25b` is the token `a%b`).
    ///
    /// - Throws: `JSONPointerError` for bad percent-encoding or a bad pointer.
    public init(uriFragment: String) throws(JSONPointerError) {
        var fragment = Substring(uriFragment)
        if fragment.first == "#" { fragment = fragment.dropFirst() }
        guard let decoded = PercentDecoding.decode(fragment) else {
            throw JSONPointerError(pointer: uriFragment, reason: "invalid percent-encoding")
        }
        try self.init(decoded)
    }

    /// A pointer to the child `token` of this one.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// A pointer to array element `index` below this one.
    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The string form, e.g. `/a~1b/0`.
    public var description: String {
        tokens.map { "/" + Self.escape($0) }.joined()
    }

    /// Escapes one token: `~` becomes `~0` and `/` becomes `~1`.
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacing("~", with: "~0").replacing("/", with: "~1")
    }

    /// The value this pointer selects in `document`, or nil if any step is
    /// missing (unknown member, index out of range or not a canonical
    /// non-negative integer, or a scalar in the way).
    public func resolve(in document: JSONValue) -> JSONValue? {
        var current = document
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Self.arrayIndex(token), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }

    /// The array index a token denotes: digits without leading zeros.
    static func arrayIndex(_ token: String) -> Int? {
        let bytes = token.utf8
        guard let first = bytes.first, bytes.count <= 18,
            bytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            first != UInt8(ascii: "0") || bytes.count == 1
        else { return nil }
        return Int(token)
    }

    private static func unescape(_ raw: [UInt8], in text: String) throws(JSONPointerError) -> String {
        guard raw.contains(UInt8(ascii: "~")) else { return String(decoding: raw, as: UTF8.self) }
        var output: [UInt8] = []
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "~") {
                guard index + 1 < raw.count, raw[index + 1] == UInt8(ascii: "0") || raw[index + 1] == UInt8(ascii: "1") else {
                    throw JSONPointerError(pointer: text, reason: "'~' must be followed by '0' or '1'")
                }
                output.append(raw[index + 1] == UInt8(ascii: "0") ? UInt8(ascii: "~") : UInt8(ascii: "/"))
                index += 2
            } else {
                output.append(raw[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

}

/// A malformed JSON pointer.
public struct JSONPointerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text that was being parsed.
    public var pointer: String
    /// What is wrong with it.
    public var reason: String

    public var description: String { "invalid JSON pointer '\(pointer)': \(reason)" }
}
