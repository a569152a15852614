import ArgumentParser
import DeltaCLI
import DeltaCluster
import Foundation
import DeltaMetrics
import Logging

/// `proc-worker`: a Processing Worker (validate, encrypt, store, cache) that
/// subscribes to a Main Worker for its keys and serves its routed operations.
@main
struct ProcWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proc-worker",
        abstract: "Run a Processing Worker: subscribes to every -main-addr, serves gRPC on -grpc-addr, data in -shared-fs or S3."
    )

    /// Parses Go-style boolean flags (`-s3-use-ssl=false`) too; see `GoFlagArguments`.
    static func main() async {
        await main(GoFlagArguments.normalized(CommandLine.arguments.dropFirst()))
    }

    @OptionGroup var options: ProcWorkerOptions

    func run() async throws {
        ProcessSetup.prepare()
        let resolved = try options.resolve()
        let logger = options.observability.logger("proc-worker")
        for warning in resolved.warnings { logger.warning("\(warning)") }
        logger.info("starting", metadata: [
            "worker": "\(resolved.workerID)", "main": "\(resolved.mainAddresses.joined(separator: ","))", "shared-fs": "\(resolved.storage.sharedFS)",
        ])
        try await options.observability.servingMetrics(prefix: MetricNames.procPrefix, logger: logger) {
            try await ProcessingWorkerServer.run(resolved, logger: logger) { port in
                Console.say("Processing worker \(resolved.workerID) serving gRPC on \(resolved.grpcHost):\(port)")
            }
        }
    }
}
