"""Demo events: politics, war and defence, borders, shipping. All text is fictional."""

from __future__ import annotations

from .model import DemoArticle, ImageUse, republished

# --- s01: parliament passes the remote notary law -------------------------------------------------
_S01 = "s01-remote-notary-law"
_S01_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="rada-ukhvalyla-zakon-pro-dystantsiini-notarialni-dii", lang="uk",
    title="Рада ухвалила закон про дистанційне посвідчення довіреностей у нотаріусів",
    category="politics", minutes=-300, story=_S01, author="Ірина Савчук",
    paragraphs=(
        "Верховна Рада ухвалила в другому читанні та в цілому законопроєкт №4127 про дистанційні нотаріальні дії. За відповідне рішення проголосували 268 народних депутатів.",
        "Закон дозволяє посвідчувати довіреності та згоди на виїзд дитини за кордон під час відеозв'язку з нотаріусом, без особистого візиту до контори. Особу заявника перевірятимуть через державний електронний підпис.",
        "Авторка законопроєкту, голова підкомітету з питань юстиції Олена Гриценко, пояснила, що новація передусім допоможе українцям, які тимчасово перебувають за кордоном. «Сотні тисяч людей зараз не можуть приїхати до нотаріуса, щоб оформити елементарну довіреність на батьків», — сказала вона.",
        "Плата за дистанційну нотаріальну дію не може перевищувати 350 гривень понад звичайний тариф. Усі такі дії фіксуватимуть в Єдиному реєстрі нотаріальних дій разом із записом відеосеансу, який зберігатиметься п'ять років.",
        "Закон набуде чинності 1 вересня 2026 року. Міністерство юстиції має за три місяці затвердити технічні вимоги до програмного забезпечення нотаріусів.",
    ),
    images=(ImageUse("s01-rada-hall", "прес-служба Верховної Ради", "Засідання Верховної Ради", width=1400),),
)
_S01_KHVYLIA = DemoArticle(
    outlet="kyivska-khvylia", slug="notariusy-zmozhut-pratsiuvaty-po-videozviazku", lang="uk",
    title="Нотаріуси зможуть посвідчувати довіреності по відеозв'язку: Рада підтримала закон",
    category="politics", minutes=-270, story=_S01,
    paragraphs=(
        "Як передає УкрПрес-Інфо, парламент остаточно ухвалив закон №4127, який дозволяє оформлювати частину нотаріальних дій дистанційно. «За» проголосували 268 депутатів.",
        "Йдеться насамперед про довіреності та дозволи на виїзд дітей за кордон. Людина зможе поспілкуватися з нотаріусом по відео, а свою особу підтвердить електронним підписом.",
        "Ініціаторка змін Олена Гриценко наголошує, що закон писали для українців за кордоном, яким зараз доводиться їхати до консульства або додому заради одного документа.",
        "Додаткова плата за відеосеанс обмежена 350 гривнями, а запис розмови зберігатимуть у реєстрі п'ять років. Норми запрацюють з 1 вересня 2026 року.",
    ),
    images=(ImageUse("s01-rada-hall", "прес-служба Верховної Ради", width=1000, fmt="webp"),),
)
_S01_VESTNIK = DemoArticle(
    outlet="severnyi-vestnik", slug="rada-razreshila-distantsionnye-notarialnye-deistviya", lang="ru",
    title="Рада разрешила заверять доверенности у нотариуса по видеосвязи",
    category="politics", minutes=-240, story=_S01,
    paragraphs=(
        "Верховная Рада приняла во втором чтении и в целом законопроект №4127 о дистанционных нотариальных действиях, сообщает УкрПресс-Инфо. Решение поддержали 268 депутатов.",
        "Теперь доверенности и согласия на выезд ребенка за границу можно будет оформить во время видеосвязи с нотариусом. Личность заявителя будут проверять с помощью государственной электронной подписи.",
        "Автор документа Елена Гриценко заявила, что изменения нужны прежде всего украинцам, которые временно находятся за рубежом и не могут приехать к нотариусу.",
        "Доплата за дистанционное действие не может превышать 350 гривен. Закон вступит в силу 1 сентября 2026 года.",
    ),
    images=(ImageUse("s01-rada-hall", "пресс-служба Верховной Рады", width=900),),
)
_S01_LEDGER = DemoArticle(
    outlet="kyiv-ledger", slug="parliament-approves-remote-notary-law", lang="en",
    title="Ukraine's parliament lets notaries certify documents over video",
    category="politics", minutes=3, story=_S01, author="Daniel Harlow",
    paragraphs=(
        "Ukraine's parliament on Monday passed bill No. 4127, allowing notaries to certify powers of attorney and parental travel consents over a video call, according to UkrPres-Info. The law received 268 votes.",
        "Applicants will confirm their identity with a state-issued electronic signature instead of visiting a notary's office in person. Every session will be recorded and kept in the national register of notarial acts for five years.",
        "The bill's author, lawmaker Olena Hrytsenko, said the change was designed for the millions of Ukrainians living abroad since 2022. \"People should not have to cross a border to sign a power of attorney for their parents,\" she said.",
        "The surcharge for a remote notarial act is capped at 350 hryvnias. The law takes effect on Sept. 1, 2026, and the Justice Ministry has three months to publish technical requirements for notaries' software.",
    ),
    images=(ImageUse("s01-rada-hall", "Verkhovna Rada press service", "Lawmakers during the vote in Kyiv", width=1600, figure=True),),
)

