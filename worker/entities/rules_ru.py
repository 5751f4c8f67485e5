"""Russian rules: bodies, districts, people's names in their cases, and the sex the item shows."""

from __future__ import annotations

import re
from collections.abc import Mapping

from worker.entities.gazetteer import GazEntry, hashed_id, load_gazetteer
from worker.entities.morphology import match_stem_ru, nominative_ru
from worker.entities.people import _first_name, _first_names
from worker.entities.records import _Found
from worker.entities.translit import skeleton

_ORG_WORDS_RU = frozenset(
    "министерство министерства министерством министерстве банк банка банком банке компания компании "
    "компанию партия партии партию совет совета совете комитет комитета комитете агентство агентства "
    "фонд фонда университет университета ассоциация ассоциации корпорация корпорации служба службы "
    "суд суда прокуратура прокуратуры акимат акимата ооо оао зао ао тоо пао тв".split()
)

_SKIP_RU = frozenset(
    "в во на по из с со к о об от до за для и а но как что это этот эта эти он она они мы я его её "
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
        for stem in "банк фонд союз совет комитет университет институт суд центр холдинг концерн".split()
    },
    **{stem: (stem + "о", "n") for stem in ("агентств", "министерств")},
    **{stem: (stem + "ия", "f") for stem in ("корпорац", "компан", "академ", "ассоциац", "федерац", "организац")},
    "палат": ("палата", "f"),
    "служб": ("служба", "f"),
    "бирж": ("биржа", "f"),
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
_OUTLET_KINDS_RU = frozenset(("газет", "телеканал", "канал", "агентств", "издан", "журнал", "портал", "радиостанц"))

#: Verbs that credit a source: the name after them is an outlet or a body (передает «Пятый регион»).
_SOURCE_VERBS_RU = frozenset(("передает", "передаёт", "сообщает", "пишет", "информирует"))

#: Russian case endings of first names: (ending, what replaces it, feminine).
_RU_FIRST_NAME_CASES = (
    ("ой", "а", True),  # Гульнарой
    ("ей", "я", True),
    ("ой", "", True),  # Гульнарой -> Гульнар, where the list spells the name Гүлнар
    ("ом", "", False),  # Бауржаном
    ("ем", "", False),
    ("ым", "", False),
    ("у", "", False),  # Дамиру
    ("а", "", False),  # Дамира
    ("я", "й", False),
    ("е", "", False),
    ("ы", "а", True),  # Гульнары
    ("и", "я", True),
    ("у", "а", True),  # Гульнару
    ("е", "а", True),
)

#: A feminine surname's oblique endings (not -ову, the masculine dative too) -> its nominative:
#: Сапаровой -> Сапарова.
_RU_FEMININE_SURNAME = re.compile(r"(ов|ев|ёв|ин|ын)(ой|ою)$")

#: Endings only an oblique case gives a first name (Марией, Бауржаном, Дамиру), never its nominative.
_RU_OBLIQUE = ("ой", "ей", "ом", "ем", "ым", "у", "ю", "е", "ы", "и")

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


def _russian_person(words: list[str]) -> list[str] | None:
    """A Russian "first name surname" in the nominative, the case and sex read from the first name
    (Гульнарой Сапаровой -> Гульнара Сапарова, Дамира Жумабаева -> Дамир Жумабаев, Айгуль Нурланова
    stays); a capitalised word before a first name is no part of it (Жительница Айгуль Нурланова).
    None when no first name is known."""
    names = _first_names()
    start = next(
        (k for k, w in enumerate(words[:2]) if w in _RU_WOMEN or skeleton(w) in names or _first_name(w, "ru")), -1
    )
    if start < 0 or len(words) - start != 2:
        return None
    first, last = words[start], words[start + 1]
    # the surname tells the sex where the first name's ending does not (Гульнаре: dative of both)
    feminine_surname = _RU_FEMININE_SURNAME.search(last.lower())
    if first in _RU_WOMEN or (skeleton(first) in names and not first.lower().endswith(_RU_OBLIQUE)):
        # the first name as it stands is nominative, or a woman's that Russian leaves undeclined
        # (Айгуль Нурлановой): the surname is nominative unless its ending says otherwise
        if feminine_surname is not None:
            return [first, last[: feminine_surname.start(2)] + "а"]
        return [first, last]
    low = first.lower()
    for want in (feminine_surname is not None, feminine_surname is None):
        for ending, replace, feminine in _RU_FIRST_NAME_CASES:
            if feminine != want or not low.endswith(ending) or len(low) - len(ending) < 2:
                continue
            base = first[: len(first) - len(ending)] + replace
            if base not in _RU_WOMEN and skeleton(base) not in names:
                continue
            if feminine_surname is not None:
                surname = last[: feminine_surname.start(2)] + "а"
            elif feminine:
                surname = last
            else:
                surname = " ".join(nominative_ru([last]))
            return [base, surname]
    return None


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


