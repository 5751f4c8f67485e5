"""Russian bodies named by their kind and what they deal with: in lower case (в министерстве финансов,
руководитель управления культуры), with a capitalised kind (Департамента юстиции), with the place they serve
(акиматом Жамбылской области), with the body they belong to, and the state's sole bodies in lower case.
Sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.model import Entity


def _found(text: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, "ru")}


def test_a_ministry_in_lower_case_with_its_field() -> None:
    found = _found("Как пояснили в министерстве сельского хозяйства, субсидии выплатят до конца месяца.")
    assert found["Министерство сельского хозяйства"].type == "ORG"


def test_a_verb_after_a_lower_case_body_is_no_part_of_its_name() -> None:
    found = _found("В министерстве пояснили, что проверка продолжается.")
    assert not any(name.lower().startswith("министерство") for name in found)


def test_an_adverb_after_a_capitalised_kind_is_no_complement() -> None:
    found = _found("Комитет решительно отверг обвинения журналистов.")
    assert not any(e.type == "ORG" for e in found.values())


def test_a_department_in_lower_case_with_two_fields() -> None:
    found = _found("Об этом сообщили в управлении земельных отношений и городского планирования.")
    assert "Управление земельных отношений и городского планирования" in found


def test_two_bodies_joined_by_and_stay_two() -> None:
    found = _found("Совещание провели сотрудники министерства финансов и министерства юстиции.")
    assert "Министерство финансов" in found
    assert "Министерство юстиции" in found


def test_the_level_written_before_a_department_is_no_part_of_its_name() -> None:
    found = _found("Глава городского управления пассажирского транспорта ушёл в отставку.")
    assert "Управление пассажирского транспорта" in found


def test_a_capitalised_kind_with_its_complement() -> None:
    found = _found("Данные предоставил Департаментом юстиции, а проверку провёл Центр судебных экспертиз.")
    assert found["Департамент юстиции"].type == "ORG"
    assert found["Центр судебных экспертиз"].type == "ORG"


def test_capitalised_adjectives_open_a_body_of_a_lower_case_kind() -> None:
    found = _found("Спектакль показали на сцене Национального музея искусств в субботу.")
    assert found["Национальный музей искусств"].type == "ORG"


def test_an_akimat_with_its_region_is_one_body() -> None:
    found = _found("Фермеры подписали договор с акиматом Жамбылской области в понедельник.")
    assert found["Акимат Жамбылской области"].type == "ORG"
    assert "Жамбылская область" not in found


def test_a_prosecutors_office_with_its_town_is_one_body() -> None:
    found = _found("Нарушения выявила прокуратура Шиели во время проверки.")
    assert found["Прокуратура Шиели"].type == "ORG"


def test_a_court_opened_by_a_capitalised_adjective_keeps_it() -> None:
    found = _found("Алмалинский районный суд Алматы отклонил иск компании.")
    assert "Алмалинский районный суд Алматы" in found


def test_a_court_of_a_town_named_with_its_kind() -> None:
    found = _found("Вчера Межрайонный суд города Кентау вынес решение.")
    assert "Межрайонный суд города Кентау" in found


def test_a_body_with_the_body_it_belongs_to() -> None:
    found = _found("Об этом рассказал глава Комитета по делам спорта и физической культуры Министерства туризма.")
    assert "Комитет по делам спорта и физической культуры Министерства туризма" in found or any(
        name.endswith("Министерства туризма") for name in found
    )


def test_the_guard_with_its_ministry_is_one_body() -> None:
    found = _found("На помощь жителям пришли военнослужащие Национальной гвардии МВД РК.")
    assert found["Национальная гвардия МВД РК"].type == "ORG"


def test_the_states_sole_bodies_in_lower_case() -> None:
    found = _found("Законопроект обсудили в мажилисе, а затем на заседании правительства и в сенате.")
    for name in ("Мажилис", "Правительство", "Сенат"):
        assert found[name].type == "ORG", name


def test_a_foreign_government_in_lower_case_is_not_the_home_one() -> None:
    found = _found("Соглашение одобрило правительство Турции на прошлой неделе.")
    assert "Правительство" not in found


def test_a_body_named_after_a_person_keeps_the_name() -> None:
    found = _found("Концерт прошёл в университете имени Сатпаева в Алматы.")
    assert not any(e.type == "PERSON" for e in found.values())


def test_what_a_kind_manages_in_the_instrumental_is_no_body() -> None:
    found = _found("Эксперты обсудили вопросы управления земельными ресурсами страны.")
    assert not any(e.type == "ORG" for e in found.values())


def test_a_capitalised_body_ends_with_the_city_it_serves() -> None:
    found = _found("Тендер объявило Управление пассажирского транспорта города Шымкента.")
    assert "Управление пассажирского транспорта города Шымкента" in found


def test_a_department_for_a_region_ends_with_the_region() -> None:
    found = _found("Проверку провёл Департамент государственных доходов по Костанайской области.")
    assert "Департамент государственных доходов по Костанайской области" in found


def test_a_capitalised_akimat_with_its_town() -> None:
    found = _found("Акимат Кентау сообщил о ремонте дорог.")
    assert found["Акимат Кентау"].type == "ORG"
