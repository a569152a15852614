import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A server process's claim on a data directory: a `flock` on `<root>/deltadb.lock`,
/// held until the claim is released (deinit) or the process dies.
///
/// A process that caches documents without checking them against storage claims
/// the directory exclusively, because another process's writes would leave its
/// cache stale. Processes that check every cache hit (Processing Workers, a Main
/// Worker) claim it shared, so any number of them can run together, but not next to
/// an exclusive holder. Claims never wait: a conflict is an error at start-up.
///
/// It does not protect entities (per-entity `flock`s do) and does not apply to S3
/// buckets. Tools that only write through the durable path, like `deltadb rewrap`,
/// need no claim.
public final class DirectoryClaim: Sendable {
    /// How the directory is claimed.
    public enum Mode: Sendable {
        /// The only server process on the directory.
        case exclusive
        /// One of several server processes that check their caches.
        case shared
    }

    /// The lock file.
    public let path: String
    /// The mode it was claimed in.
    public let mode: Mode
    private let descriptor: Int32

    /// The lock file of the data directory `root`.
    public static func lockPath(root: String) -> String {
        FileLayout.path(root, "deltadb.lock")
    }

    /// Claims `root` (which must exist) in `mode`, creating the lock file if needed.
    ///
    /// - Parameter conflict: what the error says when another process's claim is in
    ///   the way: which process this is and what to do.
    /// - Throws: `.unavailable` with `conflict` when another process holds an
    ///   incompatible claim; `.storageFailure` when the lock file cannot be opened.
    public init(root: String, mode: Mode, conflict: String) throws(DeltaError) {
        let path = Self.lockPath(root: root)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DeltaError.storage(
                "cannot open the lock file '\(path)'; check that the data directory is writable",
                SystemCallError(call: "open", path: path, errno: errno))
        }
        guard flock(descriptor, (mode == .exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            let failure = errno
            close(descriptor)
            guard failure == EWOULDBLOCK else {
                throw DeltaError.storage(
                    "cannot lock '\(path)'", SystemCallError(call: "flock", path: path, errno: failure))
            }
            throw DeltaError(.unavailable, "the data directory '\(root)' is in use by another DeltaDatabase process: \(conflict)")
        }
        self.path = path
        self.mode = mode
        self.descriptor = descriptor
    }

    deinit {
        // Closing the last descriptor drops the lock.
        close(descriptor)
    }
}
