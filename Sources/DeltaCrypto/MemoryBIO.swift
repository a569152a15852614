internal import COpenSSL

/// A memory BIO, freed on release.
final class MemoryBIO {
    let pointer: OpaquePointer

    /// An empty, writable memory BIO.
    init() {
        guard let pointer = BIO_new(BIO_s_mem()) else { fatalError("\(OpenSSLError.drain("BIO_new"))") }
        self.pointer = pointer
    }

    deinit { BIO_free(pointer) }

    /// Everything written to the BIO so far, as text.
    var contents: String {
        var data: UnsafeMutablePointer<CChar>?
        let length = deltadb_BIO_get_mem_data(pointer, &data)
        guard length > 0, let data else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}
