"""The lag arithmetic that the services' gauge and the command line's replays share."""

from __future__ import annotations

import pytest
from aiokafka import TopicPartition

from shared.lag import lag_of

P0, P1 = TopicPartition("t", 0), TopicPartition("t", 1)


@pytest.mark.parametrize(
    ("committed", "expected"),
    [
        ({}, (10 - 0) + (8 - 5)),  # nothing committed: from each partition's beginning
        ({P0: 4}, (10 - 4) + (8 - 5)),
        ({P0: 10, P1: 8}, 0),  # caught up
        ({P0: 12, P1: 9}, 0),  # past the end offsets taken earlier: nothing, not less
    ],
)
def test_lag_counts_from_the_committed_offset_or_the_beginning(
    committed: dict[TopicPartition, int], expected: int
) -> None:
    assert lag_of({P0: 0, P1: 5}, {P0: 10, P1: 8}, committed) == expected


def test_messages_that_retention_deleted_are_no_lag() -> None:
    # The group committed 2 on P1, then retention moved its beginning to 5: the three messages
    # 2..4 are gone and only 5..7 are left to read.
    assert lag_of({P0: 0, P1: 5}, {P0: 10, P1: 8}, {P0: 10, P1: 2}) == 3


def test_a_partition_emptied_by_retention_has_no_lag() -> None:
    assert lag_of({P0: 7}, {P0: 7}, {P0: 3}) == 0
