import DeltaCore
import DeltaStorage
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

@testable import DeltaCluster
@testable import DeltaServer

/// `GET /ready`: false (503 with the reason) while storage recovery runs or, on a
/// Main Worker, no Processing Worker holds the keyring; separate from `/health`.
@Suite("Readiness")
struct ReadinessTests {
    private let logger = Logger(label: "test")

    @Test("pending conditions and checks make the server not ready, with their reasons; finishing them makes it ready")
    func conditionsAndChecks() {
        let readiness = Readiness()
        #expect(readiness.notReadyReason == nil)
        readiness.wait(for: "storage", reason: "storage recovery is still running")
        let workers = Mutex(0)
        readiness.addCheck { workers.withLock { $0 } == 0 ? "no Processing Worker" : nil }
        #expect(readiness.notReadyReason == "storage recovery is still running; no Processing Worker")
        readiness.finished("storage")
        #expect(readiness.notReadyReason == "no Processing Worker")
        workers.withLock { $0 = 1 }
        #expect(readiness.notReadyReason == nil)
    }

    @Test("a recovery that outlasts start-up keeps the server not ready until it finishes", .timeLimit(.minutes(1)))
    func backgroundRecoveryGatesReadiness() async throws {
        let readiness = Readiness()
        let (release, releaser) = AsyncStream<Void>.makeStream()
        let inTime = try await EngineAssembly.recoverWithin(.milliseconds(20), logger: logger, readiness: readiness) {
            for await _ in release {}
            return RecoveryReport()
        }
        #expect(!inTime)
        #expect(readiness.notReadyReason?.contains("storage recovery is still running") == true)
        releaser.finish()
        while readiness.notReadyReason != nil { try await Task.sleep(for: .milliseconds(5)) }
    }

    @Test("a background recovery that fails leaves the server not ready, saying so", .timeLimit(.minutes(1)))
    func failedRecoveryStaysNotReady() async throws {
        let readiness = Readiness()
        let (release, releaser) = AsyncStream<Void>.makeStream()
        _ = try await EngineAssembly.recoverWithin(.milliseconds(20), logger: logger, readiness: readiness) {
            for await _ in release {}
            throw DeltaError(.storageFailure, "the data directory is not writable")
        }
        releaser.finish()
        while readiness.notReadyReason?.contains("failed") != true { try await Task.sleep(for: .milliseconds(5)) }
        #expect(readiness.notReadyReason?.contains("see the server log") == true)
    }

    @Test("the all-in-one server answers /ready with 200 without a credential once it serves")
    func readyWhenServing() async throws {
        let server = TestServer()
        defer { server.removeDirectory() }
        try await server.run { client in
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok"}"#)
            }
        }
    }
}
