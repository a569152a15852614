/// Finds messages that contain themselves through singular message fields.
///
/// A Swift struct cannot hold an optional of itself (infinite size);
/// protoc-gen-swift moves such messages into heap storage, which
/// `SwiftProtobufTranslator` does not generate. `repeated` and `map` fields are
/// fine (arrays and dictionaries live on the heap).
struct ProtoRecursionCheck {
    private var edges: [String: [(field: String, target: String, location: String)]] = [:]

    init(_ file: ProtoFile) {
        for message in file.messages { collect(message) }
    }

    private mutating func collect(_ message: ProtoMessage) {
        for field in message.fields where field.label != .repeated {
            if case .message(let target) = field.type {
                edges[message.fullName, default: []].append((field.name, target, field.location))
            }
        }
        for nested in message.messages { collect(nested) }
    }

    /// One error per field that closes a cycle, in declaration order.
    func diagnostics(source: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (message, fields) in edges.sorted(by: { $0.key < $1.key }) {
            for edge in fields where reaches(edge.target, message) {
                result.append(Diagnostic(
                    .error, file: source, location: edge.location,
                    "\(message).\(edge.field): recursive message fields are not supported (a Swift struct cannot contain itself); use 'repeated'"
                ))
            }
        }
        return result
    }

    private func reaches(_ start: String, _ goal: String) -> Bool {
        var seen: Set<String> = []
        var stack = [start]
        while let next = stack.popLast() {
            if next == goal { return true }
            guard seen.insert(next).inserted else { continue }
            stack += (edges[next] ?? []).map(\.target)
        }
        return false
    }
}
