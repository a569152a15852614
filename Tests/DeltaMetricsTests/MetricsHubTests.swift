import DeltaMetrics
import Testing

/// The hub renders every sample under its prefix and runs collectors first.
@Suite("MetricsHub")
struct MetricsHubTests {
    @Test("a counter is rendered under the hub's prefix in Prometheus text format")
    func prefixedCounter() async {
        let hub = MetricsHub(prefix: MetricNames.procPrefix)
        hub.counter("things_total", [("kind", "a")]).increment(by: Int64(3))
        let text = String(decoding: await hub.scrape(), as: UTF8.self)
        #expect(text.contains("# TYPE deltadatabase_proc_things_total counter"))
        #expect(text.contains("deltadatabase_proc_things_total{kind=\"a\"} 3"))
    }

    @Test("collectors run before every scrape, so gauges show the current value")
    func collectorsRunAtScrape() async {
        let hub = MetricsHub(prefix: MetricNames.mainPrefix)
        let gauge = hub.gauge("level")
        let source = Box()
        hub.addCollector { gauge.set(Double(source.value)) }
        source.value = 7
        #expect(String(decoding: await hub.scrape(), as: UTF8.self).contains("deltadatabase_main_level 7"))
        source.value = 9
        #expect(String(decoding: await hub.scrape(), as: UTF8.self).contains("deltadatabase_main_level 9"))
    }

    @Test("process gauges report a resident size, open descriptors and a start time")
    func processGauges() async throws {
        let hub = MetricsHub(prefix: MetricNames.mainPrefix)
        ProcessMetrics.install(on: hub)
        let text = String(decoding: await hub.scrape(), as: UTF8.self)
        for name in ["process_resident_memory_bytes", "process_open_fds", "process_start_time_seconds"] {
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("deltadatabase_main_\(name) ") })
            let value = try #require(Double(line.split(separator: " ").last ?? ""))
            #expect(value > 0, "\(name) is \(value)")
        }
    }
}

/// A value a collector reads (tests only).
final class Box: @unchecked Sendable {
    var value = 0
}
