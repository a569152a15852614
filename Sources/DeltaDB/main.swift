import ArgumentParser
import DeltaServer
import Foundation
import Hummingbird
import Logging

/// `deltadb`: the all-in-one DeltaDatabase server (a Main Worker with its
/// Processing Worker in one process).
@main
struct DeltaDBCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deltadb",
        abstract: "Run the all-in-one DeltaDatabase server (REST on -rest-addr, data in -shared-fs)."
    )

    @OptionGroup var options: ServerOptions

    func run() async throws {
        let (configuration, generated) = try options.resolve()
        // Generated secrets go to the operator's terminal once, never to the log
        // or the data directory.
        if let adminKey = generated.adminKey {
            say("Generated admin key (pass -admin-key or ADMIN_KEY to keep it): \(adminKey)")
        }
        if let masterKey = generated.masterKeyHex {
            say("Generated new master encryption key")
            say("Key (hex): \(masterKey)  ← save this!")
            say("WARNING: data written now is unreadable without this key; pass -master-key, MASTER_KEY or -master-key-file on the next start.")
        }
        var logger = Logger(label: "deltadb")
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        logger.info("starting", metadata: ["config": "\(configuration)"])
        let app = try await DeltaServer.makeApplication(configuration, logger: logger) { port in
            // FileHandle writes unbuffered, so scripts waiting for this line see it at once.
            FileHandle.standardOutput.write(Data("DeltaDatabase listening on http://\(configuration.restHost):\(port)\n".utf8))
        }
        try await app.runService()
    }
}

/// Writes one line to standard output at once (no stdio buffering), so an
/// operator or a script sees it even when output is piped.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
