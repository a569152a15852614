#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The blocking system calls `FileEntityStore` makes, behind a protocol so tests can
/// inject a failure or a simulated crash at any single step (as swift-nio wraps its
/// syscalls). `RealFileSystem` is the production implementation.
///
/// Methods are thin: one call each, no retries beyond `EINTR`, no buffering, so a test
/// wrapper sees exactly the sequence of durable effects. They block the calling
/// thread; `FileEntityStore` only calls them from its own I/O threads, never from the
/// Swift concurrency pool. Failures throw `SystemCallError` (wrappers may throw
/// anything; the store reports every error as `.storageFailure` with the cause).
public protocol FileSystemOps: Sendable {
    /// `open(2)`; returns the descriptor.
    func open(_ path: String, flags: Int32, mode: mode_t) throws -> Int32
    /// `close(2)`. Never fails from the caller's point of view.
    func close(_ fd: Int32)
    /// One `write(2)`; returns the bytes written (may be fewer than given).
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws -> Int
    /// One `read(2)`; returns the bytes read, 0 at end of file.
    func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// `fdatasync(2)`: file data and the metadata needed to read it are durable.
    func fdatasync(_ fd: Int32) throws
    /// `fsync(2)`; used on directories to make renames and unlinks durable.
    func fsync(_ fd: Int32) throws
    /// `flock(2)` with `LOCK_EX`, `LOCK_UN`, optionally `| LOCK_NB`.
    func flock(_ fd: Int32, _ operation: Int32) throws
    /// `rename(2)`: atomically replaces `to`.
    func rename(_ from: String, _ to: String) throws
    /// `unlink(2)`.
    func unlink(_ path: String) throws
    /// `mkdir(2)`; throws `EEXIST` if it exists.
    func mkdir(_ path: String, mode: mode_t) throws
    /// `rmdir(2)`; throws `ENOTEMPTY` if the directory is not empty.
    func rmdir(_ path: String) throws
    /// `lstat(2)`, or nil if nothing is at `path`.
    func status(_ path: String) throws -> FileStatus?
    /// `fstat(2)`.
    func status(_ fd: Int32) throws -> FileStatus
    /// The entries of a directory, without `.` and `..`, in no particular order.
    func listDirectory(_ path: String) throws -> [DirectoryEntry]
    /// Calls `body` with each entry of a directory (without `.` and `..`, in no
    /// particular order) while reading it, so a directory of millions of files is
    /// never held in memory at once. The default implementation lists first.
    func forEachEntry(in path: String, _ body: (DirectoryEntry) throws -> Void) throws
    /// `syncfs(2)` of the file system holding the directory `path`: every file
    /// written and every directory entry changed there before the call is durable
    /// when it returns. The write-ahead log's checkpoint uses it once for all the
    /// entity files written since the last one.
    func syncFileSystem(_ path: String) throws
}

/// What `FileSystemOps.status` reports about a file.
extension FileSystemOps {
    public func forEachEntry(in path: String, _ body: (DirectoryEntry) throws -> Void) throws {
        for entry in try listDirectory(path) { try body(entry) }
    }
}

public struct FileStatus: Sendable, Equatable {
    /// Device and inode: together they identify the file, not its name.
    public var device: UInt64
    /// The inode number.
    public var inode: UInt64
    /// Size in bytes.
    public var size: Int
    /// Whether it is a directory.
    public var isDirectory: Bool

    /// Creates a status.
    public init(device: UInt64, inode: UInt64, size: Int, isDirectory: Bool) {
        self.device = device
        self.inode = inode
        self.size = size
        self.isDirectory = isDirectory
    }
}

/// One entry of a directory listing.
public struct DirectoryEntry: Sendable, Equatable {
    /// The entry's name (one path component).
    public var name: String
    /// Whether it is a directory (symbolic links are not followed).
    public var isDirectory: Bool

    /// Creates an entry.
    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

/// A failed system call: which call, on which path, and `errno`.
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The call's name, e.g. `"rename"`.
    public var call: String
    /// The path it was about, when there is one.
    public var path: String?
    /// The `errno` value.
    public var errno: Int32

    /// Creates an error.
    public init(call: String, path: String?, errno: Int32) {
        self.call = call
        self.path = path
        self.errno = errno
    }

    public var description: String {
        let reason = String(cString: strerror(errno))
        return "\(call)(\(path ?? "")) failed: \(reason) (errno \(errno))"
    }
}
