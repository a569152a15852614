import DeltaCore
import DeltaStorage

/// Re-encrypts every entity under the keyring's active key, so retired keys can
/// be dropped from `-previous-keys-file` afterwards.
///
/// Each entity sealed with another key is decrypted with the key its metadata
/// names and stored again, with the same document, schema stamp and `updated_at`,
/// as a new version sealed with the active key (a storage write, so it is as
/// durable and crash-safe as any other). Entities already under the active key are
/// skipped, which makes a run resumable: run it again after an interruption. A
/// concurrent client write simply wins; the entity is checked again. It never
/// logs documents.
public struct Rewrapper: Sendable {
    public let store: any EntityStore
    public let sealer: EntitySealer

    /// A job over every entity of `store`, re-sealing with `sealer`'s active key.
    public init(store: any EntityStore, sealer: EntitySealer) {
        self.store = store
        self.sealer = sealer
    }

    /// Counts of one run.
    public struct Report: Sendable, Equatable, CustomStringConvertible {
        public var checked = 0
        public var rewrapped = 0
        /// `database/key: code: message` of each entity that could not be rewrapped.
        public var failed: [String] = []

        public var description: String {
            "checked \(checked), rewrapped \(rewrapped), failed \(failed.count)"
        }
    }

    /// Walks every database and entity (from storage, bytewise order).
    ///
    /// - Parameter progress: called after each database and every 1,000 entities.
    /// - Throws: `.keyUnavailable` if no keyring is installed; storage listing errors.
    ///   Per-entity failures (e.g. a key missing from the keyring, tampered data)
    ///   are collected in the report instead, so one bad entity does not stop the run.
    public func run(progress: (String, Report) -> Void = { _, _ in }) async throws(DeltaError) -> Report {
        let activeKeyID = try sealer.keyring.current().activeKeyID
        var report = Report()
        for database in try await store.listDatabases() {
            var after: String?
            repeat {
                let page = try await store.listEntities(database: database, prefix: "", after: after, limit: 1000)
                for row in page.entities {
                    report.checked += 1
                    do throws(DeltaError) {
                        if try await rewrap(EntityID(database: database, key: row.key), to: activeKeyID) { report.rewrapped += 1 }
                    } catch {
                        report.failed.append("\(database)/\(row.key): \(error.code.rawValue): \(error.message)")
                    }
                    if report.checked % 1000 == 0 { progress(database, report) }
                }
                after = page.nextCursor
            } while after != nil
            progress(database, report)
        }
        return report
    }

    /// Rewraps one entity if it is not under `activeKeyID`; true if it was rewritten.
    public func rewrap(_ id: EntityID, to activeKeyID: String) async throws(DeltaError) -> Bool {
        for _ in 0..<8 {
            guard let stored = try await store.read(id), stored.metadata.keyID != activeKeyID else { return false }
            let plaintext = try sealer.open(stored, for: id)
            let base = stored.metadata
            let stamp = base.schemaID.map { SchemaStamp(id: $0, version: base.schemaVersion) }
            do throws(DeltaError) {
                _ = try await store.write(id) { (current) throws(DeltaError) in
                    guard let current, current.version == base.version else { throw DeltaError(.concurrentWrite, "entity changed during rewrap") }
                    return try sealer.seal(plaintext, for: id, after: current, now: current.updatedAt, schema: stamp)
                }
                return true
            } catch where error.code == .concurrentWrite {
                continue  // a client wrote or deleted meanwhile: look again
            }
        }
        throw DeltaError(.unavailable, "entity '\(id.key)' kept changing during the rewrap; run the rewrap again")
    }

}
