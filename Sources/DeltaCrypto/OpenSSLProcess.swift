internal import COpenSSL

/// Process-wide OpenSSL set-up for the executables.
public enum OpenSSLProcess {
    /// Initialises OpenSSL without its exit-time cleanup; call it first in `main`,
    /// before anything else uses OpenSSL (later calls change nothing).
    ///
    /// OpenSSL frees its locks and tables in an `atexit` handler. A process that
    /// exits while another thread is inside OpenSSL (an error at start-up while a
    /// worker key pair is being generated, or a signal during a request) would
    /// then crash in that thread with a segmentation fault instead of exiting with
    /// its own status. The memory returns to the system at exit anyway.
    public static func initializeWithoutExitCleanup() {
        _ = OPENSSL_init_crypto(UInt64(OPENSSL_INIT_NO_ATEXIT), nil)
    }
}
