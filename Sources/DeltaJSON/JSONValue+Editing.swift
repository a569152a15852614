
/// Why an in-place edit of a JSON document failed.
public struct JSONEditError: Error, Sendable {
    public var message: String
    public var isTestFailure = false
    /// The edit would take the document past its size or depth limits.
    public var isLimitExceeded = false
}

/// The in-place edits JSON Patch is built from: insert, remove and replace at a
/// JSON pointer, with RFC 6902's rules for arrays (an index may equal the
/// count, or be `-`, only when inserting).
extension JSONValue {
    /// Inserts `value` at `tokens`: sets an object member, or inserts into an array.
    mutating func insert(_ value: JSONValue, at tokens: ArraySlice<String>, pointer: JSONPointer) throws(JSONEditError) {
        guard !tokens.isEmpty else {
            self = value
            return
        }
        try editParent(of: tokens, pointer: pointer) { (parent, token) throws(JSONEditError) in
            switch parent {
            case .object(var object):
                object[token] = value
                parent = .object(object)
            case .array(var elements):
                let index = token == "-" ? elements.count : try Self.index(token, count: elements.count + 1, pointer: pointer)
                elements.insert(value, at: index)
                parent = .array(elements)
            default:
                throw Self.notContainer(pointer)
            }
        }
    }

    /// Removes and returns the value at `tokens`, which must exist.
    mutating func remove(at tokens: ArraySlice<String>, pointer: JSONPointer) throws(JSONEditError) -> JSONValue {
        guard !tokens.isEmpty else { throw JSONEditError(message: "cannot remove the whole document") }
        var removed: JSONValue = .null
        try editParent(of: tokens, pointer: pointer) { (parent, token) throws(JSONEditError) in
            switch parent {
            case .object(var object):
                guard let value = object[token] else { throw Self.missing(pointer) }
                removed = value
                object[token] = nil
                parent = .object(object)
            case .array(var elements):
                removed = elements.remove(at: try Self.index(token, count: elements.count, pointer: pointer))
                parent = .array(elements)
            default:
                throw Self.notContainer(pointer)
            }
        }
        return removed
    }

    /// Replaces the value at `tokens`, which must exist, keeping its position.
    mutating func replace(with value: JSONValue, at tokens: ArraySlice<String>, pointer: JSONPointer) throws(JSONEditError) {
        guard !tokens.isEmpty else {
            self = value
            return
        }
        try editParent(of: tokens, pointer: pointer) { (parent, token) throws(JSONEditError) in
            switch parent {
            case .object(var object):
                guard object[token] != nil else { throw Self.missing(pointer) }
                object[token] = value
                parent = .object(object)
            case .array(var elements):
                elements[try Self.index(token, count: elements.count, pointer: pointer)] = value
                parent = .array(elements)
            default:
                throw Self.notContainer(pointer)
            }
        }
    }

    /// Walks to the container holding the last token and lets `edit` change it.
    private mutating func editParent(
        of tokens: ArraySlice<String>, pointer: JSONPointer,
        _ edit: (inout JSONValue, String) throws(JSONEditError) -> Void
    ) throws(JSONEditError) {
        let token = tokens[tokens.startIndex]
        if tokens.count == 1 {
            try edit(&self, token)
            return
        }
        let rest = tokens.dropFirst()
        switch self {
        case .object(var object):
            guard var child = object[token] else { throw Self.missing(pointer) }
            try child.editParent(of: rest, pointer: pointer, edit)
            object[token] = child
            self = .object(object)
        case .array(var elements):
            let index = try Self.index(token, count: elements.count, pointer: pointer)
            try elements[index].editParent(of: rest, pointer: pointer, edit)
            self = .array(elements)
        default:
            throw Self.missing(pointer)
        }
    }

    /// A canonical array index below `count`.
    private static func index(_ token: String, count: Int, pointer: JSONPointer) throws(JSONEditError) -> Int {
        let digits = token.utf8
        guard let first = digits.first, digits.count <= 18,
              digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              first != UInt8(ascii: "0") || digits.count == 1,
              let index = Int(token), index < count
        else {
            throw JSONEditError(message: "'\(token)' in path '\(pointer)' is not a valid index into that array")
        }
        return index
    }

    private static func missing(_ pointer: JSONPointer) -> JSONEditError {
        JSONEditError(message: "path '\(pointer)' does not exist in the document")
    }

    private static func notContainer(_ pointer: JSONPointer) -> JSONEditError {
        JSONEditError(message: "path '\(pointer)' goes through a value that is neither an object nor an array")
    }
}
