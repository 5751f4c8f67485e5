"""How the entity layer writes a person's name (s12): a woman's surname alone told by her verb, an initialled
surname the item writes in full, a locative after a full name with a first name the lists lack, two surnames
side by side; invented sentences."""

from __future__ import annotations

from worker.entities.extract import extract_entities
from worker.entities.naming import _acronyms_only
from worker.entities.rules_en import _en_body_before_name
from worker.entities.spans import _given_name_shaped, _two_surnames


def _people(text: str, language: str) -> dict[str, list[str]]:
    return {
        e.name: [m.text for m in e.mentions] for e in extract_entities({"text": text}, language) if e.type == "PERSON"
    }


def test_womans_surname_alone_by_her_verb_keeps_the_full_name_a_womans() -> None:
    text = "В комиссии работает Гульназ Тлеубердиева. «Решение принято», – уточнила Тлеубердиева."
    assert "Гульназ Тлеубердиева" in _people(text, "ru")
    text = "В комиссии работает Гульназ Тлеубердиева. Тлеубердиева уточнила, что решение принято."
    assert "Гульназ Тлеубердиева" in _people(text, "ru")


def test_mans_genitive_stays_a_mans_without_a_womans_verb() -> None:
    text = "Отчёт Ерасыла Тлеубердиева прочитали. Тлеубердиев сказал, что отчёт готов."
    assert "Ерасыл Тлеубердиев" in _people(text, "ru")


def test_another_woman_of_the_same_surname_leaves_a_mans_genitive_alone() -> None:
    text = "Отчёт Ерасыла Тлеубердиева прочитала Гульназ Тлеубердиева. Тлеубердиева улыбнулась."
    people = _people(text, "ru")
    assert "Ерасыл Тлеубердиев" in people
    assert "Гульназ Тлеубердиева" in people


def test_initialled_surname_joins_the_full_name_the_item_writes() -> None:
    text = "Кеңеске аудан әкімі Бауыржан Жанболды келді. Аудан әкімі Б.Жанболды баяндама жасады."
    people = _people(text, "kk")
    assert list(people) == ["Бауыржан Жанболды"]
    assert "Б.Жанболды" in people["Бауыржан Жанболды"]


def test_initialled_surname_of_another_initial_stays_apart() -> None:
    text = "Кеңеске аудан әкімі Бауыржан Жанболды келді. Аудан әкімі С.Жанболды баяндама жасады."
    assert "Бауыржан Жанболды" in _people(text, "kk")
    assert len(_people(text, "kk")) == 2


def test_locative_after_a_full_name_whose_first_name_is_unlisted() -> None:
    text = "Учаскелік инспектор Бекзатхан Сапаров Көктөбеде үш жылдан бері жұмыс істейді."
    assert list(_people(text, "kk")) == ["Бекзатхан Сапаров"]


def test_given_name_shape() -> None:
    assert _given_name_shaped("Бекзатхан", "kk")
    assert not _given_name_shaped("Сапаров", "kk")
    assert not _given_name_shaped("Көктөбеде", "kk")


def test_two_surnames_side_by_side_are_two_people() -> None:
    text = "Ресми өкіл Анна Петрова сөйледі. Кездесуде Петрова Смирновтың сөзін сынады."
    people = _people(text, "kk")
    assert "Анна Петрова" in people
    assert not any(len(name.split()) == 2 and "Смирнов" in name for name in people)
    assert _two_surnames("Петрова", "Смирновтың")
    assert _two_surnames("Ковалёва", "Волконский")


def test_surname_and_first_name_stay_one_name() -> None:
    assert not _two_surnames("Иванова", "Ольга")
    assert not _two_surnames("Тоқаев", "Қасым-Жомарт")
    assert "Ольга Иванова" in _people("Жиынға Иванова Ольга қатысты.", "kk")


def test_name_made_of_a_past_verb_keeps_its_ending() -> None:
    assert "Бауыржан Аманберді" in _people("Кеңеске Бауыржан Аманберді келді.", "kk")
    assert "Ербол Тасқалды" in _people("Жиынды Ербол Тасқалды ашты.", "kk")
    # the accusative of a first name the lists know still goes
    assert "Нұрлан Ербол" in _people("Біз Нұрлан Ерболды марапаттадық.", "kk")


def test_first_name_in_yn_before_a_surname_is_no_surname() -> None:
    assert not _two_surnames("Алтын", "Сейітова")
    assert not _two_surnames("Жасмин", "Ахметова")


def test_english_body_before_its_officials_name_is_no_part_of_it() -> None:
    text = "The Chinese Vice Premier of the State Council Wang Qishan met the minister."
    assert "Wang Qishan" in _people(text, "en")
    assert _en_body_before_name(["State", "Council", "Wang", "Qishan"]) == 2
    assert _en_body_before_name(["Halyk", "Bank", "Group", "Holdings"]) == 0


def test_english_landform_or_road_is_no_person() -> None:
    assert _people("Tourists travel far to see the famous Aksu Valley of stones and Boszhira Mountain.", "en") == {}
    assert _people("The Nurly Zhol programme was discussed at length.", "en") == {}


def test_unit_acronyms_after_a_post_are_no_person() -> None:
    assert list(_people("«Мы справились», – сказал командир ОМОН ДП Ерлан Сапаров.", "ru")) == ["Ерлан Сапаров"]
    assert _acronyms_only(("СОБР", "ДП"), "ru")
    assert not _acronyms_only(("Ерлан", "ДП"), "ru")


def test_first_name_spelt_like_a_places_stem_opens_a_name() -> None:
    text = "Об этом рассказал профессор Алмат Жуманов. «Всё хорошо», – сказал Жуманов."
    assert list(_people(text, "ru")) == ["Алмат Жуманов"]
    assert "Алматы" in [e.name for e in extract_entities({"text": "Делегация из Алматы прибыла."}, "ru")]
