"""The real-news evaluation set: take pages, check the annotations, score the program (issue 21).

The annotations live in ``eval/realnews/annotations/*.jsonl`` (one page a line, see
``eval/realnews/GUIDE.md``); the page texts live outside git, in the cache folder
``$NEWSWORKER_REALNEWS_CACHE`` (default ``eval/realnews/cache``), one ``<id>.txt`` each.

Subcommands:

* ``add --id ID --url URL --language LANG [--site SITE]`` reads a page's raw excerpt on stdin,
  normalises its newlines, cuts it after its last whole sentence, writes ``<cache>/<id>.txt`` and
  prints a skeleton annotation line to fill in.
* ``missing [--split S]`` lists, one JSON line each, the pages whose text is not in the cache, with
  words to find each again in the search tool; ``refill --id ID`` reads that page's excerpt on stdin
  and caches it when its checksum is the annotated one (a new machine's cache starts empty).
* ``check`` validates every annotation against its cached text (checksums, offsets, ids, URLs,
  types, topic codes) and prints the set's make-up; exit 1 on any problem.
* ``score [--split tune|heldout|r1-tune|r1-heldout|r2|r3|r4|r5|all] [--language kk|ru|en] [--show-misses]
  [--json FILE]`` runs ``worker.pipeline.enrich`` on each text and scores quotes, speakers, entities and topics.

Usage: PYTHONPATH=. .venv/bin/python scripts/realnews.py score --split tune --show-misses
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import orjson

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "eval" / "realnews" / "annotations"
DEFAULT_CACHE = ROOT / "eval" / "realnews" / "cache"
IPTC = ROOT / "worker" / "topics" / "data" / "iptc.json"

LANGUAGES = ("kk", "ru", "en")
ENTITY_TYPES = ("PERSON", "ORG", "LOC")
TOP_CODES = tuple(f"medtop:{n:02d}000000" for n in range(1, 18))
#: The program's entity types as the set counts them: GPE is a place; FAC, EVENT, NORP are not scored.
PROGRAM_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
MATCH_THRESHOLD = 0.7
MIN_CHARS = 400

_SENTENCE_END = ".!?…"
_CLOSERS = '»"”’)'
_WORD = re.compile(r"\w+")
_NAME_PART = re.compile(r"[^\W_]+")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


def out(line: str) -> None:
    sys.stdout.write(line + "\n")


def err(line: str) -> None:
    sys.stderr.write(line + "\n")


# --------------------------------------------------------------------------- pure parts


def normalise_newlines(raw: str) -> str:
    """``\\r\\n`` (and a lone ``\\r``) become ``\\n``."""
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def cut_after_last_sentence(text: str) -> str:
    """Everything up to the last sentence end (``. ! ? …`` and any closing marks after it).

    What follows is a sentence the excerpt cut off mid-way, so it goes; trailing white space
    goes too. A text with no sentence end at all gives the empty string.
    """
    last = max(text.rfind(mark) for mark in _SENTENCE_END)
    if last < 0:
        return ""
    end = last + 1
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return text[:end].rstrip()


def prepare_text(raw: str) -> str:
    """The cached form of a raw excerpt: newlines normalised, cut after the last whole sentence."""
    return cut_after_last_sentence(normalise_newlines(raw))


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Round 1 (95 pages) was split by URL hash; its held-out third was scored once and then joined the
# tuning part. Rounds 2 (48 pages), 3 (46), 4 (96), 5 (150), 6 (230), 7 (360), 8 (556) and 9 (851) were each the
# held-out part next, scored once, and then joined the tuning part too. The newest round is the held-out part as a
# whole; round 10 is the next.
HELDOUT_ROUND = 10
ROUNDS = ("r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9")
SPLITS = ("tune", "heldout", "r1-tune", "r1-heldout", *ROUNDS, "all")


def round1_part(url: str) -> str:
    """``r1-heldout`` for about a third of round 1's URLs, ``r1-tune`` for the rest; fixed by the URL."""
    return "r1-heldout" if int(hashlib.sha256(url.encode()).hexdigest()[:8], 16) % 3 == 0 else "r1-tune"


