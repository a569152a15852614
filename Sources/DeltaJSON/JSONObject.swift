/// A JSON object: members in document order, with fast lookup by name.
///
/// Member names compare by their Unicode code points (UTF-8 bytes), as JSON and
/// Python do, not by Swift's canonical equivalence: `"é"` (U+00E9) and `"e\u0301"`
/// are different names. Names are unique; the parser rejects duplicates.
///
/// Small objects are searched linearly; objects with more than
/// `indexThreshold` members also keep a hash index. Equality ignores member
/// order (`{"a":1,"b":2} == {"b":2,"a":1}`), which is JSON's notion of equality;
/// serialisation keeps the order.
public struct JSONObject: Sendable {
    /// The members in document (insertion) order.
    public private(set) var members: [(key: String, value: JSONValue)]
    private var index: [JSONKey: Int]?

    static let indexThreshold = 8

    /// An empty object.
    public init() {
        members = []
    }

    /// An object with the given members, in order.
    ///
    /// A repeated name keeps its first position and its last value. Use
    /// `JSONParser` if duplicates must be rejected.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        self.init()
        for (key, value) in members { self[key] = value }
    }

    /// Builds an object from members already known to be unique (the parser
    /// checks them first).
    init(uniqueMembers: [(key: String, value: JSONValue)]) {
        members = uniqueMembers
        if members.count > Self.indexThreshold { index = Self.buildIndex(members) }
    }

    static func buildIndex(_ members: [(key: String, value: JSONValue)]) -> [JSONKey: Int] {
        var index = [JSONKey: Int](minimumCapacity: members.count)
        for (position, member) in members.enumerated() { index[JSONKey(member.key)] = position }
        return index
    }

    /// The number of members.
    public var count: Int { members.count }

    /// True when the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// The member names in document order.
    public var keys: [String] { members.map(\.key) }

    /// The position of the member named `key`, if present.
    public func position(of key: String) -> Int? {
        if let index { return index[JSONKey(key)] }
        for position in members.indices where JSONKey.equal(members[position].key, key) {
            return position
        }
        return nil
    }

    /// The value of the member named `key`; setting nil removes the member,
    /// setting a new name appends it.
    public subscript(key: String) -> JSONValue? {
        get {
            guard let position = position(of: key) else { return nil }
            return members[position].value
        }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    index = members.count > Self.indexThreshold ? Self.buildIndex(members) : nil
                }
            } else if let newValue {
                members.append((key, newValue))
                if index != nil {
                    index![JSONKey(key)] = members.count - 1
                } else if members.count > Self.indexThreshold {
                    index = Self.buildIndex(members)
                }
            }
        }
    }
}

extension JSONObject: Equatable, Hashable {
    /// Same names with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for (key, value) in lhs.members {
            guard let other = rhs[key], other == value else { return false }
        }
        return true
    }

    /// An order-independent hash of the members.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (key, value) in members {
            var memberHasher = Hasher()
            JSONKey(key).hash(into: &memberHasher)
            value.hash(into: &memberHasher)
            combined &+= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

/// A string compared and hashed by its UTF-8 bytes (code points), not by
/// Swift's canonical equivalence.
struct JSONKey: Hashable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool { equal(lhs.string, rhs.string) }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Code-point equality of two strings.
    @inline(__always)
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let (l, r) = (lhs.utf8, rhs.utf8)
        guard l.count == r.count else { return false }
        if let result = l.withContiguousStorageIfAvailable({ a in
            r.withContiguousStorageIfAvailable { b in a.elementsEqual(b) }
        }), let result {
            return result
        }
        return l.elementsEqual(r)
    }
}
