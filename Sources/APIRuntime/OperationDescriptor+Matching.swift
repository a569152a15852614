extension OperationDescriptor {
    /// Whether `path` (a request path, without its query) fits this operation's
    /// template: the same number of segments, literal segments equal, and each
    /// `{name}` segment non-empty. It does not decode or validate the values.
    public func matches(path: String) -> Bool {
        let template = self.path.split(separator: "/", omittingEmptySubsequences: false)
        let actual = path.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == actual.count else { return false }
        return zip(template, actual).allSatisfy { pattern, segment in
            pattern.hasPrefix("{") && pattern.hasSuffix("}") ? !segment.isEmpty : pattern == segment
        }
    }

    /// The methods `operations` allow on `path`, sorted and without duplicates;
    /// empty when no operation has that path (a 404 rather than a 405).
    public static func allowedMethods(for path: String, in operations: [OperationDescriptor]) -> [String] {
        Set(operations.filter { $0.matches(path: path) }.map(\.method)).sorted()
    }
}
