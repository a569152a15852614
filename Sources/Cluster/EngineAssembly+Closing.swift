import DeltaCore
import DeltaEngine
import Logging

extension EngineAssembly {
    /// Runs `serve` (a server's whole life), then closes `catalog`'s store whether it
    /// returned or threw, so what the store holds only in its write-ahead log reaches
    /// the entity files before the process exits (see `EntityStore.close()`).
    ///
    /// A failed close is logged, not thrown: the changes are durable in the log, and
    /// the next start on the directory writes them out.
    ///
    /// - Throws: what `serve` throws.
    public static func closing<Result>(
        _ catalog: EntityCatalog, logger: Logger, _ serve: () async throws -> Result
    ) async throws -> Result {
        let outcome: Swift.Result<Result, any Error>
        do {
            outcome = .success(try await serve())
        } catch {
            outcome = .failure(error)
        }
        do {
            try await catalog.store.close()
        } catch {
            logger.error(
                "could not write the write-ahead log out to the entity files; the next start on this directory does",
                metadata: ["error": "\(error)"])
        }
        return try outcome.get()
    }
}
