"""Demo events: an earthquake abroad, a new tram line, measles, snow in the mountains. All fictional."""

from __future__ import annotations

from .model import DemoArticle, ImageUse, republished

# --- s04: an earthquake near Crete; origin is Eastern Europe Wire ---------------------------------
_S04 = "s04-crete-earthquake"
_S04_WIRE = DemoArticle(
    outlet="eastern-europe-wire", slug="magnitude-6-1-earthquake-crete", lang="en",
    title="Magnitude 6.1 earthquake shakes Crete, three people lightly injured",
    category="world", minutes=-480, story=_S04, author="Nikos Baltas",
    paragraphs=(
        "HERAKLION — A magnitude 6.1 earthquake struck off the southern coast of Crete early on Monday, shaking buildings in Heraklion and Agios Nikolaos and sending residents into the streets.",
        "Greece's Institute of Geodynamics said the quake hit at 04:12 local time at a depth of 38 kilometres, about 45 kilometres south of the town of Ierapetra.",
        "Three people were treated in hospital for minor injuries caused by falling plaster. Schools on the island will stay closed for a day while engineers inspect buildings.",
        "Several aftershocks of magnitude up to 4.3 followed. Tourist ferries between Crete and Piraeus are running on schedule.",
    ),
    images=(ImageUse("s04-crete-street", "Eastern Europe Wire", "Residents outside their homes in Heraklion", width=1400, figure=True),),
)
_S04_VESTNIK = DemoArticle(
    outlet="severnyi-vestnik", slug="zemletryasenie-magnitudoy-6-1-na-krite", lang="ru",
    title="На Крите произошло землетрясение магнитудой 6,1",
    category="world", minutes=-450, story=_S04,
    paragraphs=(
        "В понедельник утром у южного побережья греческого острова Крит произошло землетрясение магнитудой 6,1, передает Eastern Europe Wire.",
        "Эпицентр находился в 45 километрах к югу от города Иерапетра на глубине 38 километров. Толчки ощущались в Ираклионе и Агиос-Николаосе.",
        "Трое человек получили легкие травмы. Школы на острове закрыты на один день для проверки зданий.",
    ),
    images=(ImageUse("s04-crete-street", "Eastern Europe Wire", width=900, fmt="webp"),),
)
_S04_KHVYLIA = DemoArticle(
    outlet="kyivska-khvylia", slug="zemletrus-na-kryti-mahnituda-6-1", lang="uk",
    title="Землетрус магнітудою 6,1 стався біля Криту: МЗС перевіряє, чи є серед постраждалих українці",
    category="world", minutes=3, story=_S04,
    paragraphs=(
        "Біля південного узбережжя Криту в понеділок о 04:12 за місцевим часом стався землетрус магнітудою 6,1. Про це повідомляє Eastern Europe Wire з посиланням на Інститут геодинаміки Греції.",
        "Поштовхи відчули в Іракліоні та Агіос-Ніколаосі, троє людей дістали легкі травми.",
        "Консульство України в Афінах повідомило, що звернень від громадян України наразі не надходило. Гаряча лінія консульства працює цілодобово.",
    ),
    images=(ImageUse("s04-crete-street", "Eastern Europe Wire", width=1100),),
)

