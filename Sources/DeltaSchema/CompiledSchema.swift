import DeltaCore
import DeltaJSON

/// A JSON Schema compiled for fast, repeated validation.
///
/// Immutable and thread-safe: share one instance across requests. Obtain it
/// from `SchemaRegistry.add(id:schema:)` (which also checks the schema
/// against the draft-07 metaschema) or `SchemaCompiler.compile(_:id:)`.
public final class CompiledSchema: Sendable {
    /// The id the schema was registered or compiled under.
    public let id: String
    /// A hash of the schema's serialised form; equal schemas have equal
    /// fingerprints, so callers can tell whether a cached compilation is current.
    public let fingerprint: UInt64
    let nodes: [SchemaNode]
    let root: Int
    /// Other registered schemas this one uses through `$ref`.
    let dependencies: Set<String>

    init(id: String, fingerprint: UInt64, nodes: [SchemaNode], root: Int, dependencies: Set<String>) {
        self.id = id
        self.fingerprint = fingerprint
        self.nodes = nodes
        self.root = root
        self.dependencies = dependencies
    }

    /// Every way `instance` fails the schema, in document order of the
    /// checks; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [ValidationError] {
        var run = ValidationRun(nodes: nodes)
        _ = run.check(root, instance, collect: true)
        return run.errors
    }

    /// Whether `instance` is valid; faster than `validate` because it stops
    /// at the first failure and builds no messages.
    public func isValid(_ instance: JSONValue) -> Bool {
        var run = ValidationRun(nodes: nodes)
        return run.check(root, instance, collect: false)
    }

    /// Validates `instance` and throws when it is invalid.
    ///
    /// - Throws: `DeltaError(.schemaViolation)` "document does not match
    ///   schema '<id>': N error(s)", with one detail per error (instance
    ///   pointer, schema pointer, message).
    public func check(_ instance: JSONValue) throws(DeltaError) {
        if isValid(instance) { return }
        let errors = validate(instance)
        throw DeltaError(
            .schemaViolation,
            "document does not match schema '\(id)': \(errors.count) error(s)",
            details: errors.map {
                DeltaError.Detail(pointer: $0.instancePointer, schemaPointer: $0.schemaPointer, message: $0.message)
            }
        )
    }
}

/// FNV-1a over a schema's compact serialisation.
enum SchemaFingerprint {
    static func of(_ schema: JSONValue) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in schema.serialized() {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}
