// The hand-written HTTP layer, with a fake fetch instead of a server.

import { test } from "node:test";
import assert from "node:assert/strict";

import { DeltaClient, DeltaError } from "../dist/src/index.js";
import { encodeQuery, expandPath } from "../dist/src/runtime.js";

function fakeFetch(status, body, headers = {}) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    return new Response(body, { status, headers });
  };
  return { fetch, calls };
}

test("path values are one percent-encoded segment", () => {
  assert.equal(expandPath("/entity/{database}", { database: "a b/c:ключ" }), "/entity/a%20b%2Fc%3A%D0%BA%D0%BB%D1%8E%D1%87");
});

test("query values are encoded and undefined ones left out", () => {
  assert.equal(
    encodeQuery({ key: "a+b&c=d #😀(!)", after: undefined, limit: 5 }),
    "key=a%2Bb%26c%3Dd%20%23%F0%9F%98%80%28%21%29&limit=5",
  );
});

test("requests carry method, URL, token and JSON body", async () => {
  const { fetch, calls } = fakeFetch(200, '{"status":"ok"}');
  const client = new DeltaClient("http://example.invalid/", { token: "t0k", fetch });

  assert.deepEqual(await client.putEntities("my db", { "user:1": { v: null } }), { status: "ok" });

  assert.equal(calls.length, 1);
  assert.equal(calls[0].url, "http://example.invalid/entity/my%20db");
  assert.equal(calls[0].init.method, "PUT");
  assert.equal(calls[0].init.headers.Authorization, "Bearer t0k");
  assert.equal(calls[0].init.headers["Content-Type"], "application/json");
  assert.equal(calls[0].init.body, '{"user:1":{"v":null}}');
});

test("an error body becomes DeltaError fields", async () => {
  const body = '{"error":"bad doc","code":"schema_violation","details":[{"pointer":"/a","message":"m"}],"current_version":3}';
  const { fetch } = fakeFetch(400, body);
  const client = new DeltaClient("http://example.invalid", { fetch });

  await assert.rejects(client.getEntity("db", "k"), (error) => {
    assert.ok(error instanceof DeltaError);
    assert.equal(error.name, "DeltaError");
    assert.deepEqual(
      [error.status, error.code, error.message, error.currentVersion],
      [400, "schema_violation", "bad doc", 3],
    );
    assert.deepEqual(error.details, [{ pointer: "/a", message: "m" }]);
    return true;
  });
});

test("a non-JSON error body still rejects with DeltaError", async () => {
  const { fetch } = fakeFetch(502, "<html>Bad Gateway</html>");
  await assert.rejects(new DeltaClient("http://example.invalid", { fetch }).getHealth(), (error) => {
    assert.ok(error instanceof DeltaError);
    assert.deepEqual([error.status, error.code], [502, "http_error"]);
    assert.match(error.message, /Bad Gateway/);
    assert.deepEqual(error.details, []);
    return true;
  });
});

test("an unreachable server rejects with connection_error", async () => {
  const client = new DeltaClient("http://127.0.0.1:9", { timeoutMs: 2000 });
  await assert.rejects(client.getHealth(), (error) => {
    assert.ok(error instanceof DeltaError);
    assert.deepEqual([error.status, error.code], [0, "connection_error"]);
    return true;
  });
});
