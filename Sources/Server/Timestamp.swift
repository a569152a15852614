import Foundation

/// RFC 3339 UTC timestamps with millisecond precision, as stored in metadata.
enum Timestamp {
    static func now() -> String {
        format(Date())
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
