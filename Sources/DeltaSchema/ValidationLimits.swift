/// How much one validation may cost: a budget of work steps shared by every
/// keyword evaluation and every regular-expression match of the run, and caps
/// on what the error report may hold.
///
/// A step is roughly one keyword evaluation, one code point a pattern looks
/// at, or one comparison against an `enum` member. The default allows far
/// more than a legitimate document of the server's maximum body size needs
/// (a 1 MiB document of strings under a typical pattern takes a few million),
/// yet stops a hostile schema/document pair within about a second of CPU in
/// a release build. When the budget runs
/// out, validation stops and reports `DeltaError.Code.validationBudgetExceeded`
/// (or, from the non-throwing `CompiledSchema.validate`, a final error saying
/// so): a document that could not be checked is never accepted.
public struct ValidationLimits: Sendable, Equatable {
    /// Work steps one validation may take.
    public var maxSteps: Int
    /// Errors reported at most; a final entry says that more were omitted.
    public var maxErrors: Int
    /// Bytes of messages and pointers reported at most (a long member name
    /// repeated in 100 pointers must not make a huge response either).
    public var maxReportBytes: Int

    /// Creates limits.
    public init(maxSteps: Int, maxErrors: Int, maxReportBytes: Int) {
        self.maxSteps = maxSteps
        self.maxErrors = maxErrors
        self.maxReportBytes = maxReportBytes
    }

    /// 20 million steps, 100 errors, 256 KiB of report.
    public static let `default` = ValidationLimits(maxSteps: 20_000_000, maxErrors: 100, maxReportBytes: 256 * 1024)
}
