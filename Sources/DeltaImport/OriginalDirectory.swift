import DeltaCore
import Foundation

/// The Go original's data directory (its `-shared-fs`), read-only.
public struct OriginalDirectory: OriginalSource {
    /// The directory's path.
    public let root: String

    /// A source on `root`.
    ///
    /// - Throws: `.badRequest` if `root` is not a directory.
    public init(root: String) throws(DeltaError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DeltaError(.badRequest, "--from '\(root)' is not a directory; give the original's -shared-fs directory")
        }
        self.root = root
    }

    public var location: String { root }

    public func names(in directory: String) async throws(DeltaError) -> [String] {
        let path = root + "/" + directory
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw DeltaError(.storageFailure, "cannot list '\(path)'", cause: error)
        }
    }

    public func read(_ path: String) async throws(DeltaError) -> [UInt8]? {
        try SharedFile.read(root + "/" + path)
    }
}
