// Generated from spec/deltadb.proto by deltadb-codegen. DO NOT EDIT.

import GRPCCore
import SwiftProtobuf
import GRPCProtobuf

// MARK: - deltadb.MainWorker

/// Namespace containing generated types for the "deltadb.MainWorker" service.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
public enum MainWorkerService: Sendable {
    /// Service descriptor for the "deltadb.MainWorker" service.
    public static let descriptor = GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.MainWorker")
    /// Namespace for method metadata.
    public enum Method: Sendable {
        /// Namespace for "Subscribe" metadata.
        public enum Subscribe: Sendable {
            /// Request type for "Subscribe".
            public typealias Input = SubscribeRequest
            /// Response type for "Subscribe".
            public typealias Output = SubscribeResponse
            /// Descriptor for "Subscribe".
            public static let descriptor = GRPCCore.MethodDescriptor(
                service: GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.MainWorker"),
                method: "Subscribe",
                type: .unary
            )
        }
        /// Namespace for "Process" metadata.
        public enum Process: Sendable {
            /// Request type for "Process".
            public typealias Input = ProcessRequest
            /// Response type for "Process".
            public typealias Output = ProcessResponse
            /// Descriptor for "Process".
            public static let descriptor = GRPCCore.MethodDescriptor(
                service: GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.MainWorker"),
                method: "Process",
                type: .unary
            )
        }
        /// Namespace for "Heartbeat" metadata.
        public enum Heartbeat: Sendable {
            /// Request type for "Heartbeat".
            public typealias Input = HeartbeatRequest
            /// Response type for "Heartbeat".
            public typealias Output = HeartbeatResponse
            /// Descriptor for "Heartbeat".
            public static let descriptor = GRPCCore.MethodDescriptor(
                service: GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.MainWorker"),
                method: "Heartbeat",
                type: .unary
            )
        }
        /// Namespace for "RenewToken" metadata.
        public enum RenewToken: Sendable {
            /// Request type for "RenewToken".
            public typealias Input = RenewTokenRequest
            /// Response type for "RenewToken".
            public typealias Output = RenewTokenResponse
            /// Descriptor for "RenewToken".
            public static let descriptor = GRPCCore.MethodDescriptor(
                service: GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.MainWorker"),
                method: "RenewToken",
                type: .unary
            )
        }
        /// Descriptors for all methods in the "deltadb.MainWorker" service.
        public static let descriptors: [GRPCCore.MethodDescriptor] = [
            Subscribe.descriptor,
            Process.descriptor,
            Heartbeat.descriptor,
            RenewToken.descriptor
        ]
    }
}

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension GRPCCore.ServiceDescriptor {
    /// Service descriptor for the "deltadb.MainWorker" service.
    public static let mainWorker = GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.MainWorker")
}

