"""What marks a word as part of a person's name in any language: first names, patronymics, initials;
and the case forms of Russian first names."""

from __future__ import annotations

import re
from functools import lru_cache

from worker.entities.features import first_names
from worker.entities.morphology import match_stem_ru
from worker.entities.translit import skeleton
from worker.text.script import RUSSIAN_VOWELS


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Skeletons of the first names the CRF reads too: Айгүл, Айгуль and Aigul are one."""
    return frozenset(skeleton(w) for w in first_names())


@lru_cache(maxsize=50_000)
def _first_name(word: str, lang: str) -> bool:
    names = _first_names()
    if skeleton(word) in names:
        return True
    if lang != "ru":
        return False
    # Сергея, Аиды, Алию: a first name in an oblique case
    return skeleton(match_stem_ru(word)) in names or any(
        skeleton(nom) in names for nom, _sex, cases in russian_first_name_readings(word) if cases != _ALL_CASES
    )


#: An initial glued to a surname, as the press writes it (Қ.Тоқаев, Н.Назарбаевтың, A.Smagulov).
_INITIALLED = re.compile(r"[^\W\d_]\.[^\W\d_]{2,}")

#: A patronymic: Kazakh (Кемелұлы, Қасымқызы) or Russian (Сергеевич, Ивановна), in any case.
#: A woman's Russian patronymic in an oblique case (Бекеновны, Ивановне, Сергеевной) is one too, and so is a Russian
#: one as English spells it (Aleksandrovich, Petrovna: var11).
_PATRONYMIC = re.compile(
    r"(?i).{3,}(ұлы|улы|қызы|кызы|uly|kyzy|ович|евич|овна|евна|ична|инична|[ое]вн(?:[ыеу]|ой|ою)"
    r"|ovich|evich|ovna|evna)\w{0,3}"
)

#: Russian's six cases, one letter each: nominative, genitive, dative, accusative, instrumental, prepositional.
_ALL_CASES = "NGDAIP"

#: How Russian declines a first name: (the nominative's last letters, the oblique form's, sex, cases).  A man's
#: name ending in a consonant (Дамир: Дамира, Дамиру, Дамиром, Дамире), in -й or -ь (Сергей: Сергея, Игоря), a
#: woman's in -а (Аида: Аиды, Аиде, Аиду, Аидой), in -ия (Алия: Алии, Алию, Алией) or -ья (Натальи).
_RU_FIRST_NAME_FORMS: tuple[tuple[str, str, str, str], ...] = (
    ("", "а", "m", "GA"),
    ("", "у", "m", "D"),
    ("", "ом", "m", "I"),
    ("", "ем", "m", "I"),
    ("", "е", "m", "P"),
    ("й", "я", "m", "GA"),
    ("й", "ю", "m", "D"),
    ("й", "ем", "m", "I"),
    ("й", "е", "m", "P"),
    ("ь", "я", "m", "GA"),
    ("ь", "ю", "m", "D"),
    ("ь", "ем", "m", "I"),
    ("ь", "е", "m", "P"),
    ("а", "ы", "f", "G"),
    ("а", "и", "f", "G"),
    ("а", "е", "f", "DP"),
    ("а", "у", "f", "A"),
    ("а", "ой", "f", "I"),
    ("а", "ей", "f", "I"),
    ("ия", "ии", "f", "GDP"),
    ("ия", "ие", "f", "DP"),  # Алие: the press's dative of a Kazakh name in -ия
    ("ия", "ию", "f", "A"),
    ("ия", "ией", "f", "I"),
    ("ья", "ьи", "f", "G"),
    ("ья", "ье", "f", "DP"),
    ("ья", "ью", "f", "A"),
    ("ья", "ьей", "f", "I"),
    # Майя: Майи, Майе, Майю, Майей (a woman's name in -йя)
    ("я", "и", "f", "G"),
    ("я", "е", "f", "DP"),
    ("я", "ю", "f", "A"),
    ("я", "ей", "f", "I"),
)

#: Letters after which Russian spells -и for -ы (Малики, Айши), and those after which an unstressed -о becomes -е
#: (Айшей, Ержем).
_RU_AFTER_I = frozenset("жшчщкгх")
_RU_AFTER_E = frozenset("жшчщц")


def _stem_takes(stem: str, nominative_end: str, oblique_end: str) -> bool:
    """Whether a first name's stem can carry this pair of endings, by Russian spelling: a man's name in a
    consonant and a woman's in -а, -ия or -ья have a consonant before the ending, a man's in -й a vowel;
    -и, -ем and -ей follow only the letters that spell them, -ы, -ом and -ой only the others."""
    last = stem[-1:].lower()
    consonant = last.isalpha() and last not in RUSSIAN_VOWELS and last not in "йьъ"
    if nominative_end == "й":
        return last in RUSSIAN_VOWELS
    if nominative_end == "ь":
        return consonant
    if nominative_end == "я":
        return last == "й"  # Майя, whose -я follows -й
    if not consonant:
        return False
    if oblique_end == "и" and nominative_end == "а":
        return last in _RU_AFTER_I
    if oblique_end == "ы":
        return last not in _RU_AFTER_I
    if oblique_end in ("ем", "ей") and nominative_end in ("", "а"):
        return last in _RU_AFTER_E
    if oblique_end in ("ом", "ой"):
        return last not in _RU_AFTER_E
    return True


@lru_cache(maxsize=50_000)
def russian_first_name_readings(word: str) -> tuple[tuple[str, str, str], ...]:
    """What a capitalised word may be as a Russian first name: (its nominative, sex ``m``, ``f`` or ``*``, the
    cases it stands in), the word as written first.  As written it is a woman's nominative in -а or -я, a man's in
    a consonant, or a name Russian leaves undeclined: a woman's ending in a consonant (Айгуль, Саяжан) or anyone's
    ending in another vowel (Жауме, Гайни, Айсулу)."""
    head, hyphen, tail = word.rpartition("-")
    if hyphen and head and tail:
        # a double first name declines its last part (Касым-Жомарта -> Касым-Жомарт)
        return tuple((head + hyphen + name, sex, cases) for name, sex, cases in russian_first_name_readings(tail))
    low = word.lower()
    if len(low) < 3 or not low.isalpha():
        return ((word, "*", _ALL_CASES),)
    out: list[tuple[str, str, str]] = []
    if low[-1] in "ая":
        out.append((word, "f", "N"))
    elif low[-1] in RUSSIAN_VOWELS:
        out.append((word, "*", _ALL_CASES))
    else:
        out += [(word, "m", "N"), (word, "f", _ALL_CASES)]
    upper = word.isupper()
    for nominative_end, oblique_end, sex, cases in _RU_FIRST_NAME_FORMS:
        if not low.endswith(oblique_end) or len(low) - len(oblique_end) < 2:
            continue
        stem = word[: len(word) - len(oblique_end)]
        if _stem_takes(stem, nominative_end, oblique_end):
            out.append((stem + (nominative_end.upper() if upper else nominative_end), sex, cases))
    return tuple(out)


#: Men's first names that end in -а or -я as a woman's nominative does (Никита, Илья, Муса, Кузьма, and short
#: forms such as Миша; not Саша or Женя, which may be either): what the sentence says of a woman's name (a title,
#: a woman's surname form) never turns them into a woman.  A list of its own, apart from the CRF's first names.
_MENS_NAMES_IN_A = frozenset(
    (
        "никита илья кузьма фома савва лука данила гаврила никола иона "
        "миша паша гоша дима ваня петя коля толя федя вася слава стёпа лёша алёша гриша сеня "
        "валера юра серёжа костя вова жора лёва лева сёма сема митя боря "
        "муса иса яхья мустафа хамза муртаза абдулла габдулла ахмедия мырза нурмырза жанша алдаша кожа "
        "молла ата баба "
        "заза гога шота"
    ).split()
)

#: How Kazakh men's names in -а end (Бактыкожа, Сыздыкходжа, Нурмырза, Ахметмолла).
_MENS_NAME_END_IN_A = re.compile(r"(?:кожа|қожа|хожа|ходжа|мырза|молла)$")


def mans_first_name_in_a(word: str) -> bool:
    """Whether a first name in -а or -я, as written, is a man's nominative (Никита, Муса, Бактыкожа)."""
    low = word.lower()
    return low in _MENS_NAMES_IN_A or _MENS_NAME_END_IN_A.search(low) is not None


