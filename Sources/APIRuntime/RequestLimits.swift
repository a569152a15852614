/// Limits the generated routes enforce while reading a request.
public struct RequestLimits: Sendable, Hashable {
    /// The largest accepted request body in bytes; larger bodies get 413.
    public var maxBodyBytes: Int

    /// Creates limits. The default body limit is the seed's 1 MiB.
    public init(maxBodyBytes: Int = 1 << 20) {
        self.maxBodyBytes = maxBodyBytes
    }
}
