"""Russian places named after their kind: streets named after people, settlements the gazetteer does not know,
regions named by a noun rather than an adjective, numbered districts.  Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_street_named_after_a_person_is_a_street_not_the_person() -> None:
    found = _found("Вчера вечером на улице Кабанбай батыра столкнулись два автобуса.")
    assert found["улица Кабанбай батыра"].type in ("LOC", "GPE")
    assert not any(e.type == "PERSON" for e in found.values())


def test_streets_listed_after_one_kind_are_each_a_street() -> None:
    found = _found("Движение перекрыли на перекрёстке улиц Жамбыла и Сейфуллина до утра.")
    assert "улица Жамбыла" in found
    assert "улица Сейфуллина" in found
    assert "Жамбыл" not in found


def test_a_street_in_the_dative_keeps_its_kind_in_the_nominative() -> None:
    found = _found("Жильцы дома по проспекту Достык пожаловались на шум.")
    assert "проспект Достык" in found


def test_a_street_named_with_a_kazakh_honorific() -> None:
    found = _found("Пожар произошёл в кафе на улице Толе би в среду.")
    assert "улица Толе би" in found


def test_a_numbered_district_is_named_with_its_number() -> None:
    found = _found("Жители 4 дома в 11 микрорайоне остались без воды.")
    assert found["11 микрорайон"].type in ("LOC", "GPE")


def test_a_settlement_after_its_kind_stays_as_written() -> None:
    found = _found("Аким района побывал в посёлке Жанакурылыс и пообещал отремонтировать дорогу.")
    assert found["Жанакурылыс"].type in ("LOC", "GPE")


def test_settlements_listed_after_one_kind_in_the_nominative() -> None:
    found = _found("Газ провели в сёлах Каменка и Заречное этой осенью.")
    assert "Каменка" in found
    assert "Заречное" in found


def test_a_settlement_glued_to_its_short_kind() -> None:
    found = _found("Рассказал Ерлан Сагинов, житель с.Коктобе, что воды нет неделю.")
    assert "Коктобе" in found
    assert "Ерлан Сагинов" in found


def test_a_region_named_by_a_noun_keeps_its_kind() -> None:
    found = _found("Цены выросли сильнее всего в областях Жетісу и в области Улытау.")
    assert found["область Улытау"].type in ("LOC", "GPE")


def test_regions_named_by_nouns_in_a_list() -> None:
    found = _found("Отстают области Абай, Улытау и Павлодарская область.")
    assert "область Абай" in found
    assert "область Улытау" in found
    assert "Абай" not in found


def test_a_person_after_the_regions_kind_is_no_region() -> None:
    found = _found("Аким области Марат Султанов провёл приём граждан.")
    assert "Марат Султанов" in found
    assert not any(name.startswith("область") for name in found)


def test_the_country_after_the_regions_kind_is_no_region() -> None:
    found = _found("Все области Казахстана получили субсидии.")
    assert not any(name.startswith("область") for name in found)


def test_a_rural_district_is_named_with_its_kind_in_the_nominative() -> None:
    found = _found("Об этом сообщил аким Каменского сельского округа на встрече.")
    assert found["Каменский сельский округ"].type in ("LOC", "GPE")


def test_a_districts_adjective_without_its_noun_is_the_district() -> None:
    found = _found(
        "Паводок угрожает Иртышскому району. Пострадал и Щербактинский, а Железинского района вода не коснулась."
    )
    assert found["Щербактинский район"].type in ("LOC", "GPE")
    assert not any(e.type == "PERSON" for e in found.values())


def test_regions_adjectives_after_a_region_named_by_its_kind() -> None:
    found = _found("Больше всего выросли цены в области Жетысу, а также Костанайская и Жамбылская.")
    assert "Костанайская область" in found
    assert "Жамбылская область" in found


def test_a_lone_surname_in_an_item_without_districts_stays_a_person() -> None:
    found = _found("Интервью дал писатель Олжас Сулейменов. Позже к беседе присоединился Березовский.")
    assert not any(name.endswith("район") for name in found)


def test_a_preposition_opening_a_sentence_is_no_part_of_a_name() -> None:
    found = _found("Про Карабалыкский в отчёте не сказано ни слова, хотя Денисовский район упомянут.")
    assert "Про Карабалыкский" not in found


def test_a_capitalised_adjective_before_a_common_noun_is_no_place() -> None:
    found = _found("Поправки внесут в Налоговый кодекс, а в Гражданском кодексе изменят две статьи.")
    assert found == {}


def test_a_district_in_the_prepositional() -> None:
    found = _found("Он вырос в Уланском районе и работал в Бесобинском сельском округе.")
    assert "Уланский район" in found
    assert "Бесобинский сельский округ" in found


def test_a_regions_kind_after_its_adjective_opens_no_other_name() -> None:
    found = _found("Айгуль Серикова, Северо-Казахстанская область Музей – это не только экспонаты.")
    assert "Северо-Казахстанская область" in found
    assert not any(name.startswith("область") for name in found)


def test_a_village_named_like_a_person_before_its_district() -> None:
    found = _found("Вода подошла к домам в селе Жамбыл Талгарского района ночью.")
    assert found["Жамбыл"].type in ("GPE", "LOC")
    assert "Талгарский район" in found


def test_oil_and_gas_fields_are_places_whatever_their_names() -> None:
    found = _found("Компания ведёт бурение на месторождениях Кенбай, Ботахан и Сатпаев уже второй год.")
    assert {found[name].type for name in ("Кенбай", "Ботахан", "Сатпаев")} <= {"GPE", "LOC"}
