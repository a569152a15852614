import Foundation

/// How far the entity phase of an import is: counts, rate and estimated time left.
public struct ImportProgress: Sendable, Equatable {
    /// Entities handled so far (imported, skipped or failed).
    public var done: Int
    /// Entities found in the source.
    public var total: Int
    public var imported: Int
    public var skipped: Int
    public var failed: Int
    /// Seconds since the entity phase started.
    public var elapsedSeconds: Double

    public init(done: Int, total: Int, imported: Int, skipped: Int, failed: Int, elapsedSeconds: Double) {
        self.done = done
        self.total = total
        self.imported = imported
        self.skipped = skipped
        self.failed = failed
        self.elapsedSeconds = elapsedSeconds
    }

    /// Entities per second so far.
    public var rate: Double { elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0 }

    /// Seconds left at the current rate, or nil before there is a rate.
    public var etaSeconds: Double? {
        guard rate > 0 else { return nil }
        return Double(total - done) / rate
    }

    /// `12000/20000 (60%) 850/s ETA 9s — imported 11990, skipped 0, failed 10`.
    public var line: String {
        let percent = total > 0 ? done * 100 / total : 100
        let eta = etaSeconds.map { "ETA \(Self.duration($0))" } ?? "ETA –"
        return "\(done)/\(total) (\(percent)%) \(Int(rate.rounded()))/s \(eta) — imported \(imported), skipped \(skipped), failed \(failed)"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3600)h\(String(format: "%02d", whole / 60 % 60))m"
    }
}
