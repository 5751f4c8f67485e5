"""Error classes met on real news pages (issue 22), each with sentences written for the test."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.entities.gazetteer import load_gazetteer
from worker.model import Entity


def _found(text: str, language: str) -> dict[str, Entity]:
    return {e.name: e for e in extract_entities({"body": text}, language)}


# --------------------------------------------------------------------------- Kazakh letters


def test_a_known_kazakh_name_is_spelt_with_kazakh_letters() -> None:
    found = _found("Кеше кешке Жәнібек Әлімханұлы жаттығу залына оралды.", "kk")
    assert found["Жәнібек Әлімханұлы"].type == "PERSON"
    assert "Жанибек Әлімханұлы" not in found


def test_a_kazakh_name_is_not_cut_by_russian_endings() -> None:
    # Ақмола ends like a Russian genitive of Ақмол, a village of that name
    entry = load_gazetteer().lookup("Ақмола", "kk")
    assert entry is None or entry.name_in("kk") != "Ақмол"


def test_an_outlet_is_named_as_the_item_writes_it_with_one_id() -> None:
    latin = _found("Бұл жаңалықты Kazinform агенттігі таратты.", "kk")
    cyrillic = _found("Бұл жаңалықты ҚазАқпарат агенттігі таратты.", "kk")
    assert latin["Kazinform"].entity_id == cyrillic["ҚазАқпарат"].entity_id
