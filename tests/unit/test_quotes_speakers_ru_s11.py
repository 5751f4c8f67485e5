"""Russian quote speakers and recall on unseen shapes (s11-ruspk): invented sentences only."""

from __future__ import annotations

from worker.quotes.scan import _only_ru_adverbs
from worker.quotes.speakers import _reported_speaker


def _adverbs(phrase: str) -> bool:
    return _only_ru_adverbs(phrase, 0, len(phrase))


def test_manner_adverbs_before_the_verb_name_no_one() -> None:
    assert _adverbs("удивленно")
    assert _adverbs("также")
    assert _adverbs("коротко")
    assert _adverbs("спокойно")
    assert _adverbs("твёрдо")


def test_nouns_in_o_stay_speakers() -> None:
    # a body in -ство / -тво, a word in -ео, a capitalised name and three words are no adverbs
    assert not _adverbs("руководство")
    assert not _adverbs("ведомство")
    assert not _adverbs("видео")
    assert not _adverbs("Марко")
    assert not _adverbs("очень коротко резко")


def test_by_the_words_of_a_post_then_a_comma() -> None:
    text = "По словам матери, Гульнары Сеитовой, девочку обижали."
    start = text.index("Гульнары")
    assert _reported_speaker(text, start, start + len("Гульнары Сеитовой"))
    other = "Мать, Гульнара Сеитова, пришла."
    start = other.index("Гульнара")
    assert not _reported_speaker(other, start, start + len("Гульнара Сеитова"))
