import DeltaCore
import Testing
@testable import DeltaStorage

@Suite("BlockingIO background work")
struct BlockingIOBackgroundTests {
    @Test("background work runs at the lowest priority on its own thread and leaves the caller's alone")
    func runsAtLowestPriority() async throws {
        let before = BlockingIO.currentThreadNiceValue()
        let inside = try await BlockingIO.runInBackground("test.background") { () throws(DeltaError) -> Int32 in
            BlockingIO.currentThreadNiceValue()
        }
        #expect(inside == 19)
        #expect(BlockingIO.currentThreadNiceValue() == before)
        // A second run gets a fresh thread, lowered again.
        let again = try await BlockingIO.runInBackground("test.background") { () throws(DeltaError) -> Int32 in
            BlockingIO.currentThreadNiceValue()
        }
        #expect(again == 19)
    }

    @Test("an error thrown in the background reaches the caller")
    func propagatesErrors() async {
        await expectDeltaError(.storageFailure) {
            try await BlockingIO.runInBackground("test.background") { () throws(DeltaError) -> Int in
                throw DeltaError(.storageFailure, "scan failed")
            }
        }
    }
}