// MARK: deltadb.MainWorker (server)

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension MainWorkerService {
    /// Streaming variant of the service protocol for the "deltadb.MainWorker" service.
    ///
    /// This protocol is the lowest-level of the service protocols generated for this service
    /// giving you the most flexibility over the implementation of your service. This comes at
    /// the cost of more verbose and less strict APIs. Each RPC requires you to implement it in
    /// terms of a request stream and response stream. Where the RPC expects only a single
    /// request or response message, you are responsible for ensuring your implementation
    /// maintains this invariant.
    ///
    /// Where possible, prefer using the stricter, less-verbose ``ServiceProtocol``
    /// or ``SimpleServiceProtocol`` instead.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The Main Worker's service, for Processing Workers (Subscribe, Heartbeat,
    /// > RenewToken; credential: `authorization: Bearer <worker secret>` metadata, then
    /// > the session token) and for clients (Process; credential: the admin key or an
    /// > API key in `authorization: Bearer <key>` metadata or in ProcessRequest.token).
    public protocol StreamingServiceProtocol: GRPCCore.RegistrableRPCService {
        /// Handle the "Subscribe" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > A Processing Worker proves who it is with the worker secret and receives a
        /// > session token and the keyring, wrapped to its ephemeral public key. An
        /// > unauthenticated Subscribe gets nothing (UNAUTHENTICATED).
        ///
        /// - Parameters:
        ///   - request: A streaming request of `SubscribeRequest` messages.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A streaming response of `SubscribeResponse` messages.
        func subscribe(
            request: GRPCCore.StreamingServerRequest<SubscribeRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.StreamingServerResponse<SubscribeResponse>

        /// Handle the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Runs one entity operation, routed to a Processing Worker.
        ///
        /// - Parameters:
        ///   - request: A streaming request of `ProcessRequest` messages.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A streaming response of `ProcessResponse` messages.
        func process(
            request: GRPCCore.StreamingServerRequest<ProcessRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.StreamingServerResponse<ProcessResponse>

        /// Handle the "Heartbeat" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Liveness and load report; the Main Worker stops routing to workers that
        /// > stay silent, forgets them later, and tells workers when to Subscribe again.
        ///
        /// - Parameters:
        ///   - request: A streaming request of `HeartbeatRequest` messages.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A streaming response of `HeartbeatResponse` messages.
        func heartbeat(
            request: GRPCCore.StreamingServerRequest<HeartbeatRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.StreamingServerResponse<HeartbeatResponse>

        /// Handle the "RenewToken" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Exchanges a session token that is still valid for a fresh one, without
        /// > sending the keyring again.
        ///
        /// - Parameters:
        ///   - request: A streaming request of `RenewTokenRequest` messages.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A streaming response of `RenewTokenResponse` messages.
        func renewToken(
            request: GRPCCore.StreamingServerRequest<RenewTokenRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.StreamingServerResponse<RenewTokenResponse>
    }

    /// Service protocol for the "deltadb.MainWorker" service.
    ///
    /// This protocol is higher level than ``StreamingServiceProtocol`` but lower level than
    /// the ``SimpleServiceProtocol``, it provides access to request and response metadata and
    /// trailing response metadata. If you don't need these then consider using
    /// the ``SimpleServiceProtocol``. If you need fine grained control over your RPCs then
    /// use ``StreamingServiceProtocol``.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The Main Worker's service, for Processing Workers (Subscribe, Heartbeat,
    /// > RenewToken; credential: `authorization: Bearer <worker secret>` metadata, then
    /// > the session token) and for clients (Process; credential: the admin key or an
    /// > API key in `authorization: Bearer <key>` metadata or in ProcessRequest.token).
    public protocol ServiceProtocol: MainWorkerService.StreamingServiceProtocol {
        /// Handle the "Subscribe" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > A Processing Worker proves who it is with the worker secret and receives a
        /// > session token and the keyring, wrapped to its ephemeral public key. An
        /// > unauthenticated Subscribe gets nothing (UNAUTHENTICATED).
        ///
        /// - Parameters:
        ///   - request: A request containing a single `SubscribeRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A response containing a single `SubscribeResponse` message.
        func subscribe(
            request: GRPCCore.ServerRequest<SubscribeRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.ServerResponse<SubscribeResponse>

        /// Handle the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Runs one entity operation, routed to a Processing Worker.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `ProcessRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A response containing a single `ProcessResponse` message.
        func process(
            request: GRPCCore.ServerRequest<ProcessRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.ServerResponse<ProcessResponse>

        /// Handle the "Heartbeat" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Liveness and load report; the Main Worker stops routing to workers that
        /// > stay silent, forgets them later, and tells workers when to Subscribe again.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `HeartbeatRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A response containing a single `HeartbeatResponse` message.
        func heartbeat(
            request: GRPCCore.ServerRequest<HeartbeatRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.ServerResponse<HeartbeatResponse>

        /// Handle the "RenewToken" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Exchanges a session token that is still valid for a fresh one, without
        /// > sending the keyring again.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `RenewTokenRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A response containing a single `RenewTokenResponse` message.
        func renewToken(
            request: GRPCCore.ServerRequest<RenewTokenRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.ServerResponse<RenewTokenResponse>
    }

    /// Simple service protocol for the "deltadb.MainWorker" service.
    ///
    /// This is the highest level protocol for the service. The API is the easiest to use but
    /// doesn't provide access to request or response metadata. If you need access to these
    /// then use ``ServiceProtocol`` instead.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The Main Worker's service, for Processing Workers (Subscribe, Heartbeat,
    /// > RenewToken; credential: `authorization: Bearer <worker secret>` metadata, then
    /// > the session token) and for clients (Process; credential: the admin key or an
    /// > API key in `authorization: Bearer <key>` metadata or in ProcessRequest.token).
    public protocol SimpleServiceProtocol: MainWorkerService.ServiceProtocol {
        /// Handle the "Subscribe" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > A Processing Worker proves who it is with the worker secret and receives a
        /// > session token and the keyring, wrapped to its ephemeral public key. An
        /// > unauthenticated Subscribe gets nothing (UNAUTHENTICATED).
        ///
        /// - Parameters:
        ///   - request: A `SubscribeRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A `SubscribeResponse` to respond with.
        func subscribe(
            request: SubscribeRequest,
            context: GRPCCore.ServerContext
        ) async throws -> SubscribeResponse

        /// Handle the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Runs one entity operation, routed to a Processing Worker.
        ///
        /// - Parameters:
        ///   - request: A `ProcessRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A `ProcessResponse` to respond with.
        func process(
            request: ProcessRequest,
            context: GRPCCore.ServerContext
        ) async throws -> ProcessResponse

        /// Handle the "Heartbeat" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Liveness and load report; the Main Worker stops routing to workers that
        /// > stay silent, forgets them later, and tells workers when to Subscribe again.
        ///
        /// - Parameters:
        ///   - request: A `HeartbeatRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A `HeartbeatResponse` to respond with.
        func heartbeat(
            request: HeartbeatRequest,
            context: GRPCCore.ServerContext
        ) async throws -> HeartbeatResponse

        /// Handle the "RenewToken" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Exchanges a session token that is still valid for a fresh one, without
        /// > sending the keyring again.
        ///
        /// - Parameters:
        ///   - request: A `RenewTokenRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A `RenewTokenResponse` to respond with.
        func renewToken(
            request: RenewTokenRequest,
            context: GRPCCore.ServerContext
        ) async throws -> RenewTokenResponse
    }
}

// Default implementation of 'registerMethods(with:)'.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension MainWorkerService.StreamingServiceProtocol {
    public func registerMethods<Transport>(with router: inout GRPCCore.RPCRouter<Transport>) where Transport: GRPCCore.ServerTransport {
        router.registerHandler(
            forMethod: MainWorkerService.Method.Subscribe.descriptor,
            deserializer: GRPCProtobuf.ProtobufDeserializer<SubscribeRequest>(),
            serializer: GRPCProtobuf.ProtobufSerializer<SubscribeResponse>(),
            handler: { request, context in
                try await self.subscribe(
                    request: request,
                    context: context
                )
            }
        )
        router.registerHandler(
            forMethod: MainWorkerService.Method.Process.descriptor,
            deserializer: GRPCProtobuf.ProtobufDeserializer<ProcessRequest>(),
            serializer: GRPCProtobuf.ProtobufSerializer<ProcessResponse>(),
            handler: { request, context in
                try await self.process(
                    request: request,
                    context: context
                )
            }
        )
        router.registerHandler(
            forMethod: MainWorkerService.Method.Heartbeat.descriptor,
            deserializer: GRPCProtobuf.ProtobufDeserializer<HeartbeatRequest>(),
            serializer: GRPCProtobuf.ProtobufSerializer<HeartbeatResponse>(),
            handler: { request, context in
                try await self.heartbeat(
                    request: request,
                    context: context
                )
            }
        )
        router.registerHandler(
            forMethod: MainWorkerService.Method.RenewToken.descriptor,
            deserializer: GRPCProtobuf.ProtobufDeserializer<RenewTokenRequest>(),
            serializer: GRPCProtobuf.ProtobufSerializer<RenewTokenResponse>(),
            handler: { request, context in
                try await self.renewToken(
                    request: request,
                    context: context
                )
            }
        )
    }
}

// Default implementation of streaming methods from 'StreamingServiceProtocol'.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension MainWorkerService.ServiceProtocol {
    public func subscribe(
        request: GRPCCore.StreamingServerRequest<SubscribeRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.StreamingServerResponse<SubscribeResponse> {
        let response = try await self.subscribe(
            request: GRPCCore.ServerRequest(stream: request),
            context: context
        )
        return GRPCCore.StreamingServerResponse(single: response)
    }

    public func process(
        request: GRPCCore.StreamingServerRequest<ProcessRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.StreamingServerResponse<ProcessResponse> {
        let response = try await self.process(
            request: GRPCCore.ServerRequest(stream: request),
            context: context
        )
        return GRPCCore.StreamingServerResponse(single: response)
    }

    public func heartbeat(
        request: GRPCCore.StreamingServerRequest<HeartbeatRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.StreamingServerResponse<HeartbeatResponse> {
        let response = try await self.heartbeat(
            request: GRPCCore.ServerRequest(stream: request),
            context: context
        )
        return GRPCCore.StreamingServerResponse(single: response)
    }

    public func renewToken(
        request: GRPCCore.StreamingServerRequest<RenewTokenRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.StreamingServerResponse<RenewTokenResponse> {
        let response = try await self.renewToken(
            request: GRPCCore.ServerRequest(stream: request),
            context: context
        )
        return GRPCCore.StreamingServerResponse(single: response)
    }
}

// Default implementation of methods from 'ServiceProtocol'.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension MainWorkerService.SimpleServiceProtocol {
    public func subscribe(
        request: GRPCCore.ServerRequest<SubscribeRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.ServerResponse<SubscribeResponse> {
        return GRPCCore.ServerResponse<SubscribeResponse>(
            message: try await self.subscribe(
                request: request.message,
                context: context
            ),
            metadata: [:]
        )
    }

    public func process(
        request: GRPCCore.ServerRequest<ProcessRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.ServerResponse<ProcessResponse> {
        return GRPCCore.ServerResponse<ProcessResponse>(
            message: try await self.process(
                request: request.message,
                context: context
            ),
            metadata: [:]
        )
    }

    public func heartbeat(
        request: GRPCCore.ServerRequest<HeartbeatRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.ServerResponse<HeartbeatResponse> {
        return GRPCCore.ServerResponse<HeartbeatResponse>(
            message: try await self.heartbeat(
                request: request.message,
                context: context
            ),
            metadata: [:]
        )
    }

    public func renewToken(
        request: GRPCCore.ServerRequest<RenewTokenRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.ServerResponse<RenewTokenResponse> {
        return GRPCCore.ServerResponse<RenewTokenResponse>(
            message: try await self.renewToken(
                request: request.message,
                context: context
            ),
            metadata: [:]
        )
    }
}

// MARK: deltadb.MainWorker (client)

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension MainWorkerService {
    /// Generated client protocol for the "deltadb.MainWorker" service.
    ///
    /// You don't need to implement this protocol directly, use the generated
    /// implementation, ``Client``.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The Main Worker's service, for Processing Workers (Subscribe, Heartbeat,
    /// > RenewToken; credential: `authorization: Bearer <worker secret>` metadata, then
    /// > the session token) and for clients (Process; credential: the admin key or an
    /// > API key in `authorization: Bearer <key>` metadata or in ProcessRequest.token).
    public protocol ClientProtocol: Sendable {
        /// Call the "Subscribe" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > A Processing Worker proves who it is with the worker secret and receives a
        /// > session token and the keyring, wrapped to its ephemeral public key. An
        /// > unauthenticated Subscribe gets nothing (UNAUTHENTICATED).
        ///
        /// - Parameters:
        ///   - request: A request containing a single `SubscribeRequest` message.
        ///   - serializer: A serializer for `SubscribeRequest` messages.
        ///   - deserializer: A deserializer for `SubscribeResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        func subscribe<Result>(
            request: GRPCCore.ClientRequest<SubscribeRequest>,
            serializer: some GRPCCore.MessageSerializer<SubscribeRequest>,
            deserializer: some GRPCCore.MessageDeserializer<SubscribeResponse>,
            options: GRPCCore.CallOptions,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<SubscribeResponse>) async throws -> Result
        ) async throws -> Result where Result: Sendable

        /// Call the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Runs one entity operation, routed to a Processing Worker.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `ProcessRequest` message.
        ///   - serializer: A serializer for `ProcessRequest` messages.
        ///   - deserializer: A deserializer for `ProcessResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        func process<Result>(
            request: GRPCCore.ClientRequest<ProcessRequest>,
            serializer: some GRPCCore.MessageSerializer<ProcessRequest>,
            deserializer: some GRPCCore.MessageDeserializer<ProcessResponse>,
            options: GRPCCore.CallOptions,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<ProcessResponse>) async throws -> Result
        ) async throws -> Result where Result: Sendable

        /// Call the "Heartbeat" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Liveness and load report; the Main Worker stops routing to workers that
        /// > stay silent, forgets them later, and tells workers when to Subscribe again.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `HeartbeatRequest` message.
        ///   - serializer: A serializer for `HeartbeatRequest` messages.
        ///   - deserializer: A deserializer for `HeartbeatResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        func heartbeat<Result>(
            request: GRPCCore.ClientRequest<HeartbeatRequest>,
            serializer: some GRPCCore.MessageSerializer<HeartbeatRequest>,
            deserializer: some GRPCCore.MessageDeserializer<HeartbeatResponse>,
            options: GRPCCore.CallOptions,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<HeartbeatResponse>) async throws -> Result
        ) async throws -> Result where Result: Sendable

        /// Call the "RenewToken" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Exchanges a session token that is still valid for a fresh one, without
        /// > sending the keyring again.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `RenewTokenRequest` message.
        ///   - serializer: A serializer for `RenewTokenRequest` messages.
        ///   - deserializer: A deserializer for `RenewTokenResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        func renewToken<Result>(
            request: GRPCCore.ClientRequest<RenewTokenRequest>,
            serializer: some GRPCCore.MessageSerializer<RenewTokenRequest>,
            deserializer: some GRPCCore.MessageDeserializer<RenewTokenResponse>,
            options: GRPCCore.CallOptions,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<RenewTokenResponse>) async throws -> Result
        ) async throws -> Result where Result: Sendable
    }

    /// Generated client for the "deltadb.MainWorker" service.
    ///
    /// The ``Client`` provides an implementation of ``ClientProtocol`` which wraps
    /// a `GRPCCore.GRPCCClient`. The underlying `GRPCClient` provides the long-lived
    /// means of communication with the remote peer.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The Main Worker's service, for Processing Workers (Subscribe, Heartbeat,
    /// > RenewToken; credential: `authorization: Bearer <worker secret>` metadata, then
    /// > the session token) and for clients (Process; credential: the admin key or an
    /// > API key in `authorization: Bearer <key>` metadata or in ProcessRequest.token).
    public struct Client<Transport>: ClientProtocol where Transport: GRPCCore.ClientTransport {
        private let client: GRPCCore.GRPCClient<Transport>

        /// Creates a new client wrapping the provided `GRPCCore.GRPCClient`.
        ///
        /// - Parameters:
        ///   - client: A `GRPCCore.GRPCClient` providing a communication channel to the service.
        public init(wrapping client: GRPCCore.GRPCClient<Transport>) {
            self.client = client
        }

        /// Call the "Subscribe" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > A Processing Worker proves who it is with the worker secret and receives a
        /// > session token and the keyring, wrapped to its ephemeral public key. An
        /// > unauthenticated Subscribe gets nothing (UNAUTHENTICATED).
        ///
        /// - Parameters:
        ///   - request: A request containing a single `SubscribeRequest` message.
        ///   - serializer: A serializer for `SubscribeRequest` messages.
        ///   - deserializer: A deserializer for `SubscribeResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        public func subscribe<Result>(
            request: GRPCCore.ClientRequest<SubscribeRequest>,
            serializer: some GRPCCore.MessageSerializer<SubscribeRequest>,
            deserializer: some GRPCCore.MessageDeserializer<SubscribeResponse>,
            options: GRPCCore.CallOptions = .defaults,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<SubscribeResponse>) async throws -> Result = { response in
                try response.message
            }
        ) async throws -> Result where Result: Sendable {
            try await self.client.unary(
                request: request,
                descriptor: MainWorkerService.Method.Subscribe.descriptor,
                serializer: serializer,
                deserializer: deserializer,
                options: options,
                onResponse: handleResponse
            )
        }

        /// Call the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Runs one entity operation, routed to a Processing Worker.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `ProcessRequest` message.
        ///   - serializer: A serializer for `ProcessRequest` messages.
        ///   - deserializer: A deserializer for `ProcessResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        public func process<Result>(
            request: GRPCCore.ClientRequest<ProcessRequest>,
            serializer: some GRPCCore.MessageSerializer<ProcessRequest>,
            deserializer: some GRPCCore.MessageDeserializer<ProcessResponse>,
            options: GRPCCore.CallOptions = .defaults,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<ProcessResponse>) async throws -> Result = { response in
                try response.message
            }
        ) async throws -> Result where Result: Sendable {
            try await self.client.unary(
                request: request,
                descriptor: MainWorkerService.Method.Process.descriptor,
                serializer: serializer,
                deserializer: deserializer,
                options: options,
                onResponse: handleResponse
            )
        }

        /// Call the "Heartbeat" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Liveness and load report; the Main Worker stops routing to workers that
        /// > stay silent, forgets them later, and tells workers when to Subscribe again.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `HeartbeatRequest` message.
        ///   - serializer: A serializer for `HeartbeatRequest` messages.
        ///   - deserializer: A deserializer for `HeartbeatResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        public func heartbeat<Result>(
            request: GRPCCore.ClientRequest<HeartbeatRequest>,
            serializer: some GRPCCore.MessageSerializer<HeartbeatRequest>,
            deserializer: some GRPCCore.MessageDeserializer<HeartbeatResponse>,
            options: GRPCCore.CallOptions = .defaults,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<HeartbeatResponse>) async throws -> Result = { response in
                try response.message
            }
        ) async throws -> Result where Result: Sendable {
            try await self.client.unary(
                request: request,
                descriptor: MainWorkerService.Method.Heartbeat.descriptor,
                serializer: serializer,
                deserializer: deserializer,
                options: options,
                onResponse: handleResponse
            )
        }

        /// Call the "RenewToken" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Exchanges a session token that is still valid for a fresh one, without
        /// > sending the keyring again.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `RenewTokenRequest` message.
        ///   - serializer: A serializer for `RenewTokenRequest` messages.
        ///   - deserializer: A deserializer for `RenewTokenResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        public func renewToken<Result>(
            request: GRPCCore.ClientRequest<RenewTokenRequest>,
            serializer: some GRPCCore.MessageSerializer<RenewTokenRequest>,
            deserializer: some GRPCCore.MessageDeserializer<RenewTokenResponse>,
            options: GRPCCore.CallOptions = .defaults,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<RenewTokenResponse>) async throws -> Result = { response in
                try response.message
            }
        ) async throws -> Result where Result: Sendable {
            try await self.client.unary(
                request: request,
                descriptor: MainWorkerService.Method.RenewToken.descriptor,
                serializer: serializer,
                deserializer: deserializer,
                options: options,
                onResponse: handleResponse
            )
        }
    }
}

