/// One small shared document (the API key list, the database bindings, a schema)
/// and the revision a conditional write must name.
public struct SharedDocument: Sendable, Equatable {
    public var bytes: [UInt8]
    /// Opaque; changes whenever the document changes (a file's stamp, an S3 ETag).
    public var revision: String

    public init(bytes: [UInt8], revision: String) {
        self.bytes = bytes
        self.revision = revision
    }
}

/// Where the small state every server of a deployment shares lives: a data
/// directory (`DirectoryDocuments`), a bucket (`S3Documents`, in DeltaS3), or
/// memory for tests (`MemoryDocuments`).
///
/// Names are relative paths such as `_auth/keys.json` or `templates/orders.json`.
/// Every change is a read-modify-write that is atomic against every other process
/// sharing the store (a file lock, or an S3 conditional write), so two servers on
/// two machines never lose each other's update. It holds no entity data (see
/// `EntityStore`) and never interprets the bytes.
public protocol SharedDocumentStore: Sendable {
    /// The document as this process last saw it: at most `staleness` old, no I/O
    /// for a bucket. Nil if it does not exist.
    ///
    /// - Throws: `.storageFailure` if it exists but cannot be read.
    func cached(_ name: String) throws(DeltaError) -> SharedDocument?

    /// The document as stored now (one conditional request for a bucket).
    ///
    /// - Throws: `.storageFailure` or `.unavailable` if the store cannot be read.
    func current(_ name: String) async throws(DeltaError) -> SharedDocument?

    /// The names of the documents directly under `prefix` (`"templates/"`), as
    /// stored now, sorted bytewise.
    func names(under prefix: String) async throws(DeltaError) -> [String]

    /// Replaces `name` with what `change` returns for the current document (nil
    /// deletes it; returning the document's own bytes unchanged still writes).
    /// `change` runs again with the newer document whenever another process
    /// changed it meanwhile, so it must not have side effects beyond its result.
    ///
    /// - Throws: what `change` throws (nothing is written then); `.storageFailure`;
    ///   `.unavailable` if other writers kept winning.
    func update(_ name: String, _ change: (SharedDocument?) throws(DeltaError) -> [UInt8]?) async throws(DeltaError)

    /// How old `cached` may be: zero for a directory (every call checks the file).
    var staleness: Duration { get }

    /// Where `name` lives, for error messages (`'/data/_auth/keys.json'`).
    func location(of name: String) -> String
}

extension SharedDocumentStore {
    /// The cached document if the store is always current, else `current`.
    public func fresh(_ name: String) async throws(DeltaError) -> SharedDocument? {
        staleness == .zero ? try cached(name) : try await current(name)
    }
}
