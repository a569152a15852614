import DeltaAuth
import DeltaCore
import Foundation
import Testing

@Suite("Failure limiter")
struct FailureLimiterTests {
    @Test("a client that keeps failing is stopped, then allowed again after the bucket refills")
    func tokenBucket() throws {
        let limiter = FailureLimiter(burst: 3, refillPerSecond: 1)
        let now = Date()
        for _ in 0..<3 {
            try limiter.check("10.0.0.1", now: now)
            limiter.recordFailure("10.0.0.1", now: now)
        }
        #expect(throws: DeltaError.self) { try limiter.check("10.0.0.1", now: now) }
        try limiter.check("10.0.0.2", now: now)
        try limiter.check("10.0.0.1", now: now.addingTimeInterval(1.5))
    }

    @Test("addresses in one IPv6 /64 share a bucket")
    func ipv6Prefix() throws {
        let limiter = FailureLimiter(burst: 3, refillPerSecond: 1)
        let now = Date()
        for host in 1...3 { limiter.recordFailure("2001:db8:1:2::\(host)", now: now) }
        #expect(throws: DeltaError.self) { try limiter.check("2001:db8:1:2:ffff::9", now: now) }
        try limiter.check("2001:db8:1:3::1", now: now)
    }

    @Test("failures from thousands of rotating sources do not reset a blocked client")
    func rotationDoesNotFlush() throws {
        let limiter = FailureLimiter(burst: 3, refillPerSecond: 0.001, maxClients: 100)
        let now = Date()
        for _ in 0..<3 { limiter.recordFailure("10.0.0.1", now: now) }
        #expect(throws: DeltaError.self) { try limiter.check("10.0.0.1", now: now) }
        for index in 0..<10_000 {
            limiter.recordFailure("2001:db8:\(String(index, radix: 16))::1", now: now)
        }
        #expect(throws: DeltaError.self) { try limiter.check("10.0.0.1", now: now) }
    }
}