def _russian_sex_from_item(found: dict[str, _Found], fields: Mapping[str, str]) -> None:
    """A Russian "first name surname" whose case the rules could not read (Ермухамета Шилибаева: a man's
    genitive or a woman's nominative?) takes the sex the item's other forms of the surname show: Шилибаев
    or Шилибаеву a man's, Алашбаевой a woman's; a man's first name loses the genitive's ending (Ермухамет,
    Абылай)."""
    words: set[str] | None = None
    for eid, rec in list(found.items()):
        parts = rec.name.split()
        if rec.type != "PERSON" or rec.entry is not None or len(parts) != 2:
            continue
        m = _RU_SURNAME_FORMS.fullmatch(parts[1])
        if m is None:
            continue
        if words is None:
            words = {w for text in fields.values() if isinstance(text, str) for w in _CAPITALISED_RU.findall(text)}
        masc = m.group(1)
        man = any(masc + ending in words for ending in ("", "у", "ым", "ом"))
        woman = any(masc + ending in words for ending in ("ой", "ою"))
        if man == woman:
            continue
        first = parts[0]
        if man and first not in _RU_WOMEN and first.endswith("а") and first[-2:-1] not in "аеёиоуыэюяь":
            first = first[:-1]
        elif man and first not in _RU_WOMEN and first.endswith("я") and first[-2:-1] in "аеоу":
            first = first[:-1] + "й"  # Абылая -> Абылай
        name = f"{first} {masc if man else masc + 'а'}"
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
    low = word.lower()
    if len(low) < 4 or not low.endswith("е") or low.endswith(("ие", "ое", "ее", "ые")) or not word.isalpha():
        return (word,)
    stem = word[:-1]
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
_RU_LOWER_ADJECTIVE = re.compile(r"([а-яё]{3,}(?:н|ск|ов|ев))(ый|ий|ой|ого|ому|ым|ом|ая|ую|ое|ые|ых)")

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
    for w in words[k:end]:
        if w == "по" and not after_po:
            after_po = True
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
    # the kind alone before a place (суд Енбекшинского района) names the place's body, not one of its own
    return start if end - start > 1 else -1


def _russian_local_body(words: list[str]) -> list[str] | None:
    """Межрайонном суде по уголовным делам Астаны -> Межрайонный суд по уголовным делам Астаны: the adjectives
    and the kind of body in the nominative, capitalised; what follows as written.  None for other names."""
    k = next((k for k, w in enumerate(words[:3]) if _ru_local_body(w) is not None), -1)
    if k < 0 or not all(_ru_lower_adjective(w) for w in words[:k]):
        return None
    body = _ru_local_body(words[k])
    if body is None:
        return None
    noun, gender = body
    out: list[str] = []
    for w in words[:k]:
        m = _RU_LOWER_ADJECTIVE.fullmatch(w)
        if m is None:
            return None
        stem = m.group(1)
        ending = _RU_ADJECTIVE_NOMINATIVE[gender]
        if gender == "m" and stem in _RU_STRESSED_ADJECTIVES:
            ending = "ой"
        elif gender == "m" and stem.endswith(("ск", "к")):
            ending = "ий"
        out.append(stem + ending)
    out.append(noun)
    out += words[k + 1 :]
    return [out[0][:1].upper() + out[0][1:], *out[1:]]


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
