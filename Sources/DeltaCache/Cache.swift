/// A bounded in-memory key-value cache, so the code that uses a cache can be handed
/// a different policy (or a no-op) without changing.
///
/// A cache is an optimisation, never the source of truth: every method may forget an
/// entry at any time, and callers must be prepared for `get` to return nil. It does
/// not check whether a cached value is still current; callers that need coherence
/// (e.g. entity caches across workers) compare a version before trusting a hit.
public protocol Cache<Key, Value>: Sendable {
    /// The key type; hashed, so equality must be exactly the identity callers mean.
    associatedtype Key: Hashable & Sendable
    /// The cached value type.
    associatedtype Value: Sendable

    /// The value for `key`, or nil on a miss (absent or expired). A hit marks the
    /// entry as most recently used.
    func get(_ key: Key) -> Value?

    /// Stores `value` under `key` with a size of `cost` bytes, replacing any previous
    /// value for the key. May evict other entries to stay within bounds; a value that
    /// alone exceeds the byte bound is not stored (and any older value is dropped).
    func put(_ key: Key, _ value: Value, cost: Int)

    /// Removes `key`, returning its value if it was cached.
    @discardableResult
    func remove(_ key: Key) -> Value?

    /// Removes every entry. Counters are kept.
    func removeAll()

    /// Counters and current occupancy.
    var stats: CacheStats { get }
}

/// A snapshot of a cache's counters and occupancy.
public struct CacheStats: Sendable, Equatable, CustomStringConvertible {
    /// `get` calls that returned a value.
    public var hits: Int
    /// `get` calls that returned nil (including expired entries).
    public var misses: Int
    /// Entries dropped to stay within `maxEntries` / `maxBytes`.
    public var evictions: Int
    /// Entries dropped because their TTL had passed.
    public var expirations: Int
    /// Entries currently held (expired ones count until they are touched or evicted).
    public var count: Int
    /// Sum of the costs of the entries currently held.
    public var bytes: Int

    /// Creates a snapshot.
    public init(hits: Int = 0, misses: Int = 0, evictions: Int = 0, expirations: Int = 0, count: Int = 0, bytes: Int = 0) {
        self.hits = hits
        self.misses = misses
        self.evictions = evictions
        self.expirations = expirations
        self.count = count
        self.bytes = bytes
    }

    public var description: String {
        "hits=\(hits) misses=\(misses) evictions=\(evictions) expirations=\(expirations) count=\(count) bytes=\(bytes)"
    }
}
