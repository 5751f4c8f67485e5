"""Russian rules: bodies, districts, people's names in their cases, and the sex the item shows."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from itertools import compress
from typing import Any

from worker.entities.gazetteer import GazEntry, hashed_id, load_gazetteer
from worker.entities.morphology import match_stem_ru, stems_written_in
from worker.entities.ner import Span, acronym
from worker.entities.people import (
    _ALL_CASES,
    _PATRONYMIC,
    _first_name,
    _first_names,
    mans_first_name_in_a,
    russian_first_name_readings,
)
from worker.entities.records import _Found
from worker.entities.tokens import Token
from worker.entities.translit import skeleton
from worker.model import Mention
from worker.text.script import RUSSIAN_VOWELS

_ORG_WORDS_RU = frozenset(
    "министерство министерства министерством министерстве банк банка банком банке компания компании "
    "компанию партия партии партию совет совета совете комитет комитета комитете агентство агентства "
    "фонд фонда университет университета ассоциация ассоциации корпорация корпорации служба службы "
    "суд суда прокуратура прокуратуры акимат акимата ооо оао зао ао тоо пао тв".split()
)

_SKIP_RU = frozenset(
    "в во на по из с со к о об от до за для и а но как что это этот эта эти он она они мы я его её про через "
    "между перед без фото видео "
    "их при после до также однако понедельник вторник среда четверг пятница суббота воскресенье "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь президент премьер "
    "глава министр председатель вице-премьер аким губернатор мэр спикер депутат посол госсекретарь генсек".split()
)

_RU_SURNAME = re.compile(
    r"(ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ина|ская|енко|ук|юк|ян|швили|дзе)(а|у|ым|ом|ой|е|ого|ому)?$"
)

#: The kinds of body a Russian name is built on: stem (``match_stem_ru``) -> nominative and gender.
_RU_BODIES = {
    **{
        stem: (stem, "m")
        for stem in "банк фонд союз совет комитет университет институт суд центр холдинг концерн театр колледж".split()
    },
    **{stem: (stem + "о", "n") for stem in ("агентств", "министерств")},
    **{stem: (stem + "ия", "f") for stem in ("корпорац", "компан", "академ", "ассоциац", "федерац", "организац")},
    "палат": ("палата", "f"),
    "служб": ("служба", "f"),
    "бирж": ("биржа", "f"),
    "муз": ("музей", "m"),
}

#: An adjective made from a place's name, in any case (Евразийском, Алматинский, Казахстанская):
#: unlike Новый or Крупный, it names the body even at the start of a sentence.
_RU_PLACE_ADJECTIVE = re.compile(r"ск(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$")

_RU_ADJECTIVE_BY_GENDER = {"m": "ий", "f": "ая", "n": "ое"}


def _russian_body(words: list[str]) -> list[str] | None:
    """Евразийском банке развития -> Евразийский банк развития: the adjective and the body in the
    nominative, what follows as it stands; None for other names."""
    if len(words) < 2:
        return None
    body = _RU_BODIES.get(match_stem_ru(words[1])) if words[1].islower() else None
    m = _RU_PLACE_ADJECTIVE.search(words[0].lower())
    if body is None or m is None:
        return None
    noun, gender = body
    adjective = words[0][: m.start(1)] + _RU_ADJECTIVE_BY_GENDER[gender]
    return [adjective, noun, *words[2:]]


#: A lower-case Russian noun in the genitive after a body (развития, реконструкции, безопасности).
_RU_GENITIVE_NOUN = re.compile(r"(ия|ии|ости|ства|ния|тия|ции|ки|ения)$")


def _ru_body(word: str) -> bool:
    return word.islower() and match_stem_ru(word) in _RU_BODIES


#: Russian adjective endings: a capitalised adjective opens a place or a body (Южная Корея), not a person.
_RU_ADJECTIVE = re.compile(r"(ая|яя|ий|ый|ой|ое|ее|ые|ие|ого|его|ому|ему|ую|юю|ых|их|ым|им|ыми|ими)$")

#: What follows a district's or region's adjective: Енбекшинского района, Улытауской области.
_RU_AREAS = frozenset(
    "район района районе районом область области областью округ округа округе округом край края крае "
    "областей областях областям районов районах районам".split()
)

_RU_AREA_NOMINATIVE = {"район": "район", "област": "область", "округ": "округ", "кра": "край"}

#: Kinds of outlet written before its name (газете Turkistan, телеканала «Хабар», the newspaper Turkistan): the
#: name is the outlet's, though a place has it too.  Russian by stem, English as written.
_OUTLET_KINDS_RU = frozenset(
    ("газет", "телеканал", "канал", "агентств", "издан", "журнал", "портал", "радиостанц", "сайт")
    # a news agency's kind as an abbreviation (ИА Новости-Казахстан, МИА «Казинформ»): the name after it is the outlet
    + ("иа", "миа")
)

#: Verbs that credit a source: the name after them is an outlet or a body (передает «Пятый регион»).
_SOURCE_VERBS_RU = frozenset(
    (
        # in the past only the plural: сообщил МакДональд is a man's word
        "передает передаёт сообщает пишет информирует передают сообщают пишут информируют передали сообщили писали"
    ).split()
)

#: The words before an outlet's name in quotes that credit it as a source (по информации «Новое телевидение»,
#: по данным «Казинформа», со ссылкой на «Хабар»).
_SOURCE_PHRASES_RU = frozenset((("по", "информации"), ("по", "данным"), ("ссылкой", "на")))

#: Nouns that end an outlet's name after its capitalised adjective (Костанайские новости, Алматинские вести).
_RU_OUTLET_NOUNS = frozenset(("новости", "вести", "известия", "ведомости", "правда", "вестник", "курьер", "неделя"))

#: Women's first names as Russian spells them, ending in -а or -я like a man's name in the genitive
#: (Гульнара Сапарова is a woman, Дамира Жумабаева a man's genitive): the list's Kazakh spellings
#: (Гүлнар) do not say which.
_RU_WOMEN = frozenset(
    "Гульнара Гульмира Динара Жанна Мадина Камила Алия Айнура Назира Дарига Дана Роза Зарина Лаура Амина "
    "Диана Алина Аида Аяна Индира Асема Айгерима Жанара Анара Сабина Малика Фатима Зухра Гульзира Гульнура "
    "Анна Мария Елена Ольга Наталья Татьяна Ирина Светлана Екатерина Юлия Марина Галина Людмила Лариса "
    "Надежда Оксана Виктория Евгения Вера Любовь Дарья Анастасия Ксения Полина Алёна Алена Валентина Мая Майя "
    "Кристина Айша".split()
)


#: How Russian declines a surname, by its kind: (the nominative's last letters, the oblique form's, sex, cases).
#: -ов, -ев, -ин (Безруков: Безрукова, Безрукову, Безруковым, Безрукове; Балаева: Балаевой, Балаеву), -ский
#: (Березовского, Березовской), and a man's patronymic (Саламовича) or a woman's (Ивановны), which a person
#: addressed by first name and patronymic has in the surname's place.
_RU_SURNAME_KINDS: tuple[tuple[re.Pattern[str], tuple[tuple[str, str, str, str], ...]], ...] = (
    (
        re.compile(r"(.{2,}(?:ов|ев|ёв|ин|ын))(|а|у|ым|ом|е|ой|ою)"),
        (
            ("", "", "m", "N"),
            ("", "а", "m", "GA"),
            ("", "у", "m", "D"),
            ("", "ым", "m", "I"),
            ("", "ом", "m", "I"),
            ("", "е", "m", "P"),
            ("а", "а", "f", "N"),
            ("а", "ой", "f", "GDIP"),
            ("а", "ою", "f", "I"),
            ("а", "у", "f", "A"),
        ),
    ),
    (
        re.compile(r"(.{2,}[сц]к)(ий|ого|ому|им|ом|ая|ой|ую|ою)"),
        (
            ("ий", "ий", "m", "N"),
            ("ий", "ого", "m", "GA"),
            ("ий", "ому", "m", "D"),
            ("ий", "им", "m", "I"),
            ("ий", "ом", "m", "P"),
            ("ая", "ая", "f", "N"),
            ("ая", "ой", "f", "GDIP"),
            ("ая", "ою", "f", "I"),
            ("ая", "ую", "f", "A"),
        ),
    ),
    (
        re.compile(r"(.{2,}[оеи]вич)(|а|у|ем|е)"),
        (("", "", "m", "N"), ("", "а", "m", "GA"), ("", "у", "m", "D"), ("", "ем", "m", "I"), ("", "е", "m", "P")),
    ),
    (
        re.compile(r"(.{2,}(?:овн|евн|ичн))(а|ы|е|у|ой)"),
        (
            ("а", "а", "f", "N"),
            ("а", "ы", "f", "G"),
            ("а", "е", "f", "DP"),
            ("а", "у", "f", "A"),
            ("а", "ой", "f", "I"),
        ),
    ),
)

#: A foreign or Kazakh surname ending in a consonant declines for a man like a noun (Пленс: Пленса, Пленсу, Пленсом,
#: Пленсе; Крась: Крася) and stays as it is for a woman.
_RU_CONSONANT_SURNAME_FORMS = (
    ("", "а", "m", "GA"),
    ("", "у", "m", "D"),
    ("", "ом", "m", "I"),
    ("", "е", "m", "P"),
    ("ь", "я", "m", "GA"),
    ("ь", "ю", "m", "D"),
    ("ь", "ем", "m", "I"),
    ("ь", "е", "m", "P"),
)

#: Kazakh surnames made of a father's name, which Russian does not decline (Оспанулы, Сейткызы), and which say
#: the person's sex.
_KK_PATRONYMIC_SURNAME = re.compile(r"(ұлы|улы|қызы|кызы)$")

_Reading = tuple[str, str, str]

_CYRILLIC_WORD = re.compile(r"(?:Мак|Мк)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)*|[А-ЯЁ]{2,}")


def _russian_surname_readings(word: str) -> list[tuple[str, str, str, float]]:
    """What a capitalised word may be as a Russian surname: (its nominative, sex ``m``, ``f`` or ``*``, cases,
    how likely the reading is next to the others).  A nominative in -а after a consonant that is no -ова (Пленса)
    is unlikely: it is the genitive of a man's surname."""
    low = word.lower()
    if not low.isalpha() or len(low) < 3:
        return [(word, "*", _ALL_CASES, 0.0)]
    for pattern, forms in _RU_SURNAME_KINDS:
        m = pattern.fullmatch(low)
        if m is None:
            continue
        stem = word[: m.end(1)]
        return [
            (stem + nominative_end, sex, cases, 0.0)
            for nominative_end, oblique_end, sex, cases in forms
            if m.group(2) == oblique_end
        ]
    patronymic = _KK_PATRONYMIC_SURNAME.search(low)
    if patronymic is not None:
        # Байтурсынулы is a son's name, Сейткызы a daughter's: the first name before it has that sex
        return [(word, "f" if patronymic.group(1) in ("қызы", "кызы") else "m", _ALL_CASES, 0.0)]
    if low[-1] in RUSSIAN_VOWELS and low[-1] not in "ая":
        # Оспанулы, Сатыбалды, Шойгу: undeclined; Цою, Цое: also a surname in -й
        return [(word, "*", _ALL_CASES, 0.0), *_j_surname_readings(word)]
    out = []
    if low[-1] not in RUSSIAN_VOWELS:
        out += [(word, "m", "N", 0.0), (word, "f", _ALL_CASES, 0.0)]
    else:
        out.append((word, "*", "N", -0.5))
    for nominative_end, oblique_end, sex, cases in _RU_CONSONANT_SURNAME_FORMS:
        stem = low[: len(low) - len(oblique_end)]
        if low.endswith(oblique_end) and len(stem) >= 3 and stem[-1] not in RUSSIAN_VOWELS and stem[-1] not in "йьъ":
            out.append((word[: len(stem)] + nominative_end, sex, cases, 0.0))
    return out + _j_surname_readings(word)


def _j_surname_readings(word: str) -> list[tuple[str, str, str, float]]:
    low = word.lower()
    out = []
    for oblique_end, cases in _RU_J_SURNAME_FORMS:
        stem = low[: len(low) - len(oblique_end)]
        if low.endswith(oblique_end) and len(stem) >= 2 and stem[-1] in "оауе":
            out.append((word[: len(stem)] + "й", "m", cases, 0.0))
    return out


#: A man's surname ending in a vowel and -й declines like a noun (Цой: Цоя, Цою, Цоем, Цое; Гайдай: Гайдая).
_RU_J_SURNAME_FORMS = (("я", "GA"), ("ю", "D"), ("ем", "I"), ("е", "P"))


def _known_first_name(name: str, sex: str) -> float:
    """How sure the lists are that ``name`` is a first name of that sex: a woman's name in Russian spelling most
    (Гульнара, where the lists' Гүлнар would be the genitive's stem), any first name they hold next."""
    if name in _RU_WOMEN:
        return 3.0 if sex != "m" else 0.0
    # a double first name (Касым-Жомарт) by its last part
    return 2.0 if skeleton(name.rpartition("-")[2]) in _first_names() else 0.0


def _first_name_likelihood(word: str, reading: _Reading) -> float:
    """What a first name's form says of a reading besides the lists: as written a nominative is a little likelier
    than an oblique case, and an undeclined name ending in a vowel likelier still (Жауме, Гайни); endings no
    nominative has (-ы, -ой, -ом, -ией) are an oblique case; a man's genitive in -а after a consonant (Кайратбека)
    likelier than a woman's name the lists do not hold."""
    nominative, sex, cases = reading
    if nominative == word:
        return 0.5 if cases == _ALL_CASES and word[-1:].lower() in RUSSIAN_VOWELS else 0.2
    low = word.lower()
    if low.endswith(("ы", "ой", "ей", "ом", "ем", "ии", "ию")):
        return 1.0
    if sex == "m" and cases == "GA" and low.endswith("а") and len(word) > 4 and word not in _RU_WOMEN:
        if not _known_first_name(nominative, "m") and _WOMANS_NAME_STEM.search(nominative.lower()):
            # a name the lists hold in neither form, whose stem ends or opens as a woman's does (Карина, Аэлита,
            # Зайтуна, Арника, Гулсара): a woman's nominative, not the genitive of an unknown man's name
            return -0.6
        return 0.3
    return 0.0


#: How the stem of a woman's first name in -а ends or opens, where a man's rarely does (Арин-а, Аэлит-а, Зайтун-а,
#: Арник-а, Гулсар-а, Гүлназ-а).
_WOMANS_NAME_STEM = re.compile(r"^(?:гул|гүл)|(?:ин|ит|ун|ник)$")


#: How much two words declined alike weigh: a first name and a surname both in the same oblique case read so.
_AGREEMENT = 0.7


#: Endings a surname of the -ов, -ин or -ский kind has in an oblique case only (Алашбаевой, Каримовым, Березовского).
_RU_SURELY_OBLIQUE_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын|ск)(?:ой|ою|ым|ому|ого)$")


def _russian_name_in_nominative(first: str, last: str, sex: str = "") -> list[str] | None:
    """A Russian "first name surname" in the nominative, read from both words at once: the reading where the sex and
    the case agree (Аиды Балаевой -> Аида Балаева, Сергея Безрукова -> Сергей Безруков, Магомеде Адиеве -> Магомед
    Адиев, Жауме Пленса -> Жауме Пленс, Айгуль Нурлановой -> Айгуль Нурланова) and the first name is likeliest one;
    ``sex`` (``m`` or ``f``), where the item tells it, leaves out the other's readings.  None when no reading
    agrees."""
    # a surname in capitals in an oblique case of its own (Гайни АЛАШБАЕВОЙ) is no byline's nominative
    byline = last.isupper() and len(last) > 1 and _RU_SURELY_OBLIQUE_SURNAME.search(last.lower()) is None
    if last.isupper() and len(last) > 1:
        last = last.capitalize()  # a byline's surname in capitals (Зарина НОКРАБЕКОВА)
    best: tuple[float, str, str] | None = None
    surnames = _hyphenated_surname_readings(last)
    for reading in russian_first_name_readings(first):
        name, first_sex, cases = reading
        if first_sex == "f" and mans_first_name_in_a(name):
            # Никиты Михалкова, Лукой Мхеидзе: a man's name in -а declines as a woman's does, his surname as a man's
            first_sex = "m"
            reading = (name, first_sex, cases)
        if sex and first_sex not in (sex, "*"):
            continue
        score = _known_first_name(name, first_sex) + _first_name_likelihood(first, reading)
        for surname, surname_sex, surname_cases, likelihood in surnames:
            if first_sex != surname_sex and "*" not in (first_sex, surname_sex):
                continue
            if sex and surname_sex not in (sex, "*"):
                continue
            shared = set(cases) & set(surname_cases)
            if byline and (name == first or not (_known_first_name(name, first_sex) or _oblique_only(first))):
                # a byline names its author in the nominative (Бибигайша МУСАПИРОВА); a surname in capitals in the
                # text declines where the first name shows its case (Фото Галины КАТКОВОЙ, Касым-Жомарта ТОКАЕВА)
                shared &= {"N"}
            if not shared:
                continue
            total = score + likelihood
            if name != first and surname != last and shared != {"N"}:
                total += _AGREEMENT
            elif name == first and surname == last:
                total += _AS_WRITTEN  # an undeclined first name: the surname as written is the likelier
            if best is None or total > best[0]:
                best = (total, name, surname)
    if best is None:
        # a byline stands in the nominative (Бактыкожа ИЗМУХАМБЕТОВ): the names as written, the surname in normal case
        return (
            _russian_name_by_sex(first, last, sex)
            or _ru_declined_first_name_before_a_nominative(first, last, sex)
            or ([first, last] if byline else None)
        )
    return [best[1], best[2]]


def _ru_declined_first_name_before_a_nominative(first: str, last: str, sex: str) -> list[str] | None:
    """A man's known first name declined before his surname left in the nominative (Экономист Галымжана Айтказин, a
    slip of the page's): the first name's nominative and the surname as written."""
    if sex == "f" or not re.search(r"[а-яё](?:ов|ев|ёв|ин|ын)$", last):
        return None
    names = [name for name, s, _ in russian_first_name_readings(first) if s == "m" and name != first]
    known = [name for name in names if skeleton(name) in _first_names()]
    return [known[0], last] if len(known) == 1 and skeleton(first) not in _first_names() else None


def _oblique_only(word: str) -> bool:
    """Whether a first name ends as no nominative does (Галины, Айгерим-ом: -ы, -ой, -ом, -ем, -ии, -ию)."""
    return word.lower().endswith(("ы", "ой", "ом", "ем", "ии", "ию"))


#: How much a first name that does not decline (Сауле, Айгерим) weighs for its surname as written.
_AS_WRITTEN = 0.1


def _russian_name_by_sex(first: str, last: str, sex: str) -> list[str] | None:
    """A name whose words agree in no case (a first name left in the nominative before a declined surname,
    Александр Ирхина): the first name as written and the surname's nominative of the first name's sex."""
    sexes = {s for name, s, cases in russian_first_name_readings(first) if name == first and "N" in cases}
    if sex:
        sexes &= {sex, "*"}
    if len(sexes) != 1 or "*" in sexes or not _first_name(first, "ru"):
        return None
    (want,) = sexes
    surnames = [surname for surname, s, _, _ in _hyphenated_surname_readings(last) if s == want]
    return [first, surnames[0]] if surnames else None


def _hyphenated_surname_readings(word: str) -> list[tuple[str, str, str, float]]:
    """A surname's readings; a double surname (Андреевой-Арсеновой) declines each part alike, a part that has
    no such form (a Kazakh name) stays as written."""
    parts = word.split("-")
    if len(parts) < 2 or not all(parts):
        return _russian_surname_readings(word)
    out = []
    for surname, sex, cases, likelihood in _russian_surname_readings(parts[-1]):
        head = []
        for part in parts[:-1]:
            same = [r[0] for r in _russian_surname_readings(part) if r[1] == sex and set(cases) <= set(r[2])]
            head.append(same[0] if same else part)
        out.append(("-".join((*head, surname)), sex, cases, likelihood))
    return out


#: A body's name shortened into one word, a level or a state's prefix before the kind of body (Генпрокуратура,
#: Горакимат, Облсуд, Райсуд, Госдума, Облздрав).
_RU_COMPOUND_BODY = re.compile(
    r"(?:ген|гос|обл|гор|рай|нац)(прокуратур|акимат|маслихат|суд|дум|комитет|департамент|управлени|инспекци"
    r"|здрав|образовани)"
)

#: The nominative's ending after each kind's stem (прокуратур-а, управлени-е); a masculine kind has none.
_RU_COMPOUND_ENDINGS = {"прокуратур": "а", "дум": "а", "управлени": "е", "образовани": "е", "инспекци": "я"}


#: The same shortened into one word in lower case, as news also writes them (в облздраве, горакимат, райсуда,
#: гороно): only a place's own bodies, which a common noun (госуправление, облуправления) is not.
_RU_LOWER_COMPOUND_BODY = re.compile(r"(?:обл|гор|рай|ген)(прокуратур|акимат|маслихат|суд|здрав|оно)(?:а|у|е|ом|ы)?")


def _ru_compound_body_nominative(name: str) -> str | None:
    """A body's one-word name in the nominative (Генпрокуратуре: Генпрокуратура, Облсуде: Облсуд, облздрава:
    облздрав), else None."""
    if name[:1].isupper():
        found = _RU_COMPOUND_BODY.match(name.lower())
    else:
        found = _RU_LOWER_COMPOUND_BODY.fullmatch(name)
    if found is None or len(name) - found.end(1) > 3:
        return None
    return name[: found.end(1)] + _RU_COMPOUND_ENDINGS.get(found.group(1), "")


