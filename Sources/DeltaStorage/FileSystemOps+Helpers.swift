import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compound operations built only from `FileSystemOps` calls, so a fault injected into
/// any single call is seen by the code above exactly as a real failure would be.
extension FileSystemOps {
    /// Writes all of `bytes`, looping over short writes.
    func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = try bytes.withUnsafeBytes { raw in
                try write(fd, UnsafeRawBufferPointer(rebasing: raw[offset...]))
            }
            guard written > 0 else { throw SystemCallError(call: "write", path: nil, errno: EIO) }
            offset += written
        }
    }

    /// The whole content of `path`, or nil if it does not exist.
    func readFile(_ path: String) throws -> [UInt8]? {
        let fd: Int32
        do {
            fd = try open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0)
        } catch let error as SystemCallError where error.errno == ENOENT || error.errno == ENOTDIR {
            return nil
        }
        defer { close(fd) }
        var content: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try read(fd, into: $0) }
            if count == 0 { return content }
            content.append(contentsOf: chunk[..<count])
        }
    }

    /// The first `count` bytes of `path` (fewer if the file is shorter), or nil if it
    /// does not exist.
    func readPrefix(_ path: String, _ count: Int) throws -> [UInt8]? {
        let fd: Int32
        do {
            fd = try open(path, flags: O_RDONLY | O_CLOEXEC, mode: 0)
        } catch let error as SystemCallError where error.errno == ENOENT || error.errno == ENOTDIR {
            return nil
        }
        defer { close(fd) }
        var content = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = try content.withUnsafeMutableBytes { raw in
                try read(fd, into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
            }
            if got == 0 { break }
            filled += got
        }
        return Array(content[..<filled])
    }

    /// Creates `path` exclusively, writes `bytes` and makes them durable with
    /// `fdatasync` before returning. The caller renames it into place.
    func writeNewFileDurably(_ path: String, _ bytes: [UInt8]) throws {
        try writeNewFile(path, bytes, durably: true)
    }

    /// Creates `path` (which must not exist) with `bytes`, mode 0600; with `durably`
    /// its data is on disk before this returns (`fdatasync`), without it only once
    /// something syncs the file system.
    func writeNewFile(_ path: String, _ bytes: [UInt8], durably: Bool) throws {
        let fd = try open(path, flags: O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600)
        defer { close(fd) }
        try writeAll(fd, bytes)
        if durably { try fdatasync(fd) }
    }

    /// Makes the entries of directory `path` (renames, creations, removals) durable.
    func syncDirectory(_ path: String) throws {
        let fd = try open(path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, mode: 0)
        defer { close(fd) }
        try fsync(fd)
    }

    /// Creates the directories `base/c1`, `base/c1/c2`, … that do not exist yet, making
    /// each new one durable in its parent. `base` must exist.
    ///
    /// - Returns: false if a directory vanished underneath (a concurrent cleanup
    ///   removed an empty parent); the caller starts again.
    func makeDirectories(base: String, _ components: [String]) throws -> Bool {
        var parent = base
        for component in components {
            let path = parent + "/" + component
            do {
                try mkdir(path, mode: 0o700)
                try syncDirectory(parent)
            } catch let error as SystemCallError where error.errno == EEXIST {
                // Exists already: nothing to do.
            } catch let error as SystemCallError where error.errno == ENOENT {
                return false
            }
            parent = path
        }
        return true
    }

    /// `unlink`, treating "already gone" as success.
    func unlinkIfPresent(_ path: String) throws {
        do {
            try unlink(path)
        } catch let error as SystemCallError where error.errno == ENOENT {
            // Already gone.
        }
    }

    /// Removes the given directories, deepest first, while they are empty. Best
    /// effort: stops silently at the first one that is not empty or cannot be removed.
    func removeEmptyDirectories(_ deepestFirst: [String]) {
        for directory in deepestFirst {
            do { try rmdir(directory) } catch { return }
        }
    }
}

extension DeltaError {
    /// Wraps a file-system failure as `.storageFailure`. The message (sent to clients)
    /// says what failed but not where on disk; the system call, path and errno stay
    /// in `cause`, which is logged but never sent.
    static func storage(_ message: String, _ error: any Error) -> DeltaError {
        if let error = error as? DeltaError { return error }
        return DeltaError(.storageFailure, message, cause: error)
    }
}
