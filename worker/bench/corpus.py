"""A deterministic benchmark corpus: Kazakh, Russian and English news items, 1-8 KB, about 3 KB on average.

Items are assembled from paragraph templates written for this benchmark, with
direct quotes in «» and "...", dash-introduced speech, and names of people,
places and organisations. The same seed gives the same items, byte for byte.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

__all__ = ["LANGUAGES", "MIN_BYTES", "MAX_BYTES", "CorpusStats", "generate", "encode_items", "stats"]

MIN_BYTES = 1024
MAX_BYTES = 8192
LANGUAGES = ("kk", "ru", "en")
# Size draw: MIN_BYTES + an exponential tail with this mean, clamped to MAX_BYTES: mean about 3 KB.
_TAIL_MEAN_BYTES = 2100.0


@dataclass(frozen=True, slots=True)
class _Lang:
    people: Sequence[str]
    cities: Sequence[str]
    orgs: Sequence[str]
    titles: Sequence[str]
    paragraphs: Sequence[str]
    sources: Sequence[str]


_KK = _Lang(
    people=("Қасым-Жомарт Тоқаев", "Олжас Бектенов", "Ерлан Қарин", "Мұрат Нұртілеу", "Айгүл Серікбаева",
            "Дәурен Әбілқасымов", "Гүлнар Жақсыбекова", "Ғани Бейсембаев", "Марат Сұлтанғазиев", "Әсел Тұрсынова"),
    cities=("Астана", "Алматы", "Шымкент", "Қарағанды", "Ақтөбе", "Павлодар", "Түркістан", "Атырау"),
    orgs=("Үкімет", "Мәжіліс", "Сенат", "Ұлттық банк", "Денсаулық сақтау министрлігі", "Қаржы министрлігі",
          "Энергетика министрлігі", "Ауыл шаруашылығы министрлігі"),
    titles=("{c} қаласында жаңа нысан ашылды", "{o} жаңа бағдарламаны мақұлдады", "{p} өңірлерге сапармен барды",
            "{c} тұрғындары су мәселесін көтерді", "Биыл {n} миллиард теңге бөлінеді"),
    paragraphs=(
        "{c} қаласында {n} орындық жаңа мектеп ашылды. Салтанатты шараға {o} өкілдері мен {p} қатысты.",
        "– Әр бала сапалы білім алуға лайық. Биыл елімізде тағы {n} мектеп салынады, – деді {p}.",
        "«Биыл {n} шақырым жол жөнделді, келесі жылы бұл көрсеткішті арттырамыз», – деді {p}. Ол жөндеу "
        "жұмыстарына республикалық бюджеттен {n} миллиард теңге бөлінгенін айтты.",
        "{o} отырысында {p} өңірлердегі әлеуметтік нысандардың құрылысы туралы баяндады. Оның айтуынша, "
        "{c} облысында жұмыс қарқыны төмен.",
        "Кездесуде {n} қаңтар күні {c} қаласында өтетін форумға дайындық мәселелері талқыланды. «Біз "
        "инвесторлар үшін барлық жағдайды жасауымыз керек», – деп атап өтті {p}.",
        "{p} ауыл шаруашылығы тауарын өндірушілерге қолдау көрсету тетіктерін жетілдіру қажеттігіне тоқталды. "
        "– Фермерлер несиені уақтылы алуы тиіс. Бұл – басты міндет, – деді ол.",
        "Сарапшылардың пікірінше, {c} өңіріндегі баға өсімі {n} пайыздан аспайды. {o} мәліметі бойынша, "
        "инфляция біртіндеп баяулап келеді.",
        "Брифингте {p} «Су тапшылығы – бүкіл өңірдің ортақ мәселесі» екенін айтты. Ол {c} қаласындағы "
        "тазарту құрылғыларын жаңғырту жоспарын таныстырды.",
        "Жиын соңында {p} {o} басшыларына бірқатар тапсырма берді. Олардың орындалуы {n} күн ішінде "
        "тексеріледі.",
        "{c} қаласының әкімдігі қысқы маусымға дайындықтың барысын хабарлады. Жылу беру маусымы {n} қазанда "
        "басталады деп күтілуде.",
    ),
    sources=("zakon.kz", "kazinform.kz", "egemen.kz", "24.kz"),
)

_RU = _Lang(
    people=("Касым-Жомарт Токаев", "Олжас Бектенов", "Тимур Сулейменов", "Ермаган Булекпаев", "Анна Ковалёва",
            "Серик Жумангарин", "Алия Нурланова", "Дмитрий Орлов", "Ерлан Карин", "Мадина Абдыкалыкова"),
    cities=("Астана", "Алматы", "Караганда", "Шымкент", "Актобе", "Костанай", "Усть-Каменогорск", "Атырау"),
    orgs=("Правительство", "Мажилис", "Сенат", "Национальный банк", "Министерство финансов",
          "Министерство энергетики", "Министерство здравоохранения", "Министерство транспорта"),
    titles=("{o} обсудило бюджет на следующий год", "В городе {c} открыли новый стадион",
            "{p} провёл совещание по тарифам", "Нацбанк сохранил базовую ставку", "В {c} построят {n} домов"),
    paragraphs=(
        "{o} сохранило базовую ставку на прежнем уровне. «Инфляционное давление постепенно снижается, но "
        "риски остаются высокими», — заявил {p} на брифинге в городе {c}.",
        "По словам аналитиков, следующее решение будет принято в январе. Рынок ожидает снижения ставки на "
        "{n} базисных пунктов.",
        "В городе {c} после реконструкции открылся стадион «Шахтер». {p} отметил: «Теперь здесь смогут "
        "проходить матчи международного уровня».",
        "— Мы ждали этого несколько лет, — добавил {p}. Реконструкция обошлась бюджету в {n} миллионов тенге.",
        "На заседании {o} {p} сообщил, что в этом году в регионе построят {n} километров дорог. \"Мы "
        "должны закончить работы до холодов\", — подчеркнул он.",
        "{p} поручил усилить контроль за ценами на социально значимые товары. По данным ведомства, за "
        "месяц цены в городе {c} выросли на {n} процента.",
        "Депутаты задали вопросы о сроках строительства. «Все объекты будут сданы вовремя», — ответил {p}, "
        "добавив, что финансирование выделено в полном объёме.",
        "В городе {c} прошёл форум, в котором приняли участие более {n} делегатов из стран Центральной "
        "Азии. Участники обсудили энергетику, транспорт и цифровизацию.",
        "Как сообщает пресс-служба, {o} подготовило поправки в Налоговый кодекс. {p} считает, что они "
        "«снизят нагрузку на малый бизнес».",
        "Эксперты напоминают, что зимой нагрузка на сети в городе {c} возрастает почти на {n} процентов. "
        "— Резервы мощности есть, — заверил {p}.",
    ),
    sources=("tengrinews.kz", "zakon.kz", "inform.kz", "kapital.kz"),
)

_EN = _Lang(
    people=("Kassym-Jomart Tokayev", "Olzhas Bektenov", "Shavkat Mirziyoyev", "Murat Nurtleu", "Sarah Collins",
            "Timur Suleimenov", "Aidos Ukibay", "Dana Zhaksylykova", "James Porter", "Yerlan Karin"),
    cities=("Astana", "Almaty", "Tashkent", "Shymkent", "Karaganda", "Aktobe", "Bishkek", "Atyrau"),
    orgs=("National Bank of Kazakhstan", "Ministry of Energy", "Ministry of Finance", "Asian Development Bank",
          "European Union", "Mazhilis", "Senate of Kazakhstan", "Government of Kazakhstan"),
    titles=("{c} hosts regional energy forum", "{o} keeps the base rate unchanged", "{p} meets investors in {c}",
            "Kazakhstan and Uzbekistan sign water agreement", "{n} new schools to open this year"),
    paragraphs=(
        "Kazakhstan and Uzbekistan signed an agreement on sharing the waters of the Syr Darya on Friday in "
        "{c}. \"This agreement protects farmers on both banks of the river,\" {p} said after the talks.",
        "{p} said that the two countries would build a joint monitoring centre by {n}.",
        "Energy ministers from Central Asia gathered in {c} for a two-day forum on power grids. \"We need one "
        "market for electricity in the region,\" {p} told reporters.",
        "Delegates from the {o} also attended. They discussed {n} projects worth several billion dollars.",
        "The {o} kept its base rate unchanged. \"Inflation is slowing, but the risks remain high,\" {p} said "
        "at a briefing in {c}.",
        "Analysts expect the next decision in January. \"A cut of {n} basis points is possible,\" said {p}, "
        "an economist in {c}.",
        "{p} told parliament that the budget would grow by {n} percent. \"Every tenge must be spent where it "
        "is needed most,\" he said, adding that regions would get more money for roads.",
        "Residents of {c} complained about water shortages this summer. The {o} promised to replace {n} "
        "kilometres of old pipes before next year.",
        "\"We are ready to work with every investor who creates jobs,\" {p} said during a visit to {c}, "
        "where {n} companies presented their plans.",
        "According to the {o}, exports rose by {n} percent in the first nine months. Grain, metals and oil "
        "remained the main goods.",
    ),
    sources=("astanatimes.com", "inform.kz", "trend.az", "reuters.com"),
)

_BY_LANGUAGE = {"kk": _KK, "ru": _RU, "en": _EN}


def _fill(template: str, lang: _Lang, rng: random.Random) -> str:
    return template.format(
        p=rng.choice(lang.people),
        c=rng.choice(lang.cities),
        o=rng.choice(lang.orgs),
        n=rng.randint(2, 950),
    )


def _target_size(rng: random.Random) -> int:
    return int(min(MAX_BYTES, MIN_BYTES + rng.expovariate(1.0 / _TAIL_MEAN_BYTES)))


def _item(index: int, rng: random.Random, seed: int) -> dict[str, Any]:
    code = LANGUAGES[rng.randrange(len(LANGUAGES))]
    lang = _BY_LANGUAGE[code]
    target = _target_size(rng)
    day = 1 + index % 28
    item: dict[str, Any] = {
        "id": f"bench-{seed}-{code}-{index:07d}",
        "title": _fill(rng.choice(lang.titles), lang, rng),
        "body": "",
        "source": rng.choice(lang.sources),
        "url": f"https://{rng.choice(lang.sources)}/news/{seed}/{index}",
        "published_at": f"2026-11-{day:02d}T{index % 24:02d}:{index % 60:02d}:00+05:00",
    }
    if rng.random() < 0.5:
        item["language"] = code  # half say their language, the other half have it detected
    paragraphs: list[str] = []
    # Add paragraphs while the encoded item stays within the drawn size (and always reach MIN_BYTES).
    while True:
        paragraphs.append(_fill(rng.choice(lang.paragraphs), lang, rng))
        item["body"] = "\n".join(paragraphs)
        size = len(orjson.dumps(item))
        if size > MAX_BYTES or (size > target and len(paragraphs) > 1 and _size_without_last(item, paragraphs)):
            paragraphs.pop()
            item["body"] = "\n".join(paragraphs)
            break
        if size >= target:
            break
    return item


def _size_without_last(item: dict[str, Any], paragraphs: list[str]) -> bool:
    """True when the item is still at least MIN_BYTES without its last paragraph."""
    shorter = {**item, "body": "\n".join(paragraphs[:-1])}
    return len(orjson.dumps(shorter)) >= MIN_BYTES


def generate(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` news items, the same for the same seed: every item between MIN_BYTES and MAX_BYTES as JSON."""
    rng = random.Random(seed)  # noqa: S311 - a reproducible corpus, not security
    return [_item(index, rng, seed) for index in range(count)]


