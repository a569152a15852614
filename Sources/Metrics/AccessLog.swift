import Logging

/// One line per finished request, at `info`, with the same fields on every
/// transport: request id, operation (the spec's operation id), status, duration in
/// milliseconds, bytes read and written, and the principal's id when the caller
/// authenticated. Never a body, an entity key, a database name or a credential.
public enum AccessLog {
    /// Logs one finished request to `logger`.
    public static func log(
        _ logger: Logger, requestID: String, transport: String, operation: String, status: String, duration: Duration,
        bytesIn: Int, bytesOut: Int, principal: String?
    ) {
        guard logger.logLevel <= .info else { return }
        var metadata: Logger.Metadata = [
            "request_id": .string(requestID),
            "transport": .string(transport),
            "operation": .string(operation),
            "status": .string(status),
            "duration_ms": .string(Self.milliseconds(duration)),
            "bytes_in": .string(String(bytesIn)),
            "bytes_out": .string(String(bytesOut)),
        ]
        if let principal { metadata["principal"] = .string(principal) }
        logger.info("access", metadata: metadata)
    }

    /// `duration` in milliseconds with three decimals.
    static func milliseconds(_ duration: Duration) -> String {
        let micros = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        let whole = micros / 1000, fraction = micros % 1000
        let padded = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 3 - padded.count) + padded
    }
}
