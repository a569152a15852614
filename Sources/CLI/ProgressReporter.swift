import Foundation
import Synchronization

/// Progress of long work (`deltadb rewrap`, `deltadb import-original`, start-up
/// recovery): a bar redrawn in place with rate and ETA when standard error is a
/// terminal, otherwise one line every few seconds, and a final summary line
/// (entities, bytes where known, time, rate, failures).
///
/// Callers report absolute counts (`update`), as their own reports keep them, so
/// the reporter holds no second tally. It is not a log handler: lines go to the
/// `write` it is given (standard output by default, a logger for a server).
public final class ProgressReporter: Sendable {
    /// How progress is shown.
    public enum Style: Sendable {
        /// One line rewritten in place on standard error.
        case bar
        /// A line every `interval`.
        case lines(interval: Duration)
    }

    /// What was reached so far.
    public struct Snapshot: Sendable, Equatable {
        public var done = 0
        public var total: Int?
        public var bytes: Int?
        public var failed = 0
        public var elapsed: Duration = .zero

        /// Items per second so far.
        public var rate: Double {
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            return seconds > 0 ? Double(done) / seconds : 0
        }

        /// Time left at the current rate, nil without a total or a rate.
        public var eta: Double? {
            guard let total, rate > 0 else { return nil }
            return Double(max(0, total - done)) / rate
        }
    }

    private let task: String
    private let unit: String
    private let style: Style
    private let write: @Sendable (String) -> Void
    private let started = ContinuousClock.now
    private let state = Mutex<(snapshot: Snapshot, lastShown: ContinuousClock.Instant?, drawn: Bool)>((Snapshot(), nil, false))

    /// A reporter for `task` ("rewrap", "import") counting `unit` ("entities").
    ///
    /// - Parameters:
    ///   - style: defaults to `.bar` when standard error is a terminal, else lines every 5 s.
    ///   - write: where lines go (each without its newline); standard output by default.
    public init(
        task: String, unit: String = "entities", style: Style? = nil,
        write: @escaping @Sendable (String) -> Void = { Console.say($0) }
    ) {
        self.task = task
        self.unit = unit
        self.style = style ?? (isatty(STDERR_FILENO) == 1 ? .bar : .lines(interval: .seconds(5)))
        self.write = write
    }

    /// Records the counts reached (absolute) and shows them if it is time.
    public func update(done: Int, total: Int? = nil, bytes: Int? = nil, failed: Int = 0) {
        let now = ContinuousClock.now
        let interval: Duration = switch style {
        case .bar: .milliseconds(100)
        case .lines(let interval): interval
        }
        let shown = state.withLock { state -> Snapshot? in
            state.snapshot = Snapshot(done: done, total: total, bytes: bytes, failed: failed, elapsed: now - started)
            let complete = total.map { done >= $0 } ?? false
            // Without a total (nothing to estimate) the first line waits one interval.
            let last = state.lastShown ?? (total == nil ? started : nil)
            if let last, now - last < interval, !complete { return nil }
            state.lastShown = now
            state.drawn = true
            return state.snapshot
        }
        if let shown { show(shown) }
    }

    /// Ends the bar and writes the summary; returns the final counts.
    @discardableResult
    public func finish() -> Snapshot {
        let (snapshot, drawn) = state.withLock { state -> (Snapshot, Bool) in
            state.snapshot.elapsed = ContinuousClock.now - started
            return (state.snapshot, state.drawn)
        }
        if case .bar = style, drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        write(summary(snapshot))
        return snapshot
    }

    private func show(_ snapshot: Snapshot) {
        switch style {
        case .bar: FileHandle.standardError.write(Data(("\r\u{1B}[2K" + bar(snapshot)).utf8))
        case .lines: write(line(snapshot))
        }
    }

    /// `import: 1200/5000 entities (24%), 3.4 MB 571/s ETA 7s, 0 failed`.
    func line(_ snapshot: Snapshot) -> String {
        "\(task): " + counts(snapshot)
    }

    /// `import [#####---------------] 1200/5000 entities (24%) 571/s ETA 7s, 0 failed`.
    func bar(_ snapshot: Snapshot) -> String {
        guard let total = snapshot.total, total > 0 else { return line(snapshot) }
        let width = 20
        let filled = min(width, snapshot.done * width / total)
        return "\(task) [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + counts(snapshot)
    }

    /// `rewrap: done: 5000 entities, 12.1 MB in 8.8s (571/s), 0 failed`.
    func summary(_ snapshot: Snapshot) -> String {
        var text = "\(task): done: \(snapshot.done) \(unit)"
        if let bytes = snapshot.bytes { text += ", " + Self.size(bytes) }
        return text + " in \(Self.seconds(snapshot.elapsed)) (\(Int(snapshot.rate.rounded()))/s), \(snapshot.failed) failed"
    }

    private func counts(_ snapshot: Snapshot) -> String {
        var text = "\(snapshot.done)"
        if let total = snapshot.total {
            text += "/\(total) \(unit) (\(total > 0 ? snapshot.done * 100 / total : 100)%)"
        } else {
            text += " \(unit)"
        }
        if let bytes = snapshot.bytes { text += ", " + Self.size(bytes) }
        text += " \(Int(snapshot.rate.rounded()))/s"
        if snapshot.total != nil { text += " ETA " + (snapshot.eta.map(Self.duration) ?? "–") }
        return text + ", \(snapshot.failed) failed"
    }

    static func size(_ bytes: Int) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes), index = 0
        while value >= 1000, index < units.count - 1 { value /= 1000; index += 1 }
        return index == 0 ? "\(bytes) B" : String(format: "%.1f ", value) + units[index]
    }

    static func seconds(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds < 60 ? String(format: "%.1fs", seconds) : Self.duration(seconds)
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(String(format: "%02d", whole % 60))s" }
        return "\(whole / 3600)h\(String(format: "%02d", whole / 60 % 60))m"
    }
}
