/// A running upper bound on the size of a document under JSON Patch, so a patch
/// is refused before it builds anything larger than the limits allow.
///
/// Bytes added are measured exactly, stopping at the remaining budget; bytes
/// removed are measured while a credit budget of `maxBytes` lasts (after that
/// removals no longer lower the bound, which stays an upper bound). Total work
/// is therefore at most about three times `maxBytes`, whatever the patch does.
struct PatchBudget {
    let limits: JSONLimits
    /// An upper bound on the document's serialised length.
    private(set) var bytes: Int
    /// How many more bytes removals may be measured for.
    private var credit: Int

    init(limits: JSONLimits, bytes: Int) {
        self.limits = limits
        self.bytes = bytes
        self.credit = limits.maxBytes
    }

    /// Updates the bound for `operation` applied to `document`, before it is applied.
    ///
    /// - Throws: `JSONEditError` with `isLimitExceeded` when the result could pass the limits.
    mutating func account(for operation: JSONPatch.Operation, in document: JSONValue) throws(JSONEditError) {
        switch operation {
        case .add(let path, let value):
            credit(removing: Self.replacedByInsert(at: path, in: document))
            try add(value, at: path)
        case .replace(let path, let value):
            credit(removing: path.resolve(in: document))
            try add(value, at: path)
        case .copy(let from, let path):
            guard let value = from.resolve(in: document) else { return }  // the edit reports it
            credit(removing: Self.replacedByInsert(at: path, in: document))
            try add(value, at: path)
        case .move(_, let path):
            // The value only changes place; its new member name and separator are new bytes.
            try grow(by: Self.memberOverhead(path))
        case .remove(let path):
            credit(removing: path.resolve(in: document))
        case .test:
            return
        }
    }

    private mutating func add(_ value: JSONValue, at path: JSONPointer) throws(JSONEditError) {
        let room = limits.maxBytes - bytes - Self.memberOverhead(path)
        guard room >= 0, let measured = value.measure(upTo: room) else { throw tooLarge() }
        guard path.tokens.count + measured.depth <= limits.maxDepth else {
            throw JSONEditError(
                message: "the result would nest deeper than \(limits.maxDepth) levels; nothing was changed",
                isLimitExceeded: true)
        }
        try grow(by: measured.bytes + Self.memberOverhead(path))
    }

    private mutating func grow(by count: Int) throws(JSONEditError) {
        bytes += count
        guard bytes <= limits.maxBytes else { throw tooLarge() }
    }

    /// Lowers the bound by what `removed` takes away, while the credit lasts.
    private mutating func credit(removing removed: JSONValue?) {
        guard let removed, credit > 0, let measured = removed.measure(upTo: credit) else { return }
        credit -= measured.bytes
        bytes -= measured.bytes
    }

    /// What inserting at `path` replaces: the whole document for `""`, an existing
    /// object member; nothing for an array position (elements shift, none goes).
    private static func replacedByInsert(at path: JSONPointer, in document: JSONValue) -> JSONValue? {
        guard let last = path.tokens.last else { return document }
        guard case .object(let parent)? = JSONPointer(tokens: Array(path.tokens.dropLast())).resolve(in: document) else {
            return nil
        }
        return parent[last]
    }

    /// The most a new member at `path` adds besides its value: its name (escaped,
    /// quoted), a colon and a comma.
    private static func memberOverhead(_ path: JSONPointer) -> Int {
        (path.tokens.last.map(JSONValue.serializedLength(of:)) ?? 0) + 2
    }

    private func tooLarge() -> JSONEditError {
        JSONEditError(
            message: "the result would be larger than \(limits.maxBytes) bytes, the limit for a stored document; nothing was changed",
            isLimitExceeded: true)
    }
}
