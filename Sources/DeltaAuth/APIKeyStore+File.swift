import DeltaCore
import Foundation

extension APIKeyStore {
    struct FileContents: Codable {
        var keys: [APIKeyRecord]
    }

    /// The records as the file holds them now, reloading if the file changed.
    func current() throws(DeltaError) -> Snapshot {
        let stamp = SharedFile.stamp(path)
        if let cached = state.withLock({ $0.stamp == stamp && stamp != nil ? $0 : nil }) {
            return cached
        }
        let records = try load()
        var snapshot = Snapshot(stamp: stamp)
        for record in records {
            snapshot.records[record.id] = record
            snapshot.order.append(record.id)
        }
        state.withLock { $0 = snapshot }
        return snapshot
    }

    /// Read-modify-write under an exclusive flock shared by every process.
    func mutate(_ change: (inout [APIKeyRecord]) -> Void) throws(DeltaError) {
        try SharedFile.withLock(path) { () throws(DeltaError) in
            var records = try load()
            change(&records)
            let data: Data
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                data = try encoder.encode(FileContents(keys: records))
            } catch {
                throw DeltaError(.internal, "cannot encode the key store", cause: error)
            }
            try SharedFile.replace(path, with: Array(data), mode: 0o600)
        }
        _ = try current()
    }

    private func load() throws(DeltaError) -> [APIKeyRecord] {
        guard let bytes = try SharedFile.read(path) else { return [] }
        do {
            return try JSONDecoder().decode(FileContents.self, from: Data(bytes)).keys
        } catch {
            throw DeltaError(.storageFailure, "the key store '\(path)' is not valid; restore it from a backup", cause: error)
        }
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
