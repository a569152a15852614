// Starts a live DeltaDatabase server for a test file: DELTADB_BIN (default:
// the repository's debug build) on a free loopback port, data in a fresh
// temporary directory, stopped and cleaned up by stop(). When the system tests
// (Tests/System/test_clients.py) have started one, it comes in DELTADB_TEST_URL
// and DELTADB_TEST_ADMIN_KEY, and stop() leaves it to them.

import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, readFileSync, rmSync, closeSync, accessSync, constants } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const defaultBin = resolve(here, "../../../.build/debug/deltadb");
const startupMs = 30000;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function startServer() {
  if (process.env.DELTADB_TEST_URL) {
    const baseUrl = process.env.DELTADB_TEST_URL.replace(/\/$/, "");
    return { baseUrl, adminKey: process.env.DELTADB_TEST_ADMIN_KEY, stop: async () => {} };
  }
  const binary = process.env.DELTADB_BIN ?? defaultBin;
  accessSync(binary, constants.X_OK);
  const dataDir = mkdtempSync(join(tmpdir(), "deltadb-node-"));
  const logPath = dataDir + ".log";
  const port = await freePort();
  const adminKey = randomBytes(24).toString("base64url");
  const log = openSync(logPath, "w");
  const child = spawn(
    binary,
    [
      `-rest-addr=127.0.0.1:${port}`,
      `-shared-fs=${dataDir}`,
      `-admin-key=${adminKey}`,
      `-master-key=${randomBytes(32).toString("hex")}`,
    ],
    { stdio: ["ignore", log, log] },
  );
  closeSync(log);
  let exited = null;
  child.on("exit", (code, signal) => (exited = signal ?? code));

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited === null) {
      const gone = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10000);
      await gone;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(logPath, { force: true });
  };

  const deadline = Date.now() + startupMs;
  while (Date.now() < deadline) {
    if (exited !== null) {
      const output = readFileSync(logPath, "utf8").slice(-4000);
      await stop();
      throw new Error(`deltadb exited (${exited}) before answering /health:\n${output}`);
    }
    try {
      const response = await fetch(baseUrl + "/health", { signal: AbortSignal.timeout(1000) });
      if (response.status === 200) {
        return { baseUrl, adminKey, stop };
      }
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`deltadb did not answer /health within ${startupMs} ms`);
}
