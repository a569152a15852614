import DeltaCrypto

/// Process-wide set-up each executable does before anything else.
public enum ProcessSetup {
    /// Initialises OpenSSL without its exit-time cleanup, so exiting (a start-up
    /// error, a signal) while another thread is inside OpenSSL ends with the
    /// process's own status instead of a crash (see `OpenSSLProcess`).
    public static func prepare() {
        OpenSSLProcess.initializeWithoutExitCleanup()
    }
}