def _ru_compound_body(word: str) -> bool:
    """Whether a capitalised word is a body's name shortened into one word (в Генпрокуратуре, Облсуд)."""
    return word[:1].isupper() and _RU_COMPOUND_BODY.match(word.lower()) is not None


def _ru_surname_first(words: list[str]) -> bool:
    """Whether three words are a name in official order, surname, first name, patronymic (Сериков Нурлан
    Маратович, Нуркасымовой Айгуль Бекеновны), as court and police reports and appointments write it."""
    return (
        len(words) == 3
        and _PATRONYMIC.fullmatch(words[2]) is not None
        and _RU_SURNAME.search(words[0].lower()) is not None
        and _PATRONYMIC.fullmatch(words[0]) is None
        and _first_name(words[1], "ru")
    )


#: An initial and a surname in one word (Т.Жуманову, А.Петровой).
_RU_INITIALLED = re.compile(r"([А-ЯЁ]\.)([А-ЯЁ][а-яё]{2,}(?:-[А-ЯЁ][а-яё]+)?)")


def _ru_initialled_surname(word: str, sex: str = "") -> str | None:
    """An initial and a surname (А.Петровой, Т.Жуманову) in the nominative where the surname's form says which one
    it is (Петровой only a woman's: А.Петрова), or ``sex`` (``m``, ``f``), which the item tells, picks it among a
    man's genitive and a woman's nominative (Петрова); None where the form leaves it open."""
    m = _RU_INITIALLED.fullmatch(word)
    if m is None:
        return None
    readings = {(nom, s) for nom, s, _cases, _ in _hyphenated_surname_readings(m.group(2)) if s != "*"}
    if sex:
        readings = {r for r in readings if r[1] == sex} or readings
    names = {nom for nom, _s in readings}
    return m.group(1) + names.pop() if len(names) == 1 else None


def _russian_person(words: list[str]) -> list[str] | None:
    """A Russian "first name surname" in the nominative (``_russian_name_in_nominative``); a capitalised word before
    a first name is no part of it (Жительница Айгуль Нурланова); a name in official order keeps first name and
    surname (Сериков Нурлан Маратович: Нурлан Сериков).  None for other words: no first name the lists know, nor
    two Cyrillic words to read as one."""
    if _ru_surname_first(words):
        return _russian_name_in_nominative(words[1], words[0])
    if len(words) == 1:
        one = _ru_initialled_surname(words[0])
        return [one] if one is not None else None
    start = next((k for k, w in enumerate(words[:2]) if w in _RU_WOMEN or _first_name(w, "ru")), -1)
    if start < 0 and len(words) == 2 and all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        start = 0  # a first name the lists do not hold (Саяжан Каукеновой, Жауме Пленса)
    if start == 1 and len(words) == 2 and all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        # a surname that is also a first name (Абдыбека Самата): the two read as one name when both decline alike
        both = _russian_name_in_nominative(words[0], words[1])
        if both is not None and both[0] != words[0] and both[1] != words[1]:
            return both
    if start <= 0 and len(words) == 3 and all(_CYRILLIC_WORD.fullmatch(w) for w in words):
        return _russian_double_first_name(words)
    if start < 0 or len(words) - start != 2:
        return None
    return _russian_name_in_nominative(words[start], words[start + 1])


def _russian_double_first_name(words: list[str]) -> list[str] | None:
    """Two first names and a surname, declined alike (Давида Мануэля Эспиноса -> Давид Мануэль Эспинос, Анной
    Марией Гонсалес -> Анна Мария Гонсалес): the second first name takes the case and the sex the first and the
    surname agree on.  None where the middle word is a patronymic, which is no part of the name."""
    if _RU_PATRONYMIC.search(words[1].lower()):
        return None
    outer = _russian_name_in_nominative(words[0], words[2])
    if outer is None:
        return None
    inner = _russian_name_in_nominative(words[1], words[2])
    if inner is None:
        return None
    if inner[1] != outer[1]:
        if outer[0] != words[0] or inner[0] == words[1]:
            return None
        # Хосе Луиса Родригеса: the first name does not decline, the second shows the case
        return [words[0], *inner]
    return [outer[0], inner[0], outer[1]]


#: A Russian patronymic in any case (Петровича, Ивановной).
_RU_PATRONYMIC = re.compile(r"(?:вич|вн|ичн)(?:а|у|ем|е|ы|ой|ою)?$")


#: Russian genitive nouns after a title that make it an organisation's (президент компании).
_RU_ORG_OWNERS = frozenset(
    (
        "компании",
        "банка",
        "клуба",
        "федерации",
        "ассоциации",
        "фонда",
        "университета",
        "корпорации",
        "холдинга",
        "группы",
        "союза",
        "палаты",
        "академии",
        "комитета",
        "концерна",
        "общества",
        "партии",
        "совета",
        "биржи",
        "лиги",
    )
)


def _russian_oblique_name(word: str) -> tuple[GazEntry | None, str]:
    """A one-word Russian organisation in an oblique case (в «Казахтелекоме», в «Астану»): the gazetteer's
    organisation of its nominative, else the nominative of a name the gazetteer knows (a club named like
    a city), else the word as it stands."""
    if word.isupper():
        return None, word  # an acronym does not decline: МИА is no case of Миа
    gaz = load_gazetteer()
    low = word.lower()
    candidates = [word[:-2]] if low.endswith(("ом", "ем")) else []
    if low.endswith(("е", "у", "а", "ы")):
        candidates += [word[:-1], word[:-1] + "а"]
    for name in candidates:
        entry = gaz.lookup(name, "ru") if len(name) >= 3 else None
        if entry is not None and entry.type == "ORG":
            return entry, name
        if entry is not None and name in entry.aliases:
            return None, name
    return None, word


#: A Russian surname of the -ов/-ев/-ин kind, split into its masculine nominative and what follows.
_RU_SURNAME_FORMS = re.compile(r"(.+(?:ов|ев|ёв|ин|ын))(а|у|ым|ом|е|ой|ою)?")

_CAPITALISED_RU = re.compile(r"(?<!\w)[А-ЯЁ][а-яё]+(?!\w)")


#: Nouns for a woman that stand before her name in apposition (жительница района Газиза ..., победила участницу
#: Айгерим ...), in any case: -ница, -ка after a consonant, and a few of their own.
_RU_WOMAN_NOUN = re.compile(
    r"(?:[а-яё]{3,}ниц|[а-яё]{3,}[нтч]к|женщин|девушк|девочк|бабушк|сестр|актрис|певиц)(?:а|у|ы|е|ей|ой)"
    r"|мать|матери|дочь|дочери"
)

#: A noun for a person by what they do, in any case, as a headline or a sentence opens with it before a surname
#: (Правозащитницу Торегожину, Журналиста Иванова, Блогер Сейтказиев): no first name.  Agent suffixes (-ист,
#: -тель, -ник, -ница, -истка) and a few posts and trades of their own.
_RU_PERSON_NOUN = re.compile(
    r"(?:(?:экс|вице)-)?(?:"
    r"[а-яё]{3,}(?:ист|тел|ник|чик|щик)(?:ь|я|ю|ем|е|а|у|ом|и)?"
    r"|[а-яё]{3,}(?:ниц|истк|ерк|онк|енк)(?:а|у|ы|е|ей|ой)"
    r"|(?:адвокат|депутат|аким|министр|судь|врач|блогер|актер|актёр|певц|певец|продюсер|тренер|спортсмен|"
    r"чемпион|пенсионер|бизнесмен|директор|ректор|прокурор|сенатор|политик|эксперт|аналитик|эколог|генерал|"
    r"полковник|майор|капитан|сержант|посол|замминистр|экономист|инженер|фермер|предприниматель|боксер|боксёр|"
    r"борец|борц|бойц|боец|футболист|хоккеист|теннисист|режиссер|режиссёр|художник|писател|поэт|композитор|"
    r"ученый|учёный|активист|журналист|волонтер|волонтёр|мигрант|подозреваем|обвиняем|осужденн|осуждённ|"
    r"задержанн|погибш|пострадавш|актрис|певиц)(?:а|у|ом|е|ы|ой|ей|ем|я|ю|ого|ому|ым|ая|ую)?"
    r")"
)

#: Nouns for a man that have a woman's form of their own (житель, жительница), so stand only before a man's name.
_RU_MAN_NOUN = re.compile(
    r"(?:мужчин|жител|парн|брат|сын|отц|кубинц|уроженц|борц|бойц|спортсмен|студент|пенсионер|участник|"
    r"победител|учител|сержант|рядов)(?:а|я|у|ю|ом|ем|е|ого|ым|и)?"
    r"|парень|отец|муж|мужа|мужу"
)

#: What may stand between such a noun and the name: the place the person is from (жительница Казыгуртского
#: района, кубинца из Гаваны).
_RU_PLACE_BETWEEN = frozenset(("района", "области", "города", "села", "из"))


#: A participle or an adjective in the genitive that completes a noun for a person (дочь осужденного, мать
#: погибшего): the name after it is the noun's person, not its complement.
_RU_GENITIVE_MODIFIER = re.compile(r"[а-яё]{4,}(?:ого|его)")


def _ru_name_declined_at(text: str, start: int) -> bool:
    """Whether the name at ``start`` opens with a man's known first name in the genitive (Нурлана)."""
    m = _CAPITALISED_RU.match(text, start)
    return m is not None and m.group(0)[-1:] == "а" and _ru_mans_name_declined(m.group(0))


def _ru_sex_before(text: str, start: int) -> str:
    """The sex a noun in apposition right before a name at ``start`` shows: ``m``, ``f`` or ``""``."""
    before: list[str] = _RU_WORD.findall(text[max(0, start - 60) : start])[-4:]
    for word in reversed(before):
        if word[:1].isupper() and _RU_PERSON_NOUN.fullmatch(word.lower()):
            word = word.lower()  # Правозащитницу Торегожину: the noun opens a sentence or a headline
        elif word[:1].isupper() or word in _RU_PLACE_BETWEEN:
            continue  # the place between the noun and the name
        elif _RU_GENITIVE_MODIFIER.fullmatch(word) and not _ru_name_declined_at(text, start):
            # дочь осужденного Азиза Омарова: the noun's own complement, so the name is in apposition (but мать
            # погибшего Нурлана: the participle goes with a man's name in the genitive)
            continue
        if _RU_WOMAN_NOUN.fullmatch(word) and not word.startswith("улиц"):
            return "f"
        if _RU_MAN_NOUN.fullmatch(word):
            return "m"
        return ""
    return ""


#: A man's surname in the nominative (Торегожин, Мирсаитов), whose woman's form adds -а.
_RU_MANS_SURNAME = re.compile(r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын)")

#: A woman's past-tense verb right after a name (Мирсаитова заявила).
_RU_WOMANS_VERB_AFTER = re.compile(r"[ ,]*[а-яё]{2,}[аяиеуы]ла(?:сь)?(?![а-яё])")


#: A woman's past-tense verb right before a name (поделилась Рина Наумова).
_RU_WOMANS_VERB_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])[а-яё]{2,}[аяиеуы]ла(?:сь)?[ ,]*$")  # not a name (Шагала)


def _ru_woman_verb_at(text: str, m: Any) -> bool:
    """Whether a woman's past-tense verb stands right after or right before a mention (Клава Кока поделилась)."""
    return bool(
        _RU_WOMANS_VERB_AFTER.match(text, m.end) or _RU_WOMANS_VERB_BEFORE.search(text[max(0, m.start - 30) : m.start])
    )


#: A woman's surname alone by a woman's past-tense verb, after it (Сейтова сказала) or before it (сказала Сейтова).
_RU_WOMANS_SURNAME_THEN_VERB = re.compile(
    r"(?<![\w.-])([А-ЯЁ][а-яё]{2,}(?:ова|ева|ёва|ина|ына))(?=[ ,]*[а-яё]{2,}[аяиеуы]ла(?:сь)?(?![а-яё]))"
)
_RU_VERB_THEN_WOMANS_SURNAME = re.compile(
    r"(?<![А-ЯЁа-яё])[а-яё]{2,}[аяиеуы]ла(?:сь)?[ ,]*([А-ЯЁ][а-яё]{2,}(?:ова|ева|ёва|ина|ына))(?![\w-])"
)


def _ru_surnames_told_women(fields: Mapping[str, str]) -> frozenset[str]:
    """Surnames the item writes alone by a woman's past-tense verb (сказала Сейтова, Сейтова уточнила), in one pass
    over its text: a full name with that very surname (Алия Сейтова) is then a woman's nominative, not a man's
    genitive, wherever the words around the full name say nothing (s12).  A surname right after a capitalised word
    (Алия Сейтова сказала) is no surname alone."""
    out: set[str] = set()
    for text in fields.values():
        if not isinstance(text, str):
            continue
        for m in _RU_WOMANS_SURNAME_THEN_VERB.finditer(text):
            if not re.search(r"[А-ЯЁ][а-яё]+ $", text[max(0, m.start() - 30) : m.start()]):
                out.add(m.group(1))
        out.update(m.group(1) for m in _RU_VERB_THEN_WOMANS_SURNAME.finditer(text))
    return frozenset(out)


def _russian_surname_by_sex(found: dict[str, _Found], rec: _Found, fields: Mapping[str, str]) -> None:
    """A surname alone that the item shows to be a woman's, by a noun before it (Правозащитницу Торегожину,
    активистку Нурпеисову), a past-tense verb after it (Мирсаитова заявила) or its form (Торегожиной), and only
    so: a woman's nominative (Торегожина), not a man's stem."""
    if _RU_MANS_SURNAME.fullmatch(rec.name) is None:
        return
    woman = rec.name + "а"
    sexes: set[str] = set()
    for *_, m in rec.mentions:
        text = fields.get(m.field) or ""
        written = m.text
        if written.endswith(("ой", "ою")):
            sexes.add("f")
        elif written.endswith(("ым", "ом", "е")) or written == rec.name:
            sexes.add("m")
        told = _ru_sex_before(text, m.start)
        if not told and written == woman:
            told = _ru_sex_by_case(text, m.start, m.end, written)  # судья Яковлева: a woman by the post's case
        if told:
            sexes.add(told)
        elif _RU_WOMANS_VERB_AFTER.match(text, m.end) and written in (woman, woman[:-1] + "у"):
            sexes.add("f")
    if sexes != {"f"}:
        return
    del found[rec.entity_id]
    new_id = hashed_id(woman, "PERSON")
    other = found.get(new_id)
    if other is not None:
        other.absorb(rec)
        other.types.update(rec.types)
        return
    rec.name, rec.entity_id = woman, new_id
    found[new_id] = rec


#: Posts and trades a name stands in apposition to (директор школы Азиза Омарова, режиссера Алиби Жанабилова),
#: by stem: the nominative is the stem (with -ь after -тел), the genitive and accusative add -а or -я.
_RU_TITLE_STEMS = frozenset(
    (
        "директор руководител заместител председател начальник министр вице-министр замминистр аким прокурор "
        "следовател адвокат депутат сенатор ректор декан профессор доцент доктор кандидат академик режиссер "
        "режиссёр продюсер композитор художник писател поэт журналист корреспондент редактор экономист аналитик "
        "эксперт политолог социолог юрист врач тренер спортсмен чемпион президент посол консул генерал полковник "
        "майор капитан инспектор специалист сотрудник представител помощник советник защитник премьер "
        "вице-премьер премьер-министр вице-президент губернатор мэр спикер пресс-секретар наставник боксер "
        "боксёр футболист хоккеист дирижер дирижёр хормейстер"
    ).split()
)

#: Posts whose name after them may be no holder but whose complement it is (адвокат Иванова, помощник Петрова):
#: they show the name's case only with a complement of their own between (заместитель акима Рустам Али).
_RU_RELATIONAL_TITLES = frozenset(("адвокат", "защитник", "представител", "помощник", "советник", "заместител"))

#: Lower-case words between a post and the name, as its complement in the genitive (школы, фонда, экономических
#: наук, сельского хозяйства, области).
_RU_TITLE_COMPLEMENT = re.compile(r"[а-яё-]{2,}(?:ых|их|ого|его|ой|ей|ии|ы|и|а|я|ов|ев|ств)|наук")

#: A capitalised word of a place or a body in the complement (Алматинской области, Snow Leopard Fund).
_RU_CAPITALISED_COMPLEMENT = re.compile(r"[A-Z][A-Za-z]+|[А-ЯЁ][а-яё-]+(?:ой|ого|ей|его|ых|их|а|ы|и)")


def _ru_title_case(word: str) -> tuple[str, str]:
    """A post's stem and the case its word is in: ``N`` (директор, руководитель, глава), ``G`` for the genitive or
    the accusative (директора, руководителя, главы); ("", "") for other words."""
    low = word.lower()
    if low in ("глава", "судья"):
        return low, "N"
    if low in ("главы", "судьи"):
        return low, "G"
    if low in _RU_TITLE_STEMS:
        return low, "N"
    if low.endswith("ь") and low[:-1] in _RU_TITLE_STEMS:
        return low[:-1], "N"  # руководитель, пресс-секретарь
    if low[-1:] in ("а", "я") and low[:-1] in _RU_TITLE_STEMS:
        return low[:-1], "G"
    return "", ""


def _ru_case_by_title(text: str, start: int) -> str:
    """The case a post before a name shows, where the name stands in apposition to it, a complement between them or
    none: директор школы Азиза Омарова, судья Яковлева (``N``); режиссера Алиби Жанабилова, доктора экономических
    наук Толеутай Рахимбекова (``G``).  "" where no post stands there, or a relational one right before the name
    (адвокат Иванова is Иванов's lawyer)."""
    chunk = text[max(0, start - 120) : start]
    tail = re.search(r"[\w\- ]*$", chunk)
    words = tail.group(0).split() if tail is not None else []
    found = ""
    for k, word in enumerate(reversed(words[-9:])):
        stem, case = _ru_title_case(word)
        if case == "N" and (k > 0 or stem not in _RU_RELATIONAL_TITLES):
            return case
        if case == "G" and (k > 0 or stem not in _RU_RELATIONAL_TITLES):
            # a post in the genitive may be another's complement (заместитель руководителя управления): the
            # farthest post governs
            found = case
            continue
        if k >= 7:
            break
        if (
            word in _RU_PLACE_BETWEEN
            or word.islower() and _RU_TITLE_COMPLEMENT.fullmatch(word)
            or _RU_CAPITALISED_COMPLEMENT.fullmatch(word)
        ):
            continue
        break
    return found


#: A name opening a line as an interview's speaker does (Гульбахира Алтынбекова: - Мы хотим ...).
_RU_SPEAKER_LABEL = re.compile(r"[ \t]*:[ \t]*(?:\n|$|[-—–«\"])")

#: What a sentence may open with before its subject: a time (Каждую зиму, Сегодня).
_RU_SENTENCE_OPENING = re.compile(
    r"(?:^|[.!?…]\s+|\n\s*)(?:(?i:кажд[а-яё]+ [а-яё]+|сегодня|сейчас|теперь|ежегодно|ежедневно|также),? *)?$"
)

#: A verb in the present's third person singular right after a name, its subject (превращается, топит, живёт).
_RU_SINGULAR_VERB_AFTER = re.compile(r" +(?:не +|уже +|по-прежнему +)?[а-яё]{2,}(?:ет|ит|ёт|ется|ится|ётся)(?![а-яё])")

#: A woman's past-tense verb after a name and what the sentence adds to it in brackets or between commas (Клава
#: Кока (Клавдия Высокова) сняла, Айгерим Бекова, мастер спорта, стала).
_RU_WOMANS_VERB_AFTER_ASIDE = re.compile(
    r"(?: *\([^()\n]{1,60}\)| *,[^,.!?\n]{1,60},) *[а-яё]{2,}[аяиеуы]ла(?:сь)?(?![а-яё])"
)


#: A woman's short passive participle, the predicate of a woman named right before or after it (признана Карина
#: Ибрагимова, Азиза Омарова задержана).
_RU_WOMANS_PARTICIPLE = (
    r"(?:признана|названа|избрана|назначена|награждена|задержана|осуждена|арестована|освобождена|приговорена|"
    r"объявлена|отмечена|уволена|утверждена|удостоена|включена|приглашена|номинирована)"
)
_RU_WOMANS_PARTICIPLE_BEFORE = re.compile(r"(?<![А-ЯЁа-яё])" + _RU_WOMANS_PARTICIPLE + r" +$")
_RU_WOMANS_PARTICIPLE_AFTER = re.compile(r" +(?:была +|будет +)?" + _RU_WOMANS_PARTICIPLE + r"(?![а-яё])")


def _ru_womans_participle_by(text: str, start: int, end: int) -> bool:
    """Whether a woman's short participle stands right before or after a name (признана Карина Ибрагимова)."""
    return bool(
        _RU_WOMANS_PARTICIPLE_BEFORE.search(text[max(0, start - 30) : start])
        or _RU_WOMANS_PARTICIPLE_AFTER.match(text, end)
    )


#: A woman's past-tense verb after a name in brackets, another name of the one before it (Клава Кока (Клавдия
#: Высокова) сняла).
_RU_WOMANS_VERB_AFTER_BRACKET = re.compile(r"\) *[а-яё]{2,}[аяиеуы]ла(?:сь)?(?![а-яё])")


