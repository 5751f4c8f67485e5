"""One person written more than one way on a page (var11): a Kazakh letter typed as the Russian one, a caption's
capitals, a list's surname-first order, a familiar first name, a name made of a verb's past tense that reads as an
accusative.  One entity, named by the page's fullest Kazakh-letter form; different people with close names stay
apart (sentences and names written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.pipeline import enrich


def _people(text: str, language: str = "kk") -> set[str]:
    return {e.name for e in extract_entities({"body": text}, language) if e.type == "PERSON"}


def _speakers(text: str) -> list[str | None]:
    event = enrich({"id": "t", "body": text})
    return [(q.get("speaker") or {}).get("name") for q in event.get("quotes", [])]


def test_a_kazakh_letter_typed_as_russian_once_names_the_person_in_kazakh_letters() -> None:
    text = (
        "Ауыл шаруасы Бекмұрат Таңқыбаев мал өсіреді. «Жайылым жетеді», – дейді Бекмұрат Танқыбаев.\n"
        "Бекмұрат Таңқыбаевтың шаруашылығында жүз бас жылқы бар."
    )
    assert _people(text) == {"Бекмұрат Таңқыбаев"}


def test_the_russian_letter_form_written_first_gives_way_to_the_kazakh_one() -> None:
    text = "Бекмұрат Танқыбаев жиынға келді. Кейін Бекмұрат Таңқыбаев сөз сөйледі."
    assert _people(text) == {"Бекмұрат Таңқыбаев"}


def test_the_quote_speaker_takes_the_kazakh_letter_form() -> None:
    text = (
        "Бекмұрат Танқыбаев жиынға келді.\n"
        "«Биыл шөп мол шықты, малға жетеді», – деді Бекмұрат Таңқыбаев."
    )
    assert _speakers(text) == ["Бекмұрат Таңқыбаев"]


def test_capitals_in_a_caption_name_the_person_with_capital_initials() -> None:
    text = "ӘЙГЕРІМ ТОҚТАРБЕК\nЖарыста Әйгерім Тоқтарбек күміс алды."
    assert _people(text) == {"Әйгерім Тоқтарбек"}


def test_a_first_name_ending_like_a_surname_in_in_keeps_its_place() -> None:
    assert _people("Олимпиадада Жасмин Ержанқызы емес, Жасмин Бөрібай жеңді.") >= {"Жасмин Бөрібай"}


def test_a_byline_surname_in_capitals_keeps_its_past_tense_ending() -> None:
    assert _people("Мұратбек ЖАНКЕЛДІ, тарихшы\nБұл мақала Алаш тарихы туралы.") == {"Мұратбек Жанкелді"}


def test_a_name_made_of_a_verb_keeps_its_ending() -> None:
    assert _people("Жүргізуші Ерасыл Жолбалды күнде көмір тасиды.") == {"Ерасыл Жолбалды"}


def test_an_accusative_in_capitals_in_a_title_still_goes() -> None:
    people = _people("Ержан ТӨЛЕУБАЕВПЕН сұхбат\nЕржан Төлеубаев жаңа кітабы туралы айтты.")
    assert people == {"Ержан Төлеубаев"}


def test_a_list_surname_first_and_the_text_first_name_first_are_one_person() -> None:
    text = (
        "Жеңімпаздар: Қанатбекова Аружан, Сейітов Дәурен.\n"
        "Аружан Қанатбекова алтын медальді жаттықтырушысына арнады."
    )
    people = _people(text)
    assert "Аружан Қанатбекова" in people and "Қанатбекова Аружан" not in people, people


def test_a_familiar_first_name_is_the_one_person_with_the_full_one() -> None:
    text = "Кеше Геннадий Тарасов жекпе-жекте жеңді. Жекпе-жектен кейін Гена жанкүйерлерге алғыс айтты."
    people = _people(text)
    assert people == {"Геннадий Тарасов"}, people


def test_a_familiar_first_name_with_two_full_ones_on_the_page_joins_neither() -> None:
    text = "Александр Орлов пен Александра Ким келді. Саша жиынды ашты."
    people = _people(text)
    assert {"Александр Орлов", "Александра Ким"} <= people, people


def test_close_but_different_names_stay_apart() -> None:
    text = "Жиынға Асқар Бекенов пен Аскер Бекенов қатысты. Асқар Бекенов сөз сөйледі."
    people = _people(text)
    assert {"Асқар Бекенов", "Аскер Бекенов"} <= people, people


def test_a_russian_page_keeps_the_russian_letter_form() -> None:
    text = "Глава района Нұрлан Сатпаев встретился с жителями. Нурлан Сатпаев пообещал ремонт."
    assert "Нурлан Сатпаев" in _people(text, "ru")


def test_a_russian_list_surname_first_joins_the_name_first_name_first() -> None:
    text = "Призеры: Жумабек Айгерим, Сейтов Даурен.\nАйгерим Жумабек посвятила медаль тренеру."
    people = _people(text, "ru")
    assert "Айгерим Жумабек" in people and "Жумабек Айгерим" not in people, people


def test_an_english_list_surname_first_joins_the_name_first_name_first() -> None:
    text = "Winners: Shorman Zhasmin and Seitov Dauren.\nZhasmin Shorman dedicated the medal to her coach."
    people = _people(text, "en")
    assert "Zhasmin Shorman" in people and "Shorman Zhasmin" not in people, people


def test_two_people_whose_names_are_both_first_names_stay_apart_when_turned_round() -> None:
    text = "Жиынға Ерлан Асқар мен Асқар Ерлан қатысты."
    people = _people(text)
    assert {"Ерлан Асқар", "Асқар Ерлан"} <= people, people


def test_a_name_that_ends_like_a_plural_is_not_cut_short() -> None:
    people = _people("Жиынға Сәкен Тоқтар қатысты. Сәкен Тоқтар жаңа кітабын таныстырды.")
    assert "Сәкен Тоқтар" in people, people


def test_a_surname_in_the_plural_still_names_the_family_as_before() -> None:
    people = _people("Жарыста Ерлановтар отбасы жеңді. Бақыт Ерланов алғыс айтты.")
    assert "Бақыт Ерланов" in people, people


def test_an_english_polite_address_by_first_name_and_patronymic_is_the_person() -> None:
    text = (
        "Head coach Pavel Rudenko spoke to the press.\n"
        "- Pavel Igorevich, how did the season go?\n"
        "- The season went well, we won two medals."
    )
    people = _people(text, "en")
    assert people == {"Pavel Rudenko"}, people


def test_an_english_patronymic_and_surname_are_the_person_named_in_full() -> None:
    text = "Interview with coach Pavel Rudenko. Igorevich Rudenko set a record in 1990, and today he coaches in Almaty."
    people = _people(text, "en")
    assert people == {"Pavel Rudenko"}, people


def test_an_english_surname_in_ovich_is_no_patronymic_alone() -> None:
    people = _people("Roman Abramovich visited the club, and Pavel Rudenko met him.", "en")
    assert {"Roman Abramovich", "Pavel Rudenko"} <= people, people


def test_a_patronymic_surname_in_the_accusative_is_the_same_person() -> None:
    text = "Ерлан САПАРБЕКҰЛЫ, жазушы\nБүгін жазушы Ерлан Сапарбекұлын сұхбатқа шақырдық."
    people = _people(text)
    assert people == {"Ерлан Сапарбекұлы"}, people


def test_a_surname_ending_in_n_keeps_it() -> None:
    assert _people("Жиынды Мұрат Салайдын ашты.") == {"Мұрат Салайдын"}
