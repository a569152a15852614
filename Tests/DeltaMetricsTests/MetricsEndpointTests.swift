import DeltaCore
import DeltaMetrics
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The `-metrics-addr` listener over real HTTP.
@Suite("MetricsEndpoint")
struct MetricsEndpointTests {
    @Test("GET /metrics answers the samples as Prometheus text; other paths are 404")
    func servesMetrics() async throws {
        let hub = MetricsHub(prefix: MetricNames.mainPrefix)
        hub.counter("served_total").increment()
        let port = PortBox()
        try await MetricsEndpoint.serving(hub, host: "127.0.0.1", port: 0, onListening: { port.value = $0 }) {
            let base = "http://127.0.0.1:\(port.value)"
            let (body, response) = try await URLSession.shared.data(from: URL(string: base + "/metrics")!)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(http.value(forHTTPHeaderField: "Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            #expect(String(decoding: body, as: UTF8.self).contains("deltadatabase_main_served_total 1"))
            let (_, other) = try await URLSession.shared.data(from: URL(string: base + "/")!)
            #expect((other as? HTTPURLResponse)?.statusCode == 404)
        }
    }

    @Test("an address in use is an error naming -metrics-addr")
    func addressInUse() async throws {
        let hub = MetricsHub(prefix: MetricNames.mainPrefix)
        let port = PortBox()
        try await MetricsEndpoint.serving(hub, host: "127.0.0.1", port: 0, onListening: { port.value = $0 }) {
            let error = await #expect(throws: DeltaError.self) {
                try await MetricsEndpoint.serving(hub, host: "127.0.0.1", port: port.value) {}
            }
            #expect(error?.code == .unavailable)
            #expect(error?.message.contains("-metrics-addr") == true)
        }
    }
}

/// The bound port, handed out of the listening callback (tests only).
final class PortBox: @unchecked Sendable {
    var value = 0
}
