import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Small files several processes share in the data directory (API keys,
/// database bindings, schema templates): atomic replacement, an exclusive
/// `flock` around read-modify-write, and a cheap "did it change?" stamp.
///
/// Replacement writes a temp file, fsyncs it, renames it over the target and
/// fsyncs the directory, so readers see the old or the new file, never a torn
/// one. It does not cache contents; callers compare stamps.
///
/// The data directory is private to the server's user: files are created with
/// owner-only permissions (the group and other bits of a requested mode are
/// dropped) and set with `fchmod`, so the result does not depend on the umask.
public enum SharedFile {
    /// Identity of a file's current contents: changes on every replacement.
    public struct Stamp: Equatable, Sendable {
        public var inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    }

    /// The stamp of `path`, or nil when it does not exist.
    public static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(
            inode: UInt64(info.st_ino), size: Int64(info.st_size),
            seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec
        )
    }

    /// The file's bytes, or nil when it does not exist.
    ///
    /// - Throws: `.storageFailure` when it exists but cannot be read.
    public static func read(_ path: String) throws(DeltaError) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) { throw failure("cannot read '\(path)'") }
            return nil
        }
        return Array(data)
    }

    /// Atomically replaces `path` with `bytes` (temp file, fsync, rename, directory fsync).
    ///
    /// - Throws: `.storageFailure`; the old file is then unchanged.
    ///
    /// - Parameter mode: the file's permissions, limited to the owner's bits
    ///   (0644 gives 0600).
    public static func replace(_ path: String, with bytes: [UInt8], mode: mode_t = 0o600) throws(DeltaError) {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, ownerOnly(mode))
        guard fd >= 0 else { throw failure("cannot write '\(path)'") }
        guard fchmod(fd, ownerOnly(mode)) == 0 else {
            close(fd)
            unlink(temporary)
            throw failure("cannot set the permissions of '\(path)'")
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 {
                close(fd)
                unlink(temporary)
                throw failure("cannot write '\(path)'")
            }
            offset += written
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw failure("cannot write '\(path)'")
        }
        syncDirectory(of: path)
    }

    /// Deletes `path` durably; returns false if it did not exist.
    public static func remove(_ path: String) throws(DeltaError) -> Bool {
        if unlink(path) != 0 {
            if errno == ENOENT { return false }
            throw failure("cannot delete '\(path)'")
        }
        syncDirectory(of: path)
        return true
    }

    /// Runs `body` holding an exclusive `flock` on `<path>.lock`, shared by every
    /// process using the same file.
    public static func withLock<Result>(_ path: String, _ body: () throws(DeltaError) -> Result) throws(DeltaError) -> Result {
        let fd = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot open the lock file for '\(path)'") }
        defer { close(fd) }
        _ = fchmod(fd, 0o600)
        guard flock(fd, LOCK_EX) == 0 else { throw failure("cannot lock '\(path)'") }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Creates `path` and any missing parents as owner-only (0700) directories,
    /// whatever the umask; existing directories are left as they are.
    ///
    /// - Throws: `.storageFailure` naming the directory that could not be made.
    public static func makePrivateDirectory(_ path: String) throws(DeltaError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) == 0 {
                guard chmod(prefix, 0o700) == 0 else { throw failure("cannot set the permissions of '\(prefix)'") }
            } else if errno != EEXIST {
                throw failure("cannot create the directory '\(prefix)'")
            }
        }
    }

    private static func ownerOnly(_ mode: mode_t) -> mode_t {
        mode & 0o700
    }

    /// Makes a rename or creation of `path` durable: fsyncs the directory holding it
    /// (best effort: a directory that cannot be opened is skipped).
    public static func syncDirectory(of path: String) {
        let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
    }

    private static func failure(_ message: String) -> DeltaError {
        DeltaError(.storageFailure, "\(message): \(String(cString: strerror(errno)))")
    }
}
