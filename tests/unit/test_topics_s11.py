"""Topics (session 11): officials' posts, economic sectors, school olympiads and the weight of the lead.

Every text here is invented; each case failed before the change it covers, and the negative cases hold
the shapes that must not move.
"""

from __future__ import annotations

import pytest

from worker.topics import extract
from worker.topics.extract import classify_topics

ECONOMY = "medtop:04000000"
EDUCATION = "medtop:05000000"
ENVIRONMENT = "medtop:06000000"
POLITICS = "medtop:11000000"
SOCIETY = "medtop:14000000"
SPORT = "medtop:15000000"


def _first(body: str, language: str) -> str | None:
    topics = classify_topics({"body": body}, language, [])
    return topics[0].code if topics else None


# Each case: (language, invented body, expected first topic).
CASES = [
    # An official's post or a "head" says who speaks, not what the page is about.
    pytest.param(
        "kk",
        "Өңір басшысы жаңа әуежай терминалын аралады. Мемлекет басшысының тапсырмасымен салынған "
        "терминал жылына миллион жолаушы қабылдайды. Әуекомпания жаңа рейстер ашатынын айтты, "
        "ұшақтар саны да көбейеді. Аудан басшысы мен облыс әкімі мемлекеттік бағдарлама туралы айтты.",
        ECONOMY,
        id="kk-airport-with-officials-is-economy",
    ),
    pytest.param(
        "ru",
        "Министр энергетики проверил заправки столицы. Глава ведомства заявил, что бензина и дизельного "
        "топлива хватит до весны. На АЗС проверили запасы ГСМ, министр поговорил с водителями, "
        "а глава государства поручил следить за поставками.",
        ECONOMY,
        id="ru-fuel-with-a-minister-is-economy",
    ),
    # A ministry's or the government's name alone says little of politics (English as in Kazakh and Russian).
    pytest.param(
        "en",
        "At the Government session chaired by the Prime Minister, the Minister of Ecology presented a plan "
        "to protect forests and wildlife. The ministry will create a new reserve for endangered species, the "
        "minister said. The government approved the plan.",
        ENVIRONMENT,
        id="en-environment-plan-at-government-session",
    ),
    # A community's daily life: drinking water, asphalt, streets, sewerage.
    pytest.param(
        "kk",
        "Ауылға таза ауыз су келді. Ауыл тұрғындары ұзақ жылдар бойы ауыз су тасып ішкен. Жаңа құбыр "
        "тартылып, көшелерге асфальт төселді. Жұмысқа облыстық бюджеттен қаржы бөлінді, мердігер жұмысты "
        "уақытында аяқтады.",
        SOCIETY,
        id="kk-village-drinking-water-is-society",
    ),
    pytest.param(
        "ru",
        "Жители микрорайона жалуются на разбитый асфальт и канализацию. Асфальт во дворах не ремонтировали "
        "десять лет, канализация переполнена. Подрядчик обещает начать строительство летом, на это выделят "
        "бюджет.",
        SOCIETY,
        id="ru-yards-asphalt-sewerage-is-society",
    ),
    # A school olympiad is education; the Olympic Games stay sport.
    pytest.param(
        "kk",
        "Облыс оқушылары халықаралық пәндік олимпиадада он медаль жеңіп алды. Олимпиадаға физика, "
        "химия пәндерінен оқушылар қатысты. Алтын медаль мен күміс медаль иегерлері мектепке оралды.",
        EDUCATION,
        id="kk-school-olympiad-is-education",
    ),
    pytest.param(
        "en",
        "Schoolchildren from the region won twelve medals at the international olympiad in chemistry. "
        "Gold medal winners will represent the country at the next olympiad.",
        EDUCATION,
        id="en-olympiad-is-education",
    ),
]

# Shapes that must not move.
NEGATIVE = [
    pytest.param(
        "ru",
        "Аким района встретился с жителями микрорайона. Жители попросили провести благоустройство "
        "дворов и отремонтировать водоснабжение. Глава района пообещал решить вопросы поэтапно, глава "
        "отдела ЖКХ рассказал о сроках. Государственная программа поможет жильцам старых домов.",
        SOCIETY,
        id="ru-akim-meets-residents-stays-society",
    ),
    pytest.param(
        "ru",
        "Казахстанский спортсмен завоевал золотую медаль на зимней Олимпиаде. Олимпийский чемпион "
        "поблагодарил тренера и болельщиков, сборная страны заняла десятое место в медальном зачёте.",
        SPORT,
        id="ru-olympic-games-stay-sport",
    ),
    pytest.param(
        "kk",
        "Мәжіліс депутаттарының сайлауы өтті. Сайлаушылар партия тізімдеріне дауыс берді, "
        "Орталық сайлау комиссиясы алдын ала қорытындыны жариялады. Президент сайлауға қатысты.",
        POLITICS,
        id="kk-election-stays-politics",
    ),
]


@pytest.mark.parametrize(("language", "body", "expected"), CASES + NEGATIVE)
def test_first_topic(language: str, body: str, expected: str) -> None:
    assert _first(body, language) == expected


# --- the headline and lead weigh more than a name dropped in the tail -----------------------------------


def test_ru_headline_and_lead_outweigh_the_tail() -> None:
    lead = (
        "Жители поселка две недели живут без воды. Жители жалуются на отключения водоснабжения, "
        "жильцы многоэтажек носят воду ведрами, а коммунальные службы обещают починить трубы."
    )
    filler = " Местные рассказали об этом корреспонденту, показали дворы и улицы." * 6
    tail = " Раньше на этой площадке дети играли в футбол, теперь футбол и матчи здесь проводить негде."
    assert _first(lead + filler + tail, "ru") == SOCIETY


def test_lead_weight_leaves_a_short_text_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "Суд приговорил мошенника к пяти годам. Полиция задержала его в Алматы."
    weighted = extract.raw_scores({"body": body}, "ru")
    monkeypatch.setattr(extract, "LEAD_WEIGHT", 1.0)
    assert extract.raw_scores({"body": body}, "ru") == pytest.approx(weighted)


def test_lead_weight_keeps_the_mean_weight_of_a_long_body() -> None:
    head, head_weight, rest_weight = extract._lead_weights(200, 1.0, lead=True)
    assert head == extract.LEAD_TOKENS
    assert head * head_weight + (200 - head) * rest_weight == pytest.approx(200.0)
    assert head_weight == pytest.approx(extract.LEAD_WEIGHT * rest_weight)


def test_title_field_is_not_lead_weighted() -> None:
    assert extract._lead_weights(200, 2.0, lead=False) == (0, 2.0, 2.0)
