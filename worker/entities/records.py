"""The records the entity steps pass between them: a found entity and a sentence's plan."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from worker.entities.gazetteer import GazEntry
from worker.entities.tokens import Token
from worker.model import Mention


@dataclass
class _Found:
    entity_id: str
    name: str
    type: str
    entry: GazEntry | None
    #: (field number, start, end, mention): sorts into text order as it is
    mentions: list[tuple[int, int, int, Mention]] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    types: Counter[str] = field(default_factory=Counter)
    alias_set: set[str] = field(default_factory=set)

    def add_alias(self, alias: str) -> None:
        if alias not in self.alias_set:
            self.alias_set.add(alias)
            self.aliases.append(alias)

    def absorb(self, other: _Found) -> None:
        """Takes ``other``'s mentions and aliases: the item's two records name one entity."""
        self.mentions.extend(other.mentions)
        for alias in other.aliases:
            self.add_alias(alias)


_Named = tuple[str, GazEntry | None, str, str]

#: What a sentence yields, by token index: titles (start, end, key) and names (start, end, resolved).
_Plan = tuple[list[tuple[int, int, tuple[str, ...]]], list[tuple[int, int, _Named]]]

#: A sentence as the item loop keeps it: its tokens (offsets where its line was first read),
#: the language it is detected in, and its plan.
_Read = tuple[list[Token], str, _Plan]

#: A name a sentence yields: how it resolves, start, end, text, and the starts of its tokens.
_Template = tuple[_Named, int, int, str, tuple[int, ...]]
