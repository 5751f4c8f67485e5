"""Russian organisations as the annotators name them: the Government and the Parliament with the country the page
writes after them, a department named with the body above it and the place it serves, the fields of a body listed
with commas or closed by an abbreviation, national teams left out, and common nouns written in capitals.
Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_the_government_keeps_the_abbreviation_of_the_country_after_it() -> None:
    found = _found("Стройку ведут по постановлению правительства РК, принятому весной.")
    assert "Правительство РК" in found
    assert found["Правительство РК"].type == "ORG"
    assert "Правительство" not in found
    assert "РК" not in found


def test_the_government_keeps_the_country_in_the_genitive() -> None:
    found = _found("Осенью правительство Казахстана утвердило план помощи аграриям.")
    assert "Правительство Казахстана" in found
    assert "Казахстан" not in found


def test_the_government_of_the_republic_keeps_its_full_form() -> None:
    found = _found("Тарифы меняются по решению Правительства Республики Казахстан от 3 марта.")
    assert "Правительство Республики Казахстан" in found


def test_the_parliament_keeps_the_country_and_the_government_alone_stays_short() -> None:
    found = _found("Парламент Казахстана закрыл сессию. Отчет правительства депутаты выслушали накануне.")
    assert "Парламент Казахстана" in found
    assert "Правительство" in found


def test_the_parliament_after_a_chamber_stays_the_parliament() -> None:
    found = _found("Закон одобрили депутаты Мажилиса Парламента РК в среду.")
    assert "Мажилис" in found
    assert "Парламент" in found
    assert "Парламент РК" not in found


def test_a_department_named_by_the_body_above_it_and_its_region() -> None:
    found = _found("Рейд провели вместе с Департаментом КНБ Туркестанской области.")
    assert "Департамент КНБ Туркестанской области" in found
    assert "КНБ Туркестанской области" not in found


def test_a_department_of_an_agency_by_region_after_po() -> None:
    found = _found("Как пояснили в Департаменте АФМ по Костанайской области, ущерб возмещен.")
    assert "Департамент АФМ по Костанайской области" in found


def test_a_department_whose_field_is_an_abbreviation() -> None:
    found = _found("В Департаменте по ЧС Павлодарской области рассказали о подтоплении.")
    assert "Департамент по ЧС Павлодарской области" in found
    assert found["Департамент по ЧС Павлодарской области"].type == "ORG"
    assert "Павлодарская область" not in found


def test_an_abbreviation_naming_the_department_itself_takes_no_kind_before_it() -> None:
    found = _found("Начальник департамента ДЧС Атырауской области провел брифинг.")
    assert not any(name.startswith("Департамент ДЧС") for name in found)


def test_the_fields_of_a_ministry_listed_with_commas() -> None:
    found = _found("Как считают в Министерстве экологии, геологии и природных ресурсов, выбросы упали.")
    assert "Министерство экологии, геологии и природных ресурсов" in found


def test_the_fields_of_a_department_listed_with_commas() -> None:
    found = _found("Выставку готовят в Управлении туризма, архивов и документации области.")
    assert "Управление туризма, архивов и документации" in found


def test_a_comma_closing_the_name_is_no_list() -> None:
    found = _found("В управлении образования, сообщили нам, прием продолжается.")
    assert "Управление образования" in found


def test_the_last_field_as_an_abbreviation_ends_the_name() -> None:
    found = _found("Глава управления энергетики и ЖКХ рассказал о подготовке к зиме.")
    assert "Управление энергетики и ЖКХ" in found
    assert "ЖКХ" not in found


def test_a_national_team_is_no_entity_and_its_country_a_place() -> None:
    found = _found("Сборная Казахстана уступила сборной Норвегии в Астане.")
    assert not any(name.startswith("Сборная") for name in found)
    assert found["Казахстан"].type in ("GPE", "LOC")
    assert "Норвегия" in found


def test_common_nouns_in_capitals_are_no_bodies() -> None:
    found = _found(
        "Штраф составит 20 МРП. На АЗС бензин АИ-92 подорожал. Вывоз ТБО сорван, на месте ЧП работали "
        "представители МИО, а ИИ помогает считать ВИЭ. Цены на СЗПТ стабильны."
    )
    assert not any(e.type == "ORG" for e in found.values())


def test_a_state_body_with_the_republic_before_its_field() -> None:
    found = _found("В Агентстве РК по финансовому мониторингу рассказали о новой схеме.")
    assert "Агентство РК по финансовому мониторингу" in found
    assert "РК" not in found


def test_a_state_body_with_the_republic_stops_before_a_second_body() -> None:
    found = _found("Проверку вели в Агентстве РК по противодействию коррупции и ведомстве по делам религий.")
    assert "Агентство РК по противодействию коррупции" in found


def test_villages_listed_after_the_genitive_plural_of_their_kind() -> None:
    found = _found("Ночью вывезли жителей сел Бестобе, Акжар и Каракемер, а из сёл Таскора и Жидели ушла вода.")
    for name in ("Бестобе", "Акжар", "Каракемер", "Таскора"):
        assert found[name].type in ("GPE", "LOC")


def test_the_verb_sel_before_a_name_is_no_village() -> None:
    found = _found("За руль сел Марат, а рядом сидел его брат.")
    assert not any(e.type in ("GPE", "LOC") for e in found.values())


def test_a_house_named_by_its_use_is_no_place() -> None:
    found = _found("Совещание провели в Доме дружбы, затем гости пошли в Дом культуры.")
    assert not any(e.type in ("GPE", "LOC") for e in found.values())


def test_a_news_agency_abbreviation_is_no_outlet_and_the_name_after_it_is() -> None:
    found = _found("Об этом сообщает ИА Степной-Курьер.")
    assert "ИА" not in found
    assert found["Степной-Курьер"].type == "ORG"


def test_an_akims_office_with_the_district_it_serves() -> None:
    found = _found("Задержание подтвердили в аппарате акима Жамбылского района.")
    assert "Аппарат акима Жамбылского района" in found
    assert "Жамбылский район" not in found


def test_an_akims_office_is_named_without_goroda_before_the_town() -> None:
    found = _found("Руководитель аппарата акима города Аксу ушел в отставку. В аппарате акима Аксу это подтвердили.")
    assert found["Аппарат акима Аксу"].type == "ORG"
    assert len([e for e in found.values() if e.type == "ORG"]) == 1


def test_a_field_against_something_ends_before_the_next_body() -> None:
    found = _found(
        "Драку пресекли сотрудники управления по борьбе с организованной преступностью и спецподразделения «Сункар»."
    )
    assert "Управление по борьбе с организованной преступностью" in found


def test_the_field_of_the_body_one_level_up_after_po() -> None:
    found = _found(
        "По данным Департамента агентства по делам государственной службы и противодействию коррупции, чиновника "
        "задержали."
    )
    assert "Департамент агентства по делам государственной службы и противодействию коррупции" in found


def test_a_phrase_after_po_is_no_field() -> None:
    found = _found("В управлении образования по итогам проверки уволили директора.")
    assert "Управление образования" in found


def test_a_town_adjective_with_a_soft_sign_before_its_hyphen_opens_a_body() -> None:
    found = _found("Председатель Усть-Каменогорского городского маслихата выступил с отчетом.")
    assert "Усть-Каменогорский городской маслихат" in found


def test_a_known_body_written_in_lower_case() -> None:
    found = _found("Брифинг прошел в службе центральных коммуникаций, а в службе охраны промолчали.")
    assert "Служба центральных коммуникаций" in found
    assert len(found) == 1


def test_a_known_body_in_lower_case_ends_with_its_known_name() -> None:
    found = _found("На брифинге в службе центральных коммуникаций журналисты спросили министра.")
    assert "Служба центральных коммуникаций" in found


def test_a_committee_abbreviation_before_its_ministry_is_one_body() -> None:
    found = _found("Об этом сообщили в пресс-службе КЧС МВД РК.")
    assert "КЧС МВД РК" in found
    assert "МВД РК" not in found
    assert "КЧС" not in found


def test_two_known_bodies_side_by_side_stay_apart() -> None:
    found = _found("Рейд провели КНБ МВД и прокуратура.")
    assert "КНБ" in found
    assert "МВД" in found


def test_a_village_named_by_an_adjective_and_a_noun_in_a_list() -> None:
    found = _found("Вывезли жителей сёл Малая Кривинка, Покровка и Ивановка.")
    for name in ("Малая Кривинка", "Покровка", "Ивановка"):
        assert found[name].type in ("GPE", "LOC")


def test_a_village_named_by_a_feminine_adjective_and_a_lower_case_noun() -> None:
    found = _found("В селе Белая речка Шетского района подтопило дома.")
    assert "Белая речка" in found
    assert "Белая" not in found


def test_streets_counted_by_a_number_are_no_place() -> None:
    found = _found("Ремонт пройдет по 12 улицам, а на 5 улицах его уже закончили.")
    assert not any(e.type in ("GPE", "LOC") for e in found.values())


def test_a_kind_of_body_as_a_system_or_a_holiday_is_no_body() -> None:
    found = _found("В органах прокуратуры Казахстана служат тысячи людей. Ветеранов поздравили с Днем полиции РК.")
    assert not any(e.type == "ORG" for e in found.values())


def test_the_republic_after_a_ministers_post_is_part_of_the_post() -> None:
    found = _found("Об этом сказал исполняющий обязанности министра энергетики РК Алмас Садыков.")
    assert "РК" not in found
    assert "Казахстан" not in found


def test_a_masculine_kind_in_the_plural_names_no_body() -> None:
    found = _found("На прием пришли департаменты полиции и юстиции, а комитеты министерства прислали письма.")
    assert not any(e.type == "ORG" for e in found.values())


def test_a_river_after_its_kind_is_a_place() -> None:
    found = _found("Из-за подъема воды в реке Сарыбулак эвакуировали жителей, а у реки Карасу построили дамбу.")
    assert found["Сарыбулак"].type in ("GPE", "LOC")
    assert found["Карасу"].type in ("GPE", "LOC")


def test_microdistricts_listed_after_the_plural_kind() -> None:
    found = _found("Дома строят в микрорайонах Самгау и Жулдыз, а в 5 микрорайонах чинят дороги.")
    assert "микрорайон Самгау" in found
    assert "микрорайон Жулдыз" in found
    assert len(found) == 2
