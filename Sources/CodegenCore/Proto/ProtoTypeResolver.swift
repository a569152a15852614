/// Resolves the type names fields and RPCs use to fully qualified messages and enums.
///
/// Lookup follows protobuf's scoping: a name used inside `pkg.Outer` is tried
/// as `pkg.Outer.Name`, then `pkg.Name`, then `Name`; a leading `.` makes it
/// absolute. Unknown names are errors at the field.
struct ProtoTypeResolver {
    let source: String

    private var messages: Set<String> = []
    private var enums: Set<String> = []

    init(source: String) {
        self.source = source
    }

    mutating func resolve(_ file: inout ProtoFile, diagnostics: inout [Diagnostic]) {
        for message in file.messages { collect(message) }
        for value in file.enums { enums.insert(value.fullName) }
        for index in file.messages.indices {
            resolve(&file.messages[index], diagnostics: &diagnostics)
        }
        for serviceIndex in file.services.indices {
            let service = file.services[serviceIndex]
            for methodIndex in service.methods.indices {
                let method = service.methods[methodIndex]
                for (isInput, name) in [(true, method.input), (false, method.output)] {
                    let resolved = lookup(name, scope: file.packageName)
                    guard let resolved, messages.contains(resolved) else {
                        diagnostics.append(Diagnostic(
                            .error, file: source, location: method.location,
                            "\(service.fullName).\(method.name): '\(name)' is not a message defined in this file"
                        ))
                        continue
                    }
                    if isInput {
                        file.services[serviceIndex].methods[methodIndex].input = resolved
                    } else {
                        file.services[serviceIndex].methods[methodIndex].output = resolved
                    }
                }
            }
        }
    }

    private mutating func collect(_ message: ProtoMessage) {
        messages.insert(message.fullName)
        for nested in message.messages { collect(nested) }
        for value in message.enums { enums.insert(value.fullName) }
    }

    private func resolve(_ message: inout ProtoMessage, diagnostics: inout [Diagnostic]) {
        for index in message.fields.indices {
            let field = message.fields[index]
            guard let type = resolve(field.type, scope: message.fullName) else {
                diagnostics.append(Diagnostic(
                    .error, file: source, location: field.location,
                    "\(message.fullName).\(field.name): unknown type '\(Self.unresolvedName(field.type) ?? "?")'"
                ))
                continue
            }
            message.fields[index].type = type
        }
        for index in message.messages.indices {
            resolve(&message.messages[index], diagnostics: &diagnostics)
        }
    }

    private func resolve(_ type: ProtoType, scope: String) -> ProtoType? {
        switch type {
        case .scalar, .message, .enumeration:
            return type
        case .map(let key, let value):
            return resolve(value, scope: scope).map { .map(key: key, value: $0) }
        case .unresolved(let name):
            guard let full = lookup(name, scope: scope) else { return nil }
            return messages.contains(full) ? .message(full) : .enumeration(full)
        }
    }

    private static func unresolvedName(_ type: ProtoType) -> String? {
        switch type {
        case .unresolved(let name): name
        case .map(_, let value): unresolvedName(value)
        default: nil
        }
    }

    /// The fully qualified name `name` refers to from inside `scope`, if it exists.
    private func lookup(_ name: String, scope: String) -> String? {
        if name.hasPrefix(".") {
            let absolute = String(name.dropFirst())
            return exists(absolute) ? absolute : nil
        }
        var parts = scope.isEmpty ? [] : scope.split(separator: ".").map(String.init)
        while true {
            let candidate = (parts + [name]).joined(separator: ".")
            if exists(candidate) { return candidate }
            if parts.isEmpty { return nil }
            parts.removeLast()
        }
    }

    private func exists(_ name: String) -> Bool {
        messages.contains(name) || enums.contains(name)
    }
}
