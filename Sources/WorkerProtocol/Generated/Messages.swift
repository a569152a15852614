// Generated from spec/deltadb.proto by deltadb-codegen. DO NOT EDIT.

import Foundation
import SwiftProtobuf

// Compile-time check that the linked SwiftProtobuf supports the API this code uses.
fileprivate struct _GeneratedWithProtocGenSwiftVersion: SwiftProtobuf.ProtobufAPIVersionCheck {
    struct _2: SwiftProtobuf.ProtobufAPIVersion_2 {}
    typealias Version = _2
}

/// What a worker reports about itself in a heartbeat.
///
/// Proto enum `deltadb.WorkerStatus`.
public enum WorkerStatus: SwiftProtobuf.Enum, Swift.CaseIterable {
    public typealias RawValue = Int

    /// Not reported (a seed-era worker); treated as ready.
    ///
    /// `WORKER_STATUS_UNSPECIFIED` = 0
    case unspecified

    /// Accepting new operations.
    ///
    /// `WORKER_STATUS_READY` = 1
    case ready

    /// Finishing in-flight operations before shutdown; route nothing new to it.
    ///
    /// `WORKER_STATUS_DRAINING` = 2
    case draining

    /// A value this schema does not know, kept as its number (proto3 enums are open).
    case UNRECOGNIZED(Int)

    /// The proto3 default, `.unspecified`.
    public init() {
        self = .unspecified
    }

    /// The case for `rawValue`; unknown numbers become `.UNRECOGNIZED`.
    public init?(rawValue: Int) {
        switch rawValue {
        case 0: self = .unspecified
        case 1: self = .ready
        case 2: self = .draining
        default: self = .UNRECOGNIZED(rawValue)
        }
    }

    /// The number on the wire.
    public var rawValue: Int {
        switch self {
        case .unspecified: return 0
        case .ready: return 1
        case .draining: return 2
        case .UNRECOGNIZED(let number): return number
        }
    }

    /// The known cases (not `.UNRECOGNIZED`).
    public static let allCases: [WorkerStatus] = [.unspecified, .ready, .draining]
}

/// Subscribe's request.
///
/// Proto message `deltadb.SubscribeRequest`.
public struct SubscribeRequest: Sendable {
    /// The worker's unique id (default: its hostname).
    public var workerId: String = String()
    /// The worker's ephemeral RSA public key (PEM); key material is wrapped to it
    /// with RSA-OAEP-SHA256.
    public var pubkey: Data = Data()
    /// Free-form labels, e.g. "grpc_addr" → "127.0.0.1:50052" (the address the
    /// Main Worker routes Process calls to).
    public var tags: [String: String] = [:]
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}
}

/// One key of the keyring, wrapped to the worker's public key.
///
/// Proto message `deltadb.WrappedKey`.
public struct WrappedKey: Sendable {
    /// The key's logical id, as stored in each entity's metadata (e.g. "main-key-v1").
    public var keyId: String = String()
    /// The 32-byte AES key, RSA-OAEP-SHA256-encrypted to the worker's public key.
    public var wrappedKey: Data = Data()
    /// Whether new writes use this key; exactly one key of a keyring is active.
    public var active: Bool = false
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}
}

/// Subscribe's response.
///
/// Proto message `deltadb.SubscribeResponse`.
public struct SubscribeResponse: Sendable {
    /// The session token for Heartbeat, RenewToken and registration.
    public var token: String = String()
    /// The active key, wrapped (the seed's single key; also in keyring).
    public var wrappedKey: Data = Data()
    /// The active key's id.
    public var keyId: String = String()
    /// Every key the worker may need to read existing entities, active one included.
    public var keyring: [WrappedKey] = []
    /// When token expires (Unix milliseconds); renew before then.
    public var tokenExpiresAtUnixMs: Int64 = 0
    /// How often to call Heartbeat, in milliseconds.
    public var heartbeatIntervalMs: UInt32 = 0
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}
}