# --- s02: overnight drone attack on Poltava and Kharkiv regions -----------------------------------
_S02 = "s02-overnight-drones-poltava"
_S02_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="ppo-znyshchyla-37-z-42-droniv", lang="uk",
    title="Уночі сили ППО знешкодили 37 із 42 ударних дронів",
    category="war", minutes=-420, story=_S02, author="Андрій Мельничук",
    paragraphs=(
        "У ніч на 16 березня противник атакував Україну 42 ударними безпілотниками, сили протиповітряної оборони знешкодили 37 із них. Про це повідомили у Повітряних силах.",
        "Найбільше дронів летіло на Полтавщину та Харківщину. У Кременчуці уламки пошкодили дах складського приміщення та кілька автомобілів, постраждалих немає.",
        "Ще п'ять безпілотників локаційно втрачені, ймовірно, через дію засобів радіоелектронної боротьби. Запуски фіксували з трьох напрямків.",
        "Полтавська обласна військова адміністрація закликала мешканців не наближатися до уламків і повідомляти про знахідки за номером 101.",
    ),
    images=(
        ImageUse("s02-air-defence", "Повітряні сили ЗСУ", width=1280),
        ImageUse("s02-warehouse-roof", "Полтавська ОВА", width=1024, fmt="png"),
    ),
)
_S02_PODOLU = republished(
    _S02_AGENCY, outlet="visti-podolu", slug="ppo-vnochi-znyshchyla-37-droniv", minutes=-400,
    title="ППО вночі знищила 37 із 42 дронів, найбільше — над Полтавщиною",
    closing=("— УкрПрес-Інфо",),
)
_S02_PIVDEN = DemoArticle(
    outlet="pivden-info", slug="ataka-droniv-kremenchuk-ulamky", lang="uk",
    title="Нічна атака дронів: у Кременчуці уламки впали на склад",
    category="war", minutes=-380, story=_S02,
    paragraphs=(
        "Повітряні сили повідомили про 42 «шахеди», запущені по Україні минулої ночі. Збити вдалося 37 безпілотників, ще п'ять зникли з радарів.",
        "За даними УкрПрес-Інфо, основний удар припав на Полтавську та Харківську області. У Кременчуці уламки впали на дах складу й пошкодили автівки.",
        "Загиблих і поранених, за попередніми даними, немає. На місці працюють рятувальники ДСНС.",
    ),
    images=(ImageUse("s02-air-defence", "Повітряні сили ЗСУ", width=900, fmt="webp"),),
)
_S02_GORODSKIE = DemoArticle(
    outlet="gorodskie-novosti", slug="pvo-sbila-37-bespilotnikov", lang="ru",
    title="ПВО ночью сбила 37 из 42 беспилотников",
    category="war", minutes=-360, story=_S02,
    paragraphs=(
        "В ночь на 16 марта противник запустил по Украине 42 ударных беспилотника, 37 из них уничтожены силами ПВО, сообщает УкрПресс-Инфо со ссылкой на Воздушные силы.",
        "Больше всего дронов летело на Полтавскую и Харьковскую области. В Кременчуге обломки повредили крышу склада и несколько автомобилей.",
        "Еще пять беспилотников локационно потеряны. Пострадавших нет.",
        "Харьковская областная администрация напоминает: при обнаружении обломков нужно звонить по номеру 101 и не прикасаться к ним.",
    ),
    images=(ImageUse("s02-air-defence", "Воздушные силы ВСУ", width=800),),
)
_S02_MONITOR = DemoArticle(
    outlet="black-sea-monitor", slug="ukraine-downs-37-of-42-drones", lang="en",
    title="Ukraine says it downed 37 of 42 attack drones overnight",
    category="war", minutes=2, story=_S02,
    paragraphs=(
        "Russia launched 42 attack drones at Ukraine overnight into March 16, and air defences destroyed 37 of them, Ukraine's Air Force said.",
        "Most of the drones targeted the Poltava and Kharkiv regions. In the city of Kremenchuk, falling debris damaged a warehouse roof and several parked cars; no casualties were reported.",
        "Five more drones were \"lost from radar\", a phrase the military uses for drones believed to have been jammed by electronic warfare.",
    ),
    images=(ImageUse("s02-air-defence", "Ukrainian Air Force", "Mobile air defence crew at work", width=1600, figure=True),),
)

