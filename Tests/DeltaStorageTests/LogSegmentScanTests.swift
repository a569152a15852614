import DeltaCore
import Testing
@testable import DeltaStorage

@Suite("Write-ahead log records and segment scans")
struct LogSegmentScanTests {
    let id = entityID("db", "user:1")

    private func record(_ lsn: UInt64, _ text: String) throws -> [UInt8] {
        try LogRecordFormat.encode(.put(nextEntity(id, after: nil, payload: Array(text.utf8)))).sequenced(lsn)
    }

    @Test("puts and deletes read back exactly, with their LSNs")
    func roundTrip() throws {
        let put = nextEntity(id, after: nil, payload: [0, 1, 0xFF], schemaID: "s")
        let bytes = try LogRecordFormat.encode(.put(put)).sequenced(7) + LogRecordFormat.encode(.delete(id)).sequenced(8)
        let scan = try LogSegmentScan(bytes)
        #expect(scan.records == [LogRecord(lsn: 7, change: .put(put)), LogRecord(lsn: 8, change: .delete(id))])
        #expect(scan.validBytes == bytes.count)
        #expect(scan.damage == nil)
    }

    @Test("a record holds the ciphertext and metadata, and nothing is stored in the clear beyond them")
    func recordContent() throws {
        let bytes = try record(1, "CIPHERTEXT")
        #expect(bytes.starts(with: Array("DWAL".utf8)))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("CIPHERTEXT"))
        #expect(text.contains(#""entity_key":"user:1""#))
    }

    @Test("a record cut anywhere, or never written, at the end is a torn tail")
    func tornTail() throws {
        let good = try record(1, "one") + record(2, "two")
        let last = try record(3, "three")
        for cut in 1..<last.count {
            let scan = try LogSegmentScan(good + last[..<cut])
            #expect(scan.records.map(\.lsn) == [1, 2], "cut at \(cut)")
            #expect(scan.validBytes == good.count)
            #expect(scan.damage == .tornTail(offset: good.count), "cut at \(cut)")
        }
        // Zeros where the last append never reached the disk.
        let zeros = try LogSegmentScan(good + [UInt8](repeating: 0, count: 4096))
        #expect(zeros.damage == .tornTail(offset: good.count))
    }

    @Test("a damaged record followed by a valid one is corruption, wherever the damage is")
    func corruptMiddle() throws {
        let first = try record(1, "one")
        let second = try record(2, "two")
        let third = try record(3, "three")
        for position in second.indices {
            var damaged = second
            damaged[position] ^= 0x40
            // CRC-32C detects every single-bit error, so no flip yields a record that parses.
            let scan = try LogSegmentScan(first + damaged + third)
            guard case .corrupt(let offset, _)? = scan.damage else {
                Issue.record("flip at \(position) not reported as corruption: \(String(describing: scan.damage))")
                continue
            }
            #expect(offset == first.count)
            #expect(scan.records.map(\.lsn) == [1])
        }
    }
}