/// Process's request: one entity operation.
///
/// Proto message `deltadb.ProcessRequest`.
public struct ProcessRequest: Sendable {
    /// The database, e.g. "chatdb".
    public var databaseName: String = String()
    /// The entity's key within the database, e.g. "Chat_id".
    public var entityKey: String = String()
    /// The JSON Schema id the payload must satisfy (PUT), e.g. "chat.v1".
    public var schemaId: String = String()
    /// "GET", "PUT" (payload: one document), "PUT_BATCH" (payload: an object of
    /// entity key → document, entity_key empty; all are validated before any is
    /// stored), "PATCH" (payload: a patch of content_type) or "DELETE".
    public var operation: String = String()
    /// The JSON payload, UTF-8 (see operation).
    public var payload: Data = Data()
    /// The caller's credential (an admin or API key) when it is not sent as
    /// `authorization` metadata.
    public var token: String = String()
    /// If set, the operation succeeds only when the entity's current version is
    /// this one (If-Match); 0 means the entity must not exist yet (If-None-Match: *,
    /// PUT only). Unset means unconditional. Otherwise FAILED_PRECONDITION.
    public var expectedVersion: Int64 {
        get { _expectedVersion ?? 0 }
        set { _expectedVersion = newValue }
    }
    /// Whether `expectedVersion` was set (or decoded).
    public var hasExpectedVersion: Bool { _expectedVersion != nil }
    /// Resets `expectedVersion` to unset.
    public mutating func clearExpectedVersion() { _expectedVersion = nil }
    /// PATCH only: "application/merge-patch+json" (RFC 7396) or
    /// "application/json-patch+json" (RFC 6902).
    public var contentType: String = String()
    /// REST's If-Match / If-None-Match header values, verbatim (the Main Worker
    /// forwards them; `*` or quoted versions such as "3"). Used instead of
    /// expected_version when either is set.
    public var ifMatch: String = String()
    public var ifNoneMatch: String = String()
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}

    fileprivate var _expectedVersion: Int64? = nil
}

/// Process's response.
///
/// Proto message `deltadb.ProcessResponse`.
public struct ProcessResponse: Sendable {
    /// "OK" (failures are gRPC statuses, see the top of this file).
    public var status: String = String()
    /// GET, PATCH: the document, UTF-8. Empty for the other operations (their
    /// versions are in `versions`).
    public var result: Data = Data()
    /// The entity's version after the operation (the version read, for GET).
    public var version: Int64 = 0
    /// Always empty: kept for the seed's clients; errors are gRPC statuses.
    public var error: String = String()
    /// Which Processing Worker ran the operation.
    public var workerId: String = String()
    /// PUT and PUT_BATCH: the committed version of each stored entity, by key.
    public var versions: [String: UInt64] = [:]
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}
}

/// One frame from the Main Worker on a ProcessStream: an operation to run, or
/// the cancellation of one still running.
///
/// Proto message `deltadb.ProcessStreamRequest`.
public struct ProcessStreamRequest: Sendable {
    /// Chosen by the Main Worker; unique among the stream's unanswered requests.
    public var requestId: UInt64 = 0
    /// The operation (unset in a cancel frame).
    public var request: ProcessRequest {
        get { _request ?? ProcessRequest() }
        set { _request = newValue }
    }
    /// Whether `request` was set (or decoded).
    public var hasRequest: Bool { _request != nil }
    /// Resets `request` to unset.
    public mutating func clearRequest() { _request = nil }
    /// Stop request_id: its caller has gone or its deadline (the Main Worker's;
    /// 30 s for remote workers) passed. The worker cancels it as a cancelled unary
    /// call would be (a write that has started either completes or leaves nothing)
    /// and may still answer it; the Main Worker ignores that answer.
    public var cancel: Bool = false
    /// A renewed session token, for this frame and the stream's later ones (empty:
    /// unchanged).
    public var token: String = String()
    /// The client request's id (its X-Request-Id), for the worker's access line;
    /// the unary Process carries it as x-request-id metadata. Empty: none.
    public var traceId: String = String()
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}

    fileprivate var _request: ProcessRequest? = nil
}

