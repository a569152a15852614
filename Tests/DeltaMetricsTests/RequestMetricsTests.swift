import DeltaMetrics
import Testing

/// Requests are counted by operation and status, timed by operation, under the
/// original's names and the per-transport ones.
@Suite("RequestMetrics")
struct RequestMetricsTests {
    @Test("REST requests count under http_requests_total and requests_total{transport=\"rest\"}")
    func restNames() async {
        let hub = MetricsHub(prefix: MetricNames.mainPrefix)
        let metrics = RequestMetrics.rest(hub)
        metrics.record(operation: "getEntity", status: "200", duration: .milliseconds(3), bytesIn: 0, bytesOut: 120)
        metrics.record(operation: "getEntity", status: "200", duration: .milliseconds(30), bytesIn: 0, bytesOut: 80)
        metrics.record(operation: "getEntity", status: "404", duration: .milliseconds(1), bytesIn: 10, bytesOut: 50)
        let text = String(decoding: await hub.scrape(), as: UTF8.self)
        #expect(text.contains("deltadatabase_main_http_requests_total{operation=\"getEntity\",status=\"200\"} 2"))
        #expect(text.contains("deltadatabase_main_http_requests_total{operation=\"getEntity\",status=\"404\"} 1"))
        #expect(text.contains("deltadatabase_main_requests_total{operation=\"getEntity\",status=\"200\",transport=\"rest\"} 2"))
        #expect(text.contains("deltadatabase_main_http_request_duration_seconds_count{operation=\"getEntity\"} 3"))
        #expect(text.contains("deltadatabase_main_http_request_duration_seconds_bucket{operation=\"getEntity\",le=\"0.005\"} 2"))
        #expect(text.contains("deltadatabase_main_response_bytes_total{transport=\"rest\"} 250"))
        #expect(text.contains("deltadatabase_main_request_bytes_total{transport=\"rest\"} 10"))
    }

    @Test("gRPC Process requests count under process_requests_total")
    func processNames() async {
        let hub = MetricsHub(prefix: MetricNames.procPrefix)
        RequestMetrics.process(hub).record(operation: "get", status: "ok", duration: .microseconds(200), bytesIn: 0, bytesOut: 9)
        let text = String(decoding: await hub.scrape(), as: UTF8.self)
        #expect(text.contains("deltadatabase_proc_process_requests_total{operation=\"get\",status=\"ok\"} 1"))
        #expect(text.contains("deltadatabase_proc_requests_total{operation=\"get\",status=\"ok\",transport=\"grpc\"} 1"))
    }

    @Test("error codes count under errors_total, three of them also under their own names, all from zero")
    func errors() async {
        let hub = MetricsHub(prefix: MetricNames.mainPrefix)
        let errors = ErrorMetrics(hub: hub)
        var text = String(decoding: await hub.scrape(), as: UTF8.self)
        #expect(text.contains("deltadatabase_main_auth_failures_total 0"))
        #expect(text.contains("deltadatabase_main_schema_validation_failures_total 0"))
        errors.record(code: "unauthorized")
        errors.record(code: "too_many_requests")
        errors.record(code: "schema_violation")
        errors.record(code: "schema_violation")
        text = String(decoding: await hub.scrape(), as: UTF8.self)
        #expect(text.contains("deltadatabase_main_auth_failures_total 1"))
        #expect(text.contains("deltadatabase_main_throttled_requests_total 1"))
        #expect(text.contains("deltadatabase_main_schema_validation_failures_total 2"))
        #expect(text.contains("deltadatabase_main_errors_total{code=\"schema_violation\"} 2"))
    }
}
