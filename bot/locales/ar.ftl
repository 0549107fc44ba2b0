### Vores — العربية (ar)
### Review: machine-translated from en.ftl by the Vores developers' tooling;
### NOT reviewed by a native speaker yet. Operators: have it reviewed before
### offering it, and write here who reviewed it and when.

### Keep replies short, warm and plain: many readers have Arabic as their
### first language and Danish as a second one. { $name } is filled in by the
### bot; keep every variable of a text (see TRANSLATING.md).
saved_event = شكرًا! حفظتُ فعاليتك #{ $id }:
updated_event = تم التصحيح! هكذا تبدو #{ $id } الآن:
label_title = العنوان
label_day = اليوم
label_time = الوقت
label_place = المكان
all_day = طوال اليوم
time_single = { $start }
time_range = { $start }–{ $end }
time_separator = :
place_unknown = غير محدد
event_fix_hint = هل هناك خطأ؟ اكتب مثلًا «/edit #{ $id } Sunday at 11am». وللإلغاء اكتب «/delete #{ $id }».
event_in_past = ملاحظة: هذا الوقت قد مضى. إذا كان ذلك خطأ، صحّحه بكتابة «/edit #{ $id } …».
ask_date = شكرًا، حفظتُ «{ $title }» برقم #{ $id }. في أي يوم؟ أجب مثلًا «Saturday» أو «15 June».
ask_time = شكرًا، حفظتُ «{ $title }» برقم #{ $id } ({ $day }). متى يبدأ؟ أجب مثلًا «2pm» أو «10am to 2pm» أو «all day».
ask_again_date = لم أجد يومًا في إجابتك. اكتب مثلًا «Saturday» أو «15 June» – أو «cancel» لإلغاء #{ $id }.
ask_again_time = لم أجد وقتًا في إجابتك. اكتب مثلًا «2pm» أو «all day» – أو «cancel» لإلغاء #{ $id }.
invalid_date = هذا التاريخ غير موجود في التقويم. في أي يوم «{ $title }» (#{ $id })؟ أجب مثلًا «30 June».
event_needs_title = أخبرني ماذا سيحدث، ومتى، وأين. مثلًا: «Litter pick at Ishøj Strand on Sunday at 10am».
clash_intro = انتبه: هناك شيء آخر في نفس اليوم:
clash_same_place = نفس المكان
clash_nearby = قريب جدًا
clash_same_time = نفس الوقت
clash_more = … و{ $count ->
        [zero] { $count } فعالية أخرى
        [one] فعالية أخرى
        [two] فعاليتان أخريان
        [few] { $count } فعاليات أخرى
        [many] { $count } فعالية أخرى
       *[other] { $count } فعالية أخرى
    } في نفس اليوم.
clash_outro = ربما يمكنك التعاون معهم، أو تجنّب التنافس؟ من الجيد أن تتحدث مع المنظمين.
by_line = من { $name } على { $platform }
saved_story = شكرًا على قصتك! حُفظت برقم #{ $id }.
story_named = ستظهر القصة باسم { $name }. للاسم الأول فقط اكتب «/firstname #{ $id }». وبدون أي اسم: «/anonymous #{ $id }».
story_named_short = ستظهر القصة باسم { $name }. إذا كنت تفضّل عدم ذكر اسمك، اكتب «/anonymous #{ $id }».
story_anonymous = ستظهر القصة بدون اسمك.
story_too_short = اكتب القصة كاملة بعد «Story:»، مثلًا «Story: Café Solstrålen turned 1 today with cake for everyone».
story_anonymous_done = القصة #{ $id } تظهر الآن بدون اسمك.
story_first_name_done = القصة #{ $id } تظهر الآن باسمك الأول فقط: { $name }.
not_a_story = المشاركة #{ $id } ليست قصة، لذلك لا يوجد اسم لإخفائه.
story_updated = تم التصحيح! تم تحديث القصة #{ $id }.
whatson_heading = ما يحدث { $window }:
whatson_none = لا أعرف بعد عن أي شيء يحدث { $window }. هل تعرف أنت شيئًا؟ أخبرني، مثلًا «Litter pick at Ishøj Strand on Sunday at 10am».
whatson_more = … و{ $count ->
        [zero] { $count } فعالية أخرى
        [one] فعالية أخرى
        [two] فعاليتان أخريان
        [few] { $count } فعاليات أخرى
        [many] { $count } فعالية أخرى
       *[other] { $count } فعالية أخرى
    }. اسأل عن فترة أقصر، مثلًا «tomorrow».
window_today = اليوم
window_tonight = هذا المساء
window_tomorrow = غدًا
window_day = يوم { $day }
window_weekend = في عطلة نهاية هذا الأسبوع
window_next_weekend = في عطلة نهاية الأسبوع القادم
window_this_week = في بقية هذا الأسبوع
window_next_week = في الأسبوع القادم
window_week = في الأسبوع رقم { $week }
window_this_month = في بقية هذا الشهر
window_next_month = في الشهر القادم
window_christmas = في عيد الميلاد
window_christmas_eve = ليلة عيد الميلاد
window_new_year = في رأس السنة
window_new_years_eve = ليلة رأس السنة
window_easter = في عيد الفصح
window_whitsun = في عيد العنصرة
window_summer_holiday = في العطلة الصيفية
window_autumn_holiday = في عطلة الخريف
window_winter_holiday = في عطلة الشتاء
repeat_daily = كل يوم
repeat_workdays = كل يوم من الاثنين إلى الجمعة
repeat_weekly = كل أسبوع يوم { $days }
repeat_weekly_2 = كل أسبوعين يوم { $days }
repeat_weekly_3 = كل ثلاثة أسابيع يوم { $days }
repeat_weekly_4 = كل أربعة أسابيع يوم { $days }
repeat_monthly = { $day } { $nth } من كل شهر
repeat_until = حتى { $date }
repeat_count = { $count ->
        [zero] { $count } مرة في المجموع
        [one] مرة واحدة في المجموع
        [two] مرتان في المجموع
        [few] { $count } مرات في المجموع
        [many] { $count } مرة في المجموع
       *[other] { $count } مرة في المجموع
    }
nth_1 = الأول
nth_2 = الثاني
nth_3 = الثالث
nth_4 = الرابع
nth_-1 = الأخير
label_repeat = يتكرر
label_next = المواعيد القادمة
digest_series = أنشطة منتظمة هذا الأسبوع:
digest_series_moved = تم النقل من { $from } إلى { $to }
digest_series_cancelled = تم الإلغاء يوم { $day }
cancelled_one = تم الإلغاء: «{ $title }» يوم { $day }. المواعيد الأخرى باقية كما هي (#{ $id }).
cancel_which_day = أي يوم تريد إلغاءه؟ اكتب مثلًا «/cancel #{ $id } 10 December». لإيقاف السلسلة كلها، اكتب «/delete #{ $id }».
cancel_not_that_day = النشاط #{ $id } لا يُقام يوم { $day }، لذلك لا يوجد شيء لإلغائه في ذلك اليوم. شاهد المواعيد بكتابة «/mine».
window_upcoming = في الأشهر الثلاثة القادمة
about_topic = عن «{ $topic }»
about_place = في { $place }
tag_children = للأطفال
tag_free = مجانًا
tag_music = مع موسيقى
tag_sport = مع رياضة وحركة
tag_food = مع طعام
tag_nature = في الهواء الطلق
tag_culture = مع ثقافة وفن
tag_seniors = لكبار السن
whatson_about_heading = ما يحدث { $window } – { $about }:
whatson_about_none = لا أعرف عن أي شيء { $about } { $window }. إذا كنت تعرف شيئًا، أخبرني وسأضيفه.
window_christmas_holiday = في عطلة عيد الميلاد
clash_same_kind = نفس نوع النشاط
clash_own_duplicate = لقد أرسلت من قبل #{ $id } «{ $title }» بنفس العنوان والوقت. هل هي نفس الفعالية؟ إذن احذف واحدة منهما بكتابة «/delete #{ $id }».
clash_own_overlap = لديك أيضًا #{ $id } «{ $title }» في نفس الوقت.
pending_maybe_duplicate = ربما هي نفس #{ $id }
window_days = من { $from } إلى { $to }
until_day = حتى { $day }
still_button_yes = ✅ نعم، ما زال يُقام
still_button_no = لا، لقد توقف
still_happening_question = مرحبًا! هل ما زال «{ $title }» (#{ $id }، { $rule }) يُقام؟ أجب «yes» فيبقى في التقويم، أو «no» وسأوقفه بعد اليوم.
still_happening_yes = شكرًا! «{ $title }» (#{ $id }) سيبقى في التقويم. سأسألك مرة أخرى بعد بضعة أسابيع.
still_happening_no = شكرًا لأنك أخبرتني. تم إيقاف «{ $title }» (#{ $id }) بعد { $day }، ولن يظهر بعد الآن.
still_happening_unanswered = لمشرفي المجموعة: لم يُجب { $name } عمّا إذا كان «{ $title }» (#{ $id }) ما زال يُقام. ما زال في التقويم. تحقّقوا مع المنظم – أو أوقفوه بكتابة «/delete #{ $id }».
still_happening_hidden = لمشرفي المجموعة: لم يُجب { $name } عمّا إذا كان «{ $title }» (#{ $id }) ما زال يُقام، لذلك تم إخفاؤه، وهو ينتظر الموافقة من جديد. انظروا «/pending».
cancel_words_unknown = لا أجد نشاطًا باسم «{ $what }» أرسلته أنت. شاهد مشاركاتك بكتابة «/mine»، وألغِ يومًا بكتابة «/cancel #N date».
moved_one = تم النقل: «{ $title }» يوم { $from } أصبح الآن يوم { $to }. المواعيد الأخرى كما كانت (#{ $id }).
move_how = اكتب أي يوم يُنقل وإلى أين، مثلًا «/move #{ $id } 10 December to 11 December at 7pm».
not_a_series = المشاركة #{ $id } ليست نشاطًا منتظمًا. غيّر يومها ووقتها بكتابة «/edit #{ $id } …».
window_coming = في الأيام السبعة القادمة
weekday_1 = الاثنين
weekday_2 = الثلاثاء
weekday_3 = الأربعاء
weekday_4 = الخميس
weekday_5 = الجمعة
weekday_6 = السبت
weekday_7 = الأحد
month_1 = يناير
month_2 = فبراير
month_3 = مارس
month_4 = أبريل
month_5 = مايو
month_6 = يونيو
month_7 = يوليو
month_8 = أغسطس
month_9 = سبتمبر
month_10 = أكتوبر
month_11 = نوفمبر
month_12 = ديسمبر
date_long = { $weekday } { $day } { $month } { $year }
day_month_long = { $day } { $month } { $year }
day_month_short = { $day } { $month }
check_weekday = من فضلك تحقّق من تاريخ «{ $title }» (#{ $id }): { $day_month } يوافق يوم { $actual }، وليس يوم { $said }. هل تقصد { $date }؟{ $passed } أجب «yes» – أو اكتب اليوم الصحيح، مثلًا «{ $other }».
check_far = من فضلك تحقّق من تاريخ «{ $title }» (#{ $id }): { $date } بعيد جدًا. هل هناك خطأ في كتابة السنة؟ أجب «yes» إذا كان التاريخ صحيحًا – أو اكتب اليوم الصحيح، مثلًا «{ $example }»، أو «cancel».
ask_again_far = لا أستطيع حفظ «{ $title }» (#{ $id }) لموعد بعيد إلى هذا الحد. اكتب اليوم الصحيح، مثلًا «Saturday» أو «15 December» – أو «cancel» لإلغائه.
check_also_passed = {" "}وقد مضى هذا اليوم أيضًا.
check_passed = من فضلك تحقّق من تاريخ «{ $title }» (#{ $id }): { $date } قد مضى. هل هي رسالة قديمة أم خطأ في الكتابة؟ اكتب اليوم الصحيح، مثلًا «{ $example }» – أو «cancel».
ask_again_passed = هذا اليوم قد مضى، لذلك لا أستطيع أن أعرض «{ $title }» على الآخرين بعد. اكتب اليوم الصحيح، مثلًا «Saturday» أو «15 December» – أو «cancel» لإلغاء #{ $id }.
ask_right_date = إذن في أي يوم «{ $title }» (#{ $id })؟ اكتب مثلًا «Saturday» أو «15 December» – أو «cancel» لإلغائه.
date_short = { $weekday } { $day } { $month }
deleted = تم سحب #{ $id }، ولن يظهر بعد الآن.
cancelled = حسنًا، تم إلغاء #{ $id } ولن يظهر.
not_found = لا أجد #{ $id }. شاهد ما أرسلته بكتابة «/mine».
not_yours = المشاركة #{ $id } ليست لك، لذلك لا يمكنك تغييرها. تواصل مع أحد المشرفين إذا كان هناك خطأ.
which_delete = أيّ مشاركة تريد أن أحذف؟ اكتب رقمها، مثلًا «/delete #number». شاهد مشاركاتك بكتابة «/mine».
which_correct = اكتب الرقم والتصحيح، مثلًا «/edit #number Sunday at 11am». شاهد مشاركاتك بكتابة «/mine».
which_anonymous = اكتب رقم القصة، مثلًا «/anonymous #number». شاهد مشاركاتك بكتابة «/mine».
already_withdrawn = تم سحب #{ $id } من قبل.
correct_nothing = لم أجد شيئًا لتصحيحه. اكتب مثلًا «/edit #{ $id } Sunday at 11am» أو «/edit #{ $id } at the library».
mine_heading = ما أرسلته:
mine_none = لم ترسل شيئًا بعد. اكتب مثلًا «Story: …» أو «Litter pick at Ishøj Strand on Sunday at 10am».
kind_event = فعالية
kind_story = قصة
status_published = تم النشر
status_incomplete = تفاصيل ناقصة
status_withdrawn = تم السحب
anonymous_name = شخص مجهول
platform_console = وحدة التحكم
platform_matrix = Matrix
platform_discord = Discord
platform_telegram = Telegram
unknown_command = لا أعرف الأمر «/{ $command }». اكتب «/help» لترى ما أستطيع فعله.
unknown = لم أفهم ذلك جيدًا. هذه بعض الأشياء التي يمكنك فعلها:
unknown_event = أخبرني عن فعالية: «Litter pick at Ishøj Strand on Sunday at 10am»
unknown_story = شارك قصة: «Story: Café Solstrålen turned 1 today»
unknown_query = اسأل: «ماذا يحدث في نهاية الأسبوع؟»
unknown_help = اكتب «/help» لترى كل ما أستطيع فعله.
help_heading = مرحبًا! أجمع فعاليات البلدة وقصصها الجميلة في مكان واحد.
help_event = أخبرني عن فعالية: اكتب ماذا ومتى وأين، مثلًا «Litter pick at Ishøj Strand on Sunday 14 June at 10am» (أو «/event …»).
help_story = شارك قصة جميلة: «Story: …» أو «/story …».
help_query = اسأل عمّا يحدث: «ماذا يحدث في نهاية الأسبوع؟»، «ماذا يحدث غداً؟»، «ما هي الفعاليات الأسبوع القادم؟» أو «/whatson». ويمكنك أن تسأل بالإنجليزية أيضاً: «at Christmas»، «anything for kids on Saturday?».
help_mine = شاهد ما أرسلته: «/mine». للتصحيح: «/edit #number Sunday at 11am». للحذف: «/delete #number». الأنشطة المنتظمة («every Thursday at 6pm»): ألغِ يومًا واحدًا بكتابة «/cancel #number 10 December»، وانقل يومًا بكتابة «/move #number 10 December to 11 December».
error = عذرًا، حدث خطأ من جهتي ولم تُحفظ رسالتك. حاول مرة أخرى بعد قليل من فضلك.
awaiting_approval = سيرى الآخرون مشاركتك عندما يوافق عليها أحد المشرفين. سأخبرك هنا.
pending_marker = بانتظار الموافقة
admin_only = يستطيع مشرفو المجموعة فقط استخدام «/{ $command }». اسأل أحد المشرفين إذا كنت ترى أن شيئًا يجب أن يتغير.
pending_heading = بانتظار الموافقة:
pending_none = لا يوجد شيء بانتظار الموافقة. أحسنتم!
pending_hint = وافق بكتابة «/approve #{ $id }» أو ارفض بكتابة «/reject #{ $id } reason». ويمكنك التصحيح أولًا بكتابة «/edit #{ $id } …».
appeals_heading = اعتراضات على قرارات الإشراف:
approved_admin = تمت الموافقة على #{ $id } وتم نشره الآن. لقد أخبرتُ { $name }.
approved_notice = خبر سار! تمت الموافقة على { $your_kind } «{ $title }» (#{ $id })، وأصبحت المشاركة ظاهرة للجميع الآن.
already_approved = تمت الموافقة على #{ $id } من قبل.
not_pending = المشاركة #{ $id } لا تنتظر الموافقة (الحالة: { $status }).
not_in_group = المشاركة #{ $id } تابعة لمجموعة أخرى، ولست مشرفًا فيها.
reaction_reject_reason = قرر أحد المشرفين أنها غير مناسبة هنا
reject_needs_reason = أضف من فضلك سببًا قصيرًا أستطيع أن أنقله، مثلًا «/reject #{ $id } needs a time and a place».
rejected_admin = تم رفض #{ $id }. لقد أخبرتُ { $name } بالسبب الذي كتبته.
rejected_notice = لم تتم الموافقة على { $your_kind } «{ $title }» (#{ $id }). السبب: { $reason }. يمكنك تصحيح { $it } بكتابة «/edit #{ $id } …»، أو الاعتراض بكتابة «/appeal #{ $id } …».
which_approve = اكتب الرقم، مثلًا «/approve #number». شاهد ما ينتظر الموافقة بكتابة «/pending».
which_reject = اكتب الرقم والسبب، مثلًا «/reject #number needs a place».
announce_event = فعالية جديدة: { $title }
resubmitted = شكرًا، تم حفظ تصحيحك. المشاركة #{ $id } تنتظر الموافقة من جديد.
guideline_intro = مرحبًا { $name }. رسالتك في { $channel } لا تلتزم بقواعد المجموعة:
guideline_deleted = لذلك تمت إزالتها.
guideline_not_deleted = لم تتم إزالتها هنا، لكن تم إبلاغ مشرفي المجموعة.
guideline_appeal = هل هذا خطأ؟ اكتب لي «/appeal M{ $entry } …» وسينظر فيه أحد المشرفين.
guideline_submission = لم أحفظ رسالتك، لأنها لا تلتزم بقواعد المجموعة:
guideline_submission_fix = صحّحها من فضلك وأرسلها مرة أخرى.
rule_banned_word = فيها كلمة لا تسمح بها المجموعة («{ $matched }»). اكتبها من فضلك بدون هذه الكلمة.
rule_banned_pattern = فيها شيء لا تسمح به المجموعة («{ $matched }»).
rule_spam = تبدو كإعلان أو رسالة مزعجة («{ $matched }»). الإعلانات لا مكان لها هنا.
rule_links = الروابط مثل { $matched } غير مسموح بها هنا.
rule_caps = مكتوبة بأحرف كبيرة كثيرة ({ $matched })، وهذا يبدو كالصراخ. استخدم الأحرف العادية من فضلك.
rule_flood = أرسلت رسائل كثيرة بسرعة وراء بعضها. اجمعها من فضلك في رسالة واحدة.
rule_repeat = أُرسلت نفس الرسالة عدة مرات. مرة واحدة تكفي.
rule_new_member = الأعضاء الجدد لا يستطيعون إرسال روابط في البداية. حاول مرة أخرى لاحقًا، أو اسأل أحد المشرفين.
rule_length = الرسالة طويلة جدًا ({ $matched }). اجعلها أقصر من فضلك.
escalated_mute = حصل { $name } على تحذيرات كثيرة جدًا، ولا يستطيع الكتابة لمدة { $minutes ->
        [zero] { $minutes } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }.
escalated_ban = حصل { $name } على تحذيرات كثيرة جدًا، وتم حظره من المجموعة.
escalated_admins = إلى المشرفين: عدد التحذيرات التي حصل عليها { $name } في وقت قصير: { $strikes }. انظروا «/log».
cannot_enforce = إلى المشرفين: رسالة من { $name } خالفت القاعدة «{ $rule }»، لكنني لا أستطيع { $what } هنا. انظروا «/log».
log_heading = سجل الإشراف (الأحدث أولًا):
log_none = السجل فارغ. لم يخالف أحد القواعد بعد.
log_undone = تم الإلغاء
log_appeal = اعتراض
unstrike_done = تم إلغاء التحذير M{ $entry }، ولم يعد محسوبًا.
unstrike_which = اكتب «/unstrike» والرقم من السجل (يبدأ بحرف M).
appeal_sent = شكرًا. تم إرسال اعتراضك إلى المشرفين، وسينظرون فيه.
appeal_which = اكتب «/appeal» والرقم وشرحك. الرقم موجود في رسالتي إليك: يبدأ بحرف M (ملاحظة عن القواعد) أو بعلامة # (مشاركتك).
appeal_not_yours = لا أجد M{ $entry } بين تحذيراتك.
submission_appeal_sent = شكرًا. المشاركة #{ $id } تنتظر الموافقة من جديد، مع اعتراضك.
trust_revoked = من الآن، تحتاج مشاركات { $name } إلى موافقة من جديد.
trust_restored = تمت استعادة الثقة في { $name }.
which_user = اكتب معرّف المستخدم، مثلًا «/distrust mette».
rules_heading = القواعد في { $group }:
rules_banned_words = بعض الكلمات غير مسموح بها ({ $count ->
        [zero] { $count } كلمة في القائمة
        [one] كلمة واحدة في القائمة
        [two] كلمتان في القائمة
        [few] { $count } كلمات في القائمة
        [many] { $count } كلمة في القائمة
       *[other] { $count } كلمة في القائمة
    }).
rules_spam = تُحذف الإعلانات والرسائل المزعجة.
rules_links_none = الروابط غير مسموح بها.
rules_links_allowlist = الروابط مسموح بها فقط إلى: { $domains }.
rules_max_links = لا تضع أكثر من { $count ->
        [zero] { $count } رابط
        [one] رابط واحد
        [two] رابطين
        [few] { $count } روابط
        [many] { $count } رابطًا
       *[other] { $count } رابط
    } في الرسالة الواحدة.
rules_caps = لا تكتب بالأحرف الكبيرة (على الأكثر { $percent }%).
rules_flood = لا ترسل أكثر من { $count ->
        [zero] { $count } رسالة
        [one] رسالة واحدة
        [two] رسالتين
        [few] { $count } رسائل
        [many] { $count } رسالة
       *[other] { $count } رسالة
    } خلال { $seconds ->
        [zero] { $seconds } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانية
       *[other] { $seconds } ثانية
    }.
rules_repeat = لا ترسل نفس الرسالة { $count ->
        [zero] { $count } مرة
        [one] مرة واحدة
        [two] مرتين
        [few] { $count } مرات
        [many] { $count } مرة
       *[other] { $count } مرة
    }.
rules_new_member = الأعضاء الجدد لا يستطيعون إرسال روابط خلال { $hours ->
        [zero] أول { $hours } ساعة
        [one] الساعة الأولى
        [two] أول ساعتين
        [few] أول { $hours } ساعات
        [many] أول { $hours } ساعة
       *[other] أول { $hours } ساعة
    }.
rules_new_member_messages = الأعضاء الجدد لا يستطيعون إرسال روابط في { $count ->
        [zero] أول { $count } رسالة
        [one] رسالتهم الأولى
        [two] أول رسالتين
        [few] أول { $count } رسائل
        [many] أول { $count } رسالة
       *[other] أول { $count } رسالة
    }.
rules_length = لا تكتب أكثر من { $count ->
        [zero] { $count } حرف
        [one] حرف واحد
        [two] حرفين
        [few] { $count } أحرف
        [many] { $count } حرفًا
       *[other] { $count } حرف
    } في الرسالة الواحدة.
rules_escalation = بعد { $count ->
        [zero] { $count } تحذير
        [one] تحذير واحد
        [two] تحذيرين
        [few] { $count } تحذيرات
        [many] { $count } تحذيرًا
       *[other] { $count } تحذير
    } خلال { $hours ->
        [zero] { $hours } ساعة
        [one] ساعة واحدة
        [two] ساعتين
        [few] { $hours } ساعات
        [many] { $hours } ساعة
       *[other] { $hours } ساعة
    }: { $what }.
rules_escalation_mute = المنع من الكتابة لمدة { $minutes ->
        [zero] { $minutes } دقيقة
        [one] دقيقة واحدة
        [two] دقيقتين
        [few] { $minutes } دقائق
        [many] { $minutes } دقيقة
       *[other] { $minutes } دقيقة
    }
rules_escalation_ban = الحظر من المجموعة
rules_escalation_admins = إبلاغ المشرفين
rules_approval_always = يوافق أحد المشرفين على المشاركات الجديدة قبل أن تظهر.
rules_approval_never = تظهر المشاركات الجديدة فورًا.
rules_approval_trusted = تظهر مشاركاتك فورًا بعد الموافقة على { $count ->
        [zero] { $count } مشاركة لك
        [one] مشاركة واحدة لك
        [two] مشاركتين لك
        [few] { $count } مشاركات لك
        [many] { $count } مشاركة لك
       *[other] { $count } مشاركة لك
    }؛ وحتى ذلك الحين يوافق عليها أحد المشرفين أولًا.
digest_heading = الأسبوع في { $group }
digest_events = ما يحدث في الأيام السبعة القادمة:
digest_no_events = لا توجد فعاليات في الأسبوع القادم بعد. هل تعرف فعالية؟ أخبرني، مثلًا «Litter pick at Ishøj Strand on Sunday at 10am».
digest_stories = قصص جميلة هذا الأسبوع:
digest_story_by = من رواية { $name }
digest_thanks = { $count ->
        [zero] شكرًا لكم يا { $names } على مساهماتكم!
        [one] شكرًا لك يا { $names } على مساهمتك!
        [two] شكرًا لكما يا { $names } على مساهماتكما!
        [few] شكرًا لكم يا { $names } على مساهماتكم!
        [many] شكرًا لكم يا { $names } على مساهماتكم!
       *[other] شكرًا لكم يا { $names } على مساهماتكم!
    }
digest_and = و
digest_invite = هل لديك قصة جميلة أو فعالية؟ اكتب لي، مثلًا «Story: …».
status_pending = بانتظار الموافقة
status_rejected = تم الرفض
window_month = في شهر { $month }
event_next_year = ملاحظة: هذا التاريخ في السنة القادمة. هل تقصد يومًا آخر؟ صحّحه بكتابة «/edit #{ $id } …».
not_yours_delete = المشاركة #{ $id } ليست لك، لذلك لا يمكنك حذفها. تواصل مع أحد المشرفين إذا كان هناك خطأ.
thanks_reply = على الرحب والسعة! اكتب لي عندما تعرف عن فعالية أو تكون لديك قصة جميلة.
greeting_reply = مرحبًا! أجمع فعاليات البلدة وقصصها الجميلة. اكتب «/help» لترى ما أستطيع فعله.
nothing_to_cancel = لا يوجد شيء لإلغائه الآن. شاهد ما أرسلته بكتابة «/mine».
clash_duplicate = نفس العنوان – هل هي نفس الفعالية؟
delivery_failed = إلى المشرفين: لم يمكن توصيل رسالة إلى { $channel } بعد عدة محاولات ({ $error }). تحقّقوا من فضلكم أن البوت ما زال في القناة.
button_ok = 👍 صحيح
button_fix = ✏️ تصحيح
button_cancel = ✖️ إلغاء
button_approve = ✅ موافقة على #{ $id }
button_reject = ❌ رفض #{ $id }
button_fix_hint = اكتب تصحيحك، مثلًا «/edit #{ $id } Sunday at 11am» أو «/edit #{ $id } place: the library».
digest_places = أماكن جديدة على الخريطة:
digest_recurring = أنشطة منتظمة جديدة:
digest_recurring_item = { $count ->
        [zero] { $count } مرة
        [one] مرة واحدة
        [two] مرتان
        [few] { $count } مرات
        [many] { $count } مرة
       *[other] { $count } مرة
    } في الأسابيع الأربعة القادمة، أول مرة: { $date }


# Places residents add ("New place: …") and ask about ("where is …?").
kind_place = مكان
your_kind_event = فعاليتك
your_kind_story = قصتك
your_kind_place = مكانك
it_kind_event = الفعالية
it_kind_story = القصة
it_kind_place = المكان
place_needs_name = ما اسم المكان؟ اكتب مثلًا «New place: The dog park by Ishøj Strand»، وإذا استطعت أضف رابطًا من OpenStreetMap أو Google Maps.
place_known = شكرًا! أعرف { $name } من قبل.
place_saved = شكرًا! حفظتُ المكان «{ $name }» برقم #{ $id }.
place_updated = تم التصحيح! تم تحديث المكان «{ $name }» (#{ $id }).
place_kind_line = نوع المكان: { $kind }.
place_on_map = سيظهر على خريطة أماكن البلدة.
place_no_map = لم أجد موقعًا. أرسل من فضلك رابطًا من OpenStreetMap أو Google Maps، أو إحداثيات مثل 55.61, 12.35: اكتب «/edit #{ $id }» ثم الرابط.
place_not_known = لا أعرف «{ $place }» بعد. هل تعرف هذا المكان؟ اكتب «New place: { $place }» مع رابط خريطة، وسيُضاف.
place_where = { $name }:
place_where_address = { $name }: { $address }.
place_where_kind = { $name } ({ $kind }).
place_map_link = الخريطة: { $link }
place_no_link = ليست لديّ خريطة لهذا المكان بعد.
place_kind_playground = ملعب أطفال
place_kind_dog_park = حديقة كلاب
place_kind_cafe = مقهى
place_kind_culture_house = مركز ثقافي
place_kind_library = مكتبة
place_kind_park = حديقة
place_kind_beach = شاطئ وميناء
place_kind_sports = رياضة وحركة
place_kind_community_house = مركز مجتمعي
place_kind_nature = طبيعة


# Drafts for the communication team (/press, /newsletter).
draft_when = متى
draft_where = أين
draft_link = اقرأ المزيد
draft_contact = { $group } عبر { $platform }
draft_missing_place = أين تُقام
draft_missing_photo = صورة (اطلب الإذن لاستخدامها)
draft_missing_quote = اقتباس من شخص كان هناك
draft_missing_details = تفاصيل أكثر: من كان وراءها، وماذا حدث
draft_missing_name = اسم شخص للتواصل (راوي القصة لا يريد ذكر اسمه)
draft_failed = لم يمكن إعداد المسودة الآن. حاول مرة أخرى، أو أخبر من يدير البوت.
draft_admins_only = مسودات البيانات الصحفية والنشرات الإخبارية لمشرفي المجموعة فقط.
draft_which = اكتب الرقم، مثلًا «/press #number». شاهد مشاركاتك بكتابة «/mine»، أو قائمة الانتظار بكتابة «/pending».
draft_not_published = لم تتم الموافقة على #{ $id } بعد. وافق عليه أولًا بكتابة «/approve #{ $id }».
draft_not_story = المشاركة #{ $id } ليست قصة ولا فعالية.


# The toolbox (/toolbox) and follow-up questions for short stories.
toolbox_heading = صندوق الأدوات – أدلة قصيرة:
toolbox_hint = اكتب «/toolbox 1» لقراءة الدليل الأول.
toolbox_unknown = ليس لديّ دليل عن «{ $asked }».
help_toolbox = نصائح للكتابة ورواية القصص: «/toolbox».
coach_intro = سؤالان قصيران قد يجعلان القصة أجمل. أجب عنهما، أو اكتب «skip».
coach_who_where = من كان وراءها، وأين حدثت؟
coach_quote = هل يمكننا استخدام كلمات منك كاقتباس؟ اكتبها كما تقولها.
coach_photo_consent = هل يمكننا عرض الصورة في النشرة الإخبارية وعلى الموقع، وهل وافق كل من يظهر فيها؟ أجب «yes» أو «no».
photo_alone = شكرًا على الصورة! اكتب من فضلك بضع كلمات عنها كقصة: «Story: …»، وأرسل الصورة معها.
coach_quote_please = رائع! اكتب الاقتباس كما تقوله – أو «skip».
coach_done = شكرًا! القصة #{ $id } جاهزة.

export_title = قصص
export_told_by = رواها
export_anonymous = رواها أحد السكان
export_missing = ينقص:

# The web calendar (web_… keys; pages, feeds and the embed).
web_skip = انتقل إلى المحتوى
web_nav_label = الصفحات
web_calendar = التقويم
web_stories = القصص
web_places = الأماكن
web_about = من نحن وكيف تنضم
web_languages = اللغات
web_upcoming = ما يحدث
web_upcoming_intro = فعاليات من سكان { $title }، وافق عليها متطوعون. راسل البوت لتشارك فعالياتك.
web_nothing = لا توجد فعاليات في هذه الفترة بعد.
web_nothing_filtered = لا توجد فعاليات تطابق اختيارك. جرّب إزالة أحد الاختيارات.
web_filter = اختر
web_filter_day = اليوم
web_filter_place = المكان
web_filter_tag = الموضوع
web_filter_any = الكل
web_filter_apply = اعرض
web_filter_clear = امسح
web_more_events = هناك فعاليات أكثر مما تستطيع هذه الصفحة عرضه. اختر يومًا لترى كل الفعاليات.
web_when = متى
web_where = أين
web_repeats = يتكرر
web_next_times = المواعيد القادمة
web_interested = { $count ->
        [zero] { $count } شخص مهتم
        [one] شخص واحد مهتم
        [two] شخصان مهتمان
        [few] { $count } أشخاص مهتمون
        [many] { $count } شخصًا مهتمًا
       *[other] { $count } شخص مهتم
    }
web_add_to_calendar = أضف إلى تقويمك (.ics)
web_back_to_calendar = العودة إلى التقويم
web_show_on_map = اعرض على الخريطة
web_stories_intro = قصص جميلة من الحياة اليومية، يرويها السكان.
web_no_stories = لا توجد قصص بعد. اروِ القصة الأولى: أرسل «Story: …» إلى البوت.
web_story_by = رواها { $name }
web_story_anonymous = رواها أحد السكان
web_read_more = اقرأ المزيد
web_photo = صورة
web_places_intro = أماكن في البلدة: ملاعب أطفال، وحدائق كلاب، ومقاهٍ، ومراكز ثقافية، وغيرها.
web_no_places = لا توجد أماكن بعد.
web_map_label = خريطة الأماكن
web_map_fallback = الخريطة تحتاج إلى JavaScript. كل الأماكن موجودة في القائمة أدناه.
web_events_here = يحدث هنا
web_open_map = افتح الخريطة
web_also_called = يُسمّى أيضًا
web_about_intro = يجمع { $title } مجتمعات البلدة من عدة قنوات دردشة في مكان واحد. يشارك السكان الفعاليات والقصص الجميلة، ويوافق عليها متطوعون.
web_join = انضم
web_join_link = انضم
web_no_channels = لا توجد قنوات لعرضها بعد.
web_how_to = كيف تشارك فعالية
web_how_to_text = راسل البوت في إحدى القنوات، مثلًا: «Swap market at Glashuset Saturday 10am-2pm». سيسألك البوت إذا كان شيء ناقصًا.
web_feeds = التقويم والأخبار في تطبيقاتك
web_feed_ics = التقويم (iCalendar)
web_feed_atom = القصص (Atom)
web_feed_json = الفعاليات (JSON)
web_feed_places = الأماكن (GeoJSON)
web_groups = المجتمعات
web_groups_intro = اختر مجتمعًا لترى تقويمه.
web_not_found_title = الصفحة غير موجودة
web_not_found = لم نجد هذه الصفحة. ربما انتهت الفعالية أو تم سحبها.
web_bad_request_title = لا يمكننا عرض ذلك
web_go_home = اذهب إلى الصفحة الرئيسية
web_error_title = حدث خطأ
web_error = لا يمكن عرض التقويم الآن. حاول مرة أخرى بعد قليل.
web_bad_day = «{ $value }» ليس تاريخًا. اكتبه هكذا: 2026-12-05.
web_bad_tag = «{ $value }» ليس موضوعًا نعرفه. اختر واحدًا من القائمة.
web_bad_count = «{ $value }» ليس رقمًا بين 1 و20.
web_bad_item = «{ $value }» ليس رقم فعالية.
web_embed_title = قريبًا
web_embed_all = شاهد التقويم كاملًا
web_all_day = طوال اليوم
web_today = اليوم
web_tomorrow = غدًا
web_platform_channels = القنوات على { $platform }

# What broke a rule, measured (the moderation log and the notes say it in
# the reader's language).
measure_links = { $count ->
        [zero] { $count } رابط
        [one] رابط واحد
        [two] رابطان
        [few] { $count } روابط
        [many] { $count } رابطًا
       *[other] { $count } رابط
    }
measure_caps = نسبة الأحرف الكبيرة { $count }%
measure_flood = { $count ->
        [zero] { $count } رسالة
        [one] رسالة واحدة
        [two] رسالتان
        [few] { $count } رسائل
        [many] { $count } رسالة
       *[other] { $count } رسالة
    } خلال { $seconds ->
        [zero] { $seconds } ثانية
        [one] ثانية واحدة
        [two] ثانيتين
        [few] { $seconds } ثوانٍ
        [many] { $seconds } ثانية
       *[other] { $seconds } ثانية
    }
measure_repeat = تكرار { $count ->
        [zero] { $count } مرة
        [one] مرة واحدة
        [two] مرتين
        [few] { $count } مرات
        [many] { $count } مرة
       *[other] { $count } مرة
    }: «{ $text }»
measure_length = { $count ->
        [zero] { $count } حرف
        [one] حرف واحد
        [two] حرفان
        [few] { $count } أحرف
        [many] { $count } حرفًا
       *[other] { $count } حرف
    }
measure_strikes = { $count ->
        [zero] { $count } تحذير
        [one] تحذير واحد
        [two] تحذيران
        [few] { $count } تحذيرات
        [many] { $count } تحذيرًا
       *[other] { $count } تحذير
    }
# Rule and action names in “/log” and in notes to the admins.
log_rule_banned_word = كلمة ممنوعة
log_rule_banned_pattern = نص ممنوع
log_rule_spam = إعلان أو رسالة مزعجة
log_rule_links = روابط
log_rule_caps = أحرف كبيرة
log_rule_flood = رسائل كثيرة بسرعة
log_rule_repeat = نفس الرسالة عدة مرات
log_rule_new_member = رابط من عضو جديد
log_rule_length = رسالة طويلة جدًا
log_rule_escalation = تحذيرات كثيرة جدًا
log_rule_admin_command = أمر للمشرفين فقط
log_rule_decision = قرار
log_action_note = ملاحظة خاصة
log_action_delete = تم الحذف
log_action_mute = تم المنع من الكتابة
log_action_ban = تم الحظر
log_action_tell_admins = تم إبلاغ المشرفين
log_action_refused = لم يُسمح به
log_action_approved = تمت الموافقة
log_action_rejected = تم الرفض
# What the bot could not do (“… but I cannot { $what } here”).
cannot_delete = حذف الرسائل
cannot_mute = منع الأشخاص من الكتابة
cannot_ban = حظر الأشخاص

# A person's own language (“/language tr”).
language_set = من الآن سأرد عليك بهذه اللغة: { $language }.
language_cleared = سأرد عليك من جديد باللغة التي تكتب بها (أو بلغة القناة).
language_choices = اختر لغتك بكتابة «/language» ثم رمز اللغة: { $list }. لإلغاء الاختيار اكتب «/language off».
language_unknown = لا أعرف هذه اللغة («{ $choice }»). اللغات التي أعرفها: { $list }.
language_submissions_in_danish_or_english = أستطيع قراءة الفعاليات والقصص بالدنماركية أو الإنجليزية فقط؛ لكن يمكنك أن تسألني بلغتك عمّا يحدث.
help_language = اختر لغتك: «/language» ({ $languages }).

## قوائم الأوامر في Discord وTelegram: ماذا يفعل كل أمر (100 حرف على الأكثر).
command_about_help = ماذا يستطيع Vores أن يفعل
command_about_story = شارك قصة جميلة من المدينة
command_about_event = أخبرنا عن فعالية: ماذا، أين، متى
command_about_whatson = ماذا يحدث (مثلاً في عطلة نهاية الأسبوع)
command_about_mine = ما أرسلته
command_about_delete = اسحب أحد ما أرسلته (#الرقم)
command_about_cancel = ألغِ يوماً من نشاط منتظم: #الرقم واليوم
command_about_move = انقل يوماً من نشاط منتظم: #الرقم، اليوم، إلى متى
command_about_correct = صحّح ما أرسلته: #الرقم والتفاصيل الجديدة
command_about_anonymous = اعرض قصتك بدون اسمك (#الرقم)
command_about_rules = قواعد النشر في المجموعة
command_about_appeal = اعترض على قرار (#الرقم أو رقم M) وقل لماذا
command_about_language = اختر اللغة التي أرد عليك بها
command_about_place = أضف مكاناً إلى خريطة المدينة: الاسم ثم رابط الخريطة
command_about_toolbox = أدلة قصيرة: احكِ قصة، أعلن عن فعالية، الصور
command_about_pending = للمشرفين: ما ينتظر الموافقة
command_about_approve = للمشرفين: وافق على ما أُرسل (#الرقم)
command_about_reject = للمشرفين: ارفض ما أُرسل: #الرقم والسبب
command_about_log = للمشرفين: سجل الإشراف
command_about_unstrike = للمشرفين: تراجع عن خطوة إشراف (رقم M)
command_about_distrust = للمشرفين: راجع دائماً منشورات هذا الشخص
command_about_trust = للمشرفين: ثق بهذا الشخص مجدداً
command_about_press = للمشرفين: مسودة بيان صحفي عن قصة أو فعالية
command_about_newsletter = للمشرفين: فقرة للنشرة الإخبارية عن قصة أو فعالية
command_about_subscribe = احصل على أخبار الأسبوع في رسالة خاصة
command_about_unsubscribe = أوقف أخبار الأسبوع في الرسائل الخاصة
command_about_link = اربط حساباتك على عدة منصات (رمز)
command_about_unlink = افصل حساباتك الأخرى
command_option_text = نصّك
command_option_number = #الرقم

## Their own data (GDPR): /mine data, /glem mig.
my_data_heading = هذا ما أحتفظ به عنك:
my_data_submissions = عدد ما أرسلته: { $count } (اعرضه بـ «/mine»)
my_data_log = عدد الملاحظات في سجل الإشراف: { $count }
my_data_channels = أنك كتبت في { $count } من القنوات (لقواعد الأعضاء الجدد)
my_data_interest = عدد الفعاليات التي أبديت اهتمامك بها: { $count }
my_data_messages = عدد رسائلي إليك أو عنك: { $count }
my_data_language = اللغة التي اخترتها: { $language }
my_data_trust = هل قرر المشرفون الوثوق بك أو مراجعة منشوراتك دائماً
my_data_links = أن حسابك مرتبط بعدد { $count } من الحسابات الأخرى («/unlink»)
my_data_subscription = أنك تتلقى الأخبار في رسالة خاصة («/unsubscribe»)
my_data_file = كل ذلك موجود أيضاً في الملف { $file }، إذا كان تطبيقك يستقبل الملفات.
my_data_nothing = لا أحتفظ بأي شيء عنك.
my_data_forget = هل تريد حذفه؟ اكتب «/forget me».
sent_privately = أرسلت إليك الجواب في رسالة خاصة.
forget_confirm = سأحذف كل ما أحتفظ به عنك: ما أرسلته ولم يُنشر، ولغتك، واهتمامك، ومحادثاتك معي. ما نُشر يبقى بدون اسمك، ولا يبقى في سجل الإشراف إلا أن قاعدة طُبّقت. لا يمكن التراجع عن ذلك. اكتب «/forget me confirm» لتنفيذه.
forget_done = لقد نسيتك: حُذف { $deleted }، ويبقى { $kept } بدون اسمك. شكراً لمشاركتك.
help_privacy = اعرف ما أحتفظ به عنك: «/my data». احذفه: «/forget me».

## Linked accounts: /forbind, /fjernforbindelse.
link_code = رمزك هو { $code }. اكتب لي «/link { $code }» من حسابك الآخر (مثلاً على Telegram أو Discord أو Matrix) خلال { $minutes } دقائق. يعمل الرمز مرة واحدة.
link_done = حساباتك مرتبطة الآن: ثقتك وتحذيراتك و«/mine» ولغتك تسري على الحسابين. صلاحيات المشرف لا تنتقل. للتراجع اكتب «/unlink».
link_done_other = حسابك مرتبط الآن بحسابك على { $platform }. للتراجع اكتب «/unlink».
link_already = هذان الحسابان مرتبطان بالفعل.
link_unknown = لا أعرف هذا الرمز. تحقق منه، أو احصل على رمز جديد بـ «/link» من حسابك الآخر.
link_expired = انتهت صلاحية هذا الرمز (يعمل 10 دقائق). احصل على رمز جديد بـ «/link» من حسابك الآخر.
link_own = هذا رمزك أنت. أرسله إليّ من حسابك الآخر.
link_too_many = جُرّبت رموز خاطئة كثيرة. انتظر ساعة ثم حاول مرة أخرى.
unlink_done = لم يعد حسابك مرتبطاً بحساباتك الأخرى.
unlink_none = حسابك غير مرتبط بحسابات أخرى.
help_link = هل أنت على أكثر من منصة؟ اربط حساباتك بـ «/link».

## The week's news by private message: /abonner, /afmeld.
subscribed = ستصلك الآن أخبار الأسبوع من { $group } في رسالة خاصة هنا على { $platform } كلما أُرسلت النشرة الأسبوعية. للإيقاف اكتب «/unsubscribe».
subscribed_about = ستصلك الآن كل أسبوع رسالة خاصة هنا على { $platform } عمّا يحدث في { $group } – { $about }. فقط في الأسابيع التي يحدث فيها شيء. للإيقاف اكتب «/unsubscribe».
subscribed_daily = ستصلك الآن كل صباح رسالة خاصة هنا على { $platform } عمّا يحدث اليوم في { $group }. فقط في الأيام التي يحدث فيها شيء. للإيقاف اكتب «/unsubscribe».
subscribed_daily_about = ستصلك الآن كل صباح رسالة خاصة هنا على { $platform } عمّا يحدث اليوم في { $group } – { $about }. فقط في الأيام التي يحدث فيها شيء. للإيقاف اكتب «/unsubscribe».
subscribed_reach = لا أستطيع مراسلتك على انفراد إلا إذا راسلتني أنت أولاً (Telegram) أو سمحت بالرسائل الخاصة (Discord)؛ وإلا يتوقف الاشتراك.
subscription_footer = تصلك هذه الرسالة لأنك مشترك. للإيقاف اكتب «/unsubscribe».
unsubscribed = لن تصلك أخبار الأسبوع في رسالة خاصة بعد الآن.
not_subscribed = أنت غير مشترك. ابدأ بـ «/subscribe».
help_subscribe = احصل على الأخبار في رسالة خاصة: «/subscribe» كل أسبوع، «/subscribe daily» كل صباح، «/subscribe kids» للأطفال فقط (للإيقاف «/unsubscribe»).

## Ambassadors: the digest to pass on.
ambassador_intro = شكراً لأنك تنشر أخبار الأسبوع! إليك نسخة يمكنك إعادة إرسالها كما هي:
digest_invite_share = هل تريد أن تخبرنا عن فعالية أو قصة جميلة؟ اكتب إلى { $group } على Telegram أو Discord أو Matrix.

## The console (the demo in a terminal).
console_greeting = Vores — أنت { $name } في #{ $channel }. { $mode } اكتب رسالة واضغط Enter (مثلًا «/help»)؛ Ctrl-D للخروج.
console_greeting_admin = Vores — أنت { $name } (مشرف) في #{ $channel }. { $mode } اكتب رسالة واضغط Enter (مثلًا «/help»)؛ Ctrl-D للخروج.
console_group_chat = هذه محادثة جماعية: اكتب «@vores …» أو أمرًا إلى البوت.
console_private_chat = أنت تتحدث مع البوت على انفراد.
console_private_to = [خاص إلى { $name }]
console_file = [ملف: { $name }]

## What separates the items of a list (with its space).
list_comma = { "، " }

## About the language: its name in itself, its direction (ltr or rtl) and
## other names /sprog and /language accept.
meta_name = العربية
meta_direction = rtl
meta_aliases = عربي, arabic, arabisk, arapça

## How the bot reads this language's "what's on" questions (see TRANSLATING.md):
## times, one "phrase = english time" per line, longer phrases first; words that ask;
## phrases that only look like a question; common words and letters that tell the language.
understand_times =
    نهاية الأسبوع القادم = next weekend
    نهاية الأسبوع المقبل = next weekend
    عطلة نهاية الأسبوع = this weekend
    نهاية الأسبوع = this weekend
    الويكند = this weekend
    الأسبوع القادم = next week
    الأسبوع المقبل = next week
    هذا الأسبوع = this week
    هذا المساء = tonight
    الليلة = tonight
    غداً = tomorrow
    غدا = tomorrow
    بكرة = tomorrow
    بكره = tomorrow
    اليوم = today
    الاثنين = monday
    الثلاثاء = tuesday
    الأربعاء = wednesday
    الخميس = thursday
    الجمعة = friday
    السبت = saturday
    الأحد = sunday
understand_questions = ماذا, شو, ايش, إيش, ما هي, فعاليات, الفعاليات, أنشطة, الأنشطة, نشاطات
