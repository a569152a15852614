import ArgumentParser
import DeltaServer
import Foundation
import Logging

/// `main-worker`: the Main Worker of a split deployment (REST, auth, key vending
/// and routing to Processing Workers over gRPC).
@main
struct MainWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "main-worker",
        abstract: "Run the Main Worker: REST on -rest-addr, gRPC on -grpc-addr; Processing Workers subscribe to it."
    )

    @OptionGroup var options: ServerOptions
    @OptionGroup var cluster: ClusterOptions

    func run() async throws {
        let (configuration, generated) = try options.resolve()
        let resolved = try cluster.resolve(defaultGRPCAddress: "127.0.0.1:50051")
        try checkMessageSizes(configuration, resolved)
        // Generated secrets go to the operator's terminal once, never to the log.
        if let adminKey = generated.adminKey {
            say("Generated admin key (pass -admin-key or ADMIN_KEY to keep it): \(adminKey)")
        }
        if let masterKey = generated.masterKeyHex {
            say("Generated new master encryption key")
            say("Key (hex): \(masterKey)  ← save this!")
            say("WARNING: data written now is unreadable without this key; pass -master-key, MASTER_KEY or -master-key-file on the next start.")
        }
        if resolved.generatedSecret {
            say("Generated worker secret (pass it to every proc-worker as -worker-secret or WORKER_SECRET): \(resolved.workerSecret)")
        }
        var logger = Logger(label: "main-worker")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        logger.info("starting", metadata: ["config": "\(configuration)", "grpc": "\(resolved.grpcHost):\(resolved.grpcPort)"])
        let topology = MainWorkerServer.Topology(listensForGRPC: true, embeddedWorkers: 0)
        try await MainWorkerServer.run(configuration, cluster: resolved, topology: topology, logger: logger) { restPort, grpcPort in
            say("DeltaDatabase listening on http://\(configuration.restHost):\(restPort)")
            if let grpcPort { say("gRPC listening on \(resolved.grpcHost):\(grpcPort)") }
        }
    }
}

/// Writes one line to standard output at once (no stdio buffering).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
