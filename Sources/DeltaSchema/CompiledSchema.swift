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
    ///
    /// The report is bounded by `limits`: after `maxErrors` errors a final
    /// entry says that further errors were omitted, and when the work budget
    /// runs out a final entry says validation stopped — so the result is never
    /// empty for a document that was not fully checked. Callers that must tell
    /// "invalid" from "too expensive to check" use `errors(in:limits:)`.
    public func validate(_ instance: JSONValue, limits: ValidationLimits = .default) -> [ValidationError] {
        var run = ValidationRun(nodes: nodes, limits: limits)
        _ = run.check(root, instance, collect: true)
        var errors = run.errors
        if run.exhausted {
            errors.append(ValidationError(
                instancePointer: "", schemaPointer: "", keyword: "", message: budgetMessage(limits)))
        } else if run.truncated {
            errors.append(ValidationError(
                instancePointer: "", schemaPointer: "", keyword: "",
                message: "further errors were omitted: only the first \(run.errors.count) are reported"))
        }
        return errors
    }

    /// Every way `instance` fails the schema (empty when valid), bounded as
    /// `validate` bounds it.
    ///
    /// - Throws: `DeltaError(.validationBudgetExceeded)` when checking the
    ///   document would take more than `limits.maxSteps` steps.
    public func errors(in instance: JSONValue, limits: ValidationLimits = .default) throws(DeltaError) -> [ValidationError] {
        var run = ValidationRun(nodes: nodes, limits: limits)
        _ = run.check(root, instance, collect: true)
        if run.exhausted { throw DeltaError(.validationBudgetExceeded, budgetMessage(limits)) }
        var errors = run.errors
        if run.truncated {
            errors.append(ValidationError(
                instancePointer: "", schemaPointer: "", keyword: "",
                message: "further errors were omitted: only the first \(run.errors.count) are reported"))
        }
        return errors
    }

    /// Whether `instance` is valid; faster than `validate` because it stops
    /// at the first failure and builds no messages. False when the work
    /// budget runs out: a document that was not fully checked is not valid.
    public func isValid(_ instance: JSONValue, limits: ValidationLimits = .default) -> Bool {
        var run = ValidationRun(nodes: nodes, limits: limits)
        return run.check(root, instance, collect: false) && !run.exhausted
    }

    /// Validates `instance` and throws when it is invalid.
    ///
    /// - Throws: `DeltaError(.schemaViolation)` "document does not match
    ///   schema '<id>': N error(s)", with one detail per error (instance
    ///   pointer, schema pointer, message); `DeltaError(.validationBudgetExceeded)`
    ///   when checking it would cost more than `limits` allow.
    public func check(_ instance: JSONValue, limits: ValidationLimits = .default) throws(DeltaError) {
        var run = ValidationRun(nodes: nodes, limits: limits)
        if run.check(root, instance, collect: false), !run.exhausted { return }
        if run.exhausted { throw DeltaError(.validationBudgetExceeded, budgetMessage(limits)) }
        let errors = try errors(in: instance, limits: limits)
        throw DeltaError(
            .schemaViolation,
            "document does not match schema '\(id)': \(errors.count) error(s)",
            details: errors.map {
                DeltaError.Detail(pointer: $0.instancePointer, schemaPointer: $0.schemaPointer, message: $0.message)
            }
        )
    }

    private func budgetMessage(_ limits: ValidationLimits) -> String {
        "validation stopped: checking this document against schema '\(id)' takes more than the work limit "
            + "of \(limits.maxSteps) steps; send a smaller document or simplify the schema (its patterns, "
            + "enums and nested combinators)"
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