#: The rest of a sentence and the next one opening with Она: the woman the sentence was about.
_RU_SHE_NEXT = re.compile(r"[^.!?\n]{0,200}[.!?]\s+Она\b")


def _ru_nominative_by_place(text: str, start: int, end: int, declined_mans_name: bool = False) -> bool:
    """Whether a name's place in the sentence makes it a nominative: an interview's speaker line, or a sentence's
    subject right before its verb, unless the first name is a man's known one in the genitive, an object put first
    (Нурлана Абдиева беспокоит ...)."""
    line_start = text.rfind("\n", 0, start) + 1
    if not text[line_start:start].strip() and _RU_SPEAKER_LABEL.match(text, end):
        return True
    if declined_mans_name or not _RU_SENTENCE_OPENING.search(text[max(0, start - 40) : start]):
        return False
    # Ырысбала Кошербекова топит печь: the subject; Сауытбала Омарова ... . Она ...: the subject, and she
    return bool(_RU_SINGULAR_VERB_AFTER.match(text, end) or _RU_SHE_NEXT.match(text, end))


#: A woman's surname in the nominative, the same letters as a man's in the genitive (Омарова, Рахимбекова).
_RU_WOMANS_OR_GENITIVE_SURNAME = re.compile(r"[А-ЯЁ][а-яё-]+(?:ова|ева|ёва|ина|ына)")


def _ru_sex_by_case(text: str, start: int, end: int, written: str) -> str:
    """The sex a name that reads as a woman's nominative or a man's genitive has by its case in the sentence: a
    surname in -ова (Азиза Омарова, Яковлева), or a first name in -а before a surname of no such kind (Клава Кока),
    is a woman's in the nominative, a man's in the genitive; a woman's too by a verb of hers after words in brackets
    or between commas.  A man's first name in -а (Муса, Никита) is no sign of a woman."""
    words = [w.capitalize() if w.isupper() and len(w) > 1 else w for w in written.split()]
    if not words or len(words) > 2:
        return ""
    first_in_a = len(words) == 2 and words[0][-1:] in ("а", "я")
    if first_in_a and mans_first_name_in_a(words[0]):
        return ""
    if _RU_WOMANS_OR_GENITIVE_SURNAME.fullmatch(words[-1]) is None and not first_in_a:
        return ""
    # a nominative makes a woman only of a first name in -а (Азиза) or a surname alone: one in a consonant may be a
    # man's (тренер Сергей Петрова is a man whose surname was misspelt)
    may_be_woman = first_in_a or len(words) == 1
    verb_after = _RU_WOMANS_VERB_AFTER_ASIDE.match(text, end) or _RU_WOMANS_VERB_AFTER_BRACKET.match(text, end)
    if may_be_woman and verb_after:
        return "f"
    if may_be_woman and _ru_nominative_by_place(text, start, end, first_in_a and _ru_mans_name_declined(words[0])):
        return "f"
    if may_be_woman and _ru_womans_participle_by(text, start, end):
        return "f"
    case = _ru_case_by_title(text, start) or _ru_case_by_preposition(text, start)
    case = case or _ru_case_by_bracketed_list(text, end)  # s9-eru
    if not case and (words[0] not in _RU_WOMEN or _ru_mans_name_in_genitive_too(words[0])):
        # a known woman's name (Зарина) after a list's genitives opens another clause more likely than it declines,
        # unless it is a known man's genitive too (Евгения Сидоркина)
        case = _ru_case_by_list(text, start, end, sure=not first_in_a)
    if case == "N" and not may_be_woman:
        return ""
    if case == "N" and first_in_a and _ru_mans_name_declined(words[0]):
        # заместитель акима района Бакытжана Оспанова: a man's known name in the genitive shows its own case, the
        # name standing by the nearer post
        return ""
    return {"N": "f", "G": "m"}.get(case, "")


def _ru_undeclined_first_name_with_genitive_surname(written: list[str]) -> list[str] | None:
    """A man's name in the genitive whose first name the press leaves undeclined, as it does many Kazakh ones
    (доктора наук Толеутай Рахимбекова): the first name as written, the surname in the nominative."""
    first, last = written
    m = _RU_SURNAME_FORMS.fullmatch(last)
    if m is None or m.group(2) != "а" or first[-1:].lower() in ("а", "я") or not first.isalpha():
        return None
    return [first, m.group(1)]


#: Prepositions that take the genitive alone (у Алиби Сейтжанова, против Толеутай Кенжебекова).
_RU_GENITIVE_PREPOSITION = re.compile(
    r"(?<![А-ЯЁа-яё])(?:у|от|для|без|против|около|возле|кроме|среди|напротив) +$", re.IGNORECASE
)


def _ru_case_by_preposition(text: str, start: int) -> str:
    """``G`` where a preposition that takes the genitive alone stands right before a name, else ""."""
    return "G" if _RU_GENITIVE_PREPOSITION.search(text[max(0, start - 12) : start]) else ""


#: A name listed right before or after another: two capitalised words and a comma or и between.
_RU_LISTED_BEFORE = re.compile(r"([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё]+)(?:,| и) $")
_RU_LISTED_AFTER = re.compile(r"(?:,| и) ([А-ЯЁ][а-яё]+) ([А-ЯЁ][а-яё]+)")


def _ru_case_by_list(text: str, start: int, end: int, sure: bool) -> str:
    """``G`` where a name stands in a list next to one read in an oblique case, first name and surname declined
    alike (работы Марка Шагала, Хоана Миро; Алексея Степанова, Евгения Сидоркина: the list shares its case); else
    "".  ``sure`` asks for the neighbour's first name to be a known one, for a name that reads as a woman's
    without the list (Айгерим Бекова), where a misread neighbour must not turn her into a man."""
    before = _RU_LISTED_BEFORE.search(text[max(0, start - 60) : start])
    after = _RU_LISTED_AFTER.match(text, end)
    for m in (before, after):
        if m is None:
            continue
        first, last = m.group(1), m.group(2)
        read = _russian_name_in_nominative(first, last)
        if (
            read is not None
            and read[0] != first
            and read[1] != last
            and (
                skeleton(first) not in _first_names()
                and skeleton(read[0]) in _first_names()
                # Марка Шагала: a surname in -а of no -ова kind is a man's genitive, never a woman's nominative
                or not sure
                and _RU_WOMANS_OR_GENITIVE_SURNAME.fullmatch(last) is None
            )
        ):
            return "G"
    return ""


def _ru_mans_name_in_genitive_too(word: str) -> bool:
    """Whether a woman's name in -а or -я is a known man's name in the genitive as well (Евгения, Александра)."""
    return any(
        skeleton(name) in _first_names()
        for name, sex, cases in russian_first_name_readings(word)
        if sex == "m" and name != word and "G" in cases
    )


def _ru_mans_name_declined(word: str) -> bool:
    """Whether a first name in -а is a man's known name in the genitive (Бакытжана, Нурлана), not a woman's."""
    return (
        word not in _RU_WOMEN
        and skeleton(word) not in _first_names()
        and skeleton(word[:-1]) in _first_names()
    )


def _ru_sex_by_cases(rec: _Found, fields: Mapping[str, str]) -> set[str]:
    """The sexes a two-word name's mentions show by their case in the sentence (``_ru_sex_by_case``)."""
    return {
        _ru_sex_by_case(fields.get(m.field) or "", m.start, m.end, m.text)
        for *_, m in rec.mentions
        if len(m.text.split()) == 2
    } - {""}


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z&'-]*")


def _ru_name_after_latin(words: list[str]) -> bool:
    """Whether a Cyrillic first name and a capitalised word after a Latin word open a person's name, no part of the
    Latin one before it (директор фонда Snow Leopard Fund Ирина Логинова)."""
    if len(words) < 3 or _LATIN_WORD.fullmatch(words[0]) is None:
        return False
    first, last = words[1], words[2]
    return (
        _CYRILLIC_WORD.fullmatch(first) is not None
        and _CYRILLIC_WORD.fullmatch(last) is not None
        and skeleton(first) in _first_names()
    )


#: A participle or an adjective for a person opening a sentence before a name (Председательствующий, Бывший).
_RU_PERSON_ADJECTIVE = re.compile(r"[а-яё]{3,}(?:щий|щая|щего|щей|ший|шая|шего|шей|нный|нная|нного|нной)")


#: A noun for where a person is from, as a headline or a sentence opens with it (Казахстанка, Казахстанки,
#: Алматинец, Уроженцы).
_RU_DEMONYM = re.compile(r"[а-яё]{4,}(?:[нт]ка|[нт]ки|[нт]ку|нец|нцы|нца)")


#: Words for a person's family the noun lists lack (Супруг Майи Манашевой, Дети Омарова).
_RU_FAMILY_WORDS = frozenset(("супруг", "супруга", "дети", "родители", "родные", "родственники", "вдова", "жена"))


def _ru_opener_before_a_name(words: list[str]) -> bool:
    """Whether capitalised words opening a sentence are a word for the person and their name: a kinship noun or a
    participle before a first name and a surname, or a surname alone (Супруг Майи Манашевой, Председательствующий
    Кубанычбек Касымбеков, Дети Омарова)."""
    if len(words) not in (2, 3):
        return False
    opener, first, last = words[0].lower(), words[1], words[-1]
    if _first_name(words[0], "ru") or not _CYRILLIC_WORD.fullmatch(first) or not _CYRILLIC_WORD.fullmatch(last):
        return False
    if len(words) == 3 and opener.startswith("зам") and _ru_title_case(opener[3:])[1]:
        return True  # Замакима Рустам Али, Замминистра ...: a deputy's post shortened into one word
    if not _RU_SURNAME.search(last.lower()):
        return False
    kin = (
        _RU_MAN_NOUN.fullmatch(opener)
        or _RU_WOMAN_NOUN.fullmatch(opener)
        or opener in _RU_FAMILY_WORDS
        or _RU_DEMONYM.fullmatch(opener)  # Казахстанки Асылжан Арыстанбекова и ...
    )
    return bool(kin or _RU_PERSON_ADJECTIVE.fullmatch(opener))


def _ru_first_name_of_another(word: str, entry: GazEntry, sentence_start: bool) -> bool:
    """Whether a capitalised word before the surname of a person the gazetteer knows is another person's first name
    (аким Темирхана Рымбаева is no Роза Рымбаева): a first name, or at least no word for a post, a body or a
    quality, in no form of the known person's first names."""
    low = word.lower()
    if _CYRILLIC_WORD.fullmatch(word) is None or word.isupper():
        return False
    if not _first_name(word, "ru") and (
        sentence_start
        or _RU_PERSON_NOUN.fullmatch(low)
        or _RU_ADJECTIVE.search(low)
        or low in _ORG_WORDS_RU
        or low in _SKIP_RU
        or _ru_title_case(word)[1]
    ):
        return False
    firsts = {
        skeleton(w) for n in (*entry.names.values(), *entry.aliases) if len(n.split()) > 1 for w in n.split()[:-1]
    }
    if not firsts:
        return False
    readings = {skeleton(nominative) for nominative, _, _ in russian_first_name_readings(word)} | {skeleton(word)}
    return not readings & firsts


def _ru_person_in_nominative(words: list[str]) -> bool:
    """Whether two capitalised words read only as a person's name in the nominative: a first name the lists hold as
    written and a surname in the nominative of its sex (Ирина Логинова, Нурлан Абдиев).  After a body's word such a
    name stands in apposition to a post (директор фонда Ирина Логинова), where a name in the genitive would be the
    body's own (Фонда Нурсултана Назарбаева)."""
    if len(words) != 2 or not all(_CYRILLIC_WORD.fullmatch(w) and not w.isupper() for w in words):
        return False
    first, last = words[0].lower(), words[1].lower()
    if first[-1] in "ая" and not mans_first_name_in_a(first):
        # a woman's name, whose letters before -а are no man's name (Ирина, not Азиза)
        return (
            skeleton(first) in _first_names()
            and skeleton(first[:-1]) not in _first_names()
            and last.endswith(("ова", "ева", "ёва", "ина", "ына", "ская"))
        )
    # a man's first name, known or not (компании Мади Канапин), before his surname in the nominative
    return (
        first not in _ORG_WORDS_RU
        and _RU_ADJECTIVE.search(first) is None
        and last.endswith(("ов", "ев", "ёв", "ин", "ын", "ский"))
    )


#: Kazakh letters as Russian spells a Kazakh name (Садықов: Садыков, Әлібек: Алибек).
_KK_TO_RU_LETTERS = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
_KK_LETTER = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


def _russian_spellings_of_kazakh_names(found: dict[str, _Found]) -> None:
    """A person a Russian item names in Kazakh letters and in Russian ones too (Сакен Садықов, Сакен Садыков) is
    one person shown as Russian spells them, where the item writes that spelling."""
    people = {rec.name: rec for rec in found.values() if rec.type == "PERSON"}
    for rec in list(found.values()):
        if rec.type != "PERSON" or _KK_LETTER.search(rec.name) is None or rec.entity_id not in found:
            continue
        russian = rec.name.translate(_KK_TO_RU_LETTERS)
        other = people.get(russian)
        if other is not None and other is not rec and other.entry is None:
            rec.absorb(other)  # read apart (the gazetteer knows the Kazakh spelling): one person, its id kept
            rec.types.update(other.types)
            del found[other.entity_id]
            rec.name = russian
            continue
        words = set(russian.split())
        surname = russian.split()[-1][:-1]  # Садыков, Садыкову: the surname's letters before its ending
        if len(surname) > 2 and any(_KK_LETTER.search(a) is None and surname in a for a in rec.aliases):
            rec.name = russian
        elif any(o is not rec and set(o.name.split()) <= words for o in people.values()):
            rec.name = russian  # the surname alone in Russian letters (Садыкову), which joins the person later


def _russian_known_people_in_their_sex(found: dict[str, _Found]) -> None:
    """A person the gazetteer knows, named as the page spells them, keeps the gazetteer's surname where the page's
    reading differs from it by an ending alone (у вице-премьера Ералы Тугжанова read as a woman's Тугжанова: the
    gazetteer's Ералы Тугжанов says the sex)."""
    for rec in found.values():
        entry = rec.entry
        if rec.type != "PERSON" or entry is None or entry.type != "PERSON":
            continue
        known, words = entry.name_in("ru").split(), rec.name.split()
        if len(known) != 2 or len(words) != 2 or known == words or skeleton(known[0]) != skeleton(words[0]):
            continue
        short, long = sorted((known[1], words[1]), key=len)
        if long.startswith(short) and len(long) - len(short) in (1, 2) and long[len(short) :] in ("а", "ой", "ым"):
            rec.name = " ".join((words[0], known[1]))


