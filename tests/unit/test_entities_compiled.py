"""The compiled entity modules (mypyc, and the C decoder): used only while current, and
finding what the sources find."""

from __future__ import annotations

import importlib.machinery
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worker.bench.hostile import FAMILIES
from worker.entities import extract_entities, features, implementation, ner, segment
from worker.entities import tokens as tokens_module
from worker.entities.compiled import MODULES, STAMP_NAME, _SourcesFirst, build_state, source_digest
from worker.entities.features import SentenceAttributes
from worker.entities.gazetteer import load_gazetteer
from worker.entities.tokens import Token, sentences, sentences_py
from worker.model import Entity

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
PACKAGE = ROOT / "worker" / "entities"


def _copy_sources(tmp: Path) -> Path:
    pkg = tmp / "entities"
    pkg.mkdir()
    for name in MODULES:
        shutil.copy(PACKAGE / f"{name}.py", pkg / f"{name}.py")
    return pkg


def test_build_state_follows_extensions_stamp_and_switch(tmp_path: Path) -> None:
    pkg = _copy_sources(tmp_path)
    assert build_state(pkg, environ={}) == "python"
    (pkg / f"ner{importlib.machinery.EXTENSION_SUFFIXES[0]}").write_bytes(b"")
    assert build_state(pkg, environ={}) == "stale"  # no stamp: built from unknown sources
    (pkg / STAMP_NAME).write_text(source_digest(pkg) + "\n", encoding="ascii")
    assert build_state(pkg, environ={}) == "compiled"
    assert build_state(pkg, environ={"NEWSWORKER_PURE_PYTHON": "1"}) == "disabled"
    assert build_state(pkg, environ={"NEWSWORKER_PURE_PYTHON": "0"}) == "compiled"
    with (pkg / "tokens.py").open("a", encoding="utf-8") as f:
        f.write("\n# edited after compiling\n")
    assert build_state(pkg, environ={}) == "stale"


def test_sources_finder_serves_only_the_compiled_modules(tmp_path: Path) -> None:
    pkg = _copy_sources(tmp_path)
    finder = _SourcesFirst(pkg)
    spec = finder.find_spec("worker.entities.ner", None)
    assert spec is not None and spec.origin == str(pkg / "ner.py")
    assert finder.find_spec("worker.entities.agents", None) is None
    assert finder.find_spec("worker.quotes.extract", None) is None
    assert finder.find_spec("ner", None) is None


def test_what_runs_is_what_the_build_state_says() -> None:
    state = build_state()
    expected = "compiled" if state == "compiled" else "python"
    assert implementation() == expected
    if os.environ.get("NEWSWORKER_EXPECT_COMPILED") == "1":
        # scripts/test.sh sets this where a C compiler is: the tests then run the compiled build
        assert implementation() == "compiled", f"compiled build expected, state is {state!r}"


def _corpus() -> list[tuple[dict[str, str], str]]:
    seed = (DATA / "seed_kk.txt").read_text(encoding="utf-8")
    items: list[tuple[dict[str, str], str]] = [({"title": seed.splitlines()[0], "body": seed}, "kk")]
    for line in (DATA / "quotes" / "cases.jsonl").read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        text = case.get("text") or case.get("body")
        if isinstance(text, str):
            items.append(({"body": text}, case.get("language", "kk")))
    for build in FAMILIES.values():
        items.append(({"body": build(4000)}, "kk"))
    return items


def _plain(entities: list[Entity]) -> list[object]:
    return [
        [e.entity_id, e.name, e.type, [list(m) for m in e.mentions], list(e.aliases), list(e.roles)]
        for e in entities
    ]


_SOURCES_RUN = """
import json, sys
from worker.entities import extract_entities, implementation
from tests.unit.test_entities_compiled import _corpus, _plain
assert implementation() == "python", implementation()
print(json.dumps([_plain(extract_entities(f, lang)) for f, lang in _corpus()], ensure_ascii=False))
"""


