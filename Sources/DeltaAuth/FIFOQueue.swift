/// A first-in, first-out queue with O(1) amortised push and pop (an array and
/// a head index, compacted as the head advances).
///
/// The session table keeps its issue order in these; entries whose session
/// has already gone are skipped when they reach the front.
struct FIFOQueue<Element> {
    private var storage: [Element] = []
    private var head = 0

    /// Elements still queued.
    var count: Int { storage.count - head }
    var isEmpty: Bool { head == storage.count }
    var first: Element? { isEmpty ? nil : storage[head] }

    mutating func append(_ element: Element) {
        storage.append(element)
    }

    mutating func popFirst() -> Element? {
        guard !isEmpty else { return nil }
        let element = storage[head]
        head += 1
        // Reclaim the consumed prefix once it is at least half the array.
        if head >= 32, head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Drops every element `keep` rejects, keeping order; O(count).
    mutating func filter(_ keep: (Element) -> Bool) {
        storage = storage[head...].filter(keep)
        head = 0
    }
}
