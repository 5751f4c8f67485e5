"""The committed CRF model loads and tags; unknown names are found."""

from __future__ import annotations

from worker.entities import extract_entities
from worker.entities.gazetteer import load_gazetteer
from worker.entities.ner import MODEL_PATH, load_tagger
from worker.entities.tokens import tokenize


def test_model_is_committed_and_tags() -> None:
    assert MODEL_PATH.exists()
    tagger = load_tagger()
    from worker.entities.features import sentence_features
    from worker.entities.gazetteer import load_gazetteer

    tokens = tokenize("Бүгін Ерболат Жұмабеков Павлодар облысының әкімімен кездесті .")
    tags = tagger.tag(sentence_features(tokens, load_gazetteer()))
    assert len(tags) == len(tokens)
    # PERSON is learnt with IOB2 labels, places and organisations with BILOU (L- ends a name)
    assert tags[1] == "B-PERSON" and tags[2] == "I-PERSON"
    assert tags[3] == "B-GPE" and tags[4] == "L-GPE"


def test_unknown_kazakh_names_are_found() -> None:
    text = "Кеше Ерболат Жұмабеков Сарыөзек ауылында тұрғындармен кездесті. Жұмабековтің айтуынша, жол салынады."
    entities = extract_entities({"body": text}, "kk")
    by_name = {e.name: e for e in entities}
    assert "Ерболат Жұмабеков" in by_name, by_name.keys()
    person = by_name["Ерболат Жұмабеков"]
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Ерболат Жұмабеков", "Жұмабековтің"]
    assert any(e.type in ("GPE", "LOC") and e.name.startswith("Сарыөзек") for e in entities)


def test_title_field_and_body_field() -> None:
    entities = extract_entities({"title": "Тоқаев Астанада", "body": "Тоқаев Алматыға барды."}, "kk")
    known = load_gazetteer().lookup("Қасым-Жомарт Тоқаев", "kk")
    assert known is not None
    # the known person, named as the item names him
    tokayev = next(e for e in entities if e.entity_id == known.entity_id)
    assert tokayev.name == "Тоқаев"
    assert [m.field for m in tokayev.mentions] == ["title", "body"]


def test_organisation_context_features() -> None:
    from worker.entities.features import sentence_features
    from worker.entities.gazetteer import load_gazetteer

    tokens = tokenize("Кеше « Көктем Ойл » әуекомпаниясының өкілі АҚ « Жаңа Жол » туралы айтты .")
    feats = sentence_features(tokens, load_gazetteer())
    # a quoted name sees the head noun after it, also inside a compound (әуе+компания)
    assert "qah=ORG" in feats[2] and "qah=ORG" in feats[3]
    assert "qF" in feats[2] and "qL" in feats[3]
    assert "ishead=ORG" in feats[5]
    # a legal-form abbreviation before the quotes
    assert "qbOP" in feats[9] and "OP" in feats[7]


def test_a_one_word_person_named_as_a_club_elsewhere_in_the_item_is_the_club() -> None:
    from worker.quotes import extract_quotes

    title = "Бүгін Қайрат жеңді"
    assert [(e.type, e.name) for e in extract_entities({"title": title}, "kk")] == [("PERSON", "Қайрат")]
    fields = {"title": title, "body": "Алматылық «Қайрат» футбол клубы жеңді.\n– Бұл біздің жеңіс, – деді бапкер."}
    entities = extract_entities(fields, "kk")
    kairat = [(e.type, [m.field for m in e.mentions]) for e in entities if e.name == "Қайрат"]
    assert kairat == [("ORG", ["title", "body"])]
    # the coach is not named: the quote has no speaker entity (before, the headline's "person" Қайрат)
    quotes = extract_quotes(fields, "kk", entities)
    assert [q.speaker.entity_id if q.speaker else None for q in quotes] == [None]


def test_an_initial_glued_to_a_surname_is_a_person() -> None:
    text = (
        "ҚР Президенті Қ.Тоқаев келді. А.Смағұловтың айтуынша, жұмыс аяқталды. "
        "Асқар Смағұлов келді. Б.Смағұлов кетті."
    )
    by_name = {e.name: e for e in extract_entities({"body": text}, "kk")}
    # the gazetteer's person, with the title, named as the item names him
    known = load_gazetteer().lookup("Қасым-Жомарт Тоқаев", "kk")
    assert known is not None and by_name["Қ.Тоқаев"].entity_id == known.entity_id
    assert [m.text for m in by_name["Қ.Тоқаев"].mentions] == ["ҚР Президенті", "Қ.Тоқаев"]
    # an unknown one joins the full name with that initial, and only that one
    assert [m.text for m in by_name["Асқар Смағұлов"].mentions] == ["А.Смағұловтың", "Асқар Смағұлов"]
    assert by_name["Б.Смағұлов"].type == "PERSON"
    english = {e.name for e in extract_entities({"body": "President K.Tokayev arrived."}, "en")}
    assert "K.Tokayev" in english


def test_the_kind_of_body_after_its_quoted_name_is_no_second_name() -> None:
    text = "Форумға «Самұрық-Қазына» ұлттық әл-ауқат қорының басшылары қатысты."
    assert [e.name for e in extract_entities({"body": text}, "kk") if e.type == "ORG"] == ["Самұрық-Қазына"]
