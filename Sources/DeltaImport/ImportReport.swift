import Foundation

/// What an import did (or, in a dry run, would do): per kind of thing, what was
/// imported, what was skipped and what failed, each with its reason.
///
/// It names entities, schemas and keys but never holds document contents or
/// secrets, so it may be printed and written to a file (`--report`).
public struct ImportReport: Codable, Sendable, Equatable {
    /// What a line of the report is about.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case entity, schema, binding, key
    }

    /// One thing that was not simply imported, or a note about one that was.
    public struct Item: Codable, Sendable, Equatable {
        public var kind: Kind
        /// The original's name for it: a file id, schema id, database or key id.
        public var name: String
        /// Why; what to do where something can be done.
        public var reason: String

        public init(kind: Kind, name: String, reason: String) {
            self.kind = kind
            self.name = name
            self.reason = reason
        }
    }

    /// Counts of one kind.
    public struct Counts: Codable, Sendable, Equatable {
        public var imported = 0
        public var skipped = 0
        public var failed = 0

        public init(imported: Int = 0, skipped: Int = 0, failed: Int = 0) {
            self.imported = imported
            self.skipped = skipped
            self.failed = failed
        }
    }

    /// Whether nothing was written.
    public var dryRun: Bool
    /// Where the original's data came from.
    public var source: String
    public var entities = Counts()
    public var schemas = Counts()
    public var bindings = Counts()
    public var keys = Counts()
    /// Imported schemas, bindings (`database -> schema`) and key ids (entities are
    /// only counted).
    public var imported: [Item] = []
    public var skipped: [Item] = []
    public var failed: [Item] = []
    /// Entities whose database/key split was a guess (see `OriginalEntityName`).
    public var guessedSplits: [Item] = []

    public init(dryRun: Bool, source: String) {
        self.dryRun = dryRun
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case dryRun = "dry_run", source, entities, schemas, bindings, keys, imported, skipped, failed
        case guessedSplits = "guessed_splits"
    }

    /// Whether every item was imported or skipped (nothing failed).
    public var succeeded: Bool { failed.isEmpty }

    mutating func record(_ kind: Kind, imported name: String, note: String? = nil) {
        counts(kind) { $0.imported += 1 }
        if kind != .entity || note != nil { imported.append(Item(kind: kind, name: name, reason: note ?? "")) }
    }

    mutating func record(_ kind: Kind, skipped name: String, _ reason: String) {
        counts(kind) { $0.skipped += 1 }
        skipped.append(Item(kind: kind, name: name, reason: reason))
    }

    mutating func record(_ kind: Kind, failed name: String, _ reason: String) {
        counts(kind) { $0.failed += 1 }
        failed.append(Item(kind: kind, name: name, reason: reason))
    }

    private mutating func counts(_ kind: Kind, _ change: (inout Counts) -> Void) {
        switch kind {
        case .entity: change(&entities)
        case .schema: change(&schemas)
        case .binding: change(&bindings)
        case .key: change(&keys)
        }
    }

    /// The report as indented JSON with sorted keys (the `--report` file).
    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("{}".utf8)
    }

    /// A few lines for the terminal: the counts, then the first `limit` skipped
    /// and failed items and guessed splits.
    public func summary(limit: Int = 20) -> [String] {
        let verb = dryRun ? "would import" : "imported"
        var lines = [
            "\(dryRun ? "dry run: " : "")import from \(source): \(verb) \(entities.imported) entities, "
                + "\(schemas.imported) schemas, \(bindings.imported) bindings, \(keys.imported) keys; "
                + "skipped \(skipped.count); failed \(failed.count); guessed splits \(guessedSplits.count)",
        ]
        for (title, items) in [("skipped", skipped), ("failed", failed), ("guessed split", guessedSplits)] {
            for item in Self.grouped(items, limit: limit) { lines.append("  \(title): \(item)") }
        }
        return lines
    }

    /// The first `limit` items, then one line per reason for the rest.
    private static func grouped(_ items: [Item], limit: Int) -> [String] {
        var lines = items.prefix(limit).map { "\($0.kind.rawValue) \($0.name): \($0.reason)" }
        guard items.count > limit else { return lines }
        var rest: [String: Int] = [:]
        for item in items.dropFirst(limit) { rest["\(item.kind.rawValue): \(item.reason)", default: 0] += 1 }
        for (reason, count) in rest.sorted(by: { $0.key < $1.key }) { lines.append("… and \(count) more: \(reason)") }
        return lines
    }
}