# --- s12: Ukraine and Poland agree truck lanes at the Shehyni crossing ---------------------------
_S12 = "s12-shehyni-border-lanes"
_S12_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="ukraina-i-polshcha-dodadut-smuhy-na-shehyni", lang="uk",
    title="Україна та Польща домовилися про окремі смуги для вантажівок на пункті «Шегині»",
    category="politics", minutes=-200, story=_S12, author="Ірина Савчук",
    paragraphs=(
        "Міністр розвитку громад Василь Коваленко та заступниця міністра інфраструктури Польщі Агнешка Новак підписали у Львові угоду про модернізацію пункту пропуску «Шегині — Медика».",
        "До кінця 2026 року на пункті облаштують чотири окремі смуги для порожніх вантажівок і дві — для автобусів. Пропускна спроможність для вантажного транспорту має зрости з 900 до 1 600 машин на добу.",
        "Вартість робіт оцінюють у 48 мільйонів євро, з яких 30 мільйонів надасть Європейський інвестиційний банк. Українська сторона фінансуватиме будівництво під'їзної дороги завдовжки 3,2 кілометра.",
        "Сторони також домовилися запустити спільний електронний облік черги, щоб водії бачили свій час перетину кордону в реальному часі.",
    ),
    images=(ImageUse("s12-border-trucks", "Державна прикордонна служба", width=1500),),
)
_S12_PODOLU = republished(
    _S12_AGENCY, outlet="visti-podolu", slug="na-shehyni-zbuduiut-smuhy-dlia-vantazhivok", minutes=-185,
    drop_last=1, closing=("Джерело: УкрПрес-Інфо",),
)
_S12_LEDGER = DemoArticle(
    outlet="kyiv-ledger", slug="ukraine-poland-shehyni-truck-lanes", lang="en",
    title="Ukraine and Poland agree to add truck lanes at busiest border crossing",
    category="politics", minutes=-150, story=_S12, author="Daniel Harlow",
    paragraphs=(
        "Ukraine and Poland signed an agreement in Lviv to rebuild the Shehyni–Medyka border crossing, adding four lanes for empty trucks and two for buses by the end of 2026.",
        "The upgrade is expected to raise freight capacity from 900 to 1,600 vehicles a day, Ukraine's Minister for Communities Development Vasyl Kovalenko said after signing the deal with Polish Deputy Infrastructure Minister Agnieszka Nowak.",
        "The project is estimated at 48 million euros, 30 million of which will come from the European Investment Bank. Ukraine will build a 3.2-kilometre access road.",
        "Both countries will also launch a shared electronic queue so drivers can track their expected crossing time.",
    ),
    images=(ImageUse("s12-border-trucks", "State Border Guard Service", width=1200, fmt="webp"),),
)
_S12_WIRE = DemoArticle(
    outlet="eastern-europe-wire", slug="poland-ukraine-border-deal-medyka", lang="en",
    title="Poland, Ukraine sign 48-million-euro deal to ease Medyka border queues",
    category="world", minutes=5, story=_S12,
    paragraphs=(
        "LVIV — Poland and Ukraine signed a deal on Monday to expand the Medyka–Shehyni crossing, the busiest on their shared border, with separate lanes for empty trucks and buses.",
        "Polish Deputy Infrastructure Minister Agnieszka Nowak said daily truck capacity should rise to 1,600 from about 900. The European Investment Bank is lending 30 million euros of the 48 million euro cost.",
        "Truck queues at Medyka regularly stretch beyond 20 kilometres, and hauliers on both sides have staged protests over waiting times.",
    ),
    images=(ImageUse("s12-border-trucks", "Polish Border Guard", width=1000, fmt="png"),),
)
_S12_DELOVOI = DemoArticle(
    outlet="delovoi-kurier", slug="shegini-polosy-dlya-gruzovikov", lang="ru",
    title="На «Шегинях» построят отдельные полосы для грузовиков за 48 млн евро",
    category="economy", minutes=9, story=_S12,
    paragraphs=(
        "Украина и Польша подписали соглашение о модернизации пункта пропуска «Шегини — Медыка», сообщает УкрПресс-Инфо.",
        "Пропускная способность для грузового транспорта вырастет с 900 до 1 600 машин в сутки. Для этого обустроят четыре полосы для пустых грузовиков и две для автобусов.",
        "Проект стоимостью 48 млн евро на 30 млн профинансирует Европейский инвестиционный банк. Для экспортеров это означает меньше простоев: сейчас фура ждет пересечения границы в среднем 31 час.",
    ),
    images=(ImageUse("s12-border-trucks", "Государственная пограничная служба", width=800),),
)

