import ArgumentParser
import CodegenCore

/// `deltadb-codegen generate`: writes every generated file and deletes stale ones.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write every generated file (Swift server and client, and all registered targets)."
    )

    @OptionGroup var options: SpecOptions

    func run() throws {
        let (output, hasErrors) = try options.run()
        let changes = try DriftChecker(root: options.rootURL).write(output)
        for change in changes {
            switch change {
            case .missing(let path): print("created \(path)")
            case .differs(let path): print("updated \(path)")
            case .stale(let path): print("deleted \(path)")
            }
        }
        print("\(output.files.count) files generated, \(changes.count) changed")
        if hasErrors {
            printError("error: the spec has problems (see above); the generated code is incomplete")
            throw ExitCode(1)
        }
    }
}
