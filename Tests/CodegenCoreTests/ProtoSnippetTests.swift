import Testing

@testable import CodegenCore

/// Proto fragment → exact Swift, one construct per test.
@Suite("Proto: swift-protobuf snippets")
struct ProtoSnippetTests {
    @Test("a one-field message: the whole file, header to conformance")
    func wholeFile() throws {
        let swift = try ProtoTestSupport.swift("// A ping.\nmessage Ping { string worker_id = 1; }")
        #expect(swift == """
            // Generated from spec/test.proto by deltadb-codegen. DO NOT EDIT.

            import Foundation
            import SwiftProtobuf

            // Compile-time check that the linked SwiftProtobuf supports the API this code uses.
            fileprivate struct _GeneratedWithProtocGenSwiftVersion: SwiftProtobuf.ProtobufAPIVersionCheck {
                struct _2: SwiftProtobuf.ProtobufAPIVersion_2 {}
                typealias Version = _2
            }

            /// A ping.
            ///
            /// Proto message `test.Ping`.
            public struct Ping: Sendable {
                public var workerId: String = String()
                /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
                public var unknownFields = SwiftProtobuf.UnknownStorage()

                /// Creates a message with every field at its default.
                public init() {}
            }

            // MARK: - SwiftProtobuf conformances

            extension Ping: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
                public static let protoMessageName: String = "test.Ping"
                public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\\0\\u{3}worker_id\\0")

                public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
                    while let fieldNumber = try decoder.nextFieldNumber() {
                        switch fieldNumber {
                        case 1: try decoder.decodeSingularStringField(value: &self.workerId)
                        default: break
                        }
                    }
                }

