/**
 * TypeScript client for DeltaDatabase, an encrypted-at-rest JSON document store.
 *
 * `DeltaClient` and the model types are generated from `spec/openapi.yaml`
 * (see `src/generated/`); this file and `src/runtime.ts` are hand-written.
 */

export * from "./generated/models.js";
export * from "./generated/client.js";
export { DeltaError } from "./runtime.js";
export type { DeltaClientOptions } from "./runtime.js";