// Helpers providing default arguments to 'ClientProtocol' methods.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension MainWorkerService.ClientProtocol {
    /// Call the "Subscribe" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > A Processing Worker proves who it is with the worker secret and receives a
    /// > session token and the keyring, wrapped to its ephemeral public key. An
    /// > unauthenticated Subscribe gets nothing (UNAUTHENTICATED).
    ///
    /// - Parameters:
    ///   - request: A request containing a single `SubscribeRequest` message.
    ///   - options: Options to apply to this RPC.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func subscribe<Result>(
        request: GRPCCore.ClientRequest<SubscribeRequest>,
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<SubscribeResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        try await self.subscribe(
            request: request,
            serializer: GRPCProtobuf.ProtobufSerializer<SubscribeRequest>(),
            deserializer: GRPCProtobuf.ProtobufDeserializer<SubscribeResponse>(),
            options: options,
            onResponse: handleResponse
        )
    }

    /// Call the "Process" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > Runs one entity operation, routed to a Processing Worker.
    ///
    /// - Parameters:
    ///   - request: A request containing a single `ProcessRequest` message.
    ///   - options: Options to apply to this RPC.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func process<Result>(
        request: GRPCCore.ClientRequest<ProcessRequest>,
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<ProcessResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        try await self.process(
            request: request,
            serializer: GRPCProtobuf.ProtobufSerializer<ProcessRequest>(),
            deserializer: GRPCProtobuf.ProtobufDeserializer<ProcessResponse>(),
            options: options,
            onResponse: handleResponse
        )
    }

    /// Call the "Heartbeat" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > Liveness and load report; the Main Worker stops routing to workers that
    /// > stay silent, forgets them later, and tells workers when to Subscribe again.
    ///
    /// - Parameters:
    ///   - request: A request containing a single `HeartbeatRequest` message.
    ///   - options: Options to apply to this RPC.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func heartbeat<Result>(
        request: GRPCCore.ClientRequest<HeartbeatRequest>,
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<HeartbeatResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        try await self.heartbeat(
            request: request,
            serializer: GRPCProtobuf.ProtobufSerializer<HeartbeatRequest>(),
            deserializer: GRPCProtobuf.ProtobufDeserializer<HeartbeatResponse>(),
            options: options,
            onResponse: handleResponse
        )
    }

    /// Call the "RenewToken" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > Exchanges a session token that is still valid for a fresh one, without
    /// > sending the keyring again.
    ///
    /// - Parameters:
    ///   - request: A request containing a single `RenewTokenRequest` message.
    ///   - options: Options to apply to this RPC.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func renewToken<Result>(
        request: GRPCCore.ClientRequest<RenewTokenRequest>,
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<RenewTokenResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        try await self.renewToken(
            request: request,
            serializer: GRPCProtobuf.ProtobufSerializer<RenewTokenRequest>(),
            deserializer: GRPCProtobuf.ProtobufDeserializer<RenewTokenResponse>(),
            options: options,
            onResponse: handleResponse
        )
    }
}

