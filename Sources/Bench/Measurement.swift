import Foundation

/// One measured workload: how many times `body` ran per second.
struct Measurement {
    var name: String
    var opsPerSecond: Double

    /// Runs `body` repeatedly for about `seconds` (checking the clock every 256
    /// calls, so the loop always stops) and returns its rate. A `false` from
    /// `body` is a broken workload, not a slow one: it stops the benchmark.
    static func run(_ name: String, seconds: Double, _ body: () -> Bool) -> Measurement {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start.advanced(by: .milliseconds(Int(seconds * 1000)))
        var count = 0
        var ok = true
        repeat {
            for _ in 0..<256 { ok = body() && ok }
            count += 256
        } while clock.now < deadline
        precondition(ok, "workload '\(name)' returned false")
        let elapsed = start.duration(to: clock.now)
        let elapsedSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measurement(name: name, opsPerSecond: Double(count) / elapsedSeconds)
    }

    /// Writes the rows as `{"document_bytes": N, "workloads": [{"name", "ops_per_s"}]}`.
    static func write(_ rows: [Measurement], documentBytes: Int, to path: String) throws {
        let object: [String: Any] = [
            "document_bytes": documentBytes,
            "workloads": rows.map { ["name": $0.name, "ops_per_s": Int($0.opsPerSecond)] as [String: Any] },
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
}
