/// The size and nesting a document may have: a PUT body's limits, which a
/// PATCH result must keep too.
public struct JSONLimits: Sendable, Equatable {
    /// The most bytes the compact serialisation may take.
    public var maxBytes: Int
    /// The most arrays/objects open at once (`[[1]]` has depth 2, as in `JSONParser`).
    public var maxDepth: Int

    public init(maxBytes: Int, maxDepth: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 1 MiB and 64 levels: the server's defaults for request bodies.
    public static let `default` = JSONLimits(maxBytes: 1 << 20, maxDepth: 64)
}

extension JSONValue {
    /// The length of `serialized()` and the nesting depth, or nil as soon as the
    /// length passes `byteLimit`.
    ///
    /// Visits at most about `byteLimit` values, whatever the value's logical size:
    /// a value built by sharing (a JSON Patch `copy` of a copy) may stand for far
    /// more nodes than memory holds, and must not be walked to the end.
    public func measure(upTo byteLimit: Int) -> (bytes: Int, depth: Int)? {
        var bytes = 0
        var maxDepth = 0
        // Iterative: a hostile value must not overflow the stack.
        var stack: [(JSONValue, Int)] = [(self, 0)]
        while let (value, depth) = stack.popLast() {
            switch value {
            case .null: bytes += 4
            case .bool(let flag): bytes += flag ? 4 : 5
            case .number(let number): bytes += number.literal.utf8.count
            case .string(let string): bytes += Self.serializedLength(of: string)
            case .array(let elements):
                maxDepth = max(maxDepth, depth + 1)
                bytes += 2 + max(elements.count - 1, 0)
                for element in elements.reversed() {
                    stack.append((element, depth + 1))
                    if bytes + stack.count > byteLimit { return nil }
                }
            case .object(let object):
                maxDepth = max(maxDepth, depth + 1)
                bytes += 2 + max(object.count - 1, 0)
                for member in object.members.reversed() {
                    bytes += Self.serializedLength(of: member.key) + 1
                    stack.append((member.value, depth + 1))
                    if bytes + stack.count > byteLimit { return nil }
                }
            }
            if bytes > byteLimit { return nil }
        }
        return (bytes, maxDepth)
    }

    /// Whether this value nests deeper than `limit` arrays/objects, checked
    /// without recursion and stopping at the first path that does.
    public func nests(deeperThan limit: Int) -> Bool {
        var stack: [(JSONValue, Int)] = [(self, 0)]
        while let (value, depth) = stack.popLast() {
            switch value {
            case .array(let elements):
                if depth + 1 > limit { return true }
                for element in elements { stack.append((element, depth + 1)) }
            case .object(let object):
                if depth + 1 > limit { return true }
                for member in object.members { stack.append((member.value, depth + 1)) }
            default:
                continue
            }
        }
        return false
    }

    /// The length of a string as `JSONWriter.writeString` writes it (quotes and escapes).
    static func serializedLength(of string: String) -> Int {
        var length = 2
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), 0x0A, 0x0D, 0x09, 0x08, 0x0C: length += 2
            case 0x00..<0x20: length += 6
            default: length += 1
            }
        }
        return length
    }
}
