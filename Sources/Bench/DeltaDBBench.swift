import ArgumentParser

/// `deltadb-bench`: throughput measurements for `make bench`. Each workload is
/// bounded in time and prints one table row; nothing here asserts a speed.
@main
struct DeltaDBBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deltadb-bench",
        abstract: "Measure DeltaDatabase's hot paths (run the release build).",
        subcommands: [SchemaBenchCommand.self, GRPCBenchCommand.self]
    )
}
