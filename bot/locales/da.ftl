### Vores — dansk (da)
### Review: written by the Vores developers in plain Danish for readers with
### Danish as a second language; not yet reviewed by a language professional.
###
### Keep replies short, warm and plain. { $name } is filled in by the bot;
### keep every variable of a text (see TRANSLATING.md).
saved_event = Tak! Jeg har gemt din begivenhed #{ $id }:
updated_event = Rettet! Sådan ser #{ $id } ud nu:
label_title = Titel
label_day = Dag
label_time = Tid
label_place = Sted
all_day = hele dagen
time_single = kl. { $start }
time_range = kl. { $start }–{ $end }
time_separator = .
place_unknown = ikke angivet
event_fix_hint = Er noget forkert? Skriv fx »/ret #{ $id } søndag kl. 11«. Fortryd med »/slet #{ $id }«.
event_in_past = Bemærk: det tidspunkt er allerede gået. Ret det med »/ret #{ $id } …«, hvis det er en fejl.
ask_date = Tak, jeg har gemt »{ $title }« som #{ $id }. Hvilken dag er det? Svar fx »lørdag« eller »15. juni«.
ask_time = Tak, jeg har gemt »{ $title }« som #{ $id } ({ $day }). Hvornår starter det? Svar fx »kl. 14«, »kl. 10-14« eller »hele dagen«.
ask_again_date = Jeg fandt ingen dag i dit svar. Skriv fx »lørdag« eller »15. juni« – eller »annuller« for at fortryde #{ $id }.
ask_again_time = Jeg fandt intet tidspunkt i dit svar. Skriv fx »kl. 14« eller »hele dagen« – eller »annuller« for at fortryde #{ $id }.
invalid_date = Den dato findes ikke i kalenderen. Hvilken dag er »{ $title }« (#{ $id })? Svar fx »30. juni«.
event_needs_title = Fortæl mig, hvad der skal ske, hvornår og hvor. Fx: »Byttemarked i Glashuset lørdag kl. 10-14«.
clash_intro = Obs: Der sker også noget andet samme dag:
clash_same_place = samme sted
clash_nearby = lige i nærheden
clash_same_time = samme tid
clash_more = … og { $count } mere samme dag.
clash_outro = Måske kan I slå jer sammen eller undgå at konkurrere? Tal gerne med arrangørerne.
by_line = fra { $name } på { $platform }
saved_story = Tak for din historie! Den er gemt som #{ $id }.
story_named = Den vises med navnet { $name }. Kun dit fornavn: skriv »/fornavn #{ $id }«. Helt uden navn: »/anonym #{ $id }«.
story_named_short = Den vises med navnet { $name }. Vil du hellere være anonym, så skriv »/anonym #{ $id }«.
story_anonymous = Den vises uden dit navn.
story_too_short = Skriv hele historien efter »Historie:«, fx »Historie: Café Solstrålen fejrede 1 år i dag med kage til alle«.
story_anonymous_done = #{ $id } vises nu uden dit navn.
story_first_name_done = #{ $id } vises nu kun med dit fornavn: { $name }.
not_a_story = #{ $id } er ikke en historie, så der er intet navn at skjule.
story_updated = Rettet! Historie #{ $id } er opdateret.
whatson_heading = Det sker { $window }:
whatson_none = Jeg kender ikke til noget { $window } endnu. Ved du om noget? Fortæl mig det, fx »Byttemarked i Glashuset lørdag kl. 10-14«.
whatson_more = … og { $count } mere. Spørg om en kortere periode, fx »i morgen«.
window_today = i dag
window_tonight = i aften
window_tomorrow = i morgen
window_day = { $day }
window_weekend = i weekenden
window_next_weekend = næste weekend
window_this_week = resten af ugen
window_next_week = i næste uge
window_week = i uge { $week }
window_this_month = resten af måneden
window_next_month = i næste måned
window_christmas = i julen
window_christmas_eve = juleaften
window_new_year = i nytåret
window_new_years_eve = nytårsaften
window_easter = i påsken
window_whitsun = i pinsen
window_summer_holiday = i sommerferien
window_autumn_holiday = i efterårsferien
window_winter_holiday = i vinterferien
repeat_daily = hver dag
repeat_workdays = alle hverdage
repeat_weekly = hver { $days }
repeat_weekly_2 = hver anden { $days }
repeat_weekly_3 = hver tredje { $days }
repeat_weekly_4 = hver fjerde { $days }
repeat_monthly = { $nth } { $day } i måneden
repeat_until = indtil { $date }
repeat_count = { $count ->
        [one] { $count } gang i alt
       *[other] { $count } gange i alt
    }
nth_1 = første
nth_2 = anden
nth_3 = tredje
nth_4 = fjerde
nth_-1 = sidste
label_repeat = Gentages
label_next = Næste gange
digest_series = Faste aktiviteter i denne uge:
digest_series_moved = flyttet fra { $from } til { $to }
digest_series_cancelled = aflyst { $day }
cancelled_one = Aflyst: »{ $title }« { $day }. De andre gange står stadig i kalenderen (#{ $id }).
cancel_which_day = Hvilken dag skal aflyses? Skriv fx »/aflys #{ $id } 10. december«. Vil du stoppe hele rækken, så skriv »/slet #{ $id }«.
cancel_not_that_day = #{ $id } finder ikke sted { $day }, så der er intet at aflyse den dag. Se datoerne med »/mine«.
window_upcoming = de næste 3 måneder
about_topic = med »{ $topic }«
about_place = i { $place }
tag_children = for børn
tag_free = gratis
tag_music = med musik
tag_sport = med sport og motion
tag_food = med mad
tag_nature = i naturen
tag_culture = med kultur
tag_seniors = for ældre
whatson_about_heading = Det sker { $window } – { $about }:
whatson_about_none = Jeg kender ikke til noget { $about } { $window }. Ved du noget, der sker, så skriv det til mig – så kommer det med.
window_christmas_holiday = i juleferien
clash_same_kind = samme slags aktivitet
clash_own_duplicate = Du har allerede sendt #{ $id } »{ $title }« med samme titel og tid. Er det den samme? Så slet den ene med »/slet #{ $id }«.
clash_own_overlap = Du har også #{ $id } »{ $title }« på samme tid.
pending_maybe_duplicate = muligvis den samme som #{ $id }
window_days = { $from } – { $to }
until_day = til og med { $day }
still_button_yes = ✅ Ja, det sker stadig
still_button_no = Nej, det er stoppet
still_happening_question = Hej! Sker »{ $title }« (#{ $id }, { $rule }) stadig? Svar »ja«, så bliver den stående i kalenderen, eller »nej«, så stopper jeg den efter i dag.
still_happening_yes = Tak! »{ $title }« (#{ $id }) bliver stående i kalenderen. Jeg spørger igen om nogle uger.
still_happening_no = Tak fordi du sagde til. »{ $title }« (#{ $id }) er stoppet efter { $day } og vises ikke længere fremover.
still_happening_unanswered = Til gruppens administratorer: { $name } har ikke svaret på, om »{ $title }« (#{ $id }) stadig sker. Den står stadig i kalenderen. Tjek med arrangøren – eller stop den med »/slet #{ $id }«.
still_happening_hidden = Til gruppens administratorer: { $name } har ikke svaret på, om »{ $title }« (#{ $id }) stadig sker, så den er skjult og venter på godkendelse igen. Se »/afventer«.
cancel_words_unknown = Jeg kan ikke finde en aktivitet »{ $what }«, som du har sendt. Se dine med »/mine«, og aflys en dag med »/aflys #N dato«.
moved_one = Flyttet: »{ $title }« { $from } er flyttet til { $to }. De andre gange er som før (#{ $id }).
move_how = Skriv hvilken dag, der flyttes, og hvortil, fx »/flyt #{ $id } 10. december til 11. december kl. 19«.
not_a_series = #{ $id } er ikke en fast aktivitet. Ret dag og tid med »/ret #{ $id } …«.
window_coming = de næste 7 dage
weekday_1 = mandag
weekday_2 = tirsdag
weekday_3 = onsdag
weekday_4 = torsdag
weekday_5 = fredag
weekday_6 = lørdag
weekday_7 = søndag
month_1 = januar
month_2 = februar
month_3 = marts
month_4 = april
month_5 = maj
month_6 = juni
month_7 = juli
month_8 = august
month_9 = september
month_10 = oktober
month_11 = november
month_12 = december
date_long = { $weekday } { $day }. { $month } { $year }
day_month_long = { $day }. { $month } { $year }
day_month_short = { $day }. { $month }
check_weekday = Tjek lige datoen for »{ $title }« (#{ $id }): { $day_month } er en { $actual }, ikke en { $said }. Mente du { $date }?{ $passed } Svar »ja« – eller skriv den rigtige dag, fx »{ $other }«.
check_far = Tjek lige datoen for »{ $title }« (#{ $id }): { $date } er langt ude i fremtiden. Er årstallet en slåfejl? Svar »ja« hvis datoen er rigtig – eller skriv den rigtige dag, fx »{ $example }«, eller »annuller«.
ask_again_far = Så langt ude i fremtiden kan jeg ikke gemme »{ $title }« (#{ $id }). Skriv den rigtige dag, fx »lørdag« eller »15. december« – eller »annuller« for at fortryde.
check_also_passed = {" "}Den dag er desuden allerede gået.
check_passed = Tjek lige datoen for »{ $title }« (#{ $id }): { $date } er allerede gået. Er det et gammelt opslag eller en slåfejl? Skriv den rigtige dag, fx »{ $example }« – eller »annuller«.
ask_again_passed = Den dag er allerede gået, så jeg kan ikke vise »{ $title }« til andre endnu. Skriv den rigtige dag, fx »lørdag« eller »15. december« – eller »annuller« for at fortryde #{ $id }.
ask_right_date = Hvilken dag er »{ $title }« (#{ $id }) så? Skriv fx »lørdag« eller »15. december« – eller »annuller« for at fortryde.
date_short = { $weekday } { $day }. { $month }
deleted = #{ $id } er slettet og vises ikke længere.
cancelled = Okay, #{ $id } er annulleret og vises ikke.
not_found = Jeg kan ikke finde #{ $id }. Se dine indsendelser med »/mine«.
not_yours = #{ $id } er ikke din, så du kan ikke ændre den. Kontakt en administrator, hvis der er et problem.
which_delete = Hvilken indsendelse vil du slette? Skriv nummeret, fx »/slet #nummer«. Se dine med »/mine«.
which_correct = Skriv nummeret og rettelsen, fx »/ret #nummer søndag kl. 11«. Se dine med »/mine«.
which_anonymous = Skriv nummeret på historien, fx »/anonym #nummer«. Se dine med »/mine«.
already_withdrawn = #{ $id } er allerede slettet.
correct_nothing = Jeg fandt ikke noget at rette. Skriv fx »/ret #{ $id } søndag kl. 11« eller »/ret #{ $id } i Glashuset«.
mine_heading = Dine indsendelser:
mine_none = Du har ikke indsendt noget endnu. Skriv fx »Historie: …« eller »Byttemarked i Glashuset lørdag kl. 10-14«.
kind_event = begivenhed
kind_story = historie
status_published = synlig
status_incomplete = mangler oplysninger
status_withdrawn = slettet
anonymous_name = anonym
platform_console = konsollen
platform_matrix = Matrix
platform_discord = Discord
platform_telegram = Telegram
unknown_command = Kommandoen »/{ $command }« kender jeg ikke. Skriv »/hjælp« for at se, hvad jeg kan.
unknown = Det forstod jeg ikke helt. Du kan fx:
unknown_event = fortælle om en begivenhed: »Byttemarked i Glashuset lørdag kl. 10-14«
unknown_story = dele en historie: »Historie: Café Solstrålen fejrede 1 år i dag«
unknown_query = spørge: »hvad sker der i weekenden?«
unknown_help = Skriv »/hjælp« for at se alt, hvad jeg kan.
help_heading = Hej! Jeg samler byens begivenheder og gode historier ét sted.
help_event = Fortæl om en begivenhed: skriv hvad, hvornår og hvor, fx »Byttemarked i Glashuset lørdag kl. 10-14« (eller »/begivenhed …«).
help_story = Del en god historie: »Historie: …« eller »/historie …«.
help_query = Spørg hvad der sker: »hvad sker der i weekenden?«, »i morgen«, »i julen«, »hvornår er der fællesspisning?«, »noget for børn på lørdag?« eller »/hvadsker«.
help_mine = Se dine indsendelser: »/mine«. Ret: »/ret #nummer søndag kl. 11«. Slet: »/slet #nummer«. Faste aktiviteter (»hver torsdag kl. 18«): aflys en dag med »/aflys #nummer 10. december«, flyt en med »/flyt #nummer 10/12 til 11/12«.
error = Beklager, noget gik galt hos mig, og din besked blev ikke gemt. Prøv igen om lidt.
awaiting_approval = Den vises for andre, når en administrator har godkendt den. Du får besked her.
pending_marker = venter på godkendelse
admin_only = Det er kun gruppens administratorer, der kan bruge »/{ $command }«. Spørg en administrator, hvis du mener, noget skal ændres.
pending_heading = Venter på godkendelse:
pending_none = Der er intet, der venter på godkendelse. Godt arbejde!
pending_hint = Godkend med »/godkend #{ $id }« eller afvis med »/afvis #{ $id } begrundelse«. Ret først med »/ret #{ $id } …«.
appeals_heading = Klager over moderering:
approved_admin = #{ $id } er godkendt og vises nu. Jeg har givet { $name } besked.
approved_notice = Godt nyt! { $your_kind } »{ $title }« (#{ $id }) er godkendt og vises nu for alle.
already_approved = #{ $id } er allerede godkendt.
not_pending = #{ $id } venter ikke på godkendelse (status: { $status }).
not_in_group = #{ $id } hører til en anden gruppe, hvor du ikke er administrator.
reaction_reject_reason = en administrator har vurderet, at den ikke passer her
reject_needs_reason = Skriv en kort begrundelse, som jeg kan give videre, fx »/afvis #{ $id } mangler tid og sted«.
rejected_admin = #{ $id } er afvist. Jeg har givet { $name } besked med din begrundelse.
rejected_notice = { $your_kind } »{ $title }« (#{ $id }) blev ikke godkendt. Begrundelse: { $reason }. Du kan rette { $it } med »/ret #{ $id } …« eller klage med »/klage #{ $id } …«.
which_approve = Skriv nummeret, fx »/godkend #nummer«. Se hvad der venter med »/afventer«.
which_reject = Skriv nummeret og en begrundelse, fx »/afvis #nummer mangler sted«.
announce_event = Ny begivenhed: { $title }
resubmitted = Tak, din rettelse er gemt. #{ $id } venter igen på godkendelse.
guideline_intro = Hej { $name }. Din besked i { $channel } følger ikke gruppens regler:
guideline_deleted = Derfor er den fjernet.
guideline_not_deleted = Den er ikke fjernet her, men gruppens administratorer har fået besked.
guideline_appeal = Er det en fejl? Skriv »/klage M{ $entry } …« til mig, så ser en administrator på det.
guideline_submission = Jeg har ikke gemt din besked, fordi den ikke følger gruppens regler:
guideline_submission_fix = Ret den gerne og send den igen.
rule_banned_word = den indeholder et ord, som gruppen ikke tillader (»{ $matched }«). Skriv den gerne uden.
rule_banned_pattern = den indeholder noget, som gruppen ikke tillader (»{ $matched }«).
rule_spam = den ligner reklame eller spam (»{ $matched }«). Reklame hører ikke til her.
rule_links = links som { $matched } er ikke tilladt her.
rule_caps = den er skrevet med mange store bogstaver ({ $matched }), og det læses som råb. Skriv gerne med almindelige bogstaver.
rule_flood = du har sendt mange beskeder hurtigt efter hinanden. Saml dem gerne i én besked.
rule_repeat = den samme besked er sendt flere gange. Én gang er nok.
rule_new_member = nye medlemmer kan ikke sende links i starten. Prøv igen senere, eller spørg en administrator.
rule_length = den er meget lang ({ $matched }). Gør den gerne kortere.
escalated_mute = { $name } har fået for mange advarsler og kan ikke skrive i { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minutter
    }.
escalated_ban = { $name } har fået for mange advarsler og er udelukket fra gruppen.
escalated_admins = Til administratorerne: { $name } har fået { $strikes ->
        [one] { $strikes } advarsel
       *[other] { $strikes } advarsler
    } på kort tid. Se »/log«.
cannot_enforce = Til administratorerne: en besked fra { $name } brød reglen »{ $rule }«, men jeg kan ikke { $what } her. Se »/log«.
log_heading = Moderationslog (nyeste først):
log_none = Loggen er tom. Ingen har brudt reglerne endnu.
log_undone = fortrudt
log_appeal = klage
unstrike_done = Advarsel M{ $entry } er fortrudt og tæller ikke længere.
unstrike_which = Skriv »/ophæv« og nummeret fra loggen (det begynder med M).
appeal_sent = Tak. Din klage er sendt til administratorerne, som ser på den.
appeal_which = Skriv »/klage«, nummeret og din forklaring. Nummeret står i beskeden fra mig: det begynder med M (en besked om reglerne) eller # (din indsendelse).
appeal_not_yours = Jeg kan ikke finde M{ $entry } blandt dine advarsler.
submission_appeal_sent = Tak. #{ $id } venter nu igen på godkendelse, med din klage.
trust_revoked = { $name } skal nu have sine indsendelser godkendt igen.
trust_restored = { $name } er igen betroet.
which_user = Skriv brugerens id, fx »/mistro mette«.
rules_heading = Reglerne i { $group }:
rules_banned_words = Nogle ord er ikke tilladt ({ $count } på listen).
rules_spam = Reklame og spam fjernes.
rules_links_none = Links er ikke tilladt.
rules_links_allowlist = Links er kun tilladt til: { $domains }.
rules_max_links = Højst { $count ->
        [one] { $count } link
       *[other] { $count } links
    } pr. besked.
rules_caps = Skriv ikke med store bogstaver (højst { $percent } %).
rules_flood = Højst { $count ->
        [one] { $count } besked
       *[other] { $count } beskeder
    } på { $seconds } sekunder.
rules_repeat = Send ikke den samme besked { $count } gange.
rules_new_member = Nye medlemmer kan ikke sende links { $hours ->
        [one] den første time
       *[other] de første { $hours } timer
    }.
rules_new_member_messages = Nye medlemmer kan ikke sende links i { $count ->
        [one] deres første besked
       *[other] deres første { $count } beskeder
    }.
rules_length = Højst { $count } tegn pr. besked.
rules_escalation = Efter { $count ->
        [one] { $count } advarsel
       *[other] { $count } advarsler
    } på { $hours ->
        [one] { $hours } time
       *[other] { $hours } timer
    }: { $what }.
rules_escalation_mute = ingen beskeder i { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minutter
    }
rules_escalation_ban = udelukkelse
rules_escalation_admins = administratorerne får besked
rules_approval_always = Nye indsendelser godkendes af en administrator, før de vises.
rules_approval_never = Nye indsendelser vises med det samme.
rules_approval_trusted = Indsendelser vises med det samme, når man har fået { $count ->
        [one] { $count } godkendt
       *[other] { $count } godkendt
    }; ellers godkender en administrator dem først.
digest_heading = Ugen i { $group }
digest_events = Det sker de næste 7 dage:
digest_no_events = Der er ingen begivenheder i den kommende uge endnu. Ved du om noget? Fortæl mig det, fx »Byttemarked i Glashuset lørdag kl. 10-14«.
digest_stories = Ugens gode historier:
digest_story_by = fortalt af { $name }
digest_thanks = { $count ->
        [one] Tak til { $names } for dit bidrag!
       *[other] Tak til { $names } for jeres bidrag!
    }
digest_and = og
digest_invite = Har du en god historie eller en begivenhed? Skriv til mig, fx »Historie: …«.
status_pending = venter på godkendelse
status_rejected = afvist
window_month = i { $month }
event_next_year = Bemærk: datoen er først næste år. Mente du en anden dag? Ret med »/ret #{ $id } …«.
not_yours_delete = #{ $id } er ikke din, så du kan ikke slette den. Kontakt en administrator, hvis der er et problem.
thanks_reply = Selv tak! Skriv endelig, når du kender til en begivenhed eller har en god historie.
greeting_reply = Hej! Jeg samler byens begivenheder og gode historier. Skriv »/hjælp« for at se, hvad jeg kan.
nothing_to_cancel = Der er ikke noget at annullere lige nu. Se dine indsendelser med »/mine«.
clash_duplicate = samme titel – er det den samme begivenhed?
delivery_failed = Til administratorerne: en besked til { $channel } kunne ikke leveres efter flere forsøg ({ $error }). Tjek at botten stadig er med i kanalen.
button_ok = 👍 Det er rigtigt
button_fix = ✏️ Ret
button_cancel = ✖️ Annuller
button_approve = ✅ Godkend #{ $id }
button_reject = ❌ Afvis #{ $id }
button_fix_hint = Skriv din rettelse, fx »/ret #{ $id } søndag kl. 11« eller »/ret #{ $id } sted: Glashuset«.
digest_places = Nye steder på kortet:
digest_recurring = Nye faste aktiviteter:
digest_recurring_item = { $count ->
        [one] { $count } gang
       *[other] { $count } gange
    } de næste 4 uger, første gang { $date }


# Places residents add ("Nyt sted: …") and ask about ("hvor er …?").
kind_place = sted
your_kind_event = Din begivenhed
your_kind_story = Din historie
your_kind_place = Dit sted
it_kind_event = den
it_kind_story = den
it_kind_place = det
place_needs_name = Hvad hedder stedet? Skriv fx »Nyt sted: Hundeskoven ved Ishøj Strand« og gerne et link fra OpenStreetMap eller Google Maps.
place_known = Tak! Jeg kender allerede { $name }.
place_saved = Tak! Jeg har gemt stedet »{ $name }« som #{ $id }.
place_updated = Rettet! Stedet »{ $name }« (#{ $id }) er opdateret.
place_kind_line = Slags sted: { $kind }.
place_on_map = Det kommer på kortet over byens steder.
place_no_map = Jeg fandt ingen placering. Send gerne et link fra OpenStreetMap eller Google Maps eller koordinater som 55.61, 12.35: skriv »/ret #{ $id }« og linket.
place_not_known = Jeg kender ikke »{ $place }« endnu. Kender du stedet? Skriv »Nyt sted: { $place }« og et link til kortet, så kommer det med.
place_where = { $name }:
place_where_address = { $name }: { $address }.
place_where_kind = { $name } ({ $kind }).
place_map_link = Kort: { $link }
place_no_link = Jeg har ikke et kort over stedet endnu.
place_kind_playground = legeplads
place_kind_dog_park = hundeskov
place_kind_cafe = café
place_kind_culture_house = kulturhus
place_kind_library = bibliotek
place_kind_park = park
place_kind_beach = strand og havn
place_kind_sports = sport og motion
place_kind_community_house = forsamlingshus
place_kind_nature = natur


# Drafts for the communication team (/pressemeddelelse, /nyhedsbrev).
draft_when = Hvornår
draft_where = Hvor
draft_link = Læs mere
draft_contact = { $group } via { $platform }
draft_missing_place = hvor det foregår
draft_missing_photo = et billede (spørg om lov til at bruge det)
draft_missing_quote = et citat fra en, der var med
draft_missing_details = flere detaljer: hvem stod bag, og hvad skete der
draft_missing_name = et navn på en kontaktperson (fortælleren vil være anonym)
draft_failed = Udkastet kunne ikke laves lige nu. Prøv igen, eller skriv til den, der driver botten.
draft_admins_only = Udkast til pressemeddelelser og nyhedsbreve er for gruppens administratorer.
draft_which = Skriv nummeret, fx »/pressemeddelelse #nummer«. Se dine med »/mine« eller køen med »/afventer«.
draft_not_published = #{ $id } er ikke godkendt endnu. Godkend den først med »/godkend #{ $id }«.
draft_not_story = #{ $id } er ikke en historie eller en begivenhed.


# The toolbox (/værktøj) and follow-up questions for short stories.
toolbox_heading = Værktøjskassen – korte vejledninger:
toolbox_hint = Skriv »/værktøj 1« for at læse den første.
toolbox_unknown = Jeg har ingen vejledning om »{ $asked }«.
help_toolbox = Gode råd om at skrive og fortælle: »/værktøj«.
coach_intro = Et par korte spørgsmål kan gøre historien endnu bedre. Svar, eller skriv »spring over«.
coach_who_where = Hvem stod bag, og hvor skete det?
coach_quote = Må vi bruge et citat fra dig? Skriv det, som du ville sige det.
coach_photo_consent = Må vi vise billedet i nyhedsbrevet og på nettet, og har alle på billedet sagt ja? Svar »ja« eller »nej«.
photo_alone = Tak for billedet! Skriv gerne et par ord om det som en historie: »Historie: …«, og send billedet med.
coach_quote_please = Dejligt! Skriv citatet, som du ville sige det – eller »spring over«.
coach_done = Tak! Historie #{ $id } er klar.

export_title = Historier
export_told_by = Fortalt af
export_anonymous = Fortalt af en borger
export_missing = Mangler:

# The web calendar (web_… keys; pages, feeds and the embed).
web_skip = Gå til indholdet
web_nav_label = Sider
web_calendar = Kalender
web_stories = Historier
web_places = Steder
web_about = Om og deltag
web_languages = Sprog
web_upcoming = Det sker
web_upcoming_intro = Begivenheder fra borgerne i { $title }, godkendt af frivillige. Skriv til botten for at dele din egen.
web_nothing = Der er ingen begivenheder i den periode endnu.
web_nothing_filtered = Ingen begivenheder passer til dit valg. Prøv at fjerne et filter.
web_filter = Vælg
web_filter_day = Dag
web_filter_place = Sted
web_filter_tag = Emne
web_filter_any = Alle
web_filter_apply = Vis
web_filter_clear = Ryd valg
web_more_events = Der er flere begivenheder, end siden kan vise. Vælg en dag for at se dem alle.
web_when = Hvornår
web_where = Hvor
web_repeats = Gentages
web_next_times = De næste gange
web_interested = { $count ->
        [one] { $count } er interesseret
       *[other] { $count } er interesserede
    }
web_add_to_calendar = Føj til din kalender (.ics)
web_back_to_calendar = Tilbage til kalenderen
web_show_on_map = Vis på kort
web_stories_intro = Gode historier fra hverdagen, fortalt af borgerne.
web_no_stories = Der er ingen historier endnu. Fortæl den første: skriv »Historie: …« til botten.
web_story_by = Fortalt af { $name }
web_story_anonymous = Fortalt af en borger
web_read_more = Læs mere
web_photo = Billede
web_places_intro = Steder i byen: legepladser, hundeskove, caféer, kulturhuse og meget mere.
web_no_places = Der er ingen steder endnu.
web_map_label = Kort over stederne
web_map_fallback = Kortet kræver JavaScript. Alle steder står i listen herunder.
web_events_here = Det sker her
web_open_map = Åbn kortet
web_also_called = Også kaldt
web_about_intro = { $title } samler byens fællesskaber fra flere chatkanaler i ét. Beboere fortæller om begivenheder og gode historier, og frivillige godkender dem.
web_join = Vær med
web_join_link = Deltag
web_no_channels = Der er ingen kanaler at vise endnu.
web_how_to = Sådan deler du en begivenhed
web_how_to_text = Skriv til botten i en af kanalerne, fx: »Byttemarked i Glashuset lørdag kl. 10-14«. Botten spørger, hvis den mangler noget.
web_feeds = Kalender og nyheder i dine egne apps
web_feed_ics = Kalender (iCalendar)
web_feed_atom = Historier (Atom)
web_feed_json = Begivenheder (JSON)
web_feed_places = Steder (GeoJSON)
web_groups = Fællesskaber
web_groups_intro = Vælg et fællesskab for at se dets kalender.
web_not_found_title = Siden findes ikke
web_not_found = Vi kunne ikke finde den side. Måske er begivenheden slut eller trukket tilbage.
web_bad_request_title = Det kan vi ikke vise
web_go_home = Gå til forsiden
web_error_title = Noget gik galt
web_error = Kalenderen kan ikke vises lige nu. Prøv igen om lidt.
web_bad_day = »{ $value }« er ikke en dato. Skriv den som 2026-12-05.
web_bad_tag = »{ $value }« er ikke et emne, vi kender. Vælg et fra listen.
web_bad_count = »{ $value }« er ikke et antal mellem 1 og 20.
web_bad_item = »{ $value }« er ikke et nummer på en begivenhed.
web_embed_title = De næste begivenheder
web_embed_all = Se hele kalenderen
web_all_day = hele dagen
web_today = i dag
web_tomorrow = i morgen
web_platform_channels = Kanaler på { $platform }

# What broke a rule, measured (the moderation log and the notes say it in
# the reader's language).
measure_links = { $count } links
measure_caps = { $count } % store bogstaver
measure_flood = { $count ->
        [one] { $count } besked
       *[other] { $count } beskeder
    } på { $seconds } sekunder
measure_repeat = { $count } gange »{ $text }«
measure_length = { $count } tegn
measure_strikes = { $count ->
        [one] { $count } advarsel
       *[other] { $count } advarsler
    }
# Rule and action names in »/log« and in notes to the administrators.
log_rule_banned_word = forbudt ord
log_rule_banned_pattern = forbudt tekst
log_rule_spam = reklame eller spam
log_rule_links = links
log_rule_caps = store bogstaver
log_rule_flood = mange beskeder hurtigt
log_rule_repeat = samme besked flere gange
log_rule_new_member = link fra nyt medlem
log_rule_length = for lang besked
log_rule_escalation = for mange advarsler
log_rule_admin_command = kommando kun for administratorer
log_rule_decision = afgørelse
log_action_note = privat besked
log_action_delete = slettet
log_action_mute = sat på pause
log_action_ban = udelukket
log_action_tell_admins = administratorerne fik besked
log_action_refused = afvist
log_action_approved = godkendt
log_action_rejected = afvist
# What the bot could not do (»… men jeg kan ikke { $what } her«).
cannot_delete = slette beskeder
cannot_mute = sætte folk på pause
cannot_ban = udelukke folk

# A person's own language (»/sprog tr«).
language_set = Fra nu af svarer jeg dig på { $language }.
language_cleared = Jeg svarer dig igen på det sprog, du skriver på (ellers kanalens).
language_choices = Vælg dit sprog med »/sprog« og koden: { $list }. »/sprog fra« fjerner valget.
language_unknown = Det sprog kender jeg ikke (»{ $choice }«). Jeg kan: { $list }.
language_submissions_in_danish_or_english = Begivenheder og historier kan jeg kun læse på dansk eller engelsk; spørg mig gerne på dit sprog, hvad der sker.
help_language = Vælg dit sprog: »/sprog« ({ $languages }).

## Kommandomenuerne i Discord og Telegram: hvad hver kommando gør (højst 100 tegn).
command_about_help = Hvad Vores kan
command_about_story = Del en god historie fra byen
command_about_event = Fortæl om en begivenhed: hvad, hvor, hvornår
command_about_whatson = Hvad sker der (fx i weekenden)
command_about_mine = Dine indsendelser
command_about_delete = Træk en af dine indsendelser tilbage (#nummer)
command_about_cancel = Aflys én dag af en fast aktivitet: #nummer og dagen
command_about_move = Flyt én dag af en fast aktivitet: #nummer, dagen, til hvad
command_about_correct = Ret en indsendelse: #nummer og det nye
command_about_anonymous = Vis din historie uden dit navn (#nummer)
command_about_rules = Gruppens retningslinjer
command_about_appeal = Klag over en afgørelse (#nummer eller M-nummer) og sig hvorfor
command_about_language = Vælg det sprog, jeg svarer dig på
command_about_place = Sæt et sted på byens kort: navn og et kortlink
command_about_toolbox = Korte vejledninger: fortæl en historie, en begivenhed, billeder
command_about_pending = Admins: hvad venter på godkendelse
command_about_approve = Admins: godkend en indsendelse (#nummer)
command_about_reject = Admins: afvis en indsendelse: #nummer og grunden
command_about_log = Admins: moderationsloggen
command_about_unstrike = Admins: ophæv et moderationsskridt (M-nummer)
command_about_distrust = Admins: gennemse altid denne persons opslag
command_about_trust = Admins: stol på denne person igen
command_about_press = Admins: udkast til pressemeddelelse om en historie eller begivenhed
command_about_newsletter = Admins: et afsnit til nyhedsbrevet om en historie eller begivenhed
command_about_subscribe = Få ugens nyt som privat besked
command_about_unsubscribe = Stop ugens nyt som privat besked
command_about_link = Forbind dine konti på flere platforme (kode)
command_about_unlink = Fjern forbindelsen til dine andre konti
command_option_text = Din tekst
command_option_number = #nummer

## Their own data (GDPR): /mine data, /glem mig.
my_data_heading = Det her gemmer jeg om dig:
my_data_submissions = { $count ->
        [one] { $count } indsendelse
       *[other] { $count } indsendelser
    } (se dem med »/mine«)
my_data_log = { $count ->
        [one] { $count } notat
       *[other] { $count } notater
    } i moderationsloggen
my_data_channels = at du har skrevet i { $count ->
        [one] { $count } kanal
       *[other] { $count } kanaler
    } (til reglerne for nye medlemmer)
my_data_interest = { $count ->
        [one] { $count } begivenhed
       *[other] { $count } begivenheder
    }, du har vist interesse for
my_data_messages = { $count ->
        [one] { $count } besked
       *[other] { $count } beskeder
    } fra mig til dig eller om dig
my_data_language = dit valgte sprog: { $language }
my_data_trust = om admins har valgt at stole på dig eller altid se dine opslag igennem
my_data_links = at din konto er forbundet med { $count ->
        [one] { $count } anden konto
       *[other] { $count } andre konti
    } (»/fjernforbindelse«)
my_data_subscription = at du får nyt som privat besked (»/afmeld«)
my_data_file = Det hele står også i filen { $file }, hvis din app kan tage imod filer.
my_data_nothing = Jeg gemmer ikke noget om dig.
my_data_forget = Vil du have det slettet? Skriv »/glem mig«.
sent_privately = Jeg har sendt dig svaret i en privat besked.
forget_confirm = Jeg sletter alt, hvad jeg gemmer om dig: dine indsendelser, der ikke er offentliggjort, dit sprog, din interesse og dine samtaler med mig. Det, der er offentliggjort, bliver stående uden dit navn, og i moderationsloggen står kun, at en regel blev brugt. Det kan ikke fortrydes. Skriv »/glem mig bekræft« for at gøre det.
forget_done = Nu har jeg glemt dig: { $deleted } slettet, { $kept } bliver stående uden dit navn. Tak fordi du var med.
help_privacy = Se, hvad jeg gemmer om dig: »/mine data«. Få det slettet: »/glem mig«.

## Linked accounts: /forbind, /fjernforbindelse.
link_code = Din kode er { $code }. Skriv »/forbind { $code }« til mig fra din anden konto (fx på Telegram, Discord eller Matrix) inden { $minutes ->
        [one] { $minutes } minut
       *[other] { $minutes } minutter
    }. Koden virker én gang.
link_done = Nu er dine konti forbundet: din tillid, dine advarsler, »/mine« og dit sprog gælder begge steder. Admin-rettigheder følger ikke med. Fortryd med »/fjernforbindelse«.
link_done_other = Din konto er nu forbundet med din konto på { $platform }. Fortryd med »/fjernforbindelse«.
link_already = De to konti er allerede forbundet.
link_unknown = Den kode kender jeg ikke. Tjek den, eller få en ny med »/forbind« på din anden konto.
link_expired = Den kode er for gammel (den virker i 10 minutter). Få en ny med »/forbind« på din anden konto.
link_own = Det er din egen kode. Send den til mig fra din anden konto.
link_too_many = Der er prøvet for mange forkerte koder. Vent en time, og prøv igen.
unlink_done = Din konto er ikke længere forbundet med dine andre konti.
unlink_none = Din konto er ikke forbundet med andre konti.
help_link = Er du her på flere platforme? Forbind dine konti med »/forbind«.

## The week's news by private message: /abonner, /afmeld.
subscribed = Nu får du ugens nyt fra { $group } som privat besked her på { $platform }, hver gang ugebrevet sendes. Stop med »/afmeld«.
subscribed_about = Nu får du hver uge en privat besked her på { $platform } om det, der sker i { $group } – { $about }. Kun i de uger, hvor der sker noget. Stop med »/afmeld«.
subscribed_daily = Nu får du hver morgen en privat besked her på { $platform } om det, der sker i dag i { $group }. Kun de dage, hvor der sker noget. Stop med »/afmeld«.
subscribed_daily_about = Nu får du hver morgen en privat besked her på { $platform } om det, der sker i dag i { $group } – { $about }. Kun de dage, hvor der sker noget. Stop med »/afmeld«.
subscribed_reach = Jeg kan kun skrive privat til dig, hvis du har skrevet privat til mig først (Telegram) eller tillader private beskeder (Discord); ellers stopper abonnementet.
subscription_footer = Du får denne besked, fordi du abonnerer. Stop med »/afmeld«.
unsubscribed = Du får ikke længere ugens nyt som privat besked.
not_subscribed = Du abonnerer ikke. Start med »/abonner«.
help_subscribe = Få nyt som privat besked: »/abonner« hver uge, »/abonner dagligt« hver morgen, »/abonner børn« kun for børn (stop med »/afmeld«).

## Ambassadors: the digest to pass on.
ambassador_intro = Tak fordi du deler ugens nyt! Her er en udgave, du kan sende videre, som den er:
digest_invite_share = Vil du fortælle om en begivenhed eller en god historie? Skriv til { $group } på Telegram, Discord eller Matrix.

## The console (the demo in a terminal).
console_greeting = Vores — du er { $name } i #{ $channel }. { $mode } Skriv en besked og tryk Enter (fx »/hjælp«); Ctrl-D afslutter.
console_greeting_admin = Vores — du er { $name } (administrator) i #{ $channel }. { $mode } Skriv en besked og tryk Enter (fx »/hjælp«); Ctrl-D afslutter.
console_group_chat = Det er en gruppechat: skriv »@vores …« eller en kommando til botten.
console_private_chat = Du skriver privat med botten.
console_private_to = [privat til { $name }]
console_file = [fil: { $name }]

## What separates the items of a list (with its space).
list_comma = { ", " }

## About the language: its name in itself, its direction (ltr or rtl) and
## other names /sprog and /language accept.
meta_name = Dansk
meta_direction = ltr
meta_aliases = dansk, danish, danca, danimarkaca, الدنماركية, данська
