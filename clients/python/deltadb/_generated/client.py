# Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

"""A typed client for the DeltaDatabase REST API: one method per operation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .._runtime import Transport
from .models import (
    APIKeyInfo,
    APIKeyList,
    BackupSummary,
    CreateAPIKeyRequest,
    CreateBackupRequest,
    CreatedAPIKey,
    DatabaseInfo,
    DatabaseNameList,
    DatabaseSettings,
    EntityBatch,
    EntityDocument,
    EntityList,
    LoginRequest,
    LoginResponse,
    MeResponse,
    SchemaDocument,
    SchemaIDList,
    StatsResponse,
    StatusResponse,
    ValidationResult,
    WorkerInfo,
    WorkerList,
)

__all__ = [
    "Client",
    "GetEntityResult",
    "PatchEntityResult",
]


@dataclass
class GetEntityResult:
    """The body and headers of a successful ``get_entity`` call."""

    body: EntityDocument
    """The entity's JSON document."""
    etag: Optional[str] = None
    """The entity's version, as a quoted string."""


@dataclass
class PatchEntityResult:
    """The body and headers of a successful ``patch_entity`` call."""

    body: EntityDocument
    """The patched document as stored, with its new version in the ETag header."""
    etag: Optional[str] = None
    """The entity's new version, as a quoted string."""


