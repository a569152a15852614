// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

/// A plain acknowledgement.
///
/// - Remark: Generated from `#/components/schemas/StatusResponse`.
public struct StatusResponse: Codable, Hashable, Sendable {
    /// Always "ok".
    public var status: String

    /// Creates a value with every property.
    public init(status: String) {
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case status = "status"
    }
}

/// An entity's JSON document (any JSON value; usually an object).
///
/// - Remark: Generated from `#/components/schemas/EntityDocument`.
public typealias EntityDocument = JSONDocument

/// Entity key to JSON document; several entities at once.
///
/// - Remark: Generated from `#/components/schemas/EntityBatch`.
public typealias EntityBatch = [String: EntityDocument]

/// One place where a request was wrong.
///
/// - Remark: Generated from `#/components/schemas/ErrorDetail`.
public struct ErrorDetail: Codable, Hashable, Sendable {
    /// JSON pointer into the offending document.
    public var pointer: String
    /// JSON pointer into the schema that rejected it.
    public var schemaPointer: String?
    /// What is wrong there.
    public var message: String

    /// Creates a value with every property.
    public init(pointer: String, schemaPointer: String? = nil, message: String) {
        self.pointer = pointer
        self.schemaPointer = schemaPointer
        self.message = message
    }

    enum CodingKeys: String, CodingKey {
        case pointer = "pointer"
        case schemaPointer = "schema_pointer"
        case message = "message"
    }
}

/// The error body of every 4xx and 5xx response.
///
/// - Remark: Generated from `#/components/schemas/ErrorResponse`.
public struct ErrorResponse: Codable, Hashable, Sendable {
    /// What was wrong and what to do about it.
    public var error: String
    /// A machine-readable error code, e.g. not_found.
    public var code: String
    /// Per-location details, e.g. each schema violation.
    public var details: [ErrorDetail]?
    /// The entity's current version when a precondition failed.
    public var currentVersion: Int64?

    /// Creates a value with every property.
    public init(error: String, code: String, details: [ErrorDetail]? = nil, currentVersion: Int64? = nil) {
        self.error = error
        self.code = code
        self.details = details
        self.currentVersion = currentVersion
    }

    enum CodingKeys: String, CodingKey {
        case error = "error"
        case code = "code"
        case details = "details"
        case currentVersion = "current_version"
    }
}
