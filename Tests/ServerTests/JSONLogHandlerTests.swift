import Foundation
import Logging
import Synchronization
import Testing

@testable import DeltaCLI

/// `-log-format=json`: one parseable object per line.
@Suite("JSON log handler")
struct JSONLogHandlerTests {
    private final class Collected: Sendable {
        let lines = Mutex<[String]>([])
    }

    private func logger(_ collected: Collected) -> Logger {
        Logger(label: "deltadb") { label in
            JSONLogHandler(label: label) { line in collected.lines.withLock { $0.append(line) } }
        }
    }

    @Test("each event is one JSON object with ts, level, logger, msg and its metadata")
    func fields() throws {
        let collected = Collected()
        var log = logger(collected)
        log[metadataKey: "worker"] = "w1"
        log.info("access", metadata: ["status": "200", "request_id": "r-1"])
        let lines = collected.lines.withLock { $0 }
        try #require(lines.count == 1)
        #expect(lines[0].hasSuffix("}\n") && !lines[0].dropLast().contains("\n"))
        let object = try #require(JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        #expect(object["level"] == "info")
        #expect(object["logger"] == "deltadb")
        #expect(object["msg"] == "access")
        #expect(object["status"] == "200" && object["request_id"] == "r-1" && object["worker"] == "w1")
        #expect(object["ts"]?.hasSuffix("Z") == true)
    }

    @Test("quotes, backslashes and control characters cannot break the line or forge a field")
    func escaping() throws {
        let collected = Collected()
        let log = logger(collected)
        log.warning("a \"quoted\"\nline\\ \u{01}", metadata: ["path": "/x\",\"level\":\"debug"])
        let line = try #require(collected.lines.withLock { $0.first })
        #expect(line.filter { $0 == "\n" }.count == 1)
        let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["msg"] == "a \"quoted\"\nline\\ \u{01}")
        #expect(object["level"] == "warning")
        #expect(object["path"] == "/x\",\"level\":\"debug")
    }
}
