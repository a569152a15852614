import DeltaCore

/// What start-up reads back from the write-ahead log: the records that entity files
/// may not hold yet, and the segments that stay.
///
/// Replay reads every segment whole and checks every record's checksum, so its cost
/// is the log's size, which checkpoints bound (`WriteAheadLog.Options.maxLogBytes`),
/// not the number of entities.
struct LogReplay {
    /// The checkpoint LSN: everything at or below it is in the entity files.
    var checkpoint: UInt64 = 0
    /// Segments kept, oldest first.
    var segments: [LogSegment] = []
    /// Records above the checkpoint, in LSN order.
    var records: [LogRecord] = []
    /// The LSN the next record gets.
    var nextLSN: UInt64 = 1

    /// Reads the log in `directory`, dropping a torn tail of its newest segment (the
    /// file is rewritten without it) and segments the checkpoint covers.
    ///
    /// - Throws: `.integrityFailure` when a record that valid records follow is
    ///   damaged, when records are missing, or when the checkpoint is damaged: the
    ///   log cannot be trusted, and serving would hide acknowledged writes.
    ///   `.storageFailure` when the files cannot be read or rewritten.
    init(_ directory: LogDirectory, root: String) throws(DeltaError) {
        do {
            try replay(directory, root: root)
        } catch let error as DeltaError {
            throw error
        } catch {
            throw DeltaError.storage("could not read the write-ahead log in '\(directory.path)'", error)
        }
    }

    private mutating func replay(_ directory: LogDirectory, root: String) throws {
        let firsts = try directory.prepare(root: root)
        checkpoint = try directory.readCheckpoint()
        var expected: UInt64?
        var lastLSN = checkpoint
        for (position, first) in firsts.enumerated() {
            let name = directory.segmentPath(first)
            let bytes = try directory.fileSystem.readFile(name) ?? []
            let scan = try LogSegmentScan(bytes)
            switch scan.damage {
            case .corrupt(let offset, let reason)?:
                throw Self.corrupt(name, "\(reason) at byte \(offset), and valid records follow it")
            case .tornTail(let offset)? where position != firsts.count - 1:
                throw Self.corrupt(name, "it ends in a damaged record at byte \(offset), and newer segments follow it")
            case .tornTail?:
                // The newest segment's last append was interrupted: none of it was acknowledged.
                if !scan.records.isEmpty {
                    try directory.replaceDurably(String(name.split(separator: "/").last!), with: Array(bytes[..<scan.validBytes]))
                }
            case nil:
                break
            }
            guard let firstRecord = scan.records.first, let lastRecord = scan.records.last else {
                try directory.removeSegment(first)  // created, but nothing was ever acknowledged in it
                continue
            }
            guard firstRecord.lsn == first else {
                throw Self.corrupt(name, "its first record is \(firstRecord.lsn), not the \(first) its name says")
            }
            if expected == nil, first > checkpoint + 1 {
                throw Self.corrupt(name, "records \(checkpoint + 1) to \(first - 1) after the checkpoint are missing")
            }
            for record in scan.records {
                if let expected, record.lsn != expected {
                    throw Self.corrupt(name, "record \(expected) is missing (found \(record.lsn))")
                }
                expected = record.lsn + 1
                if record.lsn > checkpoint { records.append(record) }
            }
            lastLSN = max(lastLSN, lastRecord.lsn)
            if lastRecord.lsn <= checkpoint {
                try directory.removeSegment(first)  // a checkpoint was interrupted before it removed this
            } else {
                segments.append(LogSegment(firstLSN: first, lastLSN: lastRecord.lsn, bytes: scan.validBytes))
            }
        }
        nextLSN = lastLSN + 1
    }

    private static func corrupt(_ segment: String, _ problem: String) -> DeltaError {
        DeltaError(
            .integrityFailure,
            "the write-ahead log segment '\(segment)' is damaged: \(problem). The server does not start, because "
                + "serving without those records could return data older than acknowledged writes. Restore the data "
                + "directory from a backup; or, to accept losing the writes recorded from that point on, move this "
                + "segment and every newer one out of the '_wal' directory and start again")
    }
}

/// One segment file of the log: its first and last LSN and its size.
struct LogSegment: Sendable, Equatable {
    var firstLSN: UInt64
    var lastLSN: UInt64
    var bytes: Int
}
