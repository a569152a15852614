import DeltaCore
import DeltaStorage
import Foundation
import DeltaEngine

extension EngineAssembly {
    /// What a process does with the data directory, which decides its claim on it
    /// (see `DirectoryClaim`).
    public enum StorageRole: Sendable {
        /// Serves cached documents without checking storage and keeps acknowledged
        /// writes in its write-ahead log (`deltadb` without -grpc-addr, or with one
        /// embedded worker): no other process may write the directory meanwhile.
        case soleServer
        /// Checks every cache hit against storage, or caches no documents (Main and
        /// Processing Workers): shares the directory with others of its kind.
        case cooperatingServer
        /// A command that writes through the durable path and exits (`deltadb
        /// rewrap`): shares the directory with cooperating servers, and is refused
        /// next to a sole server, whose log may hold newer versions than the files.
        case tool
    }

    /// Claims the shared directory for `role`; nil for S3 storage.
    ///
    /// - Throws: `.unavailable` when another process's claim conflicts, saying
    ///   what to do; `.storageFailure` when the lock file cannot be used.
    public static func claimDirectory(_ configuration: ServerConfiguration, as role: StorageRole) throws -> DirectoryClaim? {
        guard configuration.s3 == nil else { return nil }
        // The lock file lives in the directory: a first start (or an import into a new
        // directory) creates it.
        try SharedFile.makePrivateDirectory(configuration.sharedFS)
        switch role {
        case .tool:
            return try DirectoryClaim(
                root: configuration.sharedFS, mode: .shared,
                conflict: "an all-in-one server holds it: its write-ahead log may hold versions newer than the "
                    + "entity files, which this command would overwrite. Stop the server first (a clean stop writes "
                    + "its log out), or run the deployment as workers that share the directory")
        case .soleServer:
            return try DirectoryClaim(
                root: configuration.sharedFS, mode: .exclusive,
                conflict: "this server (one worker, no gRPC listener) serves cached documents without checking "
                    + "storage, so it must be the only server writing there. Stop the other process, give this one "
                    + "its own -shared-fs, or run both as workers that check their caches (deltadb -workers 2, "
                    + "-grpc-addr, or main-worker with proc-workers)")
        case .cooperatingServer:
            return try DirectoryClaim(
                root: configuration.sharedFS, mode: .shared,
                conflict: "an all-in-one server with one worker and no gRPC listener owns it, and its cache would go "
                    + "stale if this process wrote there. Stop it, or restart it with -grpc-addr (or -workers 2) so "
                    + "it checks its cache against storage")
        }
    }
}
