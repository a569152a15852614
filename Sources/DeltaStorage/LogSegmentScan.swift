import DeltaCore

/// The records of one log segment file, and whether its end is damaged.
///
/// Appends happen only at the end of the newest segment, and a crash can tear only
/// the last append: a record cut short, or bytes that never reached the disk. So a
/// damaged record *after which nothing valid follows* is a torn tail, which is
/// dropped (none of its records was acknowledged: acknowledgement waits for the
/// flush that would have made them whole). A damaged record followed by a valid
/// one is corruption of data that was acknowledged, and is reported, never skipped.
struct LogSegmentScan {
    /// The valid records, in file order.
    var records: [LogRecord] = []
    /// Bytes from the start of the file up to the end of the last valid record.
    var validBytes = 0
    /// Where valid records stop, if before the end of the file.
    var damage: Damage?

    enum Damage: Equatable {
        /// Nothing valid follows `offset`: an interrupted append.
        case tornTail(offset: Int)
        /// A valid record follows the damaged one at `offset`.
        case corrupt(offset: Int, reason: String)
    }

    /// Scans `bytes`, the whole content of a segment file.
    ///
    /// - Throws: `.integrityFailure` for a record whose checksum is valid but whose
    ///   content is not (see `LogRecordFormat.parse`).
    init(_ bytes: [UInt8]) throws(DeltaError) {
        let result: Result<LogSegmentScan, DeltaError> = bytes.withUnsafeBytes { raw in
            Result { () throws(DeltaError) in try Self.scan(raw) }
        }
        self = try result.get()
    }

    private init() {}

    private static func scan(_ raw: UnsafeRawBufferPointer) throws(DeltaError) -> LogSegmentScan {
        var scan = LogSegmentScan()
        var offset = 0
        while offset < raw.count {
            switch try LogRecordFormat.parse(raw, at: offset) {
            case .record(let record, let end):
                scan.records.append(record)
                offset = end
                scan.validBytes = end
            case .truncated:
                scan.damage = try damage(raw, at: offset, reason: "a record is cut short")
                return scan
            case .invalid(let reason):
                scan.damage = try damage(raw, at: offset, reason: reason)
                return scan
            }
        }
        return scan
    }

    /// Torn tail or corruption: looks for any valid record after `offset`.
    private static func damage(_ raw: UnsafeRawBufferPointer, at offset: Int, reason: String) throws(DeltaError) -> Damage {
        let first = LogRecordFormat.magic[0]
        var candidate = offset + 1
        while candidate + LogRecordFormat.frameBytes <= raw.count {
            if raw[candidate] == first, case .record = try? LogRecordFormat.parse(raw, at: candidate) {
                return .corrupt(offset: offset, reason: reason)
            }
            candidate += 1
        }
        return .tornTail(offset: offset)
    }
}