/// One answer on a ProcessStream.
///
/// Proto message `deltadb.ProcessStreamResponse`.
public struct ProcessStreamResponse: Sendable {
    /// The request it answers.
    public var requestId: UInt64 = 0
    /// The result, on success.
    public var response: ProcessResponse {
        get { _response ?? ProcessResponse() }
        set { _response = newValue }
    }
    /// Whether `response` was set (or decoded).
    public var hasResponse: Bool { _response != nil }
    /// Resets `response` to unset.
    public mutating func clearResponse() { _response = nil }
    /// On failure: the gRPC status code the unary Process would have ended with
    /// (never 0) ...
    public var statusCode: Int32 = 0
    /// ... and why, as in `deltadb-error-bin`.
    public var error: ErrorInfo {
        get { _error ?? ErrorInfo() }
        set { _error = newValue }
    }
    /// Whether `error` was set (or decoded).
    public var hasError: Bool { _error != nil }
    /// Resets `error` to unset.
    public mutating func clearError() { _error = nil }
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}

    fileprivate var _response: ProcessResponse? = nil
    fileprivate var _error: ErrorInfo? = nil
}

/// Why a call failed, beyond its gRPC status: the REST error body's fields, sent
/// serialised in the binary trailing metadata entry `deltadb-error-bin` (see the
/// top of this file), so a failure keeps its code, details and current version
/// across the worker hop.
///
/// Proto message `deltadb.ErrorInfo`.
public struct ErrorInfo: Sendable {
    /// The machine code clients see in REST's `code` field, e.g. "schema_violation".
    public var code: String = String()
    /// What was wrong and what to do.
    public var message: String = String()
    /// Schema violations: one per failing JSON pointer.
    public var details: [ErrorDetail] = []
    /// PRECONDITION failures: the entity's current version (0: it does not exist).
    public var currentVersion: UInt64 {
        get { _currentVersion ?? 0 }
        set { _currentVersion = newValue }
    }
    /// Whether `currentVersion` was set (or decoded).
    public var hasCurrentVersion: Bool { _currentVersion != nil }
    /// Resets `currentVersion` to unset.
    public mutating func clearCurrentVersion() { _currentVersion = nil }
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}

    fileprivate var _currentVersion: UInt64? = nil
}

/// One failing place in a document (see ErrorInfo.details).
///
/// Proto message `deltadb.ErrorDetail`.
public struct ErrorDetail: Sendable {
    /// JSON pointer into the document ("" is the whole document).
    public var pointer: String = String()
    /// JSON pointer into the schema that rejected it, when there is one.
    public var schemaPointer: String {
        get { _schemaPointer ?? String() }
        set { _schemaPointer = newValue }
    }
    /// Whether `schemaPointer` was set (or decoded).
    public var hasSchemaPointer: Bool { _schemaPointer != nil }
    /// Resets `schemaPointer` to unset.
    public mutating func clearSchemaPointer() { _schemaPointer = nil }
    /// What is wrong there.
    public var message: String = String()
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}

    fileprivate var _schemaPointer: String? = nil
}

/// Heartbeat's request.
///
/// Proto message `deltadb.HeartbeatRequest`.
public struct HeartbeatRequest: Sendable {
    /// The worker's id, as subscribed.
    public var workerId: String = String()
    /// The worker's session token.
    public var token: String = String()
    /// Whether the worker accepts new work.
    public var status: WorkerStatus = .unspecified
    /// Operations currently running (for least-loaded routing).
    public var inFlight: UInt32 = 0
    /// Entities in the worker's cache.
    public var cacheEntries: UInt64 = 0
    /// The id of the active key the worker holds.
    public var keyId: String = String()
    /// Cache counters since the worker started (for /api/stats).
    public var cacheHits: UInt64 = 0
    public var cacheMisses: UInt64 = 0
    public var cacheEvictions: UInt64 = 0
    public var cacheExpirations: UInt64 = 0
    public var cacheBytes: UInt64 = 0
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}
}

/// Heartbeat's response.
///
/// Proto message `deltadb.HeartbeatResponse`.
public struct HeartbeatResponse: Sendable {
    /// The worker must Subscribe again (unknown worker or expired token).
    public var resubscribe: Bool = false
    /// The Main Worker's active key id (empty unless the worker's token is valid).
    /// When it differs from the worker's, the keyring was rotated: the worker
    /// Subscribes again to receive it.
    public var activeKeyId: String = String()
    /// How often to call Heartbeat, in milliseconds.
    public var heartbeatIntervalMs: UInt32 = 0
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}
}

/// RenewToken's request.
///
/// Proto message `deltadb.RenewTokenRequest`.
public struct RenewTokenRequest: Sendable {
    /// The worker's id, as subscribed.
    public var workerId: String = String()
    /// The current, still valid session token.
    public var token: String = String()
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}
}

