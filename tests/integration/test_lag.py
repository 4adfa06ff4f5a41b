"""Consumer lag read from the bundled broker's offsets (`shared.lag`).

The bundled broker deletes no records (no DeleteRecords, no retention in memory storage: see
DESIGN.md), so a beginning offset above zero is tested on the arithmetic alone, in
tests/unit/shared/test_lag.py.
"""

from __future__ import annotations

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from shared.lag import GroupOffsets, group_lag
from shared.settings import NewsflowSettings

TOPIC = "lag-test"
GROUP = "lag-test-group"
P0, P1 = TopicPartition(TOPIC, 0), TopicPartition(TOPIC, 1)


async def _fill(kafka: str, counts: dict[TopicPartition, int]) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=kafka)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(TOPIC, len(counts), 1)])
    finally:
        await admin.close()
    producer = AIOKafkaProducer(bootstrap_servers=kafka)
    await producer.start()
    try:
        for tp, count in counts.items():
            for n in range(count):
                await producer.send_and_wait(TOPIC, str(n).encode(), partition=tp.partition)
    finally:
        await producer.stop()


async def _commit(kafka: str, offsets: dict[TopicPartition, int]) -> None:
    consumer = AIOKafkaConsumer(bootstrap_servers=kafka, group_id=GROUP, enable_auto_commit=False)
    await consumer.start()
    try:
        consumer.assign(list(offsets))
        await consumer.commit(offsets)
    finally:
        await consumer.stop()


async def test_group_lag_counts_what_the_group_has_not_committed(kafka: str) -> None:
    settings = NewsflowSettings(kafka_bootstrap=kafka)
    await _fill(kafka, {P0: 6, P1: 4})
    assert await group_lag(settings, GROUP, TOPIC) == 6 + 4  # a group that committed nothing
    await _commit(kafka, {P0: 2})
    assert await group_lag(settings, GROUP, TOPIC) == (6 - 2) + 4
    await _commit(kafka, {P0: 6, P1: 4})
    assert await group_lag(settings, GROUP, TOPIC) == 0


async def test_group_offsets_reads_the_beginning_end_and_committed_offsets(kafka: str) -> None:
    await _fill(kafka, {P0: 3, P1: 5})
    await _commit(kafka, {P1: 1})
    async with GroupOffsets(NewsflowSettings(kafka_bootstrap=kafka), TOPIC, GROUP) as offsets:
        assert offsets.partitions == [P0, P1]
        assert offsets.begin == {P0: 0, P1: 0}
        ends = await offsets.ends()
        assert ends == {P0: 3, P1: 5}
        assert await offsets.committed() == {P1: 1}
        assert offsets.total(ends) == 8
        assert offsets.lag(ends, await offsets.committed()) == 3 + 4


async def test_group_lag_of_a_topic_with_no_messages_is_nothing(kafka: str) -> None:
    assert await group_lag(NewsflowSettings(kafka_bootstrap=kafka), GROUP, "no-such-topic") == 0
