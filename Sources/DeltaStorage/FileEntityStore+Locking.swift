import DeltaCore

extension FileEntityStore {
    /// Runs `body` holding the entity's in-process lock and its `flock`, with the
    /// committed metadata read under both. `body` returns its result and whether the
    /// entity exists afterwards (so an unused lock file can be removed).
    func locked<Result: Sendable>(
        _ id: EntityID,
        _ body: (FileStoreEngine.Committed?, FileStoreEngine, EntityPaths) async throws(DeltaError) -> (Result, Bool)
    ) async throws(DeltaError) -> Result {
        let engine = engine
        let paths = engine.layout.paths(for: id)
        return try await locks.withLock(id) { () async throws(DeltaError) -> Result in
            let (fd, current) = try await io.run { () throws(DeltaError) -> (Int32, FileStoreEngine.Committed?) in
                guard let fd = try engine.acquireLock(paths, blocking: true) else {
                    throw DeltaError(.internal, "blocking lock returned without the lock")
                }
                do throws(DeltaError) {
                    return (fd, try engine.readCommitted(id, paths))
                } catch {
                    engine.releaseLock(fd, paths, entityExists: true)
                    throw error
                }
            }
            let result: Result
            let exists: Bool
            do throws(DeltaError) {
                (result, exists) = try await body(current, engine, paths)
            } catch {
                await releaseLock(fd, paths, entityExists: current != nil)
                throw error
            }
            await releaseLock(fd, paths, entityExists: exists)
            return result
        }
    }

    private func releaseLock(_ fd: Int32, _ paths: EntityPaths, entityExists: Bool) async {
        let engine = engine
        _ = try? await io.run { () throws(DeltaError) in engine.releaseLock(fd, paths, entityExists: entityExists) }
    }
}
