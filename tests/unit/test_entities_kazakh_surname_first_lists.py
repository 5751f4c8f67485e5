"""Kazakh official lists write people surname first, with or without a patronymic; the canonical name is first
name and surname, and running text keeps its own order (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities


def _people(text: str) -> set[str]:
    return {e.name for e in extract_entities({"body": text}, "kk") if e.type == "PERSON"}


def test_a_listed_name_with_a_patronymic_puts_its_surname_first_whatever_its_shape() -> None:
    people = _people("Грамотамен марапатталғандар: Төлеубай Гүлназ Серікқызы, Мамырбек Дәулет Асанұлы.")
    assert people == {"Гүлназ Төлеубай", "Дәулет Мамырбек"}, people


def test_a_list_on_a_page_that_lists_surnames_first_is_read_surname_first_and_running_text_as_written() -> None:
    people = _people(
        "Жиында Айдана Төлеубай, Нұрсая Мамырбек сөз сөйледі.\n"
        "Жүлдегерлер тізімі:\n1. Қалдыбек Айғаным\n2. Нұрлан Әсел\n3. Жақсылықов Бауыржан"
    )
    assert people == {
        "Айдана Төлеубай",
        "Нұрсая Мамырбек",
        "Айғаным Қалдыбек",
        "Әсел Нұрлан",
        "Бауыржан Жақсылықов",
    }, people
