### Vores — Українська (uk)
### Review: machine-translated from en.ftl by the Vores developers' tooling;
### NOT reviewed by a native speaker yet. Operators: have it reviewed before
### offering it, and write here who reviewed it and when.

### Keep replies short, warm and plain, as a friendly neighbour writes
### (polite "ви"). { $name } is filled in by the bot; keep every variable
### of a text (see TRANSLATING.md).
### Notes for the reviewer: the bot's past tense in the first person is
### avoided (it would show a gender); month_N are in the genitive ("15 червня");
### dates read "15 червня (субота)" so they fit after prepositions.
saved_event = Дякую! Вашу подію #{ $id } збережено:
updated_event = Виправлено! Тепер #{ $id } виглядає так:
label_title = Назва
label_day = День
label_time = Час
label_place = Місце
all_day = увесь день
time_single = { $start }
time_range = { $start }–{ $end }
time_separator = :
place_unknown = не вказано
event_fix_hint = Щось не так? Напишіть, наприклад, «/edit #{ $id } Sunday at 11am». Скасувати: «/delete #{ $id }».
event_in_past = Увага: цей час уже минув. Якщо це помилка, виправте командою «/edit #{ $id } …».
ask_date = Дякую, «{ $title }» збережено як #{ $id }. Якого це дня? Відповідайте, наприклад, «Saturday» або «15 June».
ask_time = Дякую, «{ $title }» збережено як #{ $id } ({ $day }). О котрій початок? Відповідайте, наприклад, «2pm», «10am to 2pm» або «all day».
ask_again_date = У вашій відповіді немає дня. Напишіть, наприклад, «Saturday» або «15 June» – або «cancel», щоб скасувати #{ $id }.
ask_again_time = У вашій відповіді немає часу. Напишіть, наприклад, «2pm» або «all day» – або «cancel», щоб скасувати #{ $id }.
invalid_date = Такої дати немає в календарі. Якого дня відбувається «{ $title }» (#{ $id })? Відповідайте, наприклад, «30 June».
event_needs_title = Розкажіть, що відбувається, коли і де. Наприклад: «Litter pick at Ishøj Strand on Sunday at 10am».
clash_intro = Зверніть увагу: цього ж дня відбувається ще дещо:
clash_same_place = те саме місце
clash_nearby = зовсім поруч
clash_same_time = той самий час
clash_more = … і ще { $count } того ж дня.
clash_outro = Може, варто об’єднатися або не конкурувати? Поговоріть з організаторами.
by_line = автор: { $name }, { $platform }
saved_story = Дякую за вашу історію! Її збережено як #{ $id }.
story_named = Її буде показано з ім’ям { $name }. Лише ім’я без прізвища: напишіть «/firstname #{ $id }». Зовсім без імені: «/anonymous #{ $id }».
story_named_short = Її буде показано з ім’ям { $name }. Якщо хочете залишитися анонімними, напишіть «/anonymous #{ $id }».
story_anonymous = Її буде показано без вашого імені.
story_too_short = Напишіть усю історію після «Story:», наприклад: «Story: Café Solstrålen turned 1 today with cake for everyone».
story_anonymous_done = Історію #{ $id } тепер показано без вашого імені.
story_first_name_done = Історію #{ $id } тепер показано лише з вашим ім’ям: { $name }.
not_a_story = #{ $id } — це не історія, тож немає імені, яке треба приховати.
story_updated = Виправлено! Історію #{ $id } оновлено.
whatson_heading = Що відбувається { $window }:
whatson_none = Я поки не знаю жодних подій { $window }. А ви знаєте? Розкажіть мені, наприклад: «Litter pick at Ishøj Strand on Sunday at 10am».
whatson_more = … і ще { $count }. Запитайте про коротший час, наприклад: «що буде завтра?».
window_today = сьогодні
window_tonight = сьогодні ввечері
window_tomorrow = завтра
window_day = { $day }
window_weekend = у ці вихідні
window_next_weekend = наступних вихідних
window_this_week = до кінця цього тижня
window_next_week = наступного тижня
window_week = на { $week }-му тижні
window_this_month = до кінця цього місяця
window_next_month = наступного місяця
window_christmas = на Різдво
window_christmas_eve = на Святвечір
window_new_year = на Новий рік
window_new_years_eve = напередодні Нового року
window_easter = на Великдень
window_whitsun = на Трійцю
window_summer_holiday = під час літніх канікул
window_autumn_holiday = під час осінніх канікул
window_winter_holiday = під час зимових канікул
repeat_daily = щодня
repeat_workdays = у будні дні
repeat_weekly = щотижня: { $days }
repeat_weekly_2 = раз на два тижні: { $days }
repeat_weekly_3 = раз на три тижні: { $days }
repeat_weekly_4 = раз на чотири тижні: { $days }
repeat_monthly = щомісяця: { $day } { $nth } тижня
repeat_until = до { $date }
repeat_count = { $count ->
        [one] усього { $count } раз
        [few] усього { $count } рази
        [many] усього { $count } разів
       *[other] усього { $count } раза
    }
nth_1 = першого
nth_2 = другого
nth_3 = третього
nth_4 = четвертого
nth_-1 = останнього
label_repeat = Повторюється
label_next = Наступні дати
digest_series = Регулярні заходи цього тижня:
digest_series_moved = перенесено з { $from } на { $to }
digest_series_cancelled = скасовано { $day }
cancelled_one = Скасовано: «{ $title }» { $day }. Інші дати залишаються в силі (#{ $id }).
cancel_which_day = Який день скасувати? Напишіть, наприклад, «/cancel #{ $id } 10 December». Щоб зупинити всю серію, напишіть «/delete #{ $id }».
cancel_not_that_day = Захід #{ $id } не відбувається { $day }, тож цього дня нічого скасовувати. Дати можна побачити командою «/mine».
window_upcoming = у найближчі 3 місяці
about_topic = на тему «{ $topic }»
about_place = у { $place }
tag_children = для дітей
tag_free = безкоштовно
tag_music = з музикою
tag_sport = зі спортом і рухом
tag_food = з їжею
tag_nature = просто неба
tag_culture = з культурною програмою
tag_seniors = для людей старшого віку
whatson_about_heading = Що відбувається { $window } – { $about }:
whatson_about_none = Я поки не знаю жодних подій { $window } за запитом: { $about }. Якщо ви про щось знаєте, розкажіть мені, і я це додам.
window_christmas_holiday = під час різдвяних канікул
clash_same_kind = схожий захід
clash_own_duplicate = Ви вже надсилали #{ $id } «{ $title }» з тією самою назвою і часом. Це та сама подія? Тоді видаліть одну з них командою «/delete #{ $id }».
clash_own_overlap = У вас також є #{ $id } «{ $title }» у той самий час.
pending_maybe_duplicate = можливо, те саме, що й #{ $id }
window_days = з { $from } до { $to }
until_day = до { $day }
still_button_yes = ✅ Так, усе ще відбувається
still_button_no = Ні, більше не відбувається
still_happening_question = Привіт! «{ $title }» (#{ $id }, { $rule }) усе ще відбувається? Відповідайте «yes» – і захід залишиться в календарі, або «no» – і я зупиню його після сьогоднішнього дня.
still_happening_yes = Дякую! «{ $title }» (#{ $id }) залишається в календарі. Я запитаю ще раз за кілька тижнів.
still_happening_no = Дякую, що повідомили. «{ $title }» (#{ $id }) завершено після { $day }, і відтепер його не показано.
still_happening_unanswered = Для адміністраторів групи: немає відповіді від користувача { $name }, чи «{ $title }» (#{ $id }) усе ще відбувається. Захід досі є в календарі. Уточніть в організатора – або зупиніть захід командою «/delete #{ $id }».
still_happening_hidden = Для адміністраторів групи: немає відповіді від користувача { $name }, чи «{ $title }» (#{ $id }) усе ще відбувається, тому захід приховано, і він знову чекає на схвалення. Див. «/pending».
cancel_words_unknown = Я не можу знайти серед ваших дописів захід «{ $what }». Ваші дописи: «/mine». Скасувати один день: «/cancel #N date».
moved_one = Перенесено: «{ $title }» з { $from } на { $to }. Інші дати без змін (#{ $id }).
move_how = Напишіть, який день переноситься і куди, наприклад: «/move #{ $id } 10 December to 11 December at 7pm».
not_a_series = #{ $id } – не регулярний захід. Змініть день і час командою «/edit #{ $id } …».
window_coming = у найближчі 7 днів
weekday_1 = понеділок
weekday_2 = вівторок
weekday_3 = середа
weekday_4 = четвер
weekday_5 = п’ятниця
weekday_6 = субота
weekday_7 = неділя
month_1 = січня
month_2 = лютого
month_3 = березня
month_4 = квітня
month_5 = травня
month_6 = червня
month_7 = липня
month_8 = серпня
month_9 = вересня
month_10 = жовтня
month_11 = листопада
month_12 = грудня
date_long = { $day } { $month } { $year } ({ $weekday })
day_month_long = { $day } { $month } { $year }
day_month_short = { $day } { $month }
check_weekday = Перевірте, будь ласка, дату «{ $title }» (#{ $id }): { $day_month } – це { $actual }, а не { $said }. Ви мали на увазі { $date }?{ $passed } Відповідайте «yes» – або напишіть правильний день, наприклад: «{ $other }».
check_far = Перевірте, будь ласка, дату «{ $title }» (#{ $id }): { $date } – це ще дуже нескоро. Може, помилка в році? Відповідайте «yes», якщо дата правильна, – або напишіть правильний день, наприклад: «{ $example }», або «cancel».
ask_again_far = Я не можу зберегти «{ $title }» (#{ $id }) так далеко наперед. Напишіть правильний день, наприклад, «Saturday» або «15 December» – або «cancel», щоб скасувати.
check_also_passed = {" "}До того ж цей день уже минув.
check_passed = Перевірте, будь ласка, дату «{ $title }» (#{ $id }): { $date } – ця дата вже минула. Це старий допис чи описка? Напишіть правильний день, наприклад: «{ $example }» – або «cancel».
ask_again_passed = Цей день уже минув, тому я поки не можу показати «{ $title }» іншим. Напишіть правильний день, наприклад, «Saturday» або «15 December» – або «cancel», щоб скасувати #{ $id }.
ask_right_date = Тоді якого дня відбувається «{ $title }» (#{ $id })? Напишіть, наприклад, «Saturday» або «15 December» – або «cancel», щоб скасувати.
date_short = { $day } { $month } ({ $weekday })
deleted = Допис #{ $id } відкликано, його більше не показано.
cancelled = Гаразд, допис #{ $id } скасовано, його не буде показано.
not_found = Я не можу знайти #{ $id }. Що ви надіслали, можна побачити командою «/mine».
not_yours = Допис #{ $id } не ваш, тож ви не можете його змінити. Якщо щось не так, зверніться до адміністратора.
which_delete = Що саме видалити? Напишіть номер, наприклад: «/delete #номер». Ваші дописи: «/mine».
which_correct = Напишіть номер і виправлення, наприклад: «/edit #номер Sunday at 11am». Ваші дописи: «/mine».
which_anonymous = Напишіть номер історії, наприклад: «/anonymous #номер». Ваші дописи: «/mine».
already_withdrawn = Допис #{ $id } уже відкликано.
correct_nothing = Я не бачу, що тут виправити. Напишіть, наприклад, «/edit #{ $id } Sunday at 11am» або «/edit #{ $id } at the library».
mine_heading = Що ви надіслали:
mine_none = Ви ще нічого не надсилали. Напишіть, наприклад, «Story: …» або «Litter pick at Ishøj Strand on Sunday at 10am».
kind_event = подія
kind_story = історія
status_published = опубліковано
status_incomplete = бракує даних
status_withdrawn = відкликано
anonymous_name = анонім
platform_console = консоль
platform_matrix = Matrix
platform_discord = Discord
platform_telegram = Telegram
unknown_command = Я не знаю команди «/{ $command }». Напишіть «/help», щоб побачити, що я вмію.
unknown = Я не зовсім розумію. Ви можете, наприклад:
unknown_event = розповісти про подію: «Litter pick at Ishøj Strand on Sunday at 10am»
unknown_story = поділитися історією: «Story: Café Solstrålen turned 1 today»
unknown_query = запитати: «що відбувається на вихідних?»
unknown_help = Напишіть «/help», щоб побачити все, що я вмію.
help_heading = Привіт! Я збираю події та добрі історії міста в одному місці.
help_event = Розкажіть про подію: напишіть данською або англійською, що, коли і де, наприклад: «Litter pick at Ishøj Strand on Sunday 14 June at 10am» (або «/event …»).
help_story = Поділіться доброю історією: «Story: …» або «/story …».
help_query = Запитайте, що відбувається: «що відбувається на вихідних?», «що буде завтра?», «які події наступного тижня?» або «/whatson». Англійською можна запитати й так: «at Christmas», «when is the next litter pick?», «anything for kids on Saturday?».
help_mine = Що ви надіслали: «/mine». Виправити: «/edit #номер Sunday at 11am». Видалити: «/delete #номер». Регулярні заходи («every Thursday at 6pm»): скасувати один день – «/cancel #номер 10 December», перенести – «/move #номер 10 December to 11 December».
error = Вибачте, у мене щось пішло не так, і ваше повідомлення не збережено. Спробуйте ще раз трохи згодом.
awaiting_approval = Інші побачать це, коли адміністратор схвалить. Я повідомлю вас тут.
pending_marker = чекає на схвалення
admin_only = Лише адміністратори групи можуть використовувати «/{ $command }». Якщо ви вважаєте, що щось треба змінити, зверніться до адміністратора.
pending_heading = Чекають на схвалення:
pending_none = Ніщо не чекає на схвалення. Чудова робота!
pending_hint = Схвалити: «/approve #{ $id }», відхилити: «/reject #{ $id } причина». Спершу виправити: «/edit #{ $id } …».
appeals_heading = Оскарження рішень модерації:
approved_admin = Допис #{ $id } схвалено, тепер його бачать усі. { $name } отримає про це повідомлення.
approved_notice = Гарна новина! Схвалено: { $your_kind } «{ $title }» (#{ $id }). Тепер це бачать усі.
already_approved = Допис #{ $id } уже схвалено.
not_pending = Допис #{ $id } не чекає на схвалення (статус: { $status }).
not_in_group = Допис #{ $id } належить до іншої групи, де ви не адміністратор.
reaction_reject_reason = адміністратор вирішив, що це тут недоречно
reject_needs_reason = Додайте, будь ласка, коротку причину, яку я передам автору, наприклад: «/reject #{ $id } бракує часу і місця».
rejected_admin = Допис #{ $id } відхилено. { $name } отримає повідомлення з вашою причиною.
rejected_notice = Не схвалено: { $your_kind } «{ $title }» (#{ $id }). Причина: { $reason }. Ви можете виправити { $it } командою «/edit #{ $id } …» або оскаржити рішення командою «/appeal #{ $id } …».
which_approve = Напишіть номер, наприклад: «/approve #номер». Що чекає на схвалення: «/pending».
which_reject = Напишіть номер і причину, наприклад: «/reject #номер бракує місця».
announce_event = Нова подія: { $title }
resubmitted = Дякую, ваше виправлення збережено. Допис #{ $id } знову чекає на схвалення.
guideline_intro = Привіт, { $name }. Ваше повідомлення в { $channel } не відповідає правилам групи:
guideline_deleted = Тому його видалено.
guideline_not_deleted = Тут його не видалено, але адміністраторів групи повідомлено.
guideline_appeal = Це помилка? Напишіть мені «/appeal M{ $entry } …», і адміністратор це перегляне.
guideline_submission = Ваше повідомлення не збережено, бо воно не відповідає правилам групи:
guideline_submission_fix = Виправте його, будь ласка, і надішліть ще раз.
rule_banned_word = воно містить слово, яке група не дозволяє («{ $matched }»). Напишіть, будь ласка, без нього.
rule_banned_pattern = воно містить те, що група не дозволяє («{ $matched }»).
rule_spam = воно схоже на рекламу або спам («{ $matched }»). Рекламі тут не місце.
rule_links = такі посилання, як { $matched }, тут заборонені.
rule_caps = воно написане здебільшого великими літерами ({ $matched }), а це читається як крик. Пишіть, будь ласка, звичайними літерами.
rule_flood = ви надіслали багато повідомлень одне за одним. Об’єднайте їх, будь ласка, в одне повідомлення.
rule_repeat = те саме повідомлення надіслано кілька разів. Досить одного.
rule_new_member = нові учасники спершу не можуть надсилати посилання. Спробуйте пізніше або зверніться до адміністратора.
rule_length = воно дуже довге ({ $matched }). Скоротіть його, будь ласка.
escalated_mute = { $name } має забагато попереджень і не може писати { $minutes ->
        [one] { $minutes } хвилину
        [few] { $minutes } хвилини
        [many] { $minutes } хвилин
       *[other] { $minutes } хвилини
    }.
escalated_ban = { $name } має забагато попереджень, тому доступ до групи заблоковано.
escalated_admins = Адміністраторам: кількість попереджень для { $name } за короткий час: { $strikes }. Див. «/log».
cannot_enforce = Адміністраторам: повідомлення користувача { $name } порушує правило «{ $rule }», але я не можу тут { $what }. Див. «/log».
log_heading = Журнал модерації (спершу нові):
log_none = Журнал порожній. Ще ніхто не порушував правил.
log_undone = скасовано
log_appeal = оскарження
unstrike_done = Попередження M{ $entry } скасовано, і воно більше не враховується.
unstrike_which = Напишіть «/unstrike» і номер із журналу (він починається з M).
appeal_sent = Дякую. Ваше оскарження надіслано адміністраторам, вони його розглянуть.
appeal_which = Напишіть «/appeal», номер і ваше пояснення. Номер є в моєму повідомленні вам: він починається з M (повідомлення про правила) або з # (ваш допис).
appeal_not_yours = Я не можу знайти M{ $entry } серед ваших попереджень.
submission_appeal_sent = Дякую. Допис #{ $id } знову чекає на схвалення разом із вашим оскарженням.
trust_revoked = Відтепер дописи користувача { $name } знову потрібно схвалювати.
trust_restored = Користувачеві { $name } знову довіряють.
which_user = Напишіть ідентифікатор користувача, наприклад: «/distrust mette».
rules_heading = Правила групи { $group }:
rules_banned_words = Деякі слова заборонені (у списку: { $count }).
rules_spam = Рекламу і спам видаляють.
rules_links_none = Посилання заборонені.
rules_links_allowlist = Дозволені лише посилання на: { $domains }.
rules_max_links = Не більше ніж { $count ->
        [one] { $count } посилання
        [few] { $count } посилання
        [many] { $count } посилань
       *[other] { $count } посилання
    } в одному повідомленні.
rules_caps = Не пишіть великими літерами (не більше ніж { $percent } %).
rules_flood = Не більше ніж { $count ->
        [one] { $count } повідомлення
        [few] { $count } повідомлення
        [many] { $count } повідомлень
       *[other] { $count } повідомлення
    } за { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунди
        [many] { $seconds } секунд
       *[other] { $seconds } секунди
    }.
rules_repeat = Не надсилайте те саме повідомлення { $count ->
        [one] { $count } раз
        [few] { $count } рази
        [many] { $count } разів
       *[other] { $count } раза
    }.
rules_new_member = Нові учасники не можуть надсилати посилання протягом { $hours ->
        [one] { $hours } години
        [few] { $hours } годин
        [many] { $hours } годин
       *[other] { $hours } години
    } після вступу.
rules_new_member_messages = Нові учасники можуть надсилати посилання лише після того, як напишуть { $count ->
        [one] { $count } повідомлення
        [few] { $count } повідомлення
        [many] { $count } повідомлень
       *[other] { $count } повідомлення
    }.
rules_length = Не більше ніж { $count ->
        [one] { $count } символ
        [few] { $count } символи
        [many] { $count } символів
       *[other] { $count } символу
    } в одному повідомленні.
rules_escalation = Після { $count ->
        [one] { $count } попередження
        [few] { $count } попереджень
        [many] { $count } попереджень
       *[other] { $count } попередження
    } за { $hours ->
        [one] { $hours } годину
        [few] { $hours } години
        [many] { $hours } годин
       *[other] { $hours } години
    }: { $what }.
rules_escalation_mute = заборона писати на { $minutes ->
        [one] { $minutes } хвилину
        [few] { $minutes } хвилини
        [many] { $minutes } хвилин
       *[other] { $minutes } хвилини
    }
rules_escalation_ban = блокування
rules_escalation_admins = повідомлення адміністраторам
rules_approval_always = Нові дописи схвалює адміністратор, перш ніж їх буде показано.
rules_approval_never = Нові дописи показуються одразу.
rules_approval_trusted = Дописи показуються одразу, коли у вас уже є { $count ->
        [one] { $count } схвалений допис
        [few] { $count } схвалені дописи
        [many] { $count } схвалених дописів
       *[other] { $count } схваленого допису
    }; доти їх спершу схвалює адміністратор.
digest_heading = Тиждень у { $group }
digest_events = Що відбувається в найближчі 7 днів:
digest_no_events = На наступний тиждень подій поки немає. Знаєте про якусь? Розкажіть мені, наприклад: «Litter pick at Ishøj Strand on Sunday at 10am».
digest_stories = Добрі історії цього тижня:
digest_story_by = розповідає { $name }
digest_thanks = { $count ->
        [one] { $names }, дякуємо за ваш внесок!
        [few] { $names }, дякуємо вам усім за внесок!
        [many] { $names }, дякуємо вам усім за внесок!
       *[other] { $names }, дякуємо вам усім за внесок!
    }
digest_and = і
digest_invite = Маєте добру історію чи подію? Напишіть мені, наприклад: «Story: …».
status_pending = чекає на схвалення
status_rejected = відхилено
window_month = протягом { $month }
event_next_year = Увага: ця дата – наступного року. Можливо, ви мали на увазі інший день? Виправте командою «/edit #{ $id } …».
not_yours_delete = Допис #{ $id } не ваш, тож ви не можете його видалити. Якщо щось не так, зверніться до адміністратора.
thanks_reply = Будь ласка! Пишіть, коли дізнаєтеся про подію або матимете добру історію.
greeting_reply = Привіт! Я збираю події та добрі історії міста. Напишіть «/help», щоб побачити, що я вмію.
nothing_to_cancel = Зараз нічого скасовувати. Що ви надіслали, можна побачити командою «/mine».
clash_duplicate = та сама назва – це та сама подія?
delivery_failed = Адміністраторам: повідомлення в { $channel } не вдалося доставити після кількох спроб ({ $error }). Перевірте, будь ласка, чи бот досі є в каналі.
button_ok = 👍 Усе правильно
button_fix = ✏️ Виправити
button_cancel = ✖️ Скасувати
button_approve = ✅ Схвалити #{ $id }
button_reject = ❌ Відхилити #{ $id }
button_fix_hint = Напишіть виправлення, наприклад: «/edit #{ $id } Sunday at 11am» або «/edit #{ $id } place: the library».
digest_places = Нові місця на мапі:
digest_recurring = Нові регулярні заходи:
digest_recurring_item = { $count ->
        [one] { $count } раз
        [few] { $count } рази
        [many] { $count } разів
       *[other] { $count } раза
    } за наступні 4 тижні, уперше { $date }


# Places residents add ("New place: …") and ask about ("where is …?").
kind_place = місце
your_kind_event = Ваша подія
your_kind_story = Ваша історія
your_kind_place = Ваше місце
it_kind_event = її
it_kind_story = її
it_kind_place = його
place_needs_name = Як називається місце? Напишіть, наприклад, «New place: The dog park by Ishøj Strand» і, якщо можете, посилання з OpenStreetMap або Google Maps.
place_known = Дякую! Місце { $name } я вже знаю.
place_saved = Дякую! Місце «{ $name }» збережено як #{ $id }.
place_updated = Виправлено! Місце «{ $name }» (#{ $id }) оновлено.
place_kind_line = Тип місця: { $kind }.
place_on_map = Воно з’явиться на мапі місць міста.
place_no_map = Розташування не знайдено. Надішліть, будь ласка, посилання з OpenStreetMap або Google Maps чи координати, наприклад 55.61, 12.35: напишіть «/edit #{ $id }» і посилання.
place_not_known = Я ще не знаю «{ $place }». Ви знаєте це місце? Напишіть «New place: { $place }» і посилання на мапу, і його буде додано.
place_where = { $name }:
place_where_address = { $name }: { $address }.
place_where_kind = { $name } ({ $kind }).
place_map_link = Мапа: { $link }
place_no_link = У мене ще немає мапи цього місця.
place_kind_playground = дитячий майданчик
place_kind_dog_park = майданчик для собак
place_kind_cafe = кафе
place_kind_culture_house = будинок культури
place_kind_library = бібліотека
place_kind_park = парк
place_kind_beach = пляж і гавань
place_kind_sports = спорт і рух
place_kind_community_house = громадський центр
place_kind_nature = природа


# Drafts for the communication team (/press, /newsletter).
draft_when = Коли
draft_where = Де
draft_link = Докладніше
draft_contact = { $group } через { $platform }
draft_missing_place = де це відбувається
draft_missing_photo = фото (попросіть дозволу його використати)
draft_missing_quote = цитата когось, хто там був
draft_missing_details = більше подробиць: хто це організував і що сталося
draft_missing_name = ім’я контактної особи (автор хоче залишитися анонімним)
draft_failed = Зараз не вдалося створити чернетку. Спробуйте ще раз або повідомте тому, хто керує ботом.
draft_admins_only = Чернетки пресрелізів і розсилок – лише для адміністраторів групи.
draft_which = Напишіть номер, наприклад: «/press #номер». Ваші дописи: «/mine», черга: «/pending».
draft_not_published = Допис #{ $id } ще не схвалено. Спершу схваліть його: «/approve #{ $id }».
draft_not_story = #{ $id } – не історія і не подія.


# The toolbox (/toolbox) and follow-up questions for short stories.
toolbox_heading = Набір інструментів – короткі поради:
toolbox_hint = Напишіть «/toolbox 1», щоб прочитати першу.
toolbox_unknown = У мене немає поради про «{ $asked }».
help_toolbox = Поради, як писати і розповідати: «/toolbox».
coach_intro = Кілька коротких запитань можуть зробити історію ще кращою. Відповідайте або напишіть «skip».
coach_who_where = Хто це організував і де це сталося?
coach_quote = Можна використати цитату від вас? Напишіть її так, як сказали б уголос.
coach_photo_consent = Чи можна показати фото в розсилці та на сайті, і чи всі, хто на ньому, погодилися? Відповідайте «yes» або «no».
photo_alone = Дякую за фото! Напишіть, будь ласка, кілька слів про нього як історію: «Story: …», і надішліть фото разом із текстом.
coach_quote_please = Чудово! Напишіть цитату так, як сказали б уголос, – або «skip».
coach_done = Дякую! Історія #{ $id } готова.

export_title = Історії
export_told_by = Розповідає
export_anonymous = Розповідає мешканець міста
export_missing = Бракує:

# The web calendar (web_… keys; pages, feeds and the embed).
web_skip = Перейти до вмісту
web_nav_label = Сторінки
web_calendar = Календар
web_stories = Історії
web_places = Місця
web_about = Про нас і як долучитися
web_languages = Мови
web_upcoming = Що відбувається
web_upcoming_intro = { $title }: події від мешканців, схвалені волонтерами. Напишіть боту, щоб поділитися своєю.
web_nothing = У цей період подій поки немає.
web_nothing_filtered = Немає подій за вашим вибором. Спробуйте прибрати фільтр.
web_filter = Вибрати
web_filter_day = День
web_filter_place = Місце
web_filter_tag = Тема
web_filter_any = Усі
web_filter_apply = Показати
web_filter_clear = Очистити
web_more_events = Подій більше, ніж може показати ця сторінка. Виберіть день, щоб побачити всі.
web_when = Коли
web_where = Де
web_repeats = Повторюється
web_next_times = Наступні дати
web_interested = Зацікавлених: { $count }
web_add_to_calendar = Додати до свого календаря (.ics)
web_back_to_calendar = Назад до календаря
web_show_on_map = Показати на мапі
web_stories_intro = Добрі історії з повсякденного життя, які розповідають мешканці.
web_no_stories = Історій поки немає. Розкажіть першу: надішліть боту «Story: …».
web_story_by = Розповідає { $name }
web_story_anonymous = Розповідає мешканець міста
web_read_more = Докладніше
web_photo = Фото
web_places_intro = Місця в місті: дитячі майданчики, майданчики для собак, кафе, будинки культури та інше.
web_no_places = Місць поки немає.
web_map_label = Мапа місць
web_map_fallback = Для мапи потрібен JavaScript. Усі місця є в списку нижче.
web_events_here = Що тут відбувається
web_open_map = Відкрити мапу
web_also_called = Інші назви
web_about_intro = { $title } об’єднує спільноти міста з кількох чат-каналів. Мешканці діляться подіями та добрими історіями, а волонтери їх схвалюють.
web_join = Долучайтеся
web_join_link = Приєднатися
web_no_channels = Каналів для показу поки немає.
web_how_to = Як поділитися подією
web_how_to_text = Напишіть боту в одному з каналів, наприклад: «Swap market at Glashuset Saturday 10am-2pm». Якщо чогось бракує, бот перепитає.
web_feeds = Календар і новини у ваших застосунках
web_feed_ics = Календар (iCalendar)
web_feed_atom = Історії (Atom)
web_feed_json = Події (JSON)
web_feed_places = Місця (GeoJSON)
web_groups = Спільноти
web_groups_intro = Виберіть спільноту, щоб побачити її календар.
web_not_found_title = Сторінку не знайдено
web_not_found = Ми не змогли знайти цю сторінку. Можливо, подія вже минула або її відкликали.
web_bad_request_title = Ми не можемо це показати
web_go_home = На головну сторінку
web_error_title = Щось пішло не так
web_error = Зараз календар не можна показати. Спробуйте ще раз трохи згодом.
web_bad_day = «{ $value }» – не дата. Пишіть так: 2026-12-05.
web_bad_tag = «{ $value }» – невідома нам тема. Виберіть тему зі списку.
web_bad_count = «{ $value }» – не число від 1 до 20.
web_bad_item = «{ $value }» – не номер події.
web_embed_title = Найближчі події
web_embed_all = Переглянути весь календар
web_all_day = увесь день
web_today = сьогодні
web_tomorrow = завтра
web_platform_channels = Канали в { $platform }

# What broke a rule, measured (the moderation log and the notes say it in
# the reader's language).
measure_links = { $count ->
        [one] { $count } посилання
        [few] { $count } посилання
        [many] { $count } посилань
       *[other] { $count } посилання
    }
measure_caps = { $count }% великих літер
measure_flood = { $count ->
        [one] { $count } повідомлення
        [few] { $count } повідомлення
        [many] { $count } повідомлень
       *[other] { $count } повідомлення
    } за { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунди
        [many] { $seconds } секунд
       *[other] { $seconds } секунди
    }
measure_repeat = { $count ->
        [one] { $count } раз
        [few] { $count } рази
        [many] { $count } разів
       *[other] { $count } раза
    } «{ $text }»
measure_length = { $count ->
        [one] { $count } символ
        [few] { $count } символи
        [many] { $count } символів
       *[other] { $count } символу
    }
measure_strikes = { $count ->
        [one] { $count } попередження
        [few] { $count } попередження
        [many] { $count } попереджень
       *[other] { $count } попередження
    }
# Rule and action names in “/log” and in notes to the admins.
log_rule_banned_word = заборонене слово
log_rule_banned_pattern = заборонений текст
log_rule_spam = реклама або спам
log_rule_links = посилання
log_rule_caps = великі літери
log_rule_flood = багато повідомлень поспіль
log_rule_repeat = те саме повідомлення кілька разів
log_rule_new_member = посилання від нового учасника
log_rule_length = задовге повідомлення
log_rule_escalation = забагато попереджень
log_rule_admin_command = команда лише для адміністраторів
log_rule_decision = рішення
log_action_note = особисте повідомлення
log_action_delete = видалено
log_action_mute = заборонено писати
log_action_ban = заблоковано
log_action_tell_admins = адміністраторів повідомлено
log_action_refused = відмовлено
log_action_approved = схвалено
log_action_rejected = відхилено
# What the bot could not do (“… but I cannot { $what } here”).
cannot_delete = видаляти повідомлення
cannot_mute = забороняти людям писати
cannot_ban = блокувати людей

# A person's own language (“/language tr”).
language_set = Відтепер я відповідатиму вам мовою: { $language }.
language_cleared = Я знову відповідаю мовою, якою ви пишете (або мовою каналу).
language_choices = Виберіть мову командою «/language» і кодом мови: { $list }. «/language off» скасовує вибір.
language_unknown = Я не знаю такої мови («{ $choice }»). Доступні мови: { $list }.
language_submissions_in_danish_or_english = Події та історії я можу читати лише данською або англійською; але запитати, що відбувається, можна й вашою мовою.
help_language = Виберіть мову: «/language» ({ $languages }).

## Меню команд у Discord і Telegram: що робить кожна команда (не більше 100 символів).
command_about_help = Що вміє Vores
command_about_story = Поділіться доброю історією з міста
command_about_event = Розкажіть про подію: що, де, коли
command_about_whatson = Що відбувається (наприклад, на вихідних)
command_about_mine = Ваші надіслані дописи
command_about_delete = Відкличте свій допис (#номер)
command_about_cancel = Скасуйте один день регулярного заходу: #номер і день
command_about_move = Перенесіть один день регулярного заходу: #номер, день, на коли
command_about_correct = Виправте допис: #номер і нові дані
command_about_anonymous = Показувати вашу історію без імені (#номер)
command_about_rules = Правила публікацій у групі
command_about_appeal = Оскаржте рішення (#номер або номер M) і поясніть чому
command_about_language = Виберіть мову, якою я вам відповідаю
command_about_place = Додайте місце на мапу міста: назва і посилання на мапу
command_about_toolbox = Короткі поради: історія, оголошення події, фото
command_about_pending = Для адміністраторів: що чекає на схвалення
command_about_approve = Для адміністраторів: схваліть допис (#номер)
command_about_reject = Для адміністраторів: відхиліть допис: #номер і причина
command_about_log = Для адміністраторів: журнал модерації
command_about_unstrike = Для адміністраторів: скасуйте крок модерації (номер M)
command_about_distrust = Для адміністраторів: завжди перевіряти дописи цієї людини
command_about_trust = Для адміністраторів: знову довіряти цій людині
command_about_press = Для адміністраторів: чернетка пресрелізу про історію чи подію
command_about_newsletter = Для адміністраторів: абзац для розсилки про історію чи подію
command_about_subscribe = Новини тижня приватним повідомленням
command_about_unsubscribe = Зупинити новини тижня в приватних повідомленнях
command_about_link = Пов’яжіть облікові записи на кількох платформах (код)
command_about_unlink = Відв’яжіть інші облікові записи
command_option_text = Ваш текст
command_option_number = #номер

## Their own data (GDPR): /mine data, /glem mig.
my_data_heading = Ось що я зберігаю про вас:
my_data_submissions = надіслані дописи: { $count } (перегляньте їх командою «/mine»)
my_data_log = записи в журналі модерації: { $count }
my_data_channels = що ви писали в каналах: { $count } (для правил для нових учасників)
my_data_interest = події, якими ви цікавилися: { $count }
my_data_messages = мої повідомлення вам або про вас: { $count }
my_data_language = обрана вами мова: { $language }
my_data_trust = чи вирішили адміністратори довіряти вам або завжди перевіряти ваші дописи
my_data_links = що ваш обліковий запис пов’язаний з іншими: { $count } («/unlink»)
my_data_subscription = що ви отримуєте новини приватним повідомленням («/unsubscribe»)
my_data_file = Усе це також є у файлі { $file }, якщо ваш застосунок приймає файли.
my_data_nothing = Я нічого не зберігаю про вас.
my_data_forget = Хочете це видалити? Напишіть «/forget me».
sent_privately = Я надіслав вам відповідь приватним повідомленням.
forget_confirm = Я видалю все, що зберігаю про вас: неопубліковані дописи, вашу мову, ваш інтерес і ваші розмови зі мною. Опубліковане залишиться без вашого імені, а в журналі модерації залишиться лише те, що правило було застосовано. Це не можна скасувати. Напишіть «/forget me confirm», щоб зробити це.
forget_done = Я вас забув: видалено { $deleted }, без вашого імені залишається { $kept }. Дякую, що були з нами.
help_privacy = Подивіться, що я зберігаю про вас: «/my data». Видаліть це: «/forget me».

## Linked accounts: /forbind, /fjernforbindelse.
link_code = Ваш код: { $code }. Напишіть мені «/link { $code }» з іншого облікового запису (наприклад, у Telegram, Discord чи Matrix) протягом { $minutes } хв. Код діє один раз.
link_done = Ваші облікові записи тепер пов’язані: довіра, попередження, «/mine» і мова діють в обох. Права адміністратора не переносяться. Скасувати: «/unlink».
link_done_other = Ваш обліковий запис тепер пов’язаний з вашим обліковим записом у { $platform }. Скасувати: «/unlink».
link_already = Ці два облікові записи вже пов’язані.
link_unknown = Я не знаю цього коду. Перевірте його або отримайте новий командою «/link» в іншому обліковому записі.
link_expired = Цей код застарів (він діє 10 хвилин). Отримайте новий командою «/link» в іншому обліковому записі.
link_own = Це ваш власний код. Надішліть його мені з іншого облікового запису.
link_too_many = Було забагато неправильних кодів. Зачекайте годину і спробуйте знову.
unlink_done = Ваш обліковий запис більше не пов’язаний з іншими.
unlink_none = Ваш обліковий запис не пов’язаний з іншими.
help_link = Ви на кількох платформах? Пов’яжіть облікові записи командою «/link».

## The week's news by private message: /abonner, /afmeld.
subscribed = Тепер ви отримуватимете новини тижня з { $group } приватним повідомленням тут, у { $platform }, щоразу, коли виходить тижневий огляд. Зупинити: «/unsubscribe».
subscribed_about = Тепер щотижня ви отримуватимете тут, у { $platform }, приватне повідомлення про те, що відбувається в { $group } – { $about }. Лише в ті тижні, коли щось відбувається. Зупинити: «/unsubscribe».
subscribed_daily = Тепер щоранку ви отримуватимете тут, у { $platform }, приватне повідомлення про те, що відбувається сьогодні в { $group }. Лише в ті дні, коли щось відбувається. Зупинити: «/unsubscribe».
subscribed_daily_about = Тепер щоранку ви отримуватимете тут, у { $platform }, приватне повідомлення про те, що відбувається сьогодні в { $group } – { $about }. Лише в ті дні, коли щось відбувається. Зупинити: «/unsubscribe».
subscribed_reach = Я можу писати вам приватно, лише якщо ви спершу написали мені приватно (Telegram) або дозволяєте приватні повідомлення (Discord); інакше підписка припиниться.
subscription_footer = Ви отримуєте це повідомлення, бо підписалися. Зупинити: «/unsubscribe».
unsubscribed = Ви більше не отримуватимете новини тижня приватним повідомленням.
not_subscribed = Ви не підписані. Почніть з «/subscribe».
help_subscribe = Отримуйте новини приватним повідомленням: «/subscribe» щотижня, «/subscribe daily» щоранку, «/subscribe kids» лише для дітей (зупинити: «/unsubscribe»).

## Ambassadors: the digest to pass on.
ambassador_intro = Дякую, що ділитеся новинами тижня! Ось версія, яку можна переслати як є:
digest_invite_share = Хочете розповісти про подію чи добру історію? Напишіть { $group } у Telegram, Discord або Matrix.

## The console (the demo in a terminal).
console_greeting = Vores — ви { $name } у #{ $channel }. { $mode } Напишіть повідомлення й натисніть Enter (наприклад, «/help»); Ctrl-D — вихід.
console_greeting_admin = Vores — ви { $name } (адміністратор) у #{ $channel }. { $mode } Напишіть повідомлення й натисніть Enter (наприклад, «/help»); Ctrl-D — вихід.
console_group_chat = Це груповий чат: напишіть «@vores …» або команду боту.
console_private_chat = Ви пишете боту приватно.
console_private_to = [приватно для { $name }]
console_file = [файл: { $name }]

## What separates the items of a list (with its space).
list_comma = { ", " }

## About the language: its name in itself, its direction (ltr or rtl) and
## other names /sprog and /language accept.
meta_name = Українська
meta_direction = ltr
meta_aliases = ukrainian, ukrainsk, ukraynaca

## How the bot reads this language's "what's on" questions (see TRANSLATING.md):
## times, one "phrase = english time" per line, longer phrases first; words that ask;
## phrases that only look like a question; common words and letters that tell the language.
understand_times =
    на наступних вихідних = next weekend
    наступних вихідних = next weekend
    на цих вихідних = this weekend
    на вихідних = this weekend
    цих вихідних = this weekend
    вихідних = this weekend
    вихідні = this weekend
    наступного тижня = next week
    цього тижня = this week
    сьогодні ввечері = tonight
    завтра = tomorrow
    сьогодні = today
    понеділок = monday
    вівторок = tuesday
    середу = wednesday
    середа = wednesday
    четвер = thursday
    пʼятницю = friday
    п'ятницю = friday
    п’ятницю = friday
    суботу = saturday
    субота = saturday
    неділю = sunday
    неділя = sunday
    ввечері = tonight
understand_questions = що відбувається, що буде, що є, що цікавого, які події, які заходи, куди піти, події, заходи
understand_words = що, які, є, буде, відбувається, вихідних, вихідні, сьогодні, ввечері, тижня, цього, наступного, привіт, дякую, ласка, де, коли, події, заходи
understand_letters = і, ї, є, ґ
