import DeltaCore
import Foundation
import Synchronization

/// The sessions ended before their expiry (`POST /api/logout`), kept in one shared
/// document (`_auth/sessions-ended.json`) so every server refuses them.
///
/// An entry stays only until the session would have expired. To stay small
/// whatever a client does, a client with more than `maxEndedPerClient` pending
/// entries gets a cut-off instead: every session of that client issued before it
/// is ended (as "log out everywhere" would), and its entries are dropped.
public final class SessionEndings: Sendable {
    public let documents: any SharedDocumentStore
    public let name: String
    private let parsed = Mutex<(revision: String?, contents: Contents)>((nil, Contents()))

    /// Pending endings one client may have before they become a cut-off.
    public static let maxEndedPerClient = 100
    /// The document's name in a data directory or bucket.
    public static let defaultName = "_auth/sessions-ended.json"

    struct Contents: Codable, Equatable {
        /// Ended session id → (client, when it would have expired, ms).
        var ended: [String: Ended] = [:]
        /// Client → sessions issued before this time (ms) are ended.
        var cutoffs: [String: Int64] = [:]
    }

    struct Ended: Codable, Equatable {
        var client: String
        var until: Int64
    }

    public init(documents: any SharedDocumentStore, name: String = SessionEndings.defaultName) {
        self.documents = documents
        self.name = name
    }

    /// Whether the session of `claims` was ended (from the local copy of the document).
    ///
    /// - Throws: `.storageFailure` if the document is unreadable.
    func hasEnded(_ claims: SessionSigner.Claims) throws(DeltaError) -> Bool {
        let contents = try current()
        if contents.ended[claims.sid] != nil { return true }
        if let cutoff = contents.cutoffs[claims.sub], claims.iat < cutoff { return true }
        return false
    }

    /// Records that session `sessionID` of `clientID` has ended, dropping entries
    /// of sessions that have expired anyway.
    func end(sessionID: String, clientID: String, until: Int64, now: Int64) async throws(DeltaError) {
        try await documents.update(name) { (document) throws(DeltaError) -> [UInt8]? in
            var contents = try Self.decode(document, location: documents.location(of: name))
            contents.ended = contents.ended.filter { $0.value.until > now }
            contents.ended[sessionID] = Ended(client: clientID, until: until)
            if contents.ended.values.count(where: { $0.client == clientID }) > Self.maxEndedPerClient {
                contents.cutoffs[clientID] = now + 1
                contents.ended = contents.ended.filter { $0.value.client != clientID }
            }
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return Array(try encoder.encode(contents))
            } catch {
                throw DeltaError(.internal, "cannot encode the ended sessions", cause: error)
            }
        }
    }

    private func current() throws(DeltaError) -> Contents {
        let document = try documents.cached(name)
        if let known = parsed.withLock({ $0.revision == document?.revision ? $0.contents : nil }) { return known }
        let contents = try Self.decode(document, location: documents.location(of: name))
        parsed.withLock { $0 = (document?.revision, contents) }
        return contents
    }

    private static func decode(_ document: SharedDocument?, location: String) throws(DeltaError) -> Contents {
        guard let document else { return Contents() }
        do {
            return try JSONDecoder().decode(Contents.self, from: Data(document.bytes))
        } catch {
            throw DeltaError(.storageFailure, "the ended sessions \(location) are not valid; delete the file to "
                + "accept every unexpired session again, or restore it from a backup", cause: error)
        }
    }
}
