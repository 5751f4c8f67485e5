"""Russian names whose case and sex the name alone leaves open, read with what the sentence says of the person: a
noun for a woman or a man in apposition before the name, and a Kazakh surname made of a father's name (-улы a son's,
-кызы a daughter's).  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities


def _people(text: str) -> set[str]:
    return {e.name for e in extract_entities({"body": text}, "ru") if e.type == "PERSON"}


def test_a_woman_named_after_a_noun_for_a_woman() -> None:
    assert _people("В полуфинале казахстанка обыграла спортсменку Ляйсану Мирзоеву.") == {"Ляйсана Мирзоева"}


def test_a_woman_named_after_a_noun_and_the_place_she_is_from() -> None:
    people = _people("— Всё случилось ночью, — рассказала жительница Сарыагашского района Гульшата Ермекова.")
    assert people == {"Гульшата Ермекова"}


def test_a_man_named_after_a_noun_for_a_man() -> None:
    assert _people("Награду получил отряд под руководством сержанта Малика Ахметова.") == {"Малик Ахметов"}


def test_a_sons_surname_makes_the_first_name_a_mans() -> None:
    assert _people("Вечер посвятили творчеству Кайыра Сатыбалдыулы.") == {"Кайыр Сатыбалдыулы"}


def test_a_daughters_surname_makes_the_first_name_a_womans() -> None:
    assert _people("Диплом вручили Гульнаре Сейтказыкызы в пятницу.") == {"Гульнара Сейтказыкызы"}