def split_of(page: dict[str, Any]) -> str:
    """``heldout`` for the pages of the held-out round, ``tune`` for every earlier page."""
    return "heldout" if page.get("round", 1) >= HELDOUT_ROUND else "tune"


def in_split(page: dict[str, Any], split: str) -> bool:
    if split == "all":
        return True
    if split.startswith("r1-"):
        return page.get("round", 1) == 1 and round1_part(page["url"]) == split
    if split in ROUNDS:
        return page.get("round", 1) == int(split[1:])
    return split_of(page) == split


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens."""
    return _WORD.findall(text.lower())


def token_f1(a: str, b: str) -> float:
    """F1 of the two texts' word-token multisets."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    precision = common / sum(tb.values())
    recall = common / sum(ta.values())
    return 2 * precision * recall / (precision + recall)


def match_quotes(
    gold: Sequence[str], predicted: Sequence[str], threshold: float = MATCH_THRESHOLD
) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching, best overlap first: ``(gold index, predicted index, overlap)``.

    Ties go to the earlier gold quote, then the earlier prediction, so the result is stable.
    """
    candidates = [
        (score, gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(predicted)
        if (score := token_f1(g, p)) >= threshold
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi, score))
    pairs.sort()
    return pairs


def normalise_name(name: str) -> str:
    """A name for comparison: case folded, ``ё`` -> ``е``, Latin letters without their diacritics
    (``Çavuşoğlu`` -> ``cavusoglu``: pages write a foreign name both ways), punctuation and spacing evened out."""
    folded = name.casefold().replace("ё", "е")
    if any("\u00c0" <= ch <= "\u024f" for ch in folded):
        folded = "".join(_bare_latin(ch) for ch in folded)
    return " ".join(_NAME_PART.findall(folded))


def _bare_latin(ch: str) -> str:
    """A Latin letter without its diacritics; any other character (Cyrillic й, ә, қ among them) as it is."""
    if not "\u00c0" <= ch <= "\u024f":
        return ch
    if ch == "ı":
        return "i"
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))


def speaker_matches(gold: str | None, predicted: str | None) -> bool:
    """A gold null is met by an unresolved (null) prediction; a name by the same normalised name."""
    if gold is None:
        return predicted is None
    return predicted is not None and normalise_name(gold) == normalise_name(predicted)


def load_parents(path: Path = IPTC) -> dict[str, str | None]:
    """Each IPTC code the program knows, with its parent (None for a top-level code)."""
    data = orjson.loads(path.read_bytes())
    return {code: entry.get("parent") for code, entry in data["topics"].items()}


def top_level(code: str, parents: dict[str, str | None]) -> str:
    """The top-level ancestor of an IPTC code (itself when it is top-level or unknown)."""
    seen: set[str] = set()
    while code not in seen:
        seen.add(code)
        parent = parents.get(code)
        if not parent:
            return code
        code = parent
    return code


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def entity_keys(entities: Iterable[dict[str, Any]], *, program: bool) -> set[tuple[str, str]]:
    """(normalised name, type) pairs; the program's types are mapped (GPE -> LOC) or dropped."""
    keys: set[tuple[str, str]] = set()
    for entity in entities:
        kind = PROGRAM_TYPES.get(entity["type"]) if program else entity["type"]
        if kind in ENTITY_TYPES and entity.get("name"):
            keys.add((normalise_name(entity["name"]), kind))
    return keys


# --------------------------------------------------------------------------- files


def cache_dir() -> Path:
    configured = os.environ.get("NEWSWORKER_REALNEWS_CACHE")
    return Path(configured) if configured else DEFAULT_CACHE


def annotation_files(folder: Path = ANNOTATIONS) -> list[Path]:
    return sorted(folder.glob("*.jsonl"))


