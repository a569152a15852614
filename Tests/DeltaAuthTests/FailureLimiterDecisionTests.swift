import DeltaAuth
import Foundation
import Testing

@Suite("Failure limiter decisions")
struct FailureLimiterDecisionTests {
    @Test("recordFailure answers within the burst, then refuses, atomically")
    func decision() {
        let limiter = FailureLimiter(burst: 2, refillPerSecond: 1)
        let now = Date()
        #expect(limiter.recordFailure("10.0.0.1", now: now))
        #expect(limiter.recordFailure("10.0.0.1", now: now))
        #expect(!limiter.recordFailure("10.0.0.1", now: now))
        #expect(limiter.recordFailure("10.0.0.2", now: now))
        #expect(limiter.recordFailure("10.0.0.1", now: now.addingTimeInterval(1.1)))
    }

    @Test("the global bucket limits all sources together")
    func globalBucket() {
        let limiter = FailureLimiter(burst: 5, refillPerSecond: 1, globalBurst: 3, globalRefillPerSecond: 1)
        let now = Date()
        let answers = (0..<5).map { limiter.recordFailure("10.0.1.\($0)", now: now) }
        #expect(answers == [true, true, true, false, false])
    }

    @Test("an IPv4-mapped IPv6 address counts as its IPv4 address")
    func mappedIPv4() {
        let limiter = FailureLimiter(burst: 1, refillPerSecond: 0.001)
        let now = Date()
        #expect(limiter.recordFailure("::ffff:192.0.2.1", now: now))
        #expect(!limiter.recordFailure("192.0.2.1", now: now))
    }
}
