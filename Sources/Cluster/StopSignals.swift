import Dispatch
import Foundation
import DeltaEngine

/// Runs `onStop` on SIGTERM or SIGINT instead of letting the signal kill the
/// process, so shutdown can drop keys and finish in order.
public final class StopSignals {
    private let sources: [DispatchSourceSignal]

    public init(_ onStop: @escaping @Sendable () -> Void) {
        sources = [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: onStop)
            source.resume()
            return source
        }
    }

    /// Stops listening.
    public func cancel() {
        for source in sources { source.cancel() }
    }
}
