import Logging

/// The executables' log handler: swift-log's `StreamLogHandler` on standard
/// error, except that logger metadata is formatted only when a line is written.
///
/// Hummingbird attaches a request id to the logger of every request; the
/// stream handler formats its whole metadata at every such change, which cost
/// a few percent of a cached GET although nothing is logged at `info`. Lines
/// look exactly as the stream handler writes them.
struct ConsoleLogHandler: LogHandler {
    private var output: StreamLogHandler
    /// Metadata set on the logger; merged into each event when it is written.
    var metadata: Logger.Metadata = [:]

    /// A handler writing to standard error.
    init(label: String) {
        output = StreamLogHandler.standardError(label: label)
    }

    /// A handler writing to `stream` (tests read the lines back).
    init(label: String, stream: any TextOutputStream & Sendable) {
        output = StreamLogHandler(label: label, stream: stream, metadataProvider: nil)
    }

    var logLevel: Logger.Level {
        get { output.logLevel }
        set { output.logLevel = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var event = event
        if !metadata.isEmpty {
            event.metadata = metadata.merging(event.metadata ?? [:]) { _, explicit in explicit }
        }
        output.log(event: event)
    }
}
