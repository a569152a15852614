import ArgumentParser
import CodegenCore
import Foundation

/// Options every subcommand that reads the spec shares.
struct SpecOptions: ParsableArguments {
    @Option(name: .long, help: "The repository root (default: the current directory).")
    var root: String = "."

    @Option(name: .long, help: "The spec, relative to the root.")
    var spec: String = GeneratorPipeline.defaultSpecPath

    @Option(name: .long, help: "The gRPC contract (proto3), relative to the root.")
    var proto: String = ProtoGeneratorPipeline.defaultSpecPath

    var rootURL: URL {
        URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
    }

    /// Runs both pipelines (REST and proto) and prints their diagnostics to standard error.
    ///
    /// - Returns: The output and whether any diagnostic is an error.
    func run() throws -> (output: GeneratorPipeline.Output, hasErrors: Bool) {
        let output: GeneratorPipeline.Output
        do {
            output = try GeneratorPipeline().run(root: rootURL, specPath: spec)
                .merged(with: ProtoGeneratorPipeline().run(root: rootURL, specPath: proto))
        } catch let error as CodegenError {
            throw ValidationError(error.message)
        }
        for diagnostic in output.diagnostics {
            printError(diagnostic.description)
        }
        return (output, output.diagnostics.contains { $0.severity == .error })
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