/// RenewToken's response.
///
/// Proto message `deltadb.RenewTokenResponse`.
public struct RenewTokenResponse: Sendable {
    /// The new session token; the old one stays valid until it expires.
    public var token: String = String()
    /// When the new token expires (Unix milliseconds).
    public var expiresAtUnixMs: Int64 = 0
    /// Fields this schema does not know, kept so that they survive decoding and re-encoding.
    public var unknownFields = SwiftProtobuf.UnknownStorage()

    /// Creates a message with every field at its default.
    public init() {}
}

// MARK: - SwiftProtobuf conformances

extension WorkerStatus: SwiftProtobuf._ProtoNameProviding {
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{2}\0WORKER_STATUS_UNSPECIFIED\0\u{1}WORKER_STATUS_READY\0\u{1}WORKER_STATUS_DRAINING\0")
}

extension SubscribeRequest: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.SubscribeRequest"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{3}worker_id\0\u{1}pubkey\0\u{1}tags\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.workerId)
            case 2: try decoder.decodeSingularBytesField(value: &self.pubkey)
            case 3: try decoder.decodeMapField(fieldType: SwiftProtobuf._ProtobufMap<SwiftProtobuf.ProtobufString, SwiftProtobuf.ProtobufString>.self, value: &self.tags)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.workerId.isEmpty {
            try visitor.visitSingularStringField(value: self.workerId, fieldNumber: 1)
        }
        if !self.pubkey.isEmpty {
            try visitor.visitSingularBytesField(value: self.pubkey, fieldNumber: 2)
        }
        if !self.tags.isEmpty {
            try visitor.visitMapField(fieldType: SwiftProtobuf._ProtobufMap<SwiftProtobuf.ProtobufString, SwiftProtobuf.ProtobufString>.self, value: self.tags, fieldNumber: 3)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: SubscribeRequest, rhs: SubscribeRequest) -> Bool {
        if lhs.workerId != rhs.workerId { return false }
        if lhs.pubkey != rhs.pubkey { return false }
        if lhs.tags != rhs.tags { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension WrappedKey: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.WrappedKey"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{3}key_id\0\u{3}wrapped_key\0\u{1}active\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.keyId)
            case 2: try decoder.decodeSingularBytesField(value: &self.wrappedKey)
            case 3: try decoder.decodeSingularBoolField(value: &self.active)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.keyId.isEmpty {
            try visitor.visitSingularStringField(value: self.keyId, fieldNumber: 1)
        }
        if !self.wrappedKey.isEmpty {
            try visitor.visitSingularBytesField(value: self.wrappedKey, fieldNumber: 2)
        }
        if self.active {
            try visitor.visitSingularBoolField(value: self.active, fieldNumber: 3)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: WrappedKey, rhs: WrappedKey) -> Bool {
        if lhs.keyId != rhs.keyId { return false }
        if lhs.wrappedKey != rhs.wrappedKey { return false }
        if lhs.active != rhs.active { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension SubscribeResponse: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.SubscribeResponse"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}token\0\u{3}wrapped_key\0\u{3}key_id\0\u{1}keyring\0\u{3}token_expires_at_unix_ms\0\u{3}heartbeat_interval_ms\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.token)
            case 2: try decoder.decodeSingularBytesField(value: &self.wrappedKey)
            case 3: try decoder.decodeSingularStringField(value: &self.keyId)
            case 4: try decoder.decodeRepeatedMessageField(value: &self.keyring)
            case 5: try decoder.decodeSingularInt64Field(value: &self.tokenExpiresAtUnixMs)
            case 6: try decoder.decodeSingularUInt32Field(value: &self.heartbeatIntervalMs)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.token.isEmpty {
            try visitor.visitSingularStringField(value: self.token, fieldNumber: 1)
        }
        if !self.wrappedKey.isEmpty {
            try visitor.visitSingularBytesField(value: self.wrappedKey, fieldNumber: 2)
        }
        if !self.keyId.isEmpty {
            try visitor.visitSingularStringField(value: self.keyId, fieldNumber: 3)
        }
        if !self.keyring.isEmpty {
            try visitor.visitRepeatedMessageField(value: self.keyring, fieldNumber: 4)
        }
        if self.tokenExpiresAtUnixMs != 0 {
            try visitor.visitSingularInt64Field(value: self.tokenExpiresAtUnixMs, fieldNumber: 5)
        }
        if self.heartbeatIntervalMs != 0 {
            try visitor.visitSingularUInt32Field(value: self.heartbeatIntervalMs, fieldNumber: 6)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: SubscribeResponse, rhs: SubscribeResponse) -> Bool {
        if lhs.token != rhs.token { return false }
        if lhs.wrappedKey != rhs.wrappedKey { return false }
        if lhs.keyId != rhs.keyId { return false }
        if lhs.keyring != rhs.keyring { return false }
        if lhs.tokenExpiresAtUnixMs != rhs.tokenExpiresAtUnixMs { return false }
        if lhs.heartbeatIntervalMs != rhs.heartbeatIntervalMs { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension ProcessRequest: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.ProcessRequest"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{3}database_name\0\u{3}entity_key\0\u{3}schema_id\0\u{1}operation\0\u{1}payload\0\u{1}token\0\u{3}expected_version\0\u{3}content_type\0\u{3}if_match\0\u{3}if_none_match\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.databaseName)
            case 2: try decoder.decodeSingularStringField(value: &self.entityKey)
            case 3: try decoder.decodeSingularStringField(value: &self.schemaId)
            case 4: try decoder.decodeSingularStringField(value: &self.operation)
            case 5: try decoder.decodeSingularBytesField(value: &self.payload)
            case 6: try decoder.decodeSingularStringField(value: &self.token)
            case 7: try decoder.decodeSingularInt64Field(value: &self._expectedVersion)
            case 8: try decoder.decodeSingularStringField(value: &self.contentType)
            case 9: try decoder.decodeSingularStringField(value: &self.ifMatch)
            case 10: try decoder.decodeSingularStringField(value: &self.ifNoneMatch)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.databaseName.isEmpty {
            try visitor.visitSingularStringField(value: self.databaseName, fieldNumber: 1)
        }
        if !self.entityKey.isEmpty {
            try visitor.visitSingularStringField(value: self.entityKey, fieldNumber: 2)
        }
        if !self.schemaId.isEmpty {
            try visitor.visitSingularStringField(value: self.schemaId, fieldNumber: 3)
        }
        if !self.operation.isEmpty {
            try visitor.visitSingularStringField(value: self.operation, fieldNumber: 4)
        }
        if !self.payload.isEmpty {
            try visitor.visitSingularBytesField(value: self.payload, fieldNumber: 5)
        }
        if !self.token.isEmpty {
            try visitor.visitSingularStringField(value: self.token, fieldNumber: 6)
        }
        if let value = self._expectedVersion {
            try visitor.visitSingularInt64Field(value: value, fieldNumber: 7)
        }
        if !self.contentType.isEmpty {
            try visitor.visitSingularStringField(value: self.contentType, fieldNumber: 8)
        }
        if !self.ifMatch.isEmpty {
            try visitor.visitSingularStringField(value: self.ifMatch, fieldNumber: 9)
        }
        if !self.ifNoneMatch.isEmpty {
            try visitor.visitSingularStringField(value: self.ifNoneMatch, fieldNumber: 10)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: ProcessRequest, rhs: ProcessRequest) -> Bool {
        if lhs.databaseName != rhs.databaseName { return false }
        if lhs.entityKey != rhs.entityKey { return false }
        if lhs.schemaId != rhs.schemaId { return false }
        if lhs.operation != rhs.operation { return false }
        if lhs.payload != rhs.payload { return false }
        if lhs.token != rhs.token { return false }
        if lhs._expectedVersion != rhs._expectedVersion { return false }
        if lhs.contentType != rhs.contentType { return false }
        if lhs.ifMatch != rhs.ifMatch { return false }
        if lhs.ifNoneMatch != rhs.ifNoneMatch { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension ProcessResponse: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.ProcessResponse"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}status\0\u{1}result\0\u{1}version\0\u{1}error\0\u{3}worker_id\0\u{1}versions\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.status)
            case 2: try decoder.decodeSingularBytesField(value: &self.result)
            case 3: try decoder.decodeSingularInt64Field(value: &self.version)
            case 4: try decoder.decodeSingularStringField(value: &self.error)
            case 5: try decoder.decodeSingularStringField(value: &self.workerId)
            case 6: try decoder.decodeMapField(fieldType: SwiftProtobuf._ProtobufMap<SwiftProtobuf.ProtobufString, SwiftProtobuf.ProtobufUInt64>.self, value: &self.versions)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.status.isEmpty {
            try visitor.visitSingularStringField(value: self.status, fieldNumber: 1)
        }
        if !self.result.isEmpty {
            try visitor.visitSingularBytesField(value: self.result, fieldNumber: 2)
        }
        if self.version != 0 {
            try visitor.visitSingularInt64Field(value: self.version, fieldNumber: 3)
        }
        if !self.error.isEmpty {
            try visitor.visitSingularStringField(value: self.error, fieldNumber: 4)
        }
        if !self.workerId.isEmpty {
            try visitor.visitSingularStringField(value: self.workerId, fieldNumber: 5)
        }
        if !self.versions.isEmpty {
            try visitor.visitMapField(fieldType: SwiftProtobuf._ProtobufMap<SwiftProtobuf.ProtobufString, SwiftProtobuf.ProtobufUInt64>.self, value: self.versions, fieldNumber: 6)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: ProcessResponse, rhs: ProcessResponse) -> Bool {
        if lhs.status != rhs.status { return false }
        if lhs.result != rhs.result { return false }
        if lhs.version != rhs.version { return false }
        if lhs.error != rhs.error { return false }
        if lhs.workerId != rhs.workerId { return false }
        if lhs.versions != rhs.versions { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension ProcessStreamRequest: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.ProcessStreamRequest"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{3}request_id\0\u{1}request\0\u{1}cancel\0\u{1}token\0\u{3}trace_id\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularUInt64Field(value: &self.requestId)
            case 2: try decoder.decodeSingularMessageField(value: &self._request)
            case 3: try decoder.decodeSingularBoolField(value: &self.cancel)
            case 4: try decoder.decodeSingularStringField(value: &self.token)
            case 5: try decoder.decodeSingularStringField(value: &self.traceId)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if self.requestId != 0 {
            try visitor.visitSingularUInt64Field(value: self.requestId, fieldNumber: 1)
        }
        if let value = self._request {
            try visitor.visitSingularMessageField(value: value, fieldNumber: 2)
        }
        if self.cancel {
            try visitor.visitSingularBoolField(value: self.cancel, fieldNumber: 3)
        }
        if !self.token.isEmpty {
            try visitor.visitSingularStringField(value: self.token, fieldNumber: 4)
        }
        if !self.traceId.isEmpty {
            try visitor.visitSingularStringField(value: self.traceId, fieldNumber: 5)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: ProcessStreamRequest, rhs: ProcessStreamRequest) -> Bool {
        if lhs.requestId != rhs.requestId { return false }
        if lhs._request != rhs._request { return false }
        if lhs.cancel != rhs.cancel { return false }
        if lhs.token != rhs.token { return false }
        if lhs.traceId != rhs.traceId { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension ProcessStreamResponse: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.ProcessStreamResponse"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{3}request_id\0\u{1}response\0\u{3}status_code\0\u{1}error\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularUInt64Field(value: &self.requestId)
            case 2: try decoder.decodeSingularMessageField(value: &self._response)
            case 3: try decoder.decodeSingularInt32Field(value: &self.statusCode)
            case 4: try decoder.decodeSingularMessageField(value: &self._error)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if self.requestId != 0 {
            try visitor.visitSingularUInt64Field(value: self.requestId, fieldNumber: 1)
        }
        if let value = self._response {
            try visitor.visitSingularMessageField(value: value, fieldNumber: 2)
        }
        if self.statusCode != 0 {
            try visitor.visitSingularInt32Field(value: self.statusCode, fieldNumber: 3)
        }
        if let value = self._error {
            try visitor.visitSingularMessageField(value: value, fieldNumber: 4)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: ProcessStreamResponse, rhs: ProcessStreamResponse) -> Bool {
        if lhs.requestId != rhs.requestId { return false }
        if lhs._response != rhs._response { return false }
        if lhs.statusCode != rhs.statusCode { return false }
        if lhs._error != rhs._error { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension ErrorInfo: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.ErrorInfo"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}code\0\u{1}message\0\u{1}details\0\u{3}current_version\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.code)
            case 2: try decoder.decodeSingularStringField(value: &self.message)
            case 3: try decoder.decodeRepeatedMessageField(value: &self.details)
            case 4: try decoder.decodeSingularUInt64Field(value: &self._currentVersion)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.code.isEmpty {
            try visitor.visitSingularStringField(value: self.code, fieldNumber: 1)
        }
        if !self.message.isEmpty {
            try visitor.visitSingularStringField(value: self.message, fieldNumber: 2)
        }
        if !self.details.isEmpty {
            try visitor.visitRepeatedMessageField(value: self.details, fieldNumber: 3)
        }
        if let value = self._currentVersion {
            try visitor.visitSingularUInt64Field(value: value, fieldNumber: 4)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: ErrorInfo, rhs: ErrorInfo) -> Bool {
        if lhs.code != rhs.code { return false }
        if lhs.message != rhs.message { return false }
        if lhs.details != rhs.details { return false }
        if lhs._currentVersion != rhs._currentVersion { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension ErrorDetail: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.ErrorDetail"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}pointer\0\u{3}schema_pointer\0\u{1}message\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.pointer)
            case 2: try decoder.decodeSingularStringField(value: &self._schemaPointer)
            case 3: try decoder.decodeSingularStringField(value: &self.message)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.pointer.isEmpty {
            try visitor.visitSingularStringField(value: self.pointer, fieldNumber: 1)
        }
        if let value = self._schemaPointer {
            try visitor.visitSingularStringField(value: value, fieldNumber: 2)
        }
        if !self.message.isEmpty {
            try visitor.visitSingularStringField(value: self.message, fieldNumber: 3)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: ErrorDetail, rhs: ErrorDetail) -> Bool {
        if lhs.pointer != rhs.pointer { return false }
        if lhs._schemaPointer != rhs._schemaPointer { return false }
        if lhs.message != rhs.message { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension HeartbeatRequest: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.HeartbeatRequest"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{3}worker_id\0\u{1}token\0\u{1}status\0\u{3}in_flight\0\u{3}cache_entries\0\u{3}key_id\0\u{3}cache_hits\0\u{3}cache_misses\0\u{3}cache_evictions\0\u{3}cache_expirations\0\u{3}cache_bytes\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.workerId)
            case 2: try decoder.decodeSingularStringField(value: &self.token)
            case 3: try decoder.decodeSingularEnumField(value: &self.status)
            case 4: try decoder.decodeSingularUInt32Field(value: &self.inFlight)
            case 5: try decoder.decodeSingularUInt64Field(value: &self.cacheEntries)
            case 6: try decoder.decodeSingularStringField(value: &self.keyId)
            case 7: try decoder.decodeSingularUInt64Field(value: &self.cacheHits)
            case 8: try decoder.decodeSingularUInt64Field(value: &self.cacheMisses)
            case 9: try decoder.decodeSingularUInt64Field(value: &self.cacheEvictions)
            case 10: try decoder.decodeSingularUInt64Field(value: &self.cacheExpirations)
            case 11: try decoder.decodeSingularUInt64Field(value: &self.cacheBytes)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.workerId.isEmpty {
            try visitor.visitSingularStringField(value: self.workerId, fieldNumber: 1)
        }
        if !self.token.isEmpty {
            try visitor.visitSingularStringField(value: self.token, fieldNumber: 2)
        }
        if self.status != .unspecified {
            try visitor.visitSingularEnumField(value: self.status, fieldNumber: 3)
        }
        if self.inFlight != 0 {
            try visitor.visitSingularUInt32Field(value: self.inFlight, fieldNumber: 4)
        }
        if self.cacheEntries != 0 {
            try visitor.visitSingularUInt64Field(value: self.cacheEntries, fieldNumber: 5)
        }
        if !self.keyId.isEmpty {
            try visitor.visitSingularStringField(value: self.keyId, fieldNumber: 6)
        }
        if self.cacheHits != 0 {
            try visitor.visitSingularUInt64Field(value: self.cacheHits, fieldNumber: 7)
        }
        if self.cacheMisses != 0 {
            try visitor.visitSingularUInt64Field(value: self.cacheMisses, fieldNumber: 8)
        }
        if self.cacheEvictions != 0 {
            try visitor.visitSingularUInt64Field(value: self.cacheEvictions, fieldNumber: 9)
        }
        if self.cacheExpirations != 0 {
            try visitor.visitSingularUInt64Field(value: self.cacheExpirations, fieldNumber: 10)
        }
        if self.cacheBytes != 0 {
            try visitor.visitSingularUInt64Field(value: self.cacheBytes, fieldNumber: 11)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: HeartbeatRequest, rhs: HeartbeatRequest) -> Bool {
        if lhs.workerId != rhs.workerId { return false }
        if lhs.token != rhs.token { return false }
        if lhs.status != rhs.status { return false }
        if lhs.inFlight != rhs.inFlight { return false }
        if lhs.cacheEntries != rhs.cacheEntries { return false }
        if lhs.keyId != rhs.keyId { return false }
        if lhs.cacheHits != rhs.cacheHits { return false }
        if lhs.cacheMisses != rhs.cacheMisses { return false }
        if lhs.cacheEvictions != rhs.cacheEvictions { return false }
        if lhs.cacheExpirations != rhs.cacheExpirations { return false }
        if lhs.cacheBytes != rhs.cacheBytes { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension HeartbeatResponse: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.HeartbeatResponse"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}resubscribe\0\u{3}active_key_id\0\u{4}\u{2}heartbeat_interval_ms\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularBoolField(value: &self.resubscribe)
            case 2: try decoder.decodeSingularStringField(value: &self.activeKeyId)
            case 4: try decoder.decodeSingularUInt32Field(value: &self.heartbeatIntervalMs)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if self.resubscribe {
            try visitor.visitSingularBoolField(value: self.resubscribe, fieldNumber: 1)
        }
        if !self.activeKeyId.isEmpty {
            try visitor.visitSingularStringField(value: self.activeKeyId, fieldNumber: 2)
        }
        if self.heartbeatIntervalMs != 0 {
            try visitor.visitSingularUInt32Field(value: self.heartbeatIntervalMs, fieldNumber: 4)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: HeartbeatResponse, rhs: HeartbeatResponse) -> Bool {
        if lhs.resubscribe != rhs.resubscribe { return false }
        if lhs.activeKeyId != rhs.activeKeyId { return false }
        if lhs.heartbeatIntervalMs != rhs.heartbeatIntervalMs { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension RenewTokenRequest: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.RenewTokenRequest"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{3}worker_id\0\u{1}token\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.workerId)
            case 2: try decoder.decodeSingularStringField(value: &self.token)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.workerId.isEmpty {
            try visitor.visitSingularStringField(value: self.workerId, fieldNumber: 1)
        }
        if !self.token.isEmpty {
            try visitor.visitSingularStringField(value: self.token, fieldNumber: 2)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: RenewTokenRequest, rhs: RenewTokenRequest) -> Bool {
        if lhs.workerId != rhs.workerId { return false }
        if lhs.token != rhs.token { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}

extension RenewTokenResponse: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
    public static let protoMessageName: String = "deltadb.RenewTokenResponse"
    public static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}token\0\u{3}expires_at_unix_ms\0")

    public mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
        while let fieldNumber = try decoder.nextFieldNumber() {
            switch fieldNumber {
            case 1: try decoder.decodeSingularStringField(value: &self.token)
            case 2: try decoder.decodeSingularInt64Field(value: &self.expiresAtUnixMs)
            default: break
            }
        }
    }

    public func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
        if !self.token.isEmpty {
            try visitor.visitSingularStringField(value: self.token, fieldNumber: 1)
        }
        if self.expiresAtUnixMs != 0 {
            try visitor.visitSingularInt64Field(value: self.expiresAtUnixMs, fieldNumber: 2)
        }
        try unknownFields.traverse(visitor: &visitor)
    }

    public static func == (lhs: RenewTokenResponse, rhs: RenewTokenResponse) -> Bool {
        if lhs.token != rhs.token { return false }
        if lhs.expiresAtUnixMs != rhs.expiresAtUnixMs { return false }
        if lhs.unknownFields != rhs.unknownFields { return false }
        return true
    }
}
