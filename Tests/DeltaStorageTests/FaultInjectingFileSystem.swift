import Foundation
import Synchronization
@testable import DeltaStorage

/// Thrown by `FaultInjectingFileSystem` when it simulates the process dying.
struct InjectedCrash: Error, Equatable {}

/// A `FileSystemOps` that records every call and can make one of them fail or
/// "crash" the process: after a crash every further call throws `InjectedCrash`, so
/// no cleanup code runs — as if the process had died right there. `close` always goes
/// through, as the kernel closes descriptors (and drops `flock`s) of a dead process.
///
/// What it cannot simulate: losing data that was written but not yet fsynced. The
/// crash tests therefore check the order of durable steps, not the kernel's caching.
final class FaultInjectingFileSystem: FileSystemOps {
    struct Call: Sendable, Equatable, CustomStringConvertible {
        var name: String
        var path: String
        var description: String { "\(name)(\(path))" }
    }

    enum Fault: Sendable {
        /// Crash at call `index` (counted from `arm`), before or after it takes effect.
        case crash(index: Int, afterEffect: Bool)
        /// Make call `index` fail with `errno`, without taking effect.
        case fail(index: Int, errno: Int32)
        /// Make the first call named `name` whose path ends in `pathSuffix` fail with
        /// `errno`, without taking effect (for steps whose index varies).
        case failFirst(name: String, pathSuffix: String, errno: Int32)
    }

    private struct State {
        var armed = false
        var calls: [Call] = []
        var crashed = false
        var fault: Fault?
        var descriptorPaths: [Int32: String] = [:]
    }

    private let real = RealFileSystem()
    private let state = Mutex(State())
    private let hook = Mutex<(@Sendable (Call) -> Void)?>(nil)

    init() {}

    /// Starts counting calls from 0 and applies `fault` (nil: only record).
    func arm(_ fault: Fault?) {
        // Descriptors opened before stay known by their paths.
        state.withLock { $0 = State(armed: true, fault: fault, descriptorPaths: $0.descriptorPaths) }
    }

    /// Runs `body` on the calling thread before every call takes effect (while
    /// armed), e.g. to hold a flush until other threads have queued work behind it.
    func beforeEachCall(_ body: (@Sendable (Call) -> Void)?) {
        hook.withLock { $0 = body }
    }

    /// The calls since `arm`.
    var calls: [Call] { state.withLock { $0.calls } }

    var crashed: Bool { state.withLock { $0.crashed } }

    private func step<T>(_ name: String, _ path: String, _ body: () throws -> T) throws -> T {
        let (index, crashed, fault) = state.withLock { state -> (Int?, Bool, Fault?) in
            guard state.armed else { return (nil, state.crashed, nil) }
            state.calls.append(Call(name: name, path: path))
            return (state.calls.count - 1, state.crashed, state.fault)
        }
        if crashed { throw InjectedCrash() }
        if index != nil, let before = hook.withLock({ $0 }) { before(Call(name: name, path: path)) }
        if let index {
            switch fault {
            case .crash(index, afterEffect: false)?:
                state.withLock { $0.crashed = true }
                throw InjectedCrash()
            case .fail(index, let errno)?:
                throw SystemCallError(call: name, path: path, errno: errno)
            case .failFirst(name, let suffix, let errno)? where path.hasSuffix(suffix):
                let first = state.withLock { state in
                    !state.calls.dropLast().contains { $0.name == name && $0.path.hasSuffix(suffix) }
                }
                if first { throw SystemCallError(call: name, path: path, errno: errno) }
            default:
                break
            }
        }
        // The process dies after the call returns, whether the call succeeded or failed
        // (e.g. a `mkdir` that reports EEXIST still counts as a step).
        let result = Result { try body() }
        if let index, case .crash(index, afterEffect: true)? = fault {
            state.withLock { $0.crashed = true }
            throw InjectedCrash()
        }
        return try result.get()
    }

    private func path(of fd: Int32) -> String { state.withLock { $0.descriptorPaths[fd] ?? "fd \(fd)" } }

    func open(_ path: String, flags: Int32, mode: mode_t) throws -> Int32 {
        let fd = try step("open", path) { try real.open(path, flags: flags, mode: mode) }
        state.withLock { $0.descriptorPaths[fd] = path }
        return fd
    }

    func close(_ fd: Int32) {
        state.withLock { $0.descriptorPaths[fd] = nil }
        real.close(fd)
    }

    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws -> Int {
        try step("write", path(of: fd)) { try real.write(fd, bytes) }
    }

    func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        try step("read", path(of: fd)) { try real.read(fd, into: buffer) }
    }

    func fdatasync(_ fd: Int32) throws { try step("fdatasync", path(of: fd)) { try real.fdatasync(fd) } }
    func fsync(_ fd: Int32) throws { try step("fsync", path(of: fd)) { try real.fsync(fd) } }
    func flock(_ fd: Int32, _ operation: Int32) throws { try step("flock", path(of: fd)) { try real.flock(fd, operation) } }
    func syncFileSystem(_ path: String) throws { try step("syncfs", path) { try real.syncFileSystem(path) } }
    func rename(_ from: String, _ to: String) throws { try step("rename", "\(from) -> \(to)") { try real.rename(from, to) } }
    func unlink(_ path: String) throws { try step("unlink", path) { try real.unlink(path) } }
    func mkdir(_ path: String, mode: mode_t) throws { try step("mkdir", path) { try real.mkdir(path, mode: mode) } }
    func rmdir(_ path: String) throws { try step("rmdir", path) { try real.rmdir(path) } }
    func status(_ path: String) throws -> FileStatus? { try step("lstat", path) { try real.status(path) } }
    func status(_ fd: Int32) throws -> FileStatus { try step("fstat", path(of: fd)) { try real.status(fd) } }
    func listDirectory(_ path: String) throws -> [DirectoryEntry] {
        try step("listDirectory", path) { try real.listDirectory(path) }
    }
}
