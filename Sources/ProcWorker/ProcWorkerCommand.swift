import ArgumentParser
import DeltaServer
import Foundation
import Logging

/// `proc-worker`: a Processing Worker (validate, encrypt, store, cache) that
/// subscribes to a Main Worker for its keys and serves its routed operations.
@main
struct ProcWorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proc-worker",
        abstract: "Run a Processing Worker: subscribes to -main-addr, serves gRPC on -grpc-addr, data in -shared-fs."
    )

    @OptionGroup var options: ProcWorkerOptions

    func run() async throws {
        let resolved = try options.resolve()
        var logger = Logger(label: "proc-worker")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        logger.info("starting", metadata: [
            "worker": "\(resolved.workerID)", "main": "\(resolved.mainAddress)", "shared-fs": "\(resolved.storage.sharedFS)",
        ])
        try await ProcessingWorkerServer.run(resolved, logger: logger) { port in
            let line = "Processing worker \(resolved.workerID) serving gRPC on \(resolved.grpcHost):\(port)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
