import Foundation
import Logging

/// What the executables print to the operator's terminal, apart from the log.
public enum Console {
    /// Writes one line to standard output at once (no stdio buffering), so an
    /// operator or a script waiting for it sees it even when output is piped.
    public static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A logger on standard error whose level comes from `LOG_LEVEL` (default info).
    public static func logger(_ label: String) -> Logger {
        var logger = Logger(label: label) { ConsoleLogHandler(label: $0) }
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    /// Prints generated secrets once. They go to the terminal only: never to the
    /// log, never to the data directory.
    public static func announce(_ generated: ServerOptions.GeneratedSecrets) {
        if let adminKey = generated.adminKey {
            say("Generated admin key (pass -admin-key or ADMIN_KEY to keep it): \(adminKey)")
        }
        if let masterKey = generated.masterKeyHex {
            say("Generated new master encryption key")
            say("Key (hex): \(masterKey)  ← save this!")
            say("WARNING: data written now is unreadable without this key; pass -master-key, MASTER_KEY or -master-key-file on the next start.")
        }
    }
}
