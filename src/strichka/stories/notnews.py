"""Is it news? Promotions, horoscopes, quizzes, advice, TV listings, weather and greetings are not.

They are kept and shown in their category, but never ranked as top stories. The decision reads the
headline first (that is all a feed sometimes gives) and the feed's own tags.
"""

from __future__ import annotations

import re

# Headline shapes of service and lifestyle content, uk / ru / en. Stems, not whole words.
_NOT_NEWS_PATTERNS = [
    # horoscopes, calendars, holidays, greetings
    r"гороскоп", r"horoscope", r"знак\w* зодиак", r"знак\w* зодіак", r"zodiac", r"астролог", r"astrolog",
    r"таро\b", r"tarot", r"лунн\w+ календар", r"місячн\w+ календар", r"сонник", r"нумеролог",
    r"какой (сегодня )?праздник", r"яке сьогодні свято", r"яке свято", r"какой праздник",
    r"день ангела", r"именины", r"іменини", r"народн\w+ приме", r"^с праздником", r"^зі? святом",
    r"привітання з", r"поздравлени\w+ с ", r"листівк", r"открытк\w+ (и|с|на)",
    # weather forecasts, TV and radio listings, programme episodes
    r"^погода\b", r"прогноз погоды", r"прогноз погоди", r"погода на \d", r"weather forecast",
    r"телепрограм", r"програма передач", r"программа передач", r"tv listings?", r"what to watch",
    r"выпуск\s*№", r"випуск\s*№", r"^программа [«\"]", r"^програма [«\"]", r"episode \d", r"серия \d",
    r"курс\w* валют на \d", r"курс долара на \d", r"курс доллара на \d",
    # advice, how-to, lists, tests and quizzes
    r"^как (правильно|выбрать|сделать|приготовить|похудеть|избавиться|сэкономить|настроить|не )",
    r"^як (правильно|вибрати|зробити|приготувати|схуднути|позбутися|заощадити|налаштувати|не )",
    r"^how to\b", r"^\d+ (причин|способ|правил|вещ|продукт|признак|совет|ошиб|лучших|главных|фильм|книг|мест)",
    r"^\d+ (причин|способ|правил|реч|продукт|ознак|порад|помил|найкращ|головних|фільм|книж|місц)",
    r"^\d+ (reasons|ways|things|tips|signs|best|foods|mistakes)", r"^(топ|top)[- ]?\d+",
    r"рецепт", r"recipe", r"лайфхак", r"life ?hack", r"совет\w* (для|как)", r"поради (для|як)",
    r"\bтест\b", r"\bquiz\b", r"вікторин", r"викторин", r"проверьте себя", r"перевірте себе",
    r"названы (продукты|напитки|привычки|признаки|способы)", r"назван\w+ (продукти|звички|ознаки)",
    r"(врач|диетолог|психолог|эксперт)\w* (рассказал|назвал|объяснил)\w* как",
    r"(лікар|дієтолог|психолог|експерт)\w* (розповіл|назвал|пояснил)\w* як",
    r"что (нужно|надо) знать", r"що (треба|потрібно) знати", r"what you need to know",
    r"^(чем|чим) (заняться|зайнятися)", r"куди піти", r"куда сходить",
    r"^(как|почему|зачем|чем|что|сколько|куда|откуда|чего|какие|какой|когда)\b",
    r"^(як|чому|навіщо|чим|що|скільки|куди|звідки|чого|які|який|коли)\b",
    r"^(how|why|what|which|where|when)\b(?! (?:the|a)\b)",
    r"^(два|три|пять|шесть|семь|восемь|девять|десять|п'ять|шість|сім|вісім|дев'ять|десять|five|six|seven|ten)\s+\w+",
    r"^\d+ \w+",
    r"(назван\w*|раскрыт\w*|розкрит\w*) (\d+ )?(секрет|способ|продукт|причин|признак|ознак|лучш|найкращ|худш)",
    r"(рассказал\w*|розповіл\w*|объяснил\w*|пояснил\w*|назвал\w*),? (как|як|чем|чим|почему|чому|сколько|что|нужно|нужен|ли)\b",
    r"\bсамы[еx] \w+ (продукт|мест|фильм|способ)", r"\b(лучшие|найкращі|best) \w*\s*(находки|места|фильмы|місця|фільми|places|films|movies)",
    r"находки", r"\bтоп\b", r"смотреть онлайн", r"дивитися онлайн", r"watch online", r"онлайн-трансляц",
    r"^анонс", r"^(одной строкой|новости \d|новини \d|что случилось этой ночью)", r"\?$",
    # promotions and advertising
    r"\bакци[яи]\b", r"\bакція\b", r"скидк", r"знижк", r"распродаж", r"розпродаж", r"промокод",
    r"\bpromo\b", r"\bsale\b", r"discount", r"sponsored", r"на правах реклам", r"реклама\b", r"партнерськ\w+ матеріал",
    r"партнерский материал", r"купить\b", r"купити\b", r"розыгрыш", r"розіграш", r"giveaway",
    r"голосуйте", r"голосуйте за", r"vote for", r"конкурс\w* (на|для)",
]
_NOT_NEWS_RE = re.compile("|".join(f"(?:{p})" for p in _NOT_NEWS_PATTERNS), re.IGNORECASE)
_NOT_NEWS_TAGS = frozenset(
    "гороскоп гороскопи гороскопы horoscope horoscopes реклама advertising sponsored promo партнерський "
    "партнерский лайфхаки lifehacks рецепти рецепты recipes погода weather тести тесты quiz tv телепрограма".split()
)


def is_news(title: str, text: str = "", feed_categories: tuple[str, ...] = ()) -> bool:
    """False for service and lifestyle content that should never top the home page."""
    if any(tag.strip().lower() in _NOT_NEWS_TAGS for tag in feed_categories):
        return False
    headline = " ".join(title.split())
    return _NOT_NEWS_RE.search(headline) is None
