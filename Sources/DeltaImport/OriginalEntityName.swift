import DeltaCore

/// The database and key behind one of the original's file ids.
///
/// The original names an entity's files `<database>_<key>`, and both names may
/// contain `_`, so a file id alone can be ambiguous (`a_b_c`). The sidecar says
/// which it is: `database` (or, in a later version, `schema`) and `entity_key`.
/// Without them the original's own rule applies; the seed documents none, and its
/// example (`chatdb_Chat_id` for database `chatdb`) splits at the first `_`, so we
/// do that and mark the result as a guess when the id holds more than one `_`.
public struct OriginalEntityName: Sendable, Equatable {
    /// The database name.
    public var database: String
    /// The entity key.
    public var key: String
    /// True when the split was chosen by the first-`_` rule among several
    /// possible ones (the importer reports each such entity).
    public var guessed: Bool

    public init(database: String, key: String, guessed: Bool) {
        self.database = database
        self.key = key
        self.guessed = guessed
    }

    /// Resolves `fileID` (a file name without `.meta.json` / `.json.enc`).
    ///
    /// - Throws: `.badRequest` if the sidecar's names do not match the file id
    ///   (files renamed or edited), or the id has no `_` to split at.
    public static func resolve(fileID: String, sidecar: OriginalSidecar) throws(DeltaError) -> OriginalEntityName {
        let namespace = nonEmpty(sidecar.database) ?? nonEmpty(sidecar.schema)
        let key = nonEmpty(sidecar.entityKey)
        switch (namespace, key) {
        case let (namespace?, key?):
            guard fileID == namespace + "_" + key else {
                throw mismatch(fileID, "database '\(namespace)' and key '\(key)'")
            }
            return OriginalEntityName(database: namespace, key: key, guessed: false)
        case let (nil, key?):
            guard fileID.hasSuffix("_" + key), fileID.utf8.count > key.utf8.count + 1 else {
                throw mismatch(fileID, "key '\(key)'")
            }
            return OriginalEntityName(database: String(fileID.dropLast(key.count + 1)), key: key, guessed: false)
        case let (namespace?, nil):
            guard fileID.hasPrefix(namespace + "_"), fileID.utf8.count > namespace.utf8.count + 1 else {
                throw mismatch(fileID, "database '\(namespace)'")
            }
            return OriginalEntityName(database: namespace, key: String(fileID.dropFirst(namespace.count + 1)), guessed: false)
        case (nil, nil):
            return try firstUnderscore(fileID)
        }
    }

    /// The fallback rule: split at the first `_`; a guess if there is more than one.
    ///
    /// - Throws: `.badRequest` if either side would be empty.
    public static func firstUnderscore(_ fileID: String) throws(DeltaError) -> OriginalEntityName {
        guard let separator = fileID.firstIndex(of: "_"),
              separator != fileID.startIndex, fileID.index(after: separator) != fileID.endIndex
        else {
            throw DeltaError(.badRequest, "file id '\(fileID)' is not <database>_<key> and its sidecar names neither")
        }
        let key = String(fileID[fileID.index(after: separator)...])
        return OriginalEntityName(database: String(fileID[..<separator]), key: key, guessed: key.contains("_"))
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private static func mismatch(_ fileID: String, _ what: String) -> DeltaError {
        DeltaError(.badRequest, "the sidecar names \(what), which does not match the file id '\(fileID)': the files were renamed or edited")
    }
}