def load_pages(files: Iterable[Path]) -> tuple[list[dict[str, Any]], list[str]]:
    """Every annotation line, each with ``_file`` and ``_line`` added; and the lines that do not parse."""
    pages: list[dict[str, Any]] = []
    problems: list[str] = []
    for path in files:
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                page = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                problems.append(f"{path.name}:{number}: not JSON ({exc})")
                continue
            if not isinstance(page, dict):
                problems.append(f"{path.name}:{number}: not a JSON object")
                continue
            page["_file"], page["_line"] = path.name, number
            pages.append(page)
    return pages, problems


def read_cached(page_id: str, folder: Path) -> tuple[str, str] | None:
    """The cached text of a page and the sha256 of its bytes, or None when it is missing."""
    path = folder / f"{page_id}.txt"
    if not path.is_file():
        return None
    data = path.read_bytes()
    return data.decode("utf-8"), hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- check


def check_page(page: dict[str, Any], cached: tuple[str, str] | None) -> tuple[list[str], list[str]]:
    """Problems (fatal) and warnings for one annotation line against its cached text."""
    problems: list[str] = []
    warnings: list[str] = []
    for key, kind in (("id", str), ("url", str), ("site", str), ("language", str), ("sha256", str), ("chars", int)):
        if not isinstance(page.get(key), kind):
            problems.append(f"field {key!r} missing or not {kind.__name__}")
    for key in ("topics", "quotes", "entities"):
        if not isinstance(page.get(key), list):
            problems.append(f"field {key!r} missing or not a list")
    if "round" in page and not (isinstance(page["round"], int) and page["round"] >= 1):
        problems.append("field 'round' must be a whole number from 1")
    if problems:
        return problems, warnings
    if not _ID.match(page["id"]):
        problems.append(f"id {page['id']!r} is not a safe file name")
    if page["language"] not in LANGUAGES:
        problems.append(f"unknown language {page['language']!r}")
    topics = page["topics"]
    if not 1 <= len(topics) <= 2:
        problems.append(f"{len(topics)} topics (one or two expected)")
    for code in topics:
        if code not in TOP_CODES:
            problems.append(f"unknown topic code {code!r}")
    if len(set(topics)) != len(topics):
        problems.append("a topic code twice")

    text = None
    if cached is None:
        problems.append("missing text in the cache")
    else:
        text, digest = cached
        if digest != page["sha256"]:
            problems.append("sha256 mismatch: the cached text is not the annotated one (a changed page?)")
        if len(text) != page["chars"]:
            problems.append(f"chars {page['chars']} but the cached text has {len(text)}")

    spans: list[tuple[int, int]] = []
    for n, quote in enumerate(page["quotes"]):
        where = f"quote {n}"
        if not isinstance(quote, dict):
            problems.append(f"{where}: not an object")
            continue
        start, end, quoted = quote.get("start"), quote.get("end"), quote.get("text")
        if not (isinstance(start, int) and isinstance(end, int) and isinstance(quoted, str)):
            problems.append(f"{where}: start, end and text are required")
            continue
        if "speaker" not in quote or not (quote["speaker"] is None or isinstance(quote["speaker"], str)):
            problems.append(f"{where}: speaker must be a name or null")
        if not 0 <= start < end:
            problems.append(f"{where}: bad offsets {start}:{end}")
            continue
        if text is not None:
            if end > len(text):
                problems.append(f"{where}: end {end} past the text's end {len(text)}")
            elif text[start:end] != quoted:
                problems.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, not {quoted!r}")
        if quoted[:1] in '«»"“”„–—-' or quoted[-1:] in '«»"“”„':
            warnings.append(f"{where}: span begins or ends with a quote mark or dash: {quoted[:40]!r}")
        if quoted != quoted.strip():
            warnings.append(f"{where}: span begins or ends with white space")
        spans.append((start, end))
    spans.sort()
    for (a_start, a_end), (b_start, b_end) in zip(spans, spans[1:], strict=False):
        if b_start < a_end:
            problems.append(f"quotes {a_start}:{a_end} and {b_start}:{b_end} overlap")

    seen: set[tuple[str, str]] = set()
    names: set[str] = set()
    for n, entity in enumerate(page["entities"]):
        if not isinstance(entity, dict) or not isinstance(entity.get("name"), str) or not entity["name"].strip():
            problems.append(f"entity {n}: needs a non-empty name")
            continue
        if entity.get("type") not in ENTITY_TYPES:
            problems.append(f"entity {entity['name']!r}: unknown type {entity.get('type')!r}")
            continue
        entity_key = (normalise_name(entity["name"]), str(entity["type"]))
        if entity_key in seen:
            problems.append(f"entity {entity['name']!r} {entity['type']} listed twice")
        seen.add(entity_key)
        names.add(entity_key[0])
    for quote in page["quotes"]:
        speaker = quote.get("speaker") if isinstance(quote, dict) else None
        if isinstance(speaker, str) and normalise_name(speaker) not in names:
            warnings.append(f"speaker {speaker!r} is not among the page's entities")
    return problems, warnings


