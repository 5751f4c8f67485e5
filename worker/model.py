"""Typed structures shared by the extractors, the pipeline and the agents.

Pure data: nothing here imports faust, so every extractor can be tested as
plain functions. Offsets are Python string indices (code points) into the
field the span came from, ``end`` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

__all__ = ["FIELDS", "Mention", "Entity", "Speaker", "Quote", "Topic"]

#: The item fields that extractors read, in the order they are scanned.
FIELDS: tuple[str, ...] = ("title", "body")


class Mention(NamedTuple):
    """One occurrence of an entity in an item's text.

    Immutable like the dataclasses here, but a tuple: hostile items have tens of
    thousands of mentions, and a tuple is built about twice as fast as a frozen dataclass.
    """

    text: str
    """The mention as written, suffixes included."""
    field: str
    """The item field it was found in: ``title`` or ``body``."""
    start: int
    """Offset of the first character in the field."""
    end: int
    """Offset one past the last character in the field."""


@dataclass(slots=True)
class Entity:
    """A person, organisation or place named in one item, mentions merged."""

    entity_id: str
    """Stable id: a Wikidata QID when the gazetteer knows one, else a hash of name and type."""
    name: str
    """Canonical name: nominative, no case or possessive suffix."""
    type: str
    """PERSON, ORG, GPE, LOC, FAC, EVENT or NORP."""
    mentions: list[Mention] = field(default_factory=list)
    """Every mention in the item, in text order."""
    aliases: list[str] = field(default_factory=list)
    """Distinct surface forms seen in this item."""
    roles: tuple[str, ...] = ()
    """Titles the gazetteer knows this person by (lower case), for speaker resolution."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who said a quote, as written and as resolved."""

    mention: str
    """The speaker as written next to the quote (name, title or pronoun)."""
    name: str | None
    """Canonical name of the resolved person, or None when unresolved."""
    entity_id: str | None
    """The entity id the entity layer gives that person, or None."""


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct quote."""

    text: str
    """Normalized quote text: lines joined, dashes, guillemets and attribution removed."""
    field: str
    """The item field the quoted span is in."""
    start: int
    """Offset of the quoted span's first character."""
    end: int
    """Offset one past the quoted span's last character."""
    cue: str | None
    """The speech verb as written (деді, заявил, said), or None for colon and headline forms."""
    cue_lemma: str | None
    """The speech verb's lemma (де, заявить, say)."""
    speaker: Speaker | None
    """The speaker, or None when the item does not say."""
    confidence: float
    """Between 0 and 1: how sure the extractor is of quote and speaker."""
    language: str
    """ISO 639-1 code of the language the quote was extracted as."""


@dataclass(frozen=True, slots=True)
class Topic:
    """An IPTC Media Topic assigned to an item."""

    code: str
    """IPTC Media Topics code, for example ``medtop:11000000``."""
    label: str
    """English label of the code."""
    score: float
    """Between 0 and 1, higher is more certain."""
