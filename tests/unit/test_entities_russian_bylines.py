"""Russian bylines and captions write a surname in capitals after a first name (Гульнара ТАЖИБАЙ, Ерлан
ОМАРОВ): one person shown in normal case, even where the surname has no Russian ending.  Sentences written for
the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_kazakh_surname_in_capitals_without_a_russian_ending() -> None:
    found = _found("Гульнара ТАЖИБАЙ\n\nВ Кокшетау прошла ярмарка выходного дня.")
    assert found["Гульнара Тажибай"].type == "PERSON", found
    assert not any(e.type == "ORG" for e in found.values()), found


def test_a_photo_credit_in_capitals() -> None:
    found = _found("Фото: Нурлан ЖАКСЫБЕК. Горожане вышли на субботник в Павлодаре.")
    assert found["Нурлан Жаксыбек"].type == "PERSON", found


def test_an_abbreviation_after_a_first_name_is_no_surname() -> None:
    found = _found("Айдар КНБ задержал.")
    assert "Айдар Кнб" not in found, found


def test_a_first_name_the_lists_lack_before_a_surname_in_capitals() -> None:
    found = _found("Жанайдар ТОКСАНБАЕВ\n\nВ Уральске открыли новую поликлинику.")
    assert found["Жанайдар Токсанбаев"].type == "PERSON", found
    found = _found("Текст и фото: Бибигайша МУСАПИРОВА. Паводок отступил.")
    assert found["Бибигайша Мусапирова"].type == "PERSON", found


def test_a_post_before_a_surname_in_capitals_is_no_first_name() -> None:
    found = _found("Председатель ИВАНОВ открыл заседание.")
    assert not any(e.name.startswith("Председатель") for e in found.values()), found
