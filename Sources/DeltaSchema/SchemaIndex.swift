import DeltaCore
import DeltaJSON

/// A place in a registered schema document: the document's registry id and
/// a JSON pointer (escaped string form) from its root.
struct SchemaLocation: Hashable, Sendable {
    var document: String
    var pointer: String

    func appending(_ tokens: String...) -> SchemaLocation {
        var copy = self
        for token in tokens { copy.pointer += "/" + JSONPointer.escape(token) }
        return copy
    }
}

/// Where every identifier of a set of schema documents points: resource URIs
/// (the registry id, root `$id`s and embedded `$id`s), plain-name anchors
/// (`$id: "#foo"`), and the base URI in effect at each subschema.
///
/// Only subschemas under draft-07's schema keywords are walked, so `$id`
/// inside `enum`/`const` values or unknown keywords is (correctly) ignored;
/// `$id` next to `$ref` is ignored as draft-07 requires.
struct SchemaIndex: Sendable {
    var documents: [String: JSONValue] = [:]
    var resources: [String: SchemaLocation] = [:]
    var anchors: [String: SchemaLocation] = [:]
    var bases: [SchemaLocation: URIReference] = [:]

    static let singleSchemaKeywords = ["additionalItems", "additionalProperties", "contains", "propertyNames", "not",
                                       "if", "then", "else", "items"]
    static let schemaArrayKeywords = ["items", "allOf", "anyOf", "oneOf"]
    static let schemaMapKeywords = ["properties", "patternProperties", "definitions", "dependencies"]

    /// Adds a document under `id` and indexes its identifiers.
    mutating func add(document: JSONValue, id: String) {
        documents[id] = document
        let root = SchemaLocation(document: id, pointer: "")
        resources[id] = root
        walk(document, root, base: URIReference(id))
    }

    private mutating func walk(_ value: JSONValue, _ location: SchemaLocation, base inherited: URIReference) {
        guard case .object(let object) = value else { return }
        var base = inherited
        if object["$ref"] == nil, case .string(let id)? = object["$id"] {
            let resolved = inherited.resolving(URIReference(id))
            base = resolved.withoutFragment
            if let fragment = resolved.fragment, !fragment.isEmpty, !fragment.hasPrefix("/") {
                anchors[base.description + "#" + fragment] = location
            } else if resources[base.description] == nil {
                resources[base.description] = location
            }
        }
        bases[location] = base
        for keyword in Self.singleSchemaKeywords {
            if let child = object[keyword], child.objectValue != nil {
                walk(child, location.appending(keyword), base: base)
            }
        }
        for keyword in Self.schemaArrayKeywords {
            if case .array(let children)? = object[keyword] {
                for (index, child) in children.enumerated() {
                    walk(child, location.appending(keyword, String(index)), base: base)
                }
            }
        }
        for keyword in Self.schemaMapKeywords {
            if case .object(let members)? = object[keyword] {
                for (name, child) in members.members {
                    walk(child, location.appending(keyword, name), base: base)
                }
            }
        }
    }

    /// The value at `location`, if it exists.
    func value(at location: SchemaLocation) -> JSONValue? {
        guard let document = documents[location.document] else { return nil }
        guard let pointer = try? JSONPointer(location.pointer) else { return nil }
        return pointer.resolve(in: document)
    }

    /// The base URI in effect at `location`.
    func base(at location: SchemaLocation) -> URIReference {
        if let base = bases[location] { return base }
        var probe = location.pointer
        while let slash = probe.lastIndex(of: "/") {
            probe = String(probe[..<slash])
            if let base = bases[SchemaLocation(document: location.document, pointer: probe)] { return base }
        }
        return URIReference(location.document)
    }

    /// Resolves a `$ref` value against the base in effect where it appears.
    ///
    /// - Throws: `.badRequest` naming the reference when no registered schema
    ///   has that id, the pointer leads nowhere, or the anchor is unknown.
    func resolve(_ reference: String, from base: URIReference) throws(DeltaError) -> SchemaLocation {
        let target = base.resolving(URIReference(reference))
        let resourceKey = target.withoutFragment.description
        guard let resource = resources[resourceKey] else {
            throw DeltaError(.badRequest, "unresolvable $ref '\(reference)': no schema with id '\(resourceKey)' is registered")
        }
        let fragment = target.fragment ?? ""
        if fragment.isEmpty { return resource }
        if fragment.hasPrefix("/") || fragment.hasPrefix("%2F") || fragment.hasPrefix("%2f") {
            guard let pointer = try? JSONPointer(uriFragment: fragment) else {
                throw DeltaError(.badRequest, "unresolvable $ref '\(reference)': '#\(fragment)' is not a valid JSON pointer")
            }
            var location = resource
            for token in pointer.tokens { location = location.appending(token) }
            guard value(at: location) != nil else {
                throw DeltaError(.badRequest, "unresolvable $ref '\(reference)': '#\(fragment)' does not exist in '\(resourceKey)'")
            }
            return location
        }
        guard let anchor = anchors[resourceKey + "#" + fragment] else {
            throw DeltaError(.badRequest, "unresolvable $ref '\(reference)': no '$id' anchor '#\(fragment)' in '\(resourceKey)'")
        }
        return anchor
    }
}
