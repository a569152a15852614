import ArgumentParser
import Foundation

/// Flags of the Go original that every executable accepts so its command lines
/// keep working, although we do not (yet) act on them (see docs/compatibility.md).
public struct OriginalOptions: ParsableArguments, Sendable {
    @Option(name: .seed("metrics-addr"), help: "Accepted for compatibility with the original; metrics are not served yet (a notice is printed).")
    public var metricsAddr: String?

    public init() {}

    /// Prints what is accepted but not acted on, once, when the flags are parsed.
    public func validate() throws {
        if let metricsAddr {
            FileHandle.standardError.write(Data(
                "notice: -metrics-addr=\(metricsAddr) is accepted for compatibility with the original, but this version serves no metrics yet\n".utf8))
        }
    }
}
