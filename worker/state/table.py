"""A keyed table whose changes are buffered per transaction and written once per dirty key.

The committed view is what every reader outside the batch in progress sees
(the query API). A batch reads through its own pending writes, and at its
checkpoint the table hands out one changelog record per dirty key; the
pending writes join the committed view only after the transaction committed,
and vanish when it aborted. Pure: no faust or Kafka import.
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
    #: The next changelog offset this table has not applied yet (where recovery resumes).
    position: int = 0

    def get(self, key: str, default: Any = None) -> Any:
        value = self.pending.get(key, _MISSING)
        if value is _MISSING:
            value = self.committed.get(key, _MISSING)
        return default if value is _MISSING else value

    def __contains__(self, key: str) -> bool:
        return key in self.pending or key in self.committed

    def set(self, key: str, value: Any) -> None:
        self.pending[key] = value

    def items(self) -> Iterator[tuple[str, Any]]:
        """The committed view (what the API serves)."""
        return iter(list(self.committed.items()))

    def __len__(self) -> int:
        return len(self.committed)

    def changelog_records(self) -> list[tuple[bytes, bytes]]:
        """(key, value) for every key the open batch changed: one record per dirty key."""
        return [(key.encode("utf-8"), orjson.dumps(value)) for key, value in self.pending.items()]

    def commit(self) -> dict[str, Any]:
        """Make the open batch's writes visible; return them (for the local store)."""
        written = self.pending
        self.committed.update(written)
        self.pending = {}
        return written

    def abort(self) -> None:
        self.pending = {}

    def restore(self, key: bytes | None, value: bytes | None, offset: int) -> None:
        """Apply one committed changelog record read back during recovery."""
        if key is not None:
            name = key.decode("utf-8")
            if value is None:
                self.committed.pop(name, None)
            else:
                self.committed[name] = orjson.loads(value)
        self.position = max(self.position, offset + 1)
