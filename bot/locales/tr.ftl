### Vores — Türkçe (tr)
### Review: machine-translated from en.ftl by the Vores developers' tooling;
### NOT reviewed by a native speaker yet. Operators: have it reviewed before
### offering it, and write here who reviewed it and when.
###
### Keep replies short, warm and plain. { $name } is filled in by the bot;
### keep every variable of a text (see TRANSLATING.md). Commands and the
### example messages residents are told to send stay in English: the bot
### understands only Danish and English.

saved_event = Teşekkürler! Etkinliğini kaydettim (#{ $id }):
updated_event = Düzeltildi! #{ $id } şimdi böyle:
label_title = Başlık
label_day = Gün
label_time = Saat
label_place = Yer
all_day = tüm gün
time_single = { $start }
time_range = { $start }–{ $end }
time_separator = :
place_unknown = belirtilmedi
event_fix_hint = Yanlış bir şey mi var? Örneğin “/edit #{ $id } Sunday at 11am” yaz. İptal etmek için “/delete #{ $id }” yaz.
event_in_past = Dikkat: bu zaman geçmiş. Yanlışlıksa “/edit #{ $id } …” ile düzelt.
ask_date = Teşekkürler, “{ $title }” etkinliğini #{ $id } olarak kaydettim. Hangi gün? Örneğin “Saturday” ya da “15 June” diye cevap ver.
ask_time = Teşekkürler, “{ $title }” etkinliğini #{ $id } olarak kaydettim ({ $day }). Saat kaçta başlıyor? Örneğin “2pm”, “10am to 2pm” ya da “all day” diye cevap ver.
ask_again_date = Cevabında bir gün bulamadım. Örneğin “Saturday” ya da “15 June” yaz – #{ $id } etkinliğinden vazgeçmek için de “cancel” yaz.
ask_again_time = Cevabında bir saat bulamadım. Örneğin “2pm” ya da “all day” yaz – #{ $id } etkinliğinden vazgeçmek için de “cancel” yaz.
invalid_date = Bu tarih takvimde yok. “{ $title }” (#{ $id }) hangi gün? Örneğin “30 June” diye cevap ver.
event_needs_title = Ne olacağını, ne zaman ve nerede olacağını yaz. Örneğin: “Litter pick at Ishøj Strand on Sunday at 10am”.
clash_intro = Bilgin olsun: aynı gün başka bir şey daha var:
clash_same_place = aynı yer
clash_nearby = hemen yakında
clash_same_time = aynı saat
clash_more = … ve o gün { $count } etkinlik daha.
clash_outro = Belki birlikte yapabilir ya da çakışmayı önleyebilirsiniz? Düzenleyenlerle konuşmanı öneririm.
by_line = { $name } tarafından, { $platform } üzerinden
saved_story = Hikâyen için teşekkürler! #{ $id } numarasıyla kaydedildi.
story_named = Hikâyen şu adla gösterilecek: { $name }. Sadece ilk adın için “/firstname #{ $id }” yaz. Hiç ad olmadan: “/anonymous #{ $id }”.
story_named_short = Hikâyen şu adla gösterilecek: { $name }. İsimsiz kalmak istersen “/anonymous #{ $id }” yaz.
story_anonymous = Hikâyen adın olmadan gösterilecek.
story_too_short = Hikâyenin tamamını “Story:” sözünden sonra yaz, örneğin “Story: Café Solstrålen turned 1 today with cake for everyone”.
story_anonymous_done = #{ $id } artık adın olmadan gösteriliyor.
story_first_name_done = #{ $id } artık sadece ilk adınla gösteriliyor: { $name }.
not_a_story = #{ $id } bir hikâye değil, bu yüzden gizlenecek bir ad yok.
story_updated = Düzeltildi! #{ $id } numaralı hikâye güncellendi.
whatson_heading = İşte { $window } neler var:
whatson_none = Henüz { $window } olan bir şey bilmiyorum. Sen biliyor musun? Bana anlat, örneğin “Litter pick at Ishøj Strand on Sunday at 10am”.
whatson_more = … ve { $count } etkinlik daha. Daha kısa bir zaman sor, örneğin “tomorrow”.
window_today = bugün
window_tonight = bu akşam
window_tomorrow = yarın
window_day = { $day } günü
window_weekend = bu hafta sonu
window_next_weekend = gelecek hafta sonu
window_this_week = bu haftanın geri kalanında
window_next_week = gelecek hafta
window_week = { $week }. haftada
window_this_month = bu ayın geri kalanında
window_next_month = gelecek ay
window_christmas = Noel'de
window_christmas_eve = Noel arifesinde
window_new_year = yılbaşında
window_new_years_eve = yılbaşı gecesi
window_easter = Paskalya'da
window_whitsun = Pentekost'ta
window_summer_holiday = yaz tatilinde
window_autumn_holiday = sonbahar tatilinde
window_winter_holiday = kış tatilinde
repeat_daily = her gün
repeat_workdays = hafta içi her gün
repeat_weekly = her { $days }
repeat_weekly_2 = iki haftada bir { $days }
repeat_weekly_3 = üç haftada bir { $days }
repeat_weekly_4 = dört haftada bir { $days }
repeat_monthly = her ayın { $nth } { $day } günü
repeat_until = { $date } tarihine kadar
repeat_count = { $count ->
        [one] toplam { $count } kez
       *[other] toplam { $count } kez
    }
nth_1 = ilk
nth_2 = ikinci
nth_3 = üçüncü
nth_4 = dördüncü
nth_-1 = son
label_repeat = Tekrar
label_next = Sonraki tarihler
digest_series = Bu haftaki düzenli etkinlikler:
digest_series_moved = { $from } yerine şu zamana alındı: { $to }
digest_series_cancelled = { $day } günü iptal
cancelled_one = İptal: “{ $title }” { $day } günü yapılmayacak. Diğer tarihler geçerli (#{ $id }).
cancel_which_day = Hangi gün iptal edilsin? Örneğin “/cancel #{ $id } 10 December” yaz. Bütün seriyi durdurmak için “/delete #{ $id }” yaz.
cancel_not_that_day = #{ $id } { $day } günü yapılmıyor, yani o gün iptal edilecek bir şey yok. Tarihleri “/mine” ile görebilirsin.
window_upcoming = önümüzdeki 3 ayda
about_topic = “{ $topic }” ile ilgili
about_place = { $place } adlı yerde
tag_children = çocuklar için
tag_free = ücretsiz
tag_music = müzikli
tag_sport = spor ve egzersizle ilgili
tag_food = yemekli
tag_nature = açık havada
tag_culture = kültürle ilgili
tag_seniors = yaşlılar için
whatson_about_heading = İşte { $window } neler var – { $about }:
whatson_about_none = Henüz { $window } { $about } bir şey bilmiyorum. Bir şey biliyorsan bana yaz, ben eklerim.
window_christmas_holiday = Noel tatilinde
clash_same_kind = aynı tür etkinlik
clash_own_duplicate = #{ $id } “{ $title }” etkinliğini aynı başlık ve saatle zaten gönderdin. Aynı etkinlik mi? O zaman birini “/delete #{ $id }” ile sil.
clash_own_overlap = Aynı saatte #{ $id } “{ $title }” etkinliğin de var.
pending_maybe_duplicate = #{ $id } ile aynı olabilir
window_days = { $from } – { $to } arasında
until_day = { $day } gününe kadar
still_button_yes = ✅ Evet, hâlâ devam ediyor
still_button_no = Hayır, sona erdi
still_happening_question = Merhaba! “{ $title }” (#{ $id }, { $rule }) hâlâ devam ediyor mu? “yes” diye cevap verirsen takvimde kalır, “no” dersen bugünden sonra durdururum.
still_happening_yes = Teşekkürler! “{ $title }” (#{ $id }) takvimde kalıyor. Birkaç hafta sonra yine soracağım.
still_happening_no = Haber verdiğin için teşekkürler. “{ $title }” (#{ $id }) { $day } gününden sonra sona erdi ve artık gösterilmeyecek.
still_happening_unanswered = Grubun yöneticilerine: { $name }, “{ $title }” (#{ $id }) etkinliğinin hâlâ devam edip etmediğine cevap vermedi. Etkinlik hâlâ takvimde. Düzenleyene sor – ya da “/delete #{ $id }” ile durdur.
still_happening_hidden = Grubun yöneticilerine: { $name }, “{ $title }” (#{ $id }) etkinliğinin hâlâ devam edip etmediğine cevap vermedi. Bu yüzden etkinlik gizlendi ve yeniden onay bekliyor. Bak: “/pending”.
cancel_words_unknown = Gönderdiklerin arasında “{ $what }” adlı bir etkinlik bulamıyorum. Kendi gönderilerini “/mine” ile gör, bir günü de “/cancel #N tarih” ile iptal et.
moved_one = Taşındı: “{ $title }” { $from } yerine artık şu zamanda: { $to }. Diğer tarihler aynı (#{ $id }).
move_how = Hangi günün nereye taşınacağını yaz, örneğin “/move #{ $id } 10 December to 11 December at 7pm”.
not_a_series = #{ $id } düzenli bir etkinlik değil. Günü ve saati “/edit #{ $id } …” ile değiştir.
window_coming = önümüzdeki 7 günde
weekday_1 = pazartesi
weekday_2 = salı
weekday_3 = çarşamba
weekday_4 = perşembe
weekday_5 = cuma
weekday_6 = cumartesi
weekday_7 = pazar
month_1 = ocak
month_2 = şubat
month_3 = mart
month_4 = nisan
month_5 = mayıs
month_6 = haziran
month_7 = temmuz
month_8 = ağustos
month_9 = eylül
month_10 = ekim
month_11 = kasım
month_12 = aralık
date_long = { $day } { $month } { $year } { $weekday }
day_month_long = { $day } { $month } { $year }
day_month_short = { $day } { $month }
check_weekday = Lütfen “{ $title }” (#{ $id }) tarihini kontrol et: { $day_month } bir { $actual } günü, { $said } değil. Şunu mu demek istedin: { $date }?{ $passed } “yes” diye cevap ver – ya da doğru günü yaz, örneğin “{ $other }”.
check_far = Lütfen “{ $title }” (#{ $id }) tarihini kontrol et: { $date } çok ileride. Yıl yanlış mı yazıldı? Tarih doğruysa “yes” diye cevap ver – ya da doğru günü yaz, örneğin “{ $example }”, ya da “cancel” yaz.
ask_again_far = “{ $title }” (#{ $id }) etkinliğini bu kadar ileri bir tarihe kaydedemem. Doğru günü yaz, örneğin “Saturday” ya da “15 December” – vazgeçmek için de “cancel” yaz.
check_also_passed = {" "}Üstelik o gün çoktan geçti.
check_passed = Lütfen “{ $title }” (#{ $id }) tarihini kontrol et: { $date } çoktan geçti. Eski bir paylaşım mı, yoksa yazım hatası mı? Doğru günü yaz, örneğin “{ $example }” – ya da “cancel” yaz.
ask_again_passed = O gün çoktan geçti, bu yüzden “{ $title }” etkinliğini henüz başkalarına gösteremem. Doğru günü yaz, örneğin “Saturday” ya da “15 December” – #{ $id } etkinliğinden vazgeçmek için de “cancel” yaz.
ask_right_date = O zaman “{ $title }” (#{ $id }) hangi gün? Örneğin “Saturday” ya da “15 December” yaz – vazgeçmek için de “cancel” yaz.
date_short = { $day } { $month } { $weekday }
deleted = #{ $id } geri çekildi ve artık gösterilmiyor.
cancelled = Tamam, #{ $id } iptal edildi ve gösterilmeyecek.
not_found = #{ $id } numarasını bulamıyorum. Gönderdiklerini “/mine” ile görebilirsin.
not_yours = #{ $id } senin değil, bu yüzden değiştiremezsin. Bir sorun varsa lütfen bir yöneticiye yaz.
which_delete = Hangisini sileyim? Numarasını yaz, örneğin “/delete #numara”. Kendi gönderilerini “/mine” ile görebilirsin.
which_correct = Numarayı ve düzeltmeyi yaz, örneğin “/edit #numara Sunday at 11am”. Kendi gönderilerini “/mine” ile görebilirsin.
which_anonymous = Hikâyenin numarasını yaz, örneğin “/anonymous #numara”. Kendi gönderilerini “/mine” ile görebilirsin.
already_withdrawn = #{ $id } zaten geri çekilmiş.
correct_nothing = Düzeltilecek bir şey bulamadım. Örneğin “/edit #{ $id } Sunday at 11am” ya da “/edit #{ $id } at the library” yaz.
mine_heading = Gönderdiklerin:
mine_none = Henüz bir şey göndermedin. Örneğin “Story: …” ya da “Litter pick at Ishøj Strand on Sunday at 10am” yaz.
kind_event = etkinlik
kind_story = hikâye
status_published = görünür
status_incomplete = bilgi eksik
status_withdrawn = geri çekildi
anonymous_name = isimsiz
platform_console = konsol
platform_matrix = Matrix
platform_discord = Discord
platform_telegram = Telegram
unknown_command = “/{ $command }” komutunu bilmiyorum. Neler yapabildiğimi görmek için “/help” yaz.
unknown = Bunu tam anlayamadım. Örneğin şunları yapabilirsin:
unknown_event = bir etkinliği anlat: “Litter pick at Ishøj Strand on Sunday at 10am”
unknown_story = bir hikâye paylaş: “Story: Café Solstrålen turned 1 today”
unknown_query = sor: “bu hafta sonu ne var?”
unknown_help = Yapabildiğim her şeyi görmek için “/help” yaz.
help_heading = Merhaba! Şehrin etkinliklerini ve güzel hikâyelerini tek bir yerde topluyorum.
help_event = Bir etkinliği anlat: ne, ne zaman ve nerede olduğunu yaz, örneğin “Litter pick at Ishøj Strand on Sunday 14 June at 10am” (ya da “/event …”).
help_story = Güzel bir hikâye paylaş: “Story: …” ya da “/story …”.
help_query = Neler olduğunu sor: “bu hafta sonu ne var?”, “yarın ne var?”, “gelecek hafta etkinlik var mı?” ya da “/whatson”. İngilizce de sorabilirsin: “at Christmas”, “anything for kids on Saturday?”.
help_mine = Gönderdiklerini gör: “/mine”. Düzelt: “/edit #numara Sunday at 11am”. Sil: “/delete #numara”. Düzenli etkinlikler (“every Thursday at 6pm”): bir günü “/cancel #numara 10 December” ile iptal et, bir günü “/move #numara 10 December to 11 December” ile taşı.
error = Üzgünüm, benim tarafımda bir sorun oldu ve mesajın kaydedilmedi. Lütfen biraz sonra yeniden dene.
awaiting_approval = Bir yönetici onayladığında başkaları da görecek. Sana buradan haber vereceğim.
pending_marker = onay bekliyor
admin_only = “/{ $command }” komutunu sadece grubun yöneticileri kullanabilir. Bir şeyin değişmesi gerektiğini düşünüyorsan bir yöneticiye sor.
pending_heading = Onay bekleyenler:
pending_none = Onay bekleyen bir şey yok. Harika!
pending_hint = “/approve #{ $id }” ile onayla ya da “/reject #{ $id } neden” ile reddet. Önce düzeltmek için: “/edit #{ $id } …”.
appeals_heading = Denetim kararlarına itirazlar:
approved_admin = #{ $id } onaylandı ve artık görünüyor. { $name } adlı kişiye haber verdim.
approved_notice = Güzel haber! { $your_kind } “{ $title }” (#{ $id }) onaylandı, artık herkes görebilir.
already_approved = #{ $id } zaten onaylanmış.
not_pending = #{ $id } onay beklemiyor (durum: { $status }).
not_in_group = #{ $id } başka bir gruba ait, orada yönetici değilsin.
reaction_reject_reason = bir yönetici buraya uygun olmadığına karar verdi
reject_needs_reason = Lütfen iletebileceğim kısa bir neden ekle, örneğin “/reject #{ $id } saat ve yer eksik”.
rejected_admin = #{ $id } reddedildi. { $name } adlı kişiye nedeninle birlikte haber verdim.
rejected_notice = { $your_kind } “{ $title }” (#{ $id }) onaylanmadı. Neden: { $reason }. İstersen { $it } “/edit #{ $id } …” ile düzeltebilir ya da “/appeal #{ $id } …” ile itiraz edebilirsin.
which_approve = Numarayı yaz, örneğin “/approve #numara”. Neyin beklediğini “/pending” ile görebilirsin.
which_reject = Numarayı ve bir neden yaz, örneğin “/reject #numara yer eksik”.
announce_event = Yeni etkinlik: { $title }
resubmitted = Teşekkürler, düzeltmen kaydedildi. #{ $id } yeniden onay bekliyor.
guideline_intro = Merhaba { $name }. { $channel } kanalındaki mesajın grubun kurallarına uymuyor:
guideline_deleted = Bu yüzden kaldırıldı.
guideline_not_deleted = Burada kaldırılmadı, ama grubun yöneticilerine haber verildi.
guideline_appeal = Bu bir hata mı? Bana “/appeal M{ $entry } …” yaz, bir yönetici bakacak.
guideline_submission = Mesajını kaydetmedim, çünkü grubun kurallarına uymuyor:
guideline_submission_fix = Lütfen düzeltip yeniden gönder.
rule_banned_word = grubun izin vermediği bir kelime içeriyor (“{ $matched }”). Lütfen o kelime olmadan yaz.
rule_banned_pattern = grubun izin vermediği bir şey içeriyor (“{ $matched }”).
rule_spam = reklam ya da istenmeyen mesaj gibi görünüyor (“{ $matched }”). Reklamın burada yeri yok.
rule_links = { $matched } gibi bağlantılara burada izin verilmiyor.
rule_caps = çok fazla büyük harfle yazılmış ({ $matched }), bu bağırmak gibi okunuyor. Lütfen normal harfler kullan.
rule_flood = kısa sürede art arda çok mesaj gönderdin. Lütfen hepsini tek bir mesajda yaz.
rule_repeat = aynı mesaj birkaç kez gönderildi. Bir kez yeterli.
rule_new_member = yeni üyeler başta bağlantı gönderemez. Lütfen daha sonra yeniden dene ya da bir yöneticiye sor.
rule_length = çok uzun ({ $matched }). Lütfen kısalt.
escalated_mute = { $name } çok fazla uyarı aldı ve { $minutes ->
        [one] { $minutes } dakika
       *[other] { $minutes } dakika
    } boyunca yazamaz.
escalated_ban = { $name } çok fazla uyarı aldı ve gruptan uzaklaştırıldı.
escalated_admins = Yöneticilere: { $name } kısa sürede { $strikes } uyarı aldı. Bak: “/log”.
cannot_enforce = Yöneticilere: { $name } adlı kişinin bir mesajı “{ $rule }” kuralını çiğnedi, ama burada { $what } yetkim yok. Bak: “/log”.
log_heading = Denetim kaydı (en yeniler önce):
log_none = Kayıt boş. Henüz kimse kuralları çiğnemedi.
log_undone = geri alındı
log_appeal = itiraz
unstrike_done = M{ $entry } uyarısı geri alındı ve artık sayılmıyor.
unstrike_which = “/unstrike” ve kayıttaki numarayı yaz (numara M ile başlar).
appeal_sent = Teşekkürler. İtirazın yöneticilere gönderildi, inceleyecekler.
appeal_which = “/appeal”, numarayı ve açıklamanı yaz. Numara sana gönderdiğim mesajda: M (kurallarla ilgili bir not) ya da # (senin gönderin) ile başlar.
appeal_not_yours = Uyarıların arasında M{ $entry } numarasını bulamıyorum.
submission_appeal_sent = Teşekkürler. #{ $id } itirazınla birlikte yeniden onay bekliyor.
trust_revoked = { $name } adlı kişinin gönderileri bundan sonra yeniden onay gerektiriyor.
trust_restored = { $name } adlı kişiye yeniden güveniliyor.
which_user = Kullanıcının kimliğini yaz, örneğin “/distrust mette”.
rules_heading = { $group } grubunun kuralları:
rules_banned_words = Bazı kelimelere izin verilmiyor (listede { $count } kelime var).
rules_spam = Reklam ve istenmeyen mesajlar kaldırılır.
rules_links_none = Bağlantılara izin verilmiyor.
rules_links_allowlist = Sadece şu adreslere bağlantı verilebilir: { $domains }.
rules_max_links = Mesaj başına en fazla { $count ->
        [one] { $count } bağlantı
       *[other] { $count } bağlantı
    }.
rules_caps = Büyük harflerle yazma (en fazla %{ $percent }).
rules_flood = { $seconds } saniyede en fazla { $count ->
        [one] { $count } mesaj
       *[other] { $count } mesaj
    }.
rules_repeat = Aynı mesajı { $count } kez gönderme.
rules_new_member = Yeni üyeler { $hours ->
        [one] ilk saat
       *[other] ilk { $hours } saat
    } boyunca bağlantı gönderemez.
rules_new_member_messages = Yeni üyeler { $count ->
        [one] ilk mesajda
       *[other] ilk { $count } mesajda
    } bağlantı gönderemez.
rules_length = Mesaj başına en fazla { $count ->
        [one] { $count } karakter
       *[other] { $count } karakter
    }.
rules_escalation = { $hours ->
        [one] { $hours } saat
       *[other] { $hours } saat
    } içinde { $count ->
        [one] { $count } uyarıdan
       *[other] { $count } uyarıdan
    } sonra: { $what }.
rules_escalation_mute = { $minutes ->
        [one] { $minutes } dakika
       *[other] { $minutes } dakika
    } boyunca mesaj yazma yasağı
rules_escalation_ban = gruptan uzaklaştırma
rules_escalation_admins = yöneticilere haber verilir
rules_approval_always = Yeni gönderiler, gösterilmeden önce bir yönetici tarafından onaylanır.
rules_approval_never = Yeni gönderiler hemen gösterilir.
rules_approval_trusted = { $count ->
        [one] { $count } gönderin
       *[other] { $count } gönderin
    } onaylandıktan sonra gönderilerin hemen gösterilir; o zamana kadar önce bir yönetici onaylar.
digest_heading = { $group }: bu hafta
digest_events = Önümüzdeki 7 günde neler var:
digest_no_events = Önümüzdeki hafta için henüz etkinlik yok. Sen bir etkinlik biliyor musun? Bana anlat, örneğin “Litter pick at Ishøj Strand on Sunday at 10am”.
digest_stories = Bu haftanın güzel hikâyeleri:
digest_story_by = anlatan: { $name }
digest_thanks = { $count ->
        [one] Katkın için teşekkürler, { $names }!
       *[other] Katkılarınız için teşekkürler, { $names }!
    }
digest_and = ve
digest_invite = Güzel bir hikâyen ya da bir etkinliğin mi var? Bana yaz, örneğin “Story: …”.
status_pending = onay bekliyor
status_rejected = reddedildi
window_month = { $month } ayında
event_next_year = Dikkat: bu tarih gelecek yıl. Başka bir günü mü kastettin? “/edit #{ $id } …” ile düzelt.
not_yours_delete = #{ $id } senin değil, bu yüzden silemezsin. Bir sorun varsa lütfen bir yöneticiye yaz.
thanks_reply = Rica ederim! Bir etkinlik duyarsan ya da güzel bir hikâyen olursa bana yaz.
greeting_reply = Merhaba! Şehrin etkinliklerini ve güzel hikâyelerini topluyorum. Neler yapabildiğimi görmek için “/help” yaz.
nothing_to_cancel = Şu anda iptal edilecek bir şey yok. Gönderdiklerini “/mine” ile görebilirsin.
clash_duplicate = aynı başlık – aynı etkinlik mi?
delivery_failed = Yöneticilere: { $channel } kanalına giden bir mesaj, birkaç denemeden sonra da iletilemedi ({ $error }). Lütfen botun hâlâ kanalda olup olmadığını kontrol et.
button_ok = 👍 Doğru
button_fix = ✏️ Düzelt
button_cancel = ✖️ İptal
button_approve = ✅ Onayla #{ $id }
button_reject = ❌ Reddet #{ $id }
button_fix_hint = Düzeltmeni yaz, örneğin “/edit #{ $id } Sunday at 11am” ya da “/edit #{ $id } place: the library”.
digest_places = Haritadaki yeni yerler:
digest_recurring = Yeni düzenli etkinlikler:
digest_recurring_item = önümüzdeki 4 haftada { $count ->
        [one] { $count } kez
       *[other] { $count } kez
    }, ilki { $date } günü


# Places residents add ("New place: …") and ask about ("where is …?").
kind_place = yer
your_kind_event = Etkinliğin
your_kind_story = Hikâyen
your_kind_place = Eklediğin yer
it_kind_event = onu
it_kind_story = onu
it_kind_place = onu
place_needs_name = Yerin adı ne? Örneğin “New place: The dog park by Ishøj Strand” yaz ve mümkünse OpenStreetMap ya da Google Maps'ten bir bağlantı ekle.
place_known = Teşekkürler! { $name } adlı yeri zaten biliyorum.
place_saved = Teşekkürler! “{ $name }” adlı yeri #{ $id } numarasıyla kaydettim.
place_updated = Düzeltildi! “{ $name }” (#{ $id }) adlı yer güncellendi.
place_kind_line = Yer türü: { $kind }.
place_on_map = Şehrin yerler haritasında gösterilecek.
place_no_map = Bir konum bulamadım. Lütfen OpenStreetMap ya da Google Maps'ten bir bağlantı ya da 55.61, 12.35 gibi koordinatlar gönder: “/edit #{ $id }” yaz ve bağlantıyı ekle.
place_not_known = “{ $place }” adlı yeri henüz bilmiyorum. Sen biliyor musun? “New place: { $place }” ve bir harita bağlantısı yaz, ben de ekleyeyim.
place_where = { $name }:
place_where_address = { $name }: { $address }.
place_where_kind = { $name } ({ $kind }).
place_map_link = Harita: { $link }
place_no_link = Bu yerin haritası henüz bende yok.
place_kind_playground = oyun parkı
place_kind_dog_park = köpek parkı
place_kind_cafe = kafe
place_kind_culture_house = kültür evi
place_kind_library = kütüphane
place_kind_park = park
place_kind_beach = plaj ve liman
place_kind_sports = spor ve egzersiz
place_kind_community_house = toplum merkezi
place_kind_nature = doğa


# Drafts for the communication team (/press, /newsletter).
draft_when = Ne zaman
draft_where = Nerede
draft_link = Devamını oku
draft_contact = { $platform } üzerinden { $group }
draft_missing_place = nerede olduğu
draft_missing_photo = bir fotoğraf (kullanmak için izin iste)
draft_missing_quote = orada bulunan birinden bir alıntı
draft_missing_details = daha fazla ayrıntı: kim düzenledi ve ne oldu
draft_missing_name = bir iletişim kişisinin adı (anlatan kişi isimsiz kalmak istiyor)
draft_failed = Taslak şu anda hazırlanamadı. Lütfen yeniden dene ya da botu yöneten kişiye haber ver.
draft_admins_only = Basın bülteni ve haber bülteni taslakları grubun yöneticileri içindir.
draft_which = Numarayı yaz, örneğin “/press #numara”. Kendi gönderilerini “/mine” ile, bekleyenleri “/pending” ile görebilirsin.
draft_not_published = #{ $id } henüz onaylanmadı. Önce “/approve #{ $id }” ile onayla.
draft_not_story = #{ $id } bir hikâye ya da etkinlik değil.


# The toolbox (/toolbox) and follow-up questions for short stories.
toolbox_heading = Araç kutusu – kısa rehberler:
toolbox_hint = İlkini okumak için “/toolbox 1” yaz.
toolbox_unknown = “{ $asked }” hakkında bir rehberim yok.
help_toolbox = Yazma ve anlatma üzerine ipuçları: “/toolbox”.
coach_intro = Birkaç kısa soru hikâyeyi daha da güzel yapabilir. Cevap ver ya da “skip” yaz.
coach_who_where = Kim düzenledi ve nerede oldu?
coach_quote = Senden bir alıntı kullanabilir miyiz? Nasıl söylersen öyle yaz.
coach_photo_consent = Fotoğrafı haber bülteninde ve internette gösterebilir miyiz? Fotoğraftaki herkes izin verdi mi? “yes” ya da “no” diye cevap ver.
photo_alone = Fotoğraf için teşekkürler! Lütfen onunla ilgili birkaç kelimeyi hikâye olarak yaz: “Story: …”, ve fotoğrafı da birlikte gönder.
coach_quote_please = Çok güzel! Alıntıyı nasıl söylersen öyle yaz – ya da “skip” yaz.
coach_done = Teşekkürler! #{ $id } numaralı hikâye hazır.

export_title = Hikâyeler
export_told_by = Anlatan
export_anonymous = Anlatan: bir şehir sakini
export_missing = Eksik:

# The web calendar (web_… keys; pages, feeds and the embed).
web_skip = İçeriğe geç
web_nav_label = Sayfalar
web_calendar = Takvim
web_stories = Hikâyeler
web_places = Yerler
web_about = Hakkında ve katıl
web_languages = Diller
web_upcoming = Neler var
web_upcoming_intro = { $title } sakinlerinden etkinlikler, gönüllüler tarafından onaylandı. Kendi etkinliğini paylaşmak için bota yaz.
web_nothing = O dönemde henüz etkinlik yok.
web_nothing_filtered = Seçimine uyan etkinlik yok. Bir filtreyi kaldırmayı dene.
web_filter = Seç
web_filter_day = Gün
web_filter_place = Yer
web_filter_tag = Konu
web_filter_any = Hepsi
web_filter_apply = Göster
web_filter_clear = Temizle
web_more_events = Bu sayfanın gösterebileceğinden daha fazla etkinlik var. Hepsini görmek için bir gün seç.
web_when = Ne zaman
web_where = Nerede
web_repeats = Tekrar
web_next_times = Sonraki tarihler
web_interested = { $count } kişi ilgileniyor
web_add_to_calendar = Takvimine ekle (.ics)
web_back_to_calendar = Takvime dön
web_show_on_map = Haritada göster
web_stories_intro = Günlük hayattan güzel hikâyeler, şehir sakinleri anlatıyor.
web_no_stories = Henüz hikâye yok. İlkini sen anlat: bota “Story: …” gönder.
web_story_by = Anlatan: { $name }
web_story_anonymous = Anlatan: bir şehir sakini
web_read_more = Devamını oku
web_photo = Fotoğraf
web_places_intro = Şehirdeki yerler: oyun parkları, köpek parkları, kafeler, kültür evleri ve daha fazlası.
web_no_places = Henüz yer yok.
web_map_label = Yerlerin haritası
web_map_fallback = Harita için JavaScript gerekiyor. Tüm yerler aşağıdaki listede.
web_events_here = Burada neler var
web_open_map = Haritayı aç
web_also_called = Diğer adı
web_about_intro = { $title }, şehrin topluluklarını birçok sohbet kanalından bir araya getirir. Şehir sakinleri etkinlikleri ve güzel hikâyeleri paylaşır, gönüllüler de onaylar.
web_join = Katıl
web_join_link = Katıl
web_no_channels = Henüz gösterilecek kanal yok.
web_how_to = Bir etkinlik nasıl paylaşılır
web_how_to_text = Kanallardan birinde bota yaz, örneğin: “Swap market at Glashuset Saturday 10am-2pm”. Bir şey eksikse bot sana sorar.
web_feeds = Kendi uygulamalarında takvim ve haberler
web_feed_ics = Takvim (iCalendar)
web_feed_atom = Hikâyeler (Atom)
web_feed_json = Etkinlikler (JSON)
web_feed_places = Yerler (GeoJSON)
web_groups = Topluluklar
web_groups_intro = Takvimini görmek için bir topluluk seç.
web_not_found_title = Sayfa bulunamadı
web_not_found = Bu sayfayı bulamadık. Belki etkinlik bitti ya da geri çekildi.
web_bad_request_title = Bunu gösteremiyoruz
web_go_home = Ana sayfaya git
web_error_title = Bir şeyler ters gitti
web_error = Takvim şu anda gösterilemiyor. Lütfen biraz sonra yeniden dene.
web_bad_day = “{ $value }” bir tarih değil. 2026-12-05 biçiminde yaz.
web_bad_tag = “{ $value }” bildiğimiz bir konu değil. Listeden birini seç.
web_bad_count = “{ $value }”, 1 ile 20 arasında bir sayı değil.
web_bad_item = “{ $value }” bir etkinlik numarası değil.
web_embed_title = Yaklaşan etkinlikler
web_embed_all = Takvimin tamamını gör
web_all_day = tüm gün
web_today = bugün
web_tomorrow = yarın
web_platform_channels = { $platform } kanalları

# What broke a rule, measured (the moderation log and the notes say it in
# the reader's language).
measure_links = { $count ->
        [one] { $count } bağlantı
       *[other] { $count } bağlantı
    }
measure_caps = %{ $count } büyük harf
measure_flood = { $seconds } saniyede { $count ->
        [one] { $count } mesaj
       *[other] { $count } mesaj
    }
measure_repeat = “{ $text }” { $count } kez
measure_length = { $count ->
        [one] { $count } karakter
       *[other] { $count } karakter
    }
measure_strikes = { $count ->
        [one] { $count } uyarı
       *[other] { $count } uyarı
    }
# Rule and action names in “/log” and in notes to the admins.
log_rule_banned_word = yasaklı kelime
log_rule_banned_pattern = yasaklı metin
log_rule_spam = reklam ya da istenmeyen mesaj
log_rule_links = bağlantılar
log_rule_caps = büyük harfler
log_rule_flood = kısa sürede çok mesaj
log_rule_repeat = aynı mesaj birkaç kez
log_rule_new_member = yeni üyeden bağlantı
log_rule_length = mesaj çok uzun
log_rule_escalation = çok fazla uyarı
log_rule_admin_command = sadece yöneticilere ait komut
log_rule_decision = karar
log_action_note = özel not
log_action_delete = silindi
log_action_mute = susturuldu
log_action_ban = gruptan uzaklaştırıldı
log_action_tell_admins = yöneticilere haber verildi
log_action_refused = geri çevrildi
log_action_approved = onaylandı
log_action_rejected = reddedildi
# What the bot could not do (“… but I cannot { $what } here”).
cannot_delete = mesajları silme
cannot_mute = kişileri susturma
cannot_ban = kişileri gruptan uzaklaştırma

# A person's own language (“/language tr”).
language_set = Bundan sonra sana { $language } dilinde cevap vereceğim.
language_cleared = Artık yine senin yazdığın dilde (ya da kanalın dilinde) cevap vereceğim.
language_choices = Dilini “/language” ve dilin koduyla seç: { $list }. Seçimi kaldırmak için “/language off” yaz.
language_unknown = Bu dili bilmiyorum (“{ $choice }”). Bildiğim diller: { $list }.
language_submissions_in_danish_or_english = Etkinlikleri ve hikâyeleri sadece Danca ya da İngilizce okuyabiliyorum; ama neler olduğunu bana kendi dilinde sorabilirsin.
help_language = Dilini seç: “/language” ({ $languages }).

## Discord ve Telegram komut menüleri: her komut ne yapar (en çok 100 karakter).
command_about_help = Vores neler yapabilir
command_about_story = Şehirden güzel bir hikâye paylaş
command_about_event = Bir etkinlik bildir: ne, nerede, ne zaman
command_about_whatson = Neler var (örneğin bu hafta sonu)
command_about_mine = Gönderdiklerin
command_about_delete = Gönderdiğin bir şeyi geri çek (#numara)
command_about_cancel = Düzenli bir etkinliğin bir gününü iptal et: #numara ve gün
command_about_move = Düzenli bir etkinliğin bir gününü taşı: #numara, gün, yeni gün
command_about_correct = Bir gönderiyi düzelt: #numara ve yeni bilgiler
command_about_anonymous = Hikâyeni adın olmadan göster (#numara)
command_about_rules = Grubun paylaşım kuralları
command_about_appeal = Bir karara itiraz et (#numara ya da M numarası) ve nedenini yaz
command_about_language = Sana hangi dilde cevap vereceğimi seç
command_about_place = Şehir haritasına bir yer ekle: ad ve harita bağlantısı
command_about_toolbox = Kısa rehberler: hikâye anlat, etkinlik duyur, fotoğraflar
command_about_pending = Yöneticiler: onay bekleyenler
command_about_approve = Yöneticiler: bir gönderiyi onayla (#numara)
command_about_reject = Yöneticiler: bir gönderiyi reddet: #numara ve neden
command_about_log = Yöneticiler: moderasyon kaydı
command_about_unstrike = Yöneticiler: bir moderasyon adımını geri al (M numarası)
command_about_distrust = Yöneticiler: bu kişinin paylaşımlarını hep kontrol et
command_about_trust = Yöneticiler: bu kişiye yeniden güven
command_about_press = Yöneticiler: bir hikâye ya da etkinlik için basın bülteni taslağı
command_about_newsletter = Yöneticiler: bir hikâye ya da etkinlik için bülten paragrafı
command_about_subscribe = Haftalık haberleri özel mesajla al
command_about_unsubscribe = Haftalık haber mesajlarını durdur
command_about_link = Farklı platformlardaki hesaplarını bağla (kod)
command_about_unlink = Diğer hesaplarınla bağlantıyı kaldır
command_option_text = Metnin
command_option_number = #numara

## Their own data (GDPR): /mine data, /glem mig.
my_data_heading = Senin hakkında sakladıklarım:
my_data_submissions = { $count } gönderi (“/mine” ile görebilirsin)
my_data_log = moderasyon kaydında { $count } not
my_data_channels = { $count } kanalda yazdığın (yeni üyeler kuralı için)
my_data_interest = ilgi gösterdiğin { $count } etkinlik
my_data_messages = benden sana ya da senin hakkında { $count } mesaj
my_data_language = seçtiğin dil: { $language }
my_data_trust = yöneticilerin sana güvenip güvenmediği ya da paylaşımlarını hep kontrol edip etmediği
my_data_links = hesabının { $count } başka hesaba bağlı olduğu (“/unlink”)
my_data_subscription = haberleri özel mesajla aldığın (“/unsubscribe”)
my_data_file = Hepsi, uygulaman dosya alabiliyorsa { $file } dosyasında da var.
my_data_nothing = Senin hakkında hiçbir şey saklamıyorum.
my_data_forget = Silinmesini ister misin? “/forget me” yaz.
sent_privately = Cevabı sana özel mesajla gönderdim.
forget_confirm = Senin hakkında sakladığım her şeyi sileceğim: yayımlanmamış gönderilerini, dilini, ilgini ve benimle konuşmalarını. Yayımlananlar adın olmadan kalır; moderasyon kaydında yalnızca bir kuralın uygulandığı kalır. Bu geri alınamaz. Yapmak için “/forget me confirm” yaz.
forget_done = Seni unuttum: { $deleted } silindi, { $kept } adın olmadan kalıyor. Katıldığın için teşekkürler.
help_privacy = Senin hakkında sakladıklarımı gör: “/my data”. Sildir: “/forget me”.

## Linked accounts: /forbind, /fjernforbindelse.
link_code = Kodun { $code }. Diğer hesabından (örneğin Telegram, Discord ya da Matrix) bana { $minutes } dakika içinde “/link { $code }” yaz. Kod bir kez çalışır.
link_done = Hesapların artık bağlı: güvenin, uyarıların, “/mine” ve dilin ikisinde de geçerli. Yönetici hakları aktarılmaz. Geri almak için “/unlink” yaz.
link_done_other = Hesabın artık { $platform } üzerindeki hesabına bağlı. Geri almak için “/unlink” yaz.
link_already = Bu iki hesap zaten bağlı.
link_unknown = Bu kodu tanımıyorum. Kontrol et ya da diğer hesabında “/link” ile yeni bir kod al.
link_expired = Bu kodun süresi doldu (10 dakika geçerli). Diğer hesabında “/link” ile yeni bir kod al.
link_own = Bu senin kendi kodun. Onu bana diğer hesabından gönder.
link_too_many = Çok fazla yanlış kod denendi. Bir saat bekle ve yeniden dene.
unlink_done = Hesabın artık diğer hesaplarına bağlı değil.
unlink_none = Hesabın başka hesaplara bağlı değil.
help_link = Birden fazla platformda mısın? Hesaplarını “/link” ile bağla.

## The week's news by private message: /abonner, /afmeld.
subscribed = Artık { $group } haftalık haberlerini burada, { $platform } üzerinde özel mesaj olarak alacaksın. Durdurmak için “/unsubscribe” yaz.
subscribed_about = Artık her hafta burada, { $platform } üzerinde { $group } içinde olanlar hakkında özel mesaj alacaksın – { $about }. Sadece bir şey olan haftalarda. Durdurmak için “/unsubscribe” yaz.
subscribed_daily = Artık her sabah burada, { $platform } üzerinde { $group } içinde bugün olanlar hakkında özel mesaj alacaksın. Sadece bir şey olan günlerde. Durdurmak için “/unsubscribe” yaz.
subscribed_daily_about = Artık her sabah burada, { $platform } üzerinde { $group } içinde bugün olanlar hakkında özel mesaj alacaksın – { $about }. Sadece bir şey olan günlerde. Durdurmak için “/unsubscribe” yaz.
subscribed_reach = Sana ancak önce bana özelden yazdıysan (Telegram) ya da özel mesajlara izin veriyorsan (Discord) yazabilirim; yoksa abonelik durur.
subscription_footer = Bu mesajı abone olduğun için alıyorsun. Durdurmak için “/unsubscribe” yaz.
unsubscribed = Artık haftalık haberleri özel mesaj olarak almayacaksın.
not_subscribed = Abone değilsin. Başlamak için “/subscribe” yaz.
help_subscribe = Haberleri özel mesajla al: her hafta “/subscribe”, her sabah “/subscribe daily”, sadece çocuklar için “/subscribe kids” (durdurmak için “/unsubscribe”).

## Ambassadors: the digest to pass on.
ambassador_intro = Haftanın haberlerini paylaştığın için teşekkürler! İşte olduğu gibi iletebileceğin bir sürüm:
digest_invite_share = Bir etkinlik ya da güzel bir hikâye mi anlatmak istiyorsun? Telegram, Discord ya da Matrix üzerinden { $group } adresine yaz.

## The console (the demo in a terminal).
console_greeting = Vores — #{ $channel } kanalında { $name } olarak yazıyorsun. { $mode } Bir mesaj yaz ve Enter'a bas (örneğin “/help”); Ctrl-D ile çıkarsın.
console_greeting_admin = Vores — #{ $channel } kanalında { $name } (yönetici) olarak yazıyorsun. { $mode } Bir mesaj yaz ve Enter'a bas (örneğin “/help”); Ctrl-D ile çıkarsın.
console_group_chat = Bu bir grup sohbeti: bota “@vores …” ya da bir komut yaz.
console_private_chat = Botla özel olarak yazışıyorsun.
console_private_to = [{ $name } kişisine özel]
console_file = [dosya: { $name }]

## What separates the items of a list (with its space).
list_comma = { ", " }

## About the language: its name in itself, its direction (ltr or rtl) and
## other names /sprog and /language accept.
meta_name = Türkçe
meta_direction = ltr
meta_aliases = türkçe, turkce, turkish, tyrkisk

## How the bot reads this language's "what's on" questions (see TRANSLATING.md):
## times, one "phrase = english time" per line, longer phrases first; words that ask;
## phrases that only look like a question; common words and letters that tell the language.
understand_times =
    gelecek hafta sonu = next weekend
    haftaya hafta sonu = next weekend
    bu hafta sonu = this weekend
    hafta sonu = this weekend
    haftasonu = this weekend
    gelecek hafta = next week
    haftaya = next week
    bu hafta = this week
    bu akşam = tonight
    bu aksam = tonight
    yarın = tomorrow
    yarin = tomorrow
    bugün = today
    bugun = today
    pazartesi = monday
    salı = tuesday
    sali = tuesday
    çarşamba = wednesday
    carsamba = wednesday
    perşembe = thursday
    persembe = thursday
    cumartesi = saturday
    cuma = friday
    pazar = sunday
understand_questions = ne var, neler var, ne oluyor, neler oluyor, ne yapabilirim, etkinlik, etkinlikler, program
understand_not_questions = ne var ne yok
understand_words = bu, ne, neler, var, mı, mi, mu, mü, hafta, sonu, haftasonu, yarın, yarin, bugün, bugun, akşam, aksam, merhaba, selam, etkinlik, etkinlikler, nerede, zaman, için, icin, ve, bir, oluyor, gün, günü, saat, teşekkürler, lütfen, cumartesi, pazar, pazartesi, salı, çarşamba, perşembe, cuma, hangi, bana, gelecek, haftaya, burada, şehirde
understand_letters = ğ, ı, ş
understand_word_endings = yes
