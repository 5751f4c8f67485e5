"""Span clean-up rules of the Kazakh detector (chosen by cross-validation on KazNERD train+dev)."""

from __future__ import annotations

import pytest

from worker.entities import ner
from worker.entities.gazetteer import load_gazetteer
from worker.entities.kaznerd import to_iob2
from worker.entities.ner import (
    _body_of_place,
    _crf_spans,
    _end_at_genitive,
    _no_lone_common_noun,
    _no_roman_person,
    _person_without_post,
    _place_and_its_body,
    _quoted_is_no_person,
    _split_on_gazetteer,
    _trim_quotes,
    _windows,
    names_a_people,
)
from worker.entities.tokens import tokenize


def test_a_quoted_name_or_a_name_before_a_body_is_not_a_person() -> None:
    tokens = tokenize("« Қайрат » жеңді , Қайрат футбол клубы , Қайрат Нұрланұлы , Тоқаев әкімшілігі")
    spans = [(1, 2, "PERSON"), (5, 6, "PERSON"), (9, 11, "PERSON"), (12, 13, "PERSON")]
    # KazNERD has no quoted person name; a one-word name, a kind of body and its head name the body;
    # a name right before a head may own it (Тоқаев әкімшілігі)
    expected = [(1, 2, "ORG"), (5, 6, "ORG"), (9, 11, "PERSON"), (12, 13, "PERSON")]
    assert _quoted_is_no_person(tokens, spans, []) == expected


def test_unpaired_quote_mark_is_not_part_of_a_name() -> None:
    tokens = tokenize("« Астана Моторс » зауыт салады , « Хабар » агенттігі")
    assert _trim_quotes(tokens, [(0, 3, "ORG")], []) == [(1, 3, "ORG")]
    # paired quotes stay (KazNERD keeps them inside some names)
    assert _trim_quotes(tokens, [(0, 4, "ORG")], []) == [(0, 4, "ORG")]
    assert _trim_quotes(tokens, [(2, 4, "ORG")], []) == [(2, 3, "ORG")]
    assert _trim_quotes(tokens, [(7, 8, "ORG")], []) == [(7, 8, "ORG")]


def test_a_places_own_body_is_not_split() -> None:
    gaz = load_gazetteer()
    tokens = tokenize("Чехия Үкіметі шешім қабылдады , Тоқаевтың Мәскеуге сапары")
    matches = gaz.match(tokens, "kk")
    starting = {m.start: k for k, m in enumerate(matches)}
    assert [(m.start, m.end, m.entry.type) for m in matches][:2] == [(0, 1, "GPE"), (1, 2, "ORG")]
    # Чехия Үкіметі is the Czech government, not Czechia plus the Kazakh one
    assert _split_on_gazetteer(tokens, [(0, 2, "ORG")], matches, starting) == [(0, 2, "ORG")]
    # two names the CRF ran together are still split
    assert _split_on_gazetteer(tokens, [(5, 7, "PERSON")], matches, starting) == [(5, 6, "PERSON"), (6, 7, "GPE")]


def test_a_known_person_is_split_from_an_unknown_place_after_it() -> None:
    gaz = load_gazetteer()
    # Тасарық is a village the gazetteer lacks
    tokens = tokenize("Қасым-Жомарт Тоқаев Тасарықта тұрғындармен кездесті , Мұрат Нұртілеу Тасарық")
    matches = gaz.match(tokens, "kk")
    starting = {m.start: k for k, m in enumerate(matches)}
    assert _split_on_gazetteer(tokens, [(0, 3, "PERSON")], matches, starting) == [(0, 2, "PERSON"), (2, 3, "GPE")]
    # without a place's case ending the CRF's longer name stands
    assert _split_on_gazetteer(tokens, [(6, 9, "PERSON")], matches, starting) == [(6, 9, "PERSON")]


