import DeltaCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension APIKeyStore {
    struct FileContents: Codable {
        var keys: [APIKeyRecord]
    }

    /// The records as the file holds them now, reloading if the file changed.
    func current() throws(DeltaError) -> Snapshot {
        let stamp = Self.stamp(path)
        if let cached = state.withLock({ $0.stamp == stamp && stamp != nil ? $0 : nil }) {
            return cached
        }
        let records = try load()
        var snapshot = Snapshot(stamp: stamp)
        for record in records {
            snapshot.records[record.id] = record
            snapshot.order.append(record.id)
        }
        state.withLock { $0 = snapshot }
        return snapshot
    }

    /// Read-modify-write under an exclusive flock shared by every process.
    func mutate(_ change: (inout [APIKeyRecord]) -> Void) throws(DeltaError) {
        let lockFD = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lockFD >= 0 else { throw failure("cannot open the key store lock file") }
        defer { close(lockFD) }
        guard flock(lockFD, LOCK_EX) == 0 else { throw failure("cannot lock the key store") }
        defer { flock(lockFD, LOCK_UN) }
        var records = try load()
        change(&records)
        let data: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            data = try encoder.encode(FileContents(keys: records))
        } catch {
            throw DeltaError(.internal, "cannot encode the key store", cause: error)
        }
        try writeAtomically(data)
        _ = try current()
    }

    private func load() throws(DeltaError) -> [APIKeyRecord] {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw failure("cannot read the key store '\(path)'") }
            return []
        }
        do {
            return try JSONDecoder().decode(FileContents.self, from: data).keys
        } catch {
            throw DeltaError(.storageFailure, "the key store '\(path)' is not valid; restore it from a backup", cause: error)
        }
    }

    private func writeAtomically(_ data: Data) throws(DeltaError) {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot write the key store") }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("cannot write the key store")
        }
        let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private func failure(_ message: String) -> DeltaError {
        DeltaError(.storageFailure, "\(message) (\(String(cString: strerror(errno))))")
    }

    static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(
            inode: UInt64(info.st_ino), size: Int64(info.st_size),
            seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec
        )
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