// Helpers providing sugared APIs for 'ClientProtocol' methods.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension MainWorkerService.ClientProtocol {
    /// Call the "Subscribe" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > A Processing Worker proves who it is with the worker secret and receives a
    /// > session token and the keyring, wrapped to its ephemeral public key. An
    /// > unauthenticated Subscribe gets nothing (UNAUTHENTICATED).
    ///
    /// - Parameters:
    ///   - message: request message to send.
    ///   - metadata: Additional metadata to send, defaults to empty.
    ///   - options: Options to apply to this RPC, defaults to `.defaults`.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func subscribe<Result>(
        _ message: SubscribeRequest,
        metadata: GRPCCore.Metadata = [:],
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<SubscribeResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        let request = GRPCCore.ClientRequest<SubscribeRequest>(
            message: message,
            metadata: metadata
        )
        return try await self.subscribe(
            request: request,
            options: options,
            onResponse: handleResponse
        )
    }

    /// Call the "Process" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > Runs one entity operation, routed to a Processing Worker.
    ///
    /// - Parameters:
    ///   - message: request message to send.
    ///   - metadata: Additional metadata to send, defaults to empty.
    ///   - options: Options to apply to this RPC, defaults to `.defaults`.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func process<Result>(
        _ message: ProcessRequest,
        metadata: GRPCCore.Metadata = [:],
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<ProcessResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        let request = GRPCCore.ClientRequest<ProcessRequest>(
            message: message,
            metadata: metadata
        )
        return try await self.process(
            request: request,
            options: options,
            onResponse: handleResponse
        )
    }

    /// Call the "Heartbeat" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > Liveness and load report; the Main Worker stops routing to workers that
    /// > stay silent, forgets them later, and tells workers when to Subscribe again.
    ///
    /// - Parameters:
    ///   - message: request message to send.
    ///   - metadata: Additional metadata to send, defaults to empty.
    ///   - options: Options to apply to this RPC, defaults to `.defaults`.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func heartbeat<Result>(
        _ message: HeartbeatRequest,
        metadata: GRPCCore.Metadata = [:],
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<HeartbeatResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        let request = GRPCCore.ClientRequest<HeartbeatRequest>(
            message: message,
            metadata: metadata
        )
        return try await self.heartbeat(
            request: request,
            options: options,
            onResponse: handleResponse
        )
    }

    /// Call the "RenewToken" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > Exchanges a session token that is still valid for a fresh one, without
    /// > sending the keyring again.
    ///
    /// - Parameters:
    ///   - message: request message to send.
    ///   - metadata: Additional metadata to send, defaults to empty.
    ///   - options: Options to apply to this RPC, defaults to `.defaults`.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func renewToken<Result>(
        _ message: RenewTokenRequest,
        metadata: GRPCCore.Metadata = [:],
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<RenewTokenResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        let request = GRPCCore.ClientRequest<RenewTokenRequest>(
            message: message,
            metadata: metadata
        )
        return try await self.renewToken(
            request: request,
            options: options,
            onResponse: handleResponse
        )
    }
}

