import DeltaCore
import Foundation

/// One change recorded in the write-ahead log: a new version of an entity (its
/// sealed metadata and ciphertext, never plaintext) or its deletion.
enum LoggedChange: Sendable, Equatable {
    case put(StoredEntity)
    case delete(EntityID)

    /// The entity the change is about.
    var id: EntityID {
        switch self {
        case .put(let entity):
            // Metadata of a committed write always names a valid entity (validateCommit).
            (try? EntityID(database: entity.metadata.database, key: entity.metadata.entityKey))!
        case .delete(let id):
            id
        }
    }
}

/// A change with its log sequence number (LSN): position in the log, starting at 1
/// and increasing by one per record, across segments.
struct LogRecord: Sendable, Equatable {
    var lsn: UInt64
    var change: LoggedChange
}

/// The byte format of a log record (all integers little-endian):
///
/// ```
/// u32 magic "DWAL" | u32 body length | u32 CRC-32C of (body length, body)
/// body: u8 kind (1 put, 2 delete) | u32 header length | header | payload | u64 LSN
/// ```
/// The header is JSON: a put's metadata exactly as a sidecar holds it, or a
/// delete's `{"database", "entity_key"}`; a put's payload is its ciphertext. The
/// LSN comes last so a writer can checksum everything else before it takes the
/// log's lock, and only extend the checksum over the LSN under it.
enum LogRecordFormat {
    static let magic: [UInt8] = Array("DWAL".utf8)
    static let frameBytes = 12
    /// Bodies larger than this are not records (a corrupted length field).
    static let maxBodyBytes = 1 << 30

    /// A record encoded up to its LSN, with the checksum of everything but the LSN.
    struct Unsequenced: Sendable {
        /// The frame with a zero checksum and the body without the LSN.
        var bytes: [UInt8]
        var partialChecksum: UInt32

        /// The complete record for `lsn`.
        func sequenced(_ lsn: UInt64) -> [UInt8] {
            var record = bytes
            let lsnBytes = littleEndian(lsn)
            let checksum = lsnBytes.withUnsafeBytes { CRC32C.checksum($0, continuing: partialChecksum) }
            record.replaceSubrange(8..<12, with: littleEndian(checksum))
            record.append(contentsOf: lsnBytes)
            return record
        }
    }

    private struct DeleteHeader: Codable {
        var database: String
        var entityKey: String
        enum CodingKeys: String, CodingKey {
            case database
            case entityKey = "entity_key"
        }
    }

    /// Encodes `change` without its LSN.
    static func encode(_ change: LoggedChange) throws(DeltaError) -> Unsequenced {
        let kind: UInt8
        let header: Data
        var payload: [UInt8] = []
        do {
            switch change {
            case .put(let entity):
                kind = 1
                header = try FileStoreEngine.sidecarEncoder.encode(entity.metadata)
                payload = entity.ciphertext
            case .delete(let id):
                kind = 2
                header = try FileStoreEngine.sidecarEncoder.encode(DeleteHeader(database: id.database, entityKey: id.key))
            }
        } catch {
            throw DeltaError(.internal, "could not encode a log record for \(change.id)", cause: error)
        }
        let bodyLength = 1 + 4 + header.count + payload.count + 8
        var bytes: [UInt8] = []
        bytes.reserveCapacity(frameBytes + bodyLength)
        bytes += magic
        bytes += littleEndian(UInt32(bodyLength))
        bytes += [0, 0, 0, 0]
        bytes.append(kind)
        bytes += littleEndian(UInt32(header.count))
        bytes += header
        bytes += payload
        let checksum = bytes.withUnsafeBytes { raw in
            let length = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[4..<8]))
            return CRC32C.checksum(UnsafeRawBufferPointer(rebasing: raw[frameBytes...]), continuing: length)
        }
        return Unsequenced(bytes: bytes, partialChecksum: checksum)
    }

    /// What `parse` found at an offset.
    enum Parsed {
        /// A record and the offset after it.
        case record(LogRecord, end: Int)
        /// The bytes end inside a record's frame or body (a torn append).
        case truncated
        /// Not a valid record: wrong magic, impossible length or bad checksum.
        case invalid(String)
    }

    /// Parses the record at `offset` of `bytes`.
    ///
    /// - Throws: `.integrityFailure` when the checksum is right but the content is
    ///   not a record this store writes (so it was written that way: not a torn append).
    static func parse(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(DeltaError) -> Parsed {
        guard bytes.count - offset >= frameBytes else { return .truncated }
        guard magic.indices.allSatisfy({ bytes[offset + $0] == magic[$0] }) else { return .invalid("no record starts here") }
        let bodyLength = Int(readUInt32(bytes, offset + 4))
        guard bodyLength >= 1 + 4 + 8, bodyLength <= maxBodyBytes else { return .invalid("impossible record length \(bodyLength)") }
        let bodyStart = offset + frameBytes
        guard bytes.count - bodyStart >= bodyLength else { return .truncated }
        let stored = readUInt32(bytes, offset + 8)
        let length = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[(offset + 4)..<(offset + 8)]))
        let body = UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<(bodyStart + bodyLength)])
        guard CRC32C.checksum(body, continuing: length) == stored else { return .invalid("checksum mismatch") }
        let lsn = readUInt64(body, bodyLength - 8)
        let headerLength = Int(readUInt32(body, 1))
        guard headerLength <= bodyLength - 13 else { throw malformed(lsn, "its header length is impossible") }
        let header = Data(body[5..<(5 + headerLength)])
        let payload = Array(body[(5 + headerLength)..<(bodyLength - 8)])
        let change: LoggedChange
        switch body[0] {
        case 1:
            guard let metadata = try? JSONDecoder().decode(EntityMetadata.self, from: header),
                  (try? EntityID(database: metadata.database, key: metadata.entityKey)) != nil,
                  metadata.size == payload.count
            else { throw malformed(lsn, "its metadata is not valid") }
            change = .put(StoredEntity(metadata: metadata, ciphertext: payload))
        case 2:
            guard let decoded = try? JSONDecoder().decode(DeleteHeader.self, from: header),
                  let id = try? EntityID(database: decoded.database, key: decoded.entityKey), payload.isEmpty
            else { throw malformed(lsn, "its entity name is not valid") }
            change = .delete(id)
        default:
            throw malformed(lsn, "its kind \(body[0]) is unknown")
        }
        return .record(LogRecord(lsn: lsn, change: change), end: bodyStart + bodyLength)
    }

    private static func malformed(_ lsn: UInt64, _ reason: String) -> DeltaError {
        DeltaError(.integrityFailure, "write-ahead log record \(lsn) has a valid checksum but \(reason)")
    }

    static func littleEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.littleEndian) { Array($0) }
    }

    static func readUInt32(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    static func readUInt64(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
    }
}
