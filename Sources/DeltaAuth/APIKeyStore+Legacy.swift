import DeltaCore
import DeltaCrypto
import Foundation

extension APIKeyStore {
    /// Adds keys imported from the Go original (see `APIKeyRecord.imported`), in one
    /// atomic rewrite of the file. A record whose id is already present is left
    /// alone — as imported earlier, or upgraded since — so importing twice changes
    /// nothing.
    ///
    /// - Returns: the ids added and the ids that were already present.
    /// - Throws: `.storageFailure` if the file cannot be read or written.
    public func addImported(_ imported: [APIKeyRecord]) async throws(DeltaError) -> (added: [String], present: [String]) {
        var added: [String] = []
        var present: [String] = []
        try await mutate { records in
            var ids = Set(records.map(\.id))
            for record in imported {
                if ids.insert(record.id).inserted {
                    records.append(record)
                    added.append(record.id)
                } else {
                    present.append(record.id)
                }
            }
        }
        return (added, present)
    }

    /// The imported record behind an original-form secret (`dk_<64 hex>`), or nil.
    ///
    /// Such a secret names no key id, so every imported record is checked, each with
    /// a constant-time comparison and without stopping at a match: the time taken
    /// depends on the number of imported keys, not on which one (if any) matched.
    /// A matching record still in the original's unsalted form, enabled and not
    /// expired, is upgraded to the salted form (`upgrade(id:secret:)`).
    func legacyRecord(forSecret secret: String, now: Date) async throws(DeltaError) -> APIKeyRecord? {
        guard APIKeyRecord.isOriginalSecret(secret) else { return nil }
        let snapshot = try current()
        let bytes = Array(secret.utf8)
        let digest = SHA256.hash(bytes)
        var found: APIKeyRecord?
        for id in snapshot.order {
            guard let record = snapshot.records[id], let kind = record.legacy,
                  let expected = Hex.decode(record.hash)
            else { continue }
            let actual: [UInt8]
            switch kind {
            case .sha256:
                actual = digest
            case .salted:
                guard let salt = Hex.decode(record.salt) else { continue }
                actual = HMACSHA256.authenticate(bytes, key: salt)
            }
            if constantTimeEquals(actual, expected), found == nil { found = record }
        }
        guard let found else { return nil }
        let expired = found.expiresAt.flatMap(Self.parse).map { $0 <= now } ?? false
        if found.legacy == .sha256, found.isEnabled, !expired {
            try await upgrade(id: found.id, secret: secret)
        }
        return found
    }

    /// Replaces an imported record's unsalted SHA-256 with a fresh salt and our
    /// HMAC-SHA256 of `secret`, keeping everything else. A no-op if another process
    /// upgraded (or deleted) it meanwhile.
    func upgrade(id: String, secret: String) async throws(DeltaError) {
        let salt = SecureRandom.bytes(count: 16)
        let hash = Hex.encode(HMACSHA256.authenticate(Array(secret.utf8), key: salt))
        try await mutate { records in
            guard let index = records.firstIndex(where: { $0.id == id }), records[index].legacy == .sha256 else { return }
            records[index].salt = Hex.encode(salt)
            records[index].hash = hash
            records[index].legacy = .salted
        }
    }
}