// MARK: - deltadb.ProcessingWorker

/// Namespace containing generated types for the "deltadb.ProcessingWorker" service.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
public enum ProcessingWorkerService: Sendable {
    /// Service descriptor for the "deltadb.ProcessingWorker" service.
    public static let descriptor = GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.ProcessingWorker")
    /// Namespace for method metadata.
    public enum Method: Sendable {
        /// Namespace for "Process" metadata.
        public enum Process: Sendable {
            /// Request type for "Process".
            public typealias Input = ProcessRequest
            /// Response type for "Process".
            public typealias Output = ProcessResponse
            /// Descriptor for "Process".
            public static let descriptor = GRPCCore.MethodDescriptor(
                service: GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.ProcessingWorker"),
                method: "Process",
                type: .unary
            )
        }
        /// Namespace for "ProcessStream" metadata.
        public enum ProcessStream: Sendable {
            /// Request type for "ProcessStream".
            public typealias Input = ProcessStreamRequest
            /// Response type for "ProcessStream".
            public typealias Output = ProcessStreamResponse
            /// Descriptor for "ProcessStream".
            public static let descriptor = GRPCCore.MethodDescriptor(
                service: GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.ProcessingWorker"),
                method: "ProcessStream",
                type: .bidirectionalStreaming
            )
        }
        /// Descriptors for all methods in the "deltadb.ProcessingWorker" service.
        public static let descriptors: [GRPCCore.MethodDescriptor] = [
            Process.descriptor,
            ProcessStream.descriptor
        ]
    }
}

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension GRPCCore.ServiceDescriptor {
    /// Service descriptor for the "deltadb.ProcessingWorker" service.
    public static let processingWorker = GRPCCore.ServiceDescriptor(fullyQualifiedService: "deltadb.ProcessingWorker")
}

