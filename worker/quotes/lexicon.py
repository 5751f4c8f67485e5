"""Word lists for quote attribution: speech verbs, titles, pronouns, suffixes.

Everything here is immutable (tuples, frozensets, mappings built once at import)
so the quote extractor keeps no mutable module state.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from worker.entities.morphology import harmony
from worker.text.speech import RU_CUES

__all__ = [
    "DASHES",
    "HONORIFICS",
    "KK_DEP_CUES",
    "KK_BARE_CUES",
    "RU_CUES",
    "EN_CUES",
    "TITLE_HEADS",
    "PRONOUNS",
    "NOUN_SUFFIXES",
    "STOPWORDS",
    "DASH_ONLY_CUES",
    "KK_CASE_ENDINGS",
    "RU_CASE_ENDINGS",
    "OBLIQUE_ENDINGS",
    "TITLE_ALIASES",
    "ROLE_ONLY_HEADS",
]

DASHES: Final = frozenset("-–—‒―")

#: English honorifics written with a full stop before a name (Mr. Akhmetov, Dr. Seitova): no part of it.
HONORIFICS: Final = frozenset({"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Sen"})

# Kazakh verbs that follow ``деп`` (or stand alone before a colon):
# (stem, lemma, endings). Endings cover past, present and participle forms.
_KK_VERBS: Final = (
    ("атап өт", "атап өту", ("ті", "еді", "кен")),
    ("атап көрсет", "атап көрсету", ("ті", "еді", "кен")),
    ("атап айт", "атап айту", ("ты", "ады", "қан")),
    ("баса айт", "баса айту", ("ты", "ады", "қан")),
    ("баса көрсет", "баса көрсету", ("ті", "еді", "кен")),
    ("мәлімде", "мәлімдеу", ("ді", "йді", "ген")),
    ("мәлім ет", "мәлім ету", ("ті", "еді", "кен")),
    ("мәлімдеме жаса", "мәлімдеме жасау", ("ды", "йды", "ған")),
    ("жаз", "жазу", ("ды", "ады", "ған")),
    # (s13) it is written, it is said (деп жазылған министрлік сайтында): no agent, the release's body speaks
    ("жазыл", "делу", ("ды", "ады", "ған")),
    ("айтыл", "делу", ("ды", "ады", "ған")),
    ("хабарла", "хабарлау", ("ды", "йды", "ған")),
    ("сенім білдір", "сенім білдіру", ("ді", "еді", "ген")),
    ("пікір білдір", "пікір білдіру", ("ді", "еді", "ген")),
    ("пікірін білдір", "пікір білдіру", ("ді", "еді", "ген")),
    ("ой бөліс", "ой бөлісу", ("ті", "еді", "кен")),
    ("айт", "айту", ("ты", "ады", "қан")),
    ("түсіндір", "түсіндіру", ("ді", "еді", "ген")),
    ("ескерт", "ескерту", ("ті", "еді", "кен")),
    ("қос", "қосу", ("ты", "ады", "қан")),
    ("сұра", "сұрау", ("ды", "йды", "ған")),
    ("жауап бер", "жауап беру", ("ді", "еді", "ген")),
    ("түсініктеме бер", "түсініктеме беру", ("ді", "еді", "ген")),
    ("мәлімет бер", "мәлімет беру", ("ді", "еді", "ген")),
    ("ақпарат бер", "ақпарат беру", ("ді", "еді", "ген")),
    ("жауап қайтар", "жауап қайтару", ("ды", "ады", "ған")),
    ("толықтыр", "толықтыру", ("ды", "ады", "ған")),
    ("нақтыла", "нақтылау", ("ды", "йды", "ған")),
    ("үнде", "үндеу", ("ді", "йді", "ген")),
    ("сендір", "сендіру", ("ді", "еді", "ген")),
    ("сөзін түйінде", "сөз түйіндеу", ("ді", "йді", "ген")),
    ("сөзін қорытындыла", "сөз қорытындылау", ("ды", "йды", "ған")),
    ("сөзін жалғастыр", "сөз жалғастыру", ("ды", "ады", "ған")),
    ("мойында", "мойындау", ("ды", "йды", "ған")),
    ("шегеле", "шегелеу", ("ді", "йді", "ген")),
    ("тұжырымда", "тұжырымдау", ("ды", "йды", "ған")),
    ("бағала", "бағалау", ("ды", "йды", "ған")),
    # an order given in words (деп тапсырды) quotes the one who gives it, as Russian поручил does
    ("тапсыр", "тапсыру", ("ды", "ады", "ған")),
    # words said with a feeling or a purpose: деп әзілдеді, деп қынжылды, деп ұсынды, деп уәде берді
    ("әзілде", "әзілдеу", ("ді", "йді", "ген")),
    ("еске ал", "еске алу", ("ды", "ады", "ған")),
    ("шағымдан", "шағымдану", ("ды", "ады", "ған")),
    ("қынжыл", "қынжылу", ("ды", "ады", "ған")),
    ("күйін", "күйіну", ("ді", "еді", "ген")),
    ("таңдан", "таңдану", ("ды", "ады", "ған")),
    ("кеңес бер", "кеңес беру", ("ді", "еді", "ген")),
    ("ұсын", "ұсыну", ("ды", "ады", "ған")),
    ("талап ет", "талап ету", ("ті", "еді", "кен")),
    ("уәде бер", "уәде беру", ("ді", "еді", "ген")),
    ("алаңдаушылық білдір", "алаңдаушылық білдіру", ("ді", "еді", "ген")),
    ("алаңдаушылығын білдір", "алаңдаушылық білдіру", ("ді", "еді", "ген")),
    ("ойымен бөліс", "ой бөлісу", ("ті", "еді", "кен")),
    # shared an opinion, an impression, an experience (пікірімен бөлісті:, әсерімен бөлісті:)
    ("пікірімен бөліс", "пікір бөлісу", ("ті", "еді", "кен")),
    ("пікірін бөліс", "пікір бөлісу", ("ті", "еді", "кен")),
    ("ойын бөліс", "ой бөлісу", ("ті", "еді", "кен")),
    ("әсерімен бөліс", "әсер бөлісу", ("ті", "еді", "кен")),
    ("әсерін бөліс", "әсер бөлісу", ("ті", "еді", "кен")),
    ("тәжірибесімен бөліс", "тәжірибе бөлісу", ("ті", "еді", "кен")),
    ("пайымда", "пайымдау", ("ды", "йды", "ған")),
    ("болжа", "болжау", ("ды", "йды", "ған")),
)


#: Auxiliaries after a converb in -ып/-іп/-п that keep the verb's meaning (айтып өтті, түсіндіріп берді,
#: жазып отыр): the pair says what the verb alone says.
_KK_AUXILIARIES: Final = ("өтті", "берді", "отыр", "кетті", "өткен", "берген", "айтты", "айтқан")


def _converb(stem: str) -> str:
    if stem[-1] in "аәеоөұүыіэюя":
        return stem + "п"
    return stem + ("ып" if harmony(stem) == "back" else "іп")


def _kk_dep_cues() -> MappingProxyType[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for stem, lemma, endings in _KK_VERBS:
        words = stem.split()
        for ending in endings:
            out[(*words[:-1], words[-1] + ending)] = lemma
        for aux in _KK_AUXILIARIES:
            out.setdefault((*words[:-1], _converb(words[-1]), aux), lemma)
    return MappingProxyType(out)


#: ``деп`` + verb phrase (lower-case word tuples) -> lemma.
KK_DEP_CUES: Final = _kk_dep_cues()

#: Words of manner or time that stand between ``деп`` and its verb without naming anyone (деп ашық айтты,
#: деп тағы да атап өтті, деп күліп жауап берді): the speaker is the sentence's subject, before the quote.
KK_DEP_MANNER: Final = frozenset(
    {
        "ашық",
        "ашықтан-ашық",
        "анық",
        "нақты",
        "қысқа",
        "қысқаша",
        "тағы",
        "да",
        "де",
        "бірден",
        "батыл",
        "қатаң",
        "сеніммен",
        "күліп",
        "жымиып",
        "әзілдеп",
        "ашына",
        "қынжыла",
        "толқып",
        "мақтанышпен",
        "өкінішпен",
        "ақырын",
        "қайта",
        "кейін",
        "бүгін",
        "кеше",
        "ерекше",
        "баса",
        "жиі",
        "үнемі",
        "әрдайым",
        "бұрын",
        "сонда",
        "сол",
        "кезде",
        "бұдан",
        "соң",
        "ресми",
        "іле-шала",
        "ойланбастан",
    }
)

#: Verbs that need the ``, –`` separator to count (evaluation verbs after a noun phrase are not quotes).
DASH_ONLY_CUES: Final = frozenset({"бағалау"})

#: Stand-alone Kazakh cues: ``деді``, ``дейді``... -> lemma.
KK_BARE_CUES: Final = MappingProxyType(
    {
        "деді": "де",
        "дейді": "де",
        "деген": "де",
        "депті": "де",
        "десе": "де",
        "дегенді": "де",
        "делінген": "делу",
        "делінді": "делу",  # (s13) «Q», - делінді департаментінде: it was said, at the body named after it
        # the ones who said it, a group the text does not name («Q» - дегендер басшының кетуін талап етті)
        "дегендер": "де",
        # the Latin-script Kazakh some outlets print (2018 and 2021 alphabets): «Q», – dedi X / deıdi X
        "dedi": "де",
        "deıdi": "де",
        "deidi": "де",
    }
)

#: English speech verbs (lower case) -> lemma.
EN_CUES: Final = MappingProxyType(
    {
        "said": "say",
        "says": "say",
        "say": "say",
        "told": "tell",
        "believes": "believe",
        "thinks": "think",
        "suggested": "suggest",
        "revealed": "reveal",
        "mentioned": "mention",
        "elaborated": "elaborate",
        "pointed": "point out",  # pointed out
        "summed": "sum up",  # summed up
        "tells": "tell",
        "added": "add",
        "adds": "add",
        "stated": "state",
        "explained": "explain",
        "explains": "explain",
        "noted": "note",
        "notes": "note",
        "asked": "ask",
        "asks": "ask",
        "replied": "reply",
        "wrote": "write",
        "writes": "write",
        "warned": "warn",
        "warns": "warn",
        "insisted": "insist",
        "insists": "insist",
        "declared": "declare",
        "argued": "argue",
        "argues": "argue",
        "continued": "continue",
        "announced": "announce",
        "remarked": "remark",
        "recalled": "recall",
        "recalls": "recall",
        "admitted": "admit",
        "claimed": "claim",
        "stressed": "stress",
        "urged": "urge",
        "concluded": "conclude",
        "answered": "answer",
        "observed": "observe",
        "acknowledged": "acknowledge",
        "emphasised": "emphasise",
        "emphasized": "emphasize",
        "confirmed": "confirm",
        "predicted": "predict",
        "responded": "respond",
        "tweeted": "tweet",
        "posted": "post",
        "reads": "read",
        "shared": "share",
        "joked": "joke",
        "quipped": "quip",
        "commented": "comment",
        "assured": "assure",
        "highlighted": "highlight",
        "underlined": "underline",
        "underscored": "underscore",
        "reiterated": "reiterate",
        "cautioned": "caution",
        "complained": "complain",
        "conceded": "concede",
        "promised": "promise",
        "pledged": "pledge",
        "recounted": "recount",
        "affirmed": "affirm",
        "maintained": "maintain",
        "opined": "opine",
        "clarified": "clarify",
        "specified": "specify",
    }
)

#: Head words of titles that name a person by office or role (lower case, nominative).
TITLE_HEADS: Final = frozenset(
    {
        # Kazakh
        "президент",
        "премьер-министр",
        "министр",
        "вице-министр",
        "басшы",
        "төраға",
        "төрайым",
        "әкім",
        "депутат",
        "сенатор",
        "спикер",
        "шенеунік",  # деді шенеунік: the official the item named, when it named one person only (s11-spkb)
        "қақпашы",
        "бапкер",
        "жаттықтырушы",
        "капитан",
        "сарапшы",
        "ректор",
        "директор",
        "прокурор",
        "судья",
        "елші",
        "хатшы",
        "өкіл",
        "дәрігер",
        "губернатор",
        "канцлер",
        "премьер",
        "басқарушы",
        "жетекші",
        "орынбасар",
        "ғалым",
        "саясаттанушы",
        "экономист",
        "мэр",
        "вице-премьер",
        "спортшы",
        "чемпион",
        "командир",
        "омбудсмен",
        "қызметкер",
        "маман",
        "мүфти",
        "имам",
        "режиссер",
        "режиссёр",
        "жазушы",
        "ақын",
        "тергеуші",
        "адвокат",
        "профессор",
        "академик",
        "продюсер",
        "композитор",
        # ranks and trades, the same words in both languages or Kazakh
        "полковник",
        "подполковник",
        "генерал",
        "майор",
        "лейтенант",
        "бастық",
        "кәсіпкер",
        "фермер",
        "инспектор",
        "боксшы",
        "балуан",
        "палуан",
        "футболшы",
        "шахматшы",
        "әнші",
        "күйші",
        "суретші",
        "актер",
        "актриса",
        "әртіс",
        "дирижер",
        # trades and callings the press names a speaker by (деді мұғалім, сказал врач)
        "мұғалім",
        "ұстаз",
        "оқытушы",
        "тәрбиеші",
        "медбике",
        "заңгер",
        "тарихшы",
        "зерттеуші",
        "психолог",
        "эколог",
        "агроном",
        "инженер",
        "жүргізуші",
        "құтқарушы",
        "кеңесші",
        "аудармашы",
        "волонтер",
        # Russian
        "врач",
        "медик",
        "учитель",
        "учительница",
        "педагог",
        "юрист",
        "историк",
        "ученый",
        "учёный",
        "исследователь",
        "водитель",
        "спасатель",
        "следователь",
        "волонтёр",
        "советник",
        "переводчик",
        "заведующий",
        "заведующая",
        # the one a feature is about: — Q, — делится собеседница
        "собеседник",
        "собеседница",
        "героиня",
        "кейіпкер",
        "глава",
        "начальник",
        "начальница",
        "предприниматель",
        "боксер",
        "борец",
        "певец",
        "певица",
        "писатель",
        "поэт",
        "художник",
        "блогер",
        "руководитель",
        "председатель",
        "аким",
        "вратарь",
        "тренер",
        "наставник",
        "эксперт",
        "аналитик",
        "посол",
        "представитель",
        "пресс-секретарь",
        "заместитель",
        "политолог",
        "спортсмен",
        "главврач",
        "замминистра",
        "сотрудник",
        "сотрудница",
        "специалист",
        # s8-qrupeople: callings the Russian press names the one a story is about by after a speech verb
        # (поделилась артистка, рассказала спортсменка, отметил исполнитель)
        "артист",
        "артистка",
        "исполнитель",
        "исполнительница",
        "спортсменка",
        "чемпионка",
        "футболист",
        "хоккеист",
        "теннисист",
        "теннисистка",
        "телеведущий",
        "телеведущая",
        "активист",
        "активистка",
        "правозащитник",
        "правозащитница",
        "писательница",
        "экономистка",
        "игрок",
        "нападающий",
        "полузащитник",
        "голкипер",
        "форвард",
        "хавбек",
        "легионер",
        "дзюдоист",
        "штангист",
        "пловец",
        "шахматист",
        "шахматистка",
        "гимнастка",
        "фигурист",
        "фигуристка",
        "биатлонист",
        "биатлонистка",
        "лыжник",
        "лыжница",
        "велогонщик",
        # English
        "president",
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "governor",
        "mayor",
        "goalkeeper",
        "coach",
        "manager",
        "captain",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "director",
        "ambassador",
        "official",
        "senator",
        "chancellor",
        "analyst",
        "expert",
        "head",
        "premier",
        "leader",
        "economist",
        "representative",
        "boxer",
        "wrestler",
        "singer",
        "writer",
        "actor",
        "actress",
        "artist",
        "doctor",
        "teacher",
        "lawyer",
        "scientist",
        "researcher",
        "engineer",
        "judge",
        "prosecutor",
        "historian",
        "farmer",
        "adviser",
        "advisor",
        "professor",
        # (s13) the posts English news from Kazakhstan names its officials by (Almaty Akim, Senate Speaker)
        "akim",
        "speaker",
        "rector",
        "ombudsman",
        "commissioner",
    }
)

#: Shortened titles that name the same post as a full one (замруководителя: заместитель руководителя).
TITLE_ALIASES: Final = MappingProxyType(
    {
        "замруководителя": "заместитель",
        "замглавы": "заместитель",
        "замакима": "заместитель",
        "замначальника": "заместитель",
        # a deputy by what the people made them (народный избранник, халық қалаулысы) or by the chamber
        "избранник": "депутат",
        "избранница": "депутат",
        "парламентарий": "депутат",
        "мажилисмен": "депутат",
        "мәжілісмен": "депутат",
        "қалаулысы": "депутат",
        "бастығы": "бастық",  # бастық + ы: the к of the stem voiced
        "кейіпкеріміз": "кейіпкер",  # our hero, the one a feature is about
        # a city's head by the Russian word for it
        "градоначальник": "аким",
        "градоначальница": "аким",
        # a deputy prime minister by the short word (— отметил зампремьера), said and written undeclined
        "зампремьер": "вице-премьер",
        "зампремьера": "вице-премьер",
    }
)

#: Role words that name a person only when the item gives them that role (Сотрудница полиции Айгерим
#: Сапарова ... сказала сотрудница): never the last person named, who is most often someone else.
ROLE_ONLY_HEADS: Final = frozenset({"қызметкер", "маман", "шенеунік", "сотрудник", "сотрудница", "специалист"})

#: Third-person singular pronouns -> grammatical gender hint ("m", "f" or "").
PRONOUNS: Final = MappingProxyType(
    {
        "ол": "",
        "оның": "",  # Оның сөзінше, «...»
        "он": "m",
        "она": "f",
        "его": "m",  # По его словам, «...»
        "ее": "f",
        "её": "f",
        "he": "m",
        "she": "f",
        "him": "m",  # According to him, "..."
    }
)

#: Words ignored when comparing title qualifiers.
STOPWORDS: Final = frozenset(
    {"the", "a", "an", "of", "for", "and", "its", "his", "her", "и", "в", "на", "мен", "және", "пен", "бен"}
)


#: Kazakh case endings of a noun, the nominative's empty one first (with сыз/сіз, дай/дей).
KK_CASE_ENDINGS: Final = (
    "",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "а",
    "е",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "н",
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "мен",
    "бен",
    "пен",
    "ымен",
    "імен",
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "ндағы",
    "ндегі",
    "сыз",
    "сіз",
    "дай",
    "дей",
)

#: Russian case endings of nouns and names.
RU_CASE_ENDINGS: Final = (
    "а",
    "у",
    "ым",
    "ом",
    "е",
    "ой",
    "ою",
    "ы",
    "ого",
    "ому",
    "ем",
    "ей",
    "ах",
    "ам",
    "ами",
    "ых",
    "им",
    "ую",
    "ая",
)


#: Kazakh third-person possessive endings (министрі, басшысы) and the case endings that follow them.
KK_POSSESSIVE_ENDINGS: Final = ("ы", "і", "сы", "сі")
KK_AFTER_POSSESSIVE: Final = ("", "ның", "нің", "на", "не", "н", "нда", "нде", "нан", "нен", "мен", "ндағы", "ндегі")


def _noun_suffixes() -> frozenset[str]:
    cases = KK_CASE_ENDINGS
    poss = KK_POSSESSIVE_ENDINGS
    after_poss = KK_AFTER_POSSESSIVE
    russian = RU_CASE_ENDINGS
    english = ("'s", "’s", "s")
    out = set(cases) | set(russian) | set(english)
    for p in poss:
        for c in after_poss:
            out.add(p + c)
    for pl in ("лар", "лер", "дар", "дер", "тар", "тер"):
        out.add(pl)
        for p in ("ы", "і"):
            out.add(pl + p)
            for c in after_poss:
                out.add(pl + p + c)
    return frozenset(out)


#: Case, possessive and plural endings (Kazakh, with a few Russian and English ones).
NOUN_SUFFIXES: Final = _noun_suffixes()

#: Endings of a name or title in a case other than the nominative (Сейітовке, Тоқаевтың, министрінің, Сеитову,
#: министра, Miller's): the person so named is addressed, asked, owned or talked of, not the one who speaks.
OBLIQUE_ENDINGS: Final = frozenset(
    {e for e in KK_CASE_ENDINGS if e and e not in ("сыз", "сіз", "дай", "дей")}
    | {p + c for p in KK_POSSESSIVE_ENDINGS for c in KK_AFTER_POSSESSIVE if c}
    | {e for e in RU_CASE_ENDINGS if e != "ая"}
    | {"'s", "’s"}
)
