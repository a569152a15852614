import Foundation

/// Any JSON value: what the client uses for free-form documents (entities).
///
/// Build one from a literal, from JSON bytes, or from any `Encodable`; turn it
/// back into bytes or decode it into any `Decodable`. Integers keep their full
/// 64-bit precision; other numbers are `Double`s. Object member order is not
/// preserved (JSON objects are unordered).
public struct JSONDocument: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of JSON value this is, with its contents.
    public indirect enum Kind: Sendable, Hashable {
        case null
        case bool(Bool)
        case integer(Int64)
        case double(Double)
        case string(String)
        case array([JSONDocument])
        case object([String: JSONDocument])
    }

    /// What kind of JSON value this is, with its contents.
    public var kind: Kind

    /// Wraps `kind`.
    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// Parses JSON text.
    ///
    /// - Throws: `DecodingError` when `data` is not JSON.
    public init(data: some DataProtocol) throws {
        self = try JSONDecoder().decode(JSONDocument.self, from: Data(data))
    }

    /// The JSON form of `value`, via `JSONEncoder`.
    ///
    /// - Throws: `EncodingError` when `value` cannot be encoded.
    public init(encoding value: some Encodable) throws {
        try self.init(data: JSONEncoder().encode(value))
    }

    /// The document as compact JSON bytes, members sorted by key.
    public func data() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Decodes the document into `type`.
    ///
    /// - Throws: `DecodingError` when the document does not match `type`.
    public func decode<Decoded: Decodable>(_ type: Decoded.Type = Decoded.self) throws -> Decoded {
        try JSONDecoder().decode(Decoded.self, from: data())
    }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONDocument? {
        if case .object(let members) = kind { return members[key] }
        return nil
    }

    public var description: String {
        (try? data()).flatMap { String(decoding: $0, as: UTF8.self) } ?? "<invalid JSON>"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            kind = .null
        } else if let bool = try? container.decode(Bool.self) {
            kind = .bool(bool)
        } else if let integer = try? container.decode(Int64.self) {
            kind = .integer(integer)
        } else if let double = try? container.decode(Double.self) {
            kind = .double(double)
        } else if let string = try? container.decode(String.self) {
            kind = .string(string)
        } else if let array = try? container.decode([JSONDocument].self) {
            kind = .array(array)
        } else {
            kind = .object(try container.decode([String: JSONDocument].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch kind {
        case .null: try container.encodeNil()
        case .bool(let bool): try container.encode(bool)
        case .integer(let integer): try container.encode(integer)
        case .double(let double): try container.encode(double)
        case .string(let string): try container.encode(string)
        case .array(let array): try container.encode(array)
        case .object(let object): try container.encode(object)
        }
    }
}

extension JSONDocument: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self.init(.null) }
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
    public init(integerLiteral value: Int64) { self.init(.integer(value)) }
    public init(floatLiteral value: Double) { self.init(.double(value)) }
    public init(stringLiteral value: String) { self.init(.string(value)) }
    public init(arrayLiteral elements: JSONDocument...) { self.init(.array(elements)) }

    public init(dictionaryLiteral elements: (String, JSONDocument)...) {
        self.init(.object(Dictionary(elements, uniquingKeysWith: { _, last in last })))
    }
}
