import DeltaAuth
import DeltaCore
import Foundation

extension OriginalImporter {
    /// Imports the original's API keys (`options.keyStorePath`, else
    /// `_auth/keys.json` in the source) with their unsalted hashes, permissions,
    /// expiry and enabled state. A key id already present is skipped.
    func importKeys(_ report: inout ImportReport) async throws(DeltaError) {
        let bytes: [UInt8]?
        let origin: String
        if let path = options.keyStorePath {
            origin = path
            bytes = try SharedFile.read(path)
            guard bytes != nil else {
                throw DeltaError(.badRequest, "--original-key-store '\(path)' does not exist")
            }
        } else {
            origin = "_auth/keys.json"
            bytes = try await source.read("_auth/keys.json")
        }
        guard let bytes else {
            report.record(.key, skipped: origin, "the original has no key store here; pass --original-key-store if it used -key-store")
            return
        }
        var records: [APIKeyRecord] = []
        for entry in try OriginalKeyFile.parse(bytes) {
            do throws(DeltaError) {
                records.append(try OriginalKeyFile.record(for: entry))
            } catch {
                report.record(.key, failed: entry.id, error.message)
            }
        }
        let present: Set<String>
        if options.dryRun {
            present = Set(((try? await target.keys?.list()) ?? []).map(\.id))
        } else {
            present = Set(try await target.keys?.addImported(records).present ?? [])
        }
        for record in records {
            if present.contains(record.id) {
                report.record(.key, skipped: record.id, "a key with this id is already present")
            } else {
                var notes: [String] = []
                if !record.isEnabled { notes.append("disabled, stays disabled") }
                if let expiry = record.expiresAt, let date = RFC3339.parse(expiry), date <= Date() {
                    notes.append("expired at \(expiry), stays refused")
                }
                report.record(.key, imported: record.id, note: ([record.name] + notes).joined(separator: "; "))
            }
        }
    }
}
