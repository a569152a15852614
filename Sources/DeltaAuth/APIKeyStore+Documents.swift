import DeltaCore
import Foundation

extension APIKeyStore {
    struct FileContents: Codable {
        var keys: [APIKeyRecord]
    }

    /// The records of the store's local copy, decoded again only when it changed.
    func current() throws(DeltaError) -> Snapshot {
        try snapshot(of: documents.cached(name))
    }

    /// The records as stored now (a request to a bucket; a stat for a directory).
    func refreshed() async throws(DeltaError) -> Snapshot {
        try snapshot(of: await documents.current(name))
    }

    private func snapshot(of document: SharedDocument?) throws(DeltaError) -> Snapshot {
        if let cached = state.withLock({ $0.revision == document?.revision && document != nil ? $0 : nil }) {
            return cached
        }
        var snapshot = Snapshot(revision: document?.revision)
        for record in try decode(document) {
            snapshot.records[record.id] = record
            snapshot.order.append(record.id)
        }
        state.withLock { $0 = snapshot }
        return snapshot
    }

    /// Read-modify-write, atomic against every process sharing the store.
    func mutate(_ change: (inout [APIKeyRecord]) -> Void) async throws(DeltaError) {
        try await documents.update(name) { (document) throws(DeltaError) -> [UInt8]? in
            var records = try decode(document)
            change(&records)
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                return Array(try encoder.encode(FileContents(keys: records)))
            } catch {
                throw DeltaError(.internal, "cannot encode the key store", cause: error)
            }
        }
        _ = try current()
    }

    private func decode(_ document: SharedDocument?) throws(DeltaError) -> [APIKeyRecord] {
        guard let document else { return [] }
        do {
            return try JSONDecoder().decode(FileContents.self, from: Data(document.bytes)).keys
        } catch {
            throw DeltaError(.storageFailure, "the key store \(location) is not valid; restore it from a backup", cause: error)
        }
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
