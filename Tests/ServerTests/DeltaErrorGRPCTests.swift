import DeltaCore
import GRPCCore
import Testing

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
    func roundTrip() {
        let original = DeltaError(
            .schemaViolation, "1 entity does not match",
            details: [.init(pointer: "/a", schemaPointer: "/properties/a/type", message: "expected string")],
            currentVersion: 7, cause: DeltaError(.internal, "/secret/path")
        )
        let rpc = original.rpcError
        #expect(rpc.message == original.message)
        #expect(!rpc.metadata[stringValues: DeltaError.rpcMetadataKey].contains { $0.contains("/secret/path") })
        let back = DeltaError(rpcError: rpc)
        #expect(back.code == .schemaViolation)
        #expect(back.message == original.message)
        #expect(back.details == original.details)
        #expect(back.currentVersion == 7)
    }

    @Test("a status without our metadata (a transport failure) maps by code")
    func transportFailure() {
        #expect(DeltaError(rpcError: RPCError(code: .unavailable, message: "connection refused")).code == .unavailable)
        #expect(DeltaError(rpcError: RPCError(code: .unauthenticated, message: "no")).code == .unauthorized)
        #expect(DeltaError(rpcError: RPCError(code: .dataLoss, message: "?")).code == .internal)
    }
}
