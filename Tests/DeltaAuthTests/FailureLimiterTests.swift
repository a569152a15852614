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
}