# --- s13: grain ships leave Odesa ports; origin is Black Sea Monitor -------------------------------
_S13 = "s13-odesa-grain-ships"
_S13_MONITOR = DemoArticle(
    outlet="black-sea-monitor", slug="fourteen-ships-leave-odesa-ports", lang="en",
    title="Fourteen cargo ships leave Odesa ports in a single day, a record for the corridor",
    category="economy", minutes=-500, story=_S13, author="Elena Marin",
    paragraphs=(
        "Fourteen bulk carriers left the ports of Odesa, Chornomorsk and Pivdennyi on Sunday carrying about 620,000 tonnes of grain and iron ore, the highest single-day total since Ukraine's maritime corridor opened.",
        "Ship-tracking data reviewed by Black Sea Monitor show that nine of the vessels were bound for Turkey and Egypt. The largest, the Panama-flagged Aurora Bay, carried 74,000 tonnes of corn.",
        "Port officials attributed the surge to calmer weather after a week of storms that had kept ships at anchor. Insurance premiums for the route have fallen to about 0.7% of hull value, from 1% in January.",
        "The corridor, which hugs the coasts of Romania and Bulgaria, has operated without a naval escort agreement since 2023.",
    ),
    images=(
        ImageUse("s13-bulk-carrier", "Black Sea Monitor", "The Aurora Bay leaving Chornomorsk", width=1600, figure=True),
        ImageUse("s13-port-cranes", "Port of Odesa", width=1200, fmt="png"),
    ),
)
_S13_PIVDEN = DemoArticle(
    outlet="pivden-info", slug="z-portiv-odeshchyny-vyishly-14-suden", lang="uk",
    title="З портів Одещини за добу вийшли 14 суден — рекорд коридору",
    category="economy", minutes=-460, story=_S13,
    paragraphs=(
        "У неділю порти Одеси, Чорноморська та Південного залишили 14 суховантажів із 620 тисячами тонн зерна та залізної руди. Про це пише англомовне видання Black Sea Monitor.",
        "Це найбільший показник за одну добу відтоді, як запрацював український морський коридор. Найбільше судно, Aurora Bay під прапором Панами, везло 74 тисячі тонн кукурудзи.",
        "Дев'ять суден прямують до Туреччини та Єгипту. У портах пояснюють пожвавлення тим, що після тижня штормів нарешті встановилася спокійна погода.",
        "Вартість страхування суден на маршруті знизилася до 0,7% від вартості корпусу.",
    ),
    images=(ImageUse("s13-bulk-carrier", "Black Sea Monitor", width=1000),),
)
_S13_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="rekord-morskogo-korydoru-14-suden", lang="uk",
    title="Морський коридор встановив рекорд: 14 суден за добу",
    category="economy", minutes=-430, story=_S13, author="Андрій Мельничук",
    paragraphs=(
        "Як повідомляє Black Sea Monitor, 14 суден із 620 тисячами тонн вантажів вийшли з портів Великої Одеси за одну добу.",
        "Більшість суховантажів везли зерно до Туреччини та Єгипту. В адміністрації морських портів пояснили, що після штормів у черзі накопичилися судна, які чекали на вихід.",
        "Страхові ставки для маршруту опустилися до 0,7% вартості судна проти 1% у січні.",
    ),
    images=(ImageUse("s13-port-cranes", "Адміністрація морських портів", width=1200, fmt="webp"),),
)
_S13_VESTNIK = DemoArticle(
    outlet="severnyi-vestnik", slug="iz-portov-odessy-vyshli-14-sudov", lang="ru",
    title="Из портов Одессы за сутки вышли 14 судов с зерном и рудой",
    category="economy", minutes=7, story=_S13,
    paragraphs=(
        "В воскресенье порты Одессы, Черноморска и Южного покинули 14 сухогрузов, на борту которых было около 620 тысяч тонн зерна и железной руды, пишет Black Sea Monitor.",
        "Это рекорд для украинского морского коридора. Крупнейшее судно, Aurora Bay, перевозило 74 тысячи тонн кукурузы.",
        "Рост связывают с улучшением погоды после недели штормов.",
    ),
    images=(ImageUse("s13-bulk-carrier", "Black Sea Monitor", width=800, fmt="webp"),),
)

ARTICLES: tuple[DemoArticle, ...] = (
    _S01_AGENCY, _S01_KHVYLIA, _S01_VESTNIK, _S01_LEDGER,
    _S02_AGENCY, _S02_PODOLU, _S02_PIVDEN, _S02_GORODSKIE, _S02_MONITOR,
    _S12_AGENCY, _S12_PODOLU, _S12_LEDGER, _S12_WIRE, _S12_DELOVOI,
    _S13_MONITOR, _S13_PIVDEN, _S13_AGENCY, _S13_VESTNIK,
)
