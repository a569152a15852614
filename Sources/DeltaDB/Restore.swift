import ArgumentParser
import DeltaCLI
import DeltaCluster
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
            nothing.
            """
    )

    @Option(name: [.customLong("from", withSingleDash: true), .customLong("from")], help: "The backup directory (holding manifest.json).")
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
        let sealer = EntitySealer(keyring: KeyringHolder(try configuration.keyring()), writerID: "deltadb-restore")
        let reporter = ProgressReporter(task: verifyOnly ? "verify" : "restore", unit: "files")
        let restorer = BackupRestorer(backup: from, sealer: sealer) { done, total in reporter.update(done: done, total: total) }
        if verifyOnly {
            let manifest = try restorer.verify()
            reporter.finish()
            Console.say("backup \(from) is intact: \(manifest.entities) entities decrypt, \(manifest.files.count) files match their checksums (taken \(manifest.createdAt))")
            return
        }
        let report = try restorer.restore(into: configuration.sharedFS, replacing: force)
        reporter.finish()
        Console.say("restored \(report.entities) entities and \(report.files) files from \(from) into \(configuration.sharedFS)")
        if let previous = report.previous { Console.say("the previous contents of \(configuration.sharedFS) are in \(previous)") }
    }
}
