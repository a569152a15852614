import Foundation
import Testing
@testable import DeltaS3

/// AWS's published S3 SigV4 examples ("Examples: Signature calculations",
/// Authenticating Requests: Using the Authorization Header), credentials
/// AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, 20130524T000000Z.
@Suite("SigV4 signer against AWS's published examples")
struct SigV4SignerTests {
    let signer = SigV4Signer(
        accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1")
    let date = "20130524T000000Z"
    let host = "examplebucket.s3.amazonaws.com"

    @Test("GET Object with Range")
    func getObject() {
        let headers = [
            ("Host", host), ("Range", "bytes=0-9"),
            ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash), ("x-amz-date", date),
        ]
        let canonical = signer.canonicalRequest(
            method: "GET", canonicalURI: "/test.txt", query: [], headers: headers,
            payloadHash: SigV4Signer.emptyPayloadHash)
        #expect(canonical == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signer.stringToSign(canonicalRequest: canonical, amzDate: date) == """
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
            """)
        let authorization = signer.authorization(
            method: "GET", canonicalURI: "/test.txt", query: [], headers: headers,
            payloadHash: SigV4Signer.emptyPayloadHash, amzDate: date)
        #expect(authorization == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test("PUT Object with a payload, a Date header and an encoded key")
    func putObject() {
        let body = Array("Welcome to Amazon S3.".utf8)
        let hash = SigV4Signer.payloadHash(body)
        #expect(hash == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let uri = SigV4Signer.uriEncode("/test$file.text", keepSlash: true)
        #expect(uri == "/test%24file.text")
        let headers = [
            ("Host", host), ("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-date", date),
            ("x-amz-storage-class", "REDUCED_REDUNDANCY"), ("x-amz-content-sha256", hash),
        ]
        let canonical = signer.canonicalRequest(
            method: "PUT", canonicalURI: uri, query: [], headers: headers, payloadHash: hash)
        #expect(signer.stringToSign(canonicalRequest: canonical, amzDate: date).hasSuffix(
            "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"))
        #expect(signer.authorization(
            method: "PUT", canonicalURI: uri, query: [], headers: headers, payloadHash: hash, amzDate: date)
            == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
            + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test("GET Bucket lifecycle: a query parameter without a value")
    func getLifecycle() {
        let headers = [("Host", host), ("x-amz-date", date), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash)]
        #expect(signer.signature(
            method: "GET", canonicalURI: "/", query: [("lifecycle", "")], headers: headers,
            payloadHash: SigV4Signer.emptyPayloadHash, amzDate: date)
            == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test("GET Bucket (List Objects): query parameters are sorted")
    func listObjects() {
        let headers = [("Host", host), ("x-amz-date", date), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash)]
        // Given out of order on purpose: the canonical query sorts them.
        let query = [("prefix", "J"), ("max-keys", "2")]
        #expect(SigV4Signer.canonicalQuery(query) == "max-keys=2&prefix=J")
        let canonical = signer.canonicalRequest(
            method: "GET", canonicalURI: "/", query: query, headers: headers, payloadHash: SigV4Signer.emptyPayloadHash)
        #expect(signer.stringToSign(canonicalRequest: canonical, amzDate: date).hasSuffix(
            "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7"))
        #expect(signer.signature(
            method: "GET", canonicalURI: "/", query: query, headers: headers,
            payloadHash: SigV4Signer.emptyPayloadHash, amzDate: date)
            == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    @Test("URI encoding escapes everything but unreserved bytes, slashes only in queries")
    func uriEncoding() {
        #expect(SigV4Signer.uriEncode("files/a%3a1.meta.json", keepSlash: true) == "files/a%253a1.meta.json")
        #expect(SigV4Signer.uriEncode("a/b c~é", keepSlash: false) == "a%2Fb%20c~%C3%A9")
        #expect(SigV4Signer.amzDate(Date(timeIntervalSince1970: 1_369_353_600)) == "20130524T000000Z")
    }

    @Test("the secret never appears in the header, and a different secret changes the signature")
    func secretNotLeaked() {
        let headers = [("Host", host), ("x-amz-date", date), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash)]
        let other = SigV4Signer(accessKey: "AKIAIOSFODNN7EXAMPLE", secretKey: "another", region: "us-east-1")
        let a = signer.authorization(method: "GET", canonicalURI: "/", query: [], headers: headers,
                                     payloadHash: SigV4Signer.emptyPayloadHash, amzDate: date)
        let b = other.authorization(method: "GET", canonicalURI: "/", query: [], headers: headers,
                                    payloadHash: SigV4Signer.emptyPayloadHash, amzDate: date)
        #expect(a != b)
        #expect(!a.contains("wJalrXUtnFEMI"))
    }
}
