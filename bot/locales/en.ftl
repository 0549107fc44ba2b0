### Vores — English (en)
### Review: written by the Vores developers; not yet reviewed by a native
### speaker.
###
### Keep replies short, warm and plain: many readers have English as a
### second or third language. { $name } is filled in by the bot; keep every
### variable of a text (see TRANSLATING.md).
saved_event = Thanks! I saved your event #{ $id }:
updated_event = Fixed! This is #{ $id } now:
label_title = Title
label_day = Day
label_time = Time
label_place = Place
all_day = all day
time_single = { $start }
time_range = { $start }–{ $end }
time_separator = :
place_unknown = not given
event_fix_hint = Anything wrong? Write e.g. “/edit #{ $id } Sunday at 11am”. Cancel with “/delete #{ $id }”.
event_in_past = Note: that time has already passed. Fix it with “/edit #{ $id } …” if it is a mistake.
ask_date = Thanks, I saved “{ $title }” as #{ $id }. Which day is it? Answer e.g. “Saturday” or “15 June”.
ask_time = Thanks, I saved “{ $title }” as #{ $id } ({ $day }). What time does it start? Answer e.g. “2pm”, “10am to 2pm” or “all day”.
ask_again_date = I found no day in your answer. Write e.g. “Saturday” or “15 June” – or “cancel” to drop #{ $id }.
ask_again_time = I found no time in your answer. Write e.g. “2pm” or “all day” – or “cancel” to drop #{ $id }.
invalid_date = That date is not in the calendar. Which day is “{ $title }” (#{ $id })? Answer e.g. “30 June”.
event_needs_title = Tell me what is happening, when and where. For example: “Litter pick at Ishøj Strand on Sunday at 10am”.
clash_intro = Heads up: something else is on the same day:
clash_same_place = same place
clash_nearby = just nearby
clash_same_time = same time
clash_more = … and { $count } more that day.
clash_outro = Maybe you can team up, or avoid competing? Do talk to the organisers.
by_line = from { $name } on { $platform }
saved_story = Thank you for your story! It is saved as #{ $id }.
story_named = It will be shown with the name { $name }. First name only: write “/firstname #{ $id }”. No name at all: “/anonymous #{ $id }”.
story_named_short = It will be shown with the name { $name }. If you would rather stay anonymous, write “/anonymous #{ $id }”.
story_anonymous = It will be shown without your name.
story_too_short = Write the whole story after “Story:”, e.g. “Story: Café Solstrålen turned 1 today with cake for everyone”.
story_anonymous_done = #{ $id } is now shown without your name.
story_first_name_done = #{ $id } is now shown with your first name only: { $name }.
not_a_story = #{ $id } is not a story, so there is no name to hide.
story_updated = Fixed! Story #{ $id } is updated.
whatson_heading = What's on { $window }:
whatson_none = I don't know of anything { $window } yet. Do you? Tell me, e.g. “Litter pick at Ishøj Strand on Sunday at 10am”.
whatson_more = … and { $count } more. Ask about a shorter time, e.g. “tomorrow”.
window_today = today
window_tonight = tonight
window_tomorrow = tomorrow
window_day = { $day }
window_weekend = this weekend
window_next_weekend = next weekend
window_this_week = for the rest of this week
window_next_week = next week
window_week = in week { $week }
window_this_month = for the rest of this month
window_next_month = next month
window_christmas = at Christmas
window_christmas_eve = on Christmas Eve
window_new_year = at New Year
window_new_years_eve = on New Year's Eve
window_easter = at Easter
window_whitsun = at Whitsun
window_summer_holiday = in the summer holidays
window_autumn_holiday = in the autumn holiday
window_winter_holiday = in the winter holiday
repeat_daily = every day
repeat_workdays = every weekday
repeat_weekly = every { $days }
repeat_weekly_2 = every other { $days }
repeat_weekly_3 = every third { $days }
repeat_weekly_4 = every fourth { $days }
repeat_monthly = the { $nth } { $day } of each month
repeat_until = until { $date }
repeat_count = { $count ->
        [one] { $count } time in all
       *[other] { $count } times in all
    }
nth_1 = first
nth_2 = second
nth_3 = third
nth_4 = fourth
nth_-1 = last
label_repeat = Repeats
label_next = Next dates
digest_series = Regular activities this week:
digest_series_moved = moved from { $from } to { $to }
digest_series_cancelled = cancelled on { $day }
cancelled_one = Cancelled: “{ $title }” on { $day }. The other dates still stand (#{ $id }).
cancel_which_day = Which day should be cancelled? Write e.g. “/cancel #{ $id } 10 December”. To stop the whole series, write “/delete #{ $id }”.
cancel_not_that_day = #{ $id } does not take place on { $day }, so there is nothing to cancel that day. See the dates with “/mine”.
window_upcoming = in the next 3 months
about_topic = with “{ $topic }”
about_place = at { $place }
tag_children = for children
tag_free = free
tag_music = with music
tag_sport = with sport and exercise
tag_food = with food
tag_nature = outdoors
tag_culture = with culture
tag_seniors = for older people
whatson_about_heading = What's on { $window } – { $about }:
whatson_about_none = I don't know of anything { $about } { $window }. If you know of something, tell me and I'll add it.
window_christmas_holiday = in the Christmas holidays
clash_same_kind = same kind of activity
clash_own_duplicate = You already sent #{ $id } “{ $title }” with the same title and time. Is it the same one? Then delete one with “/delete #{ $id }”.
clash_own_overlap = You also have #{ $id } “{ $title }” at the same time.
pending_maybe_duplicate = maybe the same as #{ $id }
window_days = { $from } – { $to }
until_day = until { $day }
still_button_yes = ✅ Yes, it still happens
still_button_no = No, it has stopped
still_happening_question = Hi! Does “{ $title }” (#{ $id }, { $rule }) still happen? Answer “yes” and it stays in the calendar, or “no” and I'll stop it after today.
still_happening_yes = Thank you! “{ $title }” (#{ $id }) stays in the calendar. I'll ask again in a few weeks.
still_happening_no = Thanks for telling me. “{ $title }” (#{ $id }) has stopped after { $day } and is no longer shown from now on.
still_happening_unanswered = For the group's admins: { $name } has not answered whether “{ $title }” (#{ $id }) still happens. It is still in the calendar. Check with the organiser – or stop it with “/delete #{ $id }”.
still_happening_hidden = For the group's admins: { $name } has not answered whether “{ $title }” (#{ $id }) still happens, so it is hidden and waits for approval again. See “/pending”.
cancel_words_unknown = I can't find an activity “{ $what }” that you sent. See yours with “/mine”, and cancel a day with “/cancel #N date”.
moved_one = Moved: “{ $title }” on { $from } is now on { $to }. The other dates are as before (#{ $id }).
move_how = Write which day moves and where to, e.g. “/move #{ $id } 10 December to 11 December at 7pm”.
not_a_series = #{ $id } is not a regular activity. Change its day and time with “/edit #{ $id } …”.
window_coming = in the next 7 days
weekday_1 = Monday
weekday_2 = Tuesday
weekday_3 = Wednesday
weekday_4 = Thursday
weekday_5 = Friday
weekday_6 = Saturday
weekday_7 = Sunday
month_1 = January
month_2 = February
month_3 = March
month_4 = April
month_5 = May
month_6 = June
month_7 = July
month_8 = August
month_9 = September
month_10 = October
month_11 = November
month_12 = December
date_long = { $weekday } { $day } { $month } { $year }
day_month_long = { $day } { $month } { $year }
day_month_short = { $day } { $month }
check_weekday = Please check the date of “{ $title }” (#{ $id }): { $day_month } is a { $actual }, not a { $said }. Did you mean { $date }?{ $passed } Answer “yes” – or write the right day, e.g. “{ $other }”.
check_far = Please check the date of “{ $title }” (#{ $id }): { $date } is a long way off. Is the year a typo? Answer “yes” if the date is right – or write the right day, e.g. “{ $example }”, or “cancel”.
ask_again_far = I can’t save “{ $title }” (#{ $id }) that far ahead. Write the right day, e.g. “Saturday” or “15 December” – or “cancel” to drop it.
check_also_passed = {" "}That day has also already passed.
check_passed = Please check the date of “{ $title }” (#{ $id }): { $date } has already passed. Is it an old post or a typo? Write the right day, e.g. “{ $example }” – or “cancel”.
ask_again_passed = That day has already passed, so I can’t show “{ $title }” to others yet. Write the right day, e.g. “Saturday” or “15 December” – or “cancel” to drop #{ $id }.
ask_right_date = Which day is “{ $title }” (#{ $id }) then? Write e.g. “Saturday” or “15 December” – or “cancel” to drop it.
date_short = { $weekday } { $day } { $month }
deleted = #{ $id } is withdrawn and no longer shown.
cancelled = OK, #{ $id } is cancelled and will not be shown.
not_found = I can't find #{ $id }. See what you sent with “/mine”.
not_yours = #{ $id } is not yours, so you can't change it. Please contact an admin if something is wrong.
which_delete = Which one should I delete? Write its number, e.g. “/delete #number”. See yours with “/mine”.
which_correct = Write the number and the fix, e.g. “/edit #number Sunday at 11am”. See yours with “/mine”.
which_anonymous = Write the story's number, e.g. “/anonymous #number”. See yours with “/mine”.
already_withdrawn = #{ $id } is already withdrawn.
correct_nothing = I found nothing to fix. Write e.g. “/edit #{ $id } Sunday at 11am” or “/edit #{ $id } at the library”.
mine_heading = What you have sent:
mine_none = You haven't sent anything yet. Write e.g. “Story: …” or “Litter pick at Ishøj Strand on Sunday at 10am”.
kind_event = event
kind_story = story
status_published = visible
status_incomplete = missing details
status_withdrawn = withdrawn
anonymous_name = anonymous
platform_console = the console
platform_matrix = Matrix
platform_discord = Discord
platform_telegram = Telegram
unknown_command = I don't know the command “/{ $command }”. Write “/help” to see what I can do.
unknown = I didn't quite get that. You can for example:
unknown_event = tell me about an event: “Litter pick at Ishøj Strand on Sunday at 10am”
unknown_story = share a story: “Story: Café Solstrålen turned 1 today”
unknown_query = ask: “what's on this weekend?”
unknown_help = Write “/help” to see everything I can do.
help_heading = Hi! I gather the town's events and good stories in one place.
help_event = Tell me about an event: write what, when and where, e.g. “Litter pick at Ishøj Strand on Sunday 14 June at 10am” (or “/event …”).
help_story = Share a good story: “Story: …” or “/story …”.
help_query = Ask what's on: “what's on this weekend?”, “tomorrow”, “at Christmas”, “when is the next litter pick?”, “anything for kids on Saturday?” or “/whatson”.
help_mine = See what you sent: “/mine”. Fix: “/edit #number Sunday at 11am”. Delete: “/delete #number”. Regular activities (“every Thursday at 6pm”): cancel a day with “/cancel #number 10 December”, move one with “/move #number 10 December to 11 December”.
error = Sorry, something went wrong on my side and your message was not saved. Please try again in a moment.
awaiting_approval = Others will see it when an admin has approved it. I'll let you know here.
pending_marker = awaiting approval
admin_only = Only the group's admins can use “/{ $command }”. Please ask an admin if you think something should change.
pending_heading = Awaiting approval:
pending_none = Nothing is waiting for approval. Well done!
pending_hint = Approve with “/approve #{ $id }” or reject with “/reject #{ $id } reason”. Fix it first with “/edit #{ $id } …”.
appeals_heading = Appeals against moderation:
approved_admin = #{ $id } is approved and visible now. I have told { $name }.
approved_notice = Good news! { $your_kind } “{ $title }” (#{ $id }) is approved and visible to everyone now.
already_approved = #{ $id } is already approved.
not_pending = #{ $id } is not waiting for approval (status: { $status }).
not_in_group = #{ $id } belongs to another group, where you are not an admin.
reaction_reject_reason = an admin decided it does not fit here
reject_needs_reason = Please add a short reason I can pass on, e.g. “/reject #{ $id } needs a time and a place”.
rejected_admin = #{ $id } is rejected. I have told { $name }, with your reason.
rejected_notice = { $your_kind } “{ $title }” (#{ $id }) was not approved. Reason: { $reason }. You can fix { $it } with “/edit #{ $id } …” or appeal with “/appeal #{ $id } …”.
which_approve = Write the number, e.g. “/approve #number”. See what is waiting with “/pending”.
which_reject = Write the number and a reason, e.g. “/reject #number needs a place”.
announce_event = New event: { $title }
resubmitted = Thanks, your fix is saved. #{ $id } is waiting for approval again.
guideline_intro = Hi { $name }. Your message in { $channel } does not follow the group's rules:
guideline_deleted = So it has been removed.
guideline_not_deleted = It has not been removed here, but the group's admins have been told.
guideline_appeal = Is this a mistake? Write “/appeal M{ $entry } …” to me and an admin will look at it.
guideline_submission = I have not saved your message, because it does not follow the group's rules:
guideline_submission_fix = Please fix it and send it again.
rule_banned_word = it contains a word the group does not allow (“{ $matched }”). Please write it without.
rule_banned_pattern = it contains something the group does not allow (“{ $matched }”).
rule_spam = it looks like advertising or spam (“{ $matched }”). Advertising does not belong here.
rule_links = links like { $matched } are not allowed here.
rule_caps = it is written in many capital letters ({ $matched }), which reads as shouting. Please use normal letters.
rule_flood = you sent many messages quickly after each other. Please put them in one message.
rule_repeat = the same message was sent several times. Once is enough.
rule_new_member = new members cannot send links at first. Please try again later, or ask an admin.
rule_length = it is very long ({ $matched }). Please make it shorter.
escalated_mute = { $name } has had too many warnings and cannot write for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }.
escalated_ban = { $name } has had too many warnings and is banned from the group.
escalated_admins = To the admins: { $name } has had { $strikes ->
        [one] { $strikes } warning
       *[other] { $strikes } warnings
    } in a short time. See “/log”.
cannot_enforce = To the admins: a message from { $name } broke the rule “{ $rule }”, but I cannot { $what } here. See “/log”.
log_heading = Moderation log (newest first):
log_none = The log is empty. Nobody has broken the rules yet.
log_undone = undone
log_appeal = appeal
unstrike_done = Warning M{ $entry } is undone and no longer counts.
unstrike_which = Write “/unstrike” and the number from the log (it starts with M).
appeal_sent = Thank you. Your appeal has been sent to the admins, who will look at it.
appeal_which = Write “/appeal”, the number and your explanation. The number is in my message to you: it starts with M (a note about the rules) or # (your submission).
appeal_not_yours = I can't find M{ $entry } among your warnings.
submission_appeal_sent = Thank you. #{ $id } is waiting for approval again, with your appeal.
trust_revoked = { $name }'s submissions need approval again from now on.
trust_restored = { $name } is trusted again.
which_user = Write the user's id, e.g. “/distrust mette”.
rules_heading = The rules in { $group }:
rules_banned_words = Some words are not allowed ({ $count } on the list).
rules_spam = Advertising and spam are removed.
rules_links_none = Links are not allowed.
rules_links_allowlist = Links are only allowed to: { $domains }.
rules_max_links = At most { $count ->
        [one] { $count } link
       *[other] { $count } links
    } per message.
rules_caps = Don't write in capitals (at most { $percent } %).
rules_flood = At most { $count ->
        [one] { $count } message
       *[other] { $count } messages
    } in { $seconds } seconds.
rules_repeat = Don't send the same message { $count } times.
rules_new_member = New members cannot send links in their { $hours ->
        [one] first hour
       *[other] first { $hours } hours
    }.
rules_new_member_messages = New members cannot send links in their { $count ->
        [one] first message
       *[other] first { $count } messages
    }.
rules_length = At most { $count ->
        [one] { $count } character
       *[other] { $count } characters
    } per message.
rules_escalation = After { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    } in { $hours ->
        [one] { $hours } hour
       *[other] { $hours } hours
    }: { $what }.
rules_escalation_mute = no messages for { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }
rules_escalation_ban = a ban
rules_escalation_admins = the admins are told
rules_approval_always = New submissions are approved by an admin before they are shown.
rules_approval_never = New submissions are shown at once.
rules_approval_trusted = Submissions are shown at once once you have had { $count ->
        [one] { $count } approved
       *[other] { $count } approved
    }; until then an admin approves them first.
digest_heading = The week in { $group }
digest_events = What's on in the next 7 days:
digest_no_events = There are no events in the coming week yet. Do you know of one? Tell me, e.g. “Litter pick at Ishøj Strand on Sunday at 10am”.
digest_stories = Good stories this week:
digest_story_by = told by { $name }
digest_thanks = { $count ->
        [one] Thank you to { $names } for your contribution!
       *[other] Thank you to { $names } for your contributions!
    }
digest_and = and
digest_invite = Do you have a good story or an event? Write to me, e.g. “Story: …”.
status_pending = awaiting approval
status_rejected = rejected
window_month = in { $month }
event_next_year = Note: that date is next year. Did you mean another day? Fix it with “/edit #{ $id } …”.
not_yours_delete = #{ $id } is not yours, so you can't delete it. Please contact an admin if something is wrong.
thanks_reply = You're welcome! Do write when you know of an event or have a good story.
greeting_reply = Hi! I gather the town's events and good stories. Write “/help” to see what I can do.
nothing_to_cancel = There is nothing to cancel right now. See what you sent with “/mine”.
clash_duplicate = same title – is it the same event?
delivery_failed = To the admins: a message to { $channel } could not be delivered after several attempts ({ $error }). Please check that the bot is still in the channel.
button_ok = 👍 That's right
button_fix = ✏️ Fix
button_cancel = ✖️ Cancel
button_approve = ✅ Approve #{ $id }
button_reject = ❌ Reject #{ $id }
button_fix_hint = Write your fix, e.g. “/edit #{ $id } Sunday at 11am” or “/edit #{ $id } place: the library”.
digest_places = New places on the map:
digest_recurring = New regular activities:
digest_recurring_item = { $count ->
        [one] { $count } time
       *[other] { $count } times
    } in the next 4 weeks, first on { $date }


# Places residents add ("New place: …") and ask about ("where is …?").
kind_place = place
your_kind_event = Your event
your_kind_story = Your story
your_kind_place = Your place
it_kind_event = it
it_kind_story = it
it_kind_place = it
place_needs_name = What is the place called? Write for example "New place: The dog park by Ishøj Strand" and, if you can, a link from OpenStreetMap or Google Maps.
place_known = Thank you! I already know { $name }.
place_saved = Thank you! I have saved the place "{ $name }" as #{ $id }.
place_updated = Corrected! The place "{ $name }" (#{ $id }) is updated.
place_kind_line = Kind of place: { $kind }.
place_on_map = It will be on the map of places in town.
place_no_map = I found no location. Please send a link from OpenStreetMap or Google Maps, or coordinates like 55.61, 12.35: write "/edit #{ $id }" and the link.
place_not_known = I don't know "{ $place }" yet. Do you know the place? Write "New place: { $place }" and a map link, and it will be added.
place_where = { $name }:
place_where_address = { $name }: { $address }.
place_where_kind = { $name } ({ $kind }).
place_map_link = Map: { $link }
place_no_link = I don't have a map of the place yet.
place_kind_playground = playground
place_kind_dog_park = dog park
place_kind_cafe = café
place_kind_culture_house = culture house
place_kind_library = library
place_kind_park = park
place_kind_beach = beach and harbour
place_kind_sports = sports and exercise
place_kind_community_house = community house
place_kind_nature = nature


# Drafts for the communication team (/press, /newsletter).
draft_when = When
draft_where = Where
draft_link = Read more
draft_contact = { $group } via { $platform }
draft_missing_place = where it takes place
draft_missing_photo = a photo (ask for permission to use it)
draft_missing_quote = a quote from someone who was there
draft_missing_details = more details: who was behind it, and what happened
draft_missing_name = a contact person's name (the teller wants to stay anonymous)
draft_failed = The draft could not be made right now. Please try again, or tell whoever runs the bot.
draft_admins_only = Press release and newsletter drafts are for the group's admins.
draft_which = Write the number, e.g. "/press #number". See yours with "/mine" or the queue with "/pending".
draft_not_published = #{ $id } is not approved yet. Approve it first with "/approve #{ $id }".
draft_not_story = #{ $id } is not a story or an event.


# The toolbox (/toolbox) and follow-up questions for short stories.
toolbox_heading = The toolbox – short guides:
toolbox_hint = Write "/toolbox 1" to read the first one.
toolbox_unknown = I have no guide about "{ $asked }".
help_toolbox = Tips on writing and telling: "/toolbox".
coach_intro = A couple of short questions can make the story even better. Answer, or write "skip".
coach_who_where = Who was behind it, and where did it happen?
coach_quote = May we use a quote from you? Write it as you would say it.
coach_photo_consent = May we show the photo in the newsletter and on the web, and has everyone in it said yes? Answer "yes" or "no".
photo_alone = Thank you for the photo! Please write a few words about it as a story: "Story: …", and send the photo with it.
coach_quote_please = Lovely! Write the quote as you would say it – or "skip".
coach_done = Thank you! Story #{ $id } is ready.

export_title = Stories
export_told_by = Told by
export_anonymous = Told by a resident
export_missing = Missing:

# The web calendar (web_… keys; pages, feeds and the embed).
web_skip = Skip to content
web_nav_label = Pages
web_calendar = Calendar
web_stories = Stories
web_places = Places
web_about = About and join
web_languages = Languages
web_upcoming = What's on
web_upcoming_intro = Events from the residents of { $title }, approved by volunteers. Message the bot to share your own.
web_nothing = There are no events in that period yet.
web_nothing_filtered = No events match your choice. Try removing a filter.
web_filter = Choose
web_filter_day = Day
web_filter_place = Place
web_filter_tag = Topic
web_filter_any = All
web_filter_apply = Show
web_filter_clear = Clear
web_more_events = There are more events than this page can show. Choose a day to see them all.
web_when = When
web_where = Where
web_repeats = Repeats
web_next_times = The next times
web_interested = { $count } interested
web_add_to_calendar = Add to your calendar (.ics)
web_back_to_calendar = Back to the calendar
web_show_on_map = Show on map
web_stories_intro = Good stories from everyday life, told by residents.
web_no_stories = There are no stories yet. Tell the first one: send "Story: …" to the bot.
web_story_by = Told by { $name }
web_story_anonymous = Told by a resident
web_read_more = Read more
web_photo = Photo
web_places_intro = Places in town: playgrounds, dog parks, cafés, culture houses and more.
web_no_places = There are no places yet.
web_map_label = Map of the places
web_map_fallback = The map needs JavaScript. Every place is in the list below.
web_events_here = On here
web_open_map = Open the map
web_also_called = Also called
web_about_intro = { $title } brings the town's communities from several chat channels together. Residents share events and good stories, and volunteers approve them.
web_join = Join
web_join_link = Join
web_no_channels = There are no channels to show yet.
web_how_to = How to share an event
web_how_to_text = Message the bot in one of the channels, for example: "Swap market at Glashuset Saturday 10am-2pm". The bot asks if something is missing.
web_feeds = Calendar and news in your own apps
web_feed_ics = Calendar (iCalendar)
web_feed_atom = Stories (Atom)
web_feed_json = Events (JSON)
web_feed_places = Places (GeoJSON)
web_groups = Communities
web_groups_intro = Choose a community to see its calendar.
web_not_found_title = Page not found
web_not_found = We could not find that page. Perhaps the event is over or was withdrawn.
web_bad_request_title = We cannot show that
web_go_home = Go to the front page
web_error_title = Something went wrong
web_error = The calendar cannot be shown right now. Please try again in a moment.
web_bad_day = "{ $value }" is not a date. Write it like 2026-12-05.
web_bad_tag = "{ $value }" is not a topic we know. Choose one from the list.
web_bad_count = "{ $value }" is not a number between 1 and 20.
web_bad_item = "{ $value }" is not the number of an event.
web_embed_title = Coming up
web_embed_all = See the whole calendar
web_all_day = all day
web_today = today
web_tomorrow = tomorrow
web_platform_channels = Channels on { $platform }

# What broke a rule, measured (the moderation log and the notes say it in
# the reader's language).
measure_links = { $count ->
        [one] { $count } link
       *[other] { $count } links
    }
measure_caps = { $count }% capitals
measure_flood = { $count ->
        [one] { $count } message
       *[other] { $count } messages
    } in { $seconds } seconds
measure_repeat = { $count } times “{ $text }”
measure_length = { $count ->
        [one] { $count } character
       *[other] { $count } characters
    }
measure_strikes = { $count ->
        [one] { $count } warning
       *[other] { $count } warnings
    }
# Rule and action names in “/log” and in notes to the admins.
log_rule_banned_word = banned word
log_rule_banned_pattern = banned text
log_rule_spam = advertising or spam
log_rule_links = links
log_rule_caps = capital letters
log_rule_flood = many messages quickly
log_rule_repeat = same message several times
log_rule_new_member = link from a new member
log_rule_length = message too long
log_rule_escalation = too many warnings
log_rule_admin_command = command for admins only
log_rule_decision = decision
log_action_note = private note
log_action_delete = deleted
log_action_mute = muted
log_action_ban = banned
log_action_tell_admins = admins told
log_action_refused = refused
log_action_approved = approved
log_action_rejected = rejected
# What the bot could not do (“… but I cannot { $what } here”).
cannot_delete = delete messages
cannot_mute = mute people
cannot_ban = ban people

# A person's own language (“/language tr”).
language_set = From now on I reply to you in { $language }.
language_cleared = I reply in the language you write in again (or the channel's).
language_choices = Choose your language with “/language” and its code: { $list }. “/language off” removes the choice.
language_unknown = I don't know that language (“{ $choice }”). I can: { $list }.
language_submissions_in_danish_or_english = I can read events and stories only in Danish or English; do ask me in your language what's on.
help_language = Choose your language: “/language” ({ $languages }).

## The command menus of Discord and Telegram: what each command does (at most 100 characters).
command_about_help = What Vores can do
command_about_story = Share a good story from town
command_about_event = Tell about an event: what, where, when
command_about_whatson = What's on (e.g. this weekend)
command_about_mine = Your submissions
command_about_delete = Withdraw one of your submissions (#number)
command_about_cancel = Cancel one day of a regular activity: #number and the day
command_about_move = Move one day of a regular activity: #number, the day, to what
command_about_correct = Correct a submission: #number and the new details
command_about_anonymous = Show your story without your name (#number)
command_about_rules = The group's posting guidelines
command_about_appeal = Appeal a decision (#number or M number) and say why
command_about_language = Choose the language I answer you in
command_about_place = Add a place to the town's map: name, then a map link
command_about_toolbox = Short guides: tell a story, announce an event, photos
command_about_pending = Admins: what waits for approval
command_about_approve = Admins: approve a submission (#number)
command_about_reject = Admins: reject a submission: #number and the reason
command_about_log = Admins: the moderation log
command_about_unstrike = Admins: undo a moderation step (M number)
command_about_distrust = Admins: always review this person's posts
command_about_trust = Admins: trust this person again
command_about_press = Admins: a press release draft of a story or event
command_about_newsletter = Admins: a newsletter paragraph of a story or event
command_about_subscribe = Get the week's news as a private message
command_about_unsubscribe = Stop the week's news by private message
command_about_link = Link your accounts on several platforms (code)
command_about_unlink = Unlink your other accounts
command_option_text = Your text
command_option_number = #number

## Their own data (GDPR): /mine data, /glem mig.
my_data_heading = This is what I keep about you:
my_data_submissions = { $count ->
        [one] { $count } submission
       *[other] { $count } submissions
    } (see them with “/mine”)
my_data_log = { $count ->
        [one] { $count } note
       *[other] { $count } notes
    } in the moderation log
my_data_channels = that you have written in { $count ->
        [one] { $count } channel
       *[other] { $count } channels
    } (for the rules for new members)
my_data_interest = { $count ->
        [one] { $count } event
       *[other] { $count } events
    } you showed interest in
my_data_messages = { $count ->
        [one] { $count } message
       *[other] { $count } messages
    } from me to you or about you
my_data_language = the language you chose: { $language }
my_data_trust = whether admins chose to trust you or always review your posts
my_data_links = that your account is linked with { $count ->
        [one] { $count } other account
       *[other] { $count } other accounts
    } (“/unlink”)
my_data_subscription = that you get news as a private message (“/unsubscribe”)
my_data_file = All of it is also in the file { $file }, if your app can receive files.
my_data_nothing = I keep nothing about you.
my_data_forget = Do you want it erased? Write “/forget me”.
sent_privately = I have sent you the answer in a private message.
forget_confirm = I will erase everything I keep about you: your submissions that are not published, your language, your interest and your conversations with me. What is published stays, without your name, and the moderation log only keeps that a rule was applied. This cannot be undone. Write “/forget me confirm” to do it.
forget_done = I have forgotten you: { $deleted } erased, { $kept } stays without your name. Thank you for taking part.
help_privacy = See what I keep about you: “/my data”. Have it erased: “/forget me”.

## Linked accounts: /forbind, /fjernforbindelse.
link_code = Your code is { $code }. Write “/link { $code }” to me from your other account (e.g. on Telegram, Discord or Matrix) within { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }. The code works once.
link_done = Your accounts are linked now: your trust, your warnings, “/mine” and your language count on both. Admin rights do not carry over. Undo it with “/unlink”.
link_done_other = Your account is now linked with your account on { $platform }. Undo it with “/unlink”.
link_already = Those two accounts are already linked.
link_unknown = I don't know that code. Check it, or get a new one with “/link” on your other account.
link_expired = That code is too old (it works for 10 minutes). Get a new one with “/link” on your other account.
link_own = That is your own code. Send it to me from your other account.
link_too_many = Too many wrong codes were tried. Wait an hour and try again.
unlink_done = Your account is no longer linked with your other accounts.
unlink_none = Your account is not linked with other accounts.
help_link = On more than one platform? Link your accounts with “/link”.

## The week's news by private message: /abonner, /afmeld.
subscribed = You will now get the week's news from { $group } as a private message here on { $platform }, whenever the weekly digest goes out. Stop with “/unsubscribe”.
subscribed_about = You will now get a private message here on { $platform } each week about what happens in { $group } – { $about }. Only in weeks when something does. Stop with “/unsubscribe”.
subscribed_daily = You will now get a private message here on { $platform } each morning about what happens today in { $group }. Only on days when something does. Stop with “/unsubscribe”.
subscribed_daily_about = You will now get a private message here on { $platform } each morning about what happens today in { $group } – { $about }. Only on days when something does. Stop with “/unsubscribe”.
subscribed_reach = I can only write to you privately if you have written to me privately first (Telegram) or allow private messages (Discord); otherwise the subscription stops.
subscription_footer = You get this message because you subscribed. Stop with “/unsubscribe”.
unsubscribed = You will no longer get the week's news as a private message.
not_subscribed = You are not subscribed. Start with “/subscribe”.
help_subscribe = Get news as a private message: “/subscribe” each week, “/subscribe daily” each morning, “/subscribe kids” only for children (stop with “/unsubscribe”).

## Ambassadors: the digest to pass on.
ambassador_intro = Thank you for passing the week's news on! Here is a version you can forward as it is:
digest_invite_share = Want to tell about an event or a good story? Write to { $group } on Telegram, Discord or Matrix.

## The console (the demo in a terminal).
console_greeting = Vores — you are { $name } in #{ $channel }. { $mode } Type a message and press Enter (e.g. “/help”); Ctrl-D quits.
console_greeting_admin = Vores — you are { $name } (an admin) in #{ $channel }. { $mode } Type a message and press Enter (e.g. “/help”); Ctrl-D quits.
console_group_chat = This is a group chat: write “@vores …” or a command to the bot.
console_private_chat = You are talking privately with the bot.
console_private_to = [private to { $name }]
console_file = [file: { $name }]

## What separates the items of a list (with its space).
list_comma = { ", " }

## About the language: its name in itself, its direction (ltr or rtl) and
## other names /sprog and /language accept.
meta_name = English
meta_direction = ltr
meta_aliases = english, engelsk, ingilizce, الإنجليزية, англійська
