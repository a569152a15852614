/// Where `FileEntityStore` keeps each file, and how it recognises them again.
///
/// ```
/// <root>/files/<db>.db/<key>.entity              metadata header + ciphertext (one file per entity)
/// <root>/files/<db>.db/<key>.lock                flock target for writers
/// <root>/files/<db>.db/.tmp-<key>.<tag>          a write in progress (never data)
/// <root>/files/<db>.db/<key>.meta.json           legacy two-file layout: metadata (still read)
/// <root>/files/<db>.db/<key>.<version>.json.enc  legacy two-file layout: the blob it names
/// ```
/// An entity file wins over legacy files of the same key (those are leftovers of a
/// conversion that a crash interrupted).
/// `<db>` and `<key>` are `StorageName` encodings. An encoded name longer than one
/// piece becomes nested directories: all pieces but the last are directories without
/// a dot, the last piece carries the suffix. So in `files/`, dot-less directories
/// continue a database name and `*.db` directories are databases; inside a database,
/// dot-less directories continue a key and dotted files belong to an entity.
struct FileLayout: Sendable {
    /// `<root>/files`.
    let filesDirectory: String

    init(root: String) {
        filesDirectory = Self.path(root, "files")
    }

    /// `<root>/<name>`, without a doubled slash when `root` ends in one.
    static func path(_ root: String, _ name: String) -> String {
        (root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root) + "/" + name
    }

    /// The directories between `files/` and the database directory's parent, and the
    /// database directory's own name.
    func databaseComponents(_ database: String) -> [String] {
        var pieces = StorageName.chunks(StorageName.encode(database))
        pieces[pieces.count - 1] += ".db"
        return pieces
    }

    /// The database directory.
    func databaseDirectory(_ database: String) -> String {
        filesDirectory + "/" + databaseComponents(database).joined(separator: "/")
    }

    /// Every file path of one entity.
    func paths(for id: EntityID) -> EntityPaths {
        let keyPieces = StorageName.chunks(StorageName.encode(id.key))
        let components = databaseComponents(id.database) + keyPieces.dropLast()
        return EntityPaths(
            base: filesDirectory, directoryComponents: components, stem: keyPieces[keyPieces.count - 1])
    }
}

/// The files of one entity. All live in one directory, so one directory fsync makes
/// every rename among them durable.
struct EntityPaths: Sendable {
    /// `<root>/files`, which always exists.
    let base: String
    /// The directories from `base` down to the entity's directory.
    let directoryComponents: [String]
    /// The last piece of the encoded key.
    let stem: String

    var directory: String { ([base] + directoryComponents).joined(separator: "/") }
    var entityFile: String { directory + "/" + FileName.entity(stem) }
    var sidecar: String { directory + "/" + FileName.sidecar(stem) }
    var lock: String { directory + "/" + FileName.lock(stem) }
    func blob(_ version: UInt64) -> String { directory + "/" + FileName.blob(stem, version) }
    func temp(_ tag: String) -> String { directory + "/" + FileName.temp(stem, tag) }

    /// The entity's directory and its parents up to (not including) `base`, deepest first.
    var directoriesDeepestFirst: [String] {
        (1...directoryComponents.count).reversed().map { count in
            ([base] + directoryComponents.prefix(count)).joined(separator: "/")
        }
    }
}

/// Names of the files in an entity directory, and their parser.
enum FileName {
    static let entitySuffix = ".entity"
    static let sidecarSuffix = ".meta.json"
    static let blobSuffix = ".json.enc"
    static let lockSuffix = ".lock"
    static let tempPrefix = ".tmp-"

    static func entity(_ stem: String) -> String { stem + entitySuffix }
    static func sidecar(_ stem: String) -> String { stem + sidecarSuffix }
    static func lock(_ stem: String) -> String { stem + lockSuffix }
    static func blob(_ stem: String, _ version: UInt64) -> String { "\(stem).\(version)\(blobSuffix)" }
    static func temp(_ stem: String, _ tag: String) -> String { "\(tempPrefix)\(stem).\(tag)" }

    /// What a file in an entity directory is.
    enum Kind: Equatable {
        case entity(stem: String)
        case sidecar(stem: String)
        case blob(stem: String, version: UInt64)
        case lock(stem: String)
        case temp(stem: String)
        case unknown

        /// The stem of a file that holds committed metadata: an entity file or a legacy sidecar.
        var committedStem: String? {
            switch self {
            case .entity(let stem), .sidecar(let stem): stem
            default: nil
            }
        }
    }

    /// Parses one directory entry name. Works on the UTF-8 bytes: it runs for every
    /// entry of a directory that may hold millions (listing, recovery), and character
    /// (grapheme) searches and comparisons cost several times more.
    static func parse(_ name: String) -> Kind {
        let utf8 = name.utf8
        let dot = UInt8(ascii: ".")
        if utf8.starts(with: tempPrefix.utf8) {
            let rest = utf8.index(utf8.startIndex, offsetBy: tempPrefix.utf8.count)
            // Indices of ASCII bytes are character boundaries, so slicing the String is exact.
            guard let end = utf8[rest...].firstIndex(of: dot), StorageName.isEncodedPiece(name[rest..<end]) else {
                return .unknown
            }
            return .temp(stem: String(name[rest..<end]))
        }
        guard let end = utf8.firstIndex(of: dot) else { return .unknown }
        let stem = name[..<end]
        guard StorageName.isEncodedPiece(stem) else { return .unknown }
        let suffix = utf8[end...]
        if suffix.elementsEqual(entitySuffix.utf8) { return .entity(stem: String(stem)) }
        if suffix.elementsEqual(sidecarSuffix.utf8) { return .sidecar(stem: String(stem)) }
        if suffix.elementsEqual(lockSuffix.utf8) { return .lock(stem: String(stem)) }
        let blob = blobSuffix.utf8
        if suffix.count > blob.count + 1, suffix.suffix(blob.count).elementsEqual(blob),
           let version = canonicalDecimal(suffix.dropFirst().dropLast(blob.count)) {
            return .blob(stem: String(stem), version: version)
        }
        return .unknown
    }

    /// The value of a canonical decimal (digits only, no leading zero, no overflow), so
    /// one version has exactly one blob name; nil otherwise.
    private static func canonicalDecimal(_ digits: Substring.UTF8View) -> UInt64? {
        guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow, !overflow2 else { return nil }
            value = sum
        }
        return value
    }
}
