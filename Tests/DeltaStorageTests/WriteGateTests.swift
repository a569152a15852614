import DeltaCore
import Foundation
import Synchronization
import Testing
@testable import DeltaStorage

/// What happened, in order, across tasks.
private final class EventLog: Sendable {
    private let events = Mutex<[String]>([])
    func add(_ event: String) { events.withLock { $0.append(event) } }
    var all: [String] { events.withLock { $0 } }
}

/// The gate an online backup pauses writes with: a pause waits for writes in
/// progress, holds new ones back until it ends, and never loses one.
@Suite("Write gate")
struct WriteGateTests {
    @Test("a pause waits for the write in progress and holds new writes back until it ends", .timeLimit(.minutes(1)))
    func pauseWaitsAndHolds() async throws {
        let gate = WriteGate()
        let events = EventLog()
        await gate.enter()  // a write in progress
        let (started, startedSignal) = AsyncStream<Void>.makeStream()
        let pause = Task {
            try await gate.pausingWrites {
                events.add("pause")
                startedSignal.finish()
                // A write arriving now must wait for the end of the pause.
                try await Task.sleep(for: .milliseconds(200))
                events.add("pause end")
            }
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(events.all.isEmpty, "the pause began while a write was in progress")
        events.add("write 1 done")
        gate.leave()
        for await _ in started {}
        let held = Task {
            await gate.enter()
            events.add("write 2")
            gate.leave()
        }
        try await pause.value
        await held.value
        #expect(events.all == ["write 1 done", "pause", "pause end", "write 2"])
    }

    @Test("a second pause while one runs is refused with unavailable, and writes go on afterwards")
    func secondPauseRefused() async throws {
        let gate = WriteGate()
        try await gate.pausingWrites {
            let error = await #expect(throws: DeltaError.self) { try await gate.pausingWrites {} }
            #expect(error?.code == .unavailable && error?.message.contains("already running") == true)
        }
        await gate.enter()  // does not hang: the gate is open again
        gate.leave()
        try await gate.pausingWrites {}  // and can be paused again
    }

    @Test("a gated store commits every write held during a pause once it ends", .timeLimit(.minutes(1)))
    func gatedStoreLosesNothing() async throws {
        let store = GatedEntityStore(MemoryEntityStore())
        let id = try EntityID(database: "db", key: "k")
        let (paused, pausedSignal) = AsyncStream<Void>.makeStream()
        let (release, releaser) = AsyncStream<Void>.makeStream()
        let pause = Task {
            try await store.gate.pausingWrites {
                pausedSignal.finish()
                for await _ in release {}
                // Nothing committed while paused.
                let committed = try await store.read(id)
                #expect(committed == nil)
            }
        }
        for await _ in paused {}
        let writers = (0..<8).map { index in
            Task {
                try await store.write(id) { current throws(DeltaError) in nextEntity(id, after: current, payload: [UInt8(index)]) }
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        releaser.finish()
        try await pause.value
        for writer in writers { _ = try await writer.value }
        #expect(try await store.readMetadata(id)?.version == 8)
    }
}