#: Familiar forms of Russian first names, as news quotes people and fans call them (Гена for Геннадий, Саша for
#: Александр or Александра), with the full first names they stand for (var11).
_FAMILIAR_FIRST_NAMES: dict[str, tuple[str, ...]] = {
    "гена": ("Геннадий",),
    "саша": ("Александр", "Александра"),
    "шура": ("Александр", "Александра"),
    "серёжа": ("Сергей",),
    "сережа": ("Сергей",),
    "дима": ("Дмитрий",),
    "женя": ("Евгений", "Евгения"),
    "миша": ("Михаил",),
    "паша": ("Павел",),
    "коля": ("Николай",),
    "вова": ("Владимир",),
    "володя": ("Владимир",),
    "лёша": ("Алексей",),
    "леша": ("Алексей",),
    "костя": ("Константин",),
    "юра": ("Юрий",),
    "ваня": ("Иван",),
    "петя": ("Пётр", "Петр"),
    "витя": ("Виктор",),
    "толя": ("Анатолий",),
    "федя": ("Фёдор", "Федор"),
    "гриша": ("Григорий",),
    "валера": ("Валерий",),
    "стас": ("Станислав",),
    "слава": ("Вячеслав", "Станислав", "Ярослав"),
    "таня": ("Татьяна",),
    "наташа": ("Наталья", "Наталия"),
    "катя": ("Екатерина",),
    "лена": ("Елена",),
    "оля": ("Ольга",),
    "маша": ("Мария",),
    "ира": ("Ирина",),
    "света": ("Светлана",),
    "настя": ("Анастасия",),
    "юля": ("Юлия",),
    "люда": ("Людмила",),
    "галя": ("Галина",),
    "надя": ("Надежда",),
    "вика": ("Виктория",),
}


def full_first_names(word: str) -> tuple[str, ...]:
    """The full first names a familiar one stands for (Гена: Геннадий), by its nominative; none for any other."""
    return _FAMILIAR_FIRST_NAMES.get(word.lower(), ())


@lru_cache(maxsize=1)
def first_names_as_listed() -> frozenset[str]:
    """The first names of the lists exactly as they spell them (Геннадий, not Генадий)."""
    return frozenset(first_names())
