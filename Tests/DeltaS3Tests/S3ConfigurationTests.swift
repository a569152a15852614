import DeltaCore
import Testing
@testable import DeltaS3

@Suite("S3 configuration from the seed's flags")
struct S3ConfigurationTests {
    @Test("host:port uses -s3-use-ssl; a URL's scheme wins")
    func endpoints() throws {
        let plain = try S3Configuration(endpoint: "minio:9000", accessKey: "a", secretKey: "s")
        #expect(plain.baseURL == "http://minio:9000")
        #expect(plain.bucket == "deltadatabase")
        #expect(plain.region == "us-east-1")
        let tls = try S3Configuration(endpoint: "s3.example.com", accessKey: "a", secretKey: "s", useSSL: true)
        #expect(tls.baseURL == "https://s3.example.com")
        #expect(tls.hostHeader == "s3.example.com")
        let url = try S3Configuration(endpoint: "http://127.0.0.1:5000/", accessKey: "a", secretKey: "s", useSSL: true)
        #expect(url.baseURL == "http://127.0.0.1:5000")
        #expect(try S3Configuration(endpoint: "https://h:443", accessKey: "a", secretKey: "s").hostHeader == "h")
    }

    @Test("bad endpoints, buckets and missing credentials are refused", arguments: [
        ("", "bucket", "a", "s"), ("ftp://h", "bucket", "a", "s"), ("h:0", "bucket", "a", "s"), ("h/x", "bucket", "a", "s"),
        ("h", "Bad_Bucket", "a", "s"), ("h", "ab", "a", "s"), ("h", "bucket", "", "s"), ("h", "bucket", "a", ""),
    ])
    func refused(endpoint: String, bucket: String, access: String, secret: String) {
        #expect(throws: DeltaError.self) {
            try S3Configuration(endpoint: endpoint, accessKey: access, secretKey: secret, bucket: bucket)
        }
    }

    @Test("the description never shows the secret key")
    func redacted() throws {
        let configuration = try S3Configuration(endpoint: "h:1", accessKey: "AKIA", secretKey: "very-secret-value")
        #expect(!configuration.description.contains("very-secret-value"))
        #expect(!String(reflecting: configuration).contains("very-secret-value"))
        let signer = SigV4Signer(accessKey: "a", secretKey: "very-secret-value", region: "r")
        #expect(!String(reflecting: signer).contains("very-secret-value"))
        #expect(!"\(S3Client(configuration: configuration))".contains("very-secret-value"))
    }
}
