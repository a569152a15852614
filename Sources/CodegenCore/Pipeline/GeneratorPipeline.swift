import Foundation

/// Parse → model → translate → render, for every translator, in memory.
///
/// It reads nothing but the spec text it is given and writes nothing; `OutputWriter`
/// and `DriftChecker` deal with the file system.
public struct GeneratorPipeline: Sendable {
    /// Everything one run produced.
    public struct Output: Sendable {
        /// Every generated file, in translator order, then path order within a translator.
        public var files: [GeneratedFile]
        /// Parser and translator diagnostics, in the order found.
        public var diagnostics: [Diagnostic]
        /// The folders the translators own, sorted.
        public var outputDirectories: [String]
    }

    /// The translators to run.
    public var translators: [any Translator]

    /// Creates a pipeline running `translators` (by default every registered target).
    public init(translators: [any Translator] = GeneratorTargets.openAPI) {
        self.translators = translators
    }

    /// The spec's path relative to the repository root.
    public static let defaultSpecPath = "spec/openapi.yaml"

    /// Runs every translator over `yaml`, naming `source` in headers and diagnostics.
    ///
    /// - Throws: `CodegenError` if the spec cannot be parsed at all, or if two
    ///   translators produce the same path; translator failures propagate.
    public func run(yaml: String, source: String = defaultSpecPath) throws -> Output {
        let parsed = try OpenAPIParser.parse(yaml: yaml, source: source)
        var diagnostics = parsed.diagnostics
        var files: [GeneratedFile] = []
        var seen: Set<String> = []
        for translator in translators {
            for file in try translator.translate(parsed.model, diagnostics: &diagnostics) {
                guard seen.insert(file.path).inserted else {
                    throw CodegenError("\(translator.name) produces \(file.path), which another translator also produces")
                }
                files.append(file)
            }
        }
        let directories = Set(translators.flatMap(\.outputDirectories)).sorted()
        return Output(files: files, diagnostics: diagnostics, outputDirectories: directories)
    }

    /// Reads `root/specPath` and runs every translator over it.
    ///
    /// - Throws: `CodegenError` if the spec cannot be read or parsed.
    public func run(root: URL, specPath: String = defaultSpecPath) throws -> Output {
        let url = root.appendingPathComponent(specPath)
        let yaml: String
        do {
            yaml = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CodegenError("cannot read \(url.path): \(error.localizedDescription)")
        }
        return try run(yaml: yaml, source: specPath)
    }
}
