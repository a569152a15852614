/// A JSON number that keeps the exact literal it was written with.
///
/// The literal is what gets serialised, so `1.50`, `1e2` and
/// `123456789012345678901234567890` round-trip byte for byte. For arithmetic the
/// number follows the model Python's `json` module and the `jsonschema` package
/// use, so a document validated here and by a Python client gets the same verdict:
///
/// - an *integer literal* (no fraction, no exponent) is an exact integer of any size;
/// - any other literal (`1.5`, `1.0`, `1e2`) is the nearest `Double`
///   (`1e400` becomes +infinity, as in Python).
///
/// Equality and ordering compare those values exactly, across the two kinds
/// (`1 == 1.0`, and `9007199254740993 > 9007199254740992.0`). `JSONNumber` does
/// not do decimal arithmetic.
public struct JSONNumber: Sendable {
    /// The number exactly as written in JSON (always a valid JSON number literal).
    public let literal: String
    let storage: Storage

    enum Storage: Sendable {
        /// An integer literal that fits `Int64`.
        case int(Int64)
        /// An integer literal outside `Int64`; the digits are in `literal`.
        case bigInt
        /// A literal with a fraction or exponent, as the nearest double.
        case double(Double)
    }

    init(literal: String, storage: Storage) {
        self.literal = literal
        self.storage = storage
    }

    /// Creates a number from an integer.
    public init(_ value: Int64) {
        self.init(literal: String(value), storage: .int(value))
    }

    /// Creates a number from an integer.
    public init(_ value: Int) {
        self.init(Int64(value))
    }

    /// Creates a number from a finite double, written in Swift's shortest
    /// round-tripping form (`0.1`, `1e-05`, `100.0`).
    ///
    /// Infinity and NaN have no JSON form: they trap.
    public init(_ value: Double) {
        precondition(value.isFinite, "JSON cannot represent \(value)")
        self.init(literal: value.description, storage: .double(value))
    }

    /// Parses a JSON number literal such as `-12`, `0.5` or `6.02e23`.
    ///
    /// Returns nil if `literal` is not exactly one RFC 8259 number (no
    /// surrounding whitespace, no leading zeros, no `+`, no NaN).
    public init?(literal: String) {
        var bytes = Array(literal.utf8)
        let parsed: JSONNumber? = bytes.withUnsafeMutableBufferPointer { buffer in
            var scanner = JSONScanner(UnsafeBufferPointer(buffer))
            guard let number = try? scanner.scanNumber(), scanner.position == buffer.count else { return nil }
            return number
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// True for integer literals, which keep their exact value at any size.
    public var isIntegerLiteral: Bool {
        if case .double = storage { return false }
        return true
    }

    /// True when the value is a whole number: every integer literal, and
    /// fractional literals such as `1.0` or `1e2` whose value is whole (JSON
    /// Schema's `integer`). Infinity is not an integer.
    public var isInteger: Bool {
        switch storage {
        case .int, .bigInt: true
        case .double(let value): value.isFinite && value.rounded(.towardZero) == value
        }
    }

    /// The value as `Int64` when it is a whole number in range (`3`, `3.0`,
    /// `3e0`), otherwise nil.
    public var int: Int64? {
        switch storage {
        case .int(let value):
            return value
        case .bigInt:
            return nil
        case .double(let value):
            guard value.isFinite, value.rounded(.towardZero) == value,
                value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0
            else { return nil }
            return Int64(value)
        }
    }

    /// The nearest double (infinite for literals beyond the double range).
    public var double: Double {
        switch storage {
        case .int(let value): Double(value)
        case .bigInt: Double(literal) ?? .nan
        case .double(let value): value
        }
    }

    /// True when the value is below zero.
    public var isNegative: Bool {
        switch storage {
        case .int(let value): value < 0
        case .bigInt: literal.utf8.first == UInt8(ascii: "-")
        case .double(let value): value < 0
        }
    }
}

extension JSONNumber: CustomStringConvertible {
    public var description: String { literal }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int64) { self.init(value) }
    public init(floatLiteral value: Double) { self.init(value) }
}
