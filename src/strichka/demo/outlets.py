"""The fictional outlets of the demo web: names, languages, feed formats and page boilerplate."""

from __future__ import annotations

from .model import Outlet, OutletStyle

_UK_COMMENTS = (
    ("Олег_К", "Нарешті хоч якісь новини без паніки. Дякую редакції."),
    ("marichka88", "А хто перевірятиме, як це виконують на місцях?"),
)
_RU_COMMENTS = (
    ("Виктор С.", "Хорошо, что пишут подробно, а не одной строкой."),
    ("anna_k", "Интересно, что будет через месяц. Следим."),
)
_EN_COMMENTS = (
    ("mark_w", "Useful summary, thanks. Would love a follow-up on the numbers."),
    ("Olha from Lviv", "Good to see this covered in English too."),
)

OUTLETS: tuple[Outlet, ...] = (
    Outlet(
        slug="ukrpres-info", name="Агентство УкрПрес-Інфо", lang="uk", feed_format="rss",
        tagline="Національне інформаційне агентство",
        style=OutletStyle(
            body_class="news-text", menu=("Головне", "Політика", "Економіка", "Світ", "Суспільство", "Спорт", "Фото"),
            cookie_text="Ми використовуємо файли cookie, щоб сайт працював краще. Продовжуючи, ви погоджуєтеся з цим.",
            ad_text="Реклама. Кредит під 0% на перший місяць — деталі на сайті банку.",
            related_heading="Читайте також", share_text="Поділитися:",
            subscribe_text="Підпишіться на наш канал у месенджері — головне за день в одному повідомленні.",
            comments_heading="Коментарі", comments=_UK_COMMENTS,
            footer_text="© 2026 Агентство УкрПрес-Інфо. Усі права захищено. Використання матеріалів — лише з гіперпосиланням.",
            date_in_meta=True,
        ),
    ),
    Outlet(
        slug="visti-podolu", name="Вісті Подолу", lang="uk", feed_format="rss",
        tagline="Новини Вінниччини та Поділля",
        style=OutletStyle(
            body_class="post__text", menu=("Вінниця", "Область", "Україна", "Кримінал", "Погода"),
            cookie_text="Цей сайт зберігає cookie. Натисніть «Згоден», щоб закрити повідомлення.",
            ad_text="Реклама: Пластикові вікна у Вінниці зі знижкою 20% до кінця місяця!",
            related_heading="Читайте також", share_text="Поширте новину:",
            subscribe_text="Підписуйтеся на «Вісті Подолу» у соцмережах, щоб не пропустити головне.",
            comments_heading="Обговорення", comments=_UK_COMMENTS,
            footer_text="«Вісті Подолу», м. Вінниця. Свідоцтво про реєстрацію ВН-0000. Редакція може не поділяти думку авторів.",
        ),
    ),
    Outlet(
        slug="dniprovskyi-kurier", name="Дніпровський кур'єр", lang="uk", feed_format="atom",
        feed_path="atom.xml", tagline="Дніпро і Придніпров'я щодня",
        style=OutletStyle(
            body_class="entry-content", menu=("Місто", "Регіон", "Гроші", "Технології", "Спорт", "Афіша"),
            cookie_text="Ми збираємо cookie для статистики відвідувань.",
            ad_text="Реклама. Новобудова на лівому березі: квартири від 25 тисяч за метр.",
            related_heading="Більше новин", share_text="Надіслати друзям:",
            subscribe_text="Отримуйте новини Дніпра щоранку — підпишіться на розсилку.",
            comments_heading="Думки читачів", comments=_UK_COMMENTS,
            footer_text="Дніпровський кур'єр © 2012–2026. Усі права на матеріали належать редакції.",
        ),
    ),
    Outlet(
        slug="kyivska-khvylia", name="Київська хвиля", lang="uk", feed_format="rss",
        tagline="Столиця. Країна. Світ.",
        style=OutletStyle(
            body_class="article__content", menu=("Новини", "Київ", "Війна", "Бізнес", "Культура", "Здоров'я"),
            cookie_text="Ми та наші партнери використовуємо cookie. Налаштувати можна у браузері.",
            ad_text="Реклама. Онлайн-курси англійської: перший урок безкоштовно.",
            related_heading="Читайте також", share_text="Поділитися у соцмережах:",
            subscribe_text="Підтримайте незалежну журналістику — оформіть підписку від 99 гривень на місяць.",
            comments_heading="Коментарі читачів", comments=_UK_COMMENTS,
            footer_text="«Київська хвиля» — суспільно-політичне видання. © 2026.",
            date_in_meta=True,
        ),
    ),
    Outlet(
        slug="pivden-info", name="Південь.Інфо", lang="uk", feed_format="rss",
        tagline="Одеса, Миколаїв, Херсон, Запоріжжя",
        style=OutletStyle(
            body_class="text-block", menu=("Одеса", "Миколаїв", "Херсон", "Запоріжжя", "Море", "Спорт"),
            cookie_text="Продовжуючи перегляд, ви погоджуєтеся на використання cookie.",
            ad_text="Реклама. Відпочинок у Затоці: бронюйте зараз зі знижкою.",
            related_heading="Читайте також", share_text="Поділитися:",
            subscribe_text="Наш телеграм-канал — найшвидші новини Півдня.",
            comments_heading="Коментарі", comments=_UK_COMMENTS,
            footer_text="Південь.Інфо © 2026. Передрук дозволено з активним посиланням.",
        ),
    ),
    Outlet(
        slug="karpatskyi-visnyk", name="Карпатський вісник", lang="uk", feed_format="rss",
        feed_path="rss/all-news.rss", feed_only_via_alternate=True, tagline="Закарпаття, Прикарпаття, Буковина",
        style=OutletStyle(
            body_class="story-body", menu=("Ужгород", "Франківськ", "Чернівці", "Гори", "Туризм"),
            cookie_text="Сайт використовує cookie-файли.",
            ad_text="Реклама. Садиба в Яремчі: чани, сауна, вид на гори.",
            related_heading="Вам також буде цікаво", share_text="Поділитися:",
            subscribe_text="Підпишіться на щотижневий дайджест «Карпатського вісника».",
            comments_heading="Коментарі", comments=_UK_COMMENTS,
            footer_text="Карпатський вісник. Ужгород, 2026. Редакція не несе відповідальності за зміст реклами.",
        ),
    ),
    Outlet(
        slug="severnyi-vestnik", name="Северный вестник", lang="ru", feed_format="rss",
        tagline="Новости Чернигова и Сумщины на русском языке",
        style=OutletStyle(
            body_class="news-body", menu=("Главное", "Регион", "Украина", "Мир", "Наука", "Спорт"),
            cookie_text="Мы используем файлы cookie. Оставаясь на сайте, вы соглашаетесь с этим.",
            ad_text="Реклама. Ремонт квартир под ключ за 30 дней.",
            related_heading="Читайте также", share_text="Поделиться:",
            subscribe_text="Подпишитесь на нашу рассылку и получайте главные новости утром.",
            comments_heading="Комментарии", comments=_RU_COMMENTS,
            footer_text="© 2026 «Северный вестник». Все права защищены.",
            date_in_meta=True,
        ),
    ),
    Outlet(
        slug="gorodskie-novosti", name="Городские новости", lang="ru", feed_format="rss",
        encoding="windows-1251", feed_path="rss.xml", tagline="Харьков: город и люди",
        style=OutletStyle(
            body_class="maintext", menu=("Город", "Происшествия", "Общество", "Спорт", "Объявления"),
            cookie_text="Сайт использует cookie.",
            ad_text="Реклама. Такси «Ветерок» — по городу от 90 гривен.",
            related_heading="Читайте также", share_text="Поделиться:",
            subscribe_text="Подписывайтесь на «Городские новости» в соцсетях.",
            comments_heading="Отзывы читателей", comments=_RU_COMMENTS,
            footer_text="«Городские новости», 1998–2026. Перепечатка только с согласия редакции.",
        ),
    ),
    Outlet(
        slug="delovoi-kurier", name="Деловой курьер", lang="ru", feed_format="rss",
        tagline="Экономика, финансы, агробизнес",
        style=OutletStyle(
            body_class="article-text", menu=("Финансы", "Агро", "Энергетика", "Компании", "Курсы валют"),
            cookie_text="Мы используем cookie для аналитики.",
            ad_text="Реклама. Бухгалтерский аутсорсинг для ФЛП — первый месяц бесплатно.",
            related_heading="По теме", share_text="Поделиться:",
            subscribe_text="Оформите подписку на «Деловой курьер Pro» — аналитика без рекламы.",
            comments_heading="Комментарии", comments=_RU_COMMENTS,
            footer_text="«Деловой курьер» © 2026. Котировки носят информационный характер.",
        ),
    ),
    Outlet(
        slug="kyiv-ledger", name="Kyiv Ledger", lang="en", feed_format="rss",
        tagline="Independent news from Ukraine in English",
        style=OutletStyle(
            body_class="article-body", menu=("Ukraine", "War", "Business", "Tech", "Culture", "Opinion"),
            cookie_text="We use cookies to improve your experience. By continuing you accept our cookie policy.",
            ad_text="Advertisement. Learn Ukrainian online — first lesson free.",
            related_heading="Read more", share_text="Share this story:",
            subscribe_text="Become a member of the Kyiv Ledger and support independent journalism.",
            comments_heading="Comments", comments=_EN_COMMENTS,
            footer_text="© 2026 Kyiv Ledger. All rights reserved.",
            date_in_meta=True, credit_word="Photo",
        ),
    ),
    Outlet(
        slug="black-sea-monitor", name="Black Sea Monitor", lang="en", feed_format="json",
        feed_path="feed.json", tagline="Shipping, security and trade on the Black Sea",
        style=OutletStyle(
            body_class="story-text", menu=("Shipping", "Security", "Ports", "Energy", "Region"),
            cookie_text="This site uses cookies for analytics.",
            ad_text="Advertisement. Marine insurance quotes in 24 hours.",
            related_heading="More from Black Sea Monitor", share_text="Share:",
            subscribe_text="Get the weekly Black Sea shipping briefing in your inbox.",
            comments_heading="Reader comments", comments=_EN_COMMENTS,
            footer_text="Black Sea Monitor, Odesa – Constanța. © 2026.",
            credit_word="Photo",
        ),
    ),
    Outlet(
        slug="eastern-europe-wire", name="Eastern Europe Wire", lang="en", feed_format="rss",
        tagline="News from Central and Eastern Europe",
        style=OutletStyle(
            body_class="wire-copy", menu=("Ukraine", "Poland", "Baltics", "Balkans", "World", "Sport"),
            cookie_text="We value your privacy. Accept cookies to continue.",
            ad_text="Advertisement. Cheap flights to Warsaw from 29 euros.",
            related_heading="Related stories", share_text="Share:",
            subscribe_text="Sign up for the morning wire.",
            comments_heading="Discussion", comments=_EN_COMMENTS,
            footer_text="Eastern Europe Wire. All content © 2026.",
            credit_word="Photo",
        ),
    ),
)

OUTLETS_BY_SLUG: dict[str, Outlet] = {outlet.slug: outlet for outlet in OUTLETS}