class Client:
    """DeltaDatabase REST API 0.1.0.

    Every method raises ``DeltaError`` for a response outside 2xx.
    """

    def __init__(self, base_url: str, token: Optional[str] = None, timeout: float = 30.0) -> None:
        """A client for the server at ``base_url``, sending ``token`` as a Bearer credential."""
        self._transport = Transport(base_url, token, timeout)

    def get_health(self) -> StatusResponse:
        """Report that the server is up.

        Returns the system health status. No authentication required.

        ``GET /health``
        """
        response = self._transport.request(
            "GET",
            "/health",
        )
        return StatusResponse.from_dict(response.json())

    def put_entities(self, database: str, body: EntityBatch, *, if_match: Optional[str] = None, if_none_match: Optional[str] = None) -> StatusResponse:
        """Create or update one or more entities.

        The body is a JSON object whose members are entity keys and whose values are the entities' JSON documents. All entities are validated before any is written; the response comes after every write is durable. With If-Match or If-None-Match the body must hold exactly one entity, and the condition is checked atomically with the write.

        ``PUT /entity/{database}``

        :param database: Name of the database, e.g. chatdb.
        :param body: Entity key to JSON document; several entities at once.
        :param if_match: Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
        :param if_none_match: `*`: create only; fail with 412 if the entity already exists.
        """
        response = self._transport.request(
            "PUT",
            "/entity/{database}",
            path_params={"database": database},
            headers={"If-Match": if_match, "If-None-Match": if_none_match},
            body=body,
            has_body=True,
        )
        return StatusResponse.from_dict(response.json())

    def get_entity(self, database: str, key: str) -> GetEntityResult:
        """Retrieve one entity.

        Returns the entity's JSON document directly, with its version in the ETag header.

        ``GET /entity/{database}``

        :param database: Name of the database, e.g. chatdb.
        :param key: The entity key, e.g. session_001.
        """
        response = self._transport.request(
            "GET",
            "/entity/{database}",
            path_params={"database": database},
            query={"key": key},
        )
        return GetEntityResult(
            body=response.json(),
            etag=response.header("ETag"),
        )

    def delete_entity(self, database: str, key: str, *, if_match: Optional[str] = None) -> StatusResponse:
        """Delete one entity.

        Deletes the entity durably; a deleted key reads 404. With If-Match the entity is deleted only if its version matches (checked atomically).

        ``DELETE /entity/{database}``

        :param database: Name of the database, e.g. chatdb.
        :param key: The entity key, e.g. session_001.
        :param if_match: Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
        """
        response = self._transport.request(
            "DELETE",
            "/entity/{database}",
            path_params={"database": database},
            query={"key": key},
            headers={"If-Match": if_match},
        )
        return StatusResponse.from_dict(response.json())

    def patch_entity(self, database: str, key: str, body: Any, *, if_match: Optional[str] = None, content_type: str = "application/merge-patch+json") -> PatchEntityResult:
        """Change one entity with a JSON Merge Patch or a JSON Patch.

        application/merge-patch+json applies an RFC 7396 merge patch; application/json-patch+json applies an RFC 6902 patch (add, remove, replace, move, copy, test; "/messages/-" appends). The patch applies to the current version under the entity's lock, the result is validated against the database's schema and stored as the next version, so concurrent patches never lose each other's changes. A bad patch or a failed test operation is a 400 naming the operation's index; nothing is stored.

        ``PATCH /entity/{database}``

        :param database: Name of the database, e.g. chatdb.
        :param key: The entity key, e.g. session_001.
        :param body: An RFC 7396 JSON Merge Patch: objects merge member by member, null removes a member, anything else replaces.
        :param if_match: Proceed only if the entity's current version is one of these quoted versions (its ETag, e.g. "3"), or `*` for any existing version.
        :param content_type: The body's media type: ``application/merge-patch+json``, ``application/json-patch+json``.
        """
        response = self._transport.request(
            "PATCH",
            "/entity/{database}",
            path_params={"database": database},
            query={"key": key},
            headers={"If-Match": if_match},
            body=body,
            has_body=True,
            content_type=content_type,
        )
        return PatchEntityResult(
            body=response.json(),
            etag=response.header("ETag"),
        )

    def list_schemas(self) -> SchemaIDList:
        """List the ids of every stored JSON Schema.

        Returns a list of all defined schema ids, sorted. No authentication required.

        ``GET /admin/schemas``
        """
        response = self._transport.request(
            "GET",
            "/admin/schemas",
        )
        return response.json()

    def get_schema(self, schema_id: str) -> SchemaDocument:
        """Retrieve a JSON Schema document.

        Returns the raw JSON Schema stored under the id. No authentication required.

        ``GET /schema/{schemaID}``

        :param schema_id: The schema identifier, e.g. chat.v1.
        """
        response = self._transport.request(
            "GET",
            "/schema/{schemaID}",
            path_params={"schemaID": schema_id},
        )
        return response.json()

    def put_schema(self, schema_id: str, body: SchemaDocument) -> StatusResponse:
        """Create or replace a JSON Schema.

        The body must be a valid draft-07 JSON Schema; it is checked against the draft-07 metaschema and every $ref must resolve. Stored as templates/<schemaID>.json.

        ``PUT /schema/{schemaID}``

        :param schema_id: The schema identifier, e.g. chat.v1.
        :param body: A JSON Schema (draft-07) document.
        """
        response = self._transport.request(
            "PUT",
            "/schema/{schemaID}",
            path_params={"schemaID": schema_id},
            body=body,
            has_body=True,
        )
        return StatusResponse.from_dict(response.json())

    def delete_schema(self, schema_id: str) -> StatusResponse:
        """Delete a JSON Schema.

        Fails with 400 while another schema references it or a database is bound to it.

        ``DELETE /schema/{schemaID}``

        :param schema_id: The schema identifier, e.g. chat.v1.
        """
        response = self._transport.request(
            "DELETE",
            "/schema/{schemaID}",
            path_params={"schemaID": schema_id},
        )
        return StatusResponse.from_dict(response.json())

    def export_schema(self, schema_id: str, format: str) -> str:
        """Export a schema as Pydantic v2 models or TypeScript types.

        Generated by the same code generator as `deltadb-codegen types`, so the models accept and reject what the validator does as closely as the target allows; what a target cannot express is written as a comment in the output. Public, like GET /schema/{schemaID}.

        ``GET /schema/{schemaID}/export``

        :param schema_id: The schema identifier, e.g. chat.v1.
        :param format: `pydantic` (a Python module) or `typescript` (a .ts module).
        """
        response = self._transport.request(
            "GET",
            "/schema/{schemaID}/export",
            path_params={"schemaID": schema_id},
            query={"format": format},
        )
        return response.text()

    def validate_against_schema(self, schema_id: str, body: EntityDocument) -> ValidationResult:
        """Check a JSON document against a schema without storing anything.

        Returns whether the body is valid and every violation found.

        ``POST /schema/{schemaID}/validate``

        :param schema_id: The schema identifier, e.g. chat.v1.
        :param body: An entity's JSON document (any JSON value; usually an object).
        """
        response = self._transport.request(
            "POST",
            "/schema/{schemaID}/validate",
            path_params={"schemaID": schema_id},
            body=body,
            has_body=True,
        )
        return ValidationResult.from_dict(response.json())

    def list_databases(self, *, prefix: Optional[str] = None, limit: Optional[int] = None, after: Optional[str] = None) -> DatabaseNameList:
        """List the databases that hold at least one entity.

        Read from storage, sorted bytewise. A credential limited to some databases sees only those. Without `limit` every name comes at once (as in the original); with it, one page: pass the page's last name as `after` for the next one, until a page holds fewer than `limit` names.

        ``GET /api/databases``

        :param prefix: Only databases whose name starts with this string.
        :param limit: Page size, 1 to 1000 (default all).
        :param after: Start after this name (the previous page's last name).
        """
        response = self._transport.request(
            "GET",
            "/api/databases",
            query={"prefix": prefix, "limit": limit, "after": after},
        )
        return response.json()

    def list_entities(self, database: str, *, prefix: Optional[str] = None, limit: Optional[int] = None, after: Optional[str] = None) -> EntityList:
        """List a database's entity keys, one page at a time.

        Read from storage (not the cache), in bytewise key order. Pass a page's next_cursor as `after` to get the next page; cursors stay valid while keys are added or removed.

        ``GET /api/databases/{database}/entities``

        :param database: Name of the database, e.g. chatdb.
        :param prefix: Only keys that start with this string.
        :param limit: Page size, 1 to 1000 (default 100).
        :param after: Start after this key (a previous page's next_cursor).
        """
        response = self._transport.request(
            "GET",
            "/api/databases/{database}/entities",
            path_params={"database": database},
            query={"prefix": prefix, "limit": limit, "after": after},
        )
        return EntityList.from_dict(response.json())

    def list_workers(self) -> WorkerList:
        """List the Processing Workers and their status.

        On a Main Worker, every subscribed Processing Worker: Available (routed to), Unavailable (missed heartbeats; not routed to) or Draining. Workers silent for longer are removed and must subscribe again. The all-in-one server lists its embedded worker.

        ``GET /admin/workers``
        """
        response = self._transport.request(
            "GET",
            "/admin/workers",
        )
        return [WorkerInfo.from_dict(item) for item in response.json()]

    def get_ready(self) -> StatusResponse:
        """Report whether the server serves requests now (readiness).

        Unlike /health (liveness: the process runs), 503 while the server is not ready to serve: storage recovery that outlasted start-up is still running (or failed), or, on a Main Worker, no Processing Worker holds the keyring yet. The error says which. No authentication required.

        ``GET /ready``
        """
        response = self._transport.request(
            "GET",
            "/ready",
        )
        return StatusResponse.from_dict(response.json())

    def create_backup(self, body: CreateBackupRequest) -> BackupSummary:
        """Take an online, point-in-time backup into the server's backup directory.

        Writes every entity (still encrypted as stored), the schemas, the database bindings and the API keys to <-backup-dir>/<name>, with a manifest of SHA-256 checksums. Writes wait while the backup copies (reads go on), so it holds exactly the writes acknowledged before it started. Only the all-in-one server that holds its directory alone (deltadb without -grpc-addr, one worker) takes online backups, and only when started with -backup-dir. Restore with `deltadb restore`.

        ``POST /api/backups``

        :param body: Which backup to take.
        """
        response = self._transport.request(
            "POST",
            "/api/backups",
            body=body.to_dict(),
            has_body=True,
        )
        return BackupSummary.from_dict(response.json())

    def get_stats(self) -> StatsResponse:
        """Report the server and its entity cache's counters.

        The server's version, role, storage backend and start time; the cache's hits, misses, evictions and expirations since start-up, and what it holds now.

        ``GET /api/stats``
        """
        response = self._transport.request(
            "GET",
            "/api/stats",
        )
        return StatsResponse.from_dict(response.json())

    def get_database(self, database: str) -> DatabaseInfo:
        """Show which schema validates a database's writes.

        schema_id is the explicitly bound schema, or else the schema whose id equals the database name if one exists, or else null (no validation).

        ``GET /api/databases/{database}``

        :param database: Name of the database, e.g. chatdb.
        """
        response = self._transport.request(
            "GET",
            "/api/databases/{database}",
            path_params={"database": database},
        )
        return DatabaseInfo.from_dict(response.json())

    def put_database(self, database: str, body: DatabaseSettings) -> DatabaseInfo:
        """Bind a database to a JSON Schema.

        Every later write to the database is validated against the schema. The schema must exist. Send {"schema_id": null} to remove the binding.

        ``PUT /api/databases/{database}``

        :param database: Name of the database, e.g. chatdb.
        :param body: Settings of a database that a caller can change.
        """
        response = self._transport.request(
            "PUT",
            "/api/databases/{database}",
            path_params={"database": database},
            body=body.to_dict(),
            has_body=True,
        )
        return DatabaseInfo.from_dict(response.json())

    def login(self, body: LoginRequest) -> LoginResponse:
        """Exchange an admin key or API key for a short-lived session token.

        For the web UI. Non-browser clients can skip this and send their key directly as the Bearer value. Sessions live -client-ttl (default 24h) and never outlive the key they came from.

        ``POST /api/login``

        :param body: A credential to exchange for a session token.
        """
        response = self._transport.request(
            "POST",
            "/api/login",
            body=body.to_dict(),
            has_body=True,
        )
        return LoginResponse.from_dict(response.json())

    def logout(self) -> StatusResponse:
        """End the session whose token the request carries.

        The token is refused from then on, by this server at once. Only a session token from /api/login can be logged out; to stop an API key, delete it (DELETE /api/keys/{id}).

        ``POST /api/logout``
        """
        response = self._transport.request(
            "POST",
            "/api/logout",
        )
        return StatusResponse.from_dict(response.json())

    def get_me(self) -> MeResponse:
        """Describe the credential making the request.

        Works with any valid credential.

        ``GET /api/me``
        """
        response = self._transport.request(
            "GET",
            "/api/me",
        )
        return MeResponse.from_dict(response.json())

    def list_apikeys(self) -> APIKeyList:
        """List every RBAC API key (never their secrets).

        ``GET /api/keys``
        """
        response = self._transport.request(
            "GET",
            "/api/keys",
        )
        return [APIKeyInfo.from_dict(item) for item in response.json()]

    def create_apikey(self, body: CreateAPIKeyRequest) -> CreatedAPIKey:
        """Create an RBAC API key; its secret is shown once, in this response.

        expires_in accepts Go durations (24h, 168h) or day shorthand (7d, 30d); omit it for a key that never expires. databases optionally limits the key to some databases.

        ``POST /api/keys``

        :param body: A new API key.
        """
        response = self._transport.request(
            "POST",
            "/api/keys",
            body=body.to_dict(),
            has_body=True,
        )
        return CreatedAPIKey.from_dict(response.json())

    def delete_apikey(self, id: str) -> StatusResponse:
        """Permanently delete an API key; it stops working at once.

        ``DELETE /api/keys/{id}``

        :param id: The key's id.
        """
        response = self._transport.request(
            "DELETE",
            "/api/keys/{id}",
            path_params={"id": id},
        )
        return StatusResponse.from_dict(response.json())
