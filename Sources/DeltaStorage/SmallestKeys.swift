/// The `count` bytewise-smallest of the keys offered to it, kept without sorting
/// them all: what one listing page needs from a directory of a million keys.
///
/// Keys are buffered and, whenever the buffer reaches twice `count`, sorted and
/// cut back to the `count` smallest; from then on the largest key kept is a
/// threshold that a later key must be below to matter, so most keys of a large
/// directory cost one comparison and are never stored. A key offered twice (an
/// entity with an entity file and a leftover legacy sidecar) is kept once.
struct SmallestKeys {
    let count: Int
    private var keys: [String] = []
    private var threshold: String?
    /// Whether a key was dropped because `count` smaller ones were kept: more
    /// keys exist beyond the selection.
    private(set) var truncated = false

    init(count: Int) {
        self.count = max(1, count)
        keys.reserveCapacity(min(self.count, 2048) * 2)
    }

    /// Whether `key` could still be among the smallest. A key refused here need
    /// not be checked or offered; `truncated` is already true when anything is refused.
    func admits(_ key: String) -> Bool {
        guard let threshold else { return true }
        return EntityStoreRules.bytewiseLess(key, threshold)
    }

    /// Offers an admitted key.
    mutating func insert(_ key: String) {
        keys.append(key)
        if keys.count / 2 >= count { compact() }
    }

    /// The smallest keys kept, sorted bytewise (at most `count`).
    mutating func sorted() -> [String] {
        compact()
        return keys
    }

    private mutating func compact() {
        keys.sort(by: EntityStoreRules.bytewiseLess)
        // Sorted, so copies of one key are neighbours.
        var unique = 0
        for index in keys.indices where index == 0 || !keys[index].utf8.elementsEqual(keys[unique - 1].utf8) {
            keys[unique] = keys[index]
            unique += 1
        }
        keys.removeSubrange(unique...)
        guard keys.count > count else { return }
        keys.removeSubrange(count...)
        truncated = true
        threshold = keys.last
    }
}
