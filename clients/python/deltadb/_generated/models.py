# Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

"""Types for the component schemas of the DeltaDatabase REST API."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, Mapping, Optional

__all__ = [
    "StatusResponse",
    "EntityDocument",
    "EntityBatch",
    "MergePatch",
    "JSONPatch",
    "DatabaseNameList",
    "EntityListItem",
    "EntityList",
    "CacheStats",
    "WorkerInfo",
    "WorkerInfoStatus",
    "WorkerList",
    "ServerInfo",
    "ServerInfoRole",
    "ServerInfoStorageBackend",
    "StatsResponse",
    "SchemaDocument",
    "SchemaIDList",
    "ValidationResult",
    "DatabaseSettings",
    "DatabaseInfo",
    "Permission",
    "LoginRequest",
    "LoginResponse",
    "MeResponse",
    "MeResponseCredential",
    "CreateBackupRequest",
    "BackupSummary",
    "CreateAPIKeyRequest",
    "APIKeyInfo",
    "APIKeyList",
    "CreatedAPIKey",
    "ErrorDetail",
    "ErrorResponse",
]


@dataclass
class StatusResponse:
    """A plain acknowledgement.

    Generated from ``#/components/schemas/StatusResponse``.
    """

    status: str
    """Always "ok"."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StatusResponse:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            status=data["status"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["status"] = self.status
        return result


EntityDocument = Any
"""An entity's JSON document (any JSON value; usually an object).

Generated from ``#/components/schemas/EntityDocument``.
"""

EntityBatch = dict[str, EntityDocument]
"""Entity key to JSON document; several entities at once.

Generated from ``#/components/schemas/EntityBatch``.
"""

MergePatch = Any
"""An RFC 7396 JSON Merge Patch: objects merge member by member, null removes a member, anything else replaces.

Generated from ``#/components/schemas/MergePatch``.
"""

JSONPatch = Any
"""An RFC 6902 JSON Patch: an array of operations such as {"op": "add", "path": "/messages/-", "value": {...}}.

Generated from ``#/components/schemas/JSONPatch``.
"""

DatabaseNameList = list[str]
"""Database names, sorted bytewise.

Generated from ``#/components/schemas/DatabaseNameList``.
"""


