"""Demo events: central bank, a tech start-up, power outages, the harvest forecast. All fictional."""

from __future__ import annotations

from .model import DemoArticle, ImageUse, republished

# --- s03: the National Bank keeps its key rate at 14.5% -------------------------------------------
_S03 = "s03-key-rate-unchanged"
_S03_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="nbu-zberih-oblikovu-stavku-14-5", lang="uk",
    title="НБУ зберіг облікову ставку на рівні 14,5%",
    category="economy", minutes=-340, story=_S03, author="Тетяна Бондар",
    paragraphs=(
        "Правління Національного банку вирішило залишити облікову ставку без змін — на рівні 14,5% річних. Про це на брифінгу повідомив заступник голови НБУ Сергій Литвин.",
        "За його словами, інфляція в лютому сповільнилася до 9,8% у річному вимірі, але ризики для цін залишаються високими через дефіцит робочої сили та витрати на енергетику.",
        "Нацбанк погіршив прогноз зростання ВВП на 2026 рік з 3,6% до 3,1%. Міжнародні резерви на 1 березня становили 41,2 мільярда доларів.",
        "Наступне засідання правління з питань монетарної політики відбудеться 30 квітня.",
    ),
    images=(ImageUse("s03-nbu-building", "НБУ", width=1400),),
)
_S03_KURIER = republished(
    _S03_AGENCY, outlet="dniprovskyi-kurier", slug="oblikova-stavka-zalyshylasia-14-5", minutes=-320,
    closing=("За матеріалами УкрПрес-Інфо",),
    images=(ImageUse("s03-nbu-building", "НБУ", width=1000, fmt="webp"),),
)
_S03_DELOVOI = DemoArticle(
    outlet="delovoi-kurier", slug="nbu-sohranil-uchetnuyu-stavku", lang="ru",
    title="НБУ сохранил учетную ставку 14,5% и ухудшил прогноз роста ВВП",
    category="economy", minutes=-300, story=_S03, author="Игорь Пастух",
    paragraphs=(
        "Национальный банк оставил учетную ставку на уровне 14,5% годовых, сообщает УкрПресс-Инфо. Решение совпало с ожиданиями большинства аналитиков, опрошенных «Деловым курьером».",
        "Инфляция в феврале замедлилась до 9,8% в годовом выражении. При этом регулятор ухудшил прогноз роста экономики на 2026 год до 3,1% с 3,6%.",
        "Замглавы НБУ Сергей Литвин назвал главными рисками нехватку рабочей силы и рост затрат в энергетике.",
        "Резервы НБУ на начало марта составляли 41,2 млрд долларов. Следующее решение по ставке — 30 апреля.",
    ),
    images=(ImageUse("s03-nbu-building", "НБУ", width=900),),
)
_S03_LEDGER = DemoArticle(
    outlet="kyiv-ledger", slug="central-bank-holds-rate-14-5", lang="en",
    title="National Bank of Ukraine holds key rate at 14.5%, trims growth forecast",
    category="economy", minutes=4, story=_S03, author="Sophie Tran",
    paragraphs=(
        "The National Bank of Ukraine kept its key policy rate at 14.5% on Thursday, as annual inflation slowed to 9.8% in February.",
        "Deputy Governor Serhiy Lytvyn said labour shortages and rising energy costs were still putting pressure on prices. The bank cut its 2026 economic growth forecast to 3.1% from 3.6%.",
        "International reserves stood at $41.2 billion on March 1. The next rate decision is due on April 30.",
    ),
    images=(ImageUse("s03-nbu-building", "National Bank of Ukraine", "The central bank's headquarters in Kyiv", width=1600, fmt="png", figure=True),),
)

