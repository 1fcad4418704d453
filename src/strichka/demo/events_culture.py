"""Demo events: Antarctic science, tennis, a film prize, a student satellite. All fictional."""

from __future__ import annotations

from .model import DemoArticle, ImageUse, republished

# --- s07: a record count of gentoo penguins near the Vernadsky station ----------------------------
_S07 = "s07-vernadsky-penguins"
_S07_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="polyarnyky-narakhuvaly-9200-par-pinhviniv", lang="uk",
    title="Полярники станції «Академік Вернадський» нарахували рекордні 9 200 пар пінгвінів",
    category="science", minutes=-650, story=_S07, author="Оксана Левчук",
    paragraphs=(
        "Учасники 31-ї Української антарктичної експедиції нарахували на островах поблизу станції «Академік Вернадський» 9 200 гніздових пар субантарктичних пінгвінів. Це найбільше за всю історію спостережень.",
        "Біологиня експедиції Ганна Руденко пояснила, що десять років тому на тих самих ділянках гніздилося менш як 5 тисяч пар. Субантарктичні пінгвіни поширюються на південь через потепління, тоді як колонії пінгвінів Аделі скорочуються.",
        "Підрахунок вели з дронів: за сезон полярники зробили понад 14 тисяч аерознімків островів Галіндез, Петерман і Ялур.",
        "Дані передадуть до міжнародної програми моніторингу екосистем Антарктики.",
    ),
    images=(
        ImageUse("s07-penguins", "Національний антарктичний науковий центр", width=1600),
        ImageUse("s07-station", "НАНЦ", "Станція «Академік Вернадський» на острові Галіндез", width=1200, fmt="png", figure=True),
    ),
)
_S07_AGENCY_EN = DemoArticle(
    outlet="ukrpres-info", slug="en-record-9200-penguin-pairs-vernadsky", lang="en",
    title="Ukrainian polar researchers count record 9,200 penguin pairs near Vernadsky station",
    category="science", minutes=-620, story=_S07,
    paragraphs=(
        "Members of Ukraine's 31st Antarctic expedition have counted 9,200 breeding pairs of gentoo penguins on islands near the Akademik Vernadsky research station, the highest number on record.",
        "Expedition biologist Hanna Rudenko said fewer than 5,000 pairs nested in the same areas a decade ago. Gentoo penguins are moving south as the Antarctic Peninsula warms, while Adélie colonies are shrinking.",
        "The count was made from more than 14,000 drone photographs of Galindez, Petermann and Yalour islands.",
    ),
    images=(ImageUse("s07-penguins", "National Antarctic Scientific Center", width=1200, fmt="webp"),),
)
_S07_MONITOR = DemoArticle(
    outlet="black-sea-monitor", slug="gentoo-penguins-record-antarctica-ukraine", lang="en",
    title="Warming seas bring record gentoo penguin numbers to Ukraine's Antarctic base",
    category="science", minutes=-590, story=_S07,
    paragraphs=(
        "Ukrainian scientists at the Akademik Vernadsky station have recorded 9,200 pairs of gentoo penguins, nearly double the count of ten years ago, according to UkrPres-Info.",
        "Researchers link the rise to warmer waters around the Antarctic Peninsula. The station's drone survey covered three islands over the summer season.",
        "The Vernadsky base, which Ukraine acquired from Britain in 1996, is one of the longest-running sources of ozone and climate data in Antarctica.",
    ),
    images=(ImageUse("s07-penguins", "National Antarctic Scientific Center", width=1000, fmt="png"),),
)
_S07_VESTNIK = DemoArticle(
    outlet="severnyi-vestnik", slug="rekordnoe-chislo-pingvinov-u-stantsii-vernadskiy", lang="ru",
    title="Украинские полярники насчитали рекордные 9 200 пар пингвинов",
    category="science", minutes=9, story=_S07,
    paragraphs=(
        "Участники 31-й Украинской антарктической экспедиции насчитали возле станции «Академик Вернадский» 9 200 гнездовых пар субантарктических пингвинов, сообщает УкрПресс-Инфо.",
        "По словам биолога экспедиции Анны Руденко, десять лет назад на этих участках гнездилось менее 5 тысяч пар.",
        "Подсчет вели по 14 тысячам снимков с дронов.",
    ),
    images=(ImageUse("s07-penguins", "Национальный антарктический научный центр", width=800),),
)

