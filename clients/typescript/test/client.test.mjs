// The generated client against a live DeltaDatabase server (see live-server.mjs).

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

import { DeltaClient, DeltaError } from "../dist/src/index.js";
import { startServer } from "./live-server.mjs";

let server;
let client;
const newDatabase = () => "node_" + randomBytes(4).toString("hex");

async function rejectsWith(promise, status, code) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof DeltaError, `expected DeltaError, got ${error}`);
    assert.equal(error.status, status);
    if (code !== undefined) assert.equal(error.code, code);
    assert.ok(error.message.length > 0);
    return true;
  });
}

before(async () => {
  server = await startServer();
  client = new DeltaClient(server.baseUrl, { token: server.adminKey, timeoutMs: 10000 });
});

after(async () => {
  await server?.stop();
});

describe("DeltaClient against a live server", () => {
  test("health answers without a token", async () => {
    assert.deepEqual(await new DeltaClient(server.baseUrl).getHealth(), { status: "ok" });
  });

  test("put, get and delete round-trip", async () => {
    const database = newDatabase();
    const document = { messages: [{ role: "user", content: "Hello!" }], count: 2, ok: true };

    assert.deepEqual(await client.putEntities(database, { session_001: document }), { status: "ok" });
    assert.deepEqual((await client.getEntity(database, "session_001")).body, document);

    assert.deepEqual(await client.deleteEntity(database, "session_001"), { status: "ok" });
    await rejectsWith(client.getEntity(database, "session_001"), 404, "not_found");
  });

  test("several entities in one put", async () => {
    const database = newDatabase();
    const batch = { a: { n: 1 }, b: [1, 2, 3], c: "text", d: null, e: 4.5 };

    await client.putEntities(database, batch);

    for (const [key, document] of Object.entries(batch)) {
      assert.deepEqual((await client.getEntity(database, key)).body, document);
    }
  });

  test("a missing entity rejects with not_found", async () => {
    await rejectsWith(client.getEntity(newDatabase(), "never_written"), 404, "not_found");
  });

  test("a missing token is unauthorized", async () => {
    await rejectsWith(new DeltaClient(server.baseUrl).putEntities(newDatabase(), { k: 1 }), 401, "unauthorized");
  });

  test("a wrong token is unauthorized and writes nothing", async () => {
    const database = newDatabase();
    const intruder = new DeltaClient(server.baseUrl, { token: "not-the-key" });
    await rejectsWith(intruder.putEntities(database, { k: 1 }), 401, "unauthorized");
    await rejectsWith(client.getEntity(database, "k"), 404, "not_found");
  });

  test("keys with special characters round-trip", async () => {
    const database = newDatabase();
    for (const key of ["user:1", "a b", "a+b&c=d?e#f", "ключ", "emoji-😀", "100%", "x=y;z,w", "(it's)*!"]) {
      await client.putEntities(database, { [key]: { key } });
      assert.deepEqual((await client.getEntity(database, key)).body, { key }, key);
      await client.deleteEntity(database, key);
      await rejectsWith(client.getEntity(database, key), 404, "not_found");
    }
  });

  test("a database name with special characters works", async () => {
    const database = "db with spaces:é " + randomBytes(2).toString("hex");
    await client.putEntities(database, { k: 1 });
    assert.equal((await client.getEntity(database, "k")).body, 1);
  });

  test("an invalid key is a clear 400", async () => {
    await rejectsWith(client.putEntities(newDatabase(), { "a/b": 1 }), 400, "invalid_name");
  });

  test("the etag is present and changes on rewrite", async () => {
    const database = newDatabase();
    await client.putEntities(database, { k: { v: 1 } });
    const first = await client.getEntity(database, "k");
    await client.putEntities(database, { k: { v: 2 } });
    const second = await client.getEntity(database, "k");

    assert.ok(first.etag && second.etag, "ETag header missing");
    assert.notEqual(first.etag, second.etag);
    assert.deepEqual(second.body, { v: 2 });
  });

  test("a stored schema exports as TypeScript text; an unknown format is a 400", async () => {
    const schemaID = `${newDatabase()}.chat`;
    await client.putSchema(schemaID, {
      type: "object",
      required: ["messages"],
      properties: { messages: { type: "array", items: { type: "string" } } },
    });
    const source = await client.exportSchema(schemaID, "typescript");
    assert.ok(source.startsWith(`// Generated from JSON Schema '${schemaID}'`), source.slice(0, 80));
    assert.match(source, /export interface \w+ \{\n(.*\n)*\s+messages: string\[\];/);
    await rejectsWith(client.exportSchema(schemaID, "cobol"), 400, "bad_request");
  });

  test("JSON Patch appends; merge patch with a stale If-Match is a 412", async () => {
    const database = newDatabase();
    await client.putEntities(database, { chat: { messages: [] } });
    const appended = await client.patchEntity(database, "chat", [{ op: "add", path: "/messages/-", value: "hi" }], {
      contentType: "application/json-patch+json",
    });
    assert.deepEqual(appended.body, { messages: ["hi"] });
    const merged = await client.patchEntity(database, "chat", { n: 1 }, { ifMatch: appended.etag });
    assert.deepEqual(merged.body, { messages: ["hi"], n: 1 });
    await rejectsWith(client.patchEntity(database, "chat", { n: 2 }, { ifMatch: appended.etag }), 412, "precondition_failed");
  });

  test("the compiled example runs", async () => {
    const example = fileURLToPath(new URL("../dist/examples/store_and_read.js", import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [example], {
      env: { ...process.env, DELTADB_URL: server.baseUrl, DELTADB_TOKEN: server.adminKey },
      timeout: 20000,
    });
    assert.match(stdout, /version "?\w+"?: Hello!/);
    assert.match(stdout, /deleted/);
  });
});
