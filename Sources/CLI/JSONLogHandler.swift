import Foundation
import Logging

/// `-log-format=json`: each event as one JSON object on standard error, with
/// `ts` (ISO 8601, UTC, milliseconds), `level`, `logger` (the label), `msg` and
/// the event's metadata as string fields (nested values as their description).
/// Metadata is formatted only when a line is written, as in `ConsoleLogHandler`.
struct JSONLogHandler: LogHandler {
    private let label: String
    private let write: @Sendable (String) -> Void
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    /// A handler writing to standard error.
    init(label: String) {
        self.init(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// A handler handing each line (with its newline) to `write` (tests read them back).
    init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("ts", Self.timestamp(Date())), ("level", event.level.rawValue), ("logger", label), ("msg", "\(event.message)"),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { _, explicit in explicit }
        for key in merged.keys.sorted() where !["ts", "level", "logger", "msg"].contains(key) {
            fields.append((key, "\(merged[key]!)"))
        }
        write("{" + fields.map { Self.quoted($0.0) + ":" + Self.quoted($0.1) }.joined(separator: ",") + "}\n")
    }

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