def _russian_sex_from_item(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A Russian "first name surname" read as one sex (Ермухамета Шилибаева: a man's genitive or a woman's
    nominative?) is read again as the other where the item's other forms of the surname show that one: Шилибаев,
    Шилибаевым or Шилибаеве a man's, Шилибаевой a woman's (Шилибаеву and Шилибаева are either); or where a noun
    for a woman or a man stands before the name (жительница района Газиза Батырханова, участницу Рухшону
    Папариеву, сержанта Малика Колганата).  First, a name in Kazakh letters takes the Russian spelling the item
    also gives (``_russian_spellings_of_kazakh_names``)."""
    _russian_spellings_of_kazakh_names(found)
    _russian_known_people_in_their_sex(found)
    words: set[str] | None = None
    women: frozenset[str] | None = None  # s12: read once, when a name needs it
    for eid, rec in list(found.items()):
        parts = rec.name.split()
        if rec.type == "PERSON" and rec.entry is None and len(parts) == 1:
            _russian_surname_by_sex(found, rec, fields)
            continue
        if rec.type != "PERSON" or rec.entry is not None or len(parts) != 2:
            continue
        written = next((a.split() for a in rec.aliases if len(a.split()) == 2), None)
        told = {_ru_sex_before(fields.get(m.field) or "", m.start) for *_, m in rec.mentions} - {""}
        m = _RU_SURNAME_FORMS.fullmatch(parts[1])
        if (
            not told
            and written is not None
            # Улана Мадиева заставила: a man's known name in the genitive, the verb another subject's
            and not _ru_mans_name_declined(written[0])
            and any(_ru_woman_verb_at(fields.get(mm.field) or "", mm) for *_, mm in rec.mentions)
        ):
            told = {"f"}  # a woman's past-tense verb by the name (поделилась Рина Наумова)
        if not told and written is not None and not _ru_mans_name_declined(written[0]):
            if women is None:
                women = _ru_surnames_told_women(fields)
            if written[1] in women:
                told = {"f"}  # s12: пояснила Сейтова, the surname alone as the full name writes it
        if not told and written is not None:
            told = _ru_sex_by_cases(rec, fields)
        if len(told) == 1 and written is not None:
            man = told == {"m"}
            woman = not man
        elif m is None:
            continue
        else:
            if words is None:
                words = {
                    w for text in fields.values() if isinstance(text, str) for w in _CAPITALISED_RU.findall(text)
                }
            masc = m.group(1)
            man = any(masc + ending in words for ending in ("", "ым", "ом", "е"))
            woman = any(masc + ending in words for ending in ("ой", "ою"))
            if man == woman or (man and parts[1] == masc) or (woman and parts[1] == masc + "а"):
                continue
        if written and written[1].isupper() and len(told) == 1:
            # the sentence shows the person, so the surname in capitals is no byline's (судьи Сабыржана КАРИМОВА)
            written = [written[0], written[1].capitalize()]
        again = _russian_name_in_nominative(written[0], written[1], "m" if man else "f") if written else None
        if again is None and man and written:
            again = _ru_undeclined_first_name_with_genitive_surname(written)
        if again is None:
            continue
        name = " ".join(again)
        if name == rec.name:
            continue
        del found[eid]
        new_id = hashed_id(name, "PERSON")
        other = found.get(new_id)
        if other is not None:
            other.mentions.extend(rec.mentions)
            for alias in rec.aliases:
                other.add_alias(alias)
            continue
        rec.name, rec.entity_id = name, new_id
        found[new_id] = rec


#: The last letters of a place's stem that its feminine nominative in -а follows (в Москве, Праге, Риге, Будве,
#: Анкаре, Пуле); after other letters the prepositional's -е goes and the stem is the name (в Линце, Мадриде).
_RU_FEMININE_PLACE_STEM = re.compile(r"(?<!р)[вгзлр]$")

#: Prepositions after which a place stands in the prepositional case.
_RU_PLACE_PREPOSITIONS = frozenset(("в", "во", "на"))


def _russian_place_nominatives(word: str) -> tuple[str, ...]:
    """The nominatives a place unknown to the gazetteer may have when written in the prepositional (в Линце,
    в Пуле), likeliest first; the word itself when it is no prepositional."""
    own = _ru_place_nominative_of_its_own(word)  # s9-eru
    if own is not None:
        return (own,)
    low = word.lower()
    if len(low) < 4 or not low.endswith("е") or low.endswith(("ие", "ое", "ее", "ые")) or not word.isalpha():
        return (word,)
    stem = word[:-1]
    if stem[-1:].lower() in "ауо":
        return (stem + "й",)  # в Рыспае, в Бурабае: a name in -ай
    feminine = stem + "а"
    if _RU_FEMININE_PLACE_STEM.search(stem.lower()):
        return (feminine, stem)
    return (stem, feminine)


#: Kinds of a local body Russian writes in lower case before what it deals with and where (управление
#: криминальной полиции ЗКО, межрайонный суд по уголовным делам Астаны): stem -> nominative and gender.
_RU_LOCAL_BODIES = {
    "суд": ("суд", "m"),
    "управлен": ("управление", "n"),
    "департамент": ("департамент", "m"),
    "отдел": ("отдел", "m"),
    "прокуратур": ("прокуратура", "f"),
    "акимат": ("акимат", "m"),
    "маслихат": ("маслихат", "m"),
    "инспекц": ("инспекция", "f"),
    "комитет": ("комитет", "m"),
}

#: A lower-case adjective in any case (межрайонном, криминальной, специализированного) and its stem.
#: Two joined by a hyphen are one (музыкально-драматический, усть-каменогорский).
_RU_LOWER_ADJECTIVE = re.compile(
    # a noun's genitive plural in -ений, -аний is no adjective (земельных отношений, учреждений), as -нний is
    r"(?![а-яё-]*[^н][еа]ний$)"
    r"((?:[а-яё]{3,}[оеиь]-)?[а-яё]{3,}(?:н|ск|ов|ев))(ый|ий|ой|ого|ому|ым|ом|ая|ую|ое|ые|ых)"
)

#: A lower-case noun in the genitive after a body (полиции, службы, безопасности, юстиции).
_RU_LOWER_GENITIVE = re.compile(r"[а-яё]{3,}(?:ии|ия|ости|ства|ния|ции|ы|и)")

#: A lower-case word in the dative plural after по (по уголовным делам).
_RU_DATIVE_PLURAL = re.compile(r"[а-яё]{2,}(?:ам|ям|ым|им)")

#: Adjectives stressed on the ending, whose nominative is -ой (городской, областной).
_RU_STRESSED_ADJECTIVES = frozenset(("городск", "областн", "окружн"))

_RU_ADJECTIVE_NOMINATIVE = {"m": "ый", "f": "ая", "n": "ое"}


def _ru_local_body(word: str) -> tuple[str, str] | None:
    """The nominative and gender of a local body's kind written in lower case (управления, суде), else None."""
    if not word.isalpha() or not word.islower():
        return None
    return _RU_LOCAL_BODIES.get(match_stem_ru(word))


def _ru_lower_adjective(word: str) -> bool:
    return word.islower() and _RU_LOWER_ADJECTIVE.fullmatch(word) is not None


def _ru_named_kind(word: str) -> tuple[str, str] | None:
    """The nominative and gender of a kind of body a name opens with, in lower case or capitalised, else None."""
    if not word.isalpha() or word.isupper():
        return None
    return _RU_NAMED_KINDS.get(match_stem_ru(word))


def _ru_body_words_before(words: list[str], end: int) -> int:
    """Where a lower-case local body's name opens that ends at ``end`` (just before a place in the genitive):
    the kind of body, adjectives before it, and what it deals with after it (криминальной полиции, по уголовным
    делам); -1 when the words before the place are no such name."""
    k = end
    while k > 0 and end - k <= 5 and _ru_local_body(words[k - 1]) is None:
        k -= 1
    if k == 0 or _ru_local_body(words[k - 1]) is None:
        return -1
    after_po = False
    for at, w in enumerate(words[k:end], k):
        if w == "города" and at == end - 1:
            continue  # Межрайонный суд города Аксу
        if w == "по" and not after_po:
            after_po = True
        elif at == k and w == "№" or at == k + 1 and w.isdigit() and words[k] == "№":
            continue  # суд №2 Алмалинского района: the court's number after its kind
        elif not w.islower() or not (
            (after_po and _RU_DATIVE_PLURAL.fullmatch(w))
            or _ru_lower_adjective(w)
            or _RU_LOWER_GENITIVE.fullmatch(w)
        ):
            return -1
    if words[end - 1] == "по":
        return -1
    start = k - 1
    while start > 0 and end - start < 8 and _ru_lower_adjective(words[start - 1]):
        start -= 1
    if start > 0 and words[start - 1][:1].isupper() and _RU_LOWER_ADJECTIVE.fullmatch(words[start - 1].lower()):
        start -= 1  # the name opens with a capitalised adjective (Медеуский районный суд Алматы)
    # the kind alone before a place (суд Енбекшинского района) names the place's body, not one of its own, but for
    # bodies every place has one of and nothing else (акимат Актау, прокуратура Аксу)
    alone_is_a_body = end - start == 1 and match_stem_ru(words[start]) in _RU_PLACES_OWN_BODIES
    if start > 0 and words[start].islower() and _ru_system_or_day_before(words[start - 1]):
        return -1  # органах прокуратуры Казахстана, Днем прокуратуры РК: the system, a holiday
    return start if end - start > 1 or alone_is_a_body else -1


#: Bodies that exist only as a place's own: the kind and the place are the body's name (акиматом Актюбинской
#: области, прокуратура Аксу).
_RU_PLACES_OWN_BODIES = frozenset(("акимат", "прокуратур", "маслихат"))


def _russian_local_body(words: list[str]) -> list[str] | None:
    """Межрайонном суде по уголовным делам Астаны -> Межрайонный суд по уголовным делам Астаны, Департамента
    полиции -> Департамент полиции: the adjectives and the kind of body in the nominative, capitalised; what
    follows as written.  A lower-case body's level (городского управления, областного управления) is no part of
    its name.  None for other names."""
    k = next((k for k, w in enumerate(words[:6]) if _ru_named_kind(w) is not None), -1)
    if k < 0 or not all(_RU_LOWER_ADJECTIVE.fullmatch(w.lower()) for w in words[:k]):
        return None
    body = _ru_named_kind(words[k])
    if body is None or (words[k][:1].isupper() and k > 0 and not words[0][:1].isupper()):
        return None
    noun, gender = body
    out: list[str] = []
    for w in words[:k]:
        m = _RU_LOWER_ADJECTIVE.fullmatch(w.lower())
        if m is None:
            return None
        stem = m.group(1)
        if w.islower() and stem in _RU_LEVELS and noun in _RU_LEVELLED_KINDS:
            continue
        ending = _RU_ADJECTIVE_NOMINATIVE[gender]
        if gender == "m" and stem in _RU_STRESSED_ADJECTIVES:
            ending = "ой"
        elif gender == "m" and stem.endswith(("ск", "к")):
            ending = "ий"
        out.append(w[: len(stem)] + ending)
    out.append(noun)
    out += words[k + 1 :]
    return [out[0][:1].upper() + out[0][1:], *out[1:]]


#: The level of a body written in lower case before its kind (городского, областного, районного управления).
_RU_LEVELS = frozenset(("городск", "областн", "районн"))

#: Kinds whose level is no part of the name (the city's or the region's department of education), unlike a
#: court's (районный суд).
_RU_LEVELLED_KINDS = frozenset(("управление", "департамент", "отдел"))


_RU_WORD = re.compile(r"[^\W\d_]+")


def _russian_full_names_in_lower_case(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A body the item names by a colloquial short name (Минздрав, Минфин) takes its full name where the
    item also writes that in lower case (министерством здравоохранения), as it does when the full name is
    capitalised."""
    short = [
        rec
        for rec in found.values()
        if rec.entry is not None and rec.entry.type == "ORG" and rec.name in rec.entry.variants and " " not in rec.name
    ]
    if not short:
        return
    stems = [match_stem_ru(w) for text in fields.values() if isinstance(text, str) for w in _RU_WORD.findall(text)]
    for rec in short:
        full = rec.entry.names.get("ru") if rec.entry is not None else None
        if not full or " " not in full:
            continue
        want = [match_stem_ru(w) for w in full.split()]
        k = len(want)
        if any(stems[i : i + k] == want for i in range(len(stems) - k + 1) if stems[i] == want[0]):
            rec.name = full


#: Words Russian writes before a street's name, by form, and the kind's nominative: the name after them is in
#: apposition and keeps its own form, often a person's genitive (улице Абая -> улица Абая, проспекте Республики).
_RU_STREET_KINDS = {
    **dict.fromkeys(("улица", "улицы", "улице", "улицу", "улицей", "улиц", "улицам", "улицах", "ул"), "улица"),
    **dict.fromkeys(("проспект", "проспекта", "проспекте", "проспекту", "проспектом", "пр-т"), "проспект"),
    **dict.fromkeys(("переулок", "переулка", "переулке", "переулку", "переулком"), "переулок"),
    **dict.fromkeys(("бульвар", "бульвара", "бульваре", "бульвару", "бульваром"), "бульвар"),
    **dict.fromkeys(("площадь", "площади", "площадью"), "площадь"),
    **dict.fromkeys(("микрорайон", "микрорайона", "микрорайоне", "микрорайону", "микрорайоном", "мкр"), "микрорайон"),
    # a list of them (в микрорайонах Береке и Нурсая): each one a микрорайон
    **dict.fromkeys(("микрорайонах", "микрорайонов", "микрорайоны"), "микрорайон"),
}

#: Words Russian writes before a settlement's or a locality's name, by form: the name after them stands in the
#: nominative whatever their case (в селе Бестерек, поселком Шиликты, в сёлах Константиновка и Октябрьское).
_RU_SETTLEMENT_KINDS = frozenset(
    "город города городе городу городом "
    "село села селе селу селом сёла сёлах селах селам поселок посёлок поселка посёлка поселке посёлке поселку "
    "посёлку поселком посёлком поселки посёлки поселков посёлков поселках посёлках аул аула ауле аулу аулом "
    "деревня деревни деревне деревню деревней станция станции станцию местность местности местностью "
    # the genitive plural of a list (жителей сел Екидын и Аккысы, из сёл Женис, Оргебас и Достык)
    "сел сёл аулов деревень "
    # a river, named as written after its kind (реки Нура, на реке Шерубайнура)
    "река реки реке реку рекой "
    # an oil or gas field is a place named as a settlement is (месторождений Кашаган и Карачаганак)
    "месторождение месторождения месторождении месторождению месторождением месторождений месторождениях".split()
)

#: A region's kind before its name, which the region keeps in its own name (области Улытау -> область Улытау).
_RU_REGION_KINDS = frozenset(("область", "области", "областью", "областей", "областям", "областях"))

#: Honorifics and name words written in lower case after a Kazakh name, part of a street's name (улица Абулхаир хана,
#: Жибек жолы).
_KK_HONORIFICS = frozenset(("хана", "хан", "батыра", "батыр", "би", "ата", "ана", "акына", "акын", "жолы"))


_RU_PLACE_KIND_OF = {
    **dict.fromkeys(_RU_REGION_KINDS, "region"),
    **dict.fromkeys(_RU_SETTLEMENT_KINDS, "settlement"),
    **dict.fromkeys(_RU_STREET_KINDS, "street"),
}


def _ru_place_kind_word(word: str) -> str:
    """``street``, ``settlement`` or ``region`` for a kind of place written before a name, else ``""``."""
    return _RU_PLACE_KIND_OF.get(word.lower(), "")


def _ru_name_word(word: str) -> bool:
    """A capitalised word that may open a place's name (Абая, Октябрьское, Думан-2), or a number (7)."""
    return word[:1].isupper() and any(c.isalpha() for c in word) and not word.isupper() or word.isdigit()


#: Marks between two streets that cross (Абая – Сейфуллина, Жибек жолы/Аблайхана).
_RU_CROSSING_MARKS = frozenset(("-", "–", "—", "/"))


def _ru_kind_before(words: list[str], start: int) -> int:
    """Where the kind of place stands that the name at ``start`` follows, directly or as a later member of a
    list (улиц Тажибаева и Байтурсынова, областей Абай, Улытау): the kind's index, else -1."""
    k = start - 1
    if k >= 0 and words[k] == "." and k > 0 and words[k - 1] in ("ул", "мкр", "пос", "с"):
        k -= 1  # ул. Абая
    steps = 0
    while k >= 0 and steps < 8:
        w = words[k]
        if w.islower() and _ru_place_kind_word(w):
            return k
        if (
            w in (",", "и")
            or w in _RU_CROSSING_MARKS
            or _ru_name_word(w)
            or (w in _KK_HONORIFICS and k > 0 and _ru_name_word(words[k - 1]))
        ):
            k -= 1
            steps += 1
            continue
        return -1
    return -1


#: A kind's short form glued to the name by its stop (с.Береке, ул.Абая).
_RU_GLUED_KIND = re.compile(r"(с|пос|ул|мкр)\.([А-ЯЁ][а-яё-]+)")
_RU_GLUED_KINDS = {"с": "settlement", "пос": "settlement", "ул": "street", "мкр": "street"}
_RU_GLUED_KIND_IN = re.compile(r"(?<!\S)(?:с|пос|ул|мкр)\.[А-ЯЁ]")


def _ru_place_by_kind(words: list[str], start: int, end: int) -> str | None:
    """The name of a place named after its kind (``_ru_kind_before``): a street's with its kind in the
    nominative (улица Абая, 7 микрорайон), a region's with область (область Улытау), a settlement's as written;
    None when no kind stands before it."""
    name = words[start:end]
    glued = _RU_GLUED_KIND.fullmatch(name[0]) if len(name) == 1 else None
    if glued is not None:
        kind = _ru_place_kind_word(glued.group(1))
        noun = _RU_STREET_KINDS.get(glued.group(1), "")
        return f"{noun} {glued.group(2)}" if kind == "street" else glued.group(2)
    if len(name) == 2 and name[0].isdigit() and name[1].lower() in _RU_STREET_KINDS:
        return f"{name[0]} {_RU_STREET_KINDS[name[1].lower()]}"  # 7 микрорайон
    if name and name[0].islower() and _ru_place_kind_word(name[0]):
        kind_at, name = start, name[1:]
    else:
        kind_at = _ru_kind_before(words, start)
    if kind_at < 0 or not name:
        return None
    if name[0] == "." and len(name) > 1:
        name = name[1:]
    kind = _ru_place_kind_word(words[kind_at])
    if kind == "street":
        noun = _RU_STREET_KINDS[words[kind_at].lower()]
        return " ".join((*name, noun) if name[0].isdigit() else (noun, *name))
    if kind == "region":
        return " ".join(("область", *name))
    return " ".join(name)


def _ru_region_name(tokens: list[str], j: int) -> bool:
    """Whether token ``j`` after области names the region: an undeclined name (области Улытау, Абай), not a
    country's genitive (области Казахстана) nor, before another capitalised word, a person's first name (аким
    области Ерлан ...) unless the gazetteer knows the word as it stands."""
    word = tokens[j]
    if _RU_ADJECTIVE.search(word.lower()) or (j + 1 < len(tokens) and tokens[j + 1] in _RU_AREAS):
        return False  # областей ..., Атырауской области: a region named by its adjective has its own rule
    entry = load_gazetteer().lookup(word, "ru")
    known = entry is not None and word in entry.aliases
    low = word.lower()
    if entry is not None and not known and any(
        low.startswith(a.lower()) or a.lower()[:-1] == low[:-1] for a in entry.aliases
    ):
        return False  # a known place declined (Казахстана, России): its genitive, not a region's name
    return known or not (j + 1 < len(tokens) and tokens[j + 1][:1].isupper())


def _ru_names_listed_after(tokens: list[str], j: int) -> bool:
    """Whether two capitalised words joined by a comma or и stand at ``j`` (Екидын, Аккысы; Женис и Достык)."""
    return (
        j + 2 < len(tokens)
        and _ru_name_word(tokens[j])
        and tokens[j + 1] in (",", "и")
        and _ru_name_word(tokens[j + 2])
    )


#: A kind of street in the plural (улиц, улицам, улицах, микрорайонах): after a number it counts streets.
_RU_PLURAL_STREET_FORMS = frozenset(
    "улицы улиц улицам улицах улицами проспектов проспектам проспектах микрорайонов микрорайонам микрорайонах "
    "переулков переулкам переулках".split()
)

#: A capitalised adjective in the nominative that opens a settlement's name of two words (Большая Малышка,
#: Красная поляна, Новый Иргиз).
_RU_SETTLEMENT_ADJECTIVE = re.compile(r"[А-ЯЁ][а-яё]{2,}(?:ая|яя|ый|ий|ой|ое|ее)")


def _ru_settlement_of_two_words(tokens: list[str], j: int) -> bool:
    """Whether the settlement's name at ``j`` is an adjective and a noun: the noun capitalised (Большая Малышка,
    Новый Иргиз) or, after a feminine adjective, a feminine noun in lower case (Красная поляна)."""
    if j + 1 >= len(tokens) or not _RU_SETTLEMENT_ADJECTIVE.fullmatch(tokens[j]):
        return False
    noun = tokens[j + 1]
    if _ru_name_word(noun) and not noun.isdigit():
        return noun.isalpha() and noun not in _RU_AREAS and _RU_ADJECTIVE.search(noun.lower()) is None
    return tokens[j].endswith(("ая", "яя")) and noun.isalpha() and noun.islower() and noun.endswith(("а", "я"))


def _places_by_kind_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """Places named after their kind are places, whatever the name looks like: streets named after people
    (по улице Абая, на перекрёстке улиц Тажибаева и Байтурсынова), settlements the gazetteer does not know
    (поселком Шиликты, в сёлах Константиновка и Октябрьское), regions named after a person or a place (области
    Абай, областей Абай, Улытау) and numbered districts (в 7 микрорайоне).  A settlement the gazetteer knows
    keeps its entry."""
    kind_of = _RU_PLACE_KIND_OF
    # the kinds (written in lower case) and glued short kinds, found by C-level calls: most sentences have none
    at = list(compress(range(len(tokens)), map(kind_of.__contains__, tokens)))
    if _RU_GLUED_KIND_IN.search(" ".join(tokens)) is not None:
        at = sorted({*at, *compress(range(len(tokens)), map(_RU_GLUED_KIND.fullmatch, tokens))})
    if not at:
        return spans
    n = len(tokens)
    found: list[tuple[Span, str]] = []
    for k in at:
        word = tokens[k]
        kind = kind_of.get(word, "")
        if word == "сел" and not _ru_names_listed_after(tokens, k + 1):
            continue  # за руль сел Асхат: the verb, unless a list of villages follows (сел Екидын и Аккысы)
        if not kind:
            glued = _RU_GLUED_KIND.fullmatch(word)
            if glued is not None:
                found.append((Span(k, k + 1, "LOC", None), _RU_GLUED_KINDS[glued.group(1)]))
            continue
        if kind == "street" and word != "мкр" and k > 0 and tokens[k - 1].isdigit():
            if word.lower() not in _RU_PLURAL_STREET_FORMS:
                found.append((Span(k - 1, k + 1, "LOC", None), kind))  # в 7 микрорайоне
            continue  # по 37 улицам, на 6 улицах: streets counted, none named
        j = k + 1
        if j < n and tokens[j] == "." and word in ("ул", "мкр", "пос", "с"):
            j += 1
        elif word in ("с", "пос", "ул", "мкр"):
            continue  # с is a preposition unless a stop makes it the short form of село
        if kind == "region" and k > 0 and tokens[k - 1][:1].isupper() and _RU_ADJECTIVE.search(tokens[k - 1]):
            continue  # Западно-Казахстанская область Театр ...: the kind closes a region's name, opens none
        first = True
        while j < n and _ru_name_word(tokens[j]) and not tokens[j].isdigit():
            if kind == "region" and not _ru_region_name(tokens, j):
                break
            e = j + 1
            if kind == "street":
                # a street's name may have two or three words (Динмухамеда Кунаева, Абулхаир хана)
                while e < n and e - j < 3 and (
                    _ru_name_word(tokens[e]) and not tokens[e].isdigit() or tokens[e] in _KK_HONORIFICS
                ):
                    e += 1
            elif kind == "settlement" and _ru_settlement_of_two_words(tokens, j):
                e += 1  # сёл Большая Малышка, Барневка; в селе Красная поляна: an adjective and its noun
            elif (
                kind == "settlement"
                and e < n
                and tokens[e][:1].isupper()
                # в селе Абай Ескельдинского района: the district the village is in follows it
                and not (e + 1 < n and tokens[e + 1] in _RU_AREAS and _RU_ADJECTIVE.search(tokens[e]))
            ):
                break  # аким города Булат ИМАНОВ: a person after the kind, not a town
            start = k if first and kind != "settlement" else j
            found.append((Span(start, e, "GPE" if kind == "region" else "LOC", None), kind))
            first = False
            if e + 1 < n and (tokens[e] in (",", "и") or kind == "street" and tokens[e] in _RU_CROSSING_MARKS) and (
                _ru_name_word(tokens[e + 1])
            ):
                j = e + 1  # улиц Абая - Сейфуллина, Жибек жолы/Аблайхана: the crossing's second street
                continue
            break
    if not found:
        return spans
    out: list[Span] = []
    for new, kind in found:
        if kind == "settlement" and any(
            sp.entry is not None and sp.type in ("GPE", "LOC") and sp.start <= new.start and sp.end >= new.end
            for sp in spans
        ):
            continue  # a settlement the gazetteer knows
        out.append(new)
    if not out:
        return spans
    taken = {j for sp in out for j in range(sp.start, sp.end)}
    rest = [sp for sp in spans if not any(j in taken for j in range(sp.start, sp.end))]
    return sorted([*rest, *out], key=lambda sp: sp.start)


#: The state's bodies the country has one of, which Russian news writes in lower case too (в сенате, заседание
#: правительства): the gazetteer's name in the nominative, by form.
_RU_SOLE_BODIES_LOWER = {
    **dict.fromkeys(("сенат", "сената", "сенате", "сенату", "сенатом"), "Сенат"),
    **dict.fromkeys(("мажилис", "мажилиса", "мажилисе", "мажилису", "мажилисом"), "Мажилис"),
    **dict.fromkeys(("парламент", "парламента", "парламенте", "парламенту", "парламентом"), "Парламент"),
    **dict.fromkeys(
        ("правительство", "правительства", "правительстве", "правительству", "правительством"), "Правительство"
    ),
}

#: Kinds of body that Russian names in lower case with what they deal with in the genitive (в министерстве
#: энергетики, руководитель управления образования): the kind alone is no name.
_RU_LOWER_KINDS = frozenset(("министерств", "управлен", "департамент", "комитет"))

#: Kinds of body a capitalised name opens with, what it deals with or whom it serves after it in the genitive
#: (Департамента полиции, Центром оперативного управления, Театр юного зрителя): stem -> nominative and gender.
_RU_NAMED_KINDS = {
    **_RU_LOCAL_BODIES,
    **{stem: (stem + "о", "n") for stem in ("министерств", "агентств")},
    **{stem: (stem, "m") for stem in ("центр", "театр", "колледж", "институт", "университет", "фонд", "совет")},
    "муз": ("музей", "m"),
    "лиц": ("лицей", "m"),
    "гимназ": ("гимназия", "f"),
    "академ": ("академия", "f"),
    "школ": ("школа", "f"),
    "больниц": ("больница", "f"),
    "гвард": ("гвардия", "f"),
    "служб": ("служба", "f"),
    # аэропорт имени Алии Молдагуловой, Дворец культуры имени Естая: named after someone, or for what it is for
    "аэропорт": ("аэропорт", "m"),
    **dict.fromkeys(("дворец", "дворц"), ("дворец", "m")),
}

#: The first three letters of every kind a body's name opens with: a cheap test before the stem's.
_RU_KIND_PREFIXES = frozenset(stem[:3] for stem in _RU_NAMED_KINDS)

#: A word a body's name may open with, by its first letters (tested by C calls over a sentence's words).
_RU_BODY_WORD = re.compile(
    r"(?i:" + "|".join(sorted(_RU_NAMED_KINDS, key=len, reverse=True)) + ")|сенат|мажилис|парламент|правительств"
    r"|(?:обл|гор|рай|ген)(?:прокуратур|акимат|маслихат|суд|здрав|оно)"
)

#: Endings of a Russian verb's past, infinitive or present (сообщили, заявила, будет, работают), a short
#: participle's (приняты, направлены) or an adverb's (категорически): no complement of a body's name (в
#: министерстве сообщили).  A genitive plural in -ол (кукол) is no past tense.
_RU_VERB_END = re.compile(r"(ли|ла|ло|[^о]л|ть|ти|ет|ёт|ют|ут|ит|ат|ят|ем|им|сь|ся|ски|ены|ыты|яты|иты)$")

#: A genitive adjective inside a body's complement (пассажирского, автомобильных, санитарно-эпидемиологического).
_RU_GENITIVE_ADJECTIVE = re.compile(r"[а-яё-]{2,}(?:ого|его|ой|ей|ых|их)")

#: A genitive noun: feminine and abstract ones by their ending (образования, полиции, культуры, энергетики), any
#: other after an adjective that agrees with it (пассажирского транспорта, автомобильных дорог).
_RU_GENITIVE_NOUN_STRICT = re.compile(r"[а-яё]{3,}(?:ии|ия|ости|ства|ния|ции|ы|и|ки|ов|ев)")

#: A genitive plural with no ending (искусств, дорог, кукол, наук, религий, технологий), which only a kind's
#: complement puts there.
_RU_ZERO_GENITIVE_PLURAL = re.compile(r"[а-яё]{3,}(?:[бвгдзклмнпрстфхцчшщ]|[еи]й)")

#: Place words and pronouns that end like a genitive but are no complement of a body.
_RU_NOT_COMPLEMENTS = frozenset(
    "города области района округа страны республики их его ее её этой этого того всех которые которых "
    "также были были сегодня имени".split()
)


#: A lower-case adjective in the dative (чрезвычайным, водным, физической).
_RU_DATIVE_ADJECTIVE = re.compile(r"[а-яё-]{3,}(?:ым|им|ому|ему|ой)")

#: A noun in the dative plural after по (ситуациям, делам, ресурсам, вопросам).
_RU_DATIVE_PLURAL_NOUN = re.compile(r"[а-яё]{3,}(?:ам|ям)")

#: A verbal noun in the dative after по (противодействию, регулированию, развитию) and the few others a body's
#: field has (по борьбе, по защите, по охране): по делу, по поводу are no field.
_RU_DATIVE_ACTION = re.compile(r"[а-яё]{3,}(?:нию|тию|вию|ствию)|борьбе|защите|охране|работе|надзору|контролю")

#: A masculine noun in the dative after a verbal noun (противодействию экстремизму, терроризму, туризму).
_RU_DATIVE_OBJECT = re.compile(r"[а-яё]{4,}(?:изму|[бвгджзклмнпрстфхцчшщ]у)")

#: A word in the instrumental after с (с экономической и коррупционной преступностью).
_RU_INSTRUMENTAL = re.compile(r"[а-яё-]{3,}(?:ой|ей|ым|им|ыми|ими|ью|ом|ем|ами|ями)|и")


def _ru_field_after_po(words: list[str], j: int) -> int:
    """One past the field a body's kind names with по (Управление по чрезвычайным ситуациям, Агентство по
    борьбе с экономической и коррупционной преступностью, суд по делам несовершеннолетних); ``j`` when no such
    field starts there."""
    n = len(words)
    if j + 1 >= n or words[j] != "по":
        return j
    k = j + 1
    while k + 1 < n and k - j <= 3 and words[k].islower() and _RU_DATIVE_ADJECTIVE.fullmatch(words[k]):
        k += 1
    w = words[k]
    if not w.islower() or not (_RU_DATIVE_PLURAL_NOUN.fullmatch(w) or _RU_DATIVE_ACTION.fullmatch(w)):
        return j
    k += 1
    if _RU_DATIVE_ACTION.fullmatch(w):
        # противодействию экстремизму, содействию занятости: what the work is about, a dative or a genitive
        m = k
        while m < n and m - k <= 2 and words[m].islower() and _RU_DATIVE_ADJECTIVE.fullmatch(words[m]):
            m += 1
        if m < n and words[m].islower() and _RU_DATIVE_OBJECT.fullmatch(words[m]):
            k = m + 1
    if k + 1 < n and words[k] in ("с", "со"):
        # борьбе с ...: what the work is against, adjectives and a noun in the instrumental
        m = k + 1
        while m < n and m - k <= 5 and words[m].islower() and _RU_INSTRUMENTAL.fullmatch(words[m]):
            m += 1
        if words[m - 1] == "и":
            m -= 1  # с организованной преступностью и спецподразделения ...: the и joins the next body, no field
        if m > k + 1 and words[m - 1] != "и":
            k = m
    return k


def _ru_joined(words: list[str]) -> str:
    """A body's name from its words, a comma written after the word before it (Министерство экологии, геологии и
    природных ресурсов)."""
    return " ".join(words).replace(" , ", ", ")


#: Nouns after по that open a phrase of their own, no body's field (управления образования по итогам проверки,
#: по словам, по результатам, по данным).
_RU_PO_PHRASES = frozenset(
    "итогам результатам словам данным подсчетам подсчётам оценкам сведениям причинам поводам требованиям "
    "поручениям просьбам фактам материалам".split()
)


#: Fields a body deals with that Russian writes as an abbreviation after и (управление энергетики и ЖКХ).
_RU_FIELD_ACRONYMS = frozenset(("ЖКХ", "ЧС", "ИТ"))


def _ru_field_listed_at(words: list[str], k: int) -> bool:
    """Whether the comma at ``k`` lists one more field of a body's name, the list closed by и and a lower-case
    genitive (Министерства экологии, геологии и природных ресурсов; Управления культуры, архивов и
    документации), not a comma that ends the name (в управлении образования, сообщили ...)."""
    n = len(words)
    if words[k] != "," or k + 1 >= n:
        return False
    for at in range(k + 1, min(n, k + 6)):
        w = words[at]
        if w == "и":
            return at > k + 1 and at + 1 < n and words[at + 1].islower() and _ru_named_kind(words[at + 1]) is None
        if w == ",":
            continue
        if not w.isalpha() or not w.islower() or _ru_named_kind(w) is not None or _RU_VERB_END.search(w):
            return False
        if not (_RU_GENITIVE_NOUN_STRICT.fullmatch(w) or _RU_GENITIVE_ADJECTIVE.fullmatch(w)):
            return False
    return False


def _ru_complement_end(words: list[str], j: int) -> int:
    """One past the genitive complement of a body's kind that starts at ``j`` (образования, пассажирского
    транспорта и автомобильных дорог, санитарно-эпидемиологического контроля Министерства здравоохранения); ``j``
    when none does."""
    n = len(words)
    start = j
    j = end = _ru_field_after_po(words, j)
    # по борьбе с организованной преступностью и спецподразделения ...: after what the work is against, и joins
    # the next body
    against = "с" in words[start:j] or "со" in words[start:j]
    po_seen = j > start
    k = fresh = j
    after_adjective = False
    while k < n and k - j < 8:
        w = words[k]
        low = w.lower()
        verb = _RU_VERB_END.search(low) is not None and not low.endswith(("сти", "мли"))  # власти, земли
        if (
            low == "по"
            and end == k > j
            and not po_seen
            and _ru_field_after_po(words, k) > k
            and not _RU_PO_PHRASES.intersection(words[k + 1 : _ru_field_after_po(words, k)])
        ):
            # Департамент агентства по делам государственной службы: the field of the body one level up
            k = end = fresh = _ru_field_after_po(words, k)
            po_seen = True
            continue
        if end == k > j and _ru_field_listed_at(words, k):
            k += 1
            fresh = k  # культуры, архивов и документации: a comma between the fields the body deals with
            continue
        if low in _RU_NOT_COMPLEMENTS or len(low) < 4 and low != "и" or verb and not after_adjective:
            break
        if low.endswith("ми"):
            break  # an instrumental (управления водными ресурсами): what is managed, no body's field
        if end == k and low == "и" and k + 1 < n and words[k + 1] in _RU_FIELD_ACRONYMS:
            k += 2
            end = k  # управления энергетики и ЖКХ: the last field as an abbreviation ends the name
            break
        if low == "и":
            # пассажирского транспорта и автомобильных дорог; not министерства обороны и министерства ...: two bodies
            if against and end == j:
                break
            if end == k and k + 1 < n and words[k + 1].islower() and _ru_named_kind(words[k + 1]) is None:
                k += 1
                fresh = k  # надзора и контроля: the second noun as free as the first
                continue
            break
        if w[:1].isupper() and not (end > j and match_stem_ru(w) in _RU_NAMED_KINDS):
            break  # a capitalised word is a place or a name, unless the body one level up (Министерства ...)
        if _RU_GENITIVE_ADJECTIVE.fullmatch(low) and low.endswith(("ых", "их")) and not after_adjective and (
            k + 1 == n or not words[k + 1].islower() or _RU_VERB_END.search(words[k + 1]) is not None
        ):
            # по делам несовершеннолетних: a plural adjective standing for people closes the field
            k += 1
            end = k
            break
        if po_seen and k == fresh > j and (_RU_DATIVE_ACTION.fullmatch(low) or _RU_DATIVE_PLURAL_NOUN.fullmatch(low)):
            k += 1
            end = k  # по делам государственной службы и противодействию коррупции: a second field after по
            continue
        if _RU_GENITIVE_ADJECTIVE.fullmatch(low) and k + 1 < n:
            after_adjective = True
            k += 1
            continue
        if after_adjective or _RU_GENITIVE_NOUN_STRICT.fullmatch(low) or (
            k in (j, fresh) and (low.endswith(("а", "я")) and len(low) >= 5 or _RU_ZERO_GENITIVE_PLURAL.fullmatch(low))
        ) or (end > j and match_stem_ru(w) in _RU_NAMED_KINDS):
            after_adjective = False
            k += 1
            end = k
            continue
        break
    return end


#: A kind of body in the plural (управлений, департаментов, министерств, судах): many bodies, no name.
_RU_PLURAL_KIND_ENDS = ("ний", "ов", "ев", "ств", "ам", "ям", "ах", "ях", "ами", "ями")


def _ru_masculine_kind_in_plural(word: str) -> bool:
    """Whether a kind whose nominative ends in a consonant stands in the plural (департаменты, комитеты, суды,
    центры): bodies of a kind; -ы of a feminine kind is its genitive (службы, прокуратуры)."""
    low = word.lower()
    kind = _RU_NAMED_KINDS.get(match_stem_ru(low))
    return kind is not None and kind[1] == "m" and low.endswith("ы") and low[:-1] == kind[0]


def _bodies_named_in_full_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """Bodies the span rules miss for want of capitals or of a place after them: the state's sole bodies in
    lower case (в сенате, заседание правительства), a kind written in lower case with what it deals with (в
    министерстве энергетики, руководитель управления образования) and a capitalised kind with its complement
    (Департамента полиции, Центром оперативного управления, Государственного центра поддержки национального
    кино).  A lower-case body's own level (городского, областного) is no part of its name."""
    # the words that may open a body, found by C-level calls: most sentences have none
    spans = _acronyms_of_a_parent_ru(tokens, _akims_offices_ru(tokens, _home_after_a_minister_ru(tokens, spans)))
    candidates = list(compress(range(len(tokens)), map(_RU_BODY_WORD.match, tokens)))
    if not candidates:
        return _numbered_bodies_ru(tokens, spans) if "№" in tokens else spans
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    n = len(tokens)
    found: list[Span] = []
    free = 0
    for k in candidates:
        word = tokens[k]
        if k < free or k in covered:
            continue
        if word.islower() and k > 0 and _ru_system_or_day_before(tokens[k - 1]):
            continue  # органов прокуратуры РК, Дню полиции: the bodies of a kind as a system, a holiday
        if word.islower() and _RU_LOWER_COMPOUND_BODY.fullmatch(word):
            found.append(Span(k, k + 1, "ORG", None))  # в облздраве, горакимат: a place's own body in one word
            continue
        sole = _RU_SOLE_BODIES_LOWER.get(word)
        if sole is not None:
            if k > 0 and tokens[k - 1].lower() in _RU_HOUSE:
                continue  # в Доме правительства: a building, where the body sits
            if not (k + 1 < n and tokens[k + 1][:1].isupper() and tokens[k + 1] not in ("РК", "Казахстана")):
                found.append(Span(k, k + 1, "ORG", load_gazetteer().lookup(sole, "ru")))
            continue
        stem = match_stem_ru(word)
        if stem not in _RU_NAMED_KINDS or not word.isalpha() or word.isupper():
            continue
        if word.lower().endswith(_RU_PLURAL_KIND_ENDS) or _ru_masculine_kind_in_plural(word):
            continue  # руководителей профильных управлений и предприятий: bodies of a kind, none named
        # capitalised adjectives and lower-case ones after them open the name (Государственного центра
        # поддержки, Национальной гвардии): with them the kind needs no complement
        start = k
        while start > 0 and start - 1 not in covered and _RU_LOWER_ADJECTIVE.fullmatch(tokens[start - 1].lower()):
            start -= 1
            if tokens[start][:1].isupper():
                break
        adjectives_from = start
        if start < k and not (tokens[start][:1].isupper() and (start > 0 or _RU_PLACE_ADJECTIVE.search(tokens[start]))):
            start = k  # a capitalised adjective opening the sentence may be any word (Новый центр ...)
        end = _ru_complement_end(tokens, k + 1)
        if end + 1 < n and tokens[end] == "№" and tokens[end + 1].isdigit() and _place_served(tokens, spans, end + 2):
            end += 2  # Суд №2 Алмалинского района: the number between the kind and the place it serves
        named_after = _ru_named_after_at(tokens, end)
        if start == k and adjectives_from < k and (
            stem == "суд" and end > k + 1 and tokens[k + 1] == "по" or named_after and word.islower()
        ):
            # в специализированном межрайонном суде по делам несовершеннолетних, в областной больнице имени
            # Султанова: a lower-case kind with its field or the person it is named after names one body
            start = adjectives_from
        if any(j in covered for j in range(k + 1, end)):
            continue
        if end == k + 1 and start == k and word[:1].isupper():
            person = _person_in_genitive_at(tokens, spans, end)
            if person is not None:
                # Университет Максута Нарикбаева, Фонд Нурсултана Назарбаева: a body named after someone
                spans = [sp for sp in spans if sp is not person]
                end = person.end
        lower = word.islower() and start == k and stem not in _RU_LOWER_KINDS
        known = _ru_known_body_in_lower_case(tokens[k:end]) if lower and end - k >= 3 else 0
        end = k + known if known else end  # в службе центральных коммуникаций журналисты: the known name ends it
        place = _place_served(tokens, spans, end)
        own = place is not None and end == k + 1 and stem in _RU_PLACES_OWN_BODIES  # Прокуратура Темиртау
        own = own or named_after  # the name after имени joins it (``_named_after_ru``)
        if not own and (end == k + 1 and start == k or lower and not known):
            continue
        if place is not None:
            # the place and an abbreviation before it are the body's name now
            spans = [sp for sp in spans if sp is not place and not end <= sp.start < place.start]
            end = place.end
            city = _place_served(tokens, spans, end) if tokens[end - 1] == "района" else None
            if city is not None and tokens[end] == "города":
                # Управление полиции Алатауского района города Алматы: the district's city ends the name
                spans = [sp for sp in spans if sp is not city]
                end = city.end
        found.append(Span(start, end, "ORG", None))
        free = end
    spans = sorted([*spans, *found], key=lambda sp: sp.start) if found else spans
    if "№" in tokens:
        spans = _numbered_bodies_ru(tokens, spans)
    spans = _departments_of_a_parent_ru(tokens, _bodies_of_the_republic_ru(tokens, spans))
    return _subordinate_bodies_ru(tokens, spans)


#: Words in capitals that Russian news writes for things, not bodies: a caption's (ВИДЕО, ФОТО), an emergency
#: (ЧС), a detention centre (ИВС), an identifier (ID), a news agency's kind before its name (МИА «Казинформ»).
_RU_COMMON_CAPITALS = frozenset(
    "видео фото онлайн чс ивс сизо id дтп миа иа интернет интернета интернете интернету интернетом "
    # a code of laws (УК, КоАП), an illness or a test (КВИ, ОРВИ, УЗИ, ЭКГ, ПЦР), a crime's kind (ОПГ): common
    # nouns in capitals
    "ук упк гк нк коап кви орви узи экг пцр мрт опг вич спид ндс ввп".split()
)

_RU_HOUSE_FORMS = ("дом", "дома", "доме", "дому", "домом")

#: More common nouns Russian news writes in capitals: a sum the law counts in (МРП, МЗП), a filling station (АЗС),
#: household waste (ТБО), an incident (ЧП), artificial intelligence (ИИ), the local executive bodies as a class
#: (МИО), renewable energy (ВИЭ), the disease classification (МКБ), housing and utilities (ЖКХ), socially important
#: foods (СЗПТ), a fuel grade (АИ-95).
_RU_COMMON_CAPITALS = _RU_COMMON_CAPITALS | frozenset(
    "мрп мзп азс тбо чп ии мио виэ мкб жкх сзпт аи аи-80 аи-92 аи-95 аи-98 аи-100".split()
    # a building named by what it is for (в Доме инвесторов, Дома культуры): a house, no place
    + list(_RU_HOUSE_FORMS)
)

#: What a page has on a platform, written after the platform's name and a hyphen (Telegram-канал, Instagram-аккаунт,
#: YouTube-ролик): a channel or an account is a thing, no body.
_RU_PLATFORM_THINGS = frozenset(
    match_stem_ru(w) for w in "канал аккаунт страница блог чат бот паблик сообщество ролик трансляция".split()
)


def _ru_thing_on_a_platform(word: str) -> bool:
    """Whether one hyphenated word names a channel, an account or a post on a platform (Telegram-канале)."""
    base, hyphen, tail = word.rpartition("-")
    return bool(hyphen and base) and tail.isalpha() and tail.islower() and match_stem_ru(tail) in _RU_PLATFORM_THINGS

#: A holiday's day (ко Дню Победы, празднование Дня Независимости): an event, no person.
_RU_DAY_FORMS = frozenset(("день", "дня", "дню", "днём", "днем", "дне"))

#: Kinds of institution numbered rather than named (школа №5, гимназии № 12).
_RU_NUMBERED_KINDS = frozenset(("школ", "гимназ", "лиц", "больниц", "поликлиник", "колледж"))


#: A house in any case (Дом правительства, у Дома парламента): the building, no body.
_RU_HOUSE = frozenset(("дом", "дома", "доме", "дому", "домом"))


def _person_in_genitive_at(tokens: list[str], spans: list[Span], at: int) -> Span | None:
    """A person's first name and surname at ``at``, both in the genitive (Максута Нарикбаева, Абая Кунанбаева)."""
    # a run of capitals after a kind of body may have been typed as the body's own (Фонд | Ахмета Жубанова)
    sp = next(
        (sp for sp in spans if sp.start == at and sp.type in ("PERSON", "ORG") and sp.end - sp.start == 2), None
    )
    if sp is None or sp.entry is not None:
        return None
    first, last = tokens[at], tokens[at + 1]
    if not _first_name(first, "ru") or not _RU_GENITIVE_SURNAME.search(last):
        return None
    return sp


#: A man's surname in the genitive (Нарикбаева, Сатпаева, Ауэзова, Березовского).
_RU_GENITIVE_SURNAME = re.compile(r"(?:ова|ева|ёва|ина|ына|ского|цкого)$")


def _ru_named_after_at(tokens: list[str], at: int) -> bool:
    """Whether a name follows имени or им. at ``at`` in the sentence (имени Султанова, им. Г. Султанова)."""
    if at >= len(tokens) or tokens[at] not in ("имени", "им"):
        return False
    j = at + 1
    if j < len(tokens) and tokens[j] == ".":
        j += 1
    initials = j
    while j + 1 < len(tokens) and len(tokens[j]) == 1 and tokens[j].isupper() and tokens[j + 1] == ".":
        j += 2
    if j > initials and j == len(tokens):
        return True  # имени С. | Сейфуллина: the sentence was cut at the initial's stop, the surname follows
    word = tokens[j] if j < len(tokens) else ""
    return len(word) > 1 and word[:1].isupper() and (word.isalpha() or _RU_INITIALLED.fullmatch(word) is not None)


def _place_served(tokens: list[str], spans: list[Span], end: int) -> Span | None:
    """The place a body's name ends with, right after its field: in the genitive (Департамент полиции Алматы),
    after города (Управление энергетики города Астаны) or after по (Департамент государственных доходов по
    Атырауской области)."""
    at = end + 3 if _ru_abbreviation_in_brackets(tokens, end) else end
    at = at + 1 if at < len(tokens) and tokens[at] in ("города", "по") else at
    return next((sp for sp in spans if sp.start == at and sp.type in ("GPE", "LOC")), None)


def _ru_abbreviation_in_brackets(tokens: list[str], at: int) -> bool:
    """Whether an abbreviation in brackets stands at ``at`` (Департамент полиции (ДП) Северо-Казахстанской
    области): the page gives it inside the name, which goes on after it."""
    return at + 2 < len(tokens) and tokens[at] == "(" and tokens[at + 2] == ")" and acronym(tokens[at + 1])


def _numbered_bodies_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """An institution named by its number is an organisation with the number in its name: an acronym's (ДЮСШ №2)
    or a kind's (школы № 17)."""
    n = len(tokens)
    out: list[Span] = []
    starts = {sp.start for sp in spans}
    for sp in spans:
        if sp.type == "ORG" and sp.end + 1 < n and tokens[sp.end] == "№" and tokens[sp.end + 1].isdigit():
            out.append(Span(sp.start, sp.end + 2, "ORG", None))
        else:
            out.append(sp)
    for k in range(n - 2):
        if (
            k not in starts
            and tokens[k + 1] == "№"
            and tokens[k + 2].isdigit()
            and tokens[k].isalpha()
            and not tokens[k].isupper()
            and match_stem_ru(tokens[k]) in _RU_NUMBERED_KINDS
            and not any(sp.start <= k < sp.end for sp in out)
        ):
            out.append(Span(k, k + 3, "ORG", None))
    return sorted(out, key=lambda sp: sp.start)


def _ru_akims_office_name(words: list[str]) -> str | None:
    """Аппарат акима Костанайского района for the words of an akim's office in any case (аппарате акима ...),
    else None; a town's name without города before it (аппарата акима города Текели: Аппарат акима Текели), as
    pages give it in full once and then so."""
    if len(words) < 3 or words[1] != "акима" or match_stem_ru(words[0]) != "аппарат":
        return None
    rest = words[3:] if words[2] == "города" and len(words) > 3 else words[2:]
    return " ".join(("Аппарат", "акима", *rest))


def _ru_known_body_in_lower_case(words: list[str]) -> int:
    """How many of ``words``, a kind in lower case and its field, name a body the gazetteer knows by that name (в
    службе центральных коммуникаций: Служба центральных коммуникаций), which Russian news writes in lower case
    too; the longest such name, at least three words, else 0."""
    for n in range(len(words), 2, -1):
        name = _russian_local_body(words[:n])
        entry = load_gazetteer().lookup(" ".join(name), "ru") if name is not None else None
        if entry is not None and entry.type == "ORG":
            return n
    return 0


def _merged_pairs(spans: list[Span], joins: Callable[[Span, Span], bool]) -> list[Span]:
    """The spans with each one merged into the organisation before it where ``joins(before, it)``: one ORG span
    with no entry over both; the spans as they are when nothing merges."""
    out: list[Span] = []
    for sp in spans:
        if out and joins(out[-1], sp):
            out[-1] = Span(out[-1].start, sp.end, "ORG", None)
            continue
        out.append(sp)
    return out if len(out) != len(spans) else spans


#: Nouns before a kind of body in lower case that make it the kind as a system (органов прокуратуры, системе
#: здравоохранения) or a holiday's name (Дню полиции, День прокуратуры): no one body.
_RU_SYSTEM_WORDS = frozenset(("орган", "органы", "органов", "органам", "органах", "органами", "системы", "системе"))


def _ru_system_or_day_before(word: str) -> bool:
    """Whether ``word`` before a lower-case kind of body makes the kind no body (``_RU_SYSTEM_WORDS``, День)."""
    low = word.lower()
    return low in _RU_SYSTEM_WORDS or low in _RU_DAY_FORMS


#: A minister's post before its field (министра здравоохранения, вице-министр энергетики), in any case.
_RU_MINISTER = re.compile(r"(?:вице-)?министр(?:а|у|ом|е|ы|ов)?")


def _home_after_a_minister_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """РК after a minister's post is part of the post (министра здравоохранения РК, министр внутренних дел РК), no
    place the page names."""
    if "РК" not in tokens:
        return spans
    out = list(spans)
    for sp in spans:
        if sp.type not in ("GPE", "LOC") or sp.end - sp.start != 1 or tokens[sp.start] != "РК":
            continue
        k = sp.start - 1
        while k > 0 and sp.start - k <= 5 and tokens[k].isalpha() and tokens[k].islower():
            k -= 1
        post = next((j for j in range(k, sp.start - 1) if _RU_MINISTER.fullmatch(tokens[j].lower())), -1)
        if post >= 0 and all(w.isalpha() and w.islower() for w in tokens[post + 1 : sp.start]):
            out = [other for other in out if other is not sp]
    return out if len(out) != len(spans) else spans


def _acronyms_of_a_parent_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A body's abbreviation right before the abbreviation of the known body it belongs to is one organisation,
    named as written (КЧС МВД РК, КУИС МВД): the committee, not the ministry, is the one the page names."""

    def joins(prev: Span, sp: Span) -> bool:
        word = tokens[prev.start]
        return (
            prev.type == sp.type == "ORG"
            and prev.entry is None
            and sp.entry is not None
            and prev.end == sp.start
            and prev.end - prev.start == 1
            and 2 <= len(word) <= 6
            and word.isalpha()
            and acronym(word)
            and acronym(tokens[sp.start])
        )

    return _merged_pairs(spans, joins) if len(spans) > 1 else spans


def _akims_offices_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """An akim's office named with the place the akim heads is one organisation, in lower case too (в аппарате
    акима Костанайского района, руководитель аппарата акима города Текели): Аппарат акима and the place."""
    if "акима" not in tokens:
        return spans
    out = list(spans)
    changed = False
    for k in range(len(tokens) - 2):
        if tokens[k + 1] != "акима" or match_stem_ru(tokens[k]) != "аппарат" or not tokens[k].isalpha():
            continue
        place = _place_served(tokens, out, k + 2)
        if place is None or any(sp.start <= k < sp.end for sp in out):
            continue
        out = [sp for sp in out if sp is not place] + [Span(k, place.end, "ORG", None)]
        changed = True
    return sorted(out, key=lambda sp: sp.start) if changed else spans


def _bodies_of_the_republic_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A state body with РК between its kind and its field is one organisation, the РК in its name (Агентство РК
    по финансовому мониторингу, Агентства РК по делам государственной службы): the country is no place there."""
    if "РК" not in tokens or "по" not in tokens:
        return spans
    n = len(tokens)
    out = list(spans)
    changed = False
    for k in range(1, n - 2):
        if tokens[k] != "РК" or tokens[k + 1] != "по" or _ru_named_kind(tokens[k - 1]) is None:
            continue
        end = k + 2
        while end < n and end - k <= 8 and tokens[end].isalpha() and tokens[end].islower():
            if tokens[end] != "и" and _RU_VERB_END.search(tokens[end]) is not None:
                break  # по финансовому мониторингу рассказали: the verb ends the field
            if tokens[end] == "и" and end + 1 < n and (
                _ru_named_kind(tokens[end + 1]) is not None or tokens[end + 1].startswith("ведомств")
            ):
                break  # ... и ведомстве по делам религий: a second body
            end += 1
        if tokens[end - 1] == "и":
            end -= 1
        if end <= k + 2:
            continue
        out = [sp for sp in out if sp.end <= k - 1 or sp.start >= end] + [Span(k - 1, end, "ORG", None)]
        changed = True
    return sorted(out, key=lambda sp: sp.start) if changed else spans


#: The kinds of a body's department named by the body above it and the place it serves (Департамент КНБ
#: Алматинской области, Департамент по ЧС Северо-Казахстанской области): stems (``match_stem_ru``).
_RU_DEPARTMENT_KINDS = frozenset(("департамент", "управлен", "комитет", "служб", "отдел"))


#: The first letters of a department's kind, in either case (Департамента, управлении, Комитетом, службы).
_RU_DEPARTMENT_START = re.compile(r"(?i:департамент|управлен|комитет|служб|отдел)")


def _ru_department_word(word: str) -> bool:
    """A department's kind in the singular (Департаментом, управления), no plural (управлений)."""
    return (
        word.isalpha()
        and not word.isupper()
        and not word.lower().endswith(_RU_PLURAL_KIND_ENDS)
        and match_stem_ru(word) in _RU_DEPARTMENT_KINDS
    )


def _departments_of_a_parent_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A department's kind before the abbreviation of the body it belongs to and the place it serves is one
    organisation, named in full (Департаментом КНБ Алматинской области, департамента АФМ по Карагандинской
    области, Департаменте по ЧС Северо-Казахстанской области): the abbreviation with the place alone is no name
    the page gives.  A lower-case kind joins only a body named with its place (управления КНБ alone stays КНБ)."""
    n = len(tokens)
    # the words that may be a department's kind, found by C-level calls: most sentences have none
    kinds = [k for k in compress(range(n - 2), map(_RU_DEPARTMENT_START.match, tokens[: max(n - 2, 0)]))]
    if not kinds or not spans:
        return spans
    by_start = {sp.start: sp for sp in spans}
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    out = list(spans)
    changed = False
    for k in kinds:
        if k in covered or not _ru_department_word(tokens[k]):
            continue
        after = by_start.get(k + 1)
        if tokens[k + 1][:1].lower() == tokens[k][:1].lower():
            continue  # департамента ДЧС, управления УП: the abbreviation names the department itself
        if after is not None and after.type == "ORG" and acronym(tokens[k + 1]) and tokens[k + 1].isalpha():
            # Департамент КНБ [по] Алматинской области: the body above and the place after it
            if after.end - after.start < 2 and not tokens[k][:1].isupper():
                continue
            if after.end - after.start < 2 and _place_served(tokens, spans, after.end) is None:
                continue
            end = after.end
            place = _place_served(tokens, spans, end) if after.end - after.start < 2 else None
            drop = [after] if place is None else [after, place]
            end = place.end if place is not None else end
        elif tokens[k + 1] == "по" and acronym(tokens[k + 2]) and tokens[k + 2].isalpha() and k + 2 not in covered:
            # Департамент по ЧС Северо-Казахстанской области: the field as an abbreviation, then the place
            place = next((sp for sp in spans if sp.start == k + 3 and sp.type in ("GPE", "LOC")), None)
            if place is None:
                continue
            drop = [place]
            end = place.end
        else:
            continue
        out = [sp for sp in out if not any(sp is gone for gone in drop)]
        out.append(Span(k, end, "ORG", None))
        covered.update(range(k, end))
        changed = True
    return sorted(out, key=lambda sp: sp.start) if changed else spans


def _subordinate_bodies_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A body named with the one it belongs to in the genitive right after it is one organisation (Комитет
    санитарно-эпидемиологического контроля Министерства здравоохранения, Национальная гвардия МВД РК).  A
    department written in lower case is a part of the body after it, no name of its own: the body stays.  The
    spans as they are when nothing merges."""
    if len(spans) < 2:
        return spans
    merged = False
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.type == "ORG"
            and sp.type == "ORG"
            and prev.end == sp.start
            and prev.end - prev.start > 1
            and tokens[prev.start][:1].isupper()
            and any(_ru_named_kind(w) is not None for w in tokens[prev.start : prev.end])
            and (
                acronym(tokens[sp.start])
                or tokens[sp.start][:1].isupper()
                and tokens[sp.start][-1:] in "аыи"
                and _ru_named_kind(tokens[sp.start]) is not None
            )
        ):
            out[-1] = Span(prev.start, sp.end, "ORG", None)
            merged = True
            continue
        out.append(sp)
    return out if merged else spans


