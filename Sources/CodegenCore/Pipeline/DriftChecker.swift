import Foundation

/// Compares generated output with what is on disk, and writes it.
///
/// Only the translators' output folders are inspected: a file there that no
/// translator produces is stale. Files elsewhere are never read or touched.
public struct DriftChecker: Sendable {
    /// One difference between the generated output and the repository.
    public enum Drift: Sendable, Hashable, CustomStringConvertible {
        /// The file should exist but does not.
        case missing(String)
        /// The file exists with different contents.
        case differs(String)
        /// The file is in a generated folder but is no longer produced.
        case stale(String)

        /// The path relative to the repository root.
        public var path: String {
            switch self {
            case .missing(let path), .differs(let path), .stale(let path): path
            }
        }

        public var description: String {
            switch self {
            case .missing(let path): "missing: \(path)"
            case .differs(let path): "differs: \(path)"
            case .stale(let path): "stale: \(path) (no longer generated; delete it)"
            }
        }
    }

    /// The repository root.
    public var root: URL

    /// Creates a checker for the repository at `root`.
    public init(root: URL) {
        self.root = root
    }

    /// Every drift between `output` and the disk, sorted by path.
    public func check(_ output: GeneratorPipeline.Output) -> [Drift] {
        var drifts: [Drift] = []
        for file in output.files {
            guard let data = FileManager.default.contents(atPath: url(file.path).path) else {
                drifts.append(.missing(file.path))
                continue
            }
            if data != Data(file.contents.utf8) { drifts.append(.differs(file.path)) }
        }
        drifts += staleFiles(output).map(Drift.stale)
        return drifts.sorted { $0.path < $1.path }
    }

    /// Writes every file that differs, creating folders, and deletes stale files.
    ///
    /// - Returns: The paths written or deleted, sorted.
    /// - Throws: File-system errors.
    @discardableResult
    public func write(_ output: GeneratorPipeline.Output) throws -> [Drift] {
        let drifts = check(output)
        let contents = Dictionary(output.files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
        for drift in drifts {
            let target = url(drift.path)
            switch drift {
            case .missing(let path), .differs(let path):
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true
                )
                try Data(contents[path, default: ""].utf8).write(to: target, options: .atomic)
            case .stale:
                try FileManager.default.removeItem(at: target)
            }
        }
        return drifts
    }

    private func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    private func staleFiles(_ output: GeneratorPipeline.Output) -> [String] {
        let produced = Set(output.files.map(\.path))
        var stale: [String] = []
        for directory in output.outputDirectories {
            let base = url(directory)
            guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { continue }
            while let relative = enumerator.nextObject() as? String {
                var isDirectory: ObjCBool = false
                let full = base.appendingPathComponent(relative).path
                guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
                    continue
                }
                let path = directory + "/" + relative
                let ignored = relative.hasPrefix(".") || relative.contains("/.") || relative.contains("__pycache__")
                if !produced.contains(path) && !ignored { stale.append(path) }
            }
        }
        return stale.sorted()
    }
}
