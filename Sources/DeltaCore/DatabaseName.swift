/// The one rule for comparing database names (and other names that reach
/// storage): byte for byte, on their UTF-8 encoding.
///
/// Swift's `String ==`, `Set<String>` and `Dictionary<String, …>` use Unicode
/// canonical equivalence, so `"café"` (U+00E9) equals `"cafe\u{301}"`, but the
/// storage layer names them differently on disk: they are two databases. A
/// permission check that used `==` would let a key scoped to one reach the
/// other. Every scope check uses these helpers instead.
public enum DatabaseName {
    /// Whether `a` and `b` name the same database (same UTF-8 bytes).
    public static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8)
    }

    /// Whether `names` holds `name`, byte for byte.
    public static func contains(_ names: some Sequence<String>, _ name: String) -> Bool {
        names.contains { same($0, name) }
    }

    /// `names` without byte-identical repeats, sorted by bytes (names that
    /// differ only in normalisation both stay).
    public static func unique(_ names: some Sequence<String>) -> [String] {
        var result: [String] = []
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        where !(result.last.map { same($0, name) } ?? false) {
            result.append(name)
        }
        return result
    }
}
