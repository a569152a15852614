import ArgumentParser

/// `deltadb-codegen`: generates the server, clients and types from `spec/`.
///
/// A thin wrapper: all logic is in `CodegenCore`.
@main
struct DeltaDBCodegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deltadb-codegen",
        abstract: "Generate DeltaDatabase's server, clients, types and protobuf messages from spec/openapi.yaml and spec/deltadb.proto.",
        subcommands: [GenerateCommand.self, CheckCommand.self, TypesCommand.self],
        defaultSubcommand: GenerateCommand.self
    )
}
