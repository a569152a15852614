import Foundation

/// Parses the RFC 3339 times the Go original writes (`time.Time` in JSON: any
/// offset, up to nine fractional digits) and re-states them in our forms.
public enum RFC3339 {
    /// The instant `text` names, or nil if it is not RFC 3339.
    public static func parse(_ text: String) -> Date? {
        parts(text).map { $0.seconds.addingTimeInterval(Double($0.milliseconds) / 1000) }
    }

    /// `text` as our entity metadata writes times (UTC, milliseconds), or nil.
    public static func metadataTime(_ text: String?) -> String? {
        guard let text, let (seconds, milliseconds) = parts(text) else { return nil }
        let whole = seconds.formatted(.iso8601)  // 2025-06-01T08:20:30Z
        return String(whole.dropLast()) + "." + String(format: "%03d", milliseconds) + "Z"
    }

    /// `text` as the key store writes times (UTC, whole seconds), or nil.
    public static func keyStoreTime(_ text: String?) -> String? {
        guard let text, let (seconds, _) = parts(text) else { return nil }
        return seconds.formatted(.iso8601)
    }

    /// The whole seconds and the milliseconds of the fraction, read as digits (no
    /// floating-point rounding).
    private static func parts(_ text: String) -> (seconds: Date, milliseconds: Int)? {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        var milliseconds = 0
        if let dot = trimmed.firstIndex(of: ".") {
            let fractionStart = trimmed.index(after: dot)
            let fractionEnd = trimmed[fractionStart...].firstIndex { !$0.isASCII || !$0.isNumber } ?? trimmed.endIndex
            let digits = trimmed[fractionStart..<fractionEnd]
            guard !digits.isEmpty else { return nil }
            milliseconds = Int(String(digits.prefix(3)).padding(toLength: 3, withPad: "0", startingAt: 0)) ?? 0
            trimmed = String(trimmed[..<dot]) + String(trimmed[fractionEnd...])
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: trimmed).map { ($0, milliseconds) }
    }
}
