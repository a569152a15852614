// Stores an entity, reads it back with its version, deletes it.
//
//   DELTADB_URL=http://127.0.0.1:8080 DELTADB_TOKEN=<admin key> node dist/examples/store_and_read.js

import { DeltaClient, DeltaError } from "../src/index.js";

// Node's `process`, declared here so the example needs no @types/node.
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

interface ChatSession {
  messages: { role: string; content: string }[];
}

async function main(): Promise<void> {
  const client = new DeltaClient(process.env.DELTADB_URL ?? "http://127.0.0.1:8080", {
    token: process.env.DELTADB_TOKEN,
  });
  const session: ChatSession = { messages: [{ role: "user", content: "Hello!" }] };

  await client.putEntities("chatdb", { session_001: session });
  const stored = await client.getEntity("chatdb", "session_001");
  const read = stored.body as ChatSession;
  console.log(`version ${stored.etag}: ${read.messages[0].content}`);

  await client.deleteEntity("chatdb", "session_001");
  try {
    await client.getEntity("chatdb", "session_001");
  } catch (error) {
    if (error instanceof DeltaError && error.code === "not_found") {
      console.log("deleted");
      return;
    }
    throw error;
  }
  throw new Error("the entity was still there after delete");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
