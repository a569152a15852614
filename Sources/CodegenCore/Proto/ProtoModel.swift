/// One parsed `.proto` file (proto3): what every proto translator reads.
///
/// Type references in fields and RPCs are resolved: a field's type says whether
/// it names a message or an enum, by its full proto name (`deltadb.WrappedKey`).
/// Options, imports and `reserved` ranges are not kept beyond what the parser
/// checks; they never change the generated code.
public struct ProtoFile: Sendable, Hashable {
    /// The file, relative to the repository root, e.g. `spec/deltadb.proto`.
    public var source: String
    /// The `package`, e.g. `deltadb` (empty when the file declares none).
    public var packageName: String
    /// Top-level messages, in file order.
    public var messages: [ProtoMessage]
    /// Top-level enums, in file order.
    public var enums: [ProtoEnum]
    /// Services, in file order.
    public var services: [ProtoService]

    /// Creates a file model.
    public init(source: String, packageName: String, messages: [ProtoMessage] = [], enums: [ProtoEnum] = [], services: [ProtoService] = []) {
        self.source = source
        self.packageName = packageName
        self.messages = messages
        self.enums = enums
        self.services = services
    }
}

/// A `message`, with its nested messages and enums.
public struct ProtoMessage: Sendable, Hashable {
    /// The name as declared, e.g. `WrappedKey`.
    public var name: String
    /// The fully qualified proto name, e.g. `deltadb.WrappedKey` or `deltadb.Outer.Inner`.
    public var fullName: String
    /// The leading comment, one entry per line.
    public var doc: [String]
    /// Fields in declaration order.
    public var fields: [ProtoField]
    /// Nested messages, in declaration order.
    public var messages: [ProtoMessage]
    /// Nested enums, in declaration order.
    public var enums: [ProtoEnum]
    /// `reserved` field numbers (ranges expanded only up to their bounds).
    public var reservedNumbers: [ClosedRange<Int>]
    /// `reserved` field names.
    public var reservedNames: [String]

    /// Creates a message.
    public init(
        name: String, fullName: String, doc: [String] = [], fields: [ProtoField] = [],
        messages: [ProtoMessage] = [], enums: [ProtoEnum] = [],
        reservedNumbers: [ClosedRange<Int>] = [], reservedNames: [String] = []
    ) {
        self.name = name
        self.fullName = fullName
        self.doc = doc
        self.fields = fields
        self.messages = messages
        self.enums = enums
        self.reservedNumbers = reservedNumbers
        self.reservedNames = reservedNames
    }
}

/// One field of a message.
public struct ProtoField: Sendable, Hashable {
    /// How many values a field holds and whether presence is tracked.
    public enum Label: String, Sendable, Hashable {
        /// proto3 implicit presence: the default value is not sent.
        case singular
        /// proto3 `optional`: explicit presence (`hasX`), sent whenever set.
        case optional
        /// `repeated`: a list (packed on the wire for numeric scalars and enums).
        case repeated
    }

    /// The name as declared (snake_case by convention), e.g. `worker_id`.
    public var name: String
    /// The field number, 1…536870911.
    public var number: Int
    /// The value type.
    public var type: ProtoType
    /// The label; `map` fields are `.singular` with a `.map` type.
    public var label: Label
    /// The leading (or trailing) comment, one entry per line.
    public var doc: [String]
    /// Where the field is declared, `line:column`.
    public var location: String

    /// Creates a field.
    public init(name: String, number: Int, type: ProtoType, label: Label = .singular, doc: [String] = [], location: String = "") {
        self.name = name
        self.number = number
        self.type = type
        self.label = label
        self.doc = doc
        self.location = location
    }
}

/// The type of a field's value.
public indirect enum ProtoType: Sendable, Hashable {
    /// One of the fifteen proto3 scalar types.
    case scalar(ProtoScalar)
    /// A message, by fully qualified proto name (`deltadb.WrappedKey`).
    case message(String)
    /// An enum, by fully qualified proto name.
    case enumeration(String)
    /// `map<key, value>`; keys are integral scalars, `bool` or `string`.
    case map(key: ProtoScalar, value: ProtoType)
    /// A name the parser has not resolved yet (only inside the parser).
    case unresolved(String)
}

/// An `enum`: proto3 requires the first value to be zero.
public struct ProtoEnum: Sendable, Hashable {
    /// One enum value.
    public struct Value: Sendable, Hashable {
        /// The name as declared, e.g. `OPERATION_GET`.
        public var name: String
        /// The number.
        public var number: Int
        /// The leading comment, one entry per line.
        public var doc: [String]

        /// Creates a value.
        public init(name: String, number: Int, doc: [String] = []) {
            self.name = name
            self.number = number
            self.doc = doc
        }
    }

    /// The name as declared, e.g. `Operation`.
    public var name: String
    /// The fully qualified proto name, e.g. `deltadb.Operation`.
    public var fullName: String
    /// The leading comment, one entry per line.
    public var doc: [String]
    /// Values in declaration order.
    public var values: [Value]

    /// Creates an enum.
    public init(name: String, fullName: String, doc: [String] = [], values: [Value] = []) {
        self.name = name
        self.fullName = fullName
        self.doc = doc
        self.values = values
    }
}

/// A `service` and its RPCs.
public struct ProtoService: Sendable, Hashable {
    /// One `rpc`.
    public struct Method: Sendable, Hashable {
        /// The name as declared, e.g. `Subscribe`.
        public var name: String
        /// The request message's fully qualified name.
        public var input: String
        /// The response message's fully qualified name.
        public var output: String
        /// Whether the request is `stream`.
        public var clientStreaming: Bool
        /// Whether the response is `stream`.
        public var serverStreaming: Bool
        /// The leading comment, one entry per line.
        public var doc: [String]
        /// Where the rpc is declared, `line:column`.
        public var location: String

        /// Creates a method.
        public init(
            name: String, input: String, output: String, clientStreaming: Bool = false, serverStreaming: Bool = false,
            doc: [String] = [], location: String = ""
        ) {
            self.location = location
            self.name = name
            self.input = input
            self.output = output
            self.clientStreaming = clientStreaming
            self.serverStreaming = serverStreaming
            self.doc = doc
        }
    }

    /// The name as declared, e.g. `MainWorker`.
    public var name: String
    /// The fully qualified name, e.g. `deltadb.MainWorker`.
    public var fullName: String
    /// The leading comment, one entry per line.
    public var doc: [String]
    /// RPCs in declaration order.
    public var methods: [Method]

    /// Creates a service.
    public init(name: String, fullName: String, doc: [String] = [], methods: [Method] = []) {
        self.name = name
        self.fullName = fullName
        self.doc = doc
        self.methods = methods
    }
}