#: A place's adjective standing alone for a district or a region the item names by its kind elsewhere
#: (Баянаульский и Майский районы, области Улытау, Акмолинская и Атырауская): masculine for a district,
#: feminine for a region.
_RU_ELLIPTIC_PLACE = re.compile(r"[А-ЯЁ][а-яё]{3,}(?:ский|ская)")

_RU_AREA_BY_SUFFIX = {"ский": "район", "ская": "область"}


def _russian_regions_by_ellipsis(found: dict[str, _Found]) -> None:
    """A lone capitalised adjective of a place read as a person (Павлодарский, Акмолинская) is a district or a
    region the page names without its noun, where the page names other districts or regions with theirs: a
    masculine adjective a district, a feminine one a region."""
    areas = {
        word
        for rec in found.values()
        if rec.type in ("GPE", "LOC") and " " in rec.name
        for word in (rec.name.partition(" ")[0], rec.name.rpartition(" ")[2])
        if word in ("район", "область")
    }
    if not areas:
        return
    for eid, rec in list(found.items()):
        if rec.type != "PERSON" or rec.entry is not None or _RU_ELLIPTIC_PLACE.fullmatch(rec.name) is None:
            continue
        if any(" " in alias for alias in rec.aliases):
            continue  # named with a first name somewhere: a person
        noun = _RU_AREA_BY_SUFFIX[rec.name[-4:]]
        if noun not in areas:
            continue
        name = f"{rec.name} {noun}"
        del found[eid]
        new_id = hashed_id(name, "LOC")
        other = found.get(new_id)
        if other is not None:
            other.absorb(rec)
            continue
        rec.name, rec.entity_id, rec.type = name, new_id, "GPE"
        rec.types = Counter({"GPE": sum(rec.types.values())})
        found[new_id] = rec


