internal import COpenSSL

/// What OpenSSL reported when a call failed: the operation we attempted and the
/// reasons drained from the thread's OpenSSL error queue.
///
/// Used only as the `cause` of a `DeltaError`, so it may be logged; it never holds
/// key material or plaintext. Draining also keeps a stale entry from being blamed
/// on a later, unrelated call on the same thread.
struct OpenSSLError: Error, Sendable, CustomStringConvertible {
    /// The OpenSSL function (or step) that failed.
    let operation: String
    /// OpenSSL's own reason strings, oldest first; empty if it queued none.
    let reasons: [String]

    var description: String {
        reasons.isEmpty ? "\(operation) failed" : "\(operation) failed: \(reasons.joined(separator: "; "))"
    }

    /// Captures and clears the current thread's OpenSSL error queue.
    static func drain(_ operation: String) -> OpenSSLError {
        var reasons: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return OpenSSLError(operation: operation, reasons: reasons)
    }
}