# --- s06: Lviv start-up Lumen Robotics raises $12 million; origin is Kyiv Ledger -------------------
_S06 = "s06-lumen-robotics-round"
_S06_LEDGER = DemoArticle(
    outlet="kyiv-ledger", slug="lumen-robotics-raises-12-million", lang="en",
    title="Lviv's Lumen Robotics raises $12 million for crop-spraying drones",
    category="technology", minutes=-600, story=_S06, author="Sophie Tran",
    paragraphs=(
        "Lumen Robotics, a Lviv-based maker of agricultural drones, has raised $12 million in a Series A round led by the Warsaw fund Vistula Ventures, the company told the Kyiv Ledger.",
        "The start-up, founded in 2021 by engineers Taras Dmytriv and Oksana Pelekh, builds drones that map fields and spray fertiliser only where sensors detect a shortage. It says farmers using the system cut chemical use by up to 30%.",
        "Lumen plans to open an assembly line in Lutsk with 140 jobs and expand into Poland and Romania. \"Ukrainian farmers had to learn to work with drones faster than anyone else,\" Dmytriv said.",
        "The company has sold about 400 drones so far, mostly to agricultural holdings in western and central Ukraine.",
    ),
    images=(
        ImageUse("s06-field-drone", "Lumen Robotics", "A Lumen drone over a wheat field near Lviv", width=1600, figure=True),
        ImageUse("s06-founders", "Lumen Robotics", width=1200, fmt="png"),
    ),
)
_S06_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="lvivskyi-startap-lumen-robotics-zaluchyv-12-mln", lang="uk",
    title="Львівський стартап Lumen Robotics залучив 12 мільйонів доларів інвестицій",
    category="technology", minutes=-560, story=_S06, author="Тетяна Бондар",
    paragraphs=(
        "Львівська компанія Lumen Robotics, що виробляє дрони для сільського господарства, залучила 12 мільйонів доларів у раунді серії A. Про це пише видання Kyiv Ledger.",
        "Інвестиції очолив варшавський фонд Vistula Ventures. Стартап заснували у 2021 році інженери Тарас Дмитрів та Оксана Пелех.",
        "Дрони компанії складають карту поля і вносять добрива лише там, де датчики фіксують їхню нестачу. За даними розробників, це дає змогу скоротити використання хімікатів до 30%.",
        "Компанія планує відкрити складальну лінію в Луцьку на 140 робочих місць.",
    ),
    images=(ImageUse("s06-field-drone", "Lumen Robotics", width=1200),),
)
_S06_DELOVOI = DemoArticle(
    outlet="delovoi-kurier", slug="lumen-robotics-privlek-12-mln", lang="ru",
    title="Lumen Robotics привлек $12 млн на агродроны",
    category="technology", minutes=-520, story=_S06,
    paragraphs=(
        "Львовский производитель сельскохозяйственных дронов Lumen Robotics закрыл раунд серии A на 12 млн долларов, сообщает Kyiv Ledger. Ведущий инвестор — варшавский фонд Vistula Ventures.",
        "Компания продала около 400 дронов, в основном агрохолдингам западной и центральной Украины. Ее решения позволяют сократить расход удобрений до 30%.",
        "На привлеченные средства Lumen откроет сборочное производство в Луцке на 140 рабочих мест и выйдет на рынки Польши и Румынии.",
    ),
    images=(ImageUse("s06-field-drone", "Lumen Robotics", width=800, fmt="webp"),),
)
_S06_KARPATY = republished(
    _S06_AGENCY, outlet="karpatskyi-visnyk", slug="lumen-robotics-12-milioniv", minutes=4,
    title="Дрони для полів зі Львова: Lumen Robotics отримав 12 мільйонів доларів",
    closing=("За інформацією УкрПрес-Інфо",),
)

# --- s11: scheduled outages in Zaporizhzhia region; origin is Pivden.Info -------------------------
_S11 = "s11-zaporizhzhia-substation-outages"
_S11_PIVDEN = DemoArticle(
    outlet="pivden-info", slug="hrafiky-vidkliuchen-zaporizhzhia-pidstantsiia", lang="uk",
    title="На Запоріжжі три дні діятимуть графіки відключень через ремонт підстанції",
    category="society", minutes=-280, story=_S11, author="Світлана Орлик",
    paragraphs=(
        "З 17 по 19 березня у Запорізькій області застосовуватимуть погодинні графіки відключень електроенергії. Причина — плановий ремонт підстанції 330 кВ «Дніпро-Південна».",
        "Як пояснили в обленерго, без світла щодня буде до 28 тисяч споживачів у Запоріжжі, Вільнянську та Оріхові, кожна черга — не довше чотирьох годин.",
        "Лікарні, водоканал та котельні живитимуться за резервними схемами. Графіки для кожної адреси опублікують на сайті обленерго ввечері напередодні.",
        "Енергетики просять мешканців заздалегідь зарядити павербанки й не вмикати одночасно потужні прилади після повернення живлення.",
    ),
    images=(ImageUse("s11-substation", "Запоріжжяобленерго", width=1400),),
)
_S11_KURIER = DemoArticle(
    outlet="dniprovskyi-kurier", slug="zaporizhzhia-hrafiky-remont-330", lang="uk",
    title="Сусіди без світла: на Запоріжжі ремонтуватимуть підстанцію 330 кВ",
    category="society", minutes=-250, story=_S11,
    paragraphs=(
        "Запорізька область три дні житиме за графіками відключень — з 17 до 19 березня, повідомляє Південь.Інфо. Енергетики ремонтуватимуть підстанцію «Дніпро-Південна».",
        "Відключення торкнуться до 28 тисяч абонентів у Запоріжжі, Вільнянську та Оріхові. На Дніпропетровщині змін у графіках не прогнозують.",
        "Критична інфраструктура працюватиме від резервних ліній.",
    ),
    images=(ImageUse("s11-substation", "Запоріжжяобленерго", width=1000, fmt="png"),),
)
_S11_MONITOR = DemoArticle(
    outlet="black-sea-monitor", slug="zaporizhzhia-rolling-blackouts-substation", lang="en",
    title="Zaporizhzhia region faces three days of rolling blackouts during substation repair",
    category="society", minutes=6, story=_S11,
    paragraphs=(
        "Up to 28,000 households in Ukraine's Zaporizhzhia region will have scheduled power cuts of up to four hours a day from March 17 to 19 while the 330-kilovolt Dnipro-Pivdenna substation is repaired, the regional grid operator said.",
        "Hospitals, water utilities and heating plants will switch to backup lines, according to the local news site Pivden.Info.",
        "Outage schedules for each address will be published the evening before.",
    ),
    images=(ImageUse("s11-substation", "Zaporizhzhiaoblenergo", width=1200, fmt="webp"),),
)