_RU_SOFT_ENDS = frozenset("аеиоуыэюяйь")


#: How a name Russian does not decline ends: a foreign or Kazakh name in -и, -о, -у, -ю, -э, or -е after a consonant
#: (Дели, Тбилиси, Осло, Баку, Актобе), not a Russian neuter's -ье, -ие (Приморье) nor a Russian village's -ово,
#: -ево, -ино (Смирново: Смирнова, Смирнове); nor a name in -а after a vowel (Самоа: Само is no form of it).
_RU_INDECLINABLE_NAME = re.compile(r"(?:[иуюэ]|(?<!ов|ев|ин|ын)о|[бвгджзклмнпрстфхцчшщ]е|[оуэ]а)$")


def _russian_form_of_a_name(word: str, aliases: tuple[str, ...] | list[str]) -> bool:
    """Whether a Russian word the gazetteer matched by its stem may be a case form of one of the entry's names:
    a declension changes at most the name's last vowel, й or ь (Аксай: Аксая, Аксае; Россия: России; Казахстан:
    Казахстана), so the word keeps all the letters before it.  Stems that only collide (Аксу and Аксай, Семья and
    Семей) are no form; an acronym does not decline and matches only as written."""
    if word in aliases:
        return True
    if word.isupper() and len(word) > 1:
        if any(a.upper() == word for a in aliases):
            return True
        if len(word) <= 4:
            return False  # an acronym (МИА is no МЭА); a longer word in capitals is a headline's (МАЖИЛИСА)
    low = word.lower().replace("ё", "е")
    for alias in aliases:
        a = alias.lower().replace("ё", "е")
        if " " in a:
            return True  # a name of several words matched by its parts: not this rule's concern
        if _RU_INDECLINABLE_NAME.search(a) is not None:
            continue  # Дели, Сочи, Токио, Баку, Актобе do not decline: Дело is no form of Дели
        stem = a[:-1] if a[-1:] in _RU_SOFT_ENDS else a
        if low.startswith(stem):
            return True
    return False


#: Latin letters that do not look like Cyrillic ones (A, B, C, E, H, K, M, O, P, T, X and a, c, e, k, o, p, x, y do,
#: and a typist's slip puts them inside a Russian word: Aлматы).
_LATIN_UNLIKE_CYRILLIC = re.compile(r"[DFGIJLNQRSUVWYZbdfghijlmnqrstuvwz]")

_CYRILLIC_LETTER = re.compile(r"[а-яёА-ЯЁ]")


def _ru_mixed_script_brand(word: str) -> bool:
    """A word that mixes Latin and Cyrillic letters on purpose (Vласть, KazТАГ): a brand's, an outlet's name.
    Latin letters that only look Cyrillic are a typing slip, no brand; a platform's name before a Russian noun
    (Telegram-канал) is a thing on it."""
    return (
        _LATIN_UNLIKE_CYRILLIC.search(word) is not None
        and _CYRILLIC_LETTER.search(word) is not None
        and not _ru_thing_on_a_platform(word)
    )


#: Kinds of work, event or thing whose name Russian puts in quotes after them (фильма «Тарлан», проект «Засуха»,
#: план «Перехват», медалью «Шапагат»): the quoted word is a title, no body.
_RU_TITLE_KINDS = frozenset(
    match_stem_ru(w)
    for w in (
        "фильм лента картина спектакль драма постановка пьеса песня альбом книга роман повесть проект программа "
        "план операция акция система фестиваль конкурс турнир премия медаль орден сериал шоу выставка форум "
        "кампания марафон маршрут приложение автомобиль машина марка модель сорт сказка комедия трагедия опера "
        "балет мюзикл поэма рассказ сборник кинофестиваль кинофорум реквием"
    ).split()
)


