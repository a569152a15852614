import DeltaCluster
import DeltaCore
import NIOCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A listener that cannot bind says which address, which flag sets it, and what to do.
@Suite("Listener start-up errors")
struct ListeningTests {
    private struct Unrelated: Error {}

    @Test("a port in use names the address, the flag and the reason")
    func addressInUse() async throws {
        let error = await #expect(throws: DeltaError.self) {
            try await EngineAssembly.listening(on: "127.0.0.1", 8080, flag: "-rest-addr") {
                throw IOError(errnoCode: EADDRINUSE, reason: "bind(descriptor:ptr:bytes:)")
            }
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message == "cannot listen on 127.0.0.1:8080 (-rest-addr): address already in use. "
            + "Another server may be using it: stop that one, or pass another -rest-addr")
    }

    @Test("a gRPC transport that stopped before binding is reported the same way")
    func transportStopped() async throws {
        let error = await #expect(throws: DeltaError.self) {
            try await EngineAssembly.listening(on: "0.0.0.0", 50051, flag: "-grpc-addr", isBindFailure: { _ in true }) {
                throw Unrelated()
            }
        }
        #expect(error?.message.hasPrefix("cannot listen on 0.0.0.0:50051 (-grpc-addr): the address could not be bound.") == true)
    }

    @Test("other errors, and success, pass through unchanged")
    func passThrough() async throws {
        await #expect(throws: Unrelated.self) {
            try await EngineAssembly.listening(on: "127.0.0.1", 8080, flag: "-rest-addr") { throw Unrelated() }
        }
        await #expect(throws: IOError.self) {
            try await EngineAssembly.listening(on: "127.0.0.1", 8080, flag: "-rest-addr") {
                throw IOError(errnoCode: ECONNRESET, reason: "read")
            }
        }
        #expect(try await EngineAssembly.listening(on: "127.0.0.1", 8080, flag: "-rest-addr") { 42 } == 42)
    }
}
