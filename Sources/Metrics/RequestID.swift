import Synchronization

/// The id that follows one request through every process it touches: taken from
/// the client's `X-Request-Id` when that is sane, made up otherwise, returned in
/// the response's `X-Request-Id`, written in every access line, and sent to the
/// Processing Worker as gRPC metadata `x-request-id`.
public enum RequestID {
    /// The HTTP header and (lower-cased) gRPC metadata key.
    public static let header = "X-Request-Id"
    /// The gRPC metadata key.
    public static let metadataKey = "x-request-id"

    /// The id of the request the current task serves, if any (`RequestScope`).
    public static var current: String? { RequestScope.current?.id }

    /// `incoming` if it is 1 to 64 characters of `A-Z a-z 0-9 . _ : -` (nothing
    /// that could forge a log field or carry a secret of any length), else nil.
    public static func sanitized(_ incoming: String?) -> String? {
        guard let incoming, (1...64).contains(incoming.utf8.count) else { return nil }
        let allowed = incoming.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x3A || byte == 0x2D
        }
        return allowed ? incoming : nil
    }

    private static let prefix: String = {
        var generator = SystemRandomNumberGenerator()
        return String(generator.next() & 0xFFFF_FFFF, radix: 16)
    }()
    private static let sequence = Atomic<UInt64>(0)

    /// A new id, unique in this process and unlikely to repeat across processes:
    /// a random per-process prefix and a sequence number.
    public static func make() -> String {
        let number = sequence.wrappingAdd(1, ordering: .relaxed).newValue
        return prefix + "-" + String(number, radix: 16)
    }
}