# --- s08: a tennis semifinal in Linz; origin is Pivden.Info ----------------------------------------
_S08 = "s08-voloshyna-linz-semifinal"
_S08_PIVDEN = DemoArticle(
    outlet="pivden-info", slug="voloshyna-vyishla-u-pivfinal-lintsa", lang="uk",
    title="Одеситка Дарія Волошина вийшла у півфінал турніру WTA в Лінці",
    category="sports", minutes=-330, story=_S08, author="Максим Гуцал",
    paragraphs=(
        "Українська тенісистка Дарія Волошина пробилася до півфіналу турніру WTA 500 у Лінці, обігравши у чвертьфіналі шосту сіяну Ліну Гофман з Німеччини — 6:3, 7:5.",
        "Матч тривав годину і 42 хвилини. Волошина виконала сім ейсів і не віддала жодного гейму на своїй подачі у другому сеті.",
        "Для 22-річної одеситки, яка посідає 48-ме місце в рейтингу, це перший півфінал турніру такого рівня. У боротьбі за фінал вона зіграє з чешкою Терезою Мареш.",
        "Тенісом Волошина почала займатися у сім років на кортах одеського клубу «Чорноморець».",
    ),
    images=(ImageUse("s08-tennis-court", "WTA", width=1400),),
)
_S08_KHVYLIA = republished(
    _S08_PIVDEN, outlet="kyivska-khvylia", slug="volosyna-pivfinal-lints", minutes=-300,
    title="Волошина обіграла Гофман і вперше зіграє в півфіналі WTA 500", drop_last=1,
    closing=("— Південь.Інфо",),
    images=(ImageUse("s08-tennis-court", "WTA", width=1000, fmt="webp", bad="html_as_jpeg"),),
)
_S08_WIRE = DemoArticle(
    outlet="eastern-europe-wire", slug="voloshyna-reaches-linz-semifinal", lang="en",
    title="Ukraine's Voloshyna upsets Hofmann to reach first WTA 500 semifinal",
    category="sports", minutes=6, story=_S08,
    paragraphs=(
        "Ukrainian Daria Voloshyna reached the semifinals of the WTA 500 tournament in Linz on Friday, beating sixth seed Lina Hofmann of Germany 6-3, 7-5.",
        "The 22-year-old from Odesa, ranked 48th in the world, served seven aces in the 1-hour-42-minute match. She will face Czech Tereza Mareš for a place in the final.",
        "It is the first semifinal at this level for Voloshyna, who broke into the top 50 last autumn.",
    ),
    images=(ImageUse("s08-tennis-court", "WTA", width=1200),),
)

# --- s09: a Ukrainian film wins in Tallinn; origin is Karpatskyi Visnyk ---------------------------
_S09 = "s09-last-ferry-tallinn-prize"
_S09_KARPATY = DemoArticle(
    outlet="karpatskyi-visnyk", slug="film-ostannii-porom-hran-pri-tallinn", lang="uk",
    title="Фільм ужгородки Соломії Дзюби «Останній пором» отримав Гран-прі в Таллінні",
    category="culture", minutes=-900, story=_S09, author="Юрій Попович",
    paragraphs=(
        "Повнометражний дебют режисерки з Ужгорода Соломії Дзюби «Останній пором» отримав Гран-прі кінофестивалю «Балтійські ночі» в Таллінні. Нагорода супроводжується грошовою премією в 25 тисяч євро.",
        "Стрічка розповідає про поромника на Тисі, який у 1944 році переправляє через річку сім'ї, що тікають від фронту. Знімали фільм у селах Тячівського району, більшість ролей зіграли місцеві мешканці.",
        "Журі на чолі з фінським режисером Арто Лехтіненом відзначило «рідкісну для дебюту стриманість і точність». Прокат в Україні стартує 9 квітня.",
        "Це вже третя міжнародна нагорода фільму після премій у Котбусі та Салоніках.",
    ),
    images=(
        ImageUse("s09-film-still", "кадр із фільму «Останній пором»", width=1600, fmt="png"),
        ImageUse("s09-director", "Балтійські ночі", "Соломія Дзюба на церемонії нагородження", width=1200, figure=True),
    ),
)
_S09_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="ostannii-porom-hran-pri-baltiiski-nochi", lang="uk",
    title="Український фільм «Останній пором» здобув головну нагороду фестивалю в Таллінні",
    category="culture", minutes=-860, story=_S09,
    paragraphs=(
        "Стрічка режисерки Соломії Дзюби «Останній пором» перемогла на кінофестивалі «Балтійські ночі» в Естонії, повідомляє «Карпатський вісник».",
        "Фільм знято на Закарпатті, у ньому грають переважно непрофесійні актори. Гран-прі супроводжується премією в 25 тисяч євро.",
        "Український прокат стрічки розпочнеться 9 квітня.",
    ),
    images=(ImageUse("s09-film-still", "кадр із фільму", width=1100, fmt="webp"),),
)
_S09_LEDGER = DemoArticle(
    outlet="kyiv-ledger", slug="last-ferry-wins-tallinn-grand-prix", lang="en",
    title="Ukrainian debut 'The Last Ferry' wins Grand Prix in Tallinn",
    category="culture", minutes=10, story=_S09, author="Marta Kowal",
    paragraphs=(
        "\"The Last Ferry,\" the first feature by Uzhhorod-born director Solomiia Dziuba, has won the Grand Prix at the Baltic Nights film festival in Tallinn, along with a 25,000-euro prize.",
        "The film follows a ferryman on the Tysa River who carries families fleeing the front in 1944. It was shot in villages of the Tiachiv district with mostly non-professional actors.",
        "The jury, chaired by Finnish director Arto Lehtinen, praised its \"restraint and precision, rare for a debut.\" The film opens in Ukrainian cinemas on April 9.",
    ),
    images=(ImageUse("s09-film-still", "Still from \"The Last Ferry\"", width=1400),),
)