def test_crf_spans_and_windows() -> None:
    tags = ["O", "B-PERSON", "I-PERSON", "I-GPE", "B-POSITION", "O", "I-ORGANISATION"]
    assert _crf_spans(tags) == [(1, 3, "PERSON"), (3, 4, "GPE"), (6, 7, "ORG")]
    # BILOU: L- closes a name, U- is one on its own; read as kaznerd.to_iob2 reads them
    bilou = ["B-GPE", "I-GPE", "L-GPE", "I-GPE", "U-ORGANISATION", "L-ORGANISATION", "O", "B-GPE", "U-GPE"]
    expected = [(0, 3, "GPE"), (3, 4, "GPE"), (4, 5, "ORG"), (5, 6, "ORG"), (7, 8, "GPE"), (8, 9, "GPE")]
    assert _crf_spans(bilou) == expected
    assert _crf_spans(bilou) == _crf_spans(to_iob2(bilou))
    text = "Бұл жолы Ерболат Жұмабеков ауылда болды және тұрғындармен кездесті , бұл туралы кеше кешке sputnik жазды"
    tokens = tokenize(text)
    # the sentence-initial Бұл opens no window; Ерболат and Жұмабеков do, and so does a Latin word
    assert _windows(tokens) == [(1, 6), (13, 16)]
    assert _windows(tokenize("Бұл туралы кеше айтылды")) == []


def test_windows_reach_a_head_noun_close_ahead() -> None:
    tokens = tokenize("Кеше Алматы қалалық ішкі істер басқармасы мен әкімдік мәлімдеме жасады")
    heads = ["", "", "", "", "", "ORG", "", "", "", ""]
    assert _windows(tokens) == [(0, 4)]
    # the head five words on is tagged with the name, and the word after it
    assert _windows(tokens, heads) == [(0, 7)]
    far = ["", "", "", "", "", "", "", "", "ORG", ""]
    assert _windows(tokens, far) == [(0, 4)]


def test_words_for_peoples_open_windows() -> None:
    for word in ("қазақтар", "қазақстандықтар", "ақтөбелік", "өзбектермен", "ресейлік"):
        assert names_a_people(word), word
    for word in ("қазанда", "қалалық", "ауылдық", "мемлекеттік", "ресми"):
        assert not names_a_people(word), word
    tokens = tokenize("биыл жеті мың қазақстандық шетелге барды")
    assert _windows(tokens) == [(2, 6)]
    assert _windows(tokenize("жүзден астам ақтөбелік марапатталды")) == [(1, 4)]
    assert _windows(tokenize("жүзден астам ресейлік марапатталды")) == [(1, 4)]
    assert _windows(tokenize("жүзден астам мемлекеттік мекеме")) == []


def test_a_window_grows_while_its_last_word_is_inside_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tagger:
        """Tags every word from the first capital on as one organisation, as far as it is asked."""

        def __init__(self) -> None:
            self.asked: list[int] = []

        def tag(self, attrs: list[list[bytes]]) -> list[str]:
            self.asked.append(len(attrs))
            return ["O", "B-ORGANISATION"] + ["I-ORGANISATION"] * (len(attrs) - 2)

    ner.model_attributes()  # read from the real model before it is swapped
    tagger = Tagger()
    monkeypatch.setattr(ner, "load_tagger", lambda: tagger)
    tokens = tokenize("Кеше Ақтөбе облыстық тұрғын үй коммуналдық шаруашылық жөндеу бақылау жұмыстары жүрді")
    n = len(tokens)
    tags = ner._tag(tokens, [])
    # the window (0, 4) grew by 4, then reached the sentence's end
    assert n == 11
    assert tagger.asked == [4, 8, n]
    assert tags == ["O", "B-ORGANISATION"] + ["I-ORGANISATION"] * (n - 2)


def test_a_person_does_not_start_with_a_roman_numeral() -> None:
    tokens = tokenize("XVII Аймақаралық форумы және Людовик XIV")
    spans = [(0, 2, "PERSON"), (4, 6, "PERSON")]
    # the regnal number after a name stays
    assert _no_roman_person(tokens, spans, []) == [(4, 6, "PERSON")]
    assert _no_roman_person(tokens, [(0, 3, "EVENT")], []) == [(0, 3, "EVENT")]


