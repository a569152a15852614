import DeltaMetrics
import Testing

/// A counter that follows a running total kept elsewhere.
@Suite("CounterFromTotal")
struct CounterFromTotalTests {
    @Test("adds the growth of the total; a total that fell is a new start")
    func followsTotal() async {
        let hub = MetricsHub(prefix: MetricNames.mainPrefix)
        let follower = CounterFromTotal(hub.counter("hits_total"))
        follower.advance(to: 5)
        follower.advance(to: 8)
        #expect(String(decoding: await hub.scrape(), as: UTF8.self).contains("deltadatabase_main_hits_total 8"))
        follower.advance(to: 2)  // the owner restarted from zero and counted 2
        #expect(String(decoding: await hub.scrape(), as: UTF8.self).contains("deltadatabase_main_hits_total 10"))
    }
}