# --- s16: a student nanosatellite from Dnipro reaches orbit ---------------------------------------
_S16 = "s16-krok1-cubesat"
_S16_KURIER = DemoArticle(
    outlet="dniprovskyi-kurier", slug="studentskyi-suputnyk-krok-1-na-orbiti", lang="uk",
    title="Наносупутник «Крок-1», створений студентами Дніпра, вийшов на орбіту",
    category="science", minutes=-760, story=_S16, author="Віктор Лисенко",
    paragraphs=(
        "Наносупутник «Крок-1», який два роки збирали студенти Дніпровського технічного університету, успішно вивели на орбіту ракетою Falcon 9 з бази Ванденберг у Каліфорнії.",
        "Апарат формату CubeSat має розмір 10 на 10 на 30 сантиметрів і важить 3,8 кілограма. Він фотографуватиме сільськогосподарські угіддя Придніпров'я з роздільною здатністю 12 метрів.",
        "Перший сигнал супутника прийняла університетська наземна станція через 94 хвилини після запуску. Керівник проєкту, доцент Ігор Савенко, назвав це «найкращою хвилиною в житті двадцяти студентів».",
        "Вартість проєкту склала 4,6 мільйона гривень, більшу частину покрили гранти та місцеві компанії.",
        "Супутник працюватиме на орбіті висотою 520 кілометрів щонайменше три роки.",
    ),
    images=(
        ImageUse("s16-cubesat", "Дніпровський технічний університет", width=1500),
        ImageUse("s16-ground-station", "Дніпровський кур'єр", "Студенти біля антени наземної станції", width=1000, fmt="webp", figure=True),
    ),
)
_S16_AGENCY = republished(
    _S16_KURIER, outlet="ukrpres-info", slug="nanosuputnyk-krok-1-vyishov-na-orbitu", minutes=-720,
    title="Студентський наносупутник «Крок-1» вийшов на орбіту", drop_last=1,
    closing=("Про це повідомляє «Дніпровський кур'єр».",),
    images=(ImageUse("s16-cubesat", "Дніпровський технічний університет", width=1200, fmt="png"),),
)
_S16_WIRE = DemoArticle(
    outlet="eastern-europe-wire", slug="dnipro-students-cubesat-orbit", lang="en",
    title="Student-built Ukrainian nanosatellite Krok-1 reaches orbit",
    category="science", minutes=-690, story=_S16,
    paragraphs=(
        "A nanosatellite built by students at Dnipro Technical University reached orbit aboard a SpaceX Falcon 9 launched from Vandenberg, California, the local newspaper Dniprovskyi Kurier reported.",
        "The 3.8-kilogram Krok-1 CubeSat will photograph farmland in central Ukraine at a resolution of 12 metres from an altitude of 520 kilometres.",
        "The university's ground station received the first signal 94 minutes after launch. The project cost 4.6 million hryvnias.",
    ),
    images=(ImageUse("s16-cubesat", "Dnipro Technical University", width=1600),),
)
_S16_VESTNIK = DemoArticle(
    outlet="severnyi-vestnik", slug="studencheskiy-sputnik-krok-1", lang="ru",
    title="Студенческий наноспутник «Крок-1» из Днепра вышел на орбиту",
    category="science", minutes=5, story=_S16,
    paragraphs=(
        "Наноспутник «Крок-1», собранный студентами Днепровского технического университета, выведен на орбиту ракетой Falcon 9, сообщает «Днепровский курьер».",
        "Аппарат массой 3,8 килограмма будет снимать сельскохозяйственные угодья с высоты 520 километров.",
        "Первый сигнал наземная станция университета приняла через 94 минуты после старта. Проект обошелся в 4,6 млн гривен.",
    ),
    images=(ImageUse("s16-cubesat", "Днепровский технический университет", width=900, fmt="webp"),),
)

ARTICLES: tuple[DemoArticle, ...] = (
    _S07_AGENCY, _S07_AGENCY_EN, _S07_MONITOR, _S07_VESTNIK,
    _S08_PIVDEN, _S08_KHVYLIA, _S08_WIRE,
    _S09_KARPATY, _S09_AGENCY, _S09_LEDGER,
    _S16_KURIER, _S16_AGENCY, _S16_WIRE, _S16_VESTNIK,
)
