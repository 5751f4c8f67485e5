"""Names in quote marks whose type the kind noun beside them decides (s11): in Kazakh, a place's or a person's word
in quotes before the kind of a work, a programme or an event is no entity («Сарыарқа» күйі, «Еуразия»
кинофестивалі), a list of quoted names before the plural of a club's kind is clubs («Ақтөбе», «Астана» және басқа
клубтар), and a place's name alone in quotes in a match's report is the club; in Russian, a quoted name after the
kind of a work or an event is a title (спектакль «Абай»), after the kind of a group or a body the body (театр
«Шың»).  Sentences written for the tests."""

from __future__ import annotations

import pytest

from worker.entities import extract_entities


def _names(text: str, language: str) -> dict[str, str]:
    return {e.name: e.type for e in extract_entities({"body": text}, language)}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Кеште домбырашылар «Адай», «Ақсақ құлан», «Сарыарқа» сияқты күйлерін орындады.", "Сарыарқа"),
        ("Режиссердің жаңа туындысы «Еуразия» кинофестивалінің бас жүлдесін жеңіп алды.", "Еуразия"),
        ("Фильм «Еуразия» XIV Халықаралық кинофестивалінде көрсетілді.", "Еуразия"),
        ("Мектеп оқушылары «Колобок» ертегісін сахналады.", "Колобок"),
        ("Биыл «Атырау» фестиваліне жүзден астам өнерпаз қатысты.", "Атырау"),
    ],
)
def test_a_place_word_in_marks_before_a_work_or_an_event_is_no_entity(text: str, word: str) -> None:
    names = _names(text, "kk")
    assert word not in names or names[word] not in ("GPE", "LOC", "PERSON", "ORG"), names


def test_quoted_names_listed_before_the_plural_of_a_club_are_clubs() -> None:
    names = _names("Жас футболшылар «Ақтөбе», «Астана» және басқа клубтарға шақырту алды.", "kk")
    assert names.get("Ақтөбе") == "ORG", names
    assert names.get("Астана") == "ORG", names


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("Қонақтар «Тобылдан» 0:2 есебімен ұтылды.", "Тобыл"),
        ("Жас қорғаушы «Жетісуға» қарсы ойында алғашқы голын соқты.", "Жетісу"),
    ],
)
def test_a_place_alone_in_marks_in_a_match_report_is_the_club(text: str, club: str) -> None:
    names = _names(text, "kk")
    assert names.get(club) == "ORG", names


def test_places_in_marks_before_a_club_and_outside_a_match_keep_their_types() -> None:
    """Negative cases: a club's kind after the quotes was already a club's, a place written bare stays a place, and
    a quoted place's name with no match around it is not turned into a club."""
    names = _names("Биыл «Астана» клубы Павлодар қаласында жаттығу жиынын өткізді.", "kk")
    assert names.get("Астана") == "ORG", names
    assert names.get("Павлодар") == "GPE", names
    names = _names("Ауыл тұрғындары Атырау облысындағы «Шалқар» көліне барды.", "kk")
    assert names.get("Атырау облысы") == "GPE", names
    assert names.get("Шалқар") != "ORG", names


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Спектакль «Абай» жителям города понравился.", "Абай"),
        ("Фестиваль «Еуразия» собрал режиссеров из десяти стран.", "Еуразия"),
        ("Песня «Астана» прозвучала в исполнении хора.", "Астана"),
        ("Участники проекта «Атырау» получили гранты.", "Атырау"),
    ],
)
def test_a_russian_name_after_the_kind_of_a_work_or_an_event_is_a_title(text: str, word: str) -> None:
    names = _names(text, "ru")
    assert word not in names, names


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("На сцене выступил ансамбль «Жетиген» из Тараза.", "Жетиген"),
        ("Премьера прошла в театре «Шабыт» при полном зале.", "Шабыт"),
        ("Гости собрались в кафе «Достархан» после матча.", "Достархан"),
    ],
)
def test_a_russian_name_after_the_kind_of_a_group_or_a_place_of_business_is_the_body(text: str, body: str) -> None:
    names = _names(text, "ru")
    assert names.get(body) == "ORG", names


def test_a_russian_club_and_a_bare_person_keep_their_types() -> None:
    """Negative cases: a club after its kind and a person named bare are left as they were."""
    names = _names("Игрок перешел в клуб «Кайрат», сообщил Ерлан Сапаров.", "ru")
    assert names.get("Кайрат") == "ORG", names
    assert names.get("Ерлан Сапаров") == "PERSON", names


def test_a_kazakh_title_written_again_alone_in_marks_is_no_entity() -> None:
    names = _names(
        "Биыл «Еуразия» кинофестиваліне отыз фильм келді. «Еуразия» қонақтарын Алматы қаласында қарсы алады.", "kk"
    )
    assert names.get("Еуразия") not in ("GPE", "LOC", "ORG", "PERSON"), names
    assert names.get("Алматы") == "GPE", names


def test_a_kazakh_dance_group_stays_a_group() -> None:
    """Negative case: a dance's word before a group's kind is no work («Алуа» би ансамблі)."""
    names = _names("Кеште «Ақжелең» би ансамблі өнер көрсетті.", "kk")
    assert names.get("Ақжелең") == "ORG", names


def test_a_russian_title_written_again_alone_in_marks_is_no_entity() -> None:
    names = _names(
        "В Алматы открылся кинофестиваль «Евразия». Гости «Евразии» увидят тридцать картин.", "ru"
    )
    assert "Евразия" not in names, names
    assert names.get("Алматы") == "GPE", names


def test_a_russian_outlet_in_marks_is_kept() -> None:
    """Negative case: a quoted name no kind of work stands before anywhere in the item is left alone."""
    names = _names("Об этом сообщает «Казинформ». Агентство «Казинформ» уточнило детали.", "ru")
    assert names.get("Казинформ") == "ORG", names
