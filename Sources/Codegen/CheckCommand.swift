import ArgumentParser
import CodegenCore

/// `deltadb-codegen check`: fails when any generated file is out of date.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Regenerate in memory; exit non-zero naming every file that differs, is missing or is stale."
    )

    @OptionGroup var options: SpecOptions

    func run() throws {
        let (output, hasErrors) = try options.run()
        let drifts = DriftChecker(root: options.rootURL).check(output)
        for drift in drifts {
            print(drift.description)
        }
        guard drifts.isEmpty, !hasErrors else {
            if !drifts.isEmpty {
                printError("error: \(drifts.count) generated files are out of date; run `deltadb-codegen generate`")
            }
            throw ExitCode(1)
        }
        print("all \(output.files.count) generated files are up to date")
    }
}
