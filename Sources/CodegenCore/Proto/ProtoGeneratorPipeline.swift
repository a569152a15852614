import Foundation

/// Parse → model → translate → render for `spec/deltadb.proto`, in memory.
///
/// The proto counterpart of `GeneratorPipeline`; its output has the same shape,
/// so `DriftChecker` checks and writes it the same way, and `merged(with:)`
/// combines both into one run of `generate` or `check`.
public struct ProtoGeneratorPipeline: Sendable {
    /// The translators to run.
    public var translators: [any ProtoTranslator]

    /// Creates a pipeline running `translators` (by default every registered proto target).
    public init(translators: [any ProtoTranslator] = GeneratorTargets.proto) {
        self.translators = translators
    }

    /// The proto spec's path relative to the repository root.
    public static let defaultSpecPath = SwiftProtobufNames.specPath

    /// Runs every translator over `text`, naming `source` in headers and diagnostics.
    ///
    /// - Throws: `CodegenError` if two translators produce the same path.
    public func run(proto text: String, source: String = defaultSpecPath) throws -> GeneratorPipeline.Output {
        let parsed = ProtoParser.parse(text, source: source)
        var diagnostics = parsed.diagnostics
        var files: [GeneratedFile] = []
        var seen: Set<String> = []
        for translator in translators {
            for file in try translator.translate(parsed.file, diagnostics: &diagnostics) {
                guard seen.insert(file.path).inserted else {
                    throw CodegenError("\(translator.name) produces \(file.path), which another translator also produces")
                }
                files.append(file)
            }
        }
        let directories = Set(translators.flatMap(\.outputDirectories)).sorted()
        return GeneratorPipeline.Output(files: files, diagnostics: diagnostics, outputDirectories: directories)
    }

    /// Reads `root/specPath` and runs every translator over it.
    ///
    /// - Throws: `CodegenError` if the file cannot be read.
    public func run(root: URL, specPath: String = defaultSpecPath) throws -> GeneratorPipeline.Output {
        let url = root.appendingPathComponent(specPath)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CodegenError("cannot read \(url.path): \(error.localizedDescription)")
        }
        return try run(proto: text, source: specPath)
    }
}

extension GeneratorPipeline.Output {
    /// Both outputs as one: files and diagnostics in order, directories merged.
    ///
    /// - Throws: `CodegenError` if both produce the same path.
    public func merged(with other: GeneratorPipeline.Output) throws -> GeneratorPipeline.Output {
        let paths = Set(files.map(\.path))
        if let clash = other.files.first(where: { paths.contains($0.path) }) {
            throw CodegenError("\(clash.path) is produced from two specs")
        }
        return GeneratorPipeline.Output(
            files: files + other.files,
            diagnostics: diagnostics + other.diagnostics,
            outputDirectories: Set(outputDirectories + other.outputDirectories).sorted()
        )
    }
}
