import Synchronization

/// A thread-safe least-recently-used cache bounded by entry count and by bytes, with
/// an optional time-to-live.
///
/// `get`, `put` and `remove` are O(1): a dictionary maps keys to slots of one array,
/// and the slots form an intrusive doubly linked list in recency order (indices, not
/// a class per node, so there is no per-entry allocation or reference counting). One
/// `Mutex` protects everything; critical sections are short and never call out.
///
/// What it does not do: it never blocks on I/O, never loads missing values, and never
/// sweeps expired entries in the background — an expired entry is dropped when it is
/// read or when it reaches the cold end of the list. Costs are whatever the caller
/// says; the cache does not measure values.
public final class LRUCache<Key: Hashable & Sendable, Value: Sendable>: Cache, Sendable {
    /// The most entries held at once.
    public let maxEntries: Int
    /// The largest total cost held at once.
    public let maxBytes: Int
    /// How long an entry stays valid after it was put; nil means no expiry.
    public let ttl: Duration?

    private let now: @Sendable () -> ContinuousClock.Instant
    private let state: Mutex<LRUState<Key, Value>>

    /// Creates an empty cache.
    ///
    /// - Parameters:
    ///   - maxEntries: the entry bound; must be at least 1.
    ///   - maxBytes: the byte bound (sum of costs); must be at least 0.
    ///   - ttl: entry lifetime; nil or zero disables expiry (pure LRU).
    ///   - now: the clock, injectable so tests can move time.
    public init(
        maxEntries: Int,
        maxBytes: Int = .max,
        ttl: Duration? = nil,
        now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }
    ) {
        precondition(maxEntries >= 1, "LRUCache needs maxEntries >= 1")
        precondition(maxBytes >= 0, "LRUCache needs maxBytes >= 0")
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
        if let ttl, ttl > .zero { self.ttl = ttl } else { self.ttl = nil }
        self.now = now
        self.state = Mutex(LRUState())
    }

    /// The value for `key`, refreshing its recency; nil if absent or expired.
    public func get(_ key: Key) -> Value? {
        get(key, counted: true)
    }

    /// `get`, optionally without counting a hit or miss: for a second look at the
    /// same key within one logical lookup, which must not count twice.
    public func get(_ key: Key, counted: Bool) -> Value? {
        let instant = ttl == nil ? nil : now()
        return state.withLock { state in
            guard let slot = state.index[key] else {
                if counted { state.stats.misses += 1 }
                return nil
            }
            if let instant, let expiry = state.slots[slot].expiresAt, expiry <= instant {
                state.unlinkAndFree(slot)
                state.stats.expirations += 1
                if counted { state.stats.misses += 1 }
                return nil
            }
            state.moveToFront(slot)
            if counted { state.stats.hits += 1 }
            return state.slots[slot].value
        }
    }

    /// Stores `value` with `cost` bytes, evicting least-recently-used entries as needed.
    /// A negative cost counts as 0. If `cost > maxBytes` the value is not cached and any
    /// previous value for `key` is removed, so a stale value is never left behind.
    public func put(_ key: Key, _ value: Value, cost: Int) {
        let cost = max(0, cost)
        let expiresAt = ttl.map { now() + $0 }
        state.withLock { state in
            if let existing = state.index[key] { state.unlinkAndFree(existing) }
            guard cost <= maxBytes else { return }
            while state.stats.count >= maxEntries || state.stats.bytes + cost > maxBytes {
                guard state.evictLeastRecentlyUsed() else { break }
            }
            state.insertAtFront(key: key, value: value, cost: cost, expiresAt: expiresAt)
        }
    }

    /// Removes `key`, returning its value if it was held (even if expired).
    @discardableResult
    public func remove(_ key: Key) -> Value? {
        state.withLock { state in
            guard let slot = state.index[key] else { return nil }
            let value = state.slots[slot].value
            state.unlinkAndFree(slot)
            return value
        }
    }

    /// Drops every entry; the hit/miss/eviction counters keep counting.
    public func removeAll() {
        state.withLock { state in state.clear() }
    }

    /// Counters and occupancy at this instant.
    public var stats: CacheStats {
        state.withLock { $0.stats }
    }
}

extension LRUCache {
    /// Whether `key` is held, without touching recency, counters or expiry.
    /// For tests and diagnostics.
    func contains(_ key: Key) -> Bool {
        state.withLock { $0.index[key] != nil }
    }

    /// Walks the recency list and counts entries, to check it against `stats.count`.
    var debugEntryCount: Int {
        state.withLock { state in
            var count = 0
            var position = state.head
            while position != -1 {
                count += 1
                position = state.slots[position].next
            }
            return count
        }
    }

    /// Sums the costs on the recency list, to check it against `stats.bytes`.
    var debugByteSum: Int {
        state.withLock { state in
            var sum = 0
            var position = state.head
            while position != -1 {
                sum += state.slots[position].cost
                position = state.slots[position].next
            }
            return sum
        }
    }
}
