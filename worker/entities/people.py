"""What marks a word as part of a person's name in any language: first names, patronymics, initials."""

from __future__ import annotations

import re
from functools import lru_cache

from worker.entities.features import first_names
from worker.entities.morphology import match_stem_ru
from worker.entities.translit import skeleton


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Skeletons of the first names the CRF reads too: Айгүл, Айгуль and Aigul are one."""
    return frozenset(skeleton(w) for w in first_names())


def _first_name(word: str, lang: str) -> bool:
    names = _first_names()
    return skeleton(word) in names or (lang == "ru" and skeleton(match_stem_ru(word)) in names)


#: An initial glued to a surname, as the press writes it (Қ.Тоқаев, Н.Назарбаевтың, A.Smagulov).
_INITIALLED = re.compile(r"[^\W\d_]\.[^\W\d_]{2,}")

#: A patronymic: Kazakh (Кемелұлы, Қасымқызы) or Russian (Сергеевич, Ивановна), in any case.
_PATRONYMIC = re.compile(r"(?i).{3,}(ұлы|улы|қызы|кызы|uly|kyzy|ович|евич|овна|евна|ична|инична)\w{0,3}")