def cmd_check(args: argparse.Namespace) -> int:
    folder = cache_dir()
    pages, problems = load_pages(annotation_files(Path(args.annotations)))
    warnings: list[str] = []
    ids: Counter[str] = Counter(str(p.get("id")) for p in pages)
    urls: Counter[str] = Counter(str(p.get("url")) for p in pages)
    for page in pages:
        if args.id_prefix and not str(page.get("id")).startswith(args.id_prefix):
            continue
        label = f"{page['_file']}:{page['_line']} {page.get('id')}"
        cached = read_cached(page["id"], folder) if isinstance(page.get("id"), str) else None
        page_problems, page_warnings = check_page(page, cached)
        if ids[str(page.get("id"))] > 1:
            page_problems.append("duplicate id")
        if urls[str(page.get("url"))] > 1:
            page_problems.append("duplicate URL")
        problems.extend(f"{label}: {p}" for p in page_problems)
        warnings.extend(f"{label}: {w}" for w in page_warnings)

    out(f"{len(pages)} pages in {len(annotation_files(Path(args.annotations)))} files; cache {folder}")
    good = [p for p in pages if isinstance(p.get("url"), str)]
    _print_counts("language", Counter(str(p.get("language")) for p in good))
    _print_counts("site", Counter(str(p.get("site")) for p in good))
    _print_counts("main topic", Counter(str((p.get("topics") or ["-"])[0]) for p in good))
    _print_counts("any topic", Counter(code for p in good for code in p.get("topics") or []))
    no_quotes = [str(p.get("id")) for p in good if not p.get("quotes")]
    share = len(no_quotes) / len(good) if good else 0.0
    out(f"pages without quotes: {len(no_quotes)} ({share:.0%}): {' '.join(no_quotes)}")
    out(
        f"quotes: {sum(len(p.get('quotes') or []) for p in good)}, "
        f"entities: {sum(len(p.get('entities') or []) for p in good)}"
    )
    split = Counter((split_of(p), str(p.get("language"))) for p in good)
    for part in ("tune", "heldout"):
        per = ", ".join(f"{lang} {split[(part, lang)]}" for lang in LANGUAGES if split[(part, lang)])
        out(f"split {part}: {sum(v for (s, _), v in split.items() if s == part)} ({per})")
    for warning in warnings:
        out(f"warning: {warning}")
    for problem in problems:
        out(f"PROBLEM: {problem}")
    out(f"{len(problems)} problems, {len(warnings)} warnings")
    return 1 if problems else 0


def _print_counts(what: str, counts: Counter[str]) -> None:
    out(f"per {what}: " + ", ".join(f"{key} {n}" for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))


# --------------------------------------------------------------------------- score


