"""Russian bodies whose name says their field with по (Управление по делам молодёжи, Агентство по защите прав
потребителей, суд по делам несовершеннолетних) or with two genitive nouns joined by и.  Sentences written for the
test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_field_after_po_in_the_dative_plural_is_part_of_the_name() -> None:
    found = _found("Вчера Управление по делам религий провело встречу с имамами.")
    assert "Управление по делам религий" in found
    assert found["Управление по делам религий"].type == "ORG"


def test_a_field_after_po_ends_with_the_place_the_body_serves() -> None:
    found = _found("Сигнал поступил в Департамент по чрезвычайным ситуациям по Костанайской области утром.")
    assert "Департамент по чрезвычайным ситуациям по Костанайской области" in found


def test_a_verbal_noun_and_what_the_work_is_against() -> None:
    found = _found("Проверку начало Агентство по борьбе с незаконной миграцией и торговлей людьми в мае.")
    assert any(name.startswith("Агентство по борьбе с незаконной миграцией") for name in found)


def test_a_court_in_lower_case_with_its_field_is_named_in_the_nominative() -> None:
    found = _found("В специализированном межрайонном суде по делам несовершеннолетних огласили приговор.")
    assert "Специализированный межрайонный суд по делам несовершеннолетних" in found


def test_a_case_is_no_field() -> None:
    found = _found("Приговор по делу огласил межрайонный суд по делу о краже в субботу.")
    assert not any("по делу" in name for name in found)


def test_two_genitive_nouns_joined_by_i_are_one_field() -> None:
    found = _found("Слово взял председатель Комитета технического регулирования и метрологии Марат Сейтов.")
    assert "Комитет технического регулирования и метрологии" in found


def test_a_kind_of_body_in_the_plural_names_no_body() -> None:
    found = _found("На встречу пришли руководители районных управлений и организаций города.")
    assert not any(e.type == "ORG" for e in found.values())


def test_a_field_of_a_verbal_noun_and_a_dative_object_is_whole() -> None:
    text = "Следователи Управления по противодействию терроризму провели обыски."
    found = {e.name: e for e in extract_entities({"body": text}, "ru")}
    assert found["Управление по противодействию терроризму"].type == "ORG"
