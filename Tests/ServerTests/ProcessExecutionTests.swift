import DeltaCore
import Foundation
import Testing
import WorkerProtocol

@testable import DeltaCLI
@testable import DeltaCluster
@testable import DeltaEngine
@testable import DeltaServer

/// A `ProcessRequest` run on a Processing Worker's data plane: the same rules as REST.
@Suite("ProcessRequest execution")
struct ProcessExecutionTests {
    let service: EntityService

    init() throws {
        service = try ClusterFixtures.entityService(keys: KeyringHolder(ClusterFixtures.keyring()))
    }

    func request(_ operation: String, key: String = "doc", payload: String = "", configure: (inout ProcessRequest) -> Void = { _ in }) -> ProcessRequest {
        var request = ProcessRequest()
        request.operation = operation
        request.databaseName = "db"
        request.entityKey = key
        request.payload = Data(payload.utf8)
        configure(&request)
        return request
    }

    func run(_ request: ProcessRequest) async throws(DeltaError) -> ProcessResponse {
        try await request.execute(on: service, workerID: "w1")
    }

    @Test("PUT, GET, PATCH and DELETE round-trip with versions and the worker's id")
    func crud() async throws {
        let put = try await run(request("PUT", payload: #"{"messages":[]}"#))
        #expect(put.status == "OK" && put.version == 1 && put.workerId == "w1")
        #expect(put.versions == ["doc": 1] && put.result.isEmpty)
        let get = try await run(request("get"))  // operation names are case-insensitive
        #expect(String(decoding: get.result, as: UTF8.self) == #"{"messages":[]}"#)
        #expect(get.version == 1)
        let patched = try await run(request("PATCH", payload: #"[{"op":"add","path":"/messages/-","value":"hi"}]"#) {
            $0.contentType = "application/json-patch+json"
        })
        #expect(String(decoding: patched.result, as: UTF8.self) == #"{"messages":["hi"]}"#)
        #expect(patched.version == 2)
        _ = try await run(request("DELETE"))
        await #expect(throws: DeltaError.self) { try await run(request("GET")) }
    }

    @Test("expected_version: n is If-Match, 0 is create-only, a mismatch reports the current version")
    func expectedVersion() async throws {
        _ = try await run(request("PUT", payload: "1") { $0.expectedVersion = 0 })
        let exists = await #expect(throws: DeltaError.self) { try await run(request("PUT", payload: "2") { $0.expectedVersion = 0 }) }
        #expect(exists?.code == .preconditionFailed)
        let stale = await #expect(throws: DeltaError.self) { try await run(request("PUT", payload: "2") { $0.expectedVersion = 5 }) }
        #expect(stale?.code == .preconditionFailed && stale?.currentVersion == 1)
        #expect(try await run(request("PUT", payload: "2") { $0.expectedVersion = 1 }).version == 2)
        let negative = await #expect(throws: DeltaError.self) { try await run(request("PUT", payload: "3") { $0.expectedVersion = -1 }) }
        #expect(negative?.code == .badRequest)
    }

    @Test("REST's If-Match header values pass through verbatim and win over expected_version")
    func headers() async throws {
        _ = try await run(request("PUT", payload: "1"))
        let response = try await run(request("PUT", payload: "2") {
            $0.ifMatch = #""9", "1""#
            $0.expectedVersion = 9
        })
        #expect(response.version == 2)
        let malformed = await #expect(throws: DeltaError.self) { try await run(request("PUT", payload: "3") { $0.ifMatch = "1" }) }
        #expect(malformed?.code == .badRequest)
    }

    @Test("PUT_BATCH stores all or nothing and reports each version in the typed map")
    func batch() async throws {
        let response = try await run(request("PUT_BATCH", key: "", payload: #"{"a":1,"b":{"c":2}}"#))
        #expect(response.versions == ["a": 1, "b": 1])
        #expect(response.result.isEmpty)
        let bad = await #expect(throws: DeltaError.self) { try await run(request("PUT_BATCH", key: "", payload: #"{"a":1,"":2}"#)) }
        #expect(bad?.code == .invalidName)
        #expect(try await run(request("GET", key: "a")).version == 1)  // unchanged
    }

    @Test("writes over gRPC are validated like REST: INVALID_ARGUMENT with every failing pointer, nothing stored")
    func schemaValidation() async throws {
        try await service.catalog.schemas.put("db", bytes: Array(#"{"type":"object","required":["n"],"properties":{"n":{"type":"integer"}}}"#.utf8))
        let error = await #expect(throws: DeltaError.self) { try await run(request("PUT", payload: #"{"n":"x"}"#)) }
        #expect(error?.code == .schemaViolation)
        #expect(error?.details.map(\.pointer) == ["/n"])
        let rpc = try #require(error?.rpcError)
        #expect(rpc.code == .invalidArgument)
        #expect(DeltaError(rpcError: rpc).details.map(\.pointer) == ["/n"])
        await #expect(throws: DeltaError.self) { try await run(request("GET")) }
        #expect(try await run(request("PUT", payload: #"{"n":1}"#)).version == 1)
    }

    @Test("a single PUT parses only the document: a key that JSON would have to escape is stored as given")
    func singlePutKeepsTheKey() async throws {
        let key = #"a "quoted" key"#
        let put = try await run(request("PUT", key: key, payload: #"{"x": [1, 2]}"#))
        #expect(put.versions == [key: 1])
        let get = try await run(request("GET", key: key))
        #expect(String(decoding: get.result, as: UTF8.self) == #"{"x":[1,2]}"#)
        // The document alone is parsed: a payload that would complete a smuggled batch is invalid JSON.
        let smuggled = await #expect(throws: DeltaError.self) {
            try await run(request("PUT", key: "k", payload: #"1,"other":2"#))
        }
        #expect(smuggled?.code == .invalidJSON)
        await #expect(throws: DeltaError.self) { try await run(request("GET", key: "other")) }
    }

    @Test("bad requests are 4xx-style errors that change nothing")
    func badRequests() async throws {
        for (request, code) in [
            (request("MERGE"), DeltaError.Code.badRequest),
            (request("GET", key: ""), .badRequest),
            (request("PUT", payload: ""), .invalidJSON),
            (request("PUT", payload: "{nope"), .invalidJSON),
            (request("PATCH", payload: "{}") { $0.contentType = "text/plain" }, .unsupportedMediaType),
        ] {
            let error = await #expect(throws: DeltaError.self) { try await run(request) }
            #expect(error?.code == code, "\(request.operation)")
        }
        await #expect(throws: DeltaError.self) { try await run(request("GET")) }
    }
}
