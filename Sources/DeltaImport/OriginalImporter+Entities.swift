import DeltaCore
import DeltaEngine
import DeltaJSON
import DeltaStorage
import Foundation

extension OriginalImporter {
    /// What happened to one entity file.
    struct EntityResult: Sendable {
        enum Status: Sendable { case imported, skipped, failed }
        var fileID: String
        var status: Status
        var reason = ""
        /// The resolved name (nil when it could not be resolved).
        var name: OriginalEntityName?
        /// The schema the original recorded, for bindings (nil for none or failed).
        var schemaID: String?
    }

    /// Imports every complete entity file, `options.concurrency` at a time.
    ///
    /// - Returns: per database, the schema ids its imported or already present
    ///   entities name ("" for none), for the bindings.
    func importEntities(
        _ ids: [String], stamps: [String: SchemaStamp], report: inout ImportReport,
        progress: @Sendable (ImportProgress) -> Void
    ) async -> [String: Set<String>] {
        var databases: [String: Set<String>] = [:]
        var counts = (imported: 0, skipped: 0, failed: 0)
        let started = ContinuousClock.now
        var done = 0
        let width = options.concurrency
        await withTaskGroup(of: EntityResult.self) { group in
            var next = 0
            func handle(_ result: EntityResult) {
                done += 1
                if let name = result.name, result.status != .failed {
                    databases[name.database, default: []].insert(result.schemaID ?? "")
                    if name.guessed {
                        report.guessedSplits.append(ImportReport.Item(
                            kind: .entity, name: result.fileID,
                            reason: "split at the first '_' as database '\(name.database)', key '\(name.key)' (the sidecar names neither)"))
                    }
                }
                switch result.status {
                case .imported:
                    counts.imported += 1
                    report.record(.entity, imported: result.fileID)
                case .skipped:
                    counts.skipped += 1
                    report.record(.entity, skipped: result.fileID, result.reason)
                case .failed:
                    counts.failed += 1
                    report.record(.entity, failed: result.fileID, result.reason)
                }
                let elapsed = (ContinuousClock.now - started) / .seconds(1)
                progress(ImportProgress(
                    done: done, total: ids.count, imported: counts.imported, skipped: counts.skipped,
                    failed: counts.failed, elapsedSeconds: elapsed))
            }
            while next < ids.count || !group.isEmpty {
                while next < ids.count, next - done < width {
                    let id = ids[next]
                    next += 1
                    group.addTask { await importEntity(id, stamps: stamps) }
                }
                if let result = await group.next() { handle(result) }
            }
        }
        return databases
    }

    /// Imports one entity file; never throws (problems become the result).
    func importEntity(_ fileID: String, stamps: [String: SchemaStamp]) async -> EntityResult {
        var result = EntityResult(fileID: fileID, status: .failed)
        do throws(DeltaError) {
            guard let sidecarBytes = try await source.read("files/\(fileID).meta.json") else {
                result.reason = "the sidecar disappeared during the import"
                return result
            }
            let sidecar = try OriginalSidecar.parse(sidecarBytes)
            let name = try OriginalEntityName.resolve(fileID: fileID, sidecar: sidecar)
            result.name = name
            result.schemaID = sidecar.boundSchema
            let id: EntityID
            do {
                id = try EntityID(database: name.database, key: name.key)
            } catch {
                result.name = nil
                result.reason = "its name is not allowed here (\(error.message)); rename it in the original and import again"
                return result
            }
            guard let blob = try await source.read("files/\(fileID).json.enc") else {
                result.reason = "the blob disappeared during the import"
                return result
            }
            let document = try Self.compactDocument(cipher.open(blob, sidecar: sidecar))
            if let status = try await existing(id, document: document) {
                result.status = .skipped
                result.reason = status
                return result
            }
            if options.dryRun {
                result.status = .imported
                return result
            }
            try await write(id, document: document, sidecar: sidecar, stamps: stamps)
            result.status = .imported
            return result
        } catch {
            result.reason = "\(error.message)"
            return result
        }
    }

    /// Our stored form of a decrypted document: parsed (as our PUT does) and
    /// serialised compactly.
    ///
    /// - Throws: `.invalidJSON` if the plaintext is not JSON our store accepts.
    static func compactDocument(_ plaintext: [UInt8]) throws(DeltaError) -> [UInt8] {
        do {
            return try JSONParser.parse(plaintext, maxDepth: EntityService.maxDepth).serialized()
        } catch {
            throw DeltaError(.invalidJSON, "the decrypted document is not JSON this server accepts (\(error))")
        }
    }

    /// Why the entity is skipped if the target already holds it, or nil to write it.
    ///
    /// - Throws: if the target's copy cannot be read or decrypted (never overwritten).
    func existing(_ id: EntityID, document: [UInt8]) async throws(DeltaError) -> String? {
        guard let store = target.store, let stored = try await store.read(id) else { return nil }
        let current = try target.sealer.open(stored, for: id)
        if current == document { return "already imported (the target holds the same document)" }
        return "the target already holds a different document under \(id); left as it is (delete it there and import again to replace it)"
    }

    /// Seals and writes one new entity, then reads it back and compares.
    func write(_ id: EntityID, document: [UInt8], sidecar: OriginalSidecar, stamps: [String: SchemaStamp]) async throws(DeltaError) {
        guard let store = target.store else { return }
        let sealer = target.sealer
        let time = RFC3339.metadataTime(sidecar.timestamp) ?? Timestamp.now()
        let stamp = sidecar.boundSchema.map { stamps[$0] ?? SchemaStamp(id: $0, version: nil) }
        _ = try await store.write(id) { (current) throws(DeltaError) in
            guard current == nil else {
                throw DeltaError(.concurrentWrite, "\(id) was written by someone else during the import; import again to compare")
            }
            return try sealer.seal(document, for: id, after: nil, now: time, schema: stamp)
        }
        guard let stored = try await store.read(id) else {
            throw DeltaError(.storageFailure, "\(id) was written but cannot be read back; import again to retry")
        }
        guard try sealer.open(stored, for: id) == document else {
            throw DeltaError(.integrityFailure, "\(id) reads back different from what was written; import again to compare")
        }
    }
}
