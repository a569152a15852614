/// The one error shape of DeltaDatabase: a machine-readable code, a message that
/// says what was wrong and what to do, optional structured details, and the
/// underlying cause.
///
/// Every module throws `DeltaError` for problems a user can act on. The server maps
/// it once to HTTP (status + JSON body) and once to gRPC status; nothing else
/// decides how an error reaches the wire. The message must never contain entity
/// plaintext or key material: it is returned to clients and may be logged.
public struct DeltaError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is; decides the HTTP status and gRPC code.
    public var code: Code
    /// A human-readable explanation: what was wrong and what to do about it.
    public var message: String
    /// Structured details, e.g. one entry per failing JSON pointer of a schema violation.
    public var details: [Detail]
    /// The entity's current version when a precondition failed (HTTP 412).
    public var currentVersion: UInt64?
    /// The lower-level error that caused this one, if any. Not sent to clients.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        details: [Detail] = [],
        currentVersion: UInt64? = nil,
        cause: (any Error & Sendable)? = nil
    ) {
        self.code = code
        self.message = message
        self.details = details
        self.currentVersion = currentVersion
        self.cause = cause
    }

    public var description: String {
        var text = "\(code.rawValue): \(message)"
        if let cause { text += " (cause: \(cause))" }
        return text
    }
}

extension DeltaError {
    /// One structured detail of an error: where (a JSON pointer into the instance,
    /// and optionally into the schema) and what.
    public struct Detail: Sendable, Equatable, Codable {
        /// JSON pointer into the offending document ("" is the whole document).
        public var pointer: String
        /// JSON pointer into the schema that rejected it, when there is one.
        public var schemaPointer: String?
        /// What is wrong at that place.
        public var message: String

        public init(pointer: String, schemaPointer: String? = nil, message: String) {
            self.pointer = pointer
            self.schemaPointer = schemaPointer
            self.message = message
        }

        enum CodingKeys: String, CodingKey {
            case pointer
            case schemaPointer = "schema_pointer"
            case message
        }
    }
}
