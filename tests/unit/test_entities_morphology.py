"""Kazakh nominative forms and lookup stems."""

from __future__ import annotations

import pytest

from worker.entities import canonicalize
from worker.entities.morphology import match_stem_kk, match_stem_ru, nominative_kk


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Қазақстанға", "Қазақстан"),
        ("Қазақстанның", "Қазақстан"),
        ("Қазақстанды", "Қазақстан"),
        ("Қазақстанда", "Қазақстан"),
        ("Қазақстаннан", "Қазақстан"),
        ("Қазақстандағы", "Қазақстан"),
        ("Тоқаевтың", "Тоқаев"),
        ("Тоқаевқа", "Тоқаев"),
        ("Мишустинді", "Мишустин"),
        ("Путиннің", "Путин"),
        ("Абайдың", "Абай"),
        ("Ресейдің", "Ресей"),
        ("Ресейде", "Ресей"),
        ("Көкшетауда", "Көкшетау"),
        ("Мәскеуде", "Мәскеу"),
        ("Семейде", "Семей"),
        ("Үкіметтің", "Үкімет"),
        ("Кеңестің", "Кеңес"),
        ("одақтың", "одақ"),
        ("одаққа", "одақ"),
        ("Федерациясымен", "Федерациясы"),
        ("облысының", "облысы"),
        ("облысында", "облысы"),
        ("Астанада", "Астана"),
        ("Алматыдан", "Алматы"),
        ("Бейжіңге", "Бейжің"),
        # loans Kazakh reads with front vowels: к after a back vowel, a consonant and у
        ("Бакуде", "Баку"),
        ("Бакуға", "Баку"),
        ("банкінің", "банкі"),
        ("Асанқызының", "Асанқызы"),
        # instrumental: -мен after vowels, sonorants and nasals, -бен after ж/з, -пен after the rest
        ("Ресеймен", "Ресей"),
        ("Қытаймен", "Қытай"),
        ("Мәскеумен", "Мәскеу"),
        ("Сеулмен", "Сеул"),
        ("Жапониямен", "Жапония"),
        ("Иранмен", "Иран"),
        ("Таразбен", "Тараз"),
        ("Лавровпен", "Лавров"),
        ("Шымкентпен", "Шымкент"),
        ("Ахмедпен", "Ахмед"),
        # a Russian soft sign is silent: the suffix follows the consonant before it
        ("Израильмен", "Израиль"),
        ("Израильдің", "Израиль"),
        ("Кремльде", "Кремль"),
    ],
)
def test_nominative(word: str, expected: str) -> None:
    assert nominative_kk(word) == expected


@pytest.mark.parametrize(
    "word", ["Астана", "Алматы", "Ресей", "Қазақстан", "Тоқаев", "Мишустин", "Путин", "Түркмен"]
)
def test_nominative_leaves_nominatives(word: str) -> None:
    assert nominative_kk(word) == word


@pytest.mark.parametrize(
    ("forms"),
    [
        ("Жайық", "Жайықтың", "Жайығы", "Жайығының", "Жайыққа"),  # ғ/қ alternation
        ("мектеп", "мектебі", "мектептің"),  # б/п
        ("Ақорда", "Ақордаға", "Ақордада", "Ақорданың"),
        ("Қарағанды", "Қарағандыда", "Қарағандының"),
        ("Түркістан", "Түркістанға", "Түркістандағы"),
        ("Еуропа", "Еуропаға", "Еуропаның", "Еуропадан"),
        ("Өскемен", "Өскеменде", "Өскеменге"),
    ],
)
def test_match_stem_groups_case_forms(forms: tuple[str, ...]) -> None:
    assert len({match_stem_kk(f) for f in forms}) == 1, [match_stem_kk(f) for f in forms]


def test_vowel_harmony_blocks_wrong_suffix() -> None:
    # front suffix on a back stem is not a suffix
    assert nominative_kk("Арманде") == "Арманде"
    assert nominative_kk("Арманда") == "Арман"


@pytest.mark.parametrize(
    ("forms"), [("Токаев", "Токаева", "Токаеву", "Токаевым"), ("Казахстан", "Казахстана", "Казахстане")]
)
def test_russian_stems(forms: tuple[str, ...]) -> None:
    assert len({match_stem_ru(f) for f in forms}) == 1