@dataclass
class Tally:
    """Counts for one group of pages (a language, or all)."""

    pages: int = 0
    gold_quotes: int = 0
    predicted_quotes: int = 0
    matched_quotes: int = 0
    speakers_right: int = 0
    entity_tp: Counter[str] = field(default_factory=Counter)
    entity_gold: Counter[str] = field(default_factory=Counter)
    entity_predicted: Counter[str] = field(default_factory=Counter)
    topics_right: int = 0

    def figures(self) -> dict[str, Any]:
        entities = {
            kind: prf(self.entity_tp[kind], self.entity_predicted[kind], self.entity_gold[kind])
            for kind in ENTITY_TYPES
        }
        entities["all"] = prf(
            sum(self.entity_tp.values()), sum(self.entity_predicted.values()), sum(self.entity_gold.values())
        )
        return {
            "pages": self.pages,
            "quotes": {
                "gold": self.gold_quotes,
                "predicted": self.predicted_quotes,
                "matched": self.matched_quotes,
                **prf(self.matched_quotes, self.predicted_quotes, self.gold_quotes),
            },
            "speaker_accuracy": round(self.speakers_right / self.matched_quotes, 4) if self.matched_quotes else 0.0,
            "speakers_right": self.speakers_right,
            "entities": entities,
            "topic_top1": round(self.topics_right / self.pages, 4) if self.pages else 0.0,
        }


def score_page(page: dict[str, Any], event: dict[str, Any], parents: dict[str, str | None], tally: Tally) -> list[str]:
    """Adds one page's counts to ``tally``; returns its misses, extras and wrong answers as lines."""
    misses: list[str] = []
    gold_quotes = page["quotes"]
    predicted = event["quotes"]
    pairs = match_quotes([q["text"] for q in gold_quotes], [q["text"] for q in predicted])
    tally.pages += 1
    tally.gold_quotes += len(gold_quotes)
    tally.predicted_quotes += len(predicted)
    tally.matched_quotes += len(pairs)
    matched_gold = {gi for gi, _, _ in pairs}
    matched_pred = {pi for _, pi, _ in pairs}
    for gi, pi, _ in pairs:
        gold_speaker = gold_quotes[gi]["speaker"]
        speaker = predicted[pi]["speaker"]
        name = speaker["name"] if speaker else None
        if speaker_matches(gold_speaker, name):
            tally.speakers_right += 1
        else:
            mention = speaker["mention"] if speaker else None
            misses.append(
                f"wrong speaker: {gold_speaker!r} got {name!r} (mention {mention!r}) "
                f"for {_short(gold_quotes[gi]['text'])}"
            )
    for gi, quote in enumerate(gold_quotes):
        if gi not in matched_gold:
            misses.append(
                f"missed quote [{quote['start']}:{quote['end']}] ({quote['speaker']}): {_short(quote['text'])}"
            )
    for pi, quote in enumerate(predicted):
        if pi not in matched_pred:
            speaker = quote["speaker"]["name"] if quote["speaker"] else None
            misses.append(f"extra quote [{quote['start']}:{quote['end']}] ({speaker}): {_short(quote['text'])}")

    gold_entities = entity_keys(page["entities"], program=False)
    predicted_entities = entity_keys(event["entities"], program=True)
    for kind in ENTITY_TYPES:
        gold_kind = {k for k in gold_entities if k[1] == kind}
        pred_kind = {k for k in predicted_entities if k[1] == kind}
        tally.entity_tp[kind] += len(gold_kind & pred_kind)
        tally.entity_gold[kind] += len(gold_kind)
        tally.entity_predicted[kind] += len(pred_kind)
    for name, kind in sorted(gold_entities - predicted_entities):
        misses.append(f"missed entity {kind} {name}")
    for name, kind in sorted(predicted_entities - gold_entities):
        misses.append(f"extra entity {kind} {name}")

    gold_topics = {top_level(code, parents) for code in page["topics"]}
    first = top_level(event["topics"][0]["code"], parents) if event["topics"] else None
    if first in gold_topics:
        tally.topics_right += 1
    else:
        misses.append(f"wrong topic: {first} (gold {' '.join(page['topics'])})")
    return misses