def russian_titles_dropped(tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A name wholly in quotes right after the kind of a work, a programme or an event is a title, whatever its
    words name elsewhere (спектакль «Абай», песня «Астана», фестиваль «Еуразия», программы «Болашак»): no person,
    place or body."""
    n = len(tokens)
    return [
        sp
        for sp in spans
        if not (
            sp.start > 1
            # a company the gazetteer knows is given the project (передали проект «Самрук-Энерго»)
            and (sp.entry is None or sp.entry.type != "ORG")
            and sp.end < n
            and tokens[sp.start - 1].text in _OPEN_QUOTES_RU
            and tokens[sp.end].text in _CLOSE_QUOTES_RU
            and match_stem_ru(tokens[sp.start - 2].text.lower()) in _RU_TITLE_KINDS
        )
    ]


#: A masculine name in an oblique case after its stem's consonant or й (Кайрата, Тоболу, Кайратом, Елимая).
_RU_DECLINED_NAME = re.compile(r"[А-ЯЁ][а-яё-]*(?:[бвгджзклмнпрстфхцчшщ](?:а|у|ом|е)|[аеоу](?:я|ю|ем))")


def _ru_declined_quoted_name(tokens: list[Token], i: int, last: int = -1) -> bool:
    """Whether the one capitalised word in quotes at ``i`` is a club's or a company's name declined in the sentence
    (за исключением «Кайрата»): a title stands after its kind (фильма «Тарлан») and keeps its form.  Of a name of
    more words (от «Ак Барса»), ``last`` is the index of its last word, which declines."""
    if _RU_DECLINED_NAME.fullmatch(tokens[last if last >= 0 else i].text) is None:
        return False
    before = tokens[i - 2].text if i > 1 else ""
    # the word before governs the name's case (позиция «Кайрата»); after a dash, a comma or a conjunction the name
    # is one of a list of titles
    return (
        before.isalpha()
        and (before.islower() or i == 2)  # Лопе де Вега «Дурочка»: a name before a title governs nothing
        and match_stem_ru(before) not in _RU_TITLE_KINDS
        and before.lower() not in ("в", "во", "на", "и", "или", "а")
    )


#: A finite verb in the past (обыграл, победила, сообщили, обратился) or the present (повышает, намерен is none):
#: what a subject in quotes before it does.
_RU_FINITE_VERB = re.compile(r"[а-яё]{3,}(?:[аеиуыя]л|[аеиуыя]ла|[аеиуыя]ло|[аеиуыя]ли|ет|ит|ют|ят|ут|ат)(?:ся|сь)?")

#: Words after which a quoted phrase is a citation or a slogan, not a name (под лозунгом «...», словами «...»).
_RU_QUOTING_WORDS = frozenset(("лозунгом", "словами", "фразой", "надписью", "хэштегом", "названием", "текстом"))

#: What a film, a show or an event does, not a body (вышел в прокат, прошла, стартовал, состоялся, открылась).
_RU_WORK_VERBS = frozenset(
    """вышел вышла вышло вышли выйдет выходит прошел прошёл прошла прошло прошли пройдет пройдёт стартовал
    стартовала стартовало стартует состоялся состоялась состоялось состоится открылся открылась открылось
    откроется завершился завершилась завершилось начался началась началось начнется начнётся""".split()
)

#: Words between a subject and its verb: an adverb's (уверенно, также, вновь, уже, не).
_RU_BETWEEN_SUBJECT_AND_VERB = re.compile(r"[а-яё]{3,}о|также|вновь|уже|не|еще|ещё|всё|все")


def _ru_quoted_subject(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the name in quotes at ``i:j`` is the subject of the verb after it («Тобол» обыграл «Астану»,
    «Ордабасы» победил, местный «Тобол» принимал, «Казахтелеком» и «Кселл» повысили): a club, a company or an
    outlet that acts, where a lone quoted nominative is otherwise a title; not after a title's kind (фильм
    «Кочевник» получил).  Another quoted name joined by и may stand between it and the verb."""
    n = len(tokens)
    before = tokens[i - 2].text.lower() if i > 1 else ""
    if (
        i > 3
        and tokens[i - 3].text in _CLOSE_QUOTES_RU
        and _RU_FINITE_VERB.fullmatch(before)
        and _ru_quoted_subject(tokens, i - 4, i - 3)
    ):
        return True  # «Тобол» обыграл «Ордабасы»: the body the quoted subject acts on
    if j >= n or match_stem_ru(before) in _RU_TITLE_KINDS or before in _RU_QUOTING_WORDS:
        return False  # фильм «Кочевник» вышел, спектакль «Абай» покорил: a title's kind before it
    k = j + 1
    if k + 1 < n and tokens[k].text == "и" and tokens[k + 1].text in _OPEN_QUOTES_RU:
        k += 2
        while k < n and k - j < 8 and tokens[k].text not in _CLOSE_QUOTES_RU:
            k += 1
        k += 1
    if k + 1 < n and _RU_BETWEEN_SUBJECT_AND_VERB.fullmatch(tokens[k].text) and tokens[k + 1].text.islower():
        k += 1
    verb = tokens[k].text if k < n else ""
    return verb.islower() and _RU_FINITE_VERB.fullmatch(verb) is not None and verb not in _RU_WORK_VERBS


_OPEN_QUOTES_RU = frozenset('«“„"')
_CLOSE_QUOTES_RU = frozenset('»”“"')

#: A lower-case adjective of a place, a region or a city before a quoted name (украинской «Ворсклой», бакинским
#: «Нефтчи», столичный «Кайрат», местного «Тобола»): a club's or a company's, as the sports and business press
#: write them.
_RU_LOWER_PLACE_ADJECTIVE = re.compile(
    r"[а-яё-]{2,}(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ою|ую)|(?:столичн|местн)(?:ый|ого|ому|ым|ом|ая|ой|ую)"
)


def _ru_adjective_before_quoted(tokens: list[Token], i: int) -> bool:
    """Whether the quoted name at ``i`` follows a lower-case adjective of its place (украинской «Ворсклой»)."""
    before = tokens[i - 2].text if i > 1 else ""
    return before.islower() and _RU_LOWER_PLACE_ADJECTIVE.fullmatch(before) is not None


#: Separators of a list of quoted names: «Астана», «Тобол» и «Ордабасы».
_RU_LIST_JOINS = frozenset((",", "и", "или"))


def _ru_known_body_word(word: str) -> bool:
    """Whether a one-word name is a club or a company the gazetteer knows (Тобол of ФК Тобол, Казахтелеком)."""
    if word in _ru_club_names():
        return True
    entry = load_gazetteer().lookup(word, "ru")
    return entry is not None and entry.type == "ORG" and word in entry.aliases


_CLUB_NAMES: list[frozenset[str]] = []


def _ru_club_names() -> frozenset[str]:
    """The names of the clubs the gazetteer lists as ФК Тобол, ХК Барыс, without their kind."""
    if not _CLUB_NAMES:
        names: set[str] = set()
        for entry in load_gazetteer().entries:
            if entry.type != "ORG":
                continue
            for alias in entry.aliases:
                kind, _, name = alias.partition(" ")
                if kind in ("ФК", "ХК", "БК", "ВК") and name and " " not in name:
                    names.add(name)
        _CLUB_NAMES.append(frozenset(names))
    return _CLUB_NAMES[0]


def _ru_quoted_list_member(tokens: list[Token], i: int, j: int) -> bool:
    """Whether the one-word name in quotes at ``i:j`` is one of a list of quoted names (``«Астана», «Тобол»,
    «Ордабасы» и «Елимай»``) of which one is a club or a company the gazetteer knows, or which a kind of body or
    a place's adjective opens: the others are bodies of that kind too, not titles.  A title's kind before the
    list (фильмы «...», «...») keeps them titles."""
    n = len(tokens)
    members = [i]
    k = i
    while k >= 4 and tokens[k - 2].text in _RU_LIST_JOINS and tokens[k - 3].text in _CLOSE_QUOTES_RU:
        m = k - 4
        if m < 1 or tokens[m - 1].text not in _OPEN_QUOTES_RU:
            break
        members.append(m)
        k = m
    first = k
    k = j
    while k + 3 < n and tokens[k + 1].text in _RU_LIST_JOINS and tokens[k + 2].text in _OPEN_QUOTES_RU:
        if k + 4 >= n or tokens[k + 4].text not in _CLOSE_QUOTES_RU:
            break
        members.append(k + 3)
        k += 4
    if len(members) < 2:
        return False
    before = tokens[first - 2].text.lower() if first > 1 else ""
    if match_stem_ru(before) in _RU_TITLE_KINDS or before in _RU_QUOTING_WORDS:
        return False
    return (
        before.startswith(_RU_APPOSITION_KINDS)
        or _ru_adjective_before_quoted(tokens, first)
        or any(_ru_known_body_word(tokens[m].text) for m in members)
    )



#: Endings no nominative has: a masculine name's instrumental (Тоболом, Елимаем) and a name in -й declined
#: (Елимая, Елимаю).
_RU_SURELY_OBLIQUE = re.compile(r"[А-ЯЁ][а-яё-]*(?:[бвгджзклмнпрстфхцчшщ]ом|[аеоу](?:ем|я|ю))")

#: A masculine name's genitive after its stem's consonant (Кайрата, Барыса), where a word governs it in quotes.
_RU_GOVERNED_GENITIVE = re.compile(r"[А-ЯЁ][а-яё-]*[бвгджзклмнпрстфхцчшщ]а")

#: Kinds of body, outlet or place a name in quotes stands after in the nominative, whatever their case (в торговом
#: доме «Галактика», телеканала «Астана», клубом «Тобол»).
_RU_APPOSITION_KINDS = (
    *_OUTLET_KINDS_RU,
    *"""дом центр магазин кафе ресторан завод фабрик отел гостиниц кинотеатр клуб команд компан фонд театр музе
    санатори лагер комплекс корпорац холдинг банк обществ объединен движени парти сет ансамбл групп бренд
    товариществ предприяти учрежден кооператив хозяйств министерств комитет агентств совет суд акимат тц трц жк
    бц ао тоо фк хк""".split(),
)

#: The lower-case word and the opening quote before a quoted name (игроки «).
_RU_WORD_BEFORE_QUOTE = re.compile(r"([а-яё]+)\s*[«“„\"]$")


def _ru_surely_oblique(rec: _Found, last: str, fields: Mapping[str, str]) -> bool:
    """Whether a one-word organisation's name is declined though the item never writes its nominative: an ending
    no nominative has (с «Тоболом», у «Елимая»), or a masculine genitive in quotes after a noun that governs it
    (игроки «Кайрата», тренер «Барыса»), not after a kind that leaves a name in the nominative (клуба «Астана»,
    фильма «Тарлан»).  Of a name of more words, ``last`` is the last word, which declines."""
    if not rec.mentions or any(mention.text != rec.name for *_, mention in rec.mentions):
        return False  # a name put in the nominative already (Астаны: Астана)
    if _RU_SURELY_OBLIQUE.fullmatch(last) is not None:
        return True
    if _RU_GOVERNED_GENITIVE.fullmatch(last) is None:
        return False
    for *_, mention in rec.mentions:
        text = fields.get(mention.field, "")
        found = _RU_WORD_BEFORE_QUOTE.search(text[max(0, mention.start - 40) : mention.start])
        if found is None:
            return False
        before = found.group(1)
        if (
            before in ("в", "во", "на", "и")
            or before.startswith(_RU_APPOSITION_KINDS)
            or match_stem_ru(before) in _RU_TITLE_KINDS
        ):
            return False
    return True


#: An outlet's address with Russian letters glued after its stop (BAQ.KZ.со, Tengrinews.kz.Подробнее): a page's
#: scrap or the next sentence's first word, no part of the address.
_RU_SITE_WITH_TAIL = re.compile(
    r"([A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:kz|ru|com|media|org|net|info|tv|news|kg|uz|az|io|me))"
    r"\.[А-ЯЁа-яё]+",
    re.IGNORECASE,
)


def _russian_addresses_without_tails(found: dict[str, _Found]) -> None:
    """An outlet named by its address with Russian letters glued after it (BAQ.KZ.со) is named by the address."""
    for rec in list(found.values()):
        m = _RU_SITE_WITH_TAIL.fullmatch(rec.name) if rec.type == "ORG" and rec.entry is None else None
        if m is None:
            continue
        name = m.group(1)
        entry = load_gazetteer().lookup(name, "ru")
        eid = entry.entity_id if entry is not None else hashed_id(name, "ORG")
        del found[rec.entity_id]
        same = found.get(eid)
        if same is not None:
            same.absorb(rec)
            same.types.update(rec.types)
            continue
        rec.name, rec.entity_id, rec.entry = name, eid, entry  # as written, as an address alone is
        found[eid] = rec


def _ru_written_known(word: str) -> bool:
    """Whether the gazetteer has ``word`` as written among a name's aliases (Астана), so it is no oblique form."""
    entry = load_gazetteer().lookup(word, "ru")
    return entry is not None and word in entry.aliases


#: A place's adjective in an oblique case before the quote (украинской «, карагандинскому «, актауским «) and the
#: endings a name agreeing with it has then: (ending, what the nominative has instead), first match wins.
_RU_ADJECTIVE_BEFORE_QUOTE = re.compile(r"([а-яё-]{3,}(?:ой|ою|ому|ему|ым|им|ого|его))\s*[«“„\"]$")
_RU_NAME_ENDS_BY_ADJECTIVE = {
    "ой": (("ой", "а"), ("ы", "а")),
    "ою": (("ою", "а"),),
    "ому": (("ию", "ий"), ("у", "")),
    "ему": (("ию", "ий"), ("у", "")),
    "ым": (("ием", "ий"), ("ом", "")),
    "им": (("ием", "ий"), ("ом", "")),
    "ого": (("ия", "ий"), ("а", "")),
    "его": (("ия", "ий"), ("а", "")),
}

#: The consonant a name's stem ends with before the endings above (Ворскл-ой, Шахтер-у, Тобол-ом).
_RU_STEM_CONSONANT = frozenset("бвгджзклмнпрстфхцчшщ")


def _ru_nominative_by_adjective(rec: _Found, last: str, fields: Mapping[str, str]) -> str | None:
    """The nominative of a one-word name in quotes that agrees with a place's adjective before it (украинской
    «Ворсклой», карагандинскому «Шахтеру», актауским «Каспием»: Ворскла, Шахтер, Каспий): the same adjective's
    case before every mention, the ending that case gives the name taken off.  None otherwise, and for a name the
    gazetteer writes as is."""
    if " " in rec.name or not rec.mentions or _ru_written_known(last):
        return None
    nominative = None
    for *_, mention in rec.mentions:
        if mention.text != rec.name:
            return None
        text = fields.get(mention.field, "")
        found = _RU_ADJECTIVE_BEFORE_QUOTE.search(text[max(0, mention.start - 30) : mention.start])
        if found is None:
            return None
        adjective = found.group(1)
        ends = next((v for k, v in _RU_NAME_ENDS_BY_ADJECTIVE.items() if adjective.endswith(k)), ())
        form = None
        for end, instead in ends:
            stem = last[: -len(end)]
            if last.endswith(end) and len(stem) >= 3 and (instead == "ий" or stem[-1] in _RU_STEM_CONSONANT):
                form = stem + instead
                break
        if form is None or nominative not in (None, form):
            return None
        nominative = form
    return nominative


def _russian_org_nominatives_from_item(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A one-word organisation the gazetteer does not know, written in an oblique case (позиция «Кайрата»), takes
    the nominative the item writes elsewhere (клуб «Кайрат»): the name without its ending, where the item has it
    as a word of its own.  First, places and bodies the item names by another of the gazetteer's names take it
    (``_russian_names_as_written``), and addresses lose what is glued after them
    (``_russian_addresses_without_tails``)."""
    _russian_addresses_without_tails(found)
    _russian_names_as_written(found, fields)
    for eid, rec in list(found.items()):
        nominative = _ru_compound_body_nominative(rec.name) if rec.entry is None and rec.type == "ORG" else None
        if nominative is not None and nominative != rec.name:
            # в Генпрокуратуре: Генпрокуратура
            del found[eid]
            new_id = hashed_id(nominative, "ORG")
            if new_id in found:
                found[new_id].absorb(rec)
                continue
            rec.name, rec.entity_id = nominative, new_id
            found[new_id] = rec
    words: set[str] | None = None
    for eid, rec in list(found.items()):
        # of a name of two or three words in quotes the last declines (от «Ак Барса»)
        head, _, last = rec.name.rpartition(" ")
        if rec.type != "ORG" or rec.entry is not None:
            continue
        stem = _ru_nominative_by_adjective(rec, last, fields)
        if stem is None:
            if _RU_DECLINED_NAME.fullmatch(last) is None or _ru_written_known(last):
                continue  # «Астана» in a list of clubs: the name as the gazetteer writes it, no genitive
            stem = last[:-2] if last.endswith(("ом", "ем")) else last[:-1]
            if last[-1] in "яю" or last.endswith("ем"):
                stem += "й"  # Елимая -> Елимай
            if words is None:
                words = {w for text in fields.values() if isinstance(text, str) for w in _CAPITALISED_RU.findall(text)}
            if (head or stem not in words) and not _ru_surely_oblique(rec, last, fields):
                continue
        stem = f"{head} {stem}" if head else stem
        del found[eid]
        new_id = hashed_id(stem, "ORG")
        other = found.get(new_id)
        if other is not None:
            other.absorb(rec)
            continue
        rec.name, rec.entity_id = stem, new_id
        found[new_id] = rec
    # two forms of one unknown name (Vласть, Vласти): the one with no oblique ending takes the other's mentions
    single = [rec for rec in found.values() if rec.type == "ORG" and rec.entry is None and " " not in rec.name]
    if len(single) < 2:
        return
    by_stem: dict[str, list[_Found]] = {}
    for rec in single:
        by_stem.setdefault(match_stem_ru(rec.name), []).append(rec)
    for forms in by_stem.values():
        plain = [rec for rec in forms if not rec.name.lower().endswith(_RU_OBLIQUE_ENDS)]
        if len(forms) < 2 or len(plain) != 1 or len({rec.name[:3] for rec in forms}) != 1:
            continue
        for rec in forms:
            if rec is not plain[0]:
                plain[0].absorb(rec)
                del found[rec.entity_id]


#: Endings only an oblique case has on a one-word name (Vласти, Казахтелекоме, Кайратом).
_RU_OBLIQUE_ENDS = ("и", "е", "у", "ом", "ой", "ы", "ю")


#: Words a body's abbreviation leaves out (Агентство по борьбе с экономической и коррупционной преступностью:
#: АБЭКП).
_RU_ABBREVIATION_SKIPS = frozenset(("по", "и", "с", "со", "в", "на", "при", "для", "имени", "им", "of", "and"))

#: What may follow a body's name to say where it serves (Департамент полиции Шымкента, ДЧС Жетысуской области).
_RU_SERVED_WORDS = frozenset(("области", "района", "города", "округа", "края", "республики"))


def _ru_initials(name: str) -> str:
    """The capitals an abbreviation of a body's name would have: a word's first letter, each part of a
    hyphenated adjective's (Северо-Казахстанской: СК), the function words left out."""
    out = []
    for word in name.split():
        if word.lower() in _RU_ABBREVIATION_SKIPS:
            continue
        out += [part[:1].upper() for part in word.split("-") if part]
    return "".join(out)


def _ru_served_place(words: list[str]) -> bool:
    """Whether the words after a body's short name say where it serves: places and their kinds only."""
    return bool(words) and all(w[:1].isupper() or w.lower() in _RU_SERVED_WORDS for w in words)


def _russian_bodies_named_short(found: dict[str, _Found]) -> None:
    """A body the item names by an abbreviation (АБЭКП, ДП Шымкента, МСХ) or by its name without the place it
    serves (Департамент полиции, ДЧС), where the item names one body in full (Агентство по борьбе с
    экономической и коррупционной преступностью, Департамент полиции Шымкента, Министерство сельского
    хозяйства as Минсельхоз's full name, ДЧС Жетысуской области), is that body: news gives a body's full name
    once and then shortens it.  Nothing merges when the short form fits more than one body."""
    bodies = [rec for rec in found.values() if rec.type == "ORG"]
    if len(bodies) < 2:
        return
    full: list[tuple[_Found, str, list[str]]] = []
    for rec in bodies:
        names = {rec.name}
        if rec.entry is not None and rec.entry.names.get("ru"):
            names.add(rec.entry.names["ru"])
        full += [(rec, name, name.split()) for name in names if " " in name]
    for eid, rec in list(found.items()):
        if rec.type != "ORG" or eid not in found:
            continue
        words = rec.name.split()
        head = words[0]
        fits: dict[str, _Found] = {}
        for other, name, other_words in full:
            if other is rec or other.entity_id not in found or other.entry is not None and other.entry is rec.entry:
                continue
            if len(other_words) > len(words) and other_words[: len(words)] == words:
                # ДЧС, ДЧС Жетысуской области; Департамент полиции, Департамент полиции Шымкента
                if rec.entry is None and _ru_served_place(other_words[len(words) :]):
                    fits[other.entity_id] = other
                continue
            if rec.entry is not None or not acronym(head) or not head.isalpha() or len(head) < 2:
                continue
            initials = _ru_initials(name)
            rest = words[1:]
            if not initials.startswith(head):
                continue
            if rest:
                # ДП Шымкента: the words after the abbreviation end the full name
                if other_words[-len(rest) :] != rest or _ru_initials(" ".join(other_words[: -len(rest)])) != head:
                    continue
            elif initials != head and not _ru_served_place(other_words[_ru_words_for(name, len(head)) :]):
                continue
            fits[other.entity_id] = other
        if len(fits) != 1:
            continue
        (body,) = fits.values()
        body.absorb(rec)
        body.types["ORG"] += sum(rec.types.values())
        del found[eid]


#: The state's sole bodies that keep the country the page writes after them in their name (Правительство РК,
#: Парламент Казахстана): annotators name them as the page does.  The chambers and the Akorda do not.
_RU_SOLE_BODIES_WITH_HOME = frozenset(("правительств", "парламент"))

#: The chambers of the Parliament, in the genitive before it (Сената Парламента РК).
_RU_CHAMBERS = frozenset(("сенат", "мажилис"))


def _ru_sole_body_keeps_home(words: list[str], start: int, end: int) -> bool:
    """Whether a one-word sole body at ``words[start:end]`` takes the country written after it into its name:
    the Government and the Parliament do (правительства РК: Правительство РК; Парламент Казахстана), except the
    Parliament named after one of its chambers (Сената Парламента РК: the Сенат and the Парламент)."""
    if end - start != 1 or match_stem_ru(words[start]) not in _RU_SOLE_BODIES_WITH_HOME:
        return False
    return not (start > 0 and match_stem_ru(words[start - 1]) in _RU_CHAMBERS)


def _russian_national_teams_dropped(found: dict[str, _Found]) -> None:
    """A national team (сборная Казахстана, сборной Австрии) is no entity of its own: the annotators list the
    country it plays for and leave the team out, as they leave out an event."""
    for eid, rec in list(found.items()):
        if rec.type == "ORG" and rec.entry is None and rec.name.split()[0] == "Сборная":
            del found[eid]


#: Kinds of work, programme and event of ``_RU_TITLE_KINDS``, not of product, whose name is the title alone where
#: the item writes it again in quotes (кинофестиваль «Евразия» ... «Евразия» возвращается).
_RU_WORK_KINDS = frozenset(
    match_stem_ru(w)
    for w in (
        "фильм спектакль постановка пьеса песня альбом книга роман повесть фестиваль кинофестиваль конкурс турнир "
        "программа проект премия сериал выставка сказка комедия трагедия опера балет мюзикл поэма рассказ сборник "
        "реквием"
    ).split()
)
#: A lower-case word, then a name in quotes (кинофестиваль «Евразия»).
_RU_WORD_THEN_QUOTED = re.compile(r"([а-яё]+)[ \t]*[«“„\"]([^«»“”„\"\n]{1,60})[»”“\"]")


def _russian_titles_of_the_item_dropped(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A name the item puts in quotes after the kind of a work or an event (кинофестиваль «Евразия») is that title
    where it stands alone in quotes too («Евразия» возвращается, закрытия «Евразии»): no body, place or person,
    when every mention of it is in quotes."""
    titles = {
        m.group(2).strip().lower()
        for text in fields.values()
        for m in _RU_WORD_THEN_QUOTED.finditer(text)
        if match_stem_ru(m.group(1).lower()) in _RU_WORK_KINDS
    }
    for eid, rec in list(found.items()):
        if (
            rec.name.lower() in titles
            and rec.type in ("PERSON", "ORG", "GPE", "LOC")
            and (rec.entry is None or rec.entry.type != "ORG")
        ) and all(
            mention_in_quotes(fields.get(m.field, ""), m.start, m.end) for *_, m in rec.mentions
        ):
            del found[eid]


def mention_in_quotes(text: str, start: int, end: int) -> bool:
    """Whether the text's ``start:end`` stands between an opening and a closing quote mark («Евразии»)."""
    return 0 < start and end < len(text) and text[start - 1] in _OPEN_QUOTES_RU and text[end] in _CLOSE_QUOTES_RU


def _ru_words_for(name: str, letters: int) -> int:
    """How many words of a body's name its first ``letters`` initials take."""
    count = 0
    for k, word in enumerate(name.split()):
        if count >= letters:
            return k
        if word.lower() not in _RU_ABBREVIATION_SKIPS:
            count += len([part for part in word.split("-") if part])
    return len(name.split())


def _ru_key(name: str) -> tuple[str, ...]:
    """A name's lookup key: each word's stem without its case ending (Республике Казахстан, Республика
    Казахстан)."""
    return tuple(match_stem_ru(word) for word in name.split())


def _russian_names_as_written(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A place or a body the item names only by one of the gazetteer's other names (Кыргызстан for Киргизия,
    Белоруссия, Нацбанк, Кабмин, РК) is shown by that name, in the nominative the gazetteer writes it: the item's
    own name, as Russian news gives it, not the gazetteer's choice.  A person keeps the fullest form; a name the
    item writes anywhere, in any case and inside another name too (Национального банка Казахстана), keeps it."""
    stems: list[str] | None = None
    at: dict[str, list[int]] = {}
    for rec in found.values():
        entry = rec.entry
        if entry is None or rec.type == "PERSON" or entry.type == "PERSON" or len(entry.aliases) < 2:
            continue
        written = {_ru_key(alias) for alias in rec.aliases}
        if _ru_key(rec.name) in written:
            continue
        used = [alias for alias in entry.aliases if _ru_key(alias) in written and _CYRILLIC_LETTER.search(alias)]
        if len(used) != 1:
            continue
        if stems is None:
            words: list[str] = [w for text in fields.values() if isinstance(text, str) for w in _RU_WORD.findall(text)]
            stems = [match_stem_ru(w) for w in words]
            for k, stem in enumerate(stems):
                at.setdefault(stem, []).append(k)
        if not stems_written_in(_ru_key(rec.name), stems, at):
            rec.name = used[0]


#: A region's or a district's kind in the plural after a list of their adjectives (в Жамбылской и Атырауской
#: областях, Алматинская, Северо-Казахстанская и Туркестанская области, Бурабайского и Зерендинского районов).
_RU_PLURAL_AREA = re.compile(r"(?<![а-яё])(област(?:и|ей|ям|ях|ями)|район(?:ы|ов|ам|ах|ами))(?![а-яё])")

#: The list of adjectives that ends right before such a kind.
_RU_AREA_ADJECTIVES_BEFORE = re.compile(
    r"(?:[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?ск(?:ая|ой|ий|ого|ом|ому|их|ие|ую)(?:\s*,\s*|\s+и\s+))+"
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?ск(?:ая|ой|ий|ого|ом|ому|их|ие|ую)\s+$"
)
_RU_AREA_ADJECTIVE = re.compile(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?ск)(?:ая|ой|ий|ого|ом|ому|их|ие|ую)")


def _russian_areas_listed(found: dict[str, _Found], fields: Mapping[str, str], ordered: list[str]) -> None:
    """Regions or districts a list of adjectives names before one plural kind (в Жамбылской и Атырауской
    областях): each adjective is a region or a district of its own, named with its kind in the nominative
    (Жамбылская область), not a person (Северо-Казахстанская) nor nothing.  The last adjective, which stands
    before the kind, the span rules name already."""
    gaz = load_gazetteer()
    for field_no, name in enumerate(ordered):
        text = fields.get(name)
        if not isinstance(text, str) or ("област" not in text and "район" not in text):
            continue
        for kind in _RU_PLURAL_AREA.finditer(text):
            run = _RU_AREA_ADJECTIVES_BEFORE.search(text, max(0, kind.start() - 200), kind.start())
            if run is None:
                continue
            noun = "область" if kind.group(1).startswith("област") else "район"
            for adjective in list(_RU_AREA_ADJECTIVE.finditer(text, run.start(), run.end()))[:-1]:
                place = adjective.group(1) + ("ая" if noun == "область" else "ий") + " " + noun
                start, end = adjective.start(), adjective.end()
                for eid, rec in list(found.items()):
                    kept = [m for m in rec.mentions if not (m[0] == field_no and start <= m[1] < end)]
                    if len(kept) < len(rec.mentions):
                        if rec.type in ("GPE", "LOC") and " " in rec.name:
                            break  # named with its kind already
                        rec.mentions = kept
                        if not kept:
                            del found[eid]
                else:
                    entry = gaz.lookup(place, "ru")
                    if entry is not None and entry.type not in ("GPE", "LOC"):
                        entry = None
                    eid = entry.entity_id if entry is not None else hashed_id(place, "LOC")
                    area = found.get(eid)
                    if area is None:
                        shown = entry.name_in("ru") if entry is not None else place
                        area = found[eid] = _Found(eid, shown, "GPE", entry)
                    surface = text[start:end]
                    area.mentions.append((field_no, start, end, Mention(surface, name, start, end)))
                    area.types["GPE"] += 1
                    area.add_alias(surface)

#: A word of a name in Latin letters inside Russian text (Mars, Petcare, INDUSTRIAL, Samruk-Kazyna).
_RU_LATIN_NAME_WORD = re.compile(r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*")

#: Small words inside a Latin name (Halyk Bank of Kazakhstan, Procter & Gamble).
_RU_LATIN_NAME_JOINERS = frozenset(("of", "and", "&", "for", "de"))


#: Last words of an event's name in Latin letters (Space Settlement Contest, Astana Open): no entity.
_RU_LATIN_EVENTS = frozenset(
    "contest cup championship festival fest forum awards award games open summit expo week prize olympiad "
    "challenge marathon tour show league".split()
)


def _latin_names_ru(tokens: list[Token], spans: list[Span], products: frozenset[str]) -> list[Span]:
    """A run of capitalised words in Latin letters in a Russian sentence is one name, as Kazakhstan's Russian
    press writes companies (Mars Petcare Kazakhstan, ASMA INDUSTRIAL, Halyk Bank of Kazakhstan): the place or the
    body the gazetteer knows inside it, and a Russian kind before it (компания, ТОО), are no names of their own.
    A first name the lists know opens a person's name (Elon Musk).  A known body and one word more is the known
    body (Kaspi Bank, PR ForteBank); an event's name and a run with a product's word (``products``: YouTube) are
    left as they were.  The spans as they are when no run is found."""
    n = len(tokens)
    latin = [t.text.isascii() and _RU_LATIN_NAME_WORD.fullmatch(t.text) is not None for t in tokens]
    if sum(latin) < 2:
        return spans
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not latin[i]:
            i += 1
            continue
        j = i + 1
        while j < n and (latin[j] or tokens[j].text in _RU_LATIN_NAME_JOINERS and j + 1 < n and latin[j + 1]):
            j += 1
        if j - i >= 2 and j - i <= 6:
            runs.append((i, j))
        i = j
    if not runs:
        return spans
    out = list(spans)
    for i, j in runs:
        inside = [sp for sp in out if sp.start < j and sp.end > i]
        if any(sp.start == i and sp.end == j for sp in inside):
            continue  # the gazetteer's or the rules' name for the whole run (Air Astana)
        if any(sp.end > j for sp in inside):
            continue  # a longer name the run is part of
        words = [t.text.lower() for t in tokens[i:j]]
        if words[-1] in _RU_LATIN_EVENTS or any(w in products for w in words):
            continue
        if any(
            sp.entry is not None and sp.type == "ORG" and sp.start >= i and sp.end - sp.start == j - i - 1
            for sp in inside
        ):
            continue
        typ = "PERSON" if j - i == 2 and _first_name(tokens[i].text, "en") else "ORG"
        out = [sp for sp in out if sp not in inside]
        out.append(Span(i, j, typ, None))
    return sorted(out, key=lambda sp: sp.start)


# s9-eru: the regional branches of a federal body and ministries shortened in lower case.

#: A federal body's acronym a regional branch is named by, with the branch's kind glued before it or apart (ГУ МВД,
#: УМВД, ОМВД, УФСБ, ГУФСИН, СУ СК, УФНС).
_RU_FEDERAL_ACRONYM = re.compile(r"[А-ЯЁ]{0,3}(?:МВД|ФСБ|ФСИН|ФССП|ФНС|МЧС|ФТС|УВД|СК|ГИБДД|ФАС)")

#: The country a federal body's name may carry between the acronym and ``по`` (ГУ МВД России по ...).
_RU_FEDERAL_COUNTRY = frozenset(("России", "РФ"))

#: What may stand between ``по`` and the place a branch serves (по городу Москве, по г. Омску).
_RU_PO_TOWN_WORDS = frozenset(("городу", "г."))


def _ru_branch_start(tokens: list[str], spans: list[Span], at: int) -> int:
    """Where the acronyms of a federal body's branch start when the last of them ends before ``at`` (ГУ МВД России
    before по), skipping the country; -1 when no federal acronym stands there."""
    k = at - 1
    if k >= 0 and tokens[k] in _RU_FEDERAL_COUNTRY:
        k -= 1
    if k < 0 or not _RU_FEDERAL_ACRONYM.fullmatch(tokens[k]):
        return -1
    start = k
    while start > 0 and acronym(tokens[start - 1]) and start - 1 >= k - 2:
        start -= 1  # ГУ МВД, СУ СК: the branch's kind as an acronym of its own
    # a span reaching further left over an acronym (Главное управление МВД) keeps its start
    for sp in spans:
        if sp.type == "ORG" and sp.start < start < sp.end:
            start = sp.start
    return start


def _federal_branches_by_region_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A federal body's regional branch named by its acronym, the country maybe, and the region it serves after
    ``по`` is one organisation (ГУ МВД России по Самарской области, УМВД РФ по Пензенской области, ГУ МВД по
    Санкт-Петербургу и Ленинградской области), as Russian news writes it: neither the acronym, the country nor
    the region alone is what the page names."""
    if "по" not in tokens or not spans:
        return spans
    out = list(spans)
    changed = False
    n = len(tokens)
    for p in range(1, n - 1):
        if tokens[p] != "по":
            continue
        if any(sp.start < p < sp.end for sp in out):
            changed = True  # МВД по Свердловской области already one span: only its branch's acronym may join
            continue
            continue
        start = _ru_branch_start(tokens, out, p)
        if start < 0:
            continue
        q = p + 2 if tokens[p + 1] in _RU_PO_TOWN_WORDS else p + 1
        place = next((sp for sp in out if sp.start == q and sp.type in ("GPE", "LOC", "ORG")), None)
        if place is None or place.type == "ORG" and not place.end - place.start == 1:
            continue
        end = place.end
        second = next((sp for sp in out if sp.start == end + 1 and sp.type in ("GPE", "LOC")), None)
        if second is not None and tokens[end] == "и":
            end = second.end  # по Санкт-Петербургу и Ленинградской области: one branch serves both
        out = [sp for sp in out if sp.end <= start or sp.start >= end] + [Span(start, end, "ORG", None)]
        changed = True
    return _ru_branch_kind_joined(tokens, sorted(out, key=lambda sp: sp.start)) if changed else spans


def _ru_branch_kind_joined(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A federal body's name with its region (МВД по Свердловской области) takes the branch's acronym written
    before it (ГУ МВД по ...): the branch is what the page names, not the ministry."""
    out = list(spans)
    for i, sp in enumerate(out):
        k = sp.start
        if sp.type != "ORG" or k == 0 or not acronym(tokens[k - 1]) or not _RU_FEDERAL_ACRONYM.fullmatch(tokens[k]):
            continue
        if "по" not in tokens[k : sp.end]:
            continue
        out[i] = Span(k - 1, sp.end, "ORG", None)
        out = [other for other in out if other is out[i] or not other.start <= k - 1 < other.end]
    return out


#: A ministry's name shortened into one word, as news writes it in lower case too (глава минздрава, в минфине,
#: минтруда РК): the stem the capitalised name is written with, and the endings it declines with (none for a
#: stem that ends in a genitive: минобороны, минэнерго).
_RU_LOWER_MINISTRY = re.compile(
    r"(мин(?:здрав|фин|юст|труд|сельхоз|транс|строй|промторг|спорт|цифр|нацэконом|экономразвити|иуд"
    r"|просвещени|обрнауки|обороны|энерго|культуры|экологии|экономики|природы|науки|информ|торговли|обр))"
    r"(а|у|е|ом|ы|ом)?"
)

#: The stems above that decline with a masculine noun's endings (минздрав-а, минфин-е).
_RU_MINISTRY_MASCULINE = frozenset(
    ("минздрав", "минфин", "минюст", "минтруд", "минсельхоз", "минтранс", "минстрой", "минпромторг", "минспорт")
)

#: The country a ministry's short name may carry after it (минздрава РК, минобороны России).
_RU_MINISTRY_COUNTRY = frozenset(("РК", "России", "РФ", "Казахстана"))


def _ru_lower_ministry_name(word: str) -> str | None:
    """The capitalised nominative of a ministry's one-word name written in lower case (минздрава: Минздрав,
    минобороны: Минобороны), else None; a feminine or neuter stem (минцифры) only as written."""
    found = _RU_LOWER_MINISTRY.fullmatch(word)
    if found is None:
        return None
    stem, ending = found.group(1), found.group(2) or ""
    if ending and stem not in _RU_MINISTRY_MASCULINE:
        if stem in ("минцифр", "минспорт", "миниуд", "минэкономразвити", "минпросвещени"):
            return (stem + ending).capitalize()  # минцифры, минспорта, минпросвещения: a genitive is its name
        return None
    return stem.capitalize()


def _lower_ministries_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A ministry's one-word name in lower case (по данным минздрава РК, в минфине) is an organisation, the
    country after it part of its name as with the capitalised one (Минздрав РК)."""
    candidates = [k for k, word in enumerate(tokens) if word.startswith("мин") and _ru_lower_ministry_name(word)]
    if not candidates:
        return spans
    covered = {j for sp in spans for j in range(sp.start, sp.end)}
    out = list(spans)
    for k in candidates:
        if k in covered:
            continue
        end = k + 2 if k + 1 < len(tokens) and tokens[k + 1] in _RU_MINISTRY_COUNTRY else k + 1
        out = [sp for sp in out if sp.end <= k or sp.start >= end] + [Span(k, end, "ORG", None)]
    return sorted(out, key=lambda sp: sp.start)


def _ru_quoted_after_a_kind(words: list[str], start: int) -> bool:
    """Whether a name in quotes stands right after a kind of body, outlet or place (в магазине «Дина», сети
    «Магнум», телеканала «Хабар»): Russian leaves such a name in the nominative whatever the kind's case, so a
    final -а is its own letter, no genitive ending to cut."""
    return (
        start >= 2
        and words[start - 1] in _OPEN_QUOTES_RU
        and words[start - 2].isalpha()
        and words[start - 2].lower().startswith(_RU_APPOSITION_KINDS)
    )


#: An outlet's or brand's one-word name with an acronym or a number after a hyphen (Астана-ТВ, Хабар-24).
_RU_HYPHENATED_BRAND = re.compile(r"[А-ЯЁ][а-яё]+-(?:[А-ЯЁ]{2,3}|\d{1,3})")


def _ru_hyphenated_brand(words: list[str]) -> bool:
    """Whether a name is one word of the kind an outlet or brand is named with (Астана-ТВ, Хабар-24): the page's
    own spelling of it, which the gazetteer's name for the same body (Телеканал Астана) must not replace."""
    return len(words) == 1 and _RU_HYPHENATED_BRAND.fullmatch(words[0]) is not None


#: An outlet's kind written as an acronym before its name (ИА REGNUM, МИА «Казинформ»): no part of the name.
_RU_OUTLET_KIND_ACRONYMS = frozenset(("ИА", "МИА", "ИАА", "ИАЦ"))


def _agencies_after_their_kind_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A span opening with a news agency's kind (ИА REGNUM after сообщало, which reads like a person's verb) is
    the agency, named without the kind, as the other spellings already are (ИА Regnum: Regnum)."""
    if not any(word in _RU_OUTLET_KIND_ACRONYMS for word in tokens):
        return spans
    out = [
        Span(sp.start + 1, sp.end, "ORG", None)
        if sp.end - sp.start > 1 and tokens[sp.start] in _RU_OUTLET_KIND_ACRONYMS and tokens[sp.start + 1][:1].isupper()
        else sp
        for sp in spans
    ]
    return out if out != spans else spans


#: A capitalised common noun as a sentence opens with it, of a shape no Russian or Kazakh name-word has: a
#: nominative plural in -ты (Работы, Дзюдоисты, Депутаты; Kazakh names end in other -ы: Кенесары, Жанбыршы) or a
#: verbal or abstract noun (Решение, Мнение, Руководство, Позиция).
_RU_PLURAL_OPENER = re.compile(r"[А-ЯЁ][а-яё]{3,}(?:ты|ние|тие|ство|ция|ность)")


def _ru_plural_noun_before_a_name(words: list[str]) -> bool:
    """Whether the first of capitalised words opening a sentence is a common noun before a person's name (Работы
    Айгуль Сериковой, Дзюдоисты Абиба Абужакынова, Решение Ланового): the name is the words after it."""
    return (
        len(words) in (2, 3)
        and _RU_PLURAL_OPENER.fullmatch(words[0]) is not None
        and not _first_name(words[0], "ru")
        and all(_CYRILLIC_WORD.fullmatch(w) is not None and not w.isupper() for w in words[1:])
    )


#: A surname that declines as an adjective (Дворцевой, Лановой, Луговой) in a case only such a surname has:
#: -ого, -ому (Дворцевого, Лановому); an -ов/-ев surname (Иванов) has -а, -у there.
_RU_ADJECTIVE_SURNAME_OBLIQUE = re.compile(r"([А-ЯЁ][а-яё]+(?:ов|ев))(?:ого|ому)")


def _ru_renamed_person(found: dict[str, _Found], rec: _Found, name: str) -> None:
    """``rec`` under ``name``, joined to the record already under it."""
    del found[rec.entity_id]
    rec.name, rec.entity_id = name, hashed_id(name, "PERSON")
    kept = found.setdefault(rec.entity_id, rec)
    if kept is not rec:
        kept.absorb(rec)


def _russian_adjective_surnames(found: dict[str, _Found]) -> None:
    """A man's surname that declines as an adjective (судья Дворцевой, адвокат Дворцевого) is named in its
    nominative -ой: an -ого/-ому form names it so, and an -ой form of the same stem the item writes is that
    nominative, no woman's -ова in an oblique case (Дворцева)."""
    stems: set[str] = set()
    for rec in list(found.values()):
        if rec.type != "PERSON" or rec.entry is not None:
            continue
        head, _, last = rec.name.rpartition(" ")
        m = _RU_ADJECTIVE_SURNAME_OBLIQUE.fullmatch(last)
        if m is None:
            continue
        stems.add(m.group(1))
        _ru_renamed_person(found, rec, f"{head} {m.group(1)}ой".strip())
    if not stems:
        return
    for rec in list(found.values()):
        if rec.type != "PERSON" or rec.entry is not None:
            continue
        head, _, last = rec.name.rpartition(" ")
        if last[:-1] in stems and last.endswith("а") and any(
            mention.text.endswith(last[:-1] + "ой") for *_, mention in rec.mentions
        ):
            _ru_renamed_person(found, rec, f"{head} {last[:-1]}ой".strip())


