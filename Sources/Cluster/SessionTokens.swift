import DeltaCrypto
import Foundation
import Synchronization
import DeltaEngine

/// The session tokens a Processing Worker currently holds from the Main Worker.
///
/// The Main Worker proves itself to the worker by presenting the worker's own
/// token (only the two of them know it). After a renewal the previous token stays
/// accepted until it expires, so calls in flight during a renewal do not fail.
public final class SessionTokens: Sendable {
    private struct Token {
        var value: [UInt8]
        var expiresAt: Date
        var issuedAt: Date
    }

    private let tokens = Mutex<[Token]>([])
    /// The tokens of the other Main Workers this worker serves (see `source()`).
    private let sources = Mutex<[SessionTokens]>([])

    public init() {}

    /// The tokens of one more Main Worker: a set of its own (renewed and reset
    /// with that Main Worker alone) that this one also accepts.
    public func source() -> SessionTokens {
        let source = SessionTokens()
        sources.withLock { $0.append(source) }
        return source
    }

    /// The newest token (what the worker sends in Heartbeat and RenewToken), if any.
    public var current: String? {
        tokens.withLock { $0.last.map { String(decoding: $0.value, as: UTF8.self) } }
    }

    /// The newest token's lifetime as seen here (issue to expiry), in seconds.
    public var lifetime: TimeInterval { tokens.withLock { $0.last.map { $0.expiresAt.timeIntervalSince($0.issuedAt) } ?? 0 } }

    /// When the newest token expires.
    public var currentExpiry: Date? { tokens.withLock { $0.last?.expiresAt } }

    /// Adds a new token; keeps the previous one (until it expires) and drops older ones.
    public func add(_ token: String, expiresAt: Date) {
        tokens.withLock { list in
            list = Array(list.suffix(1)) + [Token(value: Array(token.utf8), expiresAt: expiresAt, issuedAt: Date())]
        }
    }

    /// Replaces every token (after a new Subscribe).
    public func reset(_ token: String, expiresAt: Date) {
        tokens.withLock { $0 = [Token(value: Array(token.utf8), expiresAt: expiresAt, issuedAt: Date())] }
    }

    /// Forgets every token.
    public func clear() {
        tokens.withLock { $0 = [] }
    }

    /// Whether `candidate` is one of the unexpired tokens, of this set or of a
    /// `source()` (constant-time comparison).
    public func accepts(_ candidate: String, now: Date = Date()) -> Bool {
        let bytes = Array(candidate.utf8)
        let own = tokens.withLock { list in
            var match = false
            for token in list where token.expiresAt > now {
                if constantTimeEquals(bytes, token.value) { match = true }
            }
            return match
        }
        return sources.withLock { $0 }.reduce(own) { $0 || $1.accepts(candidate, now: now) }
    }
}
