"""The group's partition assignor, which also tells each worker where the others serve their API.

Each member joins with its API's URL in its metadata. The leader balances every
subscribed topic's partitions over the members on its own (so each worker gets
a share of the input and a share of the counting tables), and sends every member
the whole map of URL -> partitions. The query API uses it to forward a keyed
request to the owner of the key's partition and to merge top lists from all.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Mapping

import orjson
from aiokafka.cluster import ClusterMetadata
from aiokafka.coordinator.assignors.abstract import AbstractPartitionAssignor
from aiokafka.coordinator.protocol import ConsumerProtocolMemberAssignment, ConsumerProtocolMemberMetadata
from aiokafka.partitioner import DefaultPartitioner

__all__ = ["MembershipAssignor", "partition_for_key"]

_partitioner = DefaultPartitioner()


def partition_for_key(key: bytes, partitions: int) -> int:
    """The partition Kafka's default partitioner gives ``key`` (murmur2), as the producers do."""
    every = list(range(partitions))
    chosen: int = _partitioner(key, every, every)
    return chosen


class MembershipAssignor(AbstractPartitionAssignor):  # type: ignore[misc]  # aiokafka is untyped
    """Balanced assignment per topic; every member learns every member's URL and partitions."""

    name = "newsworker-v1"
    version = 0

    def __init__(self, url: str) -> None:
        self.url = url
        #: URL -> topic -> partitions, as of the last assignment.
        self.members: dict[str, dict[str, list[int]]] = {}

    def metadata(self, topics: Iterable[str]) -> ConsumerProtocolMemberMetadata:
        return ConsumerProtocolMemberMetadata(self.version, sorted(topics), self.url.encode("utf-8"))

    def assign(
        self, cluster: ClusterMetadata, members: Mapping[str, ConsumerProtocolMemberMetadata],
    ) -> dict[str, ConsumerProtocolMemberAssignment]:
        plan: dict[str, dict[str, list[int]]] = {member: collections.defaultdict(list) for member in members}
        topics = sorted({topic for metadata in members.values() for topic in metadata.subscription})
        for topic in topics:
            partitions = sorted(cluster.partitions_for_topic(topic) or ())
            subscribed = sorted(m for m, metadata in members.items() if topic in metadata.subscription)
            if not subscribed:
                continue
            # Start each topic at another member, so that one partition more than the rest does not
            # always go to the same worker.
            shift = topics.index(topic)
            for n, partition in enumerate(partitions):
                plan[subscribed[(n + shift) % len(subscribed)]][topic].append(partition)
        urls = {member: metadata.user_data.decode("utf-8", "replace") for member, metadata in members.items()}
        directory = orjson.dumps({urls[m]: dict(p) for m, p in plan.items()})
        return {
            member: ConsumerProtocolMemberAssignment(
                self.version, sorted((topic, sorted(parts)) for topic, parts in plan[member].items()), directory,
            )
            for member in members
        }

    def on_assignment(self, assignment: ConsumerProtocolMemberAssignment) -> None:
        try:
            members = orjson.loads(assignment.user_data or b"{}")
        except orjson.JSONDecodeError:
            members = {}
        self.members = {url: {t: list(p) for t, p in topics.items()} for url, topics in members.items()}

    def owner(self, topic: str, partition: int) -> str | None:
        """The URL of the worker that owns a partition, or None while nobody does (a rebalance)."""
        for url, topics in self.members.items():
            if partition in topics.get(topic, ()):
                return url
        return None

    def peers(self) -> list[str]:
        """The other members' URLs."""
        return sorted(url for url in self.members if url != self.url)
