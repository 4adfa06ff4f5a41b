"""A downstream consumer of Newsflow's events: aiokafka, validating with the published schema.

    pip install aiokafka jsonschema
    python docs/examples/consume_events.py --bootstrap 127.0.0.1:PORT

It validates each value with `docs/schemas/EventMessage.schema.json` (not with Newsflow's own
models: a consumer needs only the published contract). The schema accepts fields it does not
name, so this consumer keeps working when a later release adds one. It prints one line per
event and commits after each batch it has handled; a message that does not validate is
reported on stderr and skipped. Tested by tests/integration/test_example_consumer.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

import jsonschema
from aiokafka import AIOKafkaConsumer

HERE = Path(__file__).resolve().parent


async def consume(args: argparse.Namespace, validator: jsonschema.Validator) -> int:
    consumer = AIOKafkaConsumer(
        args.topic,
        bootstrap_servers=args.bootstrap,
        group_id=args.group,
        auto_offset_reset="earliest",
        enable_auto_commit=False,
    )
    await consumer.start()
    seen = 0
    try:
        while args.max is None or seen < args.max:
            batches = await consumer.getmany(timeout_ms=int(args.idle * 1000))
            if not batches:
                break  # nothing new for --idle seconds
            for records in batches.values():
                for record in records:
                    seen += 1
                    headers = {k: v.decode() for k, v in record.headers}
                    if headers.get("content-type") != "application/json":
                        print(f"skipped {record.offset}: not JSON", file=sys.stderr)
                        continue
                    message = json.loads(record.value)
                    errors = sorted(validator.iter_errors(message), key=str)
                    if errors:
                        print(f"skipped {record.offset}: {errors[0].message}", file=sys.stderr)
                        continue
                    event = message["event"]
                    version = headers.get("newsflow.schema.version")
                    print(f"v{version} {event['id']} {event['type']} {message['title']}")
            await consumer.commit()
    finally:
        await consumer.stop()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap", required=True, help="host:port of the Kafka broker")
    parser.add_argument("--topic", default="news.events.v2")
    parser.add_argument("--group", default="example-events-consumer")
    parser.add_argument(
        "--schema", default=str(HERE.parent / "schemas" / "EventMessage.schema.json")
    )
    parser.add_argument("--max", type=int, default=None, help="stop after this many messages")
    parser.add_argument("--idle", type=float, default=10.0, help="stop after this long idle")
    args = parser.parse_args()
    schema = json.loads(Path(args.schema).read_text(encoding="utf-8"))
    return asyncio.run(consume(args, jsonschema.Draft202012Validator(schema)))


if __name__ == "__main__":
    sys.exit(main())