#: A town in -поль or -славль in the prepositional (в Мелитополе, в Ярославле: Мелитополь, Ярославль), a region in
#: -ье, which is its own prepositional (в Подмосковье, в Приморье), and a town named with -на- and its river (в
#: Ростове-на-Дону: Ростов-на-Дону).
_RU_SOFT_TOWN = re.compile(r"([А-ЯЁ][а-яё]+(?:пол|славл))е")
_RU_REGION_IN_YE = re.compile(r"[А-ЯЁ][а-яё]{4,}ье")
_RU_TOWN_ON_A_RIVER = re.compile(r"([А-ЯЁ][а-яё]+?)(?:е|у)?(-на-[А-ЯЁ][а-яё]+)")


def _ru_place_nominative_of_its_own(word: str) -> str | None:
    """The nominative of a place in the prepositional whose shape tells it (Мелитополе: Мелитополь, Подмосковье,
    Ростове-на-Дону: Ростов-на-Дону), else None for the general rule."""
    m = _RU_SOFT_TOWN.fullmatch(word)
    if m is not None:
        return m.group(1) + "ь"
    if _RU_REGION_IN_YE.fullmatch(word):
        return word
    m = _RU_TOWN_ON_A_RIVER.fullmatch(word)
    return m.group(1) + m.group(2) if m is not None else None


#: Short surnames of Kazakhstan's Koreans, which bylines write in capitals like an abbreviation (Татьяна ТЕН,
#: Виктор ЦОЙ): after a first name the lists know they are the surname, not a body.
_RU_SHORT_SURNAMES_IN_CAPITALS = frozenset("ТЕН ЦОЙ КИМ ПАК ЛИ ЛИМ ТЯН ШИН ЮН ЧОЙ ХВАН ЛЯН ЭМ КАН ХЕГАЙ ЮГАЙ".split())


#: A legal act's noun a decision opens with (Указом Главы государства, Решением суда, Приказом министра), in any
#: case: a common noun, which a quote's opening capital must not make a name.
_RU_LEGAL_ACT = re.compile(r"(?:указ|приказ|решени|постановлени|распоряжени)(?:ом|ем|а|я|у|ю|е|и|ий)?")

#: What follows such a noun for the one who signed it: a post, no name (Главы, Президента, Премьер-министра).
_RU_SIGNER_POSTS = re.compile(r"(?:глав|президент|премьер-министр|министр|аким|председател)(?:ы|а|я)")


def _legal_acts_no_names_ru(tokens: list[str], spans: list[Span]) -> list[Span]:
    """A person's span opening with a legal act's noun («Указом Главы государства ...», «Решением Президента»)
    is the act and its signer's post, no name: the noun goes, and the span with it when only a post is left."""
    out: list[Span] = []
    for sp in spans:
        if sp.type != "PERSON" or not _RU_LEGAL_ACT.fullmatch(tokens[sp.start].lower()):
            out.append(sp)
            continue
        rest = [k for k in range(sp.start + 1, sp.end) if not _RU_SIGNER_POSTS.fullmatch(tokens[k].lower())]
        if rest and rest[0] == sp.end - len(rest):
            out.append(Span(rest[0], sp.end, "PERSON", None))
    return out if len(out) != len(spans) or any(a is not b for a, b in zip(out, spans, strict=True)) else spans


#: A result in brackets after a name, then the list going on (Абиба Абужакынова (серебро), Магжан ...): medal and
#: result lists name their people in the nominative.
_RU_BRACKETED_RESULT_THEN_LIST = re.compile(r"\s*\([^()\n]{1,40}\)\s*(?:,|и|;)\s*[А-ЯЁ]")


def _ru_case_by_bracketed_list(text: str, end: int) -> str:
    """``N`` for a name followed by a result in brackets and the next item of its list, else ""."""
    return "N" if _RU_BRACKETED_RESULT_THEN_LIST.match(text, end) else ""
