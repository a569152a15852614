import CoreMetrics
import Prometheus
import Synchronization

/// The metrics of one server process: a Prometheus registry, the prefix its names
/// carry (`deltadatabase_main_` or `deltadatabase_proc_`), and the collectors that
/// read counters kept elsewhere (cache, worker registry, process) at scrape time.
///
/// Code on a request path holds the `Counter`/`Histogram` objects it needs (see
/// `RequestMetrics`), so recording is one atomic add with no lookup. A process
/// installs one hub with `MetricsHub.install(_:)` when `-metrics-addr` is set; with
/// none installed every hook is a no-op. It never labels by entity key or database.
public final class MetricsHub: Sendable {
    /// Where the samples live and how they are rendered.
    public let registry: PrometheusCollectorRegistry
    /// The prefix of every metric name of this process.
    public let prefix: String
    private let collectors = Mutex<[@Sendable () async -> Void]>([])
    private static let installed = Mutex<MetricsHub?>(nil)

    /// A hub whose metric names start with `prefix` (see `MetricNames`).
    public init(prefix: String, registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.prefix = prefix
        self.registry = registry
    }

    /// The process's hub, nil when metrics are off.
    public static var current: MetricsHub? { installed.withLock { $0 } }

    /// Makes `hub` the process's hub and routes swift-metrics (`Counter`, `Timer`, …
    /// made by any library) into its registry under its prefix. Once per process:
    /// swift-metrics accepts one bootstrap.
    public static func install(_ hub: MetricsHub) {
        installed.withLock { $0 = hub }
        var factory = PrometheusMetricsFactory(registry: hub.registry)
        let prefix = hub.prefix
        factory.nameAndLabelSanitizer = { name, labels in (name.hasPrefix(prefix) ? name : prefix + name, labels) }
        MetricsSystem.bootstrap(factory)
    }

    /// The full name of metric `name` (without prefix) in this process.
    public func name(_ name: String) -> String { prefix + name }

    /// Adds work to run before every scrape (reading counters kept elsewhere).
    public func addCollector(_ collect: @escaping @Sendable () async -> Void) {
        collectors.withLock { $0.append(collect) }
    }

    /// Runs the collectors, then renders every sample in Prometheus's text format.
    public func scrape() async -> [UInt8] {
        for collect in collectors.withLock({ $0 }) { await collect() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        registry.emit(into: &buffer)
        return buffer
    }

    /// A counter `name` (prefixed here) with `labels`.
    public func counter(_ name: String, _ labels: [(String, String)] = []) -> Prometheus.Counter {
        registry.makeCounter(descriptor: descriptor(name), labels: labels)
    }

    /// A gauge `name` (prefixed here) with `labels`.
    public func gauge(_ name: String, _ labels: [(String, String)] = []) -> Prometheus.Gauge {
        registry.makeGauge(descriptor: descriptor(name), labels: labels)
    }

    /// A histogram of durations in seconds, `name` prefixed here.
    public func durations(
        _ name: String, _ labels: [(String, String)] = [], buckets: [Duration] = MetricsHub.latencyBuckets
    ) -> DurationHistogram {
        registry.makeDurationHistogram(descriptor: descriptor(name), labels: labels, buckets: buckets)
    }

    /// A histogram of plain values, `name` prefixed here.
    public func values(_ name: String, _ labels: [(String, String)] = [], buckets: [Double]) -> ValueHistogram {
        registry.makeValueHistogram(descriptor: descriptor(name), labels: labels, buckets: buckets)
    }

    /// The full name of `name`; docs/observability.md explains each (no `# HELP` lines).
    private func descriptor(_ name: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: prefix + name, unitName: "", helpText: "")
    }

    /// Request and commit latency buckets, 100 µs to 10 s.
    public static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(10),
    ]
}
