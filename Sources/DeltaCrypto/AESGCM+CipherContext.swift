internal import COpenSSL

extension AESGCM {
    /// Signature shared by `EVP_EncryptUpdate` and `EVP_DecryptUpdate`.
    typealias Update = (
        OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int32>?, UnsafePointer<UInt8>?, Int32
    ) -> Int32

    /// Owns one `EVP_CIPHER_CTX` and frees it (OpenSSL wipes the key schedule) on release.
    final class CipherContext {
        /// EVP takes `int` lengths, so large inputs are fed in chunks of this size.
        static let chunkSize = 1 << 30

        let pointer: OpaquePointer

        init() {
            guard let pointer = EVP_CIPHER_CTX_new() else {
                fatalError("\(OpenSSLError.drain("EVP_CIPHER_CTX_new"))")
            }
            self.pointer = pointer
        }

        deinit { EVP_CIPHER_CTX_free(pointer) }

        /// Feeds additional authenticated data (an update with no output buffer).
        func feed(_ aad: [UInt8], update: Update) {
            aad.withUnsafeBufferPointer { input in
                var offset = 0
                while offset < input.count {
                    let length = min(Self.chunkSize, input.count - offset)
                    var written: Int32 = 0
                    guard update(pointer, nil, &written, input.baseAddress! + offset, Int32(length)) == 1 else {
                        fatalError("\(OpenSSLError.drain("AES-GCM AAD update"))")
                    }
                    offset += length
                }
            }
        }

        /// Encrypts or decrypts `input` into `output`, which has the same length
        /// (GCM is a stream mode: it never buffers or pads).
        func transform(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8], update: Update) {
            precondition(input.count == output.count)
            do {
                output.withUnsafeMutableBufferPointer { output in
                    var offset = 0
                    while offset < input.count {
                        let length = min(Self.chunkSize, input.count - offset)
                        var written: Int32 = 0
                        guard update(pointer, output.baseAddress! + offset, &written,
                                     input.baseAddress! + offset, Int32(length)) == 1,
                              Int(written) == length
                        else { fatalError("\(OpenSSLError.drain("AES-GCM update"))") }
                        offset += length
                    }
                }
            }
        }
    }
}
