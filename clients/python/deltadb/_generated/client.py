# Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

"""A typed client for the DeltaDatabase REST API: one method per operation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from .._runtime import Transport
from .models import EntityBatch, EntityDocument, StatusResponse

__all__ = [
    "Client",
    "GetEntityResult",
]


@dataclass
class GetEntityResult:
    """The body and headers of a successful ``get_entity`` call."""

    body: EntityDocument
    """The entity's JSON document."""
    etag: Optional[str] = None
    """The entity's version, as a quoted string."""


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

    def put_entities(self, database: str, body: EntityBatch) -> StatusResponse:
        """Create or update one or more entities.

        The body is a JSON object whose members are entity keys and whose values are the entities' JSON documents. All entities are validated before any is written; the response comes after every write is durable.

        ``PUT /entity/{database}``

        :param database: Name of the database, e.g. chatdb.
        :param body: Entity key to JSON document; several entities at once.
        """
        response = self._transport.request(
            "PUT",
            "/entity/{database}",
            path_params={"database": database},
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

    def delete_entity(self, database: str, key: str) -> StatusResponse:
        """Delete one entity.

        Deletes the entity durably; a deleted key reads 404.

        ``DELETE /entity/{database}``

        :param database: Name of the database, e.g. chatdb.
        :param key: The entity key, e.g. session_001.
        """
        response = self._transport.request(
            "DELETE",
            "/entity/{database}",
            path_params={"database": database},
            query={"key": key},
        )
        return StatusResponse.from_dict(response.json())
