"""Demo items reported by one outlet only, and three items that are not news at all. All fictional."""

from __future__ import annotations

from .model import DemoArticle, ImageUse

_SINGLE_NEWS: tuple[DemoArticle, ...] = (
    DemoArticle(
        outlet="ukrpres-info", slug="uriad-prodovzhyv-prohramu-teplyi-dim", lang="uk",
        title="Уряд продовжив програму пільгових кредитів на утеплення будинків до 2027 року",
        category="economy", minutes=-150, author="Тетяна Бондар",
        paragraphs=(
            "Кабінет Міністрів продовжив до кінця 2027 року програму «Теплий дім», за якою власники приватних будинків і ОСББ можуть отримати кредит на утеплення під 5% річних.",
            "Граничну суму кредиту для приватного будинку підвищили з 300 до 450 тисяч гривень. Для багатоквартирних будинків ліміт становить 12 мільйонів гривень на будинок.",
            "За два роки програмою скористалися понад 19 тисяч родин, повідомили в Міністерстві енергетики.",
        ),
        images=(ImageUse("x01-insulation", "Міненерго", width=1200),),
    ),
    DemoArticle(
        outlet="visti-podolu", slug="u-khmilnyku-vidkryly-mist-cherez-buh", lang="uk",
        title="У Хмільнику відкрили відновлений міст через Південний Буг",
        category="society", minutes=-90, author="Наталія Ткачук",
        paragraphs=(
            "У Хмільнику після капітального ремонту відкрили автомобільний міст через Південний Буг на вулиці Небесної Сотні. Ремонт тривав вісім місяців.",
            "Будівельники замінили прогонові балки, тротуари та освітлення. Тепер мостом можуть їздити вантажівки масою до 40 тонн.",
            "Роботи коштували 86 мільйонів гривень з обласного бюджету.",
        ),
        images=(ImageUse("x02-bridge", "Хмільницька міська рада", width=1300, fmt="png"),),
    ),
    DemoArticle(
        outlet="dniprovskyi-kurier", slug="riatuvalnyky-vytiahly-avto-z-samary", lang="uk",
        title="У Новомосковську рятувальники витягли з річки Самара автомобіль, що з'їхав з дамби",
        category="society", minutes=2,
        paragraphs=(
            "У Новомосковську легковик Daewoo Lanos з'їхав з дамби та опинився в річці Самара. Водій і пасажирка самостійно вибралися з автомобіля, медична допомога їм не знадобилася.",
            "Рятувальники ДСНС за допомогою автокрана дістали машину з води. Поліція з'ясовує обставини події: за попередніми даними, водій не впорався з керуванням на мокрій дорозі.",
            "Минулого року на цій ділянці дамби сталося ще три подібні ДТП, тож у міській раді пообіцяли встановити бетонні обмежувачі.",
        ),
        images=(ImageUse("x03-river-car", "ГУ ДСНС у Дніпропетровській області", width=1000),),
    ),
    DemoArticle(
        outlet="kyivska-khvylia", slug="vystavka-plakatu-1920-kh-u-kyievi", lang="uk",
        title="У Києві відкрилася виставка українського плаката 1920-х років",
        category="culture", minutes=-210, author="Ольга Дячук",
        paragraphs=(
            "У галереї «Поділ-Арт» відкрилася виставка «Голосно і яскраво», на якій представлено 64 плакати українських художників 1920-х років із приватних колекцій.",
            "Більшість робіт експонують уперше. Серед них — афіші Одеської кіностудії та рекламні плакати харківських кооперативів.",
            "Кураторка Ірина Безпала розповідає, що частину плакатів знайшли у 2023 році під час ремонту будинку в Харкові: ними були обклеєні стіни горища.",
            "Виставка триватиме до 31 травня. Вхід — 150 гривень, для студентів — 80.",
        ),
        images=(
            ImageUse("x04-posters", "галерея «Поділ-Арт»", "Фрагмент експозиції", width=1400, fmt="png", figure=True),
        ),
    ),
    DemoArticle(
        outlet="pivden-info", slug="mytnyky-zatrymaly-burshtyn-odesa", lang="uk",
        title="В Одеському порту митники виявили 1,2 тонни бурштину в контейнері з меблями",
        category="society", minutes=-170,
        paragraphs=(
            "Одеські митники знайшли 1,2 тонни необробленого бурштину в контейнері, який за документами перевозив дерев'яні меблі до Об'єднаних Арабських Еміратів.",
            "Камені були заховані у подвійних стінках шаф. Орієнтовна вартість контрабанди — 38 мільйонів гривень.",
            "Щодо відправника — компанії з Рівненщини — розпочато кримінальне провадження за статтею про контрабанду.",
        ),
        images=(ImageUse("x05-amber", "Одеська митниця", width=1200, bad="truncated_jpeg"),),
    ),
    DemoArticle(
        outlet="severnyi-vestnik", slug="v-chernigove-otremontiruyut-14-sportzalov", lang="ru",
        title="В Чернигове за лето отремонтируют 14 школьных спортзалов",
        category="society", minutes=-110,
        paragraphs=(
            "Черниговский горсовет утвердил программу ремонта спортивных залов в 14 школах города. На работы выделено 52 млн гривен.",
            "В залах заменят полы, окна и вентиляцию, а в шести школах оборудуют укрытия в подвальных помещениях.",
            "Ремонт должен завершиться к 25 августа, чтобы к началу учебного года залы были готовы.",
        ),
        images=(ImageUse("x06-gym", "Черниговский горсовет", width=1100, fmt="webp"),),
    ),
    DemoArticle(
        outlet="gorodskie-novosti", slug="na-pavlovom-pole-otkryli-podzemnyy-perehod", lang="ru",
        title="На Павловом Поле после ремонта открыли подземный переход",
        category="society", minutes=-70,
        paragraphs=(
            "В Харькове после ремонта открыли подземный переход на проспекте Науки возле станции метро «Научная». Работы длились четыре месяца.",
            "В переходе заменили плитку, установили пандус и новое освещение. Торговые киоски внутри больше не размещают.",
            "Коммунальщики обещают до конца весны отремонтировать еще два перехода в Шевченковском районе.",
        ),
        images=(ImageUse("x07-underpass", "Харьковский горсовет", width=1000),),
    ),
    DemoArticle(
        outlet="delovoi-kurier", slug="grechka-podorozhala-na-18", lang="ru",
        title="Гречка за месяц подорожала на 18%: что происходит с ценами на крупы",
        category="economy", minutes=5, author="Игорь Пастух",
        paragraphs=(
            "Средняя розничная цена гречневой крупы в Украине за февраль выросла на 18% и достигла 64 гривен за килограмм, свидетельствуют данные мониторинга сетевых супермаркетов.",
            "Аналитики объясняют подорожание слабым урожаем гречихи прошлого года: он составил 92 тыс. тонн против 148 тыс. годом ранее.",
            "Цены на рис и пшено за месяц почти не изменились. До нового урожая гречка, по прогнозам, может подорожать еще на 5–7%.",
        ),
        images=(ImageUse("x08-buckwheat", "Деловой курьер", width=900),),
    ),
    DemoArticle(
        outlet="black-sea-monitor", slug="constanta-container-terminal-expansion", lang="en",
        title="Constanța port to double container capacity with new terminal berth",
        category="world", minutes=-240, author="Elena Marin",
        paragraphs=(
            "Romania's port of Constanța will add a 450-metre container berth by 2028, roughly doubling the capacity of its southern terminal to 1.6 million containers a year, the port authority said.",
            "The 210-million-euro project is partly funded by the European Union's Connecting Europe Facility. Dredging will deepen the berth to 16.5 metres so it can take the largest ships that enter the Black Sea.",
            "Constanța has handled a growing share of Ukrainian and Moldovan cargo since 2022.",
        ),
        images=(ImageUse("x09-terminal", "Constanța Port Authority", width=1200, bad="svg_script"),),
    ),
    DemoArticle(
        outlet="eastern-europe-wire", slug="lithuania-minimum-wage-1100", lang="en",
        title="Lithuania to raise minimum wage to 1,100 euros next year",
        category="world", minutes=7,
        paragraphs=(
            "VILNIUS — Lithuania's government approved an increase of the monthly minimum wage to 1,100 euros from January, up from 1,038 euros, after talks with unions and employers.",
            "About 120,000 workers earn the minimum wage, according to the social security fund Sodra. Employers' groups warned that the rise could hurt small retailers in rural areas.",
            "Lithuania has the second-highest minimum wage in the Baltic states after Estonia.",
        ),
        images=(ImageUse("x10-vilnius", "Eastern Europe Wire", width=1300, fmt="webp"),),
    ),
)

