import Synchronization
import Testing

@testable import DeltaCLI

/// Progress lines and the final summary of long jobs.
@Suite("Progress reporter")
struct ProgressReporterTests {
    private final class Collected: Sendable {
        let lines = Mutex<[String]>([])
        var all: [String] { lines.withLock { $0 } }
    }

    private func reporter(_ collected: Collected, interval: Duration = .seconds(60)) -> ProgressReporter {
        ProgressReporter(task: "import", style: .lines(interval: interval)) { line in
            collected.lines.withLock { $0.append(line) }
        }
    }

    @Test("with a total: the first and the last update are shown, with percent, rate and ETA; then a summary")
    func withTotal() throws {
        let collected = Collected()
        let progress = reporter(collected)
        progress.update(done: 10, total: 100)
        progress.update(done: 50, total: 100)  // within the interval: not shown
        progress.update(done: 100, total: 100, failed: 2)
        let summary = progress.finish()
        let lines = collected.all
        try #require(lines.count == 3, "\(lines)")
        #expect(lines[0].hasPrefix("import: 10/100 entities (10%) ") && lines[0].contains("/s ETA "))
        #expect(lines[1].hasPrefix("import: 100/100 entities (100%) ") && lines[1].hasSuffix(", 2 failed"))
        #expect(lines[2].hasPrefix("import: done: 100 entities in ") && lines[2].hasSuffix(", 2 failed"))
        #expect(summary.done == 100 && summary.failed == 2)
    }

    @Test("without a total: no ETA, and nothing before one interval has passed")
    func withoutTotal() {
        let collected = Collected()
        let progress = reporter(collected)
        progress.update(done: 5)
        #expect(collected.all.isEmpty)
        progress.update(done: 7, bytes: 2_500_000)
        progress.finish()
        #expect(collected.all.count == 1, "only the summary")
        #expect(collected.all.last!.hasPrefix("import: done: 7 entities, 2.5 MB in "))
    }

    @Test("lines are written again once the interval has passed")
    func interval() async throws {
        let collected = Collected()
        let progress = reporter(collected, interval: .milliseconds(20))
        progress.update(done: 1, total: 10)
        try await Task.sleep(for: .milliseconds(40))
        progress.update(done: 2, total: 10)
        #expect(collected.all.count == 2)
        #expect(collected.all[1].hasPrefix("import: 2/10 entities (20%)"))
    }

    @Test("the bar shows how much of the total is done")
    func bar() {
        let progress = ProgressReporter(task: "rewrap", style: .bar) { _ in }
        let text = progress.bar(.init(done: 5, total: 20, elapsed: .seconds(1)))
        #expect(text.hasPrefix("rewrap [#####---------------] 5/20 entities (25%) 5/s ETA 3s"))
    }
}
