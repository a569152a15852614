import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `FileSystemOps` backed by the real POSIX calls. Retries `EINTR`; nothing else.
public struct RealFileSystem: FileSystemOps {
    /// Creates the real file system.
    public init() {}

    public func open(_ path: String, flags: Int32, mode: mode_t) throws -> Int32 {
        try retryingEINTR("open", path) { systemOpen(path, flags, mode) }
    }

    public func close(_ fd: Int32) {
        // Linux releases the descriptor even when close reports EINTR: never retry.
        _ = systemClose(fd)
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws -> Int {
        try retryingEINTR("write", nil) { systemWrite(fd, bytes.baseAddress, bytes.count) }
    }

    public func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try retryingEINTR("read", nil) { systemRead(fd, buffer.baseAddress, buffer.count) }
    }

    public func fdatasync(_ fd: Int32) throws {
        #if canImport(Glibc)
        _ = try retryingEINTR("fdatasync", nil) { Glibc.fdatasync(fd) }
        #else
        // Darwin: fsync does not reach the platter; F_FULLFSYNC does.
        _ = try retryingEINTR("fcntl(F_FULLFSYNC)", nil) { fcntl(fd, F_FULLFSYNC) }
        #endif
    }

    public func fsync(_ fd: Int32) throws {
        _ = try retryingEINTR("fsync", nil) { systemFsync(fd) }
    }

    public func syncFileSystem(_ path: String) throws {
        let fd = try open(path, flags: O_RDONLY | O_DIRECTORY | O_CLOEXEC, mode: 0)
        defer { close(fd) }
        #if canImport(Glibc)
        if let syncfs = Self.syncfs {
            _ = try retryingEINTR("syncfs", path) { syncfs(fd) }
        } else {
            Glibc.sync()  // a C library without syncfs: every file system, at a higher cost
        }
        #else
        // Darwin has no syncfs: F_FULLFSYNC on the directory flushes the drive's cache
        // after sync(2) scheduled every dirty buffer.
        Darwin.sync()
        _ = try retryingEINTR("fcntl(F_FULLFSYNC)", path) { fcntl(fd, F_FULLFSYNC) }
        #endif
    }

    #if canImport(Glibc)
    /// `syncfs(2)`, looked up at run time: the Glibc module does not declare it (a GNU extension).
    private static let syncfs: (@convention(c) (Int32) -> Int32)? = CLibrary.function(named: "syncfs").map {
        unsafeBitCast($0, to: (@convention(c) (Int32) -> Int32).self)
    }
    #endif

    public func flock(_ fd: Int32, _ operation: Int32) throws {
        _ = try retryingEINTR("flock", nil) { systemFlock(fd, operation) }
    }

    public func rename(_ from: String, _ to: String) throws {
        _ = try retryingEINTR("rename", "\(from) -> \(to)") { systemRename(from, to) }
    }

    public func unlink(_ path: String) throws {
        _ = try retryingEINTR("unlink", path) { systemUnlink(path) }
    }

    public func mkdir(_ path: String, mode: mode_t) throws {
        _ = try retryingEINTR("mkdir", path) { systemMkdir(path, mode) }
    }

    public func rmdir(_ path: String) throws {
        _ = try retryingEINTR("rmdir", path) { systemRmdir(path) }
    }

    public func status(_ path: String) throws -> FileStatus? {
        var info = stat()
        let result = lstat(path, &info)
        if result == 0 { return FileStatus(info) }
        if errno == ENOENT || errno == ENOTDIR { return nil }
        throw SystemCallError(call: "lstat", path: path, errno: errno)
    }

    public func status(_ fd: Int32) throws -> FileStatus {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemCallError(call: "fstat", path: nil, errno: errno) }
        return FileStatus(info)
    }

    public func listDirectory(_ path: String) throws -> [DirectoryEntry] {
        var entries: [DirectoryEntry] = []
        try forEachEntry(in: path) { entries.append($0) }
        return entries
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    public func forEachEntry(in path: String, _ body: (DirectoryEntry) throws -> Void) throws {
        guard let directory = opendir(path) else { throw SystemCallError(call: "opendir", path: path, errno: errno) }
        defer { closedir(directory) }
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { throw SystemCallError(call: "readdir", path: path, errno: errno) }
                return
            }
            // Read the name and type through the pointer: a record is only as long as
            // its name (d_reclen), so copying `struct dirent` or its 256-byte d_name
            // by value reads past the record, and past the end of readdir's buffer when
            // the record is its last (a segfault listing a million entities).
            let record = UnsafeRawPointer(entry)
            let name = String(cString: record.advanced(by: Self.nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            let type = Int32(record.load(fromByteOffset: Self.typeOffset, as: UInt8.self))
            var isDirectory = type == Int32(DT_DIR)
            if type == Int32(DT_UNKNOWN) {
                // Some file systems (XFS without ftype, some network mounts) do not fill d_type.
                isDirectory = (try status(path + "/" + name))?.isDirectory ?? false
            }
            try body(DirectoryEntry(name: name, isDirectory: isDirectory))
        }
    }

    private func retryingEINTR<Result: BinaryInteger>(
        _ call: String, _ path: String?, _ body: () -> Result
    ) throws -> Result {
        while true {
            let result = body()
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw SystemCallError(call: call, path: path, errno: errno)
        }
    }
}

extension FileStatus {
    init(_ info: stat) {
        self.init(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size),
            isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }
}

// The protocol's method names shadow the C functions inside the type; these
// file-level aliases reach the C library unambiguously.
private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
private func systemWrite(_ fd: Int32, _ base: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, base, count) }
private func systemRead(_ fd: Int32, _ base: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, base, count) }
private func systemFsync(_ fd: Int32) -> Int32 { fsync(fd) }
private func systemFlock(_ fd: Int32, _ operation: Int32) -> Int32 { flock(fd, operation) }
private func systemRename(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func systemUnlink(_ path: String) -> Int32 { unlink(path) }
private func systemMkdir(_ path: String, _ mode: mode_t) -> Int32 { mkdir(path, mode) }
private func systemRmdir(_ path: String) -> Int32 { rmdir(path) }
