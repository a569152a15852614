// Appends messages to a chat session entity, safely next to other appenders:
// read the session and its ETag, append, write back with If-Match; on 412
// (someone else wrote in between) read again and retry, so no message is lost.
//
//   tsc -p examples/chat/typescript
//   DELTADB_TOKEN=<key> node examples/chat/typescript/dist/examples/chat/typescript/chat.js \
//       http://127.0.0.1:8080 chatdb session_001 alice 10

import { DeltaClient, DeltaError } from "../../../clients/typescript/src/index.js";

// Node's `process`, declared here so the example needs no @types/node.
declare const process: { env: Record<string, string | undefined>; argv: string[]; exitCode?: number };

interface Message {
  role: string;
  content: string;
}

interface ChatSession {
  messages: Message[];
}

/** Appends `message`; returns how many times it had to retry. */
async function append(client: DeltaClient, database: string, key: string, message: Message): Promise<number> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    let session: ChatSession = { messages: [] };
    let etag: string | undefined;
    try {
      const stored = await client.getEntity(database, key);
      session = stored.body as ChatSession;
      etag = stored.etag ?? undefined;
    } catch (error) {
      if (!(error instanceof DeltaError && error.status === 404)) throw error;
    }
    session.messages.push(message);
    try {
      await client.putEntities(database, { [key]: session }, etag === undefined ? { ifNoneMatch: "*" } : { ifMatch: etag });
      return attempt;
    } catch (error) {
      if (!(error instanceof DeltaError && error.status === 412)) throw error;
    }
  }
  throw new Error("gave up after 1000 conflicts");
}

async function main(): Promise<void> {
  const [url, database, session, author, countText] = process.argv.slice(2);
  if (countText === undefined) {
    console.error("usage: chat.js <url> <database> <session> <author> <count>");
    process.exitCode = 2;
    return;
  }
  const client = new DeltaClient(url, { token: process.env.DELTADB_TOKEN });
  let retries = 0;
  const count = Number(countText);
  for (let index = 1; index <= count; index++) {
    retries += await append(client, database, session, { role: "user", content: `${author}-${index}` });
  }
  console.log(`${author}: appended ${count} messages (${retries} retries after 412)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