def _short(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def cmd_score(args: argparse.Namespace) -> int:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from worker.pipeline import enrich

    folder = cache_dir()
    parents = load_parents()
    pages, problems = load_pages(annotation_files(Path(args.annotations)))
    for problem in problems:
        err(f"PROBLEM: {problem}")
    chosen = [
        p
        for p in pages
        if in_split(p, args.split)
        and (args.language is None or p["language"] == args.language)
    ]
    tallies: dict[str, Tally] = {}
    overall = Tally()
    skipped: list[str] = []
    for page in sorted(chosen, key=lambda p: str(p["id"])):
        cached = read_cached(page["id"], folder)
        if cached is None:
            skipped.append(f"{page['id']}: missing text")
            continue
        text, digest = cached
        if digest != page["sha256"]:
            skipped.append(f"{page['id']}: sha256 mismatch")
            continue
        event = enrich({"id": page["id"], "body": text})
        tally = tallies.setdefault(page["language"], Tally())
        misses = score_page(page, event, parents, tally)
        score_page(page, event, parents, overall)
        if args.show_misses and misses:
            out(f"== {page['id']} ({page['site']}, {split_of(page)}) {page['url']}")
            for line in misses:
                out(f"   {line}")
    for line in skipped:
        err(f"skipped {line}")

    figures: dict[str, Any] = {"split": args.split, "language": args.language or "all", "skipped": skipped}
    figures["by_language"] = {lang: tallies[lang].figures() for lang in LANGUAGES if lang in tallies}
    figures["overall"] = overall.figures()
    out(f"split {args.split}, {overall.pages} pages scored, {len(skipped)} skipped")
    header = f"{'':8} {'pages':>5} {'quotes':>7} {'P':>6} {'R':>6} {'F1':>6} {'spk':>6}"
    header += "  ent P/R/F1 " + " ".join(f"{k:>6}" for k in ENTITY_TYPES) + f" {'topic':>6}"
    out(header)
    for name, f in [*figures["by_language"].items(), ("overall", figures["overall"])]:
        q, e = f["quotes"], f["entities"]
        row = f"{name:8} {f['pages']:>5} {q['gold']:>3}/{q['predicted']:<3} {q['precision']:>6.3f} "
        row += f"{q['recall']:>6.3f} {q['f1']:>6.3f} {f['speaker_accuracy']:>6.3f}  "
        row += f"{e['all']['precision']:.3f}/{e['all']['recall']:.3f}/{e['all']['f1']:.3f} "
        row += " ".join(f"{e[k]['f1']:>6.3f}" for k in ENTITY_TYPES) + f" {f['topic_top1']:>6.3f}"
        out(row)
    if args.json:
        Path(args.json).write_bytes(orjson.dumps(figures, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n")
    return 0


# --------------------------------------------------------------------------- add


def cmd_add(args: argparse.Namespace) -> int:
    if not _ID.match(args.id):
        err(f"id {args.id!r} is not a safe file name")
        return 2
    text = prepare_text(sys.stdin.buffer.read().decode("utf-8"))
    if len(text) < MIN_CHARS and not args.force:
        err(f"only {len(text)} characters after the cut (under {MIN_CHARS}): skip this page")
        return 2
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{args.id}.txt"
    if path.exists() and path.read_bytes() != text.encode("utf-8") and not args.force:
        err(f"{path} exists with another text (use --force to replace it)")
        return 2
    path.write_bytes(text.encode("utf-8"))
    site = args.site or (urlsplit(args.url).hostname or "").removeprefix("www.")
    skeleton = {
        "id": args.id,
        "url": args.url,
        "site": site,
        "language": args.language,
        "sha256": sha256_hex(text),
        "chars": len(text),
        "round": args.round,
        "topics": [],
        "quotes": [],
        "entities": [],
    }
    out(orjson.dumps(skeleton).decode("utf-8"))
    err(f"wrote {path} ({len(text)} characters, {split_of(skeleton)})")
    return 0


# --------------------------------------------------------------------------- refill


def search_hint(page: dict[str, Any], words: int = 14) -> str:
    """Words to look a page up by in the search tool: the start of its first quote and its first names.

    The texts are not in git, so a new machine fills its cache again from the search tool; the
    annotation keeps enough of the page (quote text, entity names, the URL's slug) to find it."""
    parts: list[str] = []
    quotes = page.get("quotes") or []
    if quotes:
        parts.append(" ".join(str(quotes[0]["text"]).split()[:words]))
    parts.extend(str(e["name"]) for e in (page.get("entities") or [])[:4])
    if not quotes:
        slug = urlsplit(str(page["url"])).path.rstrip("/").rsplit("/", 1)[-1]
        slug = re.sub(r"\.\w+$", "", slug)
        if re.search(r"[^\W\d_]{3,}", slug):
            parts.append(" ".join(w for w in re.split(r"[-_]+", slug) if not w.isdigit()))
    return " ".join(parts)


def cmd_missing(args: argparse.Namespace) -> int:
    folder = cache_dir()
    pages, _ = load_pages(annotation_files(Path(args.annotations)))
    count = 0
    for page in sorted(pages, key=lambda p: str(p["id"])):
        if args.split and not in_split(page, args.split):
            continue
        cached = read_cached(page["id"], folder)
        if cached is not None and cached[1] == page["sha256"]:
            continue
        count += 1
        line = {"id": page["id"], "url": page["url"], "language": page["language"], "hint": search_hint(page)}
        out(orjson.dumps(line).decode("utf-8"))
    err(f"{count} pages without their text in {folder}")
    return 0


def cmd_refill(args: argparse.Namespace) -> int:
    pages, _ = load_pages(annotation_files(Path(args.annotations)))
    page = next((p for p in pages if p.get("id") == args.id), None)
    if page is None:
        err(f"no annotation has id {args.id!r}")
        return 2
    text = prepare_text(sys.stdin.buffer.read().decode("utf-8"))
    if sha256_hex(text) != page["sha256"]:
        err(
            f"{args.id}: this excerpt is not the annotated text ({len(text)} characters after the cut, "
            f"the annotation has {page['chars']}); nothing written"
        )
        return 1
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{args.id}.txt").write_bytes(text.encode("utf-8"))
    err(f"{args.id}: cached ({len(text)} characters, checksum matches)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--annotations", default=str(ANNOTATIONS), help="folder of *.jsonl annotation files")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the annotations against the cached texts")
    check.add_argument(
        "--id-prefix", default="", help="check only the pages whose id starts so (ids and URLs still unique set-wide)"
    )
    score = commands.add_parser("score", help="score the program against the set")
    score.add_argument("--split", choices=SPLITS, default="tune")
    score.add_argument("--language", choices=LANGUAGES)
    score.add_argument("--show-misses", action="store_true")
    score.add_argument("--json", metavar="FILE", help="write the figures to FILE")
    add = commands.add_parser("add", help="cache a page's excerpt (stdin) and print a skeleton line")
    add.add_argument("--id", required=True)
    add.add_argument("--url", required=True)
    add.add_argument("--language", required=True, choices=LANGUAGES)
    add.add_argument("--site")
    add.add_argument("--round", type=int, default=HELDOUT_ROUND, help="annotation round (default: the held-out one)")
    add.add_argument("--force", action="store_true", help="keep a short text, or replace a cached one")
    missing = commands.add_parser("missing", help="list the pages whose text is not cached, with words to find each")
    missing.add_argument("--split", choices=SPLITS)
    refill = commands.add_parser("refill", help="cache an annotated page's excerpt (stdin) when its checksum matches")
    refill.add_argument("--id", required=True)
    args = parser.parse_args(argv)
    handlers = {"check": cmd_check, "score": cmd_score, "add": cmd_add, "missing": cmd_missing, "refill": cmd_refill}
    return handlers[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