# --- s05: a new tram line in Vinnytsia; origin is the local Visti Podolu --------------------------
_S05 = "s05-vinnytsia-tram-line"
_S05_PODOLU = DemoArticle(
    outlet="visti-podolu", slug="u-vinnytsi-zapustyly-tramvai-na-vyshenku", lang="uk",
    title="У Вінниці запустили нову трамвайну лінію на Вишеньку",
    category="society", minutes=-380, story=_S05, author="Наталія Ткачук",
    paragraphs=(
        "У Вінниці відкрили рух новою трамвайною лінією завдовжки 6,4 кілометра, що з'єднала мікрорайон Вишенька із залізничним вокзалом. Першим рейсом проїхали міський голова Богдан Мороз і будівельники.",
        "На лінії працюватимуть 12 низькопідлогових трамваїв, інтервал руху в години пік — шість хвилин. Дорога від Вишеньки до вокзалу займатиме 19 хвилин замість 40 автобусом.",
        "Будівництво тривало два роки й коштувало 1,1 мільярда гривень, частину суми надав Північний інвестиційний банк.",
        "Перші два тижні проїзд новою лінією безкоштовний. Автобусний маршрут №14, що дублює трамвай, скоротять до кінця квітня.",
    ),
    images=(
        ImageUse("s05-tram", "Вінницька міська рада", width=1500),
        ImageUse("s05-tram-stop", "Вісті Подолу", "Нова зупинка на проспекті Космонавтів", width=1200, fmt="png", figure=True),
    ),
)
_S05_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="vinnytsia-nova-tramvaina-liniia", lang="uk",
    title="Вінниця отримала нову трамвайну лінію завдовжки 6,4 км",
    category="society", minutes=-350, story=_S05,
    paragraphs=(
        "У Вінниці запрацювала трамвайна лінія від мікрорайону Вишенька до залізничного вокзалу, повідомляють «Вісті Подолу».",
        "Довжина лінії — 6,4 кілометра, будівництво коштувало 1,1 мільярда гривень. Рух забезпечуватимуть 12 нових трамваїв з інтервалом шість хвилин.",
        "Перші два тижні пасажири їздитимуть безкоштовно.",
    ),
    images=(ImageUse("s05-tram", "Вінницька міська рада", width=1000, fmt="webp"),),
)
_S05_GORODSKIE = DemoArticle(
    outlet="gorodskie-novosti", slug="v-vinnitse-otkryli-tramvaynuyu-liniyu", lang="ru",
    title="Опыт соседей: в Виннице за два года построили трамвайную линию",
    category="society", minutes=8, story=_S05,
    paragraphs=(
        "В Виннице открыли трамвайную линию длиной 6,4 километра от микрорайона Вишенька до железнодорожного вокзала, сообщают «Вести Подолья».",
        "Строительство обошлось в 1,1 млрд гривен и заняло два года. На линию вышли 12 низкопольных трамваев, интервал в час пик — шесть минут.",
        "В Харькове продление трамвайной линии на Алексеевку обсуждают уже пятый год.",
    ),
    images=(ImageUse("s05-tram", "Винницкий горсовет", width=800),),
)

# --- s10: measles outbreak and vaccination in Zakarpattia -----------------------------------------
_S10 = "s10-zakarpattia-measles"
_S10_AGENCY = DemoArticle(
    outlet="ukrpres-info", slug="moz-1240-vypadkiv-koru-zakarpattia", lang="uk",
    title="МОЗ: за місяць зафіксовано 1 240 випадків кору, найбільше — на Закарпатті",
    category="health", minutes=-560, story=_S10, author="Оксана Левчук",
    paragraphs=(
        "У лютому в Україні зафіксували 1 240 випадків кору, що втричі більше, ніж у січні. Понад половина хворих — 688 осіб — мешканці Закарпатської області, повідомили в Міністерстві охорони здоров'я.",
        "Головна державна санітарна лікарка Людмила Захарченко заявила, що 87% хворих не мали двох доз щеплення. Серед госпіталізованих переважають діти до десяти років.",
        "На Закарпаття додатково доправили 60 тисяч доз вакцини КПК. Мобільні бригади щеплення працюватимуть у Берегові, Виноградові та Мукачеві до кінця квітня.",
        "У МОЗ нагадують, що вакцинація від кору в Україні безоплатна, а щепитися можна й дорослим, які не мають даних про щеплення.",
    ),
    images=(ImageUse("s10-vaccine", "МОЗ України", width=1300),),
)
_S10_KARPATY = DemoArticle(
    outlet="karpatskyi-visnyk", slug="kir-na-zakarpatti-688-khvorykh", lang="uk",
    title="Кір на Закарпатті: 688 хворих за лютий, у Берегові працюють мобільні бригади",
    category="health", minutes=-530, story=_S10,
    paragraphs=(
        "Закарпаття знову лідирує за кількістю випадків кору: за лютий захворіли 688 людей. Такі дані наводить УкрПрес-Інфо з посиланням на МОЗ.",
        "Усього по Україні за місяць зареєстрували 1 240 випадків. Більшість хворих не отримали двох доз вакцини.",
        "Область отримала 60 тисяч доз вакцини. Мобільні бригади вже працюють у Берегові, далі поїдуть до Виноградова та Мукачева.",
        "Записатися на щеплення можна до сімейного лікаря або в мобільному пункті без попереднього запису.",
    ),
    images=(ImageUse("s10-vaccine", "МОЗ України", width=1000, fmt="png"),),
)
_S10_GORODSKIE = DemoArticle(
    outlet="gorodskie-novosti", slug="vspyshka-kori-1240-sluchaev", lang="ru",
    title="В Украине за месяц 1 240 случаев кори. Что с прививками в Харькове",
    category="health", minutes=2, story=_S10,
    paragraphs=(
        "В феврале в Украине заболели корью 1 240 человек — втрое больше, чем в январе, сообщает УкрПресс-Инфо со ссылкой на Минздрав. Больше всего случаев на Закарпатье.",
        "В Харьковской области за месяц зарегистрировано 19 случаев. В областном центре здоровья говорят, что вакцины КПК в поликлиниках достаточно.",
        "Прививка бесплатна как для детей, так и для взрослых.",
    ),
    images=(ImageUse("s10-vaccine", "Минздрав Украины", width=800, fmt="webp"),),
)

