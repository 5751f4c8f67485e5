"""Build tests/data/stories/pairs.jsonl deterministically (seeded) from this project's own texts.

Positives ("dup"): a labelled topic item (tests/data/topics/labelled.jsonl) or the
seed article, and a republished copy with 1-3 programmatic edits: reworded
headline, added outlet line, sentence reordering, a sentence cut, typos.
Negatives: the hand-written hard negatives in hard_negatives.tsv (same entities,
different story) and pairs of different labelled items of the same language and
primary topic (same topic, different story).

Split: sha256(pair id) mod 5 < 2 -> tune (~40%), else holdout.

Usage: .venv/bin/python tests/data/stories/make_pairs.py   (rewrites pairs.jsonl)
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
SEED = 20261125
PER_LANGUAGE_POSITIVES = 32
PER_LANGUAGE_SAME_TOPIC = 16
PER_LANGUAGE_HEAVY = 8
PER_LANGUAGE_FOLLOWUP = 10

OUTLET = {
    "kk": [
        "Бұл туралы Kazinform тілшісі хабарлайды.",
        "Ақпарат көзі: Tengrinews.kz.",
        "Толығырақ біздің Telegram-арнамызда оқыңыз.",
    ],
    "ru": [
        "Об этом сообщает корреспондент Kazinform.",
        "Источник: Tengrinews.kz.",
        "Подписывайтесь на наш Telegram-канал.",
    ],
    "en": ["Reporting by Kazinform.", "Source: Tengrinews.kz.", "Follow us on Telegram for more news."],
}
PREFIX = {"kk": ["ЖАҢАЛЫҚ:", "Шұғыл:"], "ru": ["НОВОСТЬ:", "Срочно:"], "en": ["BREAKING:", "UPDATE:"]}
_SENT = re.compile(r"(?<=[.!?])\s+")


def split_of(pair_id: str) -> str:
    h = int(hashlib.sha256(pair_id.encode("utf-8")).hexdigest()[:8], 16)
    return "tune" if h % 5 < 2 else "holdout"


def sentences(body: str) -> list[str]:
    return [s for s in _SENT.split(body.strip()) if s]


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return word[:i] + word[i + 1 :]


def reword_headline(title: str, body: list[str], lang: str, rng: random.Random) -> str:
    how = rng.choice(("prefix", "shuffle", "lead"))
    if how == "prefix":
        return f"{rng.choice(PREFIX[lang])} {title}"
    if how == "lead" and body:
        return " ".join(body[0].rstrip(".").split()[:8])
    words = title.split()
    if len(words) > 3:
        del words[rng.randrange(1, len(words))]
        i = rng.randrange(0, len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
    return " ".join(words)


def edit(title: str, body: str, lang: str, rng: random.Random, heavy: bool = False) -> tuple[str, list[str]]:
    sents = sentences(body)
    every = ["headline", "outlet", "reorder", "cut", "typos"]
    kinds = every if heavy else rng.sample(every, rng.randint(1, 3))
    new_title = title
    if "headline" in kinds:
        new_title = reword_headline(title, sents, lang, rng)
    if "reorder" in kinds and len(sents) >= 2:
        i = rng.randrange(0, len(sents) - 1)
        sents[i], sents[i + 1] = sents[i + 1], sents[i]
    if "cut" in kinds and len(sents) >= 3:
        del sents[rng.randrange(1, len(sents))]
    if "typos" in kinds:
        for _ in range(rng.randint(1, 3)):
            j = rng.randrange(len(sents))
            words = sents[j].split()
            k = rng.randrange(len(words))
            words[k] = typo(words[k], rng)
            sents[j] = " ".join(words)
    if "outlet" in kinds:
        line = rng.choice(OUTLET[lang])
        if rng.random() < 0.5:
            sents.append(line)
        else:
            sents.insert(0, line)
    return new_title + "\n" + " ".join(sents), sorted(kinds)


def main() -> None:
    rng = random.Random(SEED)
    items = [json.loads(x) for x in (ROOT / "tests/data/topics/labelled.jsonl").read_text("utf-8").splitlines()]
    pairs: list[dict[str, Any]] = []

    def add(pid: str, lang: str, a: str, b: str, label: int, kind: str) -> None:
        pairs.append(
            {"id": pid, "language": lang, "split": split_of(pid), "label": label, "kind": kind, "a": a, "b": b}
        )

    for lang in ("kk", "ru", "en"):
        mine = [i for i in items if i["language"] == lang]
        for item in rng.sample(mine, PER_LANGUAGE_POSITIVES):
            b, kinds = edit(item["title"], item["body"], lang, rng)
            add(f"dup-{item['id']}", lang, item["title"] + "\n" + item["body"], b, 1, "dup:" + "+".join(kinds))
        for item in rng.sample(mine, PER_LANGUAGE_HEAVY):
            b, kinds = edit(item["title"], item["body"], lang, rng, heavy=True)
            add(f"heavy-{item['id']}", lang, item["title"] + "\n" + item["body"], b, 1, "dup-heavy:" + "+".join(kinds))
        by_topic: dict[str, list[dict[str, Any]]] = {}
        for item in mine:
            by_topic.setdefault(item["codes"][0], []).append(item)
        candidates = [(x, y) for group in by_topic.values() for n, x in enumerate(group) for y in group[n + 1 :]]
        for x, y in rng.sample(candidates, PER_LANGUAGE_SAME_TOPIC):
            add(
                f"topic-{x['id']}-{y['id']}",
                lang,
                x["title"] + "\n" + x["body"],
                y["title"] + "\n" + y["body"],
                0,
                "same-topic",
            )
        # Follow-ups: a different story of the same topic that reuses one
        # background sentence of the first (hard negative with real overlap).
        for x, y in rng.sample(candidates, PER_LANGUAGE_FOLLOWUP):
            borrowed = rng.choice(sentences(x["body"]))
            add(
                f"followup-{x['id']}-{y['id']}",
                lang,
                x["title"] + "\n" + x["body"],
                y["title"] + "\n" + y["body"] + " " + borrowed,
                0,
                "followup-shared-sentence",
            )

    seed = (ROOT / "tests/data/seed_kk.txt").read_text("utf-8").strip()
    lines = seed.splitlines()
    for n in range(4):
        b, kinds = edit(lines[0], " ".join(lines[1:]), "kk", rng)
        add(f"dup-seed-{n}", "kk", seed, b, 1, "dup-long:" + "+".join(kinds))

    hard = [x for x in (HERE / "hard_negatives.tsv").read_text("utf-8").splitlines() if x and not x.startswith("#")]
    for n, line in enumerate(hard):
        lang, a, b = line.split("\t")
        add(f"hard-{lang}-{n}", lang, a.replace("|", "\n"), b.replace("|", "\n"), 0, "hard-negative")

    with (HERE / "pairs.jsonl").open("w", encoding="utf-8") as f:
        for p in pairs:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
