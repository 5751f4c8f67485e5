"""Suffix stripping for names in Kazakh, Russian and English.

Two functions per language:

* ``match_stem`` maps a word and all its inflected forms to one key (it may
  over-strip: ``Алматы`` and ``Алматыда`` both give ``алмат``).  Used only to
  look names up, never shown.
* ``nominative`` removes the case (and attributive ``-ғы``) ending of a Kazakh
  word that ends a name, keeping possessive endings that belong to the name
  (``Ресей Федерациясымен`` -> ``Ресей Федерациясы``), and undoes the б/п, г/к,
  ғ/қ alternation (``Жайығының`` -> ``Жайық``).

Kazakh suffixes are checked against vowel harmony (back a/о/ұ/ы vs front
ә/е/ө/ү/і) and the consonant classes of the stem's last letter, so that
``Астана`` keeps its ``на`` (a dative ``-на`` only follows a possessive).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from worker.text.script import cyrillic_letter

__all__ = [
    "BACK_VOWELS",
    "FRONT_VOWELS",
    "harmony",
    "match_stem",
    "match_stem_en",
    "match_stem_kk",
    "match_stem_ru",
    "nominative",
    "nominative_kk",
    "nominative_kk_name",
    "nominative_ru",
    "split_hyphen_ending",
]

#: The letters Kazakh Cyrillic has and Russian has not.
BACK_VOWELS = frozenset("аоұыяу")
FRONT_VOWELS = frozenset("әеөүіэиюё")
_VOWELS = frozenset("аоұыяуәеөүіэиюё")
# Letters after which a Kazakh suffix starts with a voiceless consonant (т/қ/к/п).
_VOICELESS = frozenset("кқпстфхцчшщв")
# Sonorants and voiced consonants: suffix starts with д/ғ/г/б (genitive, locative, ...).
_VOICED = frozenset("жзлрйумнңбвгғдһ")
_NASAL = frozenset("мнң")
_ALTERNATION = {"б": "п", "г": "к", "ғ": "қ"}


def harmony(stem: str) -> str:
    """``back`` or ``front``: the class of the last harmonic vowel of ``stem``."""
    for ch in reversed(stem.lower()):
        if ch in "аоұыя":
            return "back"
        if ch in "әеөүіэё":
            return "front"
        if ch == "и" or ch == "ю":
            # Russian loans: и/ю mostly behave as front (Мишустинді, Путиннің).
            return "front"
        if ch == "у":
            continue
    return "back"


def _last(stem: str) -> str:
    # a Russian soft or hard sign is silent: Израильге, Кремльмен follow the л
    stem = stem.rstrip("ьъ")
    return stem[-1] if stem else ""


def _cond_vowel(stem: str) -> bool:
    return _last(stem) in _VOWELS


def _cond_poss(stem: str) -> bool:
    # After the third person possessive -ы/-і/-сы/-сі.
    return _last(stem) in "ыі"


def _cond_voiceless(stem: str) -> bool:
    return _last(stem) in _VOICELESS


def _cond_voiced(stem: str) -> bool:
    return _last(stem) in _VOICED and _last(stem) not in "нмң"


def _cond_nasal(stem: str) -> bool:
    return _last(stem) in _NASAL


def _cond_vowel_or_nasal(stem: str) -> bool:
    return _cond_vowel(stem) or _cond_nasal(stem)


def _cond_sonorant_or_voiced(stem: str) -> bool:
    return _last(stem) in _VOICED


def _cond_voiced_or_vowel(stem: str) -> bool:
    return _cond_vowel(stem) or _last(stem) in _VOICED


def _cond_any(stem: str) -> bool:
    return True


# Instrumental: -мен after vowels, sonorants and nasals (Ресеймен, Қытаймен, Иранмен),
# -бен after ж and з (Қырғызбен), -пен after voiceless and other voiced consonants (Лавровпен).
def _cond_instr_m(stem: str) -> bool:
    return _cond_vowel(stem) or _last(stem) in "мнңрлйу"


def _cond_instr_b(stem: str) -> bool:
    return _last(stem) in "жз"


def _cond_instr_p(stem: str) -> bool:
    return _last(stem) in _VOICELESS or _last(stem) in "бгғд"


_Cond = Callable[[str], bool]

# (back form, front form, condition on the stem)
_CASES: list[tuple[str, str, _Cond]] = [
    # locative-attributive -ғы after locative
    ("ндағы", "ндегі", _cond_poss),
    ("дағы", "дегі", _cond_voiced_or_vowel),
    ("тағы", "тегі", _cond_voiceless),
    # genitive
    ("ның", "нің", _cond_vowel_or_nasal),
    ("дың", "дің", _cond_voiced),
    ("тың", "тің", _cond_voiceless),
    # ablative
    ("нан", "нен", _cond_vowel_or_nasal),
    ("дан", "ден", _cond_voiced_or_vowel),
    ("тан", "тен", _cond_voiceless),
    # locative
    ("нда", "нде", _cond_poss),
    ("да", "де", _cond_voiced_or_vowel),
    ("та", "те", _cond_voiceless),
    # dative
    ("на", "не", _cond_poss),
    ("ға", "ге", _cond_voiced_or_vowel),
    ("қа", "ке", _cond_voiceless),
    # accusative
    ("ны", "ні", _cond_vowel),
    ("ды", "ді", _cond_sonorant_or_voiced),
    ("ты", "ті", _cond_voiceless),
    ("н", "н", _cond_poss),
    # instrumental
    ("мен", "мен", _cond_instr_m),
    ("бен", "бен", _cond_instr_b),
    ("пен", "пен", _cond_instr_p),
    # plural
    ("лар", "лер", _cond_vowel),
    ("дар", "дер", _cond_voiced),
    ("тар", "тер", _cond_voiceless),
]

_POSSESSIVE: list[tuple[str, str, _Cond]] = [
    ("сы", "сі", _cond_vowel),
    ("ы", "і", lambda s: not _cond_vowel(s)),
]


def _suffix_fits(stem: str, back: str, front: str, cond: _Cond, suffix: str) -> bool:
    if len(stem) < 2 or not any(ch in _VOWELS for ch in stem):
        return False
    if back == front:
        return bool(cond(stem))
    want = "back" if suffix == back else "front"
    # Russian and other loans (mixed vowels: Нью-Йоркте, Мишустинді) take either class.
    mixed = any(ch in BACK_VOWELS for ch in stem) and any(ch in FRONT_VOWELS for ch in stem)
    # Loans read either way: a consonant and у at the end (Бакуде, Бакуда; ау, еу are Kazakh
    # diphthongs), and к or г after a back vowel, sounds Kazakh writes only with front vowels
    # (банкі, паркі, Петербургте)
    loan = (stem.endswith("у") and stem[-2:-1] not in _VOWELS) or (want == "front" and stem.endswith(("к", "г")))
    if harmony(stem) != want and not mixed and not loan and not stem.endswith(("и", "ин", "ев", "ов", "ий")):
        return False
    return bool(cond(stem))


def _by_last_letter(table: list[tuple[str, str, _Cond]]) -> dict[str, list[tuple[str, str, str, _Cond]]]:
    """(suffix, back form, front form, condition) per last letter of the suffix, in table order
    (back form before front form): a word is checked only against suffixes it can end with."""
    out: dict[str, list[tuple[str, str, str, _Cond]]] = {}
    for back, front, cond in table:
        for suffix in (back, front) if back != front else (back,):
            out.setdefault(suffix[-1], []).append((suffix, back, front, cond))
    return out


_CASES_BY_LAST = _by_last_letter(_CASES)
_NO_SUFFIXES: list[tuple[str, str, str, _Cond]] = []


def _strip_case_once(word: str) -> str | None:
    low = word.lower()
    if not low:
        return None
    for suffix, back, front, cond in _CASES_BY_LAST.get(low[-1], _NO_SUFFIXES):
        if low.endswith(suffix) and len(low) > len(suffix):
            if suffix == "тан" and low.endswith("стан"):
                continue  # Қазақстан, Өзбекстан: -стан is part of the name
            stem = word[: len(word) - len(suffix)]
            if _suffix_fits(stem.lower(), back, front, cond, suffix):
                return stem
    return None


def _strip_possessive(word: str) -> str | None:
    low = word.lower()
    for back, front, cond in _POSSESSIVE:
        for suffix in (back, front):
            if low.endswith(suffix) and len(low) - len(suffix) >= 3:
                stem = word[: len(word) - len(suffix)]
                if _suffix_fits(stem.lower(), back, front, cond, suffix):
                    last = stem[-1]
                    if last.lower() in _ALTERNATION and len(suffix) == 1:
                        alt = _ALTERNATION[last.lower()]
                        stem = stem[:-1] + (alt.upper() if last.isupper() else alt)
                    return stem
    return None


_CASE_FORMS = frozenset(form for back, front, _ in _CASES for form in (back, front))
_POSSESSIVE_FORMS = frozenset(("ы", "і", "сы", "сі"))
_PLURAL_FORMS = frozenset(("лар", "лер", "дар", "дер", "тар", "тер"))
_BEFORE_CASE = _POSSESSIVE_FORMS | _PLURAL_FORMS | {pl + po for pl in _PLURAL_FORMS for po in ("ы", "і")}
#: What a Kazakh word adds after a hyphen to an abbreviation or a foreign spelling (АҚШ-тың,
#: БҰҰ-ға, ҚР-дағы, Google-дың, Kia-сы): a case, a possessive or a plural, or one of the last two
#: before a case.  Vowel harmony is not checked: it follows how the letters are read.
_HYPHEN_ENDINGS = frozenset(
    _CASE_FORMS | _BEFORE_CASE | {before + case for before in _BEFORE_CASE for case in _CASE_FORMS}
)


def split_hyphen_ending(word: str) -> tuple[str, str] | None:
    """(name, ending) of an abbreviation or a Latin-script name with a Kazakh ending after a
    hyphen (``АҚШ-тың`` -> ``АҚШ``, ``тың``); None for other words (Нұр-Сұлтан, COVID-19)."""
    base, hyphen, ending = word.rpartition("-")
    if not hyphen or not base or ending not in _HYPHEN_ENDINGS:
        return None
    if base.isupper() or (base.isascii() and base[:1].isalpha()):
        return base, ending
    return None


def nominative_kk(word: str, keep_possessive: bool = True) -> str:
    """Remove one case ending (and a plural) from a Kazakh word, keep the rest.

    With ``keep_possessive`` false, a third person possessive left bare after
    the case ending is removed too (used for the last word of one-word names
    only when a lexicon confirms it).
    """
    split = split_hyphen_ending(word) if "-" in word else None
    if split is not None:
        return split[0]
    if len(word) < 4 or not word[-1].isalpha():
        return word
    stem = _strip_case_once(word)
    if stem is None:
        stem = word
    elif len(stem) < 3:
        return word  # a name's stem has three letters or more: аудан, күні are no ау, кү with an ending
    if not keep_possessive:
        bare = _strip_possessive(stem)
        if bare is not None:
            stem = bare
    return stem


#: A Russian-style surname with a vowel the press puts before a Kazakh ending (Исағалиевитің, Ахметовиге).
_SURNAME_LINK_VOWEL = re.compile(r"(.{3,}(?:ов|ев|ёв|ин))[иы](тің|тың|ке|қа|ті|ты|тен|тан|пен|ге|ға|ді|ды|дің|дың)")

#: A name ending in и, which Kazakh reads as ій: its endings are those after й (Уәлидің, Әлиге, Мәдиді).
_NAME_IN_I = re.compile(r"(.{2,}и)(дің|дың|ді|ды|ге|ға|ден|дан|мен|де|да)")


#: The locative's endings, which a person's name does not take where news names someone (Елдос Зияда, Никита):
#: its last letters.
_LOCATIVE_ENDS = ("да", "де", "та", "те")


#: A patronymic (or a surname made of one) in the accusative: ұлы, қызы and the possessive's н.
_PATRONYMIC_ACCUSATIVE = ("ұлын", "улын", "қызын", "кызын")


def nominative_kk_name(word: str, person: bool = False) -> str:
    """The nominative of the last word of a Kazakh person's name, or of a place's name of one word.  A name
    ending in и takes the endings that follow й (Уәлидің -> Уәли); a Russian-style surname may have a vowel
    before its ending (Исағалиевитің -> Исағалиев); and such a name takes no possessive, so a last н is no
    accusative after one (Салайдын, Еркін).  A ``person``'s name ending as a locative does (Зияда, Никита) ends
    so: people are named, not placed."""
    for pattern in (_SURNAME_LINK_VOWEL, _NAME_IN_I):
        m = pattern.fullmatch(word)
        if m is not None:
            return m.group(1)
    nom = nominative_kk(word)
    if nom == word[:-1] and word.endswith("н"):
        # a patronymic's ұлы or қызы is a possessive, whose accusative is a last н (Айтбайұлын: var11)
        return nom if word.lower().endswith(_PATRONYMIC_ACCUSATIVE) else word
    if person and word.endswith(_LOCATIVE_ENDS) and nom == word[:-2]:
        return word
    return nom


@lru_cache(maxsize=100_000)
def match_stem_kk(word: str) -> str:
    """Lower-case lookup key: case, possessive and plural endings removed repeatedly."""
    split = split_hyphen_ending(word) if "-" in word else None
    if split is not None:
        return split[0].lower().replace("ё", "е")
    cur = word.lower().replace("ё", "е")
    for _ in range(4):
        if len(cur) < 4:
            break
        nxt = _strip_case_once(cur)
        if nxt is None:
            nxt = _strip_possessive(cur)
        if nxt is None or len(nxt) < 3:
            break
        cur = nxt
    return cur


_RU_ENDINGS = sorted(
    [
        "ами",
        "ями",
        "ого",
        "его",
        "ому",
        "ему",
        "ыми",
        "ими",
        "ой",
        "ей",
        "ом",
        "ем",
        "ам",
        "ям",
        "ах",
        "ях",
        "ую",
        "юю",
        "ью",
        "ая",
        "яя",
        "ое",
        "ее",
        "ые",
        "ие",
        "ых",
        "их",
        "ым",
        "им",
        "ов",
        "ев",
        "а",
        "я",
        "у",
        "ю",
        "е",
        "ы",
        "и",
        "о",
        "ь",
        "й",
    ],
    key=len,
    reverse=True,
)


@lru_cache(maxsize=100_000)
def match_stem_ru(word: str) -> str:
    """Lower-case lookup key for a Russian word (inflectional ending removed)."""
    low = word.lower().replace("ё", "е")
    if len(low) < 4 or not low[-1].isalpha():
        return low
    # Surnames in -ов/-ев/-ин keep their suffix: Токаев, Токаева, Токаевым -> токаев.
    for sur in ("ов", "ев", "ёв", "ин", "ын"):
        idx = low.rfind(sur)
        if idx >= 2 and len(low) - idx - len(sur) <= 3:
            tail = low[idx + len(sur) :]
            if tail in ("", "а", "у", "ым", "ом", "е", "ой", "ых", "ы", "ой", "ою", "ым", "ыми"):
                return low[: idx + len(sur)]
    for ending in _RU_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 3:
            low = low[: len(low) - len(ending)]
            break
    # Семей/Семея, Россия/России: trailing vowels and soft signs are not compared
    while len(low) > 3 and low[-1] in "аеиоуыэюяйь":
        low = low[:-1]
    return low


def match_stem_en(word: str) -> str:
    """Lower-case lookup key for an English word (possessive 's removed)."""
    low = word.lower()
    if low.endswith(("'s", "’s")):
        return low[:-2]
    return low


@lru_cache(maxsize=100_000)
def _stem_kk_any(word: str) -> str:
    if any(cyrillic_letter(ch) for ch in word):
        return match_stem_kk(word)
    return match_stem_en(word)


def match_stem(word: str, language: str) -> str:
    """Lookup key in the given language (Kazakh rules for Cyrillic in other languages)."""
    if language == "ru":
        return match_stem_ru(word)
    if language == "en":
        return match_stem_en(word)
    return _stem_kk_any(word)


_RU_NOM = [
    ("ого", "ий"),
    ("ому", "ий"),
    ("ым", ""),
    ("ом", ""),
    ("ой", "а"),
    ("ою", "а"),
    ("ей", "я"),
    ("ую", "ая"),
]


#: Case forms of the nouns after a district's or region's adjective -> (nominative, feminine).
_RU_AREA_NOUNS = {
    **dict.fromkeys(("район", "района", "районе", "районом", "району"), ("район", False)),
    **dict.fromkeys(("область", "области", "областью"), ("область", True)),
    **dict.fromkeys(("округ", "округа", "округе", "округом", "округу"), ("округ", False)),
    # the last of several districts named before a plural kind (Ауэзовского и Медеуского районов, в Байконырском и
    # Кармакшинском районах): each is one district, named in the singular
    **dict.fromkeys(("районов", "районах", "районам", "районами"), ("район", False)),
    **dict.fromkeys(("округов", "округах", "округам", "округами"), ("округ", False)),
    **dict.fromkeys(("край", "края", "крае", "краем", "краю"), ("край", False)),
}
_RU_ADJECTIVE_ENDINGS = ("ого", "ому", "ими", "ыми", "ой", "ую", "ая", "ий", "ый", "ым", "им", "ом", "ей")


def _area_nominative_ru(words: list[str]) -> list[str] | None:
    """Енбекшинского района -> Енбекшинский район, Улытаускую область -> Улытауская область, Рождественского
    сельского округа -> Рождественский сельский округ: every adjective before the kind agrees with it."""
    if not 2 <= len(words) <= 4 or words[-1].lower() not in _RU_AREA_NOUNS:
        return None
    noun, feminine = _RU_AREA_NOUNS[words[-1].lower()]
    out: list[str] = []
    for adjective in words[:-1]:
        ending = next((e for e in _RU_ADJECTIVE_ENDINGS if adjective.lower().endswith(e)), None)
        if ending is None or len(adjective) - len(ending) < 3:
            return None
        stem = adjective[: len(adjective) - len(ending)]
        if feminine:
            out.append(stem + "ая")
        else:
            out.append(stem + ("ий" if stem[-1].lower() in "кгхжшчщ" else "ый"))
    return [*out, noun]


#: The case endings of a surname in -ов or -ин (Токаева, Путиным, Ивановы): an adjective's (Новое) and a foreign
#: name's (Жоржиньо) are none of them.
_RU_SURNAME_CASE_ENDINGS = frozenset(("а", "у", "ым", "ом", "е", "ой", "ою", "ы", "ых", "ыми"))


def nominative_ru(words: list[str]) -> list[str]:
    """Best-effort nominative of a Russian name (surnames, simple nouns, districts and regions)."""
    area = _area_nominative_ru(words)
    if area is not None:
        return area
    out: list[str] = []
    for word in words:
        low = word.lower()
        if len(low) < 4 or not low[-1].isalpha():
            out.append(word)
            continue
        stem = match_stem_ru(word)
        if stem.endswith(("ов", "ев", "ин", "ын")) and low[len(stem) :] in _RU_SURNAME_CASE_ENDINGS:
            # Токаева -> Токаев; the feminine -ова/-ева/-ина is ambiguous, keep the stem.
            out.append(word[: len(stem)])
            continue
        out.append(word)
    return out


def nominative(words: list[str], language: str) -> list[str]:
    """Nominative of a multi-word name: only the last word inflects in Kazakh."""
    if not words:
        return words
    if language == "ru":
        return nominative_ru(words)
    if language == "en":
        return [
            *words[:-1],
            words[-1][:-2] if words[-1].lower().endswith(("'s", "’s")) and len(words[-1]) > 2 else words[-1],
        ]
    if language == "en" or not any(cyrillic_letter(ch) for ch in words[-1].lower()):
        last = words[-1]
        if last.endswith(("'s", "’s")):
            last = last[:-2]
        return [*words[:-1], last]
    return [*words[:-1], nominative_kk(words[-1])]


def stems_written_in(key: tuple[str, ...], stems: list[str], at: dict[str, list[int]]) -> bool:
    """Whether the words whose stems are ``key`` stand one after another among an item's ``stems`` (``at``: where
    each stem stands), in any language whose stems the caller took."""
    n = len(key)
    return any(stems[k : k + n] == list(key) for k in at.get(key[0], ()))