@pytest.mark.parametrize(
    ("surface", "type_", "expected"),
    [
        ("Алматы қаласында", "GPE", "Алматы"),
        ("Еуразиялық экономикалық одақтың", "ORG", "Еуразиялық экономикалық одақ"),
        ("Павлодар облысының", "GPE", "Павлодар облысы"),
        ("Тоқаевтың", "PERSON", "Қасым-Жомарт Тоқаев"),
        ("Ерболат Жұмабековтің", "PERSON", "Ерболат Жұмабеков"),
        ("Қазақстанды", "GPE", "Қазақстан"),
    ],
)
def test_canonicalize(surface: str, type_: str, expected: str) -> None:
    assert canonicalize(surface, type_, "kk") == expected


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("АҚШ-тың", "АҚШ"),
        ("АҚШ-қа", "АҚШ"),
        ("АҚШ-тағы", "АҚШ"),
        ("БҰҰ-ның", "БҰҰ"),
        ("ҚР-дың", "ҚР"),
        ("ТМД-ға", "ТМД"),
        ("ҰҚШҰ-ның", "ҰҚШҰ"),
        ("НАТО-мен", "НАТО"),
        ("ЕО-ның", "ЕО"),
        ("Google-дың", "Google"),
        ("Kia-сы", "Kia"),
        ("Samsung-тың", "Samsung"),
        ("BBC-ге", "BBC"),
        ("ЖШС-лары", "ЖШС"),
        ("ЖШС-ларының", "ЖШС"),
    ],
)
def test_a_kazakh_ending_after_a_hyphen_leaves_the_name(word: str, name: str) -> None:
    assert nominative_kk(word) == name
    assert match_stem_kk(word) == match_stem_kk(name)


@pytest.mark.parametrize(
    "word",
    ["Нұр-Сұлтан", "Қасым-Жомарт", "COVID-19", "2020-сыншы", "ЭКСПО-қалашығы", "Нью-Йорк", "Көктал-1", "ала-құла"],
)
def test_a_hyphen_inside_a_name_stays(word: str) -> None:
    assert nominative_kk(word) == word
    assert match_stem_kk(word).startswith(word.lower().split("-")[0])


@pytest.mark.parametrize(
    ("text", "name", "qid", "mention"),
    [
        ("Қазақстан мен АҚШ-тың арасындағы сауда өсті.", "АҚШ", "Q30", "АҚШ-тың"),
        ("Қазақстан БҰҰ-ның Қауіпсіздік Кеңесіне сайланды.", "БҰҰ", "Q1065", "БҰҰ-ның"),
        ("Ол Google-дың жаңа кеңсесін ашты.", "Google", "Q95", "Google-дың"),
    ],
)
def test_abbreviations_with_endings_are_found_with_their_ids(text: str, name: str, qid: str, mention: str) -> None:
    from worker.entities import extract_entities

    found = {e.name: e for e in extract_entities({"body": text}, "kk")}
    assert name in found, sorted(found)
    entity = found[name]
    assert entity.entity_id == qid
    assert [text[m.start : m.end] for m in entity.mentions] == [mention]


@pytest.mark.parametrize(
    ("word", "stem"),
    [("банкі", "банк"), ("банкінің", "банк"), ("паркіне", "парк"), ("Бакуде", "баку")],
)
def test_loans_take_front_endings(word: str, stem: str) -> None:
    assert match_stem_kk(word) == stem


def test_back_words_keep_back_endings() -> None:
    # a native back word never takes a front ending: Алматыде is not a form of Алматы
    assert match_stem_kk("Алматыде") == "алматыде"
    assert match_stem_kk("Астанаде") == "астанаде"


def test_a_kazakh_name_keeps_a_stem_of_three_letters_or_more() -> None:
    # аудан, күні end like an ablative and an accusative, but ау, кү are no stems of a name's word
    assert nominative_kk("аудан") == "аудан"
    assert nominative_kk("күні") == "күні"
    assert nominative_kk("Саға") == "Саға"
    assert nominative_kk("Алматыда") == "Алматы"
