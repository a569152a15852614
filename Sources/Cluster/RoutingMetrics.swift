import DeltaMetrics
import Prometheus

/// The Main Worker's routing counters: `routing_decisions_total{kind}` (a worker
/// chosen because it served the key last, `affinity`, or as the least loaded,
/// `least_loaded`), `routing_failovers_total` (a read retried on another worker
/// after its worker failed) and `routing_failures_total` (no worker could serve).
public struct RoutingMetrics: Sendable {
    let affinity: Prometheus.Counter
    let leastLoaded: Prometheus.Counter
    let failovers: Prometheus.Counter
    let failures: Prometheus.Counter

    /// The counters on `hub`, all present from the start.
    public init(hub: MetricsHub) {
        affinity = hub.counter("routing_decisions_total", [("kind", "affinity")])
        leastLoaded = hub.counter("routing_decisions_total", [("kind", "least_loaded")])
        failovers = hub.counter("routing_failovers_total")
        failures = hub.counter("routing_failures_total")
    }

    func chose(byAffinity: Bool) {
        (byAffinity ? affinity : leastLoaded).increment()
    }
}

/// The Main Worker's `Subscribe` outcomes: `subscribe_requests_total{result}` with
/// `ok` or `rejected` (the original's name).
public struct SubscribeMetrics: Sendable {
    let accepted: Prometheus.Counter
    let rejected: Prometheus.Counter

    /// The counters on `hub`, both present from the start.
    public init(hub: MetricsHub) {
        accepted = hub.counter("subscribe_requests_total", [("result", "ok")])
        rejected = hub.counter("subscribe_requests_total", [("result", "rejected")])
    }
}
