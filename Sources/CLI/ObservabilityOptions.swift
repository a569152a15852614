import ArgumentParser
import DeltaCluster
import DeltaCore
import DeltaMetrics
import DeltaStorage
import Foundation
import Logging
import Synchronization

/// The flags every executable shares for being watched: `-metrics-addr` (the
/// original's: Prometheus metrics on their own listener, empty = off) and
/// `-log-format` (`text`, the default, or `json`: one JSON object per line).
public struct ObservabilityOptions: ParsableArguments, Sendable {
    @Option(name: .seed("metrics-addr"), help: "host:port serving Prometheus metrics at /metrics (e.g. 127.0.0.1:9090); empty (the default) serves none.")
    public var metricsAddr: String?

    @Option(name: .seed("log-format"), help: "Log lines as 'text' (the default) or 'json' (one object per line, for log shippers).")
    public var logFormat: String = "text"

    public init() {}

    /// How log lines are written.
    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    public func validate() throws {
        _ = try resolvedLogFormat()
        _ = try resolvedMetricsAddress()
    }

    /// The chosen log format.
    ///
    /// - Throws: `.badRequest` naming the accepted values.
    public func resolvedLogFormat() throws(DeltaError) -> LogFormat {
        guard let format = LogFormat(rawValue: logFormat.lowercased()) else {
            throw DeltaError(.badRequest, "-log-format must be 'text' or 'json', not '\(logFormat)'")
        }
        return format
    }

    /// Where metrics are served, nil when off (no flag or an empty value).
    ///
    /// - Throws: `.badRequest` for an address that is not host:port.
    public func resolvedMetricsAddress() throws(DeltaError) -> (host: String, port: Int)? {
        guard let metricsAddr, !metricsAddr.isEmpty else { return nil }
        do {
            return try NetworkAddress.parse(metricsAddr, flag: "-metrics-addr")
        } catch {
            throw DeltaError(.badRequest, "-metrics-addr must be host:port (e.g. 127.0.0.1:9090), or empty to serve no metrics; got '\(metricsAddr)'")
        }
    }

    /// A logger for `label` in the chosen format (see `Console.logger`).
    public func logger(_ label: String) -> Logger {
        Console.logger(label, format: (try? resolvedLogFormat()) ?? .text)
    }

    /// Runs `body` with metrics served on `-metrics-addr` under `prefix` when it is
    /// set: installs the process's `MetricsHub` (process gauges, storage commits and
    /// recovery included) before `body` builds anything, and closes the listener
    /// after. Without the flag it just runs `body`.
    ///
    /// - Throws: `.unavailable` if the address cannot be bound; what `body` throws.
    public func servingMetrics<T: Sendable>(
        prefix: String, logger: Logger, _ body: () async throws -> T
    ) async throws -> T {
        Self.logRecoveryProgress(to: logger)
        guard let (host, port) = try resolvedMetricsAddress() else { return try await body() }
        let hub = MetricsHub(prefix: prefix)
        MetricsHub.install(hub)
        ProcessMetrics.install(on: hub)
        EngineAssembly.observeStorage(on: hub)
        return try await MetricsEndpoint.serving(hub, host: host, port: port, onListening: { bound in
            logger.info("serving metrics", metadata: ["address": "http://\(host):\(bound)/metrics"])
            Console.say("Metrics on http://\(host):\(bound)/metrics")
        }, body)
    }

    /// Logs start-up recovery's progress: a line every 5 s while it scans, and a
    /// summary when it ends (files scanned, time, rate).
    static func logRecoveryProgress(to logger: Logger) {
        let current = Mutex<(reporter: ProgressReporter?, scanned: Int)>((nil, 0))
        StorageEvents.observe(StorageEvents.Observer(
            recoveryScanned: { files in
                let (reporter, scanned) = current.withLock { state -> (ProgressReporter?, Int) in
                    state.scanned += files
                    return (state.reporter, state.scanned)
                }
                reporter?.update(done: scanned)
            },
            recoveryRunning: { running in
                if running {
                    let reporter = ProgressReporter(task: "recovery", unit: "files", style: .lines(interval: .seconds(5))) {
                        logger.info("\($0)")
                    }
                    current.withLock { $0 = (reporter, 0) }
                } else {
                    current.withLock { state in defer { state.reporter = nil }; return state.reporter }?.finish()
                }
            }
        ))
    }
}
