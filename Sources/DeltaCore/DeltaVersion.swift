/// The DeltaDatabase release these binaries were built from.
///
/// Reported by `--version`, `GET /api/stats` and the console. It equals the
/// `info.version` of `spec/openapi.yaml` (a test checks), since the REST API and
/// the server are released together.
public enum DeltaVersion {
    /// The version, as `major.minor.patch`.
    public static let current = "0.1.0"
}
