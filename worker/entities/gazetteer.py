"""The authored gazetteer (data/gazetteer.tsv): loading, ids and matching."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from worker.entities.morphology import match_stem
from worker.entities.tokens import Token, tokenize
from worker.entities.translit import skeleton
from worker.text.script import KAZAKH_LETTERS, script_language

__all__ = [
    "GazEntry",
    "Gazetteer",
    "GazMatch",
    "hashed_id",
    "load_gazetteer",
]

DATA = Path(__file__).with_name("data") / "gazetteer.tsv"
_LANGS = ("kk", "ru", "en", "kk_latn")
STEM_LANGS = ("kk", "ru", "en")


def hashed_id(name: str, type_: str) -> str:
    """Deterministic id from a name's script-independent skeleton and its type."""
    key = f"{type_.upper()}|{skeleton(name)}".encode()
    return "nw:" + hashlib.blake2b(key, digest_size=6).hexdigest()


@dataclass(frozen=True, slots=True)
class GazEntry:
    entity_id: str
    qid: str | None
    type: str
    names: dict[str, str]
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    variants: frozenset[str] = frozenset()
    """Aliases that are names in their own right (former names), shown as written."""

    def name_in(self, language: str) -> str:
        """Canonical name in ``language`` (kk, ru, en), falling back to kk then en."""
        for lang in (language, "kk", "en", "ru", "kk_latn"):
            name = self.names.get(lang)
            if name:
                return name
        return self.aliases[0]

    def opens_name(self, word: str) -> bool:
        """Whether ``word`` is the first word of one of the entry's names of more than one word: a known
        person's first name (Димаш of Димаш Құдайберген), which another person's surname may follow."""
        return any(len(n.split()) > 1 and n.split()[0] == word for n in self.names.values())


@dataclass(frozen=True, slots=True)
class GazMatch:
    start: int
    """Index of the first token."""
    end: int
    """Index one past the last token."""
    entry: GazEntry
    variant: str | None = None
    """A former or alternative own name matched (Нұр-Сұлтан for Астана), shown as the name."""


def _stem_key(tokens: list[Token] | list[str], lang: str) -> tuple[str, ...]:
    words = [t.text if isinstance(t, Token) else t for t in tokens]
    if lang == "kk":
        # Only the last word of a Kazakh name inflects; the others are compared lower-cased.
        return (*[w.lower() for w in words[:-1]], match_stem(words[-1], "kk")) if words else ()
    return tuple(match_stem(w, lang) for w in words)


#: Kazakhstan's Wikidata id: the country newsworker's items are from.
_HOME_COUNTRY = "Q232"


def _acronym_alias(alias: str) -> bool:
    """An alias of two to six capitals (ВАДА, WADA, ІІМ), no word of a name."""
    return 2 <= len(alias) <= 6 and alias.isalpha() and alias.isupper()


def _in_capitals(word: str) -> bool:
    """A token written in capitals before any ending a hyphen or an apostrophe adds (ВАДА, ВАДА-ның, WADA's)."""
    head = word.split("-", 1)[0].split("'", 1)[0].split("’", 1)[0]
    return head.isupper()


