import Foundation
import Prometheus

/// The process's own gauges, read from `/proc/self` at each scrape: resident
/// memory, open file descriptors, CPU seconds and start time (the names
/// Prometheus client libraries use, under our prefix). On a system without
/// `/proc` the memory and descriptor gauges stay 0.
public struct ProcessMetrics: Sendable {
    private let residentBytes: Prometheus.Gauge
    private let openFiles: Prometheus.Gauge
    private let cpuSeconds: Prometheus.Gauge
    private let startTime: Prometheus.Gauge

    /// Registers the gauges on `hub` and records the start time now.
    public init(hub: MetricsHub, startedAt: Date = Date()) {
        residentBytes = hub.gauge("process_resident_memory_bytes")
        openFiles = hub.gauge("process_open_fds")
        cpuSeconds = hub.gauge("process_cpu_seconds_total")
        startTime = hub.gauge("process_start_time_seconds")
        startTime.set(startedAt.timeIntervalSince1970)
    }

    /// Registers the gauges and refreshes them before every scrape of `hub`.
    public static func install(on hub: MetricsHub) {
        let metrics = ProcessMetrics(hub: hub)
        hub.addCollector { metrics.refresh() }
    }

    /// Reads the current figures.
    public func refresh() {
        if let pages = Self.residentPages() { residentBytes.set(Double(pages * Int(sysconf(Int32(_SC_PAGESIZE))))) }
        if let count = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count {
            openFiles.set(Double(count))
        }
        var usage = rusage()
        if getrusage(Self.RUSAGE_SELF_WHO, &usage) == 0 {
            let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1_000_000
            let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1_000_000
            cpuSeconds.set(user + system)
        }
    }

    #if os(Linux)
    private static let RUSAGE_SELF_WHO = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    private static let RUSAGE_SELF_WHO = RUSAGE_SELF
    #endif

    /// Resident pages: the second field of `/proc/self/statm`.
    private static func residentPages() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        return fields.count > 1 ? Int(fields[1]) : nil
    }
}