@dataclass
class EntityListItem:
    """One entity of a listing, without its document.

    Generated from ``#/components/schemas/EntityListItem``.
    """

    key: str
    """The entity key."""
    version: int
    """Its current version (the ETag without quotes)."""
    updated_at: str
    """When that version was written."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EntityListItem:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            key=data["key"],
            version=data["version"],
            updated_at=data["updated_at"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["key"] = self.key
        result["version"] = self.version
        result["updated_at"] = self.updated_at
        return result


@dataclass
class EntityList:
    """One page of a database's entities.

    Generated from ``#/components/schemas/EntityList``.
    """

    entities: list[EntityListItem]
    """The entities, in bytewise key order."""
    next_cursor: Optional[str] = None
    """Pass as `after` for the next page; absent on the last page."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EntityList:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            entities=[EntityListItem.from_dict(item) for item in data["entities"]],
            next_cursor=data.get("next_cursor"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["entities"] = [item.to_dict() for item in self.entities]
        if self.next_cursor is not None:
            result["next_cursor"] = self.next_cursor
        return result


@dataclass
class CacheStats:
    """Counters of the entity cache.

    Generated from ``#/components/schemas/CacheStats``.
    """

    hits: int
    misses: int
    evictions: int
    """Entries dropped to stay within the size limits."""
    expirations: int
    """Entries dropped because their TTL passed."""
    entries: int
    """Entries held now."""
    bytes: int
    """Bytes of documents held now."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CacheStats:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            hits=data["hits"],
            misses=data["misses"],
            evictions=data["evictions"],
            expirations=data["expirations"],
            entries=data["entries"],
            bytes=data["bytes"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["hits"] = self.hits
        result["misses"] = self.misses
        result["evictions"] = self.evictions
        result["expirations"] = self.expirations
        result["entries"] = self.entries
        result["bytes"] = self.bytes
        return result


@dataclass
class WorkerInfo:
    """One Processing Worker as the Main Worker sees it.

    Generated from ``#/components/schemas/WorkerInfo``.
    """

    worker_id: str
    status: WorkerInfoStatus
    key_id: str
    """The active key id the worker reported."""
    last_seen: str
    """The last heartbeat (RFC 3339, UTC)."""
    tags: dict[str, str]
    """The worker's labels; grpc_addr is where it serves Process."""
    active_requests: int
    """Requests the Main Worker has routed to this worker and not yet seen answered (the original's field; 0 for the all-in-one server's embedded worker, which is called directly)."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkerInfo:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            worker_id=data["worker_id"],
            status=data["status"],
            key_id=data["key_id"],
            last_seen=data["last_seen"],
            tags=data["tags"],
            active_requests=data["active_requests"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["worker_id"] = self.worker_id
        result["status"] = self.status
        result["key_id"] = self.key_id
        result["last_seen"] = self.last_seen
        result["tags"] = self.tags
        result["active_requests"] = self.active_requests
        return result


WorkerInfoStatus = Literal["Available", "Unavailable", "Draining"]
"""Generated from ``#/components/schemas/WorkerInfo/properties/status``."""

WorkerList = list[WorkerInfo]
"""Generated from ``#/components/schemas/WorkerList``."""


@dataclass
class ServerInfo:
    """What is serving the request.

    Generated from ``#/components/schemas/ServerInfo``.
    """

    version: str
    """The DeltaDatabase version."""
    role: ServerInfoRole
    """all-in-one for deltadb (whatever its -workers), main-worker for the Main Worker of a split deployment."""
    storage_backend: ServerInfoStorageBackend
    """Where entities are stored (-shared-fs or -s3-endpoint)."""
    started_at: str
    """When this process started serving (RFC 3339, UTC)."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServerInfo:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            version=data["version"],
            role=data["role"],
            storage_backend=data["storage_backend"],
            started_at=data["started_at"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["version"] = self.version
        result["role"] = self.role
        result["storage_backend"] = self.storage_backend
        result["started_at"] = self.started_at
        return result


ServerInfoRole = Literal["all-in-one", "main-worker"]
"""all-in-one for deltadb (whatever its -workers), main-worker for the Main Worker of a split deployment.

Generated from ``#/components/schemas/ServerInfo/properties/role``.
"""

ServerInfoStorageBackend = Literal["shared-fs", "s3"]
"""Where entities are stored (-shared-fs or -s3-endpoint).

Generated from ``#/components/schemas/ServerInfo/properties/storage_backend``.
"""


@dataclass
class StatsResponse:
    """Server statistics.

    Generated from ``#/components/schemas/StatsResponse``.
    """

    cache: CacheStats
    server: ServerInfo

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StatsResponse:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            cache=CacheStats.from_dict(data["cache"]),
            server=ServerInfo.from_dict(data["server"]),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["cache"] = self.cache.to_dict()
        result["server"] = self.server.to_dict()
        return result


SchemaDocument = Any
"""A JSON Schema (draft-07) document.

Generated from ``#/components/schemas/SchemaDocument``.
"""

SchemaIDList = list[str]
"""Schema ids, sorted.

Generated from ``#/components/schemas/SchemaIDList``.
"""


@dataclass
class ValidationResult:
    """Whether a document matches a schema, and every violation.

    Generated from ``#/components/schemas/ValidationResult``.
    """

    valid: bool
    """True when the document matches."""
    errors: list[ErrorDetail]
    """One entry per violation; empty when valid."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ValidationResult:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            valid=data["valid"],
            errors=[ErrorDetail.from_dict(item) for item in data["errors"]],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["valid"] = self.valid
        result["errors"] = [item.to_dict() for item in self.errors]
        return result


@dataclass
class DatabaseSettings:
    """Settings of a database that a caller can change.

    Generated from ``#/components/schemas/DatabaseSettings``.
    """

    schema_id: Optional[str]
    """The schema every write is validated against, or null to unbind."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DatabaseSettings:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            schema_id=data["schema_id"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["schema_id"] = self.schema_id
        return result


@dataclass
class DatabaseInfo:
    """A database and the schema its writes are validated against.

    Generated from ``#/components/schemas/DatabaseInfo``.
    """

    name: str
    """The database name."""
    schema_id: Optional[str]
    """The schema in effect, or null when writes are not validated."""
    bound: bool
    """True when schema_id comes from an explicit binding rather than the name."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DatabaseInfo:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            name=data["name"],
            schema_id=data["schema_id"],
            bound=data["bound"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["name"] = self.name
        result["schema_id"] = self.schema_id
        result["bound"] = self.bound
        return result


Permission = Literal["read", "write", "admin"]
"""An RBAC permission.

Generated from ``#/components/schemas/Permission``.
"""


@dataclass
class LoginRequest:
    """A credential to exchange for a session token.

    Generated from ``#/components/schemas/LoginRequest``.
    """

    key: str
    """The admin key or an API key."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LoginRequest:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            key=data["key"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["key"] = self.key
        return result


@dataclass
class LoginResponse:
    """A session token and what it may do.

    Generated from ``#/components/schemas/LoginResponse``.
    """

    token: str
    """Send it as the Bearer credential of later requests."""
    client_id: str
    """"admin" or the API key id."""
    expires_at: str
    """When the token stops working."""
    permissions: list[Permission]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LoginResponse:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            token=data["token"],
            client_id=data["client_id"],
            expires_at=data["expires_at"],
            permissions=data["permissions"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["token"] = self.token
        result["client_id"] = self.client_id
        result["expires_at"] = self.expires_at
        result["permissions"] = self.permissions
        return result


@dataclass
class MeResponse:
    """The identity behind the request's credential.

    Generated from ``#/components/schemas/MeResponse``.
    """

    client_id: str
    """"admin" or the API key id."""
    permissions: list[Permission]
    is_admin: bool
    """True for the admin key, which bypasses RBAC."""
    credential: MeResponseCredential
    """What the request carried: the admin key, an API key, or a session token from /api/login (which POST /api/logout ends)."""
    databases: Optional[list[str]] = None
    """Databases the credential is limited to; absent for all."""
    expires_at: Optional[str] = None
    """When this credential stops working: the session's end, or the API key's expiry; absent if it never expires."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MeResponse:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            client_id=data["client_id"],
            permissions=data["permissions"],
            is_admin=data["is_admin"],
            credential=data["credential"],
            databases=data.get("databases"),
            expires_at=data.get("expires_at"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["client_id"] = self.client_id
        result["permissions"] = self.permissions
        result["is_admin"] = self.is_admin
        result["credential"] = self.credential
        if self.databases is not None:
            result["databases"] = self.databases
        if self.expires_at is not None:
            result["expires_at"] = self.expires_at
        return result


MeResponseCredential = Literal["admin_key", "api_key", "session"]
"""What the request carried: the admin key, an API key, or a session token from /api/login (which POST /api/logout ends).

Generated from ``#/components/schemas/MeResponse/properties/credential``.
"""


@dataclass
class CreateBackupRequest:
    """Which backup to take.

    Generated from ``#/components/schemas/CreateBackupRequest``.
    """

    name: str
    """The backup's directory name under -backup-dir, e.g. nightly-2026-12-07 (letters, digits, '-', '_' and '.', not starting with '.'); it must not exist yet."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateBackupRequest:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            name=data["name"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["name"] = self.name
        return result


@dataclass
class BackupSummary:
    """A finished backup.

    Generated from ``#/components/schemas/BackupSummary``.
    """

    name: str
    directory: str
    """Where the backup is, on the server's machine."""
    entities: int
    """How many entities it holds."""
    files: int
    """How many files its manifest lists (entities, schemas, bindings, API keys)."""
    created_at: str
    """The point in time it holds (RFC 3339 UTC)."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BackupSummary:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            name=data["name"],
            directory=data["directory"],
            entities=data["entities"],
            files=data["files"],
            created_at=data["created_at"],
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["name"] = self.name
        result["directory"] = self.directory
        result["entities"] = self.entities
        result["files"] = self.files
        result["created_at"] = self.created_at
        return result


@dataclass
class CreateAPIKeyRequest:
    """A new API key.

    Generated from ``#/components/schemas/CreateAPIKeyRequest``.
    """

    name: str
    """A label, e.g. ci-deploy."""
    permissions: list[Permission]
    expires_in: Optional[str] = None
    """Lifetime such as 24h or 30d; omit for no expiry."""
    databases: Optional[list[str]] = None
    """Limit the key to these databases; omit for all."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreateAPIKeyRequest:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            name=data["name"],
            permissions=data["permissions"],
            expires_in=data.get("expires_in"),
            databases=data.get("databases"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["name"] = self.name
        result["permissions"] = self.permissions
        if self.expires_in is not None:
            result["expires_in"] = self.expires_in
        if self.databases is not None:
            result["databases"] = self.databases
        return result


@dataclass
class APIKeyInfo:
    """An API key without its secret.

    Generated from ``#/components/schemas/APIKeyInfo``.
    """

    id: str
    name: str
    permissions: list[Permission]
    created_at: str
    enabled: bool
    """Whether the key may be used (the original's field). Keys created here are enabled; a key imported disabled from the original stays refused."""
    databases: Optional[list[str]] = None
    expires_at: Optional[str] = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> APIKeyInfo:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            id=data["id"],
            name=data["name"],
            permissions=data["permissions"],
            created_at=data["created_at"],
            enabled=data["enabled"],
            databases=data.get("databases"),
            expires_at=data.get("expires_at"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["id"] = self.id
        result["name"] = self.name
        result["permissions"] = self.permissions
        result["created_at"] = self.created_at
        result["enabled"] = self.enabled
        if self.databases is not None:
            result["databases"] = self.databases
        if self.expires_at is not None:
            result["expires_at"] = self.expires_at
        return result


APIKeyList = list[APIKeyInfo]
"""API keys, oldest first.

Generated from ``#/components/schemas/APIKeyList``.
"""


@dataclass
class CreatedAPIKey:
    """A new API key with its secret, shown this once.

    Generated from ``#/components/schemas/CreatedAPIKey``.
    """

    id: str
    name: str
    secret: str
    """The Bearer credential (dk_…). Store it now; it is never shown again."""
    permissions: list[Permission]
    created_at: str
    databases: Optional[list[str]] = None
    expires_at: Optional[str] = None

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CreatedAPIKey:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            id=data["id"],
            name=data["name"],
            secret=data["secret"],
            permissions=data["permissions"],
            created_at=data["created_at"],
            databases=data.get("databases"),
            expires_at=data.get("expires_at"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["id"] = self.id
        result["name"] = self.name
        result["secret"] = self.secret
        result["permissions"] = self.permissions
        result["created_at"] = self.created_at
        if self.databases is not None:
            result["databases"] = self.databases
        if self.expires_at is not None:
            result["expires_at"] = self.expires_at
        return result


@dataclass
class ErrorDetail:
    """One place where a request was wrong.

    Generated from ``#/components/schemas/ErrorDetail``.
    """

    pointer: str
    """JSON pointer into the offending document."""
    message: str
    """What is wrong there."""
    schema_pointer: Optional[str] = None
    """JSON pointer into the schema that rejected it."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorDetail:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            pointer=data["pointer"],
            message=data["message"],
            schema_pointer=data.get("schema_pointer"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["pointer"] = self.pointer
        result["message"] = self.message
        if self.schema_pointer is not None:
            result["schema_pointer"] = self.schema_pointer
        return result


@dataclass
class ErrorResponse:
    """The error body of every 4xx and 5xx response.

    Generated from ``#/components/schemas/ErrorResponse``.
    """

    error: str
    """What was wrong and what to do about it."""
    code: str
    """A machine-readable error code, e.g. not_found."""
    details: Optional[list[ErrorDetail]] = None
    """Per-location details, e.g. each schema violation."""
    current_version: Optional[int] = None
    """The entity's current version when a precondition failed."""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ErrorResponse:
        """Builds a value from its JSON object; unknown members are ignored."""
        return cls(
            error=data["error"],
            code=data["code"],
            details=None if data.get("details") is None else [ErrorDetail.from_dict(item) for item in data["details"]],
            current_version=data.get("current_version"),
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this value; unset optional members are left out."""
        result: dict[str, Any] = {}
        result["error"] = self.error
        result["code"] = self.code
        if self.details is not None:
            result["details"] = [item.to_dict() for item in self.details]
        if self.current_version is not None:
            result["current_version"] = self.current_version
        return result