def test_an_organisation_in_the_genitive_ends_there() -> None:
    tokens = tokenize("Ұлттық банктің базасына кірді , Алматы қаласының әкімдігі")
    # what follows the genitive is what the bank owns
    assert _end_at_genitive(tokens, [(0, 3, "ORG")], []) == [(0, 2, "ORG")]
    # unless a head noun comes: the city's akimat is one organisation
    assert _end_at_genitive(tokens, [(5, 8, "ORG")], []) == [(5, 8, "ORG")]
    assert _end_at_genitive(tokens, [(0, 3, "EVENT")], []) == [(0, 3, "EVENT")]


def test_a_place_and_its_body_are_one_organisation() -> None:
    tokens = tokenize("Чехия Үкіметі мен Чехия Тоқаев")
    assert _place_and_its_body(tokens, [(0, 1, "GPE"), (1, 2, "ORG"), (3, 4, "GPE"), (4, 5, "ORG")], []) == [
        (0, 2, "ORG"),
        (3, 4, "GPE"),
        (4, 5, "ORG"),
    ]


def test_a_place_and_its_akimat_are_one_organisation() -> None:
    tokens = tokenize(
        "Қызылорда облысы әкімдігі , Өскемен қаласының әкімдігімен , Германия компаниясы , Алматыда әкімдік"
    )
    spans = [(0, 2, "GPE"), (4, 5, "GPE"), (8, 9, "GPE"), (11, 12, "GPE")]
    assert _body_of_place(tokens, spans, []) == [
        (0, 3, "ORG"),
        # a city's span is its name alone, so қаласының comes between
        (4, 7, "ORG"),
        # a company is no body every place has: Германия stays a place
        (8, 9, "GPE"),
        (11, 12, "GPE"),
    ]


def test_a_window_does_not_open_inside_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    class Tagger:
        """Tags its first token, context only, as the inside of an organisation."""

        def tag(self, attrs: list[list[bytes]]) -> list[str]:
            return ["I-ORGANISATION", "L-ORGANISATION"] + ["O"] * (len(attrs) - 2)

    ner.model_attributes()  # read from the real model before it is swapped
    monkeypatch.setattr(ner, "load_tagger", lambda: Tagger())
    tokens = tokenize("бар , ( аа ) Ssangyong-ы бар")
    tags = ner._tag(tokens, [])
    # the window opens on ")" before the Latin name: that token is O, the name a name of one word
    assert tags[4:6] == ["O", "U-ORGANISATION"]
    assert _crf_spans(tags) == [(5, 6, "ORG")]


