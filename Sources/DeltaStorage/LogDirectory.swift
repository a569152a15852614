import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of the write-ahead log, in `<root>/_wal/`:
///
/// ```
/// <root>/_wal/<first LSN, 16 hex digits>.log   a segment: records in LSN order
/// <root>/_wal/checkpoint                       the LSN up to which entity files are durable
/// <root>/_wal/.tmp-*                           a checkpoint or segment rewrite in progress
/// ```
/// Every record with an LSN at or below the checkpoint is already in the entity
/// files, so replay skips it, and segments entirely below it are deleted. The
/// checkpoint file is replaced atomically (temp file, `fdatasync`, rename,
/// directory fsync) and carries its own CRC-32C.
struct LogDirectory: Sendable {
    let fileSystem: any FileSystemOps
    let path: String

    init(fileSystem: any FileSystemOps, root: String) {
        self.fileSystem = fileSystem
        self.path = FileLayout.path(root, "_wal")
    }

    static let segmentSuffix = ".log"
    static let checkpointName = "checkpoint"
    private static let checkpointMagic: [UInt8] = Array("DWCK".utf8)

    func segmentPath(_ firstLSN: UInt64) -> String {
        let hex = String(firstLSN, radix: 16)
        return path + "/" + String(repeating: "0", count: max(0, 16 - hex.count)) + hex + Self.segmentSuffix
    }

    /// Creates `_wal` if needed (durably in `root`), removes leftover temp files and
    /// returns the segments' first LSNs, sorted.
    func prepare(root: String) throws -> [UInt64] {
        _ = try fileSystem.makeDirectories(base: root.isEmpty ? "." : root, ["_wal"])
        var segments: [UInt64] = []
        for entry in try fileSystem.listDirectory(path) where !entry.isDirectory {
            if entry.name.hasPrefix(".tmp-") {
                try fileSystem.unlinkIfPresent(path + "/" + entry.name)
            } else if entry.name.hasSuffix(Self.segmentSuffix), entry.name.utf8.count == 16 + Self.segmentSuffix.utf8.count,
                      let lsn = UInt64(entry.name.prefix(16), radix: 16) {
                segments.append(lsn)
            }
        }
        return segments.sorted()
    }

    /// The checkpoint LSN (0 when there is none yet).
    ///
    /// - Throws: `.integrityFailure` when the checkpoint file is damaged.
    func readCheckpoint() throws -> UInt64 {
        guard let bytes = try fileSystem.readFile(path + "/" + Self.checkpointName) else { return 0 }
        guard bytes.count == 16, Array(bytes[0..<4]) == Self.checkpointMagic,
              CRC32C.checksum(bytes[0..<12]) == bytes.withUnsafeBytes({ LogRecordFormat.readUInt32($0, 12) })
        else {
            throw DeltaError(
                .integrityFailure,
                "the write-ahead log checkpoint '\(path)/\(Self.checkpointName)' is damaged; restore the data "
                    + "directory from a backup (entity files alone may miss acknowledged writes)")
        }
        return bytes.withUnsafeBytes { LogRecordFormat.readUInt64($0, 4) }
    }

    /// Durably records that entity files hold everything up to `lsn`.
    func writeCheckpoint(_ lsn: UInt64) throws {
        var bytes = Self.checkpointMagic + LogRecordFormat.littleEndian(lsn)
        bytes += LogRecordFormat.littleEndian(CRC32C.checksum(bytes))
        try replaceDurably(Self.checkpointName, with: bytes)
    }

    /// Atomically replaces the file `name` with `bytes` (temp, fdatasync, rename, dir fsync).
    func replaceDurably(_ name: String, with bytes: [UInt8]) throws {
        let temp = path + "/.tmp-" + name + "-" + String(UInt64.random(in: .min ... .max), radix: 16)
        do {
            try fileSystem.writeNewFileDurably(temp, bytes)
            try fileSystem.rename(temp, path + "/" + name)
        } catch {
            try? fileSystem.unlinkIfPresent(temp)
            throw error
        }
        try fileSystem.syncDirectory(path)
    }

    /// Creates the segment starting at `firstLSN` for appending, durably named.
    func createSegment(_ firstLSN: UInt64) throws -> Int32 {
        let fd = try fileSystem.open(
            segmentPath(firstLSN), flags: O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, mode: 0o600)
        do {
            try fileSystem.syncDirectory(path)
        } catch {
            fileSystem.close(fd)
            throw error
        }
        return fd
    }

    func removeSegment(_ firstLSN: UInt64) throws {
        try fileSystem.unlinkIfPresent(segmentPath(firstLSN))
    }
}
