extension SymmetricKey: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Always `SymmetricKey(redacted)`: keys never appear in logs or messages.
    public var description: String { "SymmetricKey(redacted)" }

    /// Always `SymmetricKey(redacted)`, also for `debugPrint` and `String(reflecting:)`.
    public var debugDescription: String { description }

    /// A mirror with no children, so `dump` and debuggers show no key storage.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