def test_compiled_and_sources_find_the_same_entities() -> None:
    corpus = _corpus()
    assert len(corpus) > 20
    here = [_plain(extract_entities(fields, lang)) for fields, lang in corpus]
    env = {**os.environ, "NEWSWORKER_PURE_PYTHON": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", _SOURCES_RUN], capture_output=True, text=True, cwd=ROOT, env=env, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    there = json.loads(proc.stdout)
    assert sum(len(entities) for entities in here) > 50
    for k, (a, b) in enumerate(zip(here, there, strict=True)):
        assert a == b, f"item {k}: {corpus[k][0]!r:.200}"


def _sentences() -> list[list[Token]]:
    out: list[list[Token]] = []
    for fields, lang in _corpus():
        if lang == "kk":
            for text in fields.values():
                out.extend(s for s in sentences(text) if 2 < len(s) <= 200)
    return out


def test_the_c_decoder_tags_as_python_crfsuite_does() -> None:
    tagger = ner.load_tagger()
    weights = ner._weights(tagger)
    if weights is None:
        assert build_state() != "compiled", "a current build without worker.entities._crf"
        assert os.environ.get("NEWSWORKER_EXPECT_COMPILED") != "1"
        return
    gaz = load_gazetteer()
    sents = _sentences()
    assert len(sents) > 30
    named = 0
    for tokens in sents:
        attrs = SentenceAttributes(tokens, gaz, gaz.match(tokens, "kk"), ner.model_attributes())
        n = len(tokens)
        for s, e in [(0, n), (0, min(n, 4)), (n // 2, n), (max(0, n - 3), n)]:
            expected = tagger.tag(attrs.of(s, e))
            assert ner._decode(tagger, weights, attrs, s, e) == expected, [t[0] for t in tokens[s:e]]
            named += sum(tag != "O" for tag in expected)
    assert named > 100  # the comparison covers names, not only O


def test_the_c_decoder_refuses_bad_input() -> None:
    weights = ner._weights(ner.load_tagger())
    if weights is None:
        assert os.environ.get("NEWSWORKER_EXPECT_COMPILED") != "1"
        return
    viterbi, n = weights.viterbi, len(weights.labels)
    assert viterbi(weights.state, weights.transitions, n, [], [0]) == []
    assert len(viterbi(weights.state, weights.transitions, n, [0, 1], [0, 1, 2])) == 2
    with pytest.raises(ValueError, match="out of range"):
        viterbi(weights.state, weights.transitions, n, [10**9], [0, 1])
    with pytest.raises(ValueError, match="starts"):
        viterbi(weights.state, weights.transitions, n, [0, 1], [0, 1])
    with pytest.raises(ValueError, match="starts"):
        viterbi(weights.state, weights.transitions, n, [0], [0, 2])
    with pytest.raises(ValueError, match="labels"):
        viterbi(weights.state, weights.transitions, n + 1, [0], [0, 1])


def test_a_packed_build_carries_what_its_stamp_covers() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data = config["tool"]["setuptools"]["package-data"]["worker.entities"]
    # a wheel without the C source would hash differently where installed, and run the sources
    assert {"*.so", STAMP_NAME, "*.c"} <= set(data)


_ODD = "".join(
    chr(c) for c in (0x00AD, 0x200B, 0x200D, 0x2060, 0xFEFF, 0x2019, 0x2026, 0x00A0, 0x3000, 0x1F600, 0x0301, 0x0660)
)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("Қаз ақ-'.\n!?«»_1" + _ODD), max_size=80) | st.text(max_size=80),
    st.integers(0, 90),
    st.integers(0, 90),
)
def test_the_c_tokenizer_cuts_as_the_python_one(text: str, pos: int, endpos: int) -> None:
    if tokens_module._NATIVE is None:
        assert os.environ.get("NEWSWORKER_EXPECT_COMPILED") != "1"
        return
    for a, b in ((0, len(text)), (pos, endpos)):
        native = tokens_module._NATIVE(text, a, b, Token)
        assert native == sentences_py(text, a, min(b, len(text)) if b >= a else a)
        assert all(type(tok) is Token for sent in native for tok in sent)


def test_the_c_tokenizer_on_news_and_hostile_input() -> None:
    if tokens_module._NATIVE is None:
        assert os.environ.get("NEWSWORKER_EXPECT_COMPILED") != "1"
        return
    texts = [text for fields, _ in _corpus() for text in fields.values()]
    texts += [build(30_000) for build in FAMILIES.values()]
    for text in texts:
        assert tokens_module._NATIVE(text, 0, len(text), Token) == sentences_py(text)


_KAZAKH_LETTERS = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБВГҒДЕЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЫІЭЮЯ"


def _model_tables() -> tuple[dict[str, int], features._IdTables]:
    ids = features.attribute_ids(ner.model_attributes())
    return ids, features._IdTables(ids)


def _as_built(word: str, ids: dict[str, int]) -> tuple[object, str, bool]:
    parts = features._word(word)
    return features._model_view(parts, ids)[2], parts[0][2][3:], "OP" in parts[0]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_KAZAKH_LETTERS + "abcXYZ0123456789=-?.«»'", min_size=1, max_size=16))
def test_a_words_ids_looked_up_are_the_ids_of_its_attribute_strings(word: str) -> None:
    ids, tables = _model_tables()
    assert features._word_ids(word, tables) == _as_built(word, ids)


def test_word_ids_on_news_words() -> None:
    ids, tables = _model_tables()
    words = {tok[0] for tokens in _sentences() for tok in tokens}
    words.update(["=", "w=", "rest=?", "?", "ЖШС", "АҚ", "Нұр-Сұлтан", "Тоқаевтың", "ҚР", "COVID-19"])
    assert len(words) > 500
    found = 0
    for word in words:
        got = features._word_ids(word, tables)
        assert got == _as_built(word, ids), word
        found += sum(map(len, got[0]))
    assert found > 8 * len(words)  # the comparison covers attributes the model weighs, not empty tuples


_LINE_ALPHABET = (
    _KAZAKH_LETTERS + "abcxyzABCXYZäğİıÑñŞşÉé0123456789 \t\u3000.,:;!?«»\"“”„()[]–—%/…№+*'’_-@#$€ϵ\u200b\ufffd😀"
)


def _plain_by_patterns(line: str) -> bool:
    return segment._ODD_CHAR.search(line) is None and segment._CASE_SHIFT.search(line) is None


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_LINE_ALPHABET, max_size=60) | st.text(max_size=30))
def test_plain_chars_answers_as_the_patterns_do(line: str) -> None:
    assert segment.plain_chars(line) == _plain_by_patterns(line)


def test_plain_chars_table_covers_every_character_the_patterns_allow() -> None:
    table = segment._char_table()
    beyond = [chr(c) for c in range(segment._TABLE_END, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    beyond += [chr(c) for c in range(0x10000, 0x110000, 97)]
    assert all(segment._ODD_CHAR.match(ch) for ch in beyond)
    assert sum(flag & 1 for flag in table) > 150  # letters, digits, whitespace and news punctuation
    for fields, _ in _corpus():
        for text in fields.values():
            for line in text.splitlines():
                assert segment.plain_chars(line) == _plain_by_patterns(line), line[:80]
