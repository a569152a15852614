import DeltaCluster
import Foundation
import Logging

/// What the executables print to the operator's terminal, apart from the log.
public enum Console {
    /// Writes one line to standard output at once (no stdio buffering), so an
    /// operator or a script waiting for it sees it even when output is piped.
    public static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// A logger on standard error whose level comes from `LOG_LEVEL` (default info),
    /// writing text lines or, with `.json`, one JSON object per line.
    public static func logger(_ label: String, format: ObservabilityOptions.LogFormat = .text) -> Logger {
        var logger = switch format {
        case .text: Logger(label: label) { ConsoleLogHandler(label: $0) }
        case .json: Logger(label: label) { JSONLogHandler(label: $0) }
        }
        logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
        return logger
    }

    /// Tells the operator where generated secrets were written (the paths, never
    /// the secrets: standard output is a log under a service manager or a
    /// container) and logs the resolver's warnings.
    public static func announce(_ generated: ServerOptions.GeneratedSecrets, logger: Logger) {
        if let path = generated.adminKeyFile {
            say("Generated an admin key in \(path) (mode 0600); send it as 'Authorization: Bearer <key>'. "
                + "The next start reads it again; pass -admin-key-file=\(path) to be explicit.")
        }
        if let path = generated.masterKeyFile {
            say("Generated a new master encryption key in \(path) (mode 0600). Back it up: data written now is "
                + "unreadable without it. The next start reads it again; pass -master-key-file=\(path) to be explicit.")
        }
        for warning in generated.warnings { logger.warning("\(warning)") }
    }

    /// Tells the operator where a generated worker secret was written.
    public static func announceWorkerSecret(_ cluster: ClusterConfiguration, logger: Logger) {
        for warning in cluster.warnings { logger.warning("\(warning)") }
        guard let path = cluster.generatedSecretFile else { return }
        say("Generated a worker secret in \(path) (mode 0600): give it to every proc-worker as -worker-secret-file.")
    }
}
