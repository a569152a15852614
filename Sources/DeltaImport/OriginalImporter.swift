import DeltaCore
import DeltaEngine
import DeltaStorage
import Foundation

/// Imports the Go original's data — entities, schemas, the database each schema
/// guarded, API keys — into DeltaDatabase, re-encrypted under our master key.
///
/// The run, in order:
/// 1. **Key check.** Before anything is written, entities are decrypted in file
///    order until one succeeds; if none of the first `keyCheckSample` does, the
///    original master key is wrong and the run stops (`.badRequest`).
/// 2. **Schemas** (`templates/*.json`) into the `SchemaCatalog`.
/// 3. **Entities**, `concurrency` at a time: decrypt with the original key, parse,
///    then — unless the target already holds the same document (decrypted and
///    compared) — seal with `EntitySealer` and write through `EntityStore.write`,
///    and read it back and compare. Times come from the original's `timestamp`.
/// 4. **Bindings.** A database whose entities all name one schema is bound to it
///    (`DatabaseBindings`); several schemas in one database are reported.
/// 5. **API keys**, kept with their unsalted SHA-256 until first use (DeltaAuth's
///    `APIKeyStore.addImported`).
///
/// Every step skips what is already there, so running it again — after a crash
/// too — gives the same result without duplicates. A dry run does all the reading,
/// decrypting and comparing but writes nothing. No plaintext is written to disk or
/// logged; the report names entities, never their contents.
public struct OriginalImporter: Sendable {
    /// How a run behaves.
    public struct Options: Sendable {
        /// Report what would happen; write nothing.
        public var dryRun = false
        /// Entities in flight at once (writes share directory fsyncs).
        public var concurrency = 8
        /// How many entities the key check tries before calling the key wrong.
        public var keyCheckSample = 16
        /// The original's key store file, if not `_auth/keys.json` in the source.
        public var keyStorePath: String?

        public init(dryRun: Bool = false, concurrency: Int = 8, keyStorePath: String? = nil) {
            self.dryRun = dryRun
            self.concurrency = max(1, concurrency)
            self.keyStorePath = keyStorePath
        }
    }

    public let source: any OriginalSource
    public let cipher: OriginalCipher
    public let target: ImportTarget
    public let options: Options

    public init(source: any OriginalSource, cipher: OriginalCipher, target: ImportTarget, options: Options = Options()) {
        self.source = source
        self.cipher = cipher
        self.target = target
        self.options = options
    }

    /// Runs the import.
    ///
    /// - Parameter progress: called during the entity phase after every entity (the
    ///   caller throttles its output).
    /// - Returns: the report; per-item problems are in it, not thrown.
    /// - Throws: `.badRequest` for a wrong original master key (before anything is
    ///   written) or an unusable target; `.storageFailure` if the source cannot be
    ///   listed.
    public func run(progress: @Sendable (ImportProgress) -> Void = { _ in }) async throws(DeltaError) -> ImportReport {
        guard options.dryRun || (target.store != nil && target.schemas != nil && target.bindings != nil && target.keys != nil) else {
            throw DeltaError(.internal, "an import that writes needs every part of its target")
        }
        var report = ImportReport(dryRun: options.dryRun, source: source.location)
        let files = try await entityFiles(&report)
        try await checkKey(files.complete)
        let stamps = try await importSchemas(&report)
        let databases = await importEntities(files.complete, stamps: stamps, report: &report, progress: progress)
        try await importBindings(databases, stamps: stamps, report: &report)
        try await importKeys(&report)
        return report
    }

    /// Only the key check of `run`: throws if the original master key decrypts none
    /// of the first entities. Callers run it before opening (creating) the target.
    public func checkOriginalKey() async throws(DeltaError) {
        var scratch = ImportReport(dryRun: true, source: source.location)
        try await checkKey(try await entityFiles(&scratch).complete)
    }

    /// The file ids with both a sidecar and a blob, sorted; incomplete pairs go
    /// into the report.
    func entityFiles(_ report: inout ImportReport) async throws(DeltaError) -> (complete: [String], names: Int) {
        var sidecars = Set<String>()
        var blobs = Set<String>()
        let names = try await source.names(in: "files")
        for name in names {
            if name.hasSuffix(".meta.json") {
                sidecars.insert(String(name.dropLast(".meta.json".count)))
            } else if name.hasSuffix(".json.enc") {
                blobs.insert(String(name.dropLast(".json.enc".count)))
            }
        }
        for id in blobs.subtracting(sidecars).sorted() {
            report.record(.entity, skipped: id, "a blob without its sidecar: the original's first write of it was interrupted, and the original never served it")
        }
        for id in sidecars.subtracting(blobs).sorted() {
            report.record(.entity, failed: id, "a sidecar without its blob (files/\(id).json.enc is missing): restore it from a backup of the original")
        }
        return (sidecars.intersection(blobs).sorted(), names.count)
    }

    /// Stops the run before anything is written if the original key decrypts none
    /// of the first entities.
    func checkKey(_ ids: [String]) async throws(DeltaError) {
        var failures = 0
        for id in ids {
            guard let sidecarBytes = try await source.read("files/\(id).meta.json"),
                  let sidecar = try? OriginalSidecar.parse(sidecarBytes),
                  let blob = try await source.read("files/\(id).json.enc")
            else { continue }
            do {
                _ = try cipher.open(blob, sidecar: sidecar)
                return
            } catch where error.code == .integrityFailure {
                failures += 1
                if failures >= options.keyCheckSample { break }
            } catch {
                continue
            }
        }
        guard failures > 0 else { return }
        throw DeltaError(
            .badRequest,
            "the original master key decrypts none of the first \(failures) entities: it is not the key the original "
                + "ran with (or all of them were tampered with). Check --original-master-key-file / ORIGINAL_MASTER_KEY; "
                + "nothing was written"
        )
    }
}
