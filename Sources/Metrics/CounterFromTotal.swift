import Prometheus
import Synchronization

/// A Prometheus counter that follows a running total kept elsewhere (a cache's hit
/// count, say): `advance(to:)` adds what the total grew by since the last call. A
/// total that went down (its owner restarted) is taken as a new start.
public final class CounterFromTotal: Sendable {
    private let counter: Prometheus.Counter
    private let last = Mutex<Int>(0)

    /// Follows totals into `counter`.
    public init(_ counter: Prometheus.Counter) {
        self.counter = counter
    }

    /// Moves the counter on by the growth of `total` since the previous call.
    public func advance(to total: Int) {
        let growth = last.withLock { last -> Int in
            defer { last = total }
            return total >= last ? total - last : total
        }
        if growth > 0 { counter.increment(by: Int64(growth)) }
    }
}
