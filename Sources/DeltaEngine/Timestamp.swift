import Foundation

/// RFC 3339 UTC timestamps with millisecond precision, as stored in metadata.
public enum Timestamp {
    public static func now() -> String {
        format(Date())
    }

    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true).timeZone(separator: .omitted))
    }
}
