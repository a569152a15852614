import DeltaCore
import GRPCCore
import SwiftProtobuf
import Testing

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// One mapping from our error codes to gRPC statuses, and back without loss.
@Suite("DeltaError ↔ gRPC status")
struct DeltaErrorGRPCTests {
    @Test("each error code maps to the gRPC code the issue names", arguments: [
        (DeltaError.Code.notFound, RPCError.Code.notFound),
        (.badRequest, .invalidArgument), (.invalidJSON, .invalidArgument), (.schemaViolation, .invalidArgument),
        (.invalidName, .invalidArgument), (.unauthorized, .unauthenticated), (.forbidden, .permissionDenied),
        (.preconditionFailed, .failedPrecondition), (.integrityFailure, .internalError),
        (.storageFailure, .internalError), (.unavailable, .unavailable), (.payloadTooLarge, .resourceExhausted),
    ])
    func codes(code: DeltaError.Code, expected: RPCError.Code) {
        #expect(DeltaError(code, "x").rpcError.code == expected)
    }

    @Test("code, message, details and current version survive the hop; the cause does not travel")
    func roundTrip() throws {
        let original = DeltaError(
            .schemaViolation, "1 entity does not match",
            details: [.init(pointer: "/a", schemaPointer: "/properties/a/type", message: "expected string")],
            currentVersion: 7, cause: DeltaError(.internal, "/secret/path")
        )
        let rpc = original.rpcError
        #expect(rpc.message == original.message)
        #expect(!rpc.metadata[stringValues: DeltaError.rpcMetadataKey].contains { $0.contains("/secret/path") })
        let binary = try #require(rpc.metadata[binaryValues: DeltaError.rpcBinaryMetadataKey].first { _ in true })
        #expect(!String(decoding: binary, as: UTF8.self).contains("/secret/path"))
        let back = DeltaError(rpcError: rpc)
        #expect(back.code == .schemaViolation)
        #expect(back.message == original.message)
        #expect(back.details == original.details)
        #expect(back.currentVersion == 7)
    }

    @Test("the binary ErrorInfo is what servers read; the JSON text entry is for clients")
    func binaryEntryIsRead() throws {
        let original = DeltaError(.preconditionFailed, "stale", currentVersion: 3)
        var metadata = Metadata()
        metadata.addBinary(try original.errorInfo.serializedBytes(), forKey: DeltaError.rpcBinaryMetadataKey)
        let back = DeltaError(rpcError: RPCError(code: .failedPrecondition, message: "stale", metadata: metadata))
        #expect(back.code == .preconditionFailed && back.currentVersion == 3)
        let info = original.errorInfo
        #expect(info.code == "precondition_failed" && info.hasCurrentVersion && info.currentVersion == 3)
        #expect(!DeltaError(.notFound, "gone").errorInfo.hasCurrentVersion)
    }

    @Test("a status without our metadata (a transport failure) maps by code")
    func transportFailure() {
        #expect(DeltaError(rpcError: RPCError(code: .unavailable, message: "connection refused")).code == .unavailable)
        #expect(DeltaError(rpcError: RPCError(code: .unauthenticated, message: "no")).code == .unauthorized)
        #expect(DeltaError(rpcError: RPCError(code: .dataLoss, message: "?")).code == .internal)
    }
}
