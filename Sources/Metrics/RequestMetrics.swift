import Prometheus
import Synchronization

/// Counts and times the requests of one transport (REST or gRPC).
///
/// Each request adds to `<count>{operation,status}` and `<duration>{operation}`
/// (the original's names, e.g. `http_requests_total` and
/// `http_request_duration_seconds`), to `requests_total{operation,status,transport}`
/// and `request_duration_seconds{operation,transport}` (the same figures for every
/// transport under one name), and to the bytes read and written. Operations are the
/// spec's operation ids and statuses HTTP codes or gRPC error codes, so the label
/// sets stay small; the series of a label pair are made once and then kept.
public final class RequestMetrics: Sendable {
    private struct Series: Sendable {
        let count: Prometheus.Counter
        let all: Prometheus.Counter
    }

    private struct Timing: Sendable {
        let duration: DurationHistogram
        let all: DurationHistogram
    }

    private let hub: MetricsHub
    private let transport: String
    private let countName: String
    private let durationName: String
    private let series = Mutex<[String: Series]>([:])
    private let timings = Mutex<[String: Timing]>([:])
    private let bytesIn: Prometheus.Counter
    private let bytesOut: Prometheus.Counter

    /// Metrics of `transport` ("rest" or "grpc") named `countName` and `durationName`.
    public init(hub: MetricsHub, transport: String, countName: String, durationName: String) {
        self.hub = hub
        self.transport = transport
        self.countName = countName
        self.durationName = durationName
        bytesIn = hub.counter("request_bytes_total", [("transport", transport)])
        bytesOut = hub.counter("response_bytes_total", [("transport", transport)])
    }

    /// The REST metrics of the all-in-one server and the Main Worker.
    public static func rest(_ hub: MetricsHub) -> RequestMetrics {
        RequestMetrics(hub: hub, transport: "rest", countName: "http_requests_total", durationName: "http_request_duration_seconds")
    }

    /// The gRPC `Process` metrics (the original's `process_requests_total`).
    public static func process(_ hub: MetricsHub) -> RequestMetrics {
        RequestMetrics(hub: hub, transport: "grpc", countName: "process_requests_total", durationName: "process_request_duration_seconds")
    }

    /// Records one finished request.
    public func record(operation: String, status: String, duration: Duration, bytesIn: Int, bytesOut: Int) {
        let key = operation + " " + status
        let counted = series.withLock { cache -> Series in
            if let found = cache[key] { return found }
            let made = Series(
                count: hub.counter(countName, [("operation", operation), ("status", status)]),
                all: hub.counter("requests_total", [("operation", operation), ("status", status), ("transport", transport)])
            )
            cache[key] = made
            return made
        }
        let timed = timings.withLock { cache -> Timing in
            if let found = cache[operation] { return found }
            let made = Timing(
                duration: hub.durations(durationName, [("operation", operation)]),
                all: hub.durations("request_duration_seconds", [("operation", operation), ("transport", transport)])
            )
            cache[operation] = made
            return made
        }
        counted.count.increment()
        counted.all.increment()
        timed.duration.record(duration)
        timed.all.record(duration)
        if bytesIn > 0 { self.bytesIn.increment(by: Int64(bytesIn)) }
        if bytesOut > 0 { self.bytesOut.increment(by: Int64(bytesOut)) }
    }
}
