import DeltaCore
import DeltaStorage
import Logging
import Synchronization
import Testing

@testable import DeltaServer

/// Start-up waits for storage recovery only up to a budget, so a data directory
/// with millions of entities does not delay serving.
@Suite("Start-up recovery budget")
struct StartupRecoveryTests {
    private let logger = Logger(label: "test")

    @Test("a recovery that outlasts the budget goes on in the background and start-up continues")
    func slowRecoveryContinuesInBackground() async throws {
        let finished = Mutex(false)
        let clock = ContinuousClock()
        let started = clock.now
        let inTime = try await DeltaServer.recoverWithin(.milliseconds(50), logger: logger) {
            try await Task.sleep(for: .milliseconds(600))
            finished.withLock { $0 = true }
            return RecoveryReport(removedTempFiles: 1)
        }
        let waited = clock.now - started
        #expect(!inTime)
        #expect(waited < .milliseconds(500), "start-up waited \(waited) for a 600 ms recovery")
        #expect(!finished.withLock { $0 })
        // The recovery was not abandoned: it finishes on its own.
        for _ in 0..<100 where !finished.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(20)) }
        #expect(finished.withLock { $0 })
    }

    @Test("a quick recovery finishes before serving starts")
    func quickRecoveryFinishesFirst() async throws {
        let inTime = try await DeltaServer.recoverWithin(.seconds(5), logger: logger) { RecoveryReport() }
        #expect(inTime)
    }

    @Test("a recovery that fails within the budget fails start-up with its error")
    func failureWithinBudgetThrows() async {
        await #expect(throws: DeltaError.self) {
            try await DeltaServer.recoverWithin(.seconds(5), logger: logger) {
                throw DeltaError(.storageFailure, "the data directory is not writable")
            }
        }
    }
}
