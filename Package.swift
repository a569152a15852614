// swift-tools-version:6.0
import PackageDescription

// DeltaDatabase: an encrypted-at-rest JSON document store, built spec-first.
// docs/architecture.md has the module graph. The domain modules (DeltaCore,
// DeltaJSON, DeltaCrypto, DeltaCache, DeltaStorage, DeltaSchema, DeltaAuth) and the
// data plane (DeltaEngine) import no web, RPC or command-line framework; only
// APIRuntime, Generated and DeltaServer know Hummingbird; DeltaCluster knows gRPC;
// DeltaCLI knows ArgumentParser. The server executables do not link the code
// generator (CodegenCore, Yams, GRPCCodeGen), and proc-worker links no Hummingbird.
let package = Package(
    name: "DeltaDatabase",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "deltadb", targets: ["DeltaDB"]),
        .executable(name: "main-worker", targets: ["MainWorker"]),
        .executable(name: "proc-worker", targets: ["ProcWorker"]),
        .executable(name: "deltadb-codegen", targets: ["Codegen"]),
        .executable(name: "deltadb-bench", targets: ["Bench"]),
        .executable(name: "deltadb-chat-example", targets: ["ChatExample"]),
        .library(name: "DeltaClient", targets: ["ClientSDK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Generated messages emit swift-protobuf's generated-code API themselves
        // (deltadb-codegen, no protoc): keep to the minor version they were written for.
        .package(url: "https://github.com/apple/swift-protobuf", .upToNextMinor(from: "1.39.0")),
        // gRPC between the Main Worker, Processing Workers and clients; GRPCCodeGen
        // renders the service glue inside deltadb-codegen.
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf", from: "2.4.1"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        // Metrics: the swift-metrics facade, exported in Prometheus's text format.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "DeltaCore"),
        .target(name: "DeltaJSON", dependencies: ["DeltaCore"]),
        .target(name: "DeltaCrypto", dependencies: ["COpenSSL", "DeltaCore"]),
        .target(name: "DeltaCache"),
        .target(name: "DeltaStorage", dependencies: ["DeltaCore"]),
        // S3-compatible entity storage: our own SigV4 signing over AsyncHTTPClient.
        .target(
            name: "DeltaS3",
            dependencies: [
                "DeltaCore", "DeltaStorage", "DeltaCrypto",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "DeltaSchema", dependencies: ["DeltaCore", "DeltaJSON"]),
        .target(name: "DeltaAuth", dependencies: ["DeltaCore", "DeltaCrypto"]),
        // Hand-written runtime the generated server code calls into (request
        // decoding, response encoding, operation descriptors), like
        // swift-openapi-runtime is for swift-openapi-generator.
        .target(
            name: "APIRuntime",
            dependencies: [
                "DeltaCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .target(
            name: "Generated",
            dependencies: [
                "APIRuntime", "DeltaCore",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The data plane: validate, seal, store, cache, patch. Framework-free: it imports
        // no Hummingbird, NIO, gRPC or ArgumentParser (`make check-engine` greps).
        .target(
            name: "DeltaEngine",
            dependencies: ["DeltaCore", "DeltaJSON", "DeltaCrypto", "DeltaCache", "DeltaStorage", "DeltaSchema"]
        ),
        // `deltadb import-original`: the Go original's data directory, schemas and API
        // keys, re-encrypted into ours. Framework-free like the engine; the S3 source is
        // in DeltaImportS3.
        .target(
            name: "DeltaImport",
            dependencies: ["DeltaCore", "DeltaJSON", "DeltaCrypto", "DeltaStorage", "DeltaSchema", "DeltaAuth", "DeltaEngine"]
        ),
        .target(name: "DeltaImportS3", dependencies: ["DeltaImport", "DeltaS3", "DeltaCore"]),
        // Observability shared by every server process: metric names, the Prometheus
        // registry behind swift-metrics, the `/metrics` listener (plain NIO HTTP/1, so
        // proc-worker links no Hummingbird), process gauges, request ids and the
        // access-log line. Domain modules do not import it: they expose small observer
        // hooks the composition roots wire to it.
        .target(
            name: "DeltaMetrics",
            dependencies: [
                "DeltaCore",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Sources/Metrics"
        ),
        // The worker protocol over gRPC (Main Worker handler, registry, routing,
        // Processing Worker server and agent) and how every server process assembles
        // its engine. No HTTP framework: proc-worker links this, not Hummingbird.
        .target(
            name: "DeltaCluster",
            dependencies: [
                "DeltaEngine", "DeltaCore", "DeltaCrypto", "DeltaCache", "DeltaStorage", "DeltaS3", "DeltaAuth",
                "WorkerProtocol", "DeltaMetrics",
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/Cluster"
        ),
        // The REST front end (APIHandler, middlewares, error mapping) and the
        // composition roots of `deltadb` and `main-worker`.
        // The web console's compiled assets (generated from console/ by console/build.sh).
        .target(name: "ConsoleAssets", path: "Sources/ConsoleAssets"),
        .target(
            name: "DeltaServer",
            dependencies: [
                "Generated", "APIRuntime", "DeltaEngine", "DeltaCluster", "DeltaCore", "DeltaJSON", "DeltaCrypto",
                "DeltaCache", "DeltaStorage", "DeltaSchema", "DeltaSchemaExport", "DeltaAuth", "WorkerProtocol",
                "ConsoleAssets", "DeltaMetrics",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/Server"
        ),
        // Command-line flags (ArgumentParser) of the three server executables, in the
        // seed's `-flag=value` style, resolved into the configurations above.
        .target(
            name: "DeltaCLI",
            dependencies: [
                "DeltaCluster", "DeltaEngine", "DeltaCore", "DeltaCrypto", "DeltaS3", "DeltaMetrics", "DeltaStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/CLI"
        ),
        .executableTarget(
            name: "DeltaDB",
            dependencies: [
                "DeltaServer", "DeltaCLI", "DeltaCluster", "DeltaImport", "DeltaImportS3", "DeltaS3", "DeltaEngine",
                "DeltaStorage", "DeltaAuth", "DeltaCore", "DeltaMetrics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `deltadb backup -server` asks a running server; already linked through DeltaS3.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The split deployment's executables (the seed's main-worker and proc-worker).
        .executableTarget(
            name: "MainWorker",
            dependencies: [
                "DeltaServer", "DeltaCLI", "DeltaCluster", "DeltaMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ProcWorker",
            dependencies: [
                "DeltaCLI", "DeltaCluster", "DeltaMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // examples/chat: the chat-session appender on the Swift client (DeltaClient only).
        .executableTarget(name: "ChatExample", dependencies: ["ClientSDK"], path: "examples/chat/swift"),
        // The code renderer (`CodeNode`, `TextRenderer`) shared by the code generator
        // and the runtime schema exporter. No dependencies.
        .target(name: "CodeRendering"),
        // JSON Schema -> Pydantic / TypeScript types, at run time (`GET /schema/{id}/export`)
        // and in `deltadb-codegen types`.
        .target(name: "DeltaSchemaExport", dependencies: ["DeltaJSON", "CodeRendering"]),
        .target(
            name: "CodegenCore",
            dependencies: [
                "CodeRendering", "DeltaSchemaExport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRPCCodeGen", package: "grpc-swift-2"),
            ]
        ),
        // The gRPC contract's messages, generated from spec/deltadb.proto
        // (Sources/WorkerProtocol/Generated), in protobuf's binary wire format.
        .target(
            name: "WorkerProtocol",
            dependencies: [
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
            ]
        ),
        // `make bench`: time-bounded throughput measurements, release build only.
        .executableTarget(
            name: "Bench",
            dependencies: [
                "DeltaSchema", "DeltaJSON", "WorkerProtocol",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "Codegen",
            dependencies: [
                "CodegenCore", "DeltaSchemaExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "ClientSDK",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(name: "DeltaCoreTests", dependencies: ["DeltaCore"]),
        .testTarget(name: "DeltaJSONTests", dependencies: ["DeltaJSON"]),
        .testTarget(name: "DeltaCryptoTests", dependencies: ["DeltaCrypto"]),
        .testTarget(name: "DeltaCacheTests", dependencies: ["DeltaCache"]),
        .testTarget(name: "DeltaStorageTests", dependencies: ["DeltaStorage", "DeltaCrypto", "DeltaS3"]),
        .testTarget(name: "DeltaS3Tests", dependencies: ["DeltaS3", "DeltaStorage", "DeltaCore", "DeltaAuth", "DeltaEngine"]),
        .testTarget(name: "DeltaSchemaTests", dependencies: ["DeltaSchema", "DeltaJSON"]),
        .testTarget(name: "DeltaAuthTests", dependencies: ["DeltaAuth", "DeltaCrypto"]),
        .testTarget(name: "ClientSDKTests", dependencies: ["ClientSDK"]),
        .testTarget(name: "CodegenCoreTests", dependencies: ["CodegenCore"]),
        .testTarget(
            name: "DeltaMetricsTests",
            dependencies: ["DeltaMetrics", "DeltaCore", .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(name: "DeltaEngineTests", dependencies: ["DeltaEngine", "DeltaJSON", "DeltaCore"]),
        .testTarget(
            name: "DeltaImportTests",
            dependencies: ["DeltaImport", "DeltaEngine", "DeltaStorage", "DeltaCrypto", "DeltaAuth", "DeltaCore"]
        ),
        .testTarget(
            name: "DeltaImportS3Tests",
            dependencies: ["DeltaImportS3", "DeltaImport", "DeltaS3", "DeltaEngine", "DeltaStorage", "DeltaCrypto", "DeltaAuth", "DeltaCore"]
        ),
        .testTarget(name: "DeltaSchemaExportTests", dependencies: ["DeltaSchemaExport", "DeltaJSON", "CodeRendering"]),
        .testTarget(
            name: "WorkerProtocolTests",
            dependencies: ["WorkerProtocol", .product(name: "SwiftProtobuf", package: "swift-protobuf")]
        ),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "DeltaServer", "DeltaEngine", "DeltaCluster", "DeltaCLI", "DeltaS3", "ClientSDK", "Generated", "DeltaCore", "DeltaCrypto", "DeltaStorage",
                "DeltaAuth", "WorkerProtocol", "ConsoleAssets",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCInProcessTransport", package: "grpc-swift-2"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // Fuzz targets (scripts/fuzz.sh, `make fuzz`): built with -sanitize=fuzzer into
        // .build-fuzz, libFuzzer drives LLVMFuzzerTestOneInput; an ordinary build of each
        // replays files (a corpus or a saved crash) through the same function.
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzJSON", dependencies: ["DeltaJSON", "FuzzSupport"]),
        .executableTarget(name: "FuzzSchema", dependencies: ["DeltaSchema", "DeltaJSON", "DeltaCore", "FuzzSupport"]),
        .executableTarget(name: "FuzzRegex", dependencies: ["DeltaSchema", "FuzzSupport"]),
        .executableTarget(name: "FuzzProto", dependencies: ["CodegenCore", "FuzzSupport"]),
        .executableTarget(name: "FuzzPatch", dependencies: ["DeltaJSON", "FuzzSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
