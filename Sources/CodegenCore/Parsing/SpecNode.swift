import Foundation
import Yams

/// The spec as a plain ordered tree: what the parser walks instead of Yams nodes.
///
/// Mappings keep their key order (the order of generated declarations follows
/// the spec). Scalars stay strings; the parser interprets them. YAML anchors and
/// aliases are resolved by Yams before this tree is built.
public indirect enum SpecNode: Sendable, Hashable {
    /// A scalar, as written (quotes removed).
    case scalar(String)
    /// A mapping with string keys, in document order.
    case mapping([(key: String, value: SpecNode)])
    /// A sequence.
    case sequence([SpecNode])

    /// Parses YAML (or JSON) text into a tree.
    ///
    /// - Throws: `CodegenError` when the text is not YAML or is empty.
    public static func parse(yaml: String) throws -> SpecNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw CodegenError("the spec is not valid YAML: \(error)")
        }
        guard let root else { throw CodegenError("the spec is empty") }
        return SpecNode(root)
    }

    private init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(scalar.string)
        case .mapping(let mapping):
            self = .mapping(mapping.map { (key: $0.key.string ?? "", value: SpecNode($0.value)) })
        case .sequence(let sequence):
            self = .sequence(sequence.map { SpecNode($0) })
        case .alias:
            self = .scalar("")
        }
    }

    /// The member `key` of a mapping, or nil.
    public subscript(key: String) -> SpecNode? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// The scalar text, or nil for mappings and sequences.
    public var string: String? {
        if case .scalar(let text) = self { return text }
        return nil
    }

    /// The scalar as a boolean (`true`/`false`), or nil.
    public var bool: Bool? {
        switch string {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// The members of a mapping in order; empty for other nodes.
    public var pairs: [(key: String, value: SpecNode)] {
        if case .mapping(let pairs) = self { return pairs }
        return []
    }

    /// The elements of a sequence; empty for other nodes.
    public var elements: [SpecNode] {
        if case .sequence(let elements) = self { return elements }
        return []
    }

    /// Whether this is a mapping.
    public var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }

    /// Follows a local JSON pointer such as `#/components/schemas/Error`.
    public func resolve(pointer: String) -> SpecNode? {
        guard pointer.hasPrefix("#") else { return nil }
        var node: SpecNode? = self
        for token in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: true) {
            let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if case .sequence(let elements) = node, let index = Int(key), elements.indices.contains(index) {
                node = elements[index]
            } else {
                node = node?[key]
            }
        }
        return node
    }

    public static func == (lhs: SpecNode, rhs: SpecNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): a == b
        case (.sequence(let a), .sequence(let b)): a == b
        case (.mapping(let a), .mapping(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .scalar(let text): hasher.combine(text)
        case .sequence(let elements): hasher.combine(elements)
        case .mapping(let pairs):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }
}
