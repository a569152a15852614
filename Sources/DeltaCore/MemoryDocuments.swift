import Synchronization

/// Shared documents in memory, for tests: the same contract as a directory or a
/// bucket (revisions change on every write, updates are atomic), shared by every
/// holder of the instance. Nothing survives the process.
public final class MemoryDocuments: SharedDocumentStore {
    private let documents = Mutex<[String: SharedDocument]>([:])
    private let counter = Atomic<UInt64>(0)

    public init() {}

    public var staleness: Duration { .zero }

    public func location(of name: String) -> String {
        "memory:\(name)"
    }

    public func cached(_ name: String) throws(DeltaError) -> SharedDocument? {
        documents.withLock { $0[name] }
    }

    public func current(_ name: String) async throws(DeltaError) -> SharedDocument? {
        try cached(name)
    }

    public func names(under prefix: String) async throws(DeltaError) -> [String] {
        documents.withLock { documents in
            documents.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    public func update(
        _ name: String, _ change: (SharedDocument?) throws(DeltaError) -> [UInt8]?
    ) async throws(DeltaError) {
        try documents.withLock { (documents: inout [String: SharedDocument]) throws(DeltaError) in
            if let bytes = try change(documents[name]) {
                let revision = counter.add(1, ordering: .relaxed).newValue
                documents[name] = SharedDocument(bytes: bytes, revision: String(revision))
            } else {
                documents[name] = nil
            }
        }
    }
}
