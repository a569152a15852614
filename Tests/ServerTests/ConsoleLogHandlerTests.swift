import Logging
import Synchronization
import Testing

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// Collects what a handler writes.
private final class Lines: TextOutputStream, Sendable {
    private let text = Mutex("")
    var all: String { text.withLock { $0 } }
    func write(_ string: String) { text.withLock { $0 += string } }
}

/// `TextOutputStream` needs a mutable value; this one shares the collector.
private struct LineStream: TextOutputStream, Sendable {
    let lines: Lines
    mutating func write(_ string: String) { lines.write(string) }
}

@Suite("Console log handler")
struct ConsoleLogHandlerTests {
    private func logger(_ lines: Lines) -> Logger {
        Logger(label: "deltadb") { ConsoleLogHandler(label: $0, stream: LineStream(lines: lines)) }
    }

    @Test("metadata set on the logger appears in every line, with the label and message")
    func loggerMetadata() {
        let lines = Lines()
        var log = logger(lines)
        log[metadataKey: "hb.request.id"] = "42"
        log.info("served")
        #expect(lines.all.contains("info deltadb: hb.request.id=42 [ServerTests] served"))
    }

    @Test("a line's own metadata wins over the logger's for the same key")
    func explicitMetadataWins() {
        let lines = Lines()
        var log = logger(lines)
        log[metadataKey: "worker"] = "a"
        log.warning("moved", metadata: ["worker": "b", "extra": "1"])
        #expect(lines.all.contains("extra=1 worker=b"))
        #expect(!lines.all.contains("worker=a"))
    }

    @Test("lines below the level are not written")
    func levelFilters() {
        let lines = Lines()
        var log = logger(lines)
        log.logLevel = .warning
        log.info("quiet")
        log.error("loud")
        #expect(!lines.all.contains("quiet"))
        #expect(lines.all.contains("error deltadb: [ServerTests] loud"))
    }
}