class Gazetteer:
    """Entries plus lookup tables by stemmed token sequence, skeleton and role."""

    def __init__(self, entries: list[GazEntry]) -> None:
        self.entries = entries
        self.by_id: dict[str, GazEntry] = {e.entity_id: e for e in entries}
        self.index: dict[str, dict[tuple[str, ...], GazEntry]] = {lang: {} for lang in STEM_LANGS}
        self.variant_of: dict[str, dict[tuple[str, ...], str]] = {lang: {} for lang in STEM_LANGS}
        self.first: dict[str, dict[str, int]] = {lang: {} for lang in STEM_LANGS}
        self.by_skeleton: dict[str, GazEntry] = {}
        self.roles: dict[tuple[str, ...], list[GazEntry]] = {}
        self.role_first: dict[str, int] = {}
        #: per language, word as written -> the most words a name starting with it has (0: none)
        self._longest: dict[str, dict[str, int]] = {lang: {} for lang in STEM_LANGS}
        #: word as written -> the most words a role phrase starting with it has (0: none)
        self._role_longest: dict[str, int] = {}
        #: per language, the keys only an acronym gives (ВАДА), which a word in lower case does not match (Вадим)
        self.acronym_keys: dict[str, set[tuple[str, ...]]] = {lang: set() for lang in STEM_LANGS}
        worded: dict[str, set[tuple[str, ...]]] = {lang: set() for lang in STEM_LANGS}
        for entry in entries:
            for alias in entry.aliases:
                words = [t.text for t in tokenize(alias)]
                if not words:
                    continue
                for lang in STEM_LANGS:
                    key = _stem_key(words, lang)
                    self.index[lang].setdefault(key, entry)
                    (self.acronym_keys if len(words) == 1 and _acronym_alias(alias) else worded)[lang].add(key)
                    if alias in entry.variants:
                        self.variant_of[lang].setdefault(key, alias)
                    first = self.first[lang]
                    first[key[0]] = max(first.get(key[0], 0), len(key))
                self.by_skeleton.setdefault(skeleton(alias), entry)
            for role in entry.roles:
                words = [t.text for t in tokenize(role)]
                key = _stem_key(words, "kk") if words else ()
                if not key:
                    continue
                self.roles.setdefault(key, []).append(entry)
                self.role_first[key[0]] = max(self.role_first.get(key[0], 0), len(key))
        for lang in STEM_LANGS:
            self.acronym_keys[lang] -= worded[lang]

    def lookup(self, name: str, language: str = "kk") -> GazEntry | None:
        """The entry a name refers to, in any script and case form, or None."""
        words = [t.text for t in tokenize(name)]
        if not words:
            return None
        langs = (language, *STEM_LANGS) if language in STEM_LANGS else STEM_LANGS
        # a name with Kazakh letters is not cut by Russian endings (Ақмола is not the village Ақмол)
        kazakh = any(ch in KAZAKH_LETTERS for ch in name)
        for lang in langs:
            if kazakh and lang == "ru":
                continue
            hit = self.index[lang].get(_stem_key(words, lang))
            if hit is not None:
                return hit
        sk = skeleton(name)
        hit = self.by_skeleton.get(sk)
        if hit is not None and _acronym_alias(name) and not any(
            skeleton(a) == sk and script_language(a) != script_language(name) and len(a) == len(name)
            for a in hit.aliases
        ):
            # МИА is no МЭА: an acronym's letters are read as written, only across scripts by sound, letter
            # for letter (KO, a knockout, is no ХҚКО)
            return None
        return hit

    def match(self, tokens: list[Token], language: str) -> list[GazMatch]:
        """Longest non-overlapping alias matches, left to right."""
        lang = language if language in STEM_LANGS else ("kk" if _is_cyrillic(tokens) else "en")
        index = self.index[lang]
        acronyms = self.acronym_keys[lang]
        out: list[GazMatch] = []
        n = len(tokens)
        free = 0
        # per word as written: the most words a name starting with it has, 0 when none does
        cache = self._longest[lang]
        if len(cache) > 100_000:
            cache.clear()
        get = cache.get
        # words not seen before (no entry yet) are looked at in the loop
        for i in [i for i, t in enumerate(tokens) if get(t[0], 1)]:
            if i < free:
                continue
            word = tokens[i][0]
            longest = get(word)
            if longest is None:
                longest = cache[word] = self._longest_from(word, lang)
            for length in range(min(longest, n - i), 0, -1):
                seq = tokens[i : i + length]
                key = _stem_key(seq, lang)
                hit = index.get(key)
                if hit is not None and length == 1 and key in acronyms and not _in_capitals(word):
                    continue  # Вадим is no ВАДА: an acronym's letters match a word written in capitals only
                if hit is not None and not _plural(seq[-1].text, key[-1], lang):
                    out.append(GazMatch(i, i + length, hit, self.variant_of[lang].get(key)))
                    free = i + length
                    break
        return out

    def _longest_from(self, word: str, lang: str) -> int:
        """The most words an alias starting with ``word`` has (0: none)."""
        # names start with a capital letter or a digit, or are web addresses
        c = word[:1]
        if not (c.isupper() or c.isdigit() or "." in word):
            return 0
        first = self.first[lang]
        longest = first.get(match_stem(word, lang), 0)
        if lang == "kk":
            # the first word of a longer Kazakh name does not inflect
            longest = max(longest, first.get(word.lower(), 0))
        return longest

    def match_roles(self, tokens: list[Token]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Role phrases (Президент, Мемлекет басшысы, Ресей Президенті...) as token spans."""
        out: list[tuple[int, int, tuple[str, ...]]] = []
        n = len(tokens)
        first = self.role_first
        cache = self._role_longest
        if len(cache) > 100_000:
            cache.clear()
        get = cache.get
        free = 0
        for i in [i for i, t in enumerate(tokens) if get(t[0], 1)]:
            if i < free:
                continue
            word = tokens[i][0]
            longest = get(word)
            if longest is None:
                # a one-word title inflects (Президентке, Президенттің); a longer one's first word does not
                longest = cache[word] = max(first.get(word.lower(), 0), first.get(match_stem(word, "kk"), 0))
            for length in range(min(longest, n - i), 0, -1):
                key = _stem_key(tokens[i : i + length], "kk")
                if key in self.roles:
                    out.append((i, i + length, key))
                    free = i + length
                    break
        return out


def _plural(word: str, stem: str, lang: str) -> bool:
    """A Kazakh plural of a name (екі ел Үкіметтерінің) is a common noun."""
    if lang != "kk":
        return False
    rest = word.lower()[len(stem) :]
    return rest.startswith(("лар", "лер", "дар", "дер", "тар", "тер"))


def _is_cyrillic(tokens: list[Token]) -> bool:
    for t in tokens[:20]:
        for ch in t.text:
            if "\u0400" <= ch <= "\u04ff":
                return True
    return False


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "").replace("+", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _parse(path: Path) -> list[GazEntry]:
    entries: list[GazEntry] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        cols += ["-"] * (8 - len(cols))
        type_, qid, kk, ru, en, latn, more, roles = cols[:8]
        names = {
            lang: value.strip()
            for lang, value in zip(_LANGS, (kk, ru, en, latn), strict=True)
            if value.strip() and value.strip() != "-"
        }
        aliases: list[str] = []
        variants: set[str] = set()
        for alias in [*names.values(), *(more.split("|") if more.strip() != "-" else [])]:
            alias = alias.strip()
            if alias.startswith("="):
                alias = alias[1:]
                variants.add(alias)
            elif _is_acronym(alias) and qid.strip() != _HOME_COUNTRY:
                # an acronym is shown as written when an item uses only it (ТМД, ШЫҰ, БҚО); Kazakhstan's own
                # (РК, ҚР), which every item writes for the home country, is no name of its own
                variants.add(alias)
            if alias and alias not in aliases:
                aliases.append(alias)
        qid_value = qid.strip() if qid.strip().startswith("Q") else None
        key_name = names.get("en") or names.get("kk") or aliases[0]
        # GPE and LOC share one id space (the line between them is a judgement call)
        id_type = "LOC" if type_.strip() in ("GPE", "LOC") else type_.strip()
        entity_id = qid_value or hashed_id(key_name, id_type)
        role_list = tuple(r.strip().lower() for r in roles.split("|") if r.strip() and r.strip() != "-")
        entries.append(
            GazEntry(entity_id, qid_value, type_.strip(), names, tuple(aliases), role_list, frozenset(variants))
        )
    return entries


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, parsed once."""
    return Gazetteer(_parse(DATA))
