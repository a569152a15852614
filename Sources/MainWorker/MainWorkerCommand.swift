import ArgumentParser
import DeltaCLI
import DeltaCluster
import DeltaServer
import Foundation
import DeltaMetrics
import Logging

/// `main-worker`: the Main Worker of a split deployment (REST, auth, key vending
/// and routing to Processing Workers over gRPC).
@main
struct MainWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "main-worker",
        abstract: "Run the Main Worker: REST on -rest-addr, gRPC on -grpc-addr; Processing Workers subscribe to it."
    )

    /// Parses Go-style boolean flags (`-s3-use-ssl=false`) too; see `GoFlagArguments`.
    static func main() async {
        await main(GoFlagArguments.normalized(CommandLine.arguments.dropFirst()))
    }

    @OptionGroup var options: ServerOptions
    @OptionGroup var cluster: ClusterOptions

    func run() async throws {
        ProcessSetup.prepare()
        let (configuration, generated) = try options.resolve()
        let resolved = try cluster.resolve(defaultGRPCAddress: "127.0.0.1:50051")
        try checkMessageSizes(configuration, resolved)
        let logger = options.observability.logger("main-worker")
        Console.announce(generated, logger: logger)
        Console.announceWorkerSecret(resolved, logger: logger)
        logger.info("starting", metadata: ["config": "\(configuration)", "grpc": "\(resolved.grpcHost):\(resolved.grpcPort)"])
        let topology = MainWorkerServer.Topology(listensForGRPC: true, embeddedWorkers: 0)
        try await options.observability.servingMetrics(prefix: MetricNames.mainPrefix, logger: logger) {
            try await MainWorkerServer.run(configuration, cluster: resolved, topology: topology, logger: logger) { restPort, grpcPort in
                Console.say("DeltaDatabase listening on http://\(configuration.restHost):\(restPort)")
                if let grpcPort { Console.say("gRPC listening on \(resolved.grpcHost):\(grpcPort)") }
            }
        }
    }
}
