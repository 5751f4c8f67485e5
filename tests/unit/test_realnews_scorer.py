"""The real-news scorer's pure parts (scripts/realnews.py), on texts written for these tests."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def rn() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realnews", ROOT / "scripts" / "realnews.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["realnews"] = module
    spec.loader.exec_module(module)
    return module


def test_token_f1_is_symmetric_and_case_blind(rn: ModuleType) -> None:
    assert rn.token_f1("Жол салынады.", "жол салынады") == 1.0
    assert rn.token_f1("бір екі үш төрт", "бір екі") == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert rn.token_f1("бір екі", "бір екі үш төрт") == rn.token_f1("бір екі үш төрт", "бір екі")
    assert rn.token_f1("алма", "алмұрт") == 0.0
    assert rn.token_f1("", "алма") == 0.0


def test_matching_is_one_to_one_best_overlap_first(rn: ModuleType) -> None:
    gold = ["біз жаңа мектеп саламыз биыл", "мектеп биыл ашылады"]
    # the first prediction overlaps both gold quotes; it must go to the closer one
    predicted = ["біз жаңа мектеп саламыз биыл", "мектеп биыл ашылады деді"]
    pairs = rn.match_quotes(gold, predicted)
    assert [(g, p) for g, p, _ in pairs] == [(0, 0), (1, 1)]
    # one prediction cannot match two gold quotes
    pairs = rn.match_quotes(["а б в г", "а б в г"], ["а б в г"])
    assert [(g, p) for g, p, _ in pairs] == [(0, 0)]


def test_matching_threshold(rn: ModuleType) -> None:
    # 7 of 10 gold tokens, nothing extra: F1 = 2*1*0.7/1.7 = 0.82 -> a match
    gold = "бір екі үш төрт бес алты жеті сегіз тоғыз он"
    assert rn.match_quotes([gold], ["бір екі үш төрт бес алты жеті"])
    # 3 of 10: F1 = 0.46 -> no match
    assert rn.match_quotes([gold], ["бір екі үш"]) == []


def test_name_normalisation(rn: ModuleType) -> None:
    assert rn.normalise_name("Қасым-Жомарт Тоқаев") == rn.normalise_name("қасым жомарт  тоқаев")
    assert rn.normalise_name("Пётр Семёнов") == rn.normalise_name("Петр Семенов")
    assert rn.normalise_name(" «Ақ жол» ") == "ақ жол"
    assert rn.normalise_name("Aliya Galimova.") == "aliya galimova"
    assert rn.normalise_name("Ерлан Қарин") != rn.normalise_name("Ерлан Қаринов")
    # a foreign name written with and without its diacritics is one name; Cyrillic letters keep theirs
    assert rn.normalise_name("Mevlüt Çavuşoğlu") == rn.normalise_name("Mevlut Cavusoglu")
    assert rn.normalise_name("Ерлан Сейітқазы") != rn.normalise_name("Ерлан Сеитказы")
    assert rn.normalise_name("Айдос Сарым") != rn.normalise_name("Аидос Сарым")


def test_speaker_match_null_and_names(rn: ModuleType) -> None:
    assert rn.speaker_matches(None, None)
    assert not rn.speaker_matches(None, "Айгүл Сейтова")
    assert not rn.speaker_matches("Айгүл Сейтова", None)
    assert rn.speaker_matches("Айгүл Сейтова", "айгүл сейтова")


def test_sentence_cut(rn: ModuleType) -> None:
    assert rn.prepare_text("Бірінші сөйлем.\r\nЕкінші сөйлем! Үшінші сөйле") == "Бірінші сөйлем.\nЕкінші сөйлем!"
    # closing marks right after the sentence end stay
    assert rn.prepare_text("Ол: «Келеміз.» Сосын ол кет") == "Ол: «Келеміз.»"
    assert rn.prepare_text('He said "yes!") and then') == 'He said "yes!")'
    assert rn.prepare_text("Бәрі бітті…  \n\n") == "Бәрі бітті…"
    assert rn.prepare_text("Сұрақ па? ") == "Сұрақ па?"
    assert rn.prepare_text("нүктесіз мәтін") == ""


def test_split_rule(rn: ModuleType) -> None:
    urls = [f"https://example.kz/news/{n}" for n in range(300)]
    parts = [rn.round1_part(u) for u in urls]
    for url, part in zip(urls, parts, strict=True):
        held = int(hashlib.sha256(url.encode()).hexdigest()[:8], 16) % 3 == 0
        assert part == ("r1-heldout" if held else "r1-tune")
    assert 70 < parts.count("r1-heldout") < 130
    # every round-1 page tunes now; the held-out round is held out whatever its URL
    assert rn.split_of({"url": urls[0]}) == "tune"
    assert rn.split_of({"url": urls[0], "round": 1}) == "tune"
    assert rn.split_of({"url": urls[0], "round": rn.HELDOUT_ROUND}) == "heldout"
    old = {"url": urls[parts.index("r1-heldout")], "round": 1}
    assert rn.in_split(old, "r1-heldout") and rn.in_split(old, "tune") and not rn.in_split(old, "heldout")
    new = {"url": urls[parts.index("r1-heldout")], "round": rn.HELDOUT_ROUND}
    assert rn.in_split(new, "heldout") and not rn.in_split(new, "r1-heldout") and rn.in_split(new, "all")
    # an earlier held-out round tunes once it was scored, and keeps a split of its own
    spent = {"url": urls[0], "round": 2}
    assert rn.in_split(spent, "tune") and rn.in_split(spent, "r2") and not rn.in_split(spent, "heldout")
    third = {"url": urls[0], "round": 3}
    assert rn.in_split(third, "tune") and rn.in_split(third, "r3") and not rn.in_split(third, "r2")
    assert not rn.in_split(spent, "r3")
    fourth = {"url": urls[0], "round": 4}
    assert rn.in_split(fourth, "tune") and rn.in_split(fourth, "r4") and not rn.in_split(fourth, "heldout")


def test_topic_top_level(rn: ModuleType) -> None:
    parents = {"medtop:11000000": None, "medtop:20000587": "medtop:11000000", "medtop:99999999": "medtop:20000587"}
    assert rn.top_level("medtop:20000587", parents) == "medtop:11000000"
    assert rn.top_level("medtop:99999999", parents) == "medtop:11000000"
    assert rn.top_level("medtop:11000000", parents) == "medtop:11000000"
    # the program's own table: every code reaches one of the 17 top-level codes
    table = rn.load_parents()
    assert {rn.top_level(code, table) for code in table} <= set(rn.TOP_CODES)


def test_entity_keys_map_program_types(rn: ModuleType) -> None:
    program = [
        {"name": "Астана", "type": "GPE"},
        {"name": "Ақорда", "type": "FAC"},
        {"name": "Мәжіліс", "type": "ORG"},
        {"name": "Наурыз", "type": "EVENT"},
    ]
    assert rn.entity_keys(program, program=True) == {("астана", "LOC"), ("мәжіліс", "ORG")}


def test_check_page_reports_offsets_and_checksums(rn: ModuleType) -> None:
    text = "– Жұмыс жалғасады, – деді Арман Бекұлы."
    good = {
        "id": "t-01",
        "url": "https://example.kz/a",
        "site": "example.kz",
        "language": "kk",
        "sha256": rn.sha256_hex(text),
        "chars": len(text),
        "topics": ["medtop:11000000"],
        "quotes": [{"start": 2, "end": 17, "text": "Жұмыс жалғасады", "speaker": "Арман Бекұлы"}],
        "entities": [{"name": "Арман Бекұлы", "type": "PERSON"}],
    }
    problems, warnings = rn.check_page(good, (text, rn.sha256_hex(text)))
    assert problems == [] and warnings == []
    bad = {**good, "quotes": [{**good["quotes"][0], "start": 3}], "topics": ["medtop:11"]}
    problems, _ = rn.check_page(bad, (text + " Тағы.", rn.sha256_hex(text + " Тағы.")))
    joined = " | ".join(problems)
    assert "sha256 mismatch" in joined and "text[3:17]" in joined and "unknown topic code" in joined
    problems, _ = rn.check_page(good, None)
    assert problems == ["missing text in the cache"]


def _one_page(rn: ModuleType, folder: Path, text: str, **extra: object) -> dict[str, object]:
    page = {
        "id": "t-02",
        "url": "https://example.kz/news/zhol-salynady-123",
        "site": "example.kz",
        "language": "kk",
        "sha256": rn.sha256_hex(text),
        "chars": len(text),
        "topics": ["medtop:14000000"],
        "quotes": [],
        "entities": [{"name": "Арман Бекұлы", "type": "PERSON"}, {"name": "Түркістан", "type": "LOC"}],
        **extra,
    }
    (folder / "set.jsonl").write_text(rn.orjson.dumps(page).decode() + "\n", "utf-8")
    return page


def test_search_hint_takes_the_first_quote_names_and_a_slug_for_pages_without_quotes(rn: ModuleType) -> None:
    with_quote = {
        "url": "https://example.kz/1",
        "quotes": [{"text": "бір екі үш төрт бес алты жеті сегіз тоғыз он он бір он екі он үш он төрт"}],
        "entities": [{"name": "Арман Бекұлы"}, {"name": "Түркістан"}],
    }
    assert rn.search_hint(with_quote, words=4) == "бір екі үш төрт Арман Бекұлы Түркістан"
    without = {"url": "https://example.kz/news/zhol-salynady-123.html", "quotes": [], "entities": [{"name": "Арман"}]}
    assert rn.search_hint(without) == "Арман zhol salynady"


def test_refill_caches_only_the_annotated_text(
    rn: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = "Жол салынады. Арман Бекұлы Түркістанда болды. Қалғаны кесіл"
    text = rn.prepare_text(raw)
    annotations, cache = tmp_path / "ann", tmp_path / "cache"
    annotations.mkdir()
    _one_page(rn, annotations, text)
    monkeypatch.setenv("NEWSWORKER_REALNEWS_CACHE", str(cache))

    assert rn.main(["--annotations", str(annotations), "missing"]) == 0
    listed = [rn.orjson.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in listed] == ["t-02"]

    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw.replace("болды", "барды").encode())))
    assert rn.main(["--annotations", str(annotations), "refill", "--id", "t-02"]) == 1
    assert not (cache / "t-02.txt").exists()

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw.encode())))
    assert rn.main(["--annotations", str(annotations), "refill", "--id", "t-02"]) == 0
    assert (cache / "t-02.txt").read_text("utf-8") == text
    capsys.readouterr()
    assert rn.main(["--annotations", str(annotations), "missing"]) == 0
    assert capsys.readouterr().out == ""
    assert rn.main(["--annotations", str(annotations), "check", "--id-prefix", "t-02"]) == 0
