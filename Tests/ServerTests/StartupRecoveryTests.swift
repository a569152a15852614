import DeltaCore
import DeltaStorage
import Logging
import Testing

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// Start-up waits for storage recovery only up to a budget, so a data directory
/// with millions of entities does not delay serving.
@Suite("Start-up recovery budget")
struct StartupRecoveryTests {
    private let logger = Logger(label: "test")

    @Test(
        "a recovery that outlasts the budget goes on in the background and start-up continues",
        .timeLimit(.minutes(1))  // waiting for the recovery would never end: it waits for this test
    )
    func slowRecoveryContinuesInBackground() async throws {
        let (release, releaser) = AsyncStream<Void>.makeStream()
        let (finished, finisher) = AsyncStream<Void>.makeStream()
        let inTime = try await EngineAssembly.recoverWithin(.milliseconds(20), logger: logger) {
            for await _ in release {}  // until the test lets it finish
            finisher.finish()
            return RecoveryReport(removedTempFiles: 1)
        }
        #expect(!inTime)
        // The recovery was not abandoned: once released, it finishes on its own.
        releaser.finish()
        for await _ in finished {}
    }

    @Test("a quick recovery finishes before serving starts")
    func quickRecoveryFinishesFirst() async throws {
        let inTime = try await EngineAssembly.recoverWithin(.seconds(5), logger: logger) { RecoveryReport() }
        #expect(inTime)
    }

    @Test("a recovery that fails within the budget fails start-up with its error")
    func failureWithinBudgetThrows() async {
        await #expect(throws: DeltaError.self) {
            try await EngineAssembly.recoverWithin(.seconds(5), logger: logger) {
                throw DeltaError(.storageFailure, "the data directory is not writable")
            }
        }
    }
}
