/// The mutable inside of `LRUCache`, only touched with its mutex held.
///
/// Slots live in one array; freed slots are reused through a free list so the array
/// never shrinks or fragments. `head` is the most recently used slot, `tail` the
/// least; `-1` means "none".
struct LRUState<Key: Hashable, Value> {
    struct Slot {
        var key: Key?
        var value: Value?
        var cost: Int
        var expiresAt: ContinuousClock.Instant?
        var previous: Int
        var next: Int
    }

    var slots: [Slot] = []
    var index: [Key: Int] = [:]
    var freeSlots: [Int] = []
    var head = -1
    var tail = -1
    var stats = CacheStats()

    mutating func insertAtFront(key: Key, value: Value, cost: Int, expiresAt: ContinuousClock.Instant?) {
        let slot = Slot(key: key, value: value, cost: cost, expiresAt: expiresAt, previous: -1, next: head)
        let position: Int
        if let free = freeSlots.popLast() {
            slots[free] = slot
            position = free
        } else {
            slots.append(slot)
            position = slots.count - 1
        }
        if head != -1 { slots[head].previous = position }
        head = position
        if tail == -1 { tail = position }
        index[key] = position
        stats.count += 1
        stats.bytes += cost
    }

    mutating func moveToFront(_ position: Int) {
        guard position != head else { return }
        unlink(position)
        slots[position].previous = -1
        slots[position].next = head
        if head != -1 { slots[head].previous = position }
        head = position
        if tail == -1 { tail = position }
    }

    /// Drops the coldest entry; false when the cache is empty.
    mutating func evictLeastRecentlyUsed() -> Bool {
        guard tail != -1 else { return false }
        unlinkAndFree(tail)
        stats.evictions += 1
        return true
    }

    mutating func unlinkAndFree(_ position: Int) {
        unlink(position)
        if let key = slots[position].key { index[key] = nil }
        stats.count -= 1
        stats.bytes -= slots[position].cost
        // Release key and value now rather than when the slot is reused.
        slots[position] = Slot(key: nil, value: nil, cost: 0, expiresAt: nil, previous: -1, next: -1)
        freeSlots.append(position)
    }

    mutating func clear() {
        slots.removeAll()
        index.removeAll()
        freeSlots.removeAll()
        head = -1
        tail = -1
        stats.count = 0
        stats.bytes = 0
    }

    private mutating func unlink(_ position: Int) {
        let previous = slots[position].previous
        let next = slots[position].next
        if previous != -1 { slots[previous].next = next } else { head = next }
        if next != -1 { slots[next].previous = previous } else { tail = previous }
    }
}