_NOT_NEWS: tuple[DemoArticle, ...] = (
    DemoArticle(
        outlet="visti-podolu", slug="horoskop-na-tyzhden", lang="uk",
        title="Гороскоп на тиждень: що обіцяють зірки з 16 по 22 березня",
        category="lifestyle", minutes=-60, is_news=False,
        paragraphs=(
            "Овнам цього тижня варто не поспішати з великими покупками: краще відкласти рішення до вихідних.",
            "Тельців чекає приємна зустріч зі старим знайомим, а Близнюкам зірки радять більше відпочивати.",
            "Ракам і Левам тиждень принесе нові ідеї на роботі. Дівам варто звернути увагу на здоров'я.",
            "Терезам, Скорпіонам і Стрільцям пощастить у подорожах, а Козерогам, Водоліям і Рибам — у справах родини.",
        ),
        images=(ImageUse("n01-stars", "Вісті Подолу", width=1000),),
    ),
    DemoArticle(
        outlet="delovoi-kurier", slug="partnerskiy-material-depozit", lang="ru",
        title="Партнерский материал: как выбрать депозит в 2026 году и не прогадать",
        category="promotion", minutes=-45, is_news=False,
        paragraphs=(
            "На правах рекламы. Выбирая депозит, обращайте внимание не только на ставку, но и на возможность досрочного снятия средств.",
            "Банк «Зерновой» предлагает вклад «Урожайный» со ставкой до 15% годовых и ежемесячной выплатой процентов. Открыть депозит можно онлайн за пять минут.",
            "Подробности — на сайте банка и по телефону горячей линии.",
        ),
        images=(ImageUse("n02-coins", "Банк «Зерновой»", width=1000, fmt="png"),),
    ),
    DemoArticle(
        outlet="kyivska-khvylia", slug="teleprohrama-na-nediliu", lang="uk",
        title="Телепрограма на неділю, 22 березня",
        category="tv", minutes=1, is_news=False,
        paragraphs=(
            "07:00 — Ранкове шоу «Прокидаймося». 09:00 — Мультфільми. 10:30 — Кулінарна програма «Смачно вдома».",
            "12:00 — Художній фільм «Літо на хуторі». 14:15 — Документальний цикл «Міста над Дніпром».",
            "17:00 — Футбол. Огляд туру. 19:00 — Підсумкові новини тижня. 21:00 — Серіал «Слідчий Коваль», 3 серія.",
        ),
        images=(ImageUse("n03-tv", "Київська хвиля", width=900, fmt="webp"),),
    ),
)

ARTICLES: tuple[DemoArticle, ...] = _SINGLE_NEWS + _NOT_NEWS
