import ArgumentParser
import DeltaAuth
import DeltaCLI
import DeltaCluster
import DeltaCore
import DeltaEngine
import DeltaImport
import DeltaImportS3
import DeltaS3
import DeltaStorage
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `deltadb import-original`: imports the Go original's data directory (or bucket)
/// and API keys into ours (see `OriginalImporter` and docs/compatibility.md).
struct ImportOriginal: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-original",
        abstract: "Import the Go DeltaDatabase's entities, schemas and API keys, re-encrypted under -master-key.",
        discussion: """
            Reads --from (the original's -shared-fs) or --from-s3-endpoint, decrypts with the original's key \
            (--original-master-key-file or ORIGINAL_MASTER_KEY) and writes into -shared-fs (or -s3-endpoint) \
            under -master-key/-key-id. Safe to interrupt and run again: what is already imported is skipped. \
            Exit status: 0 when nothing failed, 2 when the import finished but some items failed (see the \
            report), 1 when it could not run (e.g. a wrong original key: nothing is written then).
            """
    )

    @OptionGroup var importing: ImportOptions
    @OptionGroup var options: ServerOptions

    func run() async throws {
        ProcessSetup.prepare()
        let settings = try importing.resolve()
        // The target's key must be given: the import encrypts under it, and a key generated
        // here would have to be found afterwards.
        let (configuration, generated) = try options.resolve(forTool: true)
        for warning in generated.warnings { Console.logger("deltadb-import").warning("\(warning)") }
        let source: any OriginalSource
        switch settings.origin {
        case .directory(let path): source = try OriginalDirectory(root: path)
        case .s3(let s3): source = S3OriginalSource(client: S3Client(configuration: s3))
        }
        let cipher = try OriginalCipher(hex: settings.originalMasterKeyHex)
        // A wrong original key stops here, before the target is even created.
        let sealer = EntitySealer(keyring: KeyringHolder(try configuration.keyring()), writerID: "import-original")
        try await OriginalImporter(
            source: source, cipher: cipher, target: ImportTarget(store: nil, schemas: nil, bindings: nil, keys: nil, sealer: sealer),
            options: .init(dryRun: true)
        ).checkOriginalKey()
        let target = try await Self.target(configuration, dryRun: settings.dryRun)
        let importer = OriginalImporter(
            source: source, cipher: cipher, target: target,
            options: .init(dryRun: settings.dryRun, concurrency: settings.concurrency, keyStorePath: settings.originalKeyStore))
        Console.say("\(settings.dryRun ? "dry run: " : "")importing from \(source.location) into \(configuration.s3.map { "\($0)" } ?? configuration.sharedFS)")
        let progress = ProgressReporter(task: "import")
        let report = try await importer.run { progress.update(done: $0.done, total: $0.total, failed: $0.failed) }
        progress.finish()
        for line in report.summary() { Console.say(line) }
        if let path = settings.reportPath {
            do {
                try report.json().write(to: URL(fileURLWithPath: path), options: .atomic)
            } catch {
                throw DeltaError(.storageFailure, "cannot write --report '\(path)'", cause: error)
            }
            Console.say("report written to \(path)")
        }
        if !report.succeeded { throw ExitCode(2) }
    }

    /// Our stores under the configuration. A dry run creates nothing: parts whose
    /// directory (or bucket) does not exist yet are left out, and everything there
    /// counts as new.
    static func target(_ configuration: ServerConfiguration, dryRun: Bool) async throws -> ImportTarget {
        let sealer = EntitySealer(keyring: KeyringHolder(try configuration.keyring()), writerID: "import-original")
        let root = configuration.sharedFS
        let logger = Console.logger("deltadb-import")
        guard dryRun else {
            let catalog = try await EngineAssembly.makeCatalog(configuration, as: .tool, logger: logger)
            return ImportTarget(
                store: catalog.store, schemas: catalog.schemas, bindings: catalog.bindings,
                keys: try EngineAssembly.makeKeyStore(configuration, documents: catalog.documents), sealer: sealer)
        }
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
        var store: (any EntityStore)?
        if let s3 = configuration.s3 {
            // The bucket's documents are read as they are now; nothing is created.
            let client = S3Client(configuration: s3)
            let candidate = S3EntityStore(client: client)
            let documents = S3Documents(client: client)
            let usable = (try? await candidate.listDatabases()) != nil
            return ImportTarget(
                store: usable ? candidate : nil, schemas: SchemaCatalog(documents: documents),
                bindings: DatabaseBindings(documents: documents),
                keys: usable && configuration.keyStorePath == nil ? try APIKeyStore(documents: documents) : nil,
                sealer: sealer)
        } else if exists(root + "/files") {
            store = try FileEntityStore(root: root, writerID: configuration.writerID)
        }
        return ImportTarget(
            store: store,
            schemas: exists(root + "/templates") ? try SchemaCatalog(directory: root + "/templates") : nil,
            bindings: exists(root + "/_meta") ? try DatabaseBindings(root: root) : nil,
            keys: exists(configuration.resolvedKeyStorePath) ? try APIKeyStore(path: configuration.resolvedKeyStorePath) : nil,
            sealer: sealer)
    }
}
