"""Kazakh organisations as news names them: units of national services, bodies named after people or their
work, teams, institutions (sentences written for the tests)."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str, language: str = "kk") -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, language)}


# --------------------------------------------------------------------------- units of national services


def test_a_service_in_the_genitive_before_its_regional_department_is_that_department() -> None:
    text = "Сыбайлас жемқорлыққа қарсы қызметтің Павлодар облысы бойынша департаменті екі шенеунікті ұстады."
    found = _found(text)
    name = "Павлодар облысы бойынша Сыбайлас жемқорлыққа қарсы қызмет департаменті"
    assert found[name].type == "ORG", found
    assert "Павлодар облысы бойынша департаменті" not in found, found
    assert "Сыбайлас жемқорлыққа қарсы қызмет" not in found, found


def test_a_service_before_the_kind_of_its_unit_is_the_unit() -> None:
    found = _found("Сыбайлас жемқорлыққа қарсы қызмет департаменті басшысының орынбасары сөз сөйледі.")
    assert found["Сыбайлас жемқорлыққа қарсы қызмет департаменті"].type == "ORG", found


def test_a_unit_named_by_its_last_words_is_the_unit_named_in_full() -> None:
    text = (
        "Тексеруге ҚР ІІМ Кадр саясаты департаменті қатысты. "
        "Кадр саясаты департаментінің өкілдері есеп берді."
    )
    found = _found(text)
    assert "Кадр саясаты департаменті" not in found, found
    mentions = [m.text for m in found["ҚР ІІМ Кадр саясаты департаменті"].mentions]
    assert mentions == ["ҚР ІІМ Кадр саясаты департаменті", "Кадр саясаты департаментінің"], mentions


def test_a_short_name_two_bodies_end_with_stays_apart() -> None:
    text = (
        "Жиынға Алматы облысы полиция департаменті мен Жамбыл облысы полиция департаменті келді. "
        "Полиция департаменті мәлімдеме жасады."
    )
    found = _found(text)
    assert "Алматы облысы полиция департаменті" in found and "Жамбыл облысы полиция департаменті" in found, found
    assert len(found["Алматы облысы полиция департаменті"].mentions) == 1, found


# --------------------------------------------------------------------------- bodies named by their work


def test_a_capitalised_body_named_by_its_work_is_an_organisation() -> None:
    found = _found("Көшеттерді Жер қатынастары және сәулет басқармасы сатып алды.")
    assert found["Жер қатынастары және сәулет басқармасы"].type == "ORG", found
    found = _found("Тергеу департаменті бастығының орынбасары Ерік Сапаров сөйледі.")
    assert "Тергеу департаменті" not in found, found  # one word of work names no body
    found = _found("Экономикалық тергеу қызметі бастығының орынбасары Ерік Сапаров сөйледі.")
    assert found["Экономикалық тергеу қызметі"].type == "ORG", found


def test_a_lower_case_body_with_two_fields_of_work_is_an_organisation() -> None:
    found = _found("Бұл туралы облыс әкімдігінің мәдениет және тілдерді дамыту басқармасының басшысы айтты.")
    assert found["Мәдениет және тілдерді дамыту басқармасы"].type == "ORG", found


def test_a_lower_case_body_the_gazetteer_knows_is_that_body() -> None:
    found = _found("Депутаттар энергетика министрлігіне сауал жолдады.")
    assert found["Энергетика министрлігі"].type == "ORG", found


def test_a_known_lower_case_body_is_cut_from_the_outlet_before_it() -> None:
    found = _found("Бұл туралы Sputnik Қазақстан денсаулық сақтау министрлігіне сілтеме жасап жазды.")
    assert "Sputnik Қазақстан" in found, found
    assert found["Денсаулық сақтау министрлігі"].type == "ORG", found


def test_words_of_a_clause_or_a_level_before_a_body_are_no_name() -> None:
    found = _found("Сонымен қатар облыстық денсаулық сақтау басқармасы жаңа емхана салады.")
    assert not any(e.type == "ORG" for e in found.values()), found
    found = _found("Бұрын ауылдағы орта мектепте істеген полицей қызметінен кетті.")
    assert not any(e.type == "ORG" for e in found.values()), found


# --------------------------------------------------------------------------- national teams


def test_a_countrys_team_is_named_as_the_item_writes_it() -> None:
    found = _found("Әлем чемпионатында Жапония құрамасы үшінші орын алды.")
    assert found["Жапония құрамасы"].type == "ORG", found
    assert "Жапония ұлттық құрамасы" not in found, found


def test_a_team_with_and_without_national_is_one_team_under_the_fuller_name() -> None:
    found = _found("Жапония құрамасы жеңді. Жапония ұлттық құрамасының бапкері риза болды.")
    teams = [e for e in found.values() if e.type == "ORG"]
    assert [e.name for e in teams] == ["Жапония ұлттық құрамасы"], found
    assert len(teams[0].mentions) == 2


def test_a_womens_team_of_a_country_in_the_genitive_is_that_team() -> None:
    found = _found("Кеше Жапонияның әйелдер құрамасы елге оралды.")
    assert found["Жапония әйелдер құрамасы"].type == "ORG", found


def test_the_national_team_named_without_a_country_is_the_home_team() -> None:
    found = _found("Жарыста Ұлттық құраманың үш балуаны финалға шықты.")
    assert found["Ұлттық құрама"].type == "ORG", found
    found = _found("Ұлттық құраманың бапкері сөйледі. Қазақстан ұлттық құрамасы Бельгиямен тең ойнады.")
    assert "Ұлттық құрама" not in found, found
    assert len(found["Қазақстан ұлттық құрамасы"].mentions) == 2, found


# --------------------------------------------------------------------------- named after someone


def test_a_body_named_after_someone_is_one_organisation_and_no_person() -> None:
    found = _found("Оқушылар Ыбырай Алтынсарин атындағы № 12 гимназияда оқиды.")
    assert found["Ыбырай Алтынсарин атындағы № 12 гимназия"].type == "ORG", found
    assert "Ыбырай Алтынсарин" not in found, found


def test_a_district_named_after_someone_keeps_its_words() -> None:
    found = _found("Биыл Ж.Жабаев атындағы ауданның орталығында саябақ ашылды.")
    assert found["Ж.Жабаев атындағы аудан"].type in ("GPE", "LOC"), found
    assert not any(e.type == "PERSON" for e in found.values()), found


def test_villages_named_after_people_name_none_of_the_items_people() -> None:
    found = _found("Газ Ахмет Байтұрсынұлы, Мағжан Жұмабаев атындағы ауылдарына жетті.")
    assert not any(e.type == "PERSON" for e in found.values()), found


def test_an_event_named_after_someone_keeps_the_person() -> None:
    found = _found("Қаңтарда Қ.Сәтбаев атындағы халықаралық олимпиада өтті.")
    assert found["Қ.Сәтбаев"].type == "PERSON", found


# --------------------------------------------------------------------------- institutions


def test_a_quoted_house_of_culture_or_library_is_an_organisation_with_its_kind() -> None:
    found = _found("Ауылдық «Шұғыла» мәдениет үйінің әншілері мен «Шырақ» кітапханасының қызметкерлері келді.")
    assert found["Шұғыла мәдениет үйі"].type == "ORG", found
    assert found["Шырақ кітапханасы"].type == "ORG", found
    found = _found("Кеш «Бірлік» үйінде өтті.")
    assert found["Бірлік үйі"].type == "ORG", found


def test_a_house_with_other_words_between_is_no_body() -> None:
    found = _found("Отбасы «Арман» тұрғын үйіне көшті.")
    assert not any(e.type == "ORG" and "үйі" in e.name for e in found.values()), found


def test_a_museum_named_with_its_region_is_an_organisation() -> None:
    found = _found("Көрме Павлодар облыстық тарихи-өлкетану мұражайының мерейтойына арналды.")
    assert found["Павлодар облыстық тарихи-өлкетану мұражайы"].type == "ORG", found


def test_a_museum_in_the_genitive_after_a_quoted_title_is_no_body() -> None:
    found = _found("«Тарих және біз» атты халықаралық семинарда мұражайдың жұмысы талқыланды.")
    assert not any("мұражай" in name for name in found), found


def test_a_one_word_name_before_a_clinic_is_the_clinics() -> None:
    found = _found("Қызметкерлер Шипа емханасына барып, екпе алды.")
    assert found["Шипа емханасы"].type == "ORG", found
    assert "Шипа" not in found, found


def test_a_quoted_dance_ensemble_is_an_organisation() -> None:
    found = _found("Кеште “Көктем” би ансамблі өнер көрсетті.")
    assert found["Көктем"].type == "ORG", found
    found = _found("Әнші «Көктем» әнін орындады.")
    assert "Көктем" not in found, found


# --------------------------------------------------------------------------- bodies in titles, events


def test_a_known_chamber_in_its_speakers_title_is_named_too() -> None:
    found = _found("Отырысты Мәжіліс Төрағасы Ерлан Қошанов ашты.")
    assert found["Мәжіліс"].type == "ORG", found
    assert found["Ерлан Қошанов"].type == "PERSON", found


def test_the_government_hour_is_no_government() -> None:
    found = _found("Мәжілістегі Үкімет сағатында депутаттар министрге сұрақ қойды.")
    assert "Үкімет" not in found, found
    found = _found("Үкімет отырысында министр баяндама жасады.")
    assert found["Үкімет"].type == "ORG", found


# --------------------------------------------------------------------------- a body's things and units


def test_a_known_body_in_the_genitive_before_its_thing_is_the_body_alone() -> None:
    found = _found("Бұл туралы Орталық коммуникациялар қызметінің баспасөз залында министр айтты.")
    assert found["Орталық коммуникациялар қызметі"].type == "ORG", found
    assert not any("залы" in name for name in found), found


def test_a_ministrys_acronym_before_its_committee_is_one_body() -> None:
    found = _found("Бұл туралы ҚР ДСМ Санитариялық-эпидемиологиялық бақылау комитетінің төрағасы айтты.")
    assert found["ҚР ДСМ Санитариялық-эпидемиологиялық бақылау комитеті"].type == "ORG", found
    assert "ҚР ДСМ" not in found, found


def test_a_known_body_of_its_own_is_not_cut_before_its_words() -> None:
    found = _found("Экологиялық реттеу және бақылау комитетінің өкілі келді.")
    assert found["Экологиялық реттеу және бақылау комитеті"].type == "ORG", found


# --------------------------------------------------------------------------- press services, levels, parks


def test_a_press_service_in_the_genitive_names_its_body() -> None:
    found = _found("Қарасай аудандық сотының баспасөз қызметі үкімнің заңды күшіне енгенін хабарлады.")
    assert found["Қарасай аудандық соты"].type == "ORG", found
    assert not any("баспасөз" in name for name in found), found
    found = _found("Өскемен қаласы полиция басқармасының баспасөз қызметі жүргізушілерге ескерту жасады.")
    assert found["Өскемен қаласы полиция басқармасы"].type == "ORG", found
    assert not any("баспасөз" in name for name in found), found


def test_a_press_service_with_no_genitive_is_a_body_of_its_own() -> None:
    found = _found("Ақорда баспасөз қызметі кездесудің суреттерін жариялады.")
    assert found["Ақорда баспасөз қызметі"].type == "ORG", found


def test_a_place_its_level_and_a_court_are_one_body_even_opening_a_sentence() -> None:
    found = _found("Жамбыл облыстық соты сотталушының шағымын қанағаттандырмады.")
    assert found["Жамбыл облыстық соты"].type == "ORG", found
    found = _found("Павлодар облыстық мамандандырылған тергеу сотының шешімі өзгеріссіз қалды.")
    assert found["Павлодар облыстық мамандандырылған тергеу соты"].type == "ORG", found
    found = _found("Талапты Семей қаласының №2 аудандық соты қарады.")
    assert found["Семей қаласы №2 аудандық соты"].type == "ORG", found


def test_a_district_council_named_with_its_level_is_a_body() -> None:
    found = _found("Жаңақорған аудандық мәслихатының кезекті сессиясы өтті.")
    assert found["Жаңақорған аудандық мәслихаты"].type == "ORG", found


def test_a_national_park_is_a_body_not_its_place() -> None:
    found = _found("Баянауыл мемлекеттік ұлттық табиғи паркінің инспекторлары браконьерді ұстады.")
    assert found["Баянауыл мемлекеттік ұлттық табиғи паркі"].type == "ORG", found
    found = _found("Биыл Алтынемел ұлттық паркінде құландардың саны көбейді.")
    assert found["Алтынемел ұлттық паркі"].type == "ORG", found
    assert "Алтынемел" not in found, found


def test_a_level_with_no_place_before_it_names_no_body() -> None:
    found = _found("Науқас облыстық ауруханаға жеткізілді, ал балалар ұлттық паркке барды.")
    assert not any(e.type == "ORG" for e in found.values()), found


# --------------------------------------------------------------------------- acronyms of bodies


def test_a_bodys_acronym_no_one_knows_is_an_organisation() -> None:
    found = _found("Түнгі рейдке ЖПД қызметкерлері шықты.")
    assert found["ЖПД"].type == "ORG", found


def test_a_region_and_its_units_acronym_are_one_body() -> None:
    found = _found("Сөндіру жұмыстарына БҚО ТЖД құтқарушылары қатысты.")
    assert found["БҚО ТЖД"].type == "ORG", found
    assert "БҚО" not in found, found
    found = _found("Жетісу облысының ТЖД мамандары ескерту жасады.")
    assert found["Жетісу облысы ТЖД"].type == "ORG", found


def test_an_acronym_after_its_full_name_is_the_same_body() -> None:
    text = "Түркістан қалалық Полиция департаменті (ПД) мәлімдеме жасады. ПД өкілі жауап берді."
    found = _found(text)
    assert not any(name == "ПД" for name in found), found
    assert any(e.type == "ORG" and e.name.endswith("Полиция департаменті") for e in found.values()), found


def test_a_line_in_capitals_and_unit_acronyms_are_no_bodies() -> None:
    found = _found("ӘКІМ ҚҰТТЫҚТАУЫ\nАйыппұл 50 АЕК құрайды, ал ШОБ өкілдеріне жеңілдік бар.")
    assert not any(e.type == "ORG" for e in found.values()), found


# --------------------------------------------------------------------------- a unit named by its region alone


def test_a_unit_named_by_its_region_alone_is_the_region() -> None:
    text = "Бұл туралы салық комитетінің Жамбыл облысы бойынша департаменті мәлім етті."
    found = _found(text)
    assert found["Жамбыл облысы"].type == "GPE", found
    assert "Жамбыл облысы бойынша департаменті" not in found, found
    found = _found("Жаңа ережелерді Шымкент қаласы бойынша басқармасы түсіндірді.")
    assert "Шымкент қаласы бойынша басқармасы" not in found, found


# --------------------------------------------------------------------------- a place where something is, no name


def test_a_place_in_the_locative_ends_before_a_works_with_no_name() -> None:
    found = _found("Биыл Жамбыл облысының Байзақ ауданында жаңа цемент зауыты салынды.")
    assert found["Байзақ ауданы"].type in ("GPE", "LOC"), found
    assert not [name for name in found if "зауыт" in name], found


def test_a_regions_part_in_the_locative_is_none_of_a_bodys_name() -> None:
    found = _found("Жаңа аудан Ақмола облысы құрамында әкімшілік бірлік болып құрылды.")
    assert found["Ақмола облысы"].type in ("GPE", "LOC"), found
    assert not [e for e in found.values() if e.type == "ORG"], found


def test_a_town_as_an_attribute_before_a_street_is_a_place_of_its_own() -> None:
    found = _found("Өрт сөндірушілер Тараздағы Төле би көшесіндегі дүкенге жетті.")
    assert found["Төле би көшесі"].type in ("LOC", "FAC"), found
    assert not [name for name in found if name.startswith("Тараздағы")], found
