/// The prefixes of DeltaDatabase's metric names, the Go original's.
///
/// The all-in-one `deltadb` and `main-worker` use `mainPrefix`, `proc-worker` uses
/// `procPrefix`; docs/observability.md lists every name under them.
public enum MetricNames {
    /// The prefix of the all-in-one server and the Main Worker.
    public static let mainPrefix = "deltadatabase_main_"
    /// The prefix of a Processing Worker.
    public static let procPrefix = "deltadatabase_proc_"
}
