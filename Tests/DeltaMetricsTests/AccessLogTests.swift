import DeltaMetrics
import Logging
import Synchronization
import Testing

/// The access line: the agreed fields, nothing else.
@Suite("AccessLog")
struct AccessLogTests {
    @Test("one info line with id, transport, operation, status, duration, bytes and principal")
    func fields() throws {
        let captured = Captured()
        var logger = Logger(label: "test") { _ in CapturingHandler(captured: captured) }
        logger.logLevel = .info
        AccessLog.log(
            logger, requestID: "r-9", transport: "rest", operation: "getEntity", status: "200",
            duration: .microseconds(1_234_567), bytesIn: 0, bytesOut: 42, principal: "admin")
        let events = captured.events.withLock { $0 }
        try #require(events.count == 1)
        #expect(events[0].message == "access")
        #expect(events[0].metadata == [
            "request_id": "r-9", "transport": "rest", "operation": "getEntity", "status": "200",
            "duration_ms": "1234.567", "bytes_in": "0", "bytes_out": "42", "principal": "admin",
        ])
    }

    @Test("nothing is written when the level is above info")
    func quietAtWarning() {
        let captured = Captured()
        var logger = Logger(label: "test") { _ in CapturingHandler(captured: captured) }
        logger.logLevel = .warning
        AccessLog.log(
            logger, requestID: "r", transport: "grpc", operation: "get", status: "ok", duration: .zero,
            bytesIn: 0, bytesOut: 0, principal: nil)
        #expect(captured.events.withLock { $0 }.isEmpty)
    }
}

final class Captured: Sendable {
    let events = Mutex<[(message: String, metadata: [String: String])]>([])
}

struct CapturingHandler: LogHandler {
    let captured: Captured
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).mapValues { "\($0)" }
        captured.events.withLock { $0.append(("\(event.message)", fields)) }
    }
}
