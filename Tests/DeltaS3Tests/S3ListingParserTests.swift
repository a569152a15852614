import Testing
@testable import DeltaS3

@Suite("ListObjectsV2 and error XML parsing")
struct S3ListingParserTests {
    @Test("keys, common prefixes and the continuation token of a truncated page")
    func truncatedPage() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>deltadatabase</Name><Prefix>files/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>
              <IsTruncated>true</IsTruncated>
              <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
              <Contents><Key>files/shop.db/user%3a1.meta.json</Key><ETag>"abc"</ETag><Size>10</Size></Contents>
              <Contents><Key>files/shop.db/user%3a1.1.json.enc</Key><ETag>"def"</ETag><Size>4</Size></Contents>
              <CommonPrefixes><Prefix>files/x.db/</Prefix></CommonPrefixes>
            </ListBucketResult>
            """
        let page = try #require(S3ListingParser.parseListPage(Array(xml.utf8)))
        #expect(page.keys == ["files/shop.db/user%3a1.meta.json", "files/shop.db/user%3a1.1.json.enc"])
        #expect(page.commonPrefixes == ["files/x.db/"])
        #expect(page.continuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test("the last page has no token even if one is present, and entities are decoded")
    func lastPage() throws {
        let xml = """
            <ListBucketResult><IsTruncated>false</IsTruncated><NextContinuationToken>stale</NextContinuationToken>
            <Contents><Key>a&amp;b é</Key></Contents></ListBucketResult>
            """
        let page = try #require(S3ListingParser.parseListPage(Array(xml.utf8)))
        #expect(page.keys == ["a&b é"])
        #expect(page.continuationToken == nil)
        let empty = try #require(S3ListingParser.parseListPage(Array("<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>".utf8)))
        #expect(empty == S3ListPage(keys: [], commonPrefixes: [], continuationToken: nil))
    }

    @Test("malformed XML, another document or a truncated page without a token is refused")
    func refused() {
        #expect(S3ListingParser.parseListPage(Array("<ListBucketResult><Contents>".utf8)) == nil)
        #expect(S3ListingParser.parseListPage(Array("<Error><Code>NoSuchBucket</Code></Error>".utf8)) == nil)
        #expect(S3ListingParser.parseListPage(Array("<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>".utf8)) == nil)
        #expect(S3ListingParser.parseListPage([]) == nil)
    }

    @Test("error documents give their code and message")
    func errorDocument() throws {
        let xml = "<?xml version=\"1.0\"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-Match</Condition></Error>"
        let parsed = try #require(S3ListingParser.parseError(Array(xml.utf8)))
        #expect(parsed.code == "PreconditionFailed")
        #expect(parsed.message.hasPrefix("At least one"))
        #expect(S3ListingParser.parseError(Array("<ListBucketResult/>".utf8)) == nil)
    }
}
