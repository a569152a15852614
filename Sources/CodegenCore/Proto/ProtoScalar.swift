/// The fifteen proto3 scalar value types, and what each means in swift-protobuf.
public enum ProtoScalar: String, Sendable, Hashable, CaseIterable {
    case double, float, int32, int64, uint32, uint64, sint32, sint64
    case fixed32, fixed64, sfixed32, sfixed64, bool, string, bytes

    /// The Swift type swift-protobuf uses for the value.
    public var swiftType: String {
        switch self {
        case .double: "Double"
        case .float: "Float"
        case .int32, .sint32, .sfixed32: "Int32"
        case .int64, .sint64, .sfixed64: "Int64"
        case .uint32, .fixed32: "UInt32"
        case .uint64, .fixed64: "UInt64"
        case .bool: "Bool"
        case .string: "String"
        case .bytes: "Data"
        }
    }

    /// The word in swift-protobuf's decoder and visitor methods, e.g. `SInt32`
    /// in `decodeSingularSInt32Field` and `visitPackedSInt32Field`.
    public var runtimeName: String {
        switch self {
        case .double: "Double"
        case .float: "Float"
        case .int32: "Int32"
        case .int64: "Int64"
        case .uint32: "UInt32"
        case .uint64: "UInt64"
        case .sint32: "SInt32"
        case .sint64: "SInt64"
        case .fixed32: "Fixed32"
        case .fixed64: "Fixed64"
        case .sfixed32: "SFixed32"
        case .sfixed64: "SFixed64"
        case .bool: "Bool"
        case .string: "String"
        case .bytes: "Bytes"
        }
    }

    /// The proto3 default value as a Swift expression.
    public var defaultValue: String {
        switch self {
        case .bool: "false"
        case .string: "String()"
        case .bytes: "Data()"
        default: "0"
        }
    }

    /// Whether repeated values of this type are packed on the wire (proto3 default).
    public var isPackable: Bool {
        self != .string && self != .bytes
    }

    /// Whether the type may be a `map` key (integral types, `bool`, `string`).
    public var isValidMapKey: Bool {
        switch self {
        case .double, .float, .bytes: false
        default: true
        }
    }
}
