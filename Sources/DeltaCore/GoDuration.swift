/// Parses durations written the way the seed's Go flags took them: `0`, `300ms`,
/// `30s`, `5m`, `24h`, `1h30m`, plus the day shorthand `7d` / `30d`.
///
/// Returns seconds as a `Double`. It does not accept negative durations or
/// bare numbers other than `0` (a unit is required, as in Go).
public enum GoDuration {
    /// Parses `text` into seconds.
    ///
    /// - Throws: `.badRequest` naming the text and the accepted forms.
    public static func seconds(_ text: String) throws(DeltaError) -> Double {
        let trimmed = text.trimmingSpaces()
        if trimmed == "0" { return 0 }
        var total = 0.0
        var index = trimmed.startIndex
        var sawComponent = false
        while index < trimmed.endIndex {
            let numberStart = index
            while index < trimmed.endIndex, trimmed[index].isNumber || trimmed[index] == "." {
                index = trimmed.index(after: index)
            }
            guard let value = Double(trimmed[numberStart..<index]) else { throw invalid(text) }
            let unitStart = index
            while index < trimmed.endIndex, trimmed[index].isLetter || trimmed[index] == "µ" {
                index = trimmed.index(after: index)
            }
            guard let multiplier = unitSeconds[String(trimmed[unitStart..<index])] else { throw invalid(text) }
            total += value * multiplier
            sawComponent = true
        }
        guard sawComponent else { throw invalid(text) }
        return total
    }

    private static let unitSeconds: [String: Double] = [
        "ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600, "d": 86400,
    ]

    private static func invalid(_ text: String) -> DeltaError {
        DeltaError(
            .badRequest,
            "invalid duration '\(text.prefix(40))': use forms like 0, 30s, 5m, 24h, 1h30m or 7d"
        )
    }
}

extension String {
    fileprivate func trimmingSpaces() -> Substring {
        var slice = self[...]
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return slice
    }
}