                public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
                    if !self.workerId.isEmpty {
                        try visitor.visitSingularStringField(value: self.workerId, fieldNumber: 1)
                    }
                    try unknownFields.traverse(visitor: &visitor)
                }

                public static func == (lhs: Ping, rhs: Ping) -> Bool {
                    if lhs.workerId != rhs.workerId { return false }
                    if lhs.unknownFields != rhs.unknownFields { return false }
                    return true
                }
            }

            """)
    }

    @Test("scalar kinds pick swift-protobuf's decoder and visitor per wire type; floats compare bit patterns")
    func scalars() throws {
        let swift = try ProtoTestSupport.swift("message S { sint32 a = 1; fixed64 b = 2; double c = 3; bool d = 4; bytes e = 5; }")
        ProtoTestSupport.expectContains(swift, """
                        case 1: try decoder.decodeSingularSInt32Field(value: &self.a)
                        case 2: try decoder.decodeSingularFixed64Field(value: &self.b)
                        case 3: try decoder.decodeSingularDoubleField(value: &self.c)
                        case 4: try decoder.decodeSingularBoolField(value: &self.d)
                        case 5: try decoder.decodeSingularBytesField(value: &self.e)
            """)
        ProtoTestSupport.expectContains(swift, """
                    if self.c.bitPattern != 0 {
                        try visitor.visitSingularDoubleField(value: self.c, fieldNumber: 3)
                    }
                    if self.d {
                        try visitor.visitSingularBoolField(value: self.d, fieldNumber: 4)
                    }
            """)
        ProtoTestSupport.expectContains(swift, "    public var a: Int32 = 0\n    public var b: UInt64 = 0\n    public var c: Double = 0\n")
    }

    @Test("repeated numbers are packed, repeated strings and messages are not")
    func repeated() throws {
        let swift = try ProtoTestSupport.swift("message M {}\nmessage R { repeated int32 n = 1; repeated string s = 2; repeated M m = 3; }")
        ProtoTestSupport.expectContains(swift, "    public var n: [Int32] = []\n    public var s: [String] = []\n    public var m: [M] = []\n")
        ProtoTestSupport.expectContains(swift, "try visitor.visitPackedInt32Field(value: self.n, fieldNumber: 1)")
        ProtoTestSupport.expectContains(swift, "try visitor.visitRepeatedStringField(value: self.s, fieldNumber: 2)")
        ProtoTestSupport.expectContains(swift, "try visitor.visitRepeatedMessageField(value: self.m, fieldNumber: 3)")
        ProtoTestSupport.expectContains(swift, "case 1: try decoder.decodeRepeatedInt32Field(value: &self.n)")
    }

    @Test("singular messages and proto3 optional keep presence in private storage")
    func presence() throws {
        let swift = try ProtoTestSupport.swift("message M {}\nmessage P { M m = 1; optional int64 v = 2; }")
        ProtoTestSupport.expectContains(swift, """
                public var m: M {
                    get { _m ?? M() }
                    set { _m = newValue }
                }
                /// Whether `m` was set (or decoded).
                public var hasM: Bool { _m != nil }
                /// Resets `m` to unset.
                public mutating func clearM() { _m = nil }
            """)
        ProtoTestSupport.expectContains(swift, "    fileprivate var _m: M? = nil\n    fileprivate var _v: Int64? = nil\n")
        ProtoTestSupport.expectContains(swift, """
                    if let value = self._v {
                        try visitor.visitSingularInt64Field(value: value, fieldNumber: 2)
                    }
            """)
        ProtoTestSupport.expectContains(swift, "case 2: try decoder.decodeSingularInt64Field(value: &self._v)")
        ProtoTestSupport.expectContains(swift, "if lhs._v != rhs._v { return false }")
    }

    @Test("maps use swift-protobuf's map field types for scalar, enum and message values")
    func maps() throws {
        let swift = try ProtoTestSupport.swift("""
            enum E { E_UNSPECIFIED = 0; }
            message M {}
            message X { map<string, string> a = 1; map<int64, E> b = 2; map<uint32, M> c = 3; }
            """)
        ProtoTestSupport.expectContains(swift, "    public var a: [String: String] = [:]\n    public var b: [Int64: E] = [:]\n    public var c: [UInt32: M] = [:]\n")
        ProtoTestSupport.expectContains(swift, "decodeMapField(fieldType: SwiftProtobuf._ProtobufMap<SwiftProtobuf.ProtobufString, SwiftProtobuf.ProtobufString>.self, value: &self.a)")
        ProtoTestSupport.expectContains(swift, "visitMapField(fieldType: SwiftProtobuf._ProtobufEnumMap<SwiftProtobuf.ProtobufInt64, E>.self, value: self.b, fieldNumber: 2)")
        ProtoTestSupport.expectContains(swift, "SwiftProtobuf._ProtobufMessageMap<SwiftProtobuf.ProtobufUInt32, M>.self")
    }

    @Test("enums: prefix-stripped cases, UNRECOGNIZED, the zero default, a name map of proto names")
    func enums() throws {
        let swift = try ProtoTestSupport.swift("enum WorkerStatus { WORKER_STATUS_UNSPECIFIED = 0; WORKER_STATUS_READY = 1; OTHER = 5; }\nmessage H { WorkerStatus s = 1; }")
        ProtoTestSupport.expectContains(swift, """
                public init?(rawValue: Int) {
                    switch rawValue {
                    case 0: self = .unspecified
                    case 1: self = .ready
                    case 5: self = .other
                    default: self = .UNRECOGNIZED(rawValue)
                    }
                }
            """)
        ProtoTestSupport.expectContains(swift, "    case UNRECOGNIZED(Int)\n")
        ProtoTestSupport.expectContains(swift, "public static let allCases: [WorkerStatus] = [.unspecified, .ready, .other]")
        ProtoTestSupport.expectContains(swift, #"SwiftProtobuf._NameMap(bytecode: "\0\u{2}\0WORKER_STATUS_UNSPECIFIED\0\u{1}WORKER_STATUS_READY\0\u{2}\u{4}OTHER\0")"#)
        ProtoTestSupport.expectContains(swift, "    public var s: WorkerStatus = .unspecified\n")
        ProtoTestSupport.expectContains(swift, "if self.s != .unspecified {")
        ProtoTestSupport.expectContains(swift, "case 1: try decoder.decodeSingularEnumField(value: &self.s)")
    }

    @Test("nested messages are nested Swift types; names keep the proto path")
    func nested() throws {
        let swift = try ProtoTestSupport.swift("message Outer { message Inner { int32 x = 1; } Inner inner = 1; }")
        ProtoTestSupport.expectContains(swift, "    public struct Inner: Sendable {\n")
        ProtoTestSupport.expectContains(swift, "extension Outer.Inner: SwiftProtobuf.Message")
        ProtoTestSupport.expectContains(swift, #"public static let protoMessageName: String = "test.Outer.Inner""#)
        ProtoTestSupport.expectContains(swift, "public var inner: Outer.Inner {")
    }

    @Test("name map bytecode: field-number gaps are deltas, large numbers use continuation bytes")
    func nameMap() {
        let literal = ProtoNameMapBytecode.literal([
            .init(number: 1, protoName: "a", jsonName: "a"),
            .init(number: 100, protoName: "b_c", jsonName: "bC"),
        ])
        // 100 - 1 = 99 = 0b1_100011 → 0x63 (0x40 | 0x23 = 'c'), 0x01.
        #expect(literal == #"\0\u{1}a\0\u{4}c\u{1}b_c\0"#)
    }
}