// MARK: deltadb.ProcessingWorker (server)

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension ProcessingWorkerService {
    /// Streaming variant of the service protocol for the "deltadb.ProcessingWorker" service.
    ///
    /// This protocol is the lowest-level of the service protocols generated for this service
    /// giving you the most flexibility over the implementation of your service. This comes at
    /// the cost of more verbose and less strict APIs. Each RPC requires you to implement it in
    /// terms of a request stream and response stream. Where the RPC expects only a single
    /// request or response message, you are responsible for ensuring your implementation
    /// maintains this invariant.
    ///
    /// Where possible, prefer using the stricter, less-verbose ``ServiceProtocol``
    /// or ``SimpleServiceProtocol`` instead.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The service each Processing Worker serves on its -grpc-addr, for the Main
    /// > Worker only: calls must carry `authorization: Bearer <session token>` with the
    /// > token the Main Worker issued to that worker.
    public protocol StreamingServiceProtocol: GRPCCore.RegistrableRPCService {
        /// Handle the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Validates, encrypts, stores and caches (PUT, PUT_BATCH, PATCH, DELETE) or
        /// > reads and decrypts (GET) one operation.
        ///
        /// - Parameters:
        ///   - request: A streaming request of `ProcessRequest` messages.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A streaming response of `ProcessResponse` messages.
        func process(
            request: GRPCCore.StreamingServerRequest<ProcessRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.StreamingServerResponse<ProcessResponse>

        /// Handle the "ProcessStream" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > What the Main Worker uses: many operations over one long-lived stream per
        /// > worker connection, each tagged with a request id, answered in any order as
        /// > they finish. It saves what every unary call costs (a new HTTP/2 stream,
        /// > headers and trailers, a server task). The stream's `authorization` metadata
        /// > carries the session token; a frame may carry a renewed one for itself and
        /// > later frames. A Main Worker falls back to Process for a worker that answers
        /// > UNIMPLEMENTED.
        ///
        /// - Parameters:
        ///   - request: A streaming request of `ProcessStreamRequest` messages.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A streaming response of `ProcessStreamResponse` messages.
        func processStream(
            request: GRPCCore.StreamingServerRequest<ProcessStreamRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.StreamingServerResponse<ProcessStreamResponse>
    }

    /// Service protocol for the "deltadb.ProcessingWorker" service.
    ///
    /// This protocol is higher level than ``StreamingServiceProtocol`` but lower level than
    /// the ``SimpleServiceProtocol``, it provides access to request and response metadata and
    /// trailing response metadata. If you don't need these then consider using
    /// the ``SimpleServiceProtocol``. If you need fine grained control over your RPCs then
    /// use ``StreamingServiceProtocol``.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The service each Processing Worker serves on its -grpc-addr, for the Main
    /// > Worker only: calls must carry `authorization: Bearer <session token>` with the
    /// > token the Main Worker issued to that worker.
    public protocol ServiceProtocol: ProcessingWorkerService.StreamingServiceProtocol {
        /// Handle the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Validates, encrypts, stores and caches (PUT, PUT_BATCH, PATCH, DELETE) or
        /// > reads and decrypts (GET) one operation.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `ProcessRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A response containing a single `ProcessResponse` message.
        func process(
            request: GRPCCore.ServerRequest<ProcessRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.ServerResponse<ProcessResponse>

        /// Handle the "ProcessStream" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > What the Main Worker uses: many operations over one long-lived stream per
        /// > worker connection, each tagged with a request id, answered in any order as
        /// > they finish. It saves what every unary call costs (a new HTTP/2 stream,
        /// > headers and trailers, a server task). The stream's `authorization` metadata
        /// > carries the session token; a frame may carry a renewed one for itself and
        /// > later frames. A Main Worker falls back to Process for a worker that answers
        /// > UNIMPLEMENTED.
        ///
        /// - Parameters:
        ///   - request: A streaming request of `ProcessStreamRequest` messages.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A streaming response of `ProcessStreamResponse` messages.
        func processStream(
            request: GRPCCore.StreamingServerRequest<ProcessStreamRequest>,
            context: GRPCCore.ServerContext
        ) async throws -> GRPCCore.StreamingServerResponse<ProcessStreamResponse>
    }

    /// Simple service protocol for the "deltadb.ProcessingWorker" service.
    ///
    /// This is the highest level protocol for the service. The API is the easiest to use but
    /// doesn't provide access to request or response metadata. If you need access to these
    /// then use ``ServiceProtocol`` instead.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The service each Processing Worker serves on its -grpc-addr, for the Main
    /// > Worker only: calls must carry `authorization: Bearer <session token>` with the
    /// > token the Main Worker issued to that worker.
    public protocol SimpleServiceProtocol: ProcessingWorkerService.ServiceProtocol {
        /// Handle the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Validates, encrypts, stores and caches (PUT, PUT_BATCH, PATCH, DELETE) or
        /// > reads and decrypts (GET) one operation.
        ///
        /// - Parameters:
        ///   - request: A `ProcessRequest` message.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        /// - Returns: A `ProcessResponse` to respond with.
        func process(
            request: ProcessRequest,
            context: GRPCCore.ServerContext
        ) async throws -> ProcessResponse

        /// Handle the "ProcessStream" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > What the Main Worker uses: many operations over one long-lived stream per
        /// > worker connection, each tagged with a request id, answered in any order as
        /// > they finish. It saves what every unary call costs (a new HTTP/2 stream,
        /// > headers and trailers, a server task). The stream's `authorization` metadata
        /// > carries the session token; a frame may carry a renewed one for itself and
        /// > later frames. A Main Worker falls back to Process for a worker that answers
        /// > UNIMPLEMENTED.
        ///
        /// - Parameters:
        ///   - request: A stream of `ProcessStreamRequest` messages.
        ///   - response: A response stream of `ProcessStreamResponse` messages.
        ///   - context: Context providing information about the RPC.
        /// - Throws: Any error which occurred during the processing of the request. Thrown errors
        ///     of type `RPCError` are mapped to appropriate statuses. All other errors are converted
        ///     to an internal error.
        func processStream(
            request: GRPCCore.RPCAsyncSequence<ProcessStreamRequest, any Swift.Error>,
            response: GRPCCore.RPCWriter<ProcessStreamResponse>,
            context: GRPCCore.ServerContext
        ) async throws
    }
}

// Default implementation of 'registerMethods(with:)'.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension ProcessingWorkerService.StreamingServiceProtocol {
    public func registerMethods<Transport>(with router: inout GRPCCore.RPCRouter<Transport>) where Transport: GRPCCore.ServerTransport {
        router.registerHandler(
            forMethod: ProcessingWorkerService.Method.Process.descriptor,
            deserializer: GRPCProtobuf.ProtobufDeserializer<ProcessRequest>(),
            serializer: GRPCProtobuf.ProtobufSerializer<ProcessResponse>(),
            handler: { request, context in
                try await self.process(
                    request: request,
                    context: context
                )
            }
        )
        router.registerHandler(
            forMethod: ProcessingWorkerService.Method.ProcessStream.descriptor,
            deserializer: GRPCProtobuf.ProtobufDeserializer<ProcessStreamRequest>(),
            serializer: GRPCProtobuf.ProtobufSerializer<ProcessStreamResponse>(),
            handler: { request, context in
                try await self.processStream(
                    request: request,
                    context: context
                )
            }
        )
    }
}

// Default implementation of streaming methods from 'StreamingServiceProtocol'.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension ProcessingWorkerService.ServiceProtocol {
    public func process(
        request: GRPCCore.StreamingServerRequest<ProcessRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.StreamingServerResponse<ProcessResponse> {
        let response = try await self.process(
            request: GRPCCore.ServerRequest(stream: request),
            context: context
        )
        return GRPCCore.StreamingServerResponse(single: response)
    }
}

// Default implementation of methods from 'ServiceProtocol'.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension ProcessingWorkerService.SimpleServiceProtocol {
    public func process(
        request: GRPCCore.ServerRequest<ProcessRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.ServerResponse<ProcessResponse> {
        return GRPCCore.ServerResponse<ProcessResponse>(
            message: try await self.process(
                request: request.message,
                context: context
            ),
            metadata: [:]
        )
    }

    public func processStream(
        request: GRPCCore.StreamingServerRequest<ProcessStreamRequest>,
        context: GRPCCore.ServerContext
    ) async throws -> GRPCCore.StreamingServerResponse<ProcessStreamResponse> {
        return GRPCCore.StreamingServerResponse<ProcessStreamResponse>(
            metadata: [:],
            producer: { writer in
                try await self.processStream(
                    request: request.messages,
                    response: writer,
                    context: context
                )
                return [:]
            }
        )
    }
}

// MARK: deltadb.ProcessingWorker (client)

@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension ProcessingWorkerService {
    /// Generated client protocol for the "deltadb.ProcessingWorker" service.
    ///
    /// You don't need to implement this protocol directly, use the generated
    /// implementation, ``Client``.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The service each Processing Worker serves on its -grpc-addr, for the Main
    /// > Worker only: calls must carry `authorization: Bearer <session token>` with the
    /// > token the Main Worker issued to that worker.
    public protocol ClientProtocol: Sendable {
        /// Call the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Validates, encrypts, stores and caches (PUT, PUT_BATCH, PATCH, DELETE) or
        /// > reads and decrypts (GET) one operation.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `ProcessRequest` message.
        ///   - serializer: A serializer for `ProcessRequest` messages.
        ///   - deserializer: A deserializer for `ProcessResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        func process<Result>(
            request: GRPCCore.ClientRequest<ProcessRequest>,
            serializer: some GRPCCore.MessageSerializer<ProcessRequest>,
            deserializer: some GRPCCore.MessageDeserializer<ProcessResponse>,
            options: GRPCCore.CallOptions,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<ProcessResponse>) async throws -> Result
        ) async throws -> Result where Result: Sendable

        /// Call the "ProcessStream" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > What the Main Worker uses: many operations over one long-lived stream per
        /// > worker connection, each tagged with a request id, answered in any order as
        /// > they finish. It saves what every unary call costs (a new HTTP/2 stream,
        /// > headers and trailers, a server task). The stream's `authorization` metadata
        /// > carries the session token; a frame may carry a renewed one for itself and
        /// > later frames. A Main Worker falls back to Process for a worker that answers
        /// > UNIMPLEMENTED.
        ///
        /// - Parameters:
        ///   - request: A streaming request producing `ProcessStreamRequest` messages.
        ///   - serializer: A serializer for `ProcessStreamRequest` messages.
        ///   - deserializer: A deserializer for `ProcessStreamResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        func processStream<Result>(
            request: GRPCCore.StreamingClientRequest<ProcessStreamRequest>,
            serializer: some GRPCCore.MessageSerializer<ProcessStreamRequest>,
            deserializer: some GRPCCore.MessageDeserializer<ProcessStreamResponse>,
            options: GRPCCore.CallOptions,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.StreamingClientResponse<ProcessStreamResponse>) async throws -> Result
        ) async throws -> Result where Result: Sendable
    }

    /// Generated client for the "deltadb.ProcessingWorker" service.
    ///
    /// The ``Client`` provides an implementation of ``ClientProtocol`` which wraps
    /// a `GRPCCore.GRPCCClient`. The underlying `GRPCClient` provides the long-lived
    /// means of communication with the remote peer.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > The service each Processing Worker serves on its -grpc-addr, for the Main
    /// > Worker only: calls must carry `authorization: Bearer <session token>` with the
    /// > token the Main Worker issued to that worker.
    public struct Client<Transport>: ClientProtocol where Transport: GRPCCore.ClientTransport {
        private let client: GRPCCore.GRPCClient<Transport>

        /// Creates a new client wrapping the provided `GRPCCore.GRPCClient`.
        ///
        /// - Parameters:
        ///   - client: A `GRPCCore.GRPCClient` providing a communication channel to the service.
        public init(wrapping client: GRPCCore.GRPCClient<Transport>) {
            self.client = client
        }

        /// Call the "Process" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > Validates, encrypts, stores and caches (PUT, PUT_BATCH, PATCH, DELETE) or
        /// > reads and decrypts (GET) one operation.
        ///
        /// - Parameters:
        ///   - request: A request containing a single `ProcessRequest` message.
        ///   - serializer: A serializer for `ProcessRequest` messages.
        ///   - deserializer: A deserializer for `ProcessResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        public func process<Result>(
            request: GRPCCore.ClientRequest<ProcessRequest>,
            serializer: some GRPCCore.MessageSerializer<ProcessRequest>,
            deserializer: some GRPCCore.MessageDeserializer<ProcessResponse>,
            options: GRPCCore.CallOptions = .defaults,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<ProcessResponse>) async throws -> Result = { response in
                try response.message
            }
        ) async throws -> Result where Result: Sendable {
            try await self.client.unary(
                request: request,
                descriptor: ProcessingWorkerService.Method.Process.descriptor,
                serializer: serializer,
                deserializer: deserializer,
                options: options,
                onResponse: handleResponse
            )
        }

        /// Call the "ProcessStream" method.
        ///
        /// > Source IDL Documentation:
        /// >
        /// > What the Main Worker uses: many operations over one long-lived stream per
        /// > worker connection, each tagged with a request id, answered in any order as
        /// > they finish. It saves what every unary call costs (a new HTTP/2 stream,
        /// > headers and trailers, a server task). The stream's `authorization` metadata
        /// > carries the session token; a frame may carry a renewed one for itself and
        /// > later frames. A Main Worker falls back to Process for a worker that answers
        /// > UNIMPLEMENTED.
        ///
        /// - Parameters:
        ///   - request: A streaming request producing `ProcessStreamRequest` messages.
        ///   - serializer: A serializer for `ProcessStreamRequest` messages.
        ///   - deserializer: A deserializer for `ProcessStreamResponse` messages.
        ///   - options: Options to apply to this RPC.
        ///   - handleResponse: A closure which handles the response and returns its result to
        ///       the caller. Returning from the closure will cancel the RPC if it hasn't
        ///       already finished.
        /// - Returns: The result of `handleResponse`.
        public func processStream<Result>(
            request: GRPCCore.StreamingClientRequest<ProcessStreamRequest>,
            serializer: some GRPCCore.MessageSerializer<ProcessStreamRequest>,
            deserializer: some GRPCCore.MessageDeserializer<ProcessStreamResponse>,
            options: GRPCCore.CallOptions = .defaults,
            onResponse handleResponse: @Sendable @escaping (GRPCCore.StreamingClientResponse<ProcessStreamResponse>) async throws -> Result
        ) async throws -> Result where Result: Sendable {
            try await self.client.bidirectionalStreaming(
                request: request,
                descriptor: ProcessingWorkerService.Method.ProcessStream.descriptor,
                serializer: serializer,
                deserializer: deserializer,
                options: options,
                onResponse: handleResponse
            )
        }
    }
}

