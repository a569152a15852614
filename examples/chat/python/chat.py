"""Appends messages to a chat session entity, safely next to other appenders:
read the session and its ETag, append, write back with If-Match; on 412
(someone else wrote in between) read again and retry, so no message is lost.

    DELTADB_TOKEN=<key> PYTHONPATH=clients/python python3 examples/chat/python/chat.py \
        http://127.0.0.1:8080 chatdb session_001 alice 10
"""
import os
import sys

from deltadb import Client, DeltaError


def append(client, database, key, message):
    """Appends `message`; returns how many times it had to retry."""
    for attempt in range(1000):
        try:
            stored = client.get_entity(database, key)
            session, etag = stored.body, stored.etag
        except DeltaError as error:
            if error.status != 404:
                raise
            session, etag = {"messages": []}, None  # new: create only if it still does not exist
        session["messages"].append(message)
        try:
            if etag is None:
                client.put_entities(database, {key: session}, if_none_match="*")
            else:
                client.put_entities(database, {key: session}, if_match=etag)
            return attempt
        except DeltaError as error:
            if error.status != 412:
                raise  # anything but "another appender won" is a real error
    raise RuntimeError("gave up after 1000 conflicts")


def main(argv):
    if len(argv) != 6:
        print("usage: chat.py <url> <database> <session> <author> <count>", file=sys.stderr)
        return 2
    url, database, session, author, count = argv[1], argv[2], argv[3], argv[4], int(argv[5])
    client = Client(url, token=os.environ.get("DELTADB_TOKEN"))
    retries = sum(append(client, database, session, {"role": "user", "content": f"{author}-{index}"})
                  for index in range(1, count + 1))
    print(f"{author}: appended {count} messages ({retries} retries after 412)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