# --- s14: heavy snow closes a mountain pass in the Carpathians ------------------------------------
_S14 = "s14-carpathian-snowfall"
_S14_KARPATY = DemoArticle(
    outlet="karpatskyi-visnyk", slug="snihopad-perekryly-pereval-vyshkivskyi", lang="uk",
    title="Через снігопад перекрили Вишківський перевал: за ніч випало 40 сантиметрів снігу",
    category="society", minutes=-260, story=_S14, author="Юрій Попович",
    paragraphs=(
        "На Закарпатті через сильний снігопад тимчасово перекрили рух вантажівок через Вишківський перевал на трасі Мукачево — Львів. За ніч у горах випало до 40 сантиметрів снігу.",
        "На перевалі працюють дев'ять одиниць снігоприбиральної техніки. Легкові автомобілі пропускають лише з ланцюгами на колесах.",
        "Синоптики попереджають про лавинну небезпеку у високогір'ї Рахівського району. Туристам радять не виходити на маршрути вище 1 200 метрів до 20 березня.",
        "Рятувальники нагадують: перед виходом у гори потрібно зареєструвати маршрут у гірському пошуково-рятувальному підрозділі.",
    ),
    images=(
        ImageUse("s14-snow-pass", "ДСНС Закарпаття", width=1400),
        ImageUse("s14-snowplough", "Служба автомобільних доріг", width=1000, fmt="webp"),
    ),
)
_S14_AGENCY = republished(
    _S14_KARPATY, outlet="ukrpres-info", slug="vyshkivskyi-pereval-perekryly-snih", minutes=-230,
    title="На Закарпатті через снігопад перекрили Вишківський перевал", drop_last=1,
    closing=("Як повідомляв «Карпатський вісник», синоптики прогнозують снігопади до кінця тижня.",),
    images=(ImageUse("s14-snow-pass", "ДСНС Закарпаття", width=1200, fmt="png"),),
)
_S14_GORODSKIE = DemoArticle(
    outlet="gorodskie-novosti", slug="v-karpatah-vypalo-40-sm-snega", lang="ru",
    title="В Карпатах за ночь выпало 40 сантиметров снега, перевал закрыт для грузовиков",
    category="society", minutes=1, story=_S14,
    paragraphs=(
        "На Закарпатье из-за снегопада закрыли для грузовиков Вышковский перевал на трассе Мукачево — Львов, пишет «Карпатский вестник». За ночь выпало до 40 сантиметров снега.",
        "Легковые автомобили пропускают только с цепями. В Раховском районе объявлена лавинная опасность.",
        "В Харькове, по прогнозу, снега не будет: днем до +7 градусов.",
    ),
    images=(ImageUse("s14-snow-pass", "ГСЧС Закарпатья", width=900),),
)

ARTICLES: tuple[DemoArticle, ...] = (
    _S04_WIRE, _S04_VESTNIK, _S04_KHVYLIA,
    _S05_PODOLU, _S05_AGENCY, _S05_GORODSKIE,
    _S10_AGENCY, _S10_KARPATY, _S10_GORODSKIE,
    _S14_KARPATY, _S14_AGENCY, _S14_GORODSKIE,
)
