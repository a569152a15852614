import DeltaCore
import Foundation
import Testing
@testable import DeltaStorage

/// Start-up reads the log back: a torn tail is dropped, damage before the end stops it.
@Suite("Write-ahead log replay of damaged logs")
struct WriteAheadLogReplayTests {
    /// Three acknowledged writes left in the log by a "killed" store; returns the segment files.
    private func logWithThreeWrites(_ directory: TemporaryDirectory, segmentBytes: Int = 1 << 20) async throws -> [String] {
        let files = FaultInjectingFileSystem()
        let store = try logOnlyStore(directory, fileSystem: files, options: WriteAheadLog.Options(segmentBytes: segmentBytes, materializes: false))
        for version in 1...3 { try await put(store, entityID("db", "k"), "v\(version)") }
        files.arm(.crash(index: 0, afterEffect: false))
        _ = try? await store.read(entityID("db", "crash-now"))
        return directory.allFiles().filter { $0.hasSuffix(".log") }.map { directory.path + "/" + $0 }
    }

    private func append(_ bytes: [UInt8], to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(bytes))
    }

    @Test("a torn tail is dropped at start-up, and later appends are not stuck behind it")
    func tornTail() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let segment = try #require(try await logWithThreeWrites(directory).first)
        // Half of a fourth record reached the disk before the crash, then zeros.
        let fourth = try LogRecordFormat.encode(.put(nextEntity(entityID("db", "k"), after: nil, payload: Array("v4".utf8)))).sequenced(4)
        try append(Array(fourth.prefix(fourth.count / 2)) + [UInt8](repeating: 0, count: 100), to: segment)
        try await writeWithoutClosing(directory) { (store: FileEntityStore) async throws in
            #expect(try await payload(store, entityID("db", "k")) == "v3")
            #expect(try await put(store, entityID("db", "k"), "v4").version == 4)
        }
        // Had the tail stayed, the record appended after it would now be "damage followed by valid records".
        let reopened = try logOnlyStore(directory)
        #expect(try await payload(reopened, entityID("db", "k")) == "v4")
    }

    @Test("a damaged record followed by valid ones stops start-up with a message saying what to do")
    func corruptMiddle() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let segment = try #require(try await logWithThreeWrites(directory).first)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: segment)))
        bytes[LogRecordFormat.frameBytes + 20] ^= 0x01  // inside the first record's body
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let error = await expectDeltaError(.integrityFailure) { try logOnlyStore(directory) }
        let message = error?.message ?? ""
        #expect(message.contains("write-ahead log segment"), "\(message)")
        #expect(message.contains("checksum mismatch at byte 0, and valid records follow"), "\(message)")
        #expect(message.contains("Restore the data directory from a backup"), "\(message)")
        // Nothing was changed: the damaged segment is still there for an operator to inspect.
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: segment))) == bytes)
    }

    @Test("a damaged end of an older segment, with newer segments after it, stops start-up")
    func tornOlderSegment() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let segments = try await logWithThreeWrites(directory, segmentBytes: 1).sorted()
        #expect(segments.count == 3)
        try append([0x44, 0x57], to: segments[0])
        let error = await expectDeltaError(.integrityFailure) { try logOnlyStore(directory) }
        #expect(error?.message.contains("newer segments follow it") == true, "\(String(describing: error))")
    }

    @Test("a missing segment or a damaged checkpoint stops start-up")
    func missingSegmentAndBadCheckpoint() async throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let segments = try await logWithThreeWrites(directory, segmentBytes: 1).sorted()
        try FileManager.default.removeItem(atPath: segments[1])
        let missing = await expectDeltaError(.integrityFailure) { try logOnlyStore(directory) }
        #expect(missing?.message.contains("record 2 is missing") == true, "\(String(describing: missing))")
        try FileManager.default.removeItem(atPath: segments[0])
        try FileManager.default.removeItem(atPath: segments[2])
        try Data("DWCKgarbage!!!!!".utf8).write(to: URL(fileURLWithPath: directory.path + "/_wal/checkpoint"))
        let damaged = await expectDeltaError(.integrityFailure) { try logOnlyStore(directory) }
        #expect(damaged?.message.contains("checkpoint") == true, "\(String(describing: damaged))")
    }
}
