// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

import { Transport } from "../runtime.js";
import type { DeltaClientOptions } from "../runtime.js";
import type { EntityBatch, EntityDocument, StatusResponse } from "./models.js";

/** The body and headers of a successful `getEntity` call. */
export interface GetEntityResult {
  /** The entity's JSON document. */
  body: EntityDocument;
  /** The entity's version, as a quoted string. */
  etag?: string;
}

/**
 * DeltaDatabase REST API 0.1.0.
 *
 * Every method rejects with `DeltaError` for a response outside 2xx.
 */
export class DeltaClient {
  private readonly transport: Transport;

  /** A client for the server at `baseUrl`, sending `options.token` as a Bearer credential. */
  constructor(baseUrl: string, options: DeltaClientOptions = {}) {
    this.transport = new Transport(baseUrl, options);
  }

  /**
   * Report that the server is up.
   *
   * Returns the system health status. No authentication required.
   *
   * `GET /health`
   */
  async getHealth(): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "GET",
      path: "/health",
    });
    return response.json() as StatusResponse;
  }

  /**
   * Create or update one or more entities.
   *
   * The body is a JSON object whose members are entity keys and whose values are the entities' JSON documents. All entities are validated before any is written; the response comes after every write is durable.
   *
   * `PUT /entity/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param body Entity key to JSON document; several entities at once.
   */
  async putEntities(database: string, body: EntityBatch): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "PUT",
      path: "/entity/{database}",
      pathParams: { database: database },
      body: body,
      hasBody: true,
    });
    return response.json() as StatusResponse;
  }

  /**
   * Retrieve one entity.
   *
   * Returns the entity's JSON document directly, with its version in the ETag header.
   *
   * `GET /entity/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param key The entity key, e.g. session_001.
   */
  async getEntity(database: string, key: string): Promise<GetEntityResult> {
    const response = await this.transport.request({
      method: "GET",
      path: "/entity/{database}",
      pathParams: { database: database },
      query: { key: key },
    });
    return {
      body: response.json() as EntityDocument,
      etag: response.header("ETag"),
    };
  }

  /**
   * Delete one entity.
   *
   * Deletes the entity durably; a deleted key reads 404.
   *
   * `DELETE /entity/{database}`
   *
   * @param database Name of the database, e.g. chatdb.
   * @param key The entity key, e.g. session_001.
   */
  async deleteEntity(database: string, key: string): Promise<StatusResponse> {
    const response = await this.transport.request({
      method: "DELETE",
      path: "/entity/{database}",
      pathParams: { database: database },
      query: { key: key },
    });
    return response.json() as StatusResponse;
  }
}
