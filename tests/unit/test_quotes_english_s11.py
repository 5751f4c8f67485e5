"""English quote recall (s11-enq): attributions after a quote whose subject runs long, and bodies that speak
through their press service or a statement. Invented sentences of the shapes seen on English pages."""

from __future__ import annotations

from worker.quotes.scan import scan_field


def _spans(text: str) -> list[str]:
    return [text[c.start : c.end] for c in scan_field(text, False)]


def test_long_post_before_said() -> None:
    text = (
        "Officials met on Monday.\n\n\u201cThe games will bring thousands of guests to our small town,\u201d"
        " Deputy Head of the Tourism Department of the Akmola Region Serik Nurlanov said on Monday."
    )
    cands = scan_field(text, False)
    assert [text[c.start : c.end] for c in cands] == ["The games will bring thousands of guests to our small town"]
    assert cands[0].speaker_span is not None
    assert text[slice(*cands[0].speaker_span)].endswith("Serik Nurlanov")


def test_quoted_as_saying_names_the_speaker() -> None:
    text = 'Officials met.\n\n"Exports of grain have doubled this year," the agency quoted Arman Kassymov as saying.'
    cands = scan_field(text, False)
    assert len(cands) == 1 and cands[0].speaker_span is not None
    assert text[slice(*cands[0].speaker_span)] == "Arman Kassymov"


def test_outlet_reported_is_no_attribution() -> None:
    text = (
        'A school opens.\n\n"Construction of the school will start in May,"'
        " the Northern Steppe Daily News weekly of Kostanay reported."
    )
    assert _spans(text) == []


def test_clause_inside_subject_is_no_attribution() -> None:
    text = (
        'Plans.\n\n"A Future for the Steppe,"'
        " the program which the Ministry of Ecology of Kazakhstan presented on Friday said."
    )
    assert _spans(text) == []


def test_dash_paragraph_with_its_own_attribution() -> None:
    text = (
        "The President met the governors.\n\nThe head of state spoke about the winter.\n\n"
        "- The heating season is near. Every boiler must be ready by October, Arman Sadykov said.\n"
    )
    cands = scan_field(text, False)
    assert [text[c.start : c.end] for c in cands] == [
        "The heating season is near. Every boiler must be ready by October"
    ]
    assert cands[0].speaker_span is not None and text[slice(*cands[0].speaker_span)] == "Arman Sadykov"


def test_partial_quote_ending_the_sentence() -> None:
    text = (
        "The treaty was signed.\n\nThe Senate said in a press release the treaty will"
        " \u201cclose every open question on the border between the two countries.\u201d\n"
    )
    cands = scan_field(text, False)
    assert [text[c.start : c.end] for c in cands] == [
        "close every open question on the border between the two countries."
    ]


def test_short_or_running_partial_is_no_quote() -> None:
    text = (
        "Plans.\n\nShe said the \u201cclean steppe for our children\u201d campaign went well, a \u201cgreat\u201d one."
    )
    assert _spans(text) == []
