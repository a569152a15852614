/// A fixed-capacity map that evicts its least recently touched entry when
/// full, with O(1) lookup, touch, insert and eviction (a dictionary of slots
/// threaded on a doubly linked list, most recent at the head).
///
/// `FailureLimiter` keeps one bucket per failing source in it: sources that
/// stopped failing long ago make room first.
struct RecencyTable<Key: Hashable, Value> {
    private struct Slot {
        var key: Key
        var value: Value
        var newer: Int
        var older: Int
    }

    private var slots: [Slot] = []
    private var index: [Key: Int] = [:]
    private var newest = -1
    private var oldest = -1
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { index.count }

    /// The value for `key`, without touching it.
    func peek(_ key: Key) -> Value? {
        index[key].map { slots[$0].value }
    }

    /// Stores `value` under `key` and makes it the most recent entry, evicting
    /// the least recent one if the table is full.
    mutating func set(_ key: Key, _ value: Value) {
        if let slot = index[key] {
            slots[slot].value = value
            unlink(slot)
            pushNewest(slot)
            return
        }
        let slot: Int
        if index.count >= capacity {
            slot = oldest
            unlink(slot)
            index[slots[slot].key] = nil
            slots[slot] = Slot(key: key, value: value, newer: -1, older: -1)
        } else {
            slot = slots.count
            slots.append(Slot(key: key, value: value, newer: -1, older: -1))
        }
        index[key] = slot
        pushNewest(slot)
    }

    private mutating func unlink(_ slot: Int) {
        let (newer, older) = (slots[slot].newer, slots[slot].older)
        if newer >= 0 { slots[newer].older = older } else { newest = older }
        if older >= 0 { slots[older].newer = newer } else { oldest = newer }
    }

    private mutating func pushNewest(_ slot: Int) {
        slots[slot].newer = -1
        slots[slot].older = newest
        if newest >= 0 { slots[newest].newer = slot }
        newest = slot
        if oldest < 0 { oldest = slot }
    }
}
