import DeltaCore
import DeltaCrypto
import DeltaStorage
import Foundation

/// Restores a backup written by `BackupWriter` into a data directory, trusting
/// nothing it has not checked.
///
/// Every file the manifest lists is read once, checked against its size and
/// SHA-256, and every entity file must decode as the entity the manifest names
/// and decrypt with the given keyring. Only then does the restored directory go
/// live: it is built beside the target (`<target>.restoring-…`) and renamed onto
/// the target's name, so the target is either untouched or the whole backup. A
/// non-empty target is refused unless `replacing` is set; then it is kept,
/// renamed to `<target>.before-restore-<time>`, and a server running on it
/// (its claim on the directory) makes restore refuse.
public struct BackupRestorer: Sendable {
    /// What a restore did.
    public struct Report: Sendable, Equatable {
        public var entities = 0
        public var files = 0
        /// Where the previous contents of the target went, when it was replaced.
        public var previous: String?
    }

    /// The backup's directory.
    public let backup: String
    /// Decrypts each entity to prove the keyring reads it (the plaintext is discarded).
    public let sealer: EntitySealer

    /// Called after each file is checked (and, restoring, written) with the files
    /// done and their total, for `deltadb restore`'s progress.
    public let progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(backup: String, sealer: EntitySealer, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.backup = backup
        self.sealer = sealer
        self.progress = progress
    }

    /// Checks the whole backup without writing anything; returns its manifest.
    ///
    /// - Throws: `.integrityFailure` naming the first damaged file; `.keyUnavailable`
    ///   or `.integrityFailure` naming an entity the keyring cannot decrypt.
    @discardableResult
    public func verify() throws(DeltaError) -> BackupManifest {
        let manifest = try BackupManifest.read(backup: backup)
        for (index, file) in manifest.files.enumerated() {
            _ = try checkedContents(of: file)
            progress?(index + 1, manifest.files.count)
        }
        return manifest
    }

    /// Restores into `target` after checking everything (see the type's description).
    ///
    /// - Throws: `.badRequest` for a non-empty target without `replacing`;
    ///   `.unavailable` if a server uses the target; `verify()`'s errors (the target
    ///   is untouched then); `.storageFailure`.
    public func restore(into target: String, replacing: Bool) throws(DeltaError) -> Report {
        let manifest = try BackupManifest.read(backup: backup)
        let manager = FileManager.default
        let targetExists = manager.fileExists(atPath: target)
        let targetEmpty = targetExists && ((try? manager.contentsOfDirectory(atPath: target))?.isEmpty ?? false)
        if targetExists, !targetEmpty, !replacing {
            throw DeltaError(
                .badRequest,
                "the restore target '\(target)' is not empty; restore into a new directory, or pass -force to replace it "
                    + "(its contents are kept as '\(target).before-restore-<time>')")
        }
        // A server on the target would keep serving (and writing) the old directory.
        var claim: DirectoryClaim?
        if targetExists, !targetEmpty {
            claim = try DirectoryClaim(
                root: target, mode: .exclusive,
                conflict: "a DeltaDatabase process uses it; stop every server on it before restoring over it")
        }
        let staging = target + ".restoring-\(UInt32.random(in: 0...UInt32.max))"
        var report = Report()
        do throws(DeltaError) {
            try BackupFiles.makeDirectory(staging + "/files")
            try BackupFiles.makeDirectory(staging + "/templates")
            for file in manifest.files {
                let contents = try checkedContents(of: file)
                try BackupFiles.write(staging + "/" + file.path, contents)
                report.files += 1
                if file.database != nil { report.entities += 1 }
                progress?(report.files, manifest.files.count)
            }
            sync()
            if targetExists {
                if targetEmpty {
                    guard rmdir(target) == 0 else { throw failure("cannot replace the empty directory '\(target)'") }
                } else {
                    let previous = target + ".before-restore-" + Timestamp.now().filter { $0.isNumber }
                    guard rename(target, previous) == 0 else { throw failure("cannot move '\(target)' aside") }
                    report.previous = previous
                }
            }
            guard rename(staging, target) == 0 else { throw failure("cannot rename the restored directory to '\(target)'") }
            SharedFile.syncDirectory(of: target)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
        withExtendedLifetime(claim) {}
        return report
    }

    /// The bytes of `file`, after checking its path, size, checksum and, for an
    /// entity, that it is the entity the manifest names and decrypts.
    private func checkedContents(of file: BackupManifest.File) throws(DeltaError) -> [UInt8] {
        guard Self.isSafe(file.path) else {
            throw DeltaError(
                .integrityFailure, "the backup's manifest names '\(file.path)', which is not a data directory path; the backup is damaged")
        }
        guard let bytes = try SharedFile.read(backup + "/" + file.path) else {
            throw DeltaError(.integrityFailure, "the backup is missing '\(file.path)', which its manifest lists; use another backup")
        }
        guard bytes.count == file.bytes, Hex.encode(SHA256.hash(bytes)) == file.sha256 else {
            throw DeltaError(
                .integrityFailure,
                "the backup's '\(file.path)' does not match its checksum in the manifest: the backup is damaged; use another backup")
        }
        guard let database = file.database else { return bytes }
        guard let key = file.key, let version = file.version else {
            throw DeltaError(.integrityFailure, "the manifest entry of '\(file.path)' names no key or version; the backup is damaged")
        }
        let id = try EntityID(database: database, key: key)
        guard EntityFileCodec.relativePath(of: id) == file.path else {
            throw DeltaError(.integrityFailure, "the manifest puts \(id) at '\(file.path)', which is not its path; the backup is damaged")
        }
        let stored = try EntityFileCodec.decode(bytes, for: id)
        guard stored.metadata.version == version else {
            throw DeltaError(.integrityFailure, "'\(file.path)' holds version \(stored.metadata.version) of \(id), the manifest says \(version)")
        }
        do throws(DeltaError) {
            _ = try sealer.open(stored, for: id)
        } catch {
            throw DeltaError(
                error.code,
                "\(id) (version \(version), key id '\(stored.metadata.keyID)') does not decrypt with the given keys: "
                    + "pass the key it was written with (-master-key-file with -key-id, or -previous-keys-file after a rotation)",
                cause: error)
        }
        return bytes
    }

    /// Relative, inside one of the directories a backup holds, without `.` or `..`.
    public static func isSafe(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2, ["files", "templates", "_meta", "_auth"].contains(String(parts[0])) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") }
    }

    private func failure(_ message: String) -> DeltaError {
        DeltaError(.storageFailure, "\(message): \(String(cString: strerror(errno)))")
    }
}
