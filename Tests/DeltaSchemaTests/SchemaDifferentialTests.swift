import DeltaCore
import DeltaJSON
import Testing
import DeltaSchema

/// Compares our verdicts with Python `jsonschema`'s Draft7Validator on the
/// cases `Tests/System/test_schema_differential.py` writes. Runs only when
/// `DELTADB_SCHEMA_DIFF_FILE` names that file (the script sets it).
@Suite struct SchemaDifferentialTests {
    static let casesFile: String? = environment("DELTADB_SCHEMA_DIFF_FILE")

    @Test(.enabled(if: casesFile != nil, "set DELTADB_SCHEMA_DIFF_FILE (Tests/System/test_schema_differential.py does)"))
    func agreesWithPythonJSONSchema() throws {
        let document = try JSONParser.parse(try readFile(Self.casesFile!), maxDepth: 256)
        let cases = try #require(document["cases"]?.arrayValue)
        var disagreements: [String] = []
        // Keyed by bytes: Swift String equality would merge canonically equivalent texts.
        var schemaCache: [[UInt8]: CompiledSchema] = [:]
        for entry in cases {
            guard let schemaText = entry["schema"]?.stringValue, let instanceText = entry["instance"]?.stringValue,
                let number = entry["id"]?.numberValue?.int
            else {
                Issue.record("malformed case \(entry)")
                continue
            }
            // valid: true/false is Python's verdict on the instance; null means
            // Python's check_schema rejected the schema, so we must reject it too.
            guard let expected = entry["valid"]?.boolValue else {
                if (try? SchemaRegistry().add(id: "case", json: Array(schemaText.utf8))) != nil {
                    disagreements.append("#\(number): python rejects the schema, we accept it\n  schema:   \(schemaText)")
                }
                continue
            }
            let verdict: String
            do {
                let others = entry["others"]?.arrayValue ?? []
                let cacheKey = Array((schemaText + others.description).utf8)
                let schema: CompiledSchema
                if let cached = schemaCache[cacheKey] {
                    schema = cached
                } else {
                    let registry = SchemaRegistry()
                    for other in others {
                        guard let pair = other.arrayValue, pair.count == 2, let id = pair[0].stringValue,
                            let text = pair[1].stringValue
                        else { continue }
                        try registry.add(id: id, json: Array(text.utf8))
                    }
                    schema = try registry.add(id: "case", json: Array(schemaText.utf8))
                    schemaCache[cacheKey] = schema
                }
                let instance = try JSONParser.parse(instanceText, maxDepth: 256)
                let valid = schema.isValid(instance)
                let errors = schema.validate(instance)
                if valid != errors.isEmpty {
                    disagreements.append("#\(number): isValid=\(valid) but validate() gave \(errors.count) errors")
                    continue
                }
                if valid == expected { continue }
                verdict = "ours=\(valid ? "valid" : "invalid \(errors.map(\.description))")"
            } catch {
                verdict = "ours=error \(error)"
            }
            disagreements.append("#\(number): python=\(expected ? "valid" : "invalid") \(verdict)\n  schema:   \(schemaText)\n  instance: \(instanceText)")
        }
        print("schema differential: \(cases.count) cases, \(disagreements.count) disagreements")
        for line in disagreements.prefix(200) { print(line) }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreement(s) with Python jsonschema")
    }
}
