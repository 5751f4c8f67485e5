"""A keyed table whose changes are buffered per transaction and written once per dirty key.

The committed view is what every reader outside the batches in progress sees
(the query API). A batch writes into ``pending``; at its checkpoint the table
seals them (``seal``: one changelog record per dirty key), and the next batch
starts writing a new ``pending`` while the sealed ones are being committed:
reads go through pending, then sealed, then committed. The sealed writes join
the committed view only after their transaction committed, and vanish when it
aborted. Pure: no faust or Kafka import.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import orjson

__all__ = ["Table"]

_MISSING = object()


@dataclass(slots=True)
class Table:
    """One partition of a named table."""

    name: str
    partition: int
    committed: dict[str, Any] = field(default_factory=dict)
    pending: dict[str, Any] = field(default_factory=dict)
    #: Writes of the batch whose transaction is committing now.
    sealed: dict[str, Any] = field(default_factory=dict)
    #: The next changelog offset this table has not applied yet (where recovery resumes).
    position: int = 0

    def get(self, key: str, default: Any = None) -> Any:
        value = self.pending.get(key, _MISSING)
        if value is _MISSING:
            value = self.sealed.get(key, _MISSING)
        if value is _MISSING:
            value = self.committed.get(key, _MISSING)
        return default if value is _MISSING else value

    def __contains__(self, key: str) -> bool:
        return key in self.pending or key in self.sealed or key in self.committed

    def set(self, key: str, value: Any) -> None:
        self.pending[key] = value

    def items(self) -> Iterator[tuple[str, Any]]:
        """The committed view (what the API serves)."""
        return iter(list(self.committed.items()))

    def __len__(self) -> int:
        return len(self.committed)

    def seal(self) -> list[tuple[bytes, bytes]]:
        """End the open batch: its writes wait for their commit; (key, value) changelog records, one per key.

        Only one batch is committing at a time (its producer has one transaction open at a time).
        """
        if self.sealed:
            raise RuntimeError(f"table {self.name}[{self.partition}]: a batch is sealed before the last one committed")
        self.sealed, self.pending = self.pending, {}
        return [(key.encode("utf-8"), orjson.dumps(value)) for key, value in self.sealed.items()]

    def commit(self) -> dict[str, Any]:
        """The sealed batch committed: make its writes visible; return them (for the local store)."""
        written = self.sealed
        self.committed.update(written)
        self.sealed = {}
        return written

    def abort(self) -> None:
        """Forget every write not committed (the worker replays from the committed offsets)."""
        self.pending = {}
        self.sealed = {}

    def restore(self, key: bytes | None, value: bytes | None, offset: int) -> None:
        """Apply one committed changelog record read back during recovery."""
        if key is not None:
            name = key.decode("utf-8")
            if value is None:
                self.committed.pop(name, None)
            else:
                self.committed[name] = orjson.loads(value)
        self.position = max(self.position, offset + 1)
