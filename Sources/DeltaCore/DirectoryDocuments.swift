import Foundation
import Synchronization

/// Shared documents as files under a directory (`<shared-fs>/_auth/keys.json`, …),
/// for servers that share a POSIX directory.
///
/// Reads compare the file's stamp (inode, size, mtime) and reuse the bytes read
/// last time if it is unchanged, so a document changed by another process is seen
/// at once (`staleness` is zero). Updates hold an exclusive `flock` on
/// `<file>.lock` and replace the file atomically (`SharedFile`). Files and
/// directories are owner-only.
public final class DirectoryDocuments: SharedDocumentStore {
    /// The directory names are resolved against.
    public let root: String
    private let seen = Mutex<[String: (SharedFile.Stamp, SharedDocument)]>([:])

    /// Documents under `root`, which is created (0700) if missing.
    ///
    /// - Throws: `.storageFailure` if the directory cannot be created.
    public init(root: String) throws(DeltaError) {
        self.root = root
        try SharedFile.makePrivateDirectory(root)
    }

    public var staleness: Duration { .zero }

    public func location(of name: String) -> String {
        "'\(path(name))'"
    }

    public func cached(_ name: String) throws(DeltaError) -> SharedDocument? {
        let file = path(name)
        guard let stamp = SharedFile.stamp(file) else {
            seen.withLock { $0[name] = nil }
            return nil
        }
        if let known = seen.withLock({ $0[name] }), known.0 == stamp { return known.1 }
        guard let bytes = try SharedFile.read(file) else { return nil }
        let document = SharedDocument(bytes: bytes, revision: Self.revision(stamp))
        seen.withLock { $0[name] = (stamp, document) }
        return document
    }

    public func current(_ name: String) async throws(DeltaError) -> SharedDocument? {
        try cached(name)
    }

    public func names(under prefix: String) async throws(DeltaError) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path(prefix))) ?? []
        return entries.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".lock") && !$0.contains(".tmp-") }
            .map { prefix + $0 }
            .filter { name in
                var isDirectory: ObjCBool = false
                return FileManager.default.fileExists(atPath: path(name), isDirectory: &isDirectory) && !isDirectory.boolValue
            }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    public func update(
        _ name: String, _ change: (SharedDocument?) throws(DeltaError) -> [UInt8]?
    ) async throws(DeltaError) {
        let file = path(name)
        try SharedFile.makePrivateDirectory((file as NSString).deletingLastPathComponent)
        try SharedFile.withLock(file) { () throws(DeltaError) in
            let present = try cached(name)
            if let bytes = try change(present) {
                try SharedFile.replace(file, with: bytes, mode: 0o600)
            } else if present != nil {
                _ = try SharedFile.remove(file)
            }
        }
        seen.withLock { $0[name] = nil }
    }

    private func path(_ name: String) -> String {
        root + "/" + name
    }

    private static func revision(_ stamp: SharedFile.Stamp) -> String {
        "\(stamp.inode)-\(stamp.size)-\(stamp.seconds).\(stamp.nanoseconds)"
    }
}
