// Generated from spec/openapi.yaml by console/build.sh. DO NOT EDIT.

/** One REST operation of the spec, for the Explorer page. */
export interface Operation {
  id: string;
  method: string;
  /** The path template, e.g. `/entity/{database}`. */
  path: string;
  summary: string;
  /** read, write, admin, authenticated or public. */
  permission: string;
  /** Query parameters, e.g. `key`. */
  query: string[];
  /** Request body media types; empty when the operation takes no body. */
  body: string[];
}

export const operations: Operation[] = [
  { id: "getHealth", method: "GET", path: "/health", summary: "Report that the server is up.", permission: "public", query: [], body: [] },
  { id: "putEntities", method: "PUT", path: "/entity/{database}", summary: "Create or update one or more entities.", permission: "write", query: [], body: ["application/json"] },
  { id: "getEntity", method: "GET", path: "/entity/{database}", summary: "Retrieve one entity.", permission: "read", query: ["key"], body: [] },
  { id: "deleteEntity", method: "DELETE", path: "/entity/{database}", summary: "Delete one entity.", permission: "write", query: ["key"], body: [] },
  { id: "patchEntity", method: "PATCH", path: "/entity/{database}", summary: "Change one entity with a JSON Merge Patch or a JSON Patch.", permission: "write", query: ["key"], body: ["application/merge-patch+json", "application/json-patch+json"] },
  { id: "listSchemas", method: "GET", path: "/admin/schemas", summary: "List the ids of every stored JSON Schema.", permission: "public", query: [], body: [] },
  { id: "getSchema", method: "GET", path: "/schema/{schemaID}", summary: "Retrieve a JSON Schema document.", permission: "public", query: [], body: [] },
  { id: "putSchema", method: "PUT", path: "/schema/{schemaID}", summary: "Create or replace a JSON Schema.", permission: "write", query: [], body: ["application/json"] },
  { id: "deleteSchema", method: "DELETE", path: "/schema/{schemaID}", summary: "Delete a JSON Schema.", permission: "write", query: [], body: [] },
  { id: "exportSchema", method: "GET", path: "/schema/{schemaID}/export", summary: "Export a schema as Pydantic v2 models or TypeScript types.", permission: "public", query: ["format"], body: [] },
  { id: "validateAgainstSchema", method: "POST", path: "/schema/{schemaID}/validate", summary: "Check a JSON document against a schema without storing anything.", permission: "read", query: [], body: ["application/json"] },
  { id: "listDatabases", method: "GET", path: "/api/databases", summary: "List the databases that hold at least one entity.", permission: "read", query: ["prefix", "limit", "after"], body: [] },
  { id: "listEntities", method: "GET", path: "/api/databases/{database}/entities", summary: "List a database's entity keys, one page at a time.", permission: "read", query: ["prefix", "limit", "after"], body: [] },
  { id: "listWorkers", method: "GET", path: "/admin/workers", summary: "List the Processing Workers and their status.", permission: "admin", query: [], body: [] },
  { id: "getReady", method: "GET", path: "/ready", summary: "Report whether the server serves requests now (readiness).", permission: "public", query: [], body: [] },
  { id: "createBackup", method: "POST", path: "/api/backups", summary: "Take an online, point-in-time backup into the server's backup directory.", permission: "admin", query: [], body: ["application/json"] },
  { id: "getStats", method: "GET", path: "/api/stats", summary: "Report the server and its entity cache's counters.", permission: "admin", query: [], body: [] },
  { id: "getDatabase", method: "GET", path: "/api/databases/{database}", summary: "Show which schema validates a database's writes.", permission: "read", query: [], body: [] },
  { id: "putDatabase", method: "PUT", path: "/api/databases/{database}", summary: "Bind a database to a JSON Schema.", permission: "admin", query: [], body: ["application/json"] },
  { id: "login", method: "POST", path: "/api/login", summary: "Exchange an admin key or API key for a short-lived session token.", permission: "public", query: [], body: ["application/json"] },
  { id: "logout", method: "POST", path: "/api/logout", summary: "End the session whose token the request carries.", permission: "authenticated", query: [], body: [] },
  { id: "getMe", method: "GET", path: "/api/me", summary: "Describe the credential making the request.", permission: "authenticated", query: [], body: [] },
  { id: "listAPIKeys", method: "GET", path: "/api/keys", summary: "List every RBAC API key (never their secrets).", permission: "admin", query: [], body: [] },
  { id: "createAPIKey", method: "POST", path: "/api/keys", summary: "Create an RBAC API key; its secret is shown once, in this response.", permission: "admin", query: [], body: ["application/json"] },
  { id: "deleteAPIKey", method: "DELETE", path: "/api/keys/{id}", summary: "Permanently delete an API key; it stops working at once.", permission: "admin", query: [], body: [] },
];
