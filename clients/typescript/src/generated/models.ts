// Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.

/**
 * A plain acknowledgement.
 *
 * Generated from `#/components/schemas/StatusResponse`.
 */
export interface StatusResponse {
  /** Always "ok". */
  status: string;
}

/**
 * An entity's JSON document (any JSON value; usually an object).
 *
 * Generated from `#/components/schemas/EntityDocument`.
 */
export type EntityDocument = unknown;

/**
 * Entity key to JSON document; several entities at once.
 *
 * Generated from `#/components/schemas/EntityBatch`.
 */
export type EntityBatch = Record<string, EntityDocument>;

/**
 * One place where a request was wrong.
 *
 * Generated from `#/components/schemas/ErrorDetail`.
 */
export interface ErrorDetail {
  /** JSON pointer into the offending document. */
  pointer: string;
  /** JSON pointer into the schema that rejected it. */
  schema_pointer?: string;
  /** What is wrong there. */
  message: string;
}

/**
 * The error body of every 4xx and 5xx response.
 *
 * Generated from `#/components/schemas/ErrorResponse`.
 */
export interface ErrorResponse {
  /** What was wrong and what to do about it. */
  error: string;
  /** A machine-readable error code, e.g. not_found. */
  code: string;
  /** Per-location details, e.g. each schema violation. */
  details?: ErrorDetail[];
  /** The entity's current version when a precondition failed. */
  current_version?: number;
}
