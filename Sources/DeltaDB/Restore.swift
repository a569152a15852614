import ArgumentParser
import DeltaCLI
import DeltaCluster
import DeltaCore
import DeltaEngine
import Foundation

/// `deltadb restore`: checks a backup completely, then makes it the data directory.
struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore a backup into -shared-fs after checking every checksum and that every entity decrypts.",
        discussion: """
            Reads the keys like rewrap: -master-key-file (or MASTER_KEY) with -key-id, and -previous-keys-file for \
            entities written before a rotation. Nothing is written unless the whole backup checks out; the restored \
            directory is built beside -shared-fs and renamed onto it. A non-empty -shared-fs is refused unless -force \
            is given: its contents are then kept as <shared-fs>.before-restore-<time>. -verify-only checks and writes \
            nothing. -from=s3://BUCKET/PREFIX/NAME restores (or verifies) a backup in a bucket, reached with \
            -s3-endpoint, -s3-access-key and -s3-secret-key-file: it is downloaded into a private directory beside \
            -shared-fs (removed afterwards), then checked the same way; a bucket backup without its manifest.json is \
            incomplete and refused.
            """
    )

    @Option(name: [.customLong("from", withSingleDash: true), .customLong("from")], help: "The backup directory (holding manifest.json), or s3://BUCKET/PREFIX/NAME.")
    var from: String

    @Flag(name: [.customLong("force", withSingleDash: true), .customLong("force")], help: "Replace a non-empty -shared-fs (kept as <shared-fs>.before-restore-<time>).")
    var force = false

    @Flag(name: [.customLong("verify-only", withSingleDash: true), .customLong("verify-only")], help: "Only check the backup; write nothing.")
    var verifyOnly = false

    @OptionGroup var options: ServerOptions

    func run() async throws {
        ProcessSetup.prepare()
        let (configuration, generated) = try options.resolve(forTool: true)
        for warning in generated.warnings { Console.logger("deltadb-restore").warning("\(warning)") }
        guard BackupBucket.isBucketURL(from) else {
            try check(backup: from, configuration: configuration)
            return
        }
        let bucket = try BackupBucket(url: from, s3: configuration.s3)
        let download = try Self.privateDirectory(near: configuration.sharedFS)
        defer { try? FileManager.default.removeItem(atPath: download) }
        let fetching = ProgressReporter(task: "download", unit: "files")
        _ = try await S3BackupDownload(bucket: bucket) { done, total in fetching.update(done: done, total: total) }
            .download(into: download)
        fetching.finish()
        try check(backup: download, configuration: configuration)
    }

    /// Verifies, or verifies and restores, the backup in the directory `backup`.
    func check(backup: String, configuration: ServerConfiguration) throws {
        let target = configuration.sharedFS
        let sealer = EntitySealer(keyring: KeyringHolder(try configuration.keyring()), writerID: "deltadb-restore")
        let reporter = ProgressReporter(task: verifyOnly ? "verify" : "restore", unit: "files")
        let restorer = BackupRestorer(backup: backup, sealer: sealer) { done, total in reporter.update(done: done, total: total) }
        if verifyOnly {
            let manifest = try restorer.verify()
            reporter.finish()
            Console.say("backup \(from) is intact: \(manifest.entities) entities decrypt, \(manifest.files.count) files match their checksums (taken \(manifest.createdAt))")
            return
        }
        let report = try restorer.restore(into: target, replacing: force)
        reporter.finish()
        Console.say("restored \(report.entities) entities and \(report.files) files from \(from) into \(target)")
        if let previous = report.previous { Console.say("the previous contents of \(target) are in \(previous)") }
    }

    /// A new directory (mode 0700) beside `target`, or in the temporary directory when
    /// `target`'s parent does not exist (`-verify-only` creates nothing else).
    static func privateDirectory(near target: String) throws(DeltaError) -> String {
        let trimmed = target.hasSuffix("/") ? String(target.dropLast()) : target
        let parent = (trimmed as NSString).deletingLastPathComponent
        let base = FileManager.default.fileExists(atPath: parent.isEmpty ? "." : parent)
            ? trimmed : NSTemporaryDirectory() + "/deltadb-restore"
        let path = base + ".download-\(UInt32.random(in: 0...UInt32.max))"
        guard mkdir(path, 0o700) == 0 else {
            throw DeltaError(.storageFailure, "cannot create the download directory '\(path)': \(String(cString: strerror(errno)))")
        }
        return path
    }
}