// Helpers providing default arguments to 'ClientProtocol' methods.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension ProcessingWorkerService.ClientProtocol {
    /// Call the "Process" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > Validates, encrypts, stores and caches (PUT, PUT_BATCH, PATCH, DELETE) or
    /// > reads and decrypts (GET) one operation.
    ///
    /// - Parameters:
    ///   - request: A request containing a single `ProcessRequest` message.
    ///   - options: Options to apply to this RPC.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func process<Result>(
        request: GRPCCore.ClientRequest<ProcessRequest>,
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<ProcessResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        try await self.process(
            request: request,
            serializer: GRPCProtobuf.ProtobufSerializer<ProcessRequest>(),
            deserializer: GRPCProtobuf.ProtobufDeserializer<ProcessResponse>(),
            options: options,
            onResponse: handleResponse
        )
    }

    /// Call the "ProcessStream" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > What the Main Worker uses: many operations over one long-lived stream per
    /// > worker connection, each tagged with a request id, answered in any order as
    /// > they finish. It saves what every unary call costs (a new HTTP/2 stream,
    /// > headers and trailers, a server task). The stream's `authorization` metadata
    /// > carries the session token; a frame may carry a renewed one for itself and
    /// > later frames. A Main Worker falls back to Process for a worker that answers
    /// > UNIMPLEMENTED.
    ///
    /// - Parameters:
    ///   - request: A streaming request producing `ProcessStreamRequest` messages.
    ///   - options: Options to apply to this RPC.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func processStream<Result>(
        request: GRPCCore.StreamingClientRequest<ProcessStreamRequest>,
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.StreamingClientResponse<ProcessStreamResponse>) async throws -> Result
    ) async throws -> Result where Result: Sendable {
        try await self.processStream(
            request: request,
            serializer: GRPCProtobuf.ProtobufSerializer<ProcessStreamRequest>(),
            deserializer: GRPCProtobuf.ProtobufDeserializer<ProcessStreamResponse>(),
            options: options,
            onResponse: handleResponse
        )
    }
}

