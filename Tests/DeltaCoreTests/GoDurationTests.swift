import DeltaCore
import Testing

@Suite("Go-style durations")
struct GoDurationTests {
    @Test("accepts the forms the seed's flags and expires_in take", arguments: [
        ("0", 0.0), ("30s", 30), ("5m", 300), ("24h", 86400), ("1h30m", 5400),
        ("7d", 604_800), ("30d", 2_592_000), ("300ms", 0.3), ("1.5h", 5400),
    ])
    func accepts(text: String, seconds: Double) throws {
        #expect(abs(try GoDuration.seconds(text) - seconds) < 1e-9)
    }

    @Test("rejects bare numbers, unknown units and garbage", arguments: ["", "10", "5x", "h", "-5m", "1h-"])
    func rejects(text: String) {
        #expect(throws: DeltaError.self) { try GoDuration.seconds(text) }
    }
}
