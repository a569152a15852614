import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

@Suite("Write-ahead log backpressure")
struct WriteAheadLogBackpressureTests {
    @Test("writers wait while the log is full and go on as the background writer checkpoints", .timeLimit(.minutes(1)))
    func boundedLog() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let options = WriteAheadLog.Options(segmentBytes: 512, maxLogBytes: 2048, maxPendingBytes: 1024, materializerThreads: 1)  // the default delay: written out under pressure only
        let store = try logOnlyStore(directory, options: options)
        let log = try #require(store.log)
        var largestLog = 0
        for index in 0..<150 {
            try await put(store, entityID("db", "k\(index % 40)"), String(repeating: "x", count: 100) + "\(index)")
            largestLog = max(largestLog, log.snapshot.segments.reduce(0) { $0 + $1.bytes })
        }
        // Bounded by the limit plus what writers admitted at the limit appended (one at a time here).
        #expect(largestLog <= 2048 + 2 * 512, "log grew to \(largestLog) bytes")
        for index in 110..<150 {
            #expect(try await payload(store, entityID("db", "k\(index % 40)")) == String(repeating: "x", count: 100) + "\(index)")
        }
    }
}
