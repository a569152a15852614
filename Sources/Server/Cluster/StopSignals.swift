import Dispatch
import Foundation

/// Runs `onStop` on SIGTERM or SIGINT instead of letting the signal kill the
/// process, so shutdown can drop keys and finish in order.
final class StopSignals {
    private let sources: [DispatchSourceSignal]

    init(_ onStop: @escaping @Sendable () -> Void) {
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: onStop)
            source.resume()
            return source
        }
    }

    /// Stops listening.
    func cancel() {
        for source in sources { source.cancel() }
    }
}
