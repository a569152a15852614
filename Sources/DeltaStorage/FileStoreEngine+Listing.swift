import DeltaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileStoreEngine {
    /// Databases that have at least one committed entity (entity file or sidecar), sorted bytewise.
    func listDatabases() throws(DeltaError) -> [String] {
        var found: [String] = []
        do {
            try walkDatabaseLevel(layout.filesDirectory, encodedPrefix: "") { database, directory in
                if try containsSidecar(directory) { found.append(database) }
            }
        } catch {
            throw DeltaError.storage("could not list databases", error)
        }
        return found.sorted(by: EntityStoreRules.bytewiseLess)
    }

    /// The bytewise-smallest `count` keys of `database` that have an entity file or a sidecar, start
    /// with `prefix` and sort after `after`, sorted; `more` says whether further
    /// such keys exist.
    ///
    /// Reads the whole database directory tree (O(entities) per call, which is what a
    /// directory-per-database layout allows without an index) but keeps and sorts only
    /// `count` keys, and checks only the names that could be among them.
    func selectKeys(
        _ database: String, prefix: String, after: String?, count: Int
    ) throws(DeltaError) -> (keys: [String], more: Bool) {
        var selection = SmallestKeys(count: count)
        let admit = { (key: String) -> Bool in
            guard key.utf8.starts(with: prefix.utf8) else { return false }
            if let after, !EntityStoreRules.bytewiseLess(after, key) { return false }
            return selection.admits(key)
        }
        do {
            try walkKeyLevel(layout.databaseDirectory(database), encodedPrefix: "", admit: admit) { key, _ in
                selection.insert(key)
            }
        } catch let error as SystemCallError where error.errno == ENOENT {
            return ([], false)
        } catch {
            throw DeltaError.storage("could not list entities of database \(database)", error)
        }
        return (selection.sorted(), selection.truncated)
    }

    /// Visits every database directory under `directory` (`*.db`), following dot-less
    /// directories that continue long database names.
    func walkDatabaseLevel(
        _ directory: String, encodedPrefix: String, _ visit: (String, String) throws -> Void
    ) throws {
        for entry in try fileSystem.listDirectory(directory) where entry.isDirectory {
            let path = directory + "/" + entry.name
            if entry.name.hasSuffix(".db") {
                let encoded = encodedPrefix + entry.name.dropLast(3)
                guard let database = StorageName.decode(encoded),
                      NameRules.problem(with: database, kind: .database) == nil,
                      layout.databaseDirectory(database) == path
                else { continue }
                try visit(database, path)
            } else if StorageName.isEncodedPiece(entry.name) {
                try walkDatabaseLevel(path, encodedPrefix: encodedPrefix + entry.name, visit)
            }
        }
    }

    /// Visits every entity file and legacy sidecar under a database directory (a key
    /// with both is visited twice), following dot-less directories
    /// that continue long keys; `visit` gets the decoded key and the entity directory.
    /// A file whose name is not the canonical path of a valid key (a stray or
    /// hand-made file) is skipped, so listing never returns a key that reads as absent.
    /// `admit` sees each decoded key first; keys it refuses skip those checks.
    func walkKeyLevel(
        _ directory: String, encodedPrefix: String, admit: (String) -> Bool = { _ in true },
        _ visit: (String, String) throws -> Void
    ) throws {
        var subdirectories: [String] = []
        try fileSystem.forEachEntry(in: directory) { entry in
            if entry.isDirectory {
                if StorageName.isEncodedPiece(entry.name) { subdirectories.append(entry.name) }
            } else if let stem = FileName.parse(entry.name).committedStem,
                      let key = StorageName.decode(encodedPrefix.isEmpty ? stem : encodedPrefix + stem),
                      admit(key),
                      NameRules.problem(with: key, kind: .entityKey) == nil,
                      StorageName.chunks(StorageName.encode(key)).dropLast().joined() == encodedPrefix {
                try visit(key, directory)
            }
        }
        // Deeper levels after this one is closed: one open directory at a time.
        for name in subdirectories {
            try walkKeyLevel(directory + "/" + name, encodedPrefix: encodedPrefix + name, admit: admit, visit)
        }
    }

    /// Whether a database directory holds at least one sidecar (stops at the first).
    private func containsSidecar(_ directory: String) throws -> Bool {
        struct Found: Error {}
        do {
            try walkKeyLevel(directory, encodedPrefix: "") { _, _ in throw Found() }
        } catch is Found {
            return true
        }
        return false
    }
}
