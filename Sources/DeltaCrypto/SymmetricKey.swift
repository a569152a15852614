internal import COpenSSL
import DeltaCore
import Synchronization

/// A 32-byte AES-256 key held in memory that is wiped when the last copy is released.
///
/// The bytes live in one heap allocation shared by all copies of the value; when
/// the last copy goes away the allocation is overwritten with `OPENSSL_cleanse`
/// before it is freed. Printing, interpolating, debug-printing or dumping a key
/// shows `SymmetricKey(redacted)`, so keys do not reach logs by accident; the only
/// way to see the bytes is the explicit `hexString` or `withUnsafeBytes`.
///
/// It does not protect against a process memory dump while the key is alive, and
/// it cannot wipe copies the caller made (the `[UInt8]` passed to `init(bytes:)`,
/// strings from `hexString`). It is not `Equatable`, so keys are never compared
/// with a timing-leaky `==`.
public struct SymmetricKey: Sendable {
    /// The key length in bytes (32, for AES-256).
    public static let byteCount = 32

    private let storage: Storage

    /// How many times this process has sealed data with this key (every copy
    /// of the value shares the count). AES-GCM with random 96-bit nonces is
    /// safe for at most 2^32 encryptions per key (NIST SP 800-38D, section
    /// 8.3); see `Keyring.nonceBudget`. Not persisted: it restarts at zero in
    /// each process, so it is a lower bound for a key used by several.
    public var encryptionCount: UInt64 {
        storage.encryptions.load(ordering: .relaxed)
    }

    /// Counts one encryption (`AESGCM.seal`).
    func recordEncryption() {
        storage.encryptions.add(1, ordering: .relaxed)
    }

    /// Creates a key from exactly 32 bytes.
    ///
    /// - Throws: `DeltaError(.badRequest)` if `bytes` is not 32 bytes long. The
    ///   message states the lengths, never the bytes.
    public init(bytes: [UInt8]) throws(DeltaError) {
        guard bytes.count == Self.byteCount else {
            throw DeltaError(
                .badRequest,
                "an encryption key must be exactly \(Self.byteCount) bytes (AES-256), got \(bytes.count) bytes"
            )
        }
        storage = Storage.make { buffer in
            _ = buffer.initialize(from: bytes)
            return true
        }!
    }

    /// Creates a key from 64 hexadecimal digits (upper or lower case).
    ///
    /// The digits are decoded straight into the wiped key memory. Surrounding
    /// whitespace is not trimmed: callers reading a key file trim it first.
    ///
    /// - Throws: `DeltaError(.badRequest)` if the string is not 64 characters or
    ///   contains a non-hex character. The message never contains the input, so
    ///   a mistyped key cannot leak into logs through the error.
    public init(hex: String) throws(DeltaError) {
        let utf8 = hex.utf8
        guard hex.count == Self.byteCount * 2 else {
            throw DeltaError(
                .badRequest,
                "an encryption key must be \(Self.byteCount * 2) hex characters (\(Self.byteCount) bytes, AES-256), "
                    + "got \(hex.count) characters; generate one with `openssl rand -hex 32`"
            )
        }
        // A multi-byte character has the right count but is not a hex digit.
        guard utf8.count == Self.byteCount * 2, let storage = Storage.make(fill: { buffer in
            var buffer = buffer
            return Hex.decode(utf8, into: &buffer)
        }) else {
            throw DeltaError(
                .badRequest,
                "an encryption key must contain only hex characters 0-9 and a-f; "
                    + "generate one with `openssl rand -hex 32`"
            )
        }
        self.storage = storage
    }

    /// Creates a new random key from the CSPRNG (`RAND_bytes`, directly into the
    /// wiped key memory).
    public static func generate() -> SymmetricKey {
        SymmetricKey(storage: Storage.make { buffer in
            guard RAND_bytes(buffer.baseAddress, Int32(buffer.count)) == 1 else {
                fatalError("\(OpenSSLError.drain("RAND_bytes")): the system CSPRNG is unusable")
            }
            return true
        }!)
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// The key as 64 lower-case hex digits.
    ///
    /// This deliberately exposes the secret: use it only to show a freshly
    /// generated key to the operator once, or to write a key file. The returned
    /// string cannot be wiped.
    public var hexString: String {
        withUnsafeBytes { Hex.encode($0) }
    }

    /// Calls `body` with the 32 key bytes and returns its result.
    ///
    /// The pointer is valid only during the call; do not copy the bytes out
    /// unless you wipe the copy yourself. Rethrows whatever `body` throws.
    public func withUnsafeBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(storage.buffer))
    }
}

extension SymmetricKey {
    /// The heap allocation holding the key; wiped and freed in `deinit`.
    ///
    /// `@unchecked Sendable` is sound: the bytes are written once in `init` and
    /// only read afterwards.
    private final class Storage: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<UInt8>
        /// Encryptions under this key in this process (see `encryptionCount`).
        let encryptions = Atomic<UInt64>(0)

        private init() {
            buffer = .allocate(capacity: SymmetricKey.byteCount)
            buffer.initialize(repeating: 0)
        }

        /// Allocates zeroed key memory and lets `fill` write the key; returns nil
        /// if `fill` reports failure (the partial key is wiped on release).
        static func make(fill: (UnsafeMutableBufferPointer<UInt8>) -> Bool) -> Storage? {
            let storage = Storage()
            return fill(storage.buffer) ? storage : nil
        }

        deinit {
            OPENSSL_cleanse(buffer.baseAddress, buffer.count)
            buffer.deallocate()
        }
    }
}
