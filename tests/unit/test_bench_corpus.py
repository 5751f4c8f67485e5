"""The benchmark corpus: deterministic, 1-8 KB items averaging about 3 KB, three languages, all valid items."""

from __future__ import annotations

from worker.bench import corpus
from worker.codec import decode_item

_N = 600


def test_same_seed_same_bytes() -> None:
    assert corpus.encode_items(corpus.generate(50, seed=3)) == corpus.encode_items(corpus.generate(50, seed=3))


def test_other_seed_other_items() -> None:
    assert corpus.encode_items(corpus.generate(20, seed=3)) != corpus.encode_items(corpus.generate(20, seed=4))


def test_sizes_in_range_and_mean_near_3kb() -> None:
    sizes = [len(line) for line in corpus.encode_items(corpus.generate(_N))]
    assert all(corpus.MIN_BYTES <= size <= corpus.MAX_BYTES for size in sizes)
    mean = sum(sizes) / len(sizes)
    assert 2500 <= mean <= 3500, mean
    assert max(sizes) > 6000  # the tail reaches the large items


def test_all_three_languages_in_fair_shares() -> None:
    stats = corpus.stats(corpus.generate(_N))
    assert set(stats.languages) == {"kk", "ru", "en"}
    assert all(count > _N // 5 for count in stats.languages.values())


def test_scripts_match_languages() -> None:
    for item in corpus.generate(60):
        language = item["id"].split("-")[2]
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in item["body"])
        kazakh = sum(ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ" for ch in item["body"])
        if language == "en":
            assert cyrillic == 0
        elif language == "kk":
            assert kazakh > 0
        else:
            assert cyrillic > 0 and kazakh == 0


def test_items_have_quotes_and_validate() -> None:
    items = corpus.generate(200)
    for line in corpus.encode_items(items):
        item = decode_item(line, 1_000_000)
        assert item["id"].startswith("bench-7-")
        assert item["body"] and item["title"]
    with_quotes = sum(any(mark in item["body"] for mark in ("«", '"', "– ", "— ")) for item in items)
    assert with_quotes >= 0.9 * len(items)
    assert len({item["id"] for item in items}) == len(items)
