
/// An RFC 6902 JSON Patch: a list of operations applied in order, all or nothing.
///
/// Supports `add` (with `-` to append to an array), `remove`, `replace`,
/// `move`, `copy` and `test`. Parsing checks every operation's shape first;
/// applying works on a copy, so a failing operation leaves the caller's
/// document untouched. Pure: no I/O. Errors carry the failing operation's index.
public struct JSONPatch: Sendable {
    /// One operation of the patch.
    public enum Operation: Sendable, Equatable {
        case add(path: JSONPointer, value: JSONValue)
        case remove(path: JSONPointer)
        case replace(path: JSONPointer, value: JSONValue)
        case move(from: JSONPointer, path: JSONPointer)
        case copy(from: JSONPointer, path: JSONPointer)
        case test(path: JSONPointer, value: JSONValue)

        var name: String {
            switch self {
            case .add: "add"
            case .remove: "remove"
            case .replace: "replace"
            case .move: "move"
            case .copy: "copy"
            case .test: "test"
            }
        }
    }

    /// Why a patch could not be parsed or applied.
    public struct Failure: Error, Sendable, Equatable {
        /// The index of the failing operation in the patch array (nil: the patch as a whole).
        public var index: Int?
        /// What went wrong and what to do.
        public var message: String
        /// True when a `test` operation did not hold (the patch itself was well-formed).
        public var isTestFailure = false
        /// True when the result would pass the size or depth limits.
        public var isLimitExceeded = false
    }

    /// The operations, in order.
    public var operations: [Operation]

    /// Parses a patch document (a JSON array of operation objects).
    public init(_ document: JSONValue) throws(Failure) {
        guard case .array(let elements) = document else {
            throw Failure(index: nil, message: "a JSON Patch must be an array of operations such as "
                + #"[{"op": "add", "path": "/a", "value": 1}]"#)
        }
        var operations: [Operation] = []
        for (index, element) in elements.enumerated() {
            operations.append(try Self.parseOperation(element, index: index))
        }
        self.operations = operations
    }

    /// `document` with every operation applied in order, refused as soon as the
    /// result could pass `limits`.
    ///
    /// The check is incremental, so time and memory stay proportional to the
    /// limits: every value an operation adds (`add`, `replace`, `copy`, `move`'s new
    /// member name) is measured against what is left of the byte budget, and what
    /// `remove` and `replace` take away is credited back while a second budget of
    /// the same size lasts. Forty rounds of `copy "" → /a` would otherwise build
    /// 2^40 nodes from a 4 KB patch.
    ///
    /// - Throws: `Failure` naming the operation; `isLimitExceeded` when the limits stop it.
    public func apply(to document: JSONValue, limits: JSONLimits = .default) throws(Failure) -> JSONValue {
        guard let start = document.measure(upTo: limits.maxBytes) else {
            throw Failure(index: nil, message: "the document is already larger than \(limits.maxBytes) bytes", isLimitExceeded: true)
        }
        var budget = PatchBudget(limits: limits, bytes: start.bytes)
        var result = document
        for (index, operation) in operations.enumerated() {
            do {
                try budget.account(for: operation, in: result)
                try Self.apply(operation, to: &result)
            } catch {
                throw Failure(index: index, message: "operation \(index) (\(operation.name)): \(error.message)",
                              isTestFailure: error.isTestFailure, isLimitExceeded: error.isLimitExceeded)
            }
        }
        return result
    }

    private static func apply(_ operation: Operation, to document: inout JSONValue) throws(JSONEditError) {
        switch operation {
        case .add(let path, let value):
            try document.insert(value, at: path.tokens[...], pointer: path)
        case .remove(let path):
            _ = try document.remove(at: path.tokens[...], pointer: path)
        case .replace(let path, let value):
            try document.replace(with: value, at: path.tokens[...], pointer: path)
        case .move(let from, let path):
            if from == path { return }
            if path.tokens.count > from.tokens.count, Array(path.tokens.prefix(from.tokens.count)) == from.tokens {
                throw JSONEditError(message: "cannot move '\(from)' into its own child '\(path)'")
            }
            let value = try document.remove(at: from.tokens[...], pointer: from)
            try document.insert(value, at: path.tokens[...], pointer: path)
        case .copy(let from, let path):
            guard let value = from.resolve(in: document) else {
                throw JSONEditError(message: "'from' path '\(from)' does not exist")
            }
            try document.insert(value, at: path.tokens[...], pointer: path)
        case .test(let path, let value):
            guard let actual = path.resolve(in: document) else {
                throw JSONEditError(message: "test failed: path '\(path)' does not exist", isTestFailure: true)
            }
            guard actual == value else {
                throw JSONEditError(message: "test failed: the value at '\(path)' differs", isTestFailure: true)
            }
        }
    }

    private static func parseOperation(_ element: JSONValue, index: Int) throws(Failure) -> Operation {
        func fail(_ message: String) -> Failure { Failure(index: index, message: "operation \(index): \(message)") }
        guard case .object(let object) = element else { throw fail("must be an object with \"op\" and \"path\"") }
        func pointer(_ member: String) throws(Failure) -> JSONPointer {
            guard let text = object[member]?.stringValue else { throw fail("needs a string \"\(member)\" member") }
            do { return try JSONPointer(text) } catch { throw fail("\"\(member)\" is not a JSON pointer: \(error.reason)") }
        }
        func value() throws(Failure) -> JSONValue {
            guard let value = object["value"] else { throw fail("needs a \"value\" member") }
            return value
        }
        switch object["op"]?.stringValue {
        case "add": return .add(path: try pointer("path"), value: try value())
        case "remove": return .remove(path: try pointer("path"))
        case "replace": return .replace(path: try pointer("path"), value: try value())
        case "move": return .move(from: try pointer("from"), path: try pointer("path"))
        case "copy": return .copy(from: try pointer("from"), path: try pointer("path"))
        case "test": return .test(path: try pointer("path"), value: try value())
        default: throw fail("\"op\" must be one of add, remove, replace, move, copy, test")
        }
    }
}
