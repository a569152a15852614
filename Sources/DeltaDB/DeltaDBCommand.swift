import ArgumentParser
import DeltaCLI
import DeltaCluster
import DeltaServer
import Foundation
import Hummingbird
import Logging
import DeltaMetrics

/// `deltadb`: the all-in-one DeltaDatabase server (a Main Worker with its
/// Processing Worker in one process), and its maintenance commands.
@main
struct DeltaDBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deltadb",
        abstract: "The all-in-one DeltaDatabase server and its maintenance commands.",
        subcommands: [Serve.self, Rewrap.self, ImportOriginal.self, Backup.self, Restore.self],
        defaultSubcommand: Serve.self
    )

    /// Parses Go-style boolean flags (`-s3-use-ssl=false`) too; see `GoFlagArguments`.
    static func main() async {
        await main(GoFlagArguments.normalized(CommandLine.arguments.dropFirst()))
    }
}

/// `deltadb [serve]`: runs the server (the default command).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the all-in-one server (REST on -rest-addr, data in -shared-fs)."
    )

    @OptionGroup var options: ServerOptions
    @OptionGroup var cluster: ClusterOptions

    @Option(name: [.customLong("backup-dir", withSingleDash: true), .customLong("backup-dir")],
            help: "Where POST /api/backups writes online backups: a directory outside -shared-fs, or s3://BUCKET/PREFIX (with -backup-s3-*, or this server's -s3-* when it stores in S3); without it online backups are off.")
    var backupDir: String?

    @OptionGroup var backupS3: BackupS3Options

    @Option(name: [.customLong("workers", withSingleDash: true), .customLong("workers")],
            help: "Processing Workers in this process over gRPC's in-process transport; 0 (the default without -grpc-addr) calls the data plane directly, the fast path. Default 1 with -grpc-addr.")
    var workers: Int?

    func validate() throws {
        if let workers, !(0...64).contains(workers) { throw ValidationError("-workers must be between 0 and 64") }
        if workers == 0, cluster.grpcAddr != nil {
            throw ValidationError("-grpc-addr needs at least one embedded worker (-workers 1 or more), or omit -workers")
        }
    }

    func run() async throws {
        ProcessSetup.prepare()
        let (resolvedOptions, generated) = try options.resolve()
        let configuration = try withBackupDirectory(resolvedOptions)
        let resolved = try cluster.resolve(defaultGRPCAddress: nil)
        try checkMessageSizes(configuration, resolved)
        let logger = options.observability.logger("deltadb")
        Console.announce(generated, logger: logger)
        Console.announceWorkerSecret(resolved, logger: logger)
        // The direct path unless Processing Workers may join over gRPC: in one process a
        // gRPC hop costs CPU and buys nothing.
        let workers = self.workers ?? (resolved.listensForGRPC ? 1 : 0)
        logger.info("starting", metadata: ["config": "\(configuration)", "workers": "\(workers)"])
        try await options.observability.servingMetrics(prefix: MetricNames.mainPrefix, logger: logger) {
            guard workers > 0 else {
                try await DeltaServer.run(configuration, logger: logger) { port in
                    Console.say("DeltaDatabase listening on http://\(configuration.restHost):\(port)")
                }
                return
            }
            let topology = MainWorkerServer.Topology(listensForGRPC: resolved.listensForGRPC, embeddedWorkers: workers)
            try await MainWorkerServer.run(configuration, cluster: resolved, topology: topology, logger: logger) { port, grpcPort in
                Console.say("DeltaDatabase listening on http://\(configuration.restHost):\(port)")
                if let grpcPort { Console.say("gRPC listening on \(resolved.grpcHost):\(grpcPort)") }
            }
        }
    }
}

extension Serve {
    /// `configuration` with `-backup-dir` (checked: a directory outside -shared-fs, or a bucket it can reach).
    func withBackupDirectory(_ configuration: ServerConfiguration) throws -> ServerConfiguration {
        var configured = configuration
        (configured.backupDirectory, configured.backupBucket) = try backupS3.resolve(
            backupDir: backupDir, sharedFS: configuration.sharedFS, storage: configuration.s3)
        return configured
    }
}

/// `deltadb rewrap`: re-encrypts every entity under the active key.
struct Rewrap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-encrypt every entity under -key-id/-master-key, reading old ones with -previous-keys-file.",
        discussion: """
            Safe to interrupt and run again: entities already under the active key are skipped. \
            Run it after rotating (new -master-key and -key-id, the old key in -previous-keys-file); \
            once it reports no failures the old keys can be removed from the file.
            """
    )

    @OptionGroup var options: ServerOptions

    func run() async throws {
        ProcessSetup.prepare()
        let (configuration, generated) = try options.resolve(forTool: true)
        let logger = options.observability.logger("deltadb-rewrap")
        for warning in generated.warnings { logger.warning("\(warning)") }
        let progress = ProgressReporter(task: "rewrap")
        let report = try await EngineAssembly.rewrap(configuration, logger: logger) { _, report in
            progress.update(done: report.checked, failed: report.failed.count)
        }
        progress.finish()
        Console.say("rewrap finished: \(report); active key '\(configuration.keyID)'")
        for failure in report.failed.prefix(20) { Console.say("  failed: \(failure)") }
        if !report.failed.isEmpty { throw ExitCode(1) }
    }
}
