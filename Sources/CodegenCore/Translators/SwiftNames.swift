/// Every runtime name and output path the Swift translators emit, defined once.
///
/// The server names live in `Sources/APIRuntime` (hand-written); the client
/// names in the hand-written part of `Sources/ClientSDK`. Renaming one there
/// means changing it here and regenerating.
public enum SwiftNames {
    /// Where the generated server goes.
    public static let serverDirectory = "Sources/Generated/Server"
    /// Where the generated client core goes.
    public static let clientDirectory = "Sources/ClientSDK/Generated"

    // MARK: Server runtime (APIRuntime)

    /// The server runtime module.
    public static let serverRuntimeModule = "APIRuntime"
    /// The HTTP framework module the routes use.
    public static let routerModule = "Hummingbird"
    /// Raw JSON bytes for free-form bodies.
    public static let rawJSON = "RawJSON"
    /// A decoded free-form JSON value inside typed models (server and client).
    public static let jsonValue = "JSONValue"
    /// Per-operation metadata.
    public static let operationDescriptor = "OperationDescriptor"
    /// Request limits passed to `registerRoutes`.
    public static let requestLimits = "RequestLimits"
    /// Request decoding helpers.
    public static let requestReader = "RequestReader"
    /// Response encoding helpers.
    public static let responseWriter = "ResponseWriter"
    /// The error type handlers throw (documentation only).
    public static let errorType = "DeltaError"
    /// The namespace of the per-operation types.
    public static let operationsNamespace = "Operations"
    /// The protocol handlers implement.
    public static let apiProtocol = "APIProtocol"
    /// The header carrying the credential.
    public static let authorizationHeader = "Authorization"
    /// The header carrying the body's media type.
    public static let contentTypeHeader = "Content-Type"
    /// The path parameter that scopes authorization.
    public static let scopeParameter = "database"

    // MARK: Client runtime (ClientSDK hand-written layer)

    /// The generated client type.
    public static let clientType = "DeltaAPIClient"
    /// The hand-written transport the generated client calls.
    public static let clientTransport = "ClientTransport"
    /// The request description the generated client builds.
    public static let clientRequest = "ClientRequest"
    /// The document type for free-form JSON in the client.
    public static let jsonDocument = "JSONDocument"
    /// The error thrown for non-2xx responses.
    public static let clientError = "DeltaClientError"

    /// Local names the generated routes declare; parameters may not use them.
    public static let reservedRouteLocals: Set<String> = [
        "request", "context", "input", "caller", "body", "bodyBytes", "contentType", "headers", "limits", "router",
    ]

    /// Local names the generated client methods declare; parameters may not use them.
    public static let reservedClientLocals: Set<String> = ["request", "response", "contentType"]

    /// `HTTPResponse.Status` members by code; other codes use `.init(code:)`.
    public static let statusMembers: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 203: "nonAuthoritativeInformation", 204: "noContent",
        205: "resetContent", 206: "partialContent",
    ]

    /// The Swift expression for a response status, e.g. `.ok` or `.init(code: 207)`.
    public static func statusExpression(_ code: Int) -> String {
        statusMembers[code].map { ".\($0)" } ?? ".init(code: \(code))"
    }
}
