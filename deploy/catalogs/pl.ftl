### Vores — Polski (pl)
### Review: a PARTIAL example written by the Vores developers to show how a
### language is added without changing the bot (see TRANSLATING.md). NOT
### reviewed by a native speaker, and most texts are still missing: the bot
### shows those in English. Do not offer it to residents before a Polish
### speaker has completed and reviewed it; write their name and the date here.
###
### Use it with one line in the config: catalogs = ["deploy/catalogs/pl.ftl"]

## About the language
meta_name = Polski
meta_direction = ltr
meta_aliases = polish, polsk, polski, lehçe

## How the bot reads "what's on" questions in Polish
understand_times =
    w przyszły weekend = next weekend
    w przyszly weekend = next weekend
    w następny weekend = next weekend
    przyszły weekend = next weekend
    przyszly weekend = next weekend
    w ten weekend = this weekend
    na weekend = this weekend
    w weekend = this weekend
    weekend = this weekend
    w przyszłym tygodniu = next week
    w przyszlym tygodniu = next week
    w tym tygodniu = this week
    dziś wieczorem = tonight
    dzis wieczorem = tonight
    dzisiaj wieczorem = tonight
    jutro = tomorrow
    dzisiaj = today
    dziś = today
    dzis = today
    w poniedziałek = monday
    we wtorek = tuesday
    w środę = wednesday
    w czwartek = thursday
    w piątek = friday
    w sobotę = saturday
    w niedzielę = sunday
understand_questions = co się dzieje, co sie dzieje, co słychać w mieście, co będzie, co bedzie, co jest, jakie wydarzenia, gdzie pójść, wydarzenia
understand_not_questions = co słychać u ciebie, co u ciebie
understand_words = co, się, sie, dzieje, będzie, bedzie, jest, jutro, dzisiaj, dziś, cześć, dzień, dobry, dziękuję, proszę, gdzie, kiedy, wydarzenia, wieczorem, tygodniu, przyszły, sobotę, niedzielę
understand_letters = ą, ę, ł, ń, ś, ź, ż

## What's on
whatson_heading = Co się dzieje { $window }:
whatson_none = Nie wiem jeszcze o niczym { $window }. A ty? Napisz mi, np. “Litter pick at Ishøj Strand on Sunday at 10am”.
whatson_more = … i jeszcze { $count ->
        [one] { $count } wydarzenie
        [few] { $count } wydarzenia
       *[other] { $count } wydarzeń
    }. Zapytaj o krótszy czas, np. “jutro”.
window_today = dzisiaj
window_tonight = dziś wieczorem
window_tomorrow = jutro
window_day = { $day }
window_weekend = w ten weekend
window_next_weekend = w przyszły weekend
window_this_week = do końca tygodnia
window_next_week = w przyszłym tygodniu
window_week = w tygodniu { $week }
window_coming = w ciągu najbliższych 7 dni
window_days = { $from } – { $to }
all_day = cały dzień
place_unknown = nie podano
label_title = Tytuł
label_day = Dzień
label_time = Godzina
label_place = Miejsce
weekday_1 = poniedziałek
weekday_2 = wtorek
weekday_3 = środa
weekday_4 = czwartek
weekday_5 = piątek
weekday_6 = sobota
weekday_7 = niedziela
month_1 = stycznia
month_2 = lutego
month_3 = marca
month_4 = kwietnia
month_5 = maja
month_6 = czerwca
month_7 = lipca
month_8 = sierpnia
month_9 = września
month_10 = października
month_11 = listopada
month_12 = grudnia

## Greetings, help and the language
greeting_reply = Cześć! Zbieram wydarzenia i dobre historie z miasta. Napisz “/help”, żeby zobaczyć, co potrafię.
help_heading = Cześć! Zbieram wydarzenia i dobre historie z miasta w jednym miejscu.
help_language = Wybierz swój język: “/language” ({ $languages }).
language_set = Od teraz odpowiadam ci w języku: { $language }.
language_cleared = Znowu odpowiadam w języku, w którym piszesz (albo w języku kanału).
language_submissions_in_danish_or_english = Wydarzenia i historie czytam tylko po duńsku lub angielsku; ale zapytaj mnie po polsku, co się dzieje.
