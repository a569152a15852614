/// A strict RFC 8259 JSON parser.
///
/// It accepts exactly one JSON value surrounded only by JSON whitespace, and
/// rejects: trailing commas, comments, leading zeros, `NaN`/`Infinity`, `+1`,
/// single quotes, invalid UTF-8 (overlong forms, encoded surrogates, code points
/// above U+10FFFF, stray continuation bytes), lone surrogates in `\u` escapes,
/// unescaped control characters, duplicate member names in one object, and
/// nesting deeper than `maxDepth` arrays/objects. A byte-order mark is rejected.
///
/// The parser is iterative (an explicit stack, no recursion), so hostile input
/// such as 100 000 `[` fails cleanly instead of overflowing the call stack.
/// It does not use Foundation.
public enum JSONParser {
    /// Parses `bytes` into a value.
    ///
    /// - Parameter maxDepth: the most arrays/objects that may be open at once;
    ///   `[[1]]` has depth 2 and a scalar has depth 0.
    /// - Throws: `JSONParseError` with the byte offset and the reason.
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) in try parse(buffer: buffer, maxDepth: maxDepth) }
        }.get()
    }

    /// Parses raw bytes the caller keeps alive for the duration of the call.
    public static func parse(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        try parse(buffer: bytes.bindMemory(to: UInt8.self), maxDepth: maxDepth)
    }

    /// Parses any byte collection (copied first unless it is contiguous).
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        let result = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in try parse(buffer: buffer, maxDepth: maxDepth) }
        }
        if let result { return try result.get() }
        return try parse(Array(bytes), maxDepth: maxDepth)
    }

    /// Parses the UTF-8 of `text`.
    public static func parse(_ text: String, maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        var copy = text
        return try copy.withUTF8 { buffer in
            Result { () throws(JSONParseError) in try parse(buffer: buffer, maxDepth: maxDepth) }
        }.get()
    }

    private struct Frame {
        var isObject: Bool
        var valueStart: Int
        var keyStart: Int
    }

    /// The parse loop: values of open containers wait on one flat stack and
    /// are collected into an array or object when the container closes.
    static func parse(buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int) throws(JSONParseError) -> JSONValue {
        var scanner = JSONScanner(buffer)
        var values: [JSONValue] = []
        var keys: [String] = []
        var keyOffsets: [Int] = []
        var frames: [Frame] = []

        func readKey() throws(JSONParseError) {
            guard scanner.peek() == UInt8(ascii: "\"") else { throw scanner.unexpected("a member name") }
            keyOffsets.append(scanner.position)
            keys.append(try scanner.scanString())
            scanner.skipWhitespace()
            guard scanner.peek() == UInt8(ascii: ":") else { throw scanner.unexpected("':'") }
            scanner.position += 1
            scanner.skipWhitespace()
        }

        func open(isObject: Bool) throws(JSONParseError) {
            guard frames.count < maxDepth else {
                throw JSONParseError(offset: scanner.position, reason: "nesting deeper than \(maxDepth) levels")
            }
            frames.append(Frame(isObject: isObject, valueStart: values.count, keyStart: keys.count))
            scanner.position += 1
            scanner.skipWhitespace()
        }

        scanner.skipWhitespace()
        nextValue: while true {
            var value: JSONValue
            guard let byte = scanner.peek() else { throw scanner.unexpected("a value") }
            switch byte {
            case UInt8(ascii: "{"):
                try open(isObject: true)
                if scanner.peek() != UInt8(ascii: "}") {
                    try readKey()
                    continue nextValue
                }
                scanner.position += 1
                frames.removeLast()
                value = .object(JSONObject())
            case UInt8(ascii: "["):
                try open(isObject: false)
                if scanner.peek() != UInt8(ascii: "]") { continue nextValue }
                scanner.position += 1
                frames.removeLast()
                value = .array([])
            case UInt8(ascii: "\""):
                value = .string(try scanner.scanString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try scanner.scanNumber())
            case UInt8(ascii: "t"):
                try scanner.expectLiteral("true")
                value = .bool(true)
            case UInt8(ascii: "f"):
                try scanner.expectLiteral("false")
                value = .bool(false)
            case UInt8(ascii: "n"):
                try scanner.expectLiteral("null")
                value = .null
            default:
                throw scanner.unexpected("a value")
            }
            while true {
                guard let frame = frames.last else {
                    scanner.skipWhitespace()
                    guard scanner.isAtEnd else { throw scanner.unexpected("the end of input") }
                    return value
                }
                values.append(value)
                scanner.skipWhitespace()
                let next = scanner.peek()
                if next == UInt8(ascii: ",") {
                    scanner.position += 1
                    scanner.skipWhitespace()
                    if frame.isObject { try readKey() }
                    continue nextValue
                }
                if frame.isObject, next == UInt8(ascii: "}") {
                    scanner.position += 1
                    let members = try collectMembers(keys[frame.keyStart...], keyOffsets[frame.keyStart...],
                                                     values[frame.valueStart...])
                    keys.removeSubrange(frame.keyStart...)
                    keyOffsets.removeSubrange(frame.keyStart...)
                    values.removeSubrange(frame.valueStart...)
                    frames.removeLast()
                    value = .object(members)
                } else if !frame.isObject, next == UInt8(ascii: "]") {
                    scanner.position += 1
                    let elements = Array(values[frame.valueStart...])
                    values.removeSubrange(frame.valueStart...)
                    frames.removeLast()
                    value = .array(elements)
                } else {
                    throw scanner.unexpected(frame.isObject ? "',' or '}'" : "',' or ']'")
                }
            }
        }
    }

    /// Builds an object, rejecting the first repeated member name.
    private static func collectMembers(
        _ keys: ArraySlice<String>, _ offsets: ArraySlice<Int>, _ values: ArraySlice<JSONValue>
    ) throws(JSONParseError) -> JSONObject {
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(keys.count)
        for (key, value) in zip(keys, values) { members.append((key, value)) }
        if members.count <= JSONObject.indexThreshold {
            for later in members.indices.dropFirst() {
                for earlier in 0..<later where JSONKey.equal(members[earlier].key, members[later].key) {
                    throw duplicate(members[later].key, at: offsets[offsets.startIndex + later])
                }
            }
            return JSONObject(uniqueMembers: members)
        }
        var seen = Set<JSONKey>(minimumCapacity: members.count)
        for (position, member) in members.enumerated() where !seen.insert(JSONKey(member.key)).inserted {
            throw duplicate(member.key, at: offsets[offsets.startIndex + position])
        }
        return JSONObject(uniqueMembers: members)
    }

    private static func duplicate(_ key: String, at offset: Int) -> JSONParseError {
        let shown = key.unicodeScalars.count > 40 ? String(key.unicodeScalars.prefix(40)) + "…" : key
        var escaped = ""
        for scalar in shown.unicodeScalars {
            escaped += scalar.value < 0x20 || scalar == "\"" || scalar == "\\"
                ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return JSONParseError(offset: offset, reason: "duplicate member \"\(escaped)\"")
    }
}