# --- s15: the harvest forecast; origin is Delovoi Kurier (a Russian-language outlet) --------------
_S15 = "s15-harvest-forecast-78"
_S15_DELOVOI = DemoArticle(
    outlet="delovoi-kurier", slug="minagro-prognoz-urozhaya-78-5", lang="ru",
    title="Минагро прогнозирует урожай зерновых в 78,5 млн тонн",
    category="economy", minutes=-700, story=_S15, author="Игорь Пастух",
    paragraphs=(
        "Министерство аграрной политики повысило прогноз урожая зерновых и масличных в 2026 году до 78,5 млн тонн, сообщил «Деловому курьеру» заместитель министра Роман Шевчук.",
        "Прежний прогноз составлял 74 млн тонн. Пересмотр связан с мягкой зимой: озимые в хорошем состоянии на 91% посевных площадей.",
        "Экспортный потенциал оценивается в 49 млн тонн, из них около 26 млн тонн кукурузы. Основные риски — весенние заморозки и логистика через морские порты.",
        "Сев яровых в южных областях начнется на две недели раньше обычного.",
    ),
    images=(ImageUse("s15-wheat-field", "Министерство аграрной политики", width=1500),),
)
_S15_KURIER = DemoArticle(
    outlet="dniprovskyi-kurier", slug="minahro-prohnoz-vrozhaiu-78-5", lang="uk",
    title="Мінагро підвищило прогноз урожаю до 78,5 мільйона тонн",
    category="economy", minutes=-640, story=_S15,
    paragraphs=(
        "Міністерство аграрної політики очікує цього року 78,5 мільйона тонн зернових та олійних, пише видання «Деловой курьер» з посиланням на заступника міністра Романа Шевчука.",
        "Попередній прогноз був на рівні 74 мільйонів тонн. Озимі після м'якої зими в доброму стані на 91% площ.",
        "Аграрії Дніпропетровщини підтверджують: посіви пережили зиму краще, ніж торік. Експортний потенціал оцінюють у 49 мільйонів тонн.",
    ),
    images=(ImageUse("s15-wheat-field", "Мінагрополітики", width=1100, fmt="webp"),),
)
_S15_LEDGER = DemoArticle(
    outlet="kyiv-ledger", slug="ukraine-raises-harvest-forecast", lang="en",
    title="Ukraine raises 2026 harvest forecast to 78.5 million tonnes",
    category="economy", minutes=8, story=_S15,
    paragraphs=(
        "Ukraine's Agriculture Ministry expects a grain and oilseed harvest of 78.5 million tonnes this year, up from an earlier forecast of 74 million, Deputy Minister Roman Shevchuk told the business outlet Delovoi Kurier.",
        "A mild winter left 91% of winter crops in good condition. Exports could reach 49 million tonnes, including about 26 million tonnes of corn.",
        "Spring frosts and the reliability of Black Sea shipping remain the main risks, Shevchuk said.",
    ),
    images=(ImageUse("s15-wheat-field", "Ministry of Agrarian Policy", width=1600, fmt="png"),),
)

ARTICLES: tuple[DemoArticle, ...] = (
    _S03_AGENCY, _S03_KURIER, _S03_DELOVOI, _S03_LEDGER,
    _S06_LEDGER, _S06_AGENCY, _S06_DELOVOI, _S06_KARPATY,
    _S11_PIVDEN, _S11_KURIER, _S11_MONITOR,
    _S15_DELOVOI, _S15_KURIER, _S15_LEDGER,
)