def encode_items(items: Sequence[dict[str, Any]]) -> list[bytes]:
    """Each item as one compact JSON line (no newline)."""
    return [orjson.dumps(item) for item in items]


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """Sizes and languages of a corpus."""

    count: int
    mean_bytes: float
    min_bytes: int
    max_bytes: int
    languages: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {"count": self.count, "mean_bytes": round(self.mean_bytes, 1), "min_bytes": self.min_bytes,
                "max_bytes": self.max_bytes, "languages": self.languages}


def stats(items: Sequence[dict[str, Any]]) -> CorpusStats:
    """Sizes (encoded bytes) and language counts of ``items``, by the language the templates used."""
    sizes = [len(line) for line in encode_items(items)]
    languages: dict[str, int] = {}
    for item in items:
        code = _language_of_id(item)
        languages[code] = languages.get(code, 0) + 1
    return CorpusStats(len(sizes), sum(sizes) / max(1, len(sizes)), min(sizes, default=0), max(sizes, default=0),
                       languages)


def _language_of_id(item: dict[str, Any]) -> str:
    """The template language, which the generated id carries: bench-SEED-LANG-INDEX."""
    parts = str(item.get("id", "")).split("-")
    return parts[2] if len(parts) == 4 and parts[2] in LANGUAGES else "und"
