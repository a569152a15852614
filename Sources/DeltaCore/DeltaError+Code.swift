extension DeltaError {
    /// The machine-readable error codes clients see in the `code` field.
    ///
    /// The set is closed on purpose: each code has exactly one HTTP status and one
    /// gRPC status, decided where the server maps errors to the wire.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The request is malformed (missing parameter, bad header, bad query).
        public static let badRequest = Code(rawValue: "bad_request")
        /// A database name, entity key or schema id is not allowed.
        public static let invalidName = Code(rawValue: "invalid_name")
        /// The body is not well-formed JSON (or not UTF-8, or nested too deeply).
        public static let invalidJSON = Code(rawValue: "invalid_json")
        /// The document does not match its JSON Schema.
        public static let schemaViolation = Code(rawValue: "schema_violation")
        /// No credential, or a credential that is wrong or expired.
        public static let unauthorized = Code(rawValue: "unauthorized")
        /// The credential is valid but lacks the permission.
        public static let forbidden = Code(rawValue: "forbidden")
        /// The entity, schema or resource does not exist.
        public static let notFound = Code(rawValue: "not_found")
        /// Checking the document against its schema would take more work than one
        /// request may use (a hostile or pathological schema/document pair).
        public static let validationBudgetExceeded = Code(rawValue: "validation_budget_exceeded")
        /// The body is larger than the configured limit.
        public static let payloadTooLarge = Code(rawValue: "payload_too_large")
        /// An `If-Match` / `If-None-Match` precondition did not hold.
        public static let preconditionFailed = Code(rawValue: "precondition_failed")
        /// The endpoint exists but not with this HTTP method.
        public static let methodNotAllowed = Code(rawValue: "method_not_allowed")
        /// The request's media type is not supported by this endpoint.
        public static let unsupportedMediaType = Code(rawValue: "unsupported_media_type")
        /// Too many failed attempts; slow down.
        public static let tooManyRequests = Code(rawValue: "too_many_requests")
        /// Stored data failed authentication (tampered, moved, or a wrong key).
        public static let integrityFailure = Code(rawValue: "integrity_failure")
        /// The encryption key an entity was written with is not available.
        public static let keyUnavailable = Code(rawValue: "key_unavailable")
        /// The storage backend failed; nothing was acknowledged.
        public static let storageFailure = Code(rawValue: "storage_failure")
        /// No worker can serve the request right now.
        public static let unavailable = Code(rawValue: "unavailable")
        /// Another writer committed between a read and the write that depended on it
        /// (a patch or a rewrap of the version read). Retried internally; a client
        /// sees it only when retries ran out, and may simply retry.
        public static let concurrentWrite = Code(rawValue: "concurrent_write")
        /// A bug or an unexpected condition.
        public static let `internal` = Code(rawValue: "internal")
    }
}
