"""A line repeated in an item is read once, and every copy still gets its own mentions."""

from __future__ import annotations

from worker.entities import extract_entities

LINE = "Қасым-Жомарт Тоқаев Астанада Сергей Лавровпен кездесті. Тоқаевтың айтуынша, келіссөздер сәтті өтті."
OTHER = "Павлодар облысының әкімі Асайын Байханов жаңа зауытты аралады."


def _by_name(fields: dict[str, str]) -> dict[str, list[tuple[str, int, int, str]]]:
    return {
        e.name: [(m.field, m.start, m.end, m.text) for m in e.mentions] for e in extract_entities(fields, "kk")
    }


def test_repeated_lines_give_every_copy_its_mentions() -> None:
    once = _by_name({"body": LINE})
    body = "\n".join([LINE, OTHER, LINE, "", LINE])
    thrice = _by_name({"body": body})
    shift = [0, len(LINE) + 1 + len(OTHER) + 1, 2 * (len(LINE) + 1) + len(OTHER) + 2]
    for name, mentions in once.items():
        expected = [(f, s + d, e + d, t) for d in shift for f, s, e, t in mentions]
        assert thrice[name] == expected
    for mentions in thrice.values():
        for _, start, end, text in mentions:
            assert body[start:end] == text


def test_a_line_repeated_across_fields_keeps_each_fields_offsets() -> None:
    found = _by_name({"title": OTHER, "body": "Кіріспе сөз.\n" + OTHER})
    person = next(v for k, v in found.items() if "Байханов" in k)
    fields = {f for f, *_ in person}
    assert fields == {"title", "body"}
    body_mention = next(m for m in person if m[0] == "body")
    assert body_mention[1] == len("Кіріспе сөз.\n") + OTHER.index("Асайын")


def test_a_long_run_on_line_is_cut_where_tokens_part_and_every_copy_is_found() -> None:
    unit = "Қасым-Жомарт Тоқаев Астанада Ресей басшысымен кездесті, "
    body = unit * 200  # 11 KB without a full stop: cut into chunks before tokenizing
    found = _by_name({"body": body})
    person = next(v for k, v in found.items() if k == "Қасым-Жомарт Тоқаев")
    assert [start for _, start, _, _ in person] == [k * len(unit) for k in range(200)]
    city = next(v for k, v in found.items() if k == "Астана")
    assert len(city) == 200
    for mentions in found.values():
        for _, start, end, text in mentions:
            assert body[start:end] == text
