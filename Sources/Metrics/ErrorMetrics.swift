import Prometheus
import Synchronization

/// Counts the errors answered to clients by their `DeltaError` code
/// (`errors_total{code}`: a closed set), with three of them also under names of
/// their own that the alert rules use: `auth_failures_total` (unauthorized),
/// `throttled_requests_total` (too many requests) and
/// `schema_validation_failures_total` (schema violations). Every series exists
/// from the start at 0, so a rate over them is defined before the first error.
public final class ErrorMetrics: Sendable {
    private let hub: MetricsHub
    private let byCode = Mutex<[String: Prometheus.Counter]>([:])
    private let authFailures: Prometheus.Counter
    private let throttled: Prometheus.Counter
    private let schemaViolations: Prometheus.Counter

    /// Registers the counters on `hub`.
    public init(hub: MetricsHub) {
        self.hub = hub
        authFailures = hub.counter("auth_failures_total")
        throttled = hub.counter("throttled_requests_total")
        schemaViolations = hub.counter("schema_validation_failures_total")
        for code in ["unauthorized", "too_many_requests", "schema_violation", "not_found", "internal", "unavailable"] {
            _ = counter(code)
        }
    }

    /// Counts one error answered with `code` (a `DeltaError.Code` raw value).
    public func record(code: String) {
        counter(code).increment()
        switch code {
        case "unauthorized": authFailures.increment()
        case "too_many_requests": throttled.increment()
        case "schema_violation": schemaViolations.increment()
        default: break
        }
    }

    private func counter(_ code: String) -> Prometheus.Counter {
        byCode.withLock { cache in
            if let found = cache[code] { return found }
            let made = hub.counter("errors_total", [("code", code)])
            cache[code] = made
            return made
        }
    }
}