// Helpers providing sugared APIs for 'ClientProtocol' methods.
@available(macOS 15.0, iOS 18.0, watchOS 11.0, tvOS 18.0, visionOS 2.0, *)
extension ProcessingWorkerService.ClientProtocol {
    /// Call the "Process" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > Validates, encrypts, stores and caches (PUT, PUT_BATCH, PATCH, DELETE) or
    /// > reads and decrypts (GET) one operation.
    ///
    /// - Parameters:
    ///   - message: request message to send.
    ///   - metadata: Additional metadata to send, defaults to empty.
    ///   - options: Options to apply to this RPC, defaults to `.defaults`.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func process<Result>(
        _ message: ProcessRequest,
        metadata: GRPCCore.Metadata = [:],
        options: GRPCCore.CallOptions = .defaults,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.ClientResponse<ProcessResponse>) async throws -> Result = { response in
            try response.message
        }
    ) async throws -> Result where Result: Sendable {
        let request = GRPCCore.ClientRequest<ProcessRequest>(
            message: message,
            metadata: metadata
        )
        return try await self.process(
            request: request,
            options: options,
            onResponse: handleResponse
        )
    }

    /// Call the "ProcessStream" method.
    ///
    /// > Source IDL Documentation:
    /// >
    /// > What the Main Worker uses: many operations over one long-lived stream per
    /// > worker connection, each tagged with a request id, answered in any order as
    /// > they finish. It saves what every unary call costs (a new HTTP/2 stream,
    /// > headers and trailers, a server task). The stream's `authorization` metadata
    /// > carries the session token; a frame may carry a renewed one for itself and
    /// > later frames. A Main Worker falls back to Process for a worker that answers
    /// > UNIMPLEMENTED.
    ///
    /// - Parameters:
    ///   - metadata: Additional metadata to send, defaults to empty.
    ///   - options: Options to apply to this RPC, defaults to `.defaults`.
    ///   - producer: A closure producing request messages to send to the server. Returning
    ///       from the closure closes the request stream.
    ///   - handleResponse: A closure which handles the response and returns its result to
    ///       the caller. Returning from the closure will cancel the RPC if it hasn't
    ///       already finished.
    /// - Returns: The result of `handleResponse`.
    public func processStream<Result>(
        metadata: GRPCCore.Metadata = [:],
        options: GRPCCore.CallOptions = .defaults,
        requestProducer producer: @Sendable @escaping (GRPCCore.RPCWriter<ProcessStreamRequest>) async throws -> Void,
        onResponse handleResponse: @Sendable @escaping (GRPCCore.StreamingClientResponse<ProcessStreamResponse>) async throws -> Result
    ) async throws -> Result where Result: Sendable {
        let request = GRPCCore.StreamingClientRequest<ProcessStreamRequest>(
            metadata: metadata,
            producer: producer
        )
        return try await self.processStream(
            request: request,
            options: options,
            onResponse: handleResponse
        )
    }
}
