"""The Kazakh word lists the tagger reads: what they say of names and common words."""

from __future__ import annotations

import gzip

from worker.entities import features
from worker.entities.ner import model_attributes

DATA = features.Path(features.__file__).with_name("data")


def test_a_word_met_only_capitalised_reads_as_a_name() -> None:
    # surnames and places: capitalised wherever they stand in web text
    assert features._cased("Тоқаев", "тоқаев") == "T"
    assert features._cased("Қарағандының", "қарағандының") in ("T", "LT")
    # common words: in lower case, and capitalised too where a sentence starts with them
    assert features._cased("Бүгін", "бүгін") == "LT"
    assert features._cased("мектепке", "мектепке") in ("L", "LT")
    # a form no text has, and a token that is not a word
    assert features._cased("Щщщзгх", "щщщзгх") == "0"
    assert features._cased("«", "«") == ""
    assert features._cased("2024", "2024") == ""


def test_a_capitalised_common_word_is_marked_by_case() -> None:
    assert features._common_word("Мектеп", "мектеп", "мектеп") == "T"
    assert features._common_word("мектепке", "мектепке", features.match_stem_kk("мектепке")) == "l"
    assert features._common_word("Тоқаевтың", "тоқаевтың", "тоқаев") == ""


def test_word_features_carry_the_lexicons_for_the_word_and_its_neighbours() -> None:
    own, _m2, m1, p1, _p2 = features._word("Бүгін")
    assert "cwT" in own and "tc=LT" in own
    assert "-1cwT" in m1 and "-1tc=LT" in m1
    assert "+1cwT" in p1 and "+1tc=LT" in p1
    own, _m2, m1, _p1, _p2 = features._word("Тоқаевтың")
    assert "tc=T" in own and not any(x.startswith("cw") for x in own)


def test_the_model_weighs_the_lexicon_attributes() -> None:
    known = model_attributes()
    for attr in ("cwT", "cwl", "tc=T", "tc=L", "tc=LT", "tc=0", "-1tc=T", "+1tc=T", "-1cwT", "+1cwl"):
        assert attr in known, attr


def test_the_word_lists_are_large_sorted_and_credited() -> None:
    words = (DATA / "kk_words.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in words if line.startswith("#")]
    body = [line for line in words if not line.startswith("#")]
    assert any("Mozilla Public License" in line for line in header)
    assert len(body) > 50_000 and body == sorted(set(body)) and all(w == w.lower() for w in body)
    lines = gzip.decompress((DATA / "kk_cased.txt.gz").read_bytes()).decode("utf-8").splitlines()
    assert any("Apache License 2.0" in line for line in lines if line.startswith("#"))
    pairs = [line.split(" ") for line in lines if not line.startswith("#")]
    assert len(pairs) > 200_000
    assert {how for _form, how in pairs} == {"L", "T", "LT"}
    assert all(form == form.lower() for form, _how in pairs)


def _build_script():  # type: ignore[no-untyped-def]
    import importlib.util

    path = DATA.parents[2] / "scripts" / "build_kk_lexicons.py"
    spec = importlib.util.spec_from_file_location("build_kk_lexicons", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_reads_casings_and_headwords(tmp_path: features.Path) -> None:
    build = _build_script()
    got = build.casings(["алматы", "Алматы", "Тоқаев", "мектеп", "ҚАЗАҚСТАН", "ЕурАзЭҚ"])
    # all capitals and capitals inside say nothing about a form
    assert got == {"алматы": "LT", "тоқаев": "T", "мектеп": "L"}
    dic = tmp_path / "kk.dic"
    dic.write_text("\ufeff4\nмектеп/AB\nАбай/B\nаба\nмектеп\n", encoding="utf-8")
    assert build.headwords(dic) == ["аба", "мектеп"]


def test_head_nouns_tell_an_organisation_from_a_post_in_it() -> None:
    # Еуропалық Одақ ... ресми өкілі, Кеңес Одағының маршалы: the body is part of someone's post
    for post in ("өкілі", "маршалы", "мүшесі", "тілшісінің", "оқытушысы", "жаттықтырушысы"):
        assert features.head_class(post) == "TITLE", post
    for body in ("академиясында", "әкімдігімен", "комитетінің"):
        assert features.head_class(body) == "ORG", body
    assert features.head_class("облысының") == "GPE"
    assert features.head_class("жаңалықтар") == ""