def test_a_known_organisation_tagged_as_an_event_is_the_organisation(monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = tokenize("Себебі « Нұр Отан » мемлекеттік басқару жүйесі үшін құрылым")
    n = len(tokens)
    monkeypatch.setattr(ner, "_tag", lambda toks, matches: ["O", "B-EVENT", "I-EVENT", "I-EVENT"] + ["O"] * (n - 4))
    spans = ner.detect_kk(tokens)
    assert [(sp.start, sp.end, sp.type) for sp in spans] == [(2, 4, "ORG")]
    assert spans[0].entry is not None and spans[0].entry.names["kk"] == "Нұр Отан"


def test_a_quoted_name_before_another_kind_of_head_is_no_organisation() -> None:
    tokens = tokenize(
        "« Еңбек » бағдарламасы , « Иллюзион » кинотеатрында , « Сұңқар » тұрғын үй кешені , « Kaspi » банкі ,"
        " « Астана-1 » ақпараттық жүйесі"
    )
    spans = [(1, 2, "ORG"), (6, 7, "ORG"), (11, 12, "ORG"), (18, 19, "ORG"), (23, 24, "ORG")]
    assert ner._quoted_before_other_head(tokens, spans, []) == [
        # a programme is no class the detector returns
        (6, 7, "FAC"),
        (11, 12, "FAC"),
        # before an organisation's head it stays one
        (18, 19, "ORG"),
        # one lower-case word may come between (a product is not returned either)
    ]


def test_a_sea_is_named_with_its_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = tokenize("Құстар Жерорта теңізінен ұшып келді , Алматы қаласында қонды")
    n = len(tokens)
    tags = ["O"] * n
    tags[1] = "U-LOCATION"
    tags[6] = "U-GPE"
    monkeypatch.setattr(ner, "_tag", lambda toks, matches: tags)
    spans = [(sp.start, sp.end, sp.type) for sp in ner.detect_kk(tokens)]
    # the gazetteer's sea runs on over its kind; a city's span stays its name alone
    assert spans == [(1, 3, "LOC"), (6, 7, "GPE")]


def test_a_place_before_a_facilitys_head_names_the_facility() -> None:
    tokens = tokenize("Тегеран әуежайы , Семей ядролық полигонын , Ақтау қаласының әкімі , Алматыда жаңа стадионы")
    spans = [(0, 1, "GPE"), (3, 4, "GPE"), (7, 8, "GPE"), (11, 12, "GPE")]
    assert ner._place_in_a_facility(tokens, spans, []) == [
        (0, 2, "FAC"),
        (3, 6, "FAC"),
        # another kind of head comes first: the place stays
        (7, 8, "GPE"),
        (11, 12, "GPE"),
    ]


def test_one_lower_case_word_is_no_name() -> None:
    tokens = tokenize("Тұңғыш Президент қоры аясында , қазақ тілі")
    # a people's word (NORP) is lower case in Kazakh and stays
    assert _no_lone_common_noun(tokens, [(2, 3, "ORG"), (5, 6, "NORP")], []) == [(5, 6, "NORP")]


def test_a_first_name_before_a_comma_opening_a_sentence_is_a_person() -> None:
    gaz = load_gazetteer()
    for text, expected in (
        ("Мөлдір , сөз кезегі өзіңде .", [(0, 1, "PERSON")]),
        # a word the gazetteer knows as a place stays for the gazetteer
        ("Астана , бүгін бәрі дайын .", []),
        ("Мысалы , бұл жоба .", []),
    ):
        tokens = tokenize(text)
        assert ner._addressed_by_name(tokens, [], gaz.match(tokens, "kk")) == expected, text


def test_a_body_named_with_an_office_in_it_is_part_of_the_office() -> None:
    tokens = tokenize(
        "Кеңес Одағының маршалы Климент Ворошилов , Мәжіліс депутаттары , Ұлттық университетінің түлегі ,"
        " Сайлау комиссиясының мүшесі Ләззат Сүлеймен"
    )
    spans = [(0, 2, "ORG"), (3, 5, "PERSON"), (6, 7, "ORG"), (9, 11, "ORG"), (13, 15, "ORG"), (16, 18, "PERSON")]
    expected = [(3, 5, "PERSON"), (6, 7, "ORG"), (9, 11, "ORG"), (16, 18, "PERSON")]
    assert ner._body_in_a_post(tokens, spans, []) == expected


def test_a_post_is_no_part_of_a_persons_name() -> None:
    tokens = tokenize("Президенті Қ.Тоқаев келді , Президенті жанында")
    spans = [(0, 2, "PERSON"), (4, 5, "PERSON")]
    assert _person_without_post(tokens, spans, []) == [(1, 2, "PERSON"), (4, 5, "PERSON")]
    # only a person's span loses the post
    assert _person_without_post(tokens, [(0, 2, "ORG")], []) == [(0, 2, "ORG")]


def test_the_span_rules_apply_in_their_order() -> None:
    names = [name for name, _rule, _kaznerd_only in ner.SPAN_RULES]
    assert names[:4] == ["trim_quotes", "person_without_post", "no_lone_common_noun", "no_roman_person"]
    assert len(set(names)) == len(names)
    # the KazNERD-only rules do not run in the product's mode
    only = {name for name, _rule, kaznerd_only in ner.SPAN_RULES if kaznerd_only}
    assert only == {"body_in_a_post", "place_in_a_facility"}
    tokens = tokenize("Тегеран әуежайы")
    assert ner.apply_span_rules(tokens, [(0, 1, "GPE")], [], inside_titles=False) == [(0, 2, "FAC")]
    assert ner.apply_span_rules(tokens, [(0, 1, "GPE")], [], inside_titles=True) == [(0, 1, "GPE")]
