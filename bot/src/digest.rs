//! The weekly digest: the coming week's approved events, the stories
//! approved since the last digest and a line of thanks, in every channel of
//! a group, exactly once per channel and period.
//!
//! Exactly once rests on two records: each (group, period) digest is put in
//! the outbox under a dedupe key per channel before anything is sent, and
//! the outbox remembers each part it delivered. A crash at any point leaves
//! either nothing queued (the next run queues it) or queued items that are
//! delivered once.

use chrono::{DateTime, Days, Utc};
use tracing::info;

use crate::engine::{Bot, CoreError, event_line};
use crate::format;
use crate::lang::{Language, tr};
use crate::model::{NewOutboxItem, Submission};
use crate::render::{Doc, Span};
use crate::store::fetch_filtered;
use crate::untrusted;

/// How many events and stories a digest lists at most.
const MAX_ITEMS: usize = 60;

/// What one digest covers: the events starting in `[from, until)` and the
/// stories and new activities shared in `[since, from)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DigestSpan {
    pub since: DateTime<Utc>,
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

/// A digest asked for by hand (`vores digest --preview` / `--send-now`):
/// the scheduled digest it stands for, and what it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManualDigest {
    /// The scheduled time it counts as, so each period still goes out
    /// once: a manual send fills that period's slot.
    pub period: DateTime<Utc>,
    pub span: DigestSpan,
}

/// How long before a scheduled digest a manual one counts as that digest
/// sent early (on a Sunday afternoon before the 18:00 digest, the coming
/// week is what everyone expects).
const EARLY_SEND: chrono::Duration = chrono::Duration::hours(24);

/// What `queue_digest` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Queued {
    /// Channels that got a digest queued now.
    pub queued: usize,
    /// Channels that already had this period's digest.
    pub already: usize,
}

impl Queued {
    /// Counts one enqueue: a new item, or one the period already had.
    pub(crate) fn count(&mut self, enqueued: Option<i64>) {
        match enqueued {
            Some(_) => self.queued += 1,
            None => self.already += 1,
        }
    }
}

impl Bot {
    /// The latest scheduled digest time of `group` at or before `now`.
    pub fn latest_period(&self, group: usize, now: DateTime<Utc>) -> DateTime<Utc> {
        let tz = self.settings.tz;
        let schedule = &self.community.groups[group].digest_schedule;
        let start = (now - chrono::Duration::days(400)).with_timezone(&tz);
        schedule
            .after(&start)
            .take_while(|t| t.with_timezone(&Utc) <= now)
            .last()
            .map_or(now, |t| t.with_timezone(&Utc))
    }

    /// The scheduled time before `period` (where "since the last digest" starts).
    pub fn previous_period(&self, group: usize, period: DateTime<Utc>) -> DateTime<Utc> {
        let earlier = self.latest_period(group, period - chrono::Duration::seconds(1));
        if earlier >= period {
            period - chrono::Duration::days(7)
        } else {
            earlier
        }
    }

    /// The next scheduled digest time of `group` after `now`.
    pub fn next_period(&self, group: usize, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let tz = self.settings.tz;
        self.community.groups[group]
            .digest_schedule
            .after(&now.with_timezone(&tz))
            .next()
            .map(|t| t.with_timezone(&Utc))
    }

    pub(crate) fn in_group(&self, group: usize, s: &Submission) -> bool {
        self.community.group_index(&s.origin.conversation) == group
    }

    /// What the digest scheduled at `period` covers: the week from then,
    /// and what was shared since the digest before.
    pub fn scheduled_span(&self, group: usize, period: DateTime<Utc>) -> DigestSpan {
        DigestSpan {
            since: self.previous_period(group, period),
            from: period,
            until: self.week_after(period),
        }
    }

    /// A week later in local time (the same clock time across a DST switch).
    fn week_after(&self, from: DateTime<Utc>) -> DateTime<Utc> {
        let tz = self.settings.tz;
        crate::civil::localize(tz, from.with_timezone(&tz).naive_local() + Days::new(7))
            .with_timezone(&Utc)
    }

    /// A digest asked for by hand at `now`: the coming seven days from now
    /// (never days already gone), what was shared since the last digest,
    /// counted as the scheduled digest it replaces — the next one if that
    /// is less than a day away, else the latest.
    pub fn manual_digest(&self, group: usize, now: DateTime<Utc>) -> ManualDigest {
        let period = match self.next_period(group, now) {
            Some(next) if next - now < EARLY_SEND => next,
            _ => self.latest_period(group, now),
        };
        ManualDigest {
            period,
            span: DigestSpan {
                since: self.previous_period(group, period),
                from: now,
                until: self.week_after(now),
            },
        }
    }

    /// The digest of `group` for `period`, in `lang`.
    pub async fn digest_doc(
        &self,
        group: usize,
        period: DateTime<Utc>,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        self.digest_doc_for(group, self.scheduled_span(group, period), lang)
            .await
    }

    /// The digest of `group` covering `span`, in `lang`.
    pub async fn digest_doc_for(
        &self,
        group: usize,
        span: DigestSpan,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        self.digest_doc_as(group, span, lang, false).await
    }

    /// The digest in `lang`, composed once per language for all who read
    /// it (`docs` keeps those made so far).
    pub(crate) async fn digest_once_per_language(
        &self,
        docs: &mut Vec<(Language, Doc)>,
        group: usize,
        span: DigestSpan,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        if let Some((_, doc)) = docs.iter().find(|(l, _)| *l == lang) {
            return Ok(doc.clone());
        }
        let doc = self.digest_doc_for(group, span, lang).await?;
        docs.push((lang, doc.clone()));
        Ok(doc)
    }

    /// The digest; `to_share` leaves out what only makes sense to the bot
    /// (its commands), for ambassadors to forward as it is.
    async fn digest_doc_as(
        &self,
        group: usize,
        span: DigestSpan,
        lang: Language,
        to_share: bool,
    ) -> Result<Doc, CoreError> {
        let tz = self.settings.tz;
        let DigestSpan {
            since,
            from: period,
            until: week_end,
        } = span;
        let local_start = period.with_timezone(&tz);
        // Each thing is read once: the week's one-off events (a page of the
        // calendar index), its regular activities (expanded here, and looked
        // at again for weeks they are off), the stories and the events
        // shared since the last digest.
        let store = self.store();
        let (mut events, _) = store
            .events_page(
                &self.community.channels_of(group),
                period,
                week_end,
                MAX_ITEMS as u32,
            )
            .await?;
        let week_series: Vec<Submission> = store
            .series_between(period, week_end, false, crate::store::MOST_SERIES)
            .await?
            .into_iter()
            .filter(|s| self.in_group(group, s))
            .collect();
        events.extend(crate::store::expanded(&week_series, tz, period, week_end));
        events.sort_by_key(|e| (e.event.as_ref().and_then(|d| d.starts_at), e.id));
        events.truncate(MAX_ITEMS);
        let stories = fetch_filtered(
            |limit| store.stories_approved_between(since, period, limit),
            |s| self.in_group(group, s),
            MAX_ITEMS,
        )
        .await?;

        // Places residents added that were approved since the last digest.
        let places = fetch_filtered(
            |limit| store.places_approved_between(since, period, limit),
            |s| self.in_group(group, s),
            MAX_ITEMS,
        )
        .await?;

        // Only what starts in the coming week: an event already under way
        // was in the last digest.
        let events: Vec<Submission> = events
            .into_iter()
            .filter(|e| {
                e.event
                    .as_ref()
                    .and_then(|d| d.starts_at)
                    .is_some_and(|s| s >= period)
            })
            .collect();
        // Everyone whose event was shared (approved) since the last digest,
        // whenever it takes place.
        let contributed = fetch_filtered(
            |limit| store.events_approved_between(since, period, limit),
            |s| self.in_group(group, s),
            1000,
        )
        .await?;

        let title = &self.community.groups[group].title;
        let mut doc = Doc::new().heading(tr(lang, "digest_heading", &[("group", title)]));
        // A regular activity is listed once, by its rule, not once a day.
        let (series, events): (Vec<Submission>, Vec<Submission>) = events
            .into_iter()
            .partition(|e| e.event.as_ref().is_some_and(|d| d.draft.repeat.is_some()));
        let mut series_once: Vec<&Submission> = Vec::new();
        for s in &series {
            if !series_once.iter().any(|o| o.id == s.id) {
                series_once.push(s);
            }
        }
        // A regular activity whose every evening this week is cancelled has
        // no occurrence to list, but its regulars must hear that it is off.
        let week_days = local_start.date_naive()..week_end.with_timezone(&tz).date_naive();
        let off_this_week: Vec<Submission> = week_series
            .into_iter()
            .filter(|s| !series.iter().any(|o| o.id == s.id))
            .filter(|s| {
                s.event
                    .as_ref()
                    .and_then(|e| e.draft.repeat.as_ref())
                    .is_some_and(|rule| rule.except.iter().any(|d| week_days.contains(d)))
            })
            .collect();
        series_once.extend(off_this_week.iter());
        if events.is_empty() && series_once.is_empty() {
            doc = doc.para(tr(lang, "digest_no_events", &[]));
        } else if !events.is_empty() {
            doc = doc.para(tr(lang, "digest_events", &[]));
            let mut current_day = None;
            for event in &events {
                let Some(start) = event.event.as_ref().and_then(|e| e.starts_at) else {
                    continue;
                };
                let day = start.with_timezone(&tz).date_naive();
                if current_day != Some(day) {
                    let heading = format::date(lang, day, false);
                    let mut chars = heading.chars();
                    let heading: String = chars
                        .next()
                        .map(|c| c.to_uppercase().chain(chars).collect())
                        .unwrap_or_default();
                    doc = doc.heading(heading);
                    current_day = Some(day);
                }
                doc = doc.item(event_line(lang, event, tz));
            }
        }
        if !series_once.is_empty() {
            let today = local_start.date_naive();
            doc = doc.para(tr(lang, "digest_series", &[]));
            for s in series_once {
                let Some(rule) = s.event.as_ref().and_then(|e| e.draft.repeat.as_ref()) else {
                    continue;
                };
                let mut when = format::capitalised(&format::repeat(lang, rule, today));
                // The rule's own hours, whatever one moved evening says.
                let time = s
                    .event
                    .as_ref()
                    .and_then(|e| format::time_of(lang, &e.draft))
                    .unwrap_or_default();
                if !time.is_empty() {
                    when = format!("{when} {time}");
                }
                let mut spans = vec![
                    Span::Text(format!("{when}: ")),
                    Span::Bold(untrusted::isolate_in(lang, s.title()).into_owned()),
                ];
                if let Some(place) = s.event.as_ref().and_then(|e| e.draft.location.as_ref()) {
                    spans.push(Span::Text(format!(
                        "{}{}",
                        crate::lang::comma(lang),
                        untrusted::isolate_in(lang, place)
                    )));
                }
                spans.push(Span::Text(format!(" (#{})", s.id)));
                // This week's exceptions, so nobody comes on a day it is
                // not held.
                let week = today..week_end.with_timezone(&tz).date_naive();
                for moved in rule
                    .moved
                    .iter()
                    .filter(|m| week.contains(&m.from) || week.contains(&m.to))
                {
                    let mut to = format::date(lang, moved.to, false);
                    if let Some(start) = moved.start {
                        let at = tr(
                            lang,
                            "time_single",
                            &[("start", &format::clock(lang, start))],
                        );
                        to = format!("{to} {at}");
                    }
                    spans.push(Span::Text(format!(
                        " – {}",
                        tr(
                            lang,
                            "digest_series_moved",
                            &[
                                ("from", &format::date(lang, moved.from, false)),
                                ("to", &to)
                            ],
                        )
                    )));
                }
                for day in rule.except.iter().filter(|d| week.contains(d)) {
                    if rule.moved.iter().any(|m| m.from == *day) {
                        continue; // Said as moved above.
                    }
                    spans.push(Span::Text(format!(
                        " – {}",
                        tr(
                            lang,
                            "digest_series_cancelled",
                            &[("day", &format::date(lang, *day, false))],
                        )
                    )));
                }
                doc = doc.item(spans);
            }
        }
        let recurring = self
            .new_recurring(group, since, period, &contributed)
            .await?;
        if !recurring.is_empty() {
            doc = doc.para(tr(lang, "digest_recurring", &[]));
            for (first, count) in &recurring {
                let date = first
                    .event
                    .as_ref()
                    .and_then(|e| e.starts_at)
                    .map(|s| format::date(lang, s.with_timezone(&tz).date_naive(), false))
                    .unwrap_or_default();
                let mut spans = vec![Span::Bold(
                    untrusted::isolate_in(lang, first.title()).into_owned(),
                )];
                if let Some(place) = first.event.as_ref().and_then(|e| e.draft.location.as_ref()) {
                    spans.push(Span::Text(format!(
                        "{}{}",
                        crate::lang::comma(lang),
                        untrusted::isolate_in(lang, place)
                    )));
                }
                spans.push(Span::Text(format!(
                    " – {}",
                    tr(
                        lang,
                        "digest_recurring_item",
                        &[("count", &count.to_string()), ("date", &date)]
                    )
                )));
                doc = doc.item(spans);
            }
        }
        if !stories.is_empty() {
            doc = doc.para(tr(lang, "digest_stories", &[]));
            for story in &stories {
                // The same short lead as the newsletter draft.
                let lead = crate::drafts::lead(&story.text);
                let mut spans = vec![Span::Text(untrusted::isolate_in(lang, &lead).into_owned())];
                if let Some(name) = self.community.groups[group].shown_name(story) {
                    spans.push(Span::Text(" – ".to_string()));
                    spans.push(Span::Italic(tr(
                        lang,
                        "digest_story_by",
                        &[("name", &name)],
                    )));
                }
                doc = doc.item(spans);
            }
        }
        if !places.is_empty() {
            doc = doc.para(tr(lang, "digest_places", &[]));
            for place in &places {
                let Some(details) = &place.place else {
                    continue;
                };
                let mut spans = vec![Span::Bold(
                    untrusted::isolate_in(lang, &details.name).into_owned(),
                )];
                if let Some(kind) = details.kind {
                    let kind = tr(lang, &format!("place_kind_{}", kind.as_str()), &[]);
                    spans.push(Span::Text(format!(" ({kind})")));
                }
                if let Some(address) = &details.address {
                    spans.push(Span::Text(format!(
                        "{}{}",
                        crate::lang::comma(lang),
                        untrusted::isolate_in(lang, address)
                    )));
                }
                doc = doc.item(spans);
            }
        }
        // Each person thanked once, by the most private name they chose
        // for any of it (first name only on one story: first name here).
        let mut by_person: Vec<(&crate::model::UserRef, String)> = Vec::new();
        for s in stories
            .iter()
            .chain(contributed.iter())
            .chain(places.iter())
        {
            let Some(name) = self.community.groups[group].shown_name(s) else {
                continue;
            };
            match by_person
                .iter_mut()
                .find(|(who, _)| **who == s.origin.author)
            {
                Some((_, known)) if name.len() < known.len() => *known = name,
                Some(_) => {}
                None => by_person.push((&s.origin.author, name)),
            }
        }
        let mut names: Vec<std::borrow::Cow<str>> = by_person
            .into_iter()
            .map(|(_, name)| {
                std::borrow::Cow::Owned(untrusted::isolate_in(lang, &name).into_owned())
            })
            .collect();
        names.sort_by_key(|n| danish_sort_key(n));
        names.dedup();
        if !names.is_empty() {
            let joined = match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!(
                        "{} {} {last}",
                        rest.join(&crate::lang::comma(lang)),
                        tr(lang, "digest_and", &[])
                    )
                }
                _ => names.join(""),
            };
            doc = doc.para(tr(
                lang,
                "digest_thanks",
                &[("names", &joined), ("count", &names.len().to_string())],
            ));
        }
        if events.is_empty() && series.is_empty() && stories.is_empty() && places.is_empty() {
            // The empty-week text already invites submissions.
            return Ok(doc);
        }
        let invite = if to_share {
            tr(
                lang,
                "digest_invite_share",
                &[("group", &self.community.groups[group].title)],
            )
        } else {
            tr(lang, "digest_invite", &[])
        };
        Ok(doc.para(invite))
    }

    /// Activities that come back (the same title on two or more days in the
    /// next four weeks) and were first shared since the last digest: the
    /// new regular things to join. Each with its first occurrence and count.
    async fn new_recurring(
        &self,
        group: usize,
        since: DateTime<Utc>,
        period: DateTime<Utc>,
        contributed: &[Submission],
    ) -> Result<Vec<(Submission, usize)>, CoreError> {
        let tz = self.settings.tz;
        let horizon = period + chrono::Duration::days(28);
        let day_of = |e: &Submission| {
            e.event
                .as_ref()
                .and_then(|d| d.starts_at)
                .filter(|s| *s >= period && *s < horizon)
                .map(|s| s.with_timezone(&tz).date_naive())
        };
        // Candidates: titles shared since the last digest on two or more
        // days of the next four weeks. Only those are looked up again, by
        // their words, to see every day they are on and whether the first
        // was shared before the last digest (then they are not new).
        let mut candidates: Vec<(String, std::collections::BTreeSet<chrono::NaiveDate>)> =
            Vec::new();
        for event in contributed
            .iter()
            .filter(|e| e.event.as_ref().is_some_and(|d| d.draft.repeat.is_none()))
        {
            let Some(day) = day_of(event) else { continue };
            let key = event.title().trim().to_lowercase();
            match candidates.iter_mut().find(|(k, _)| *k == key) {
                Some((_, days)) => {
                    days.insert(day);
                }
                None => candidates.push((key, [day].into())),
            }
        }
        let store = self.store();
        let mut found = Vec::new();
        for (key, days) in candidates.into_iter().filter(|(_, days)| days.len() >= 2) {
            let words: Vec<String> = key.split_whitespace().map(str::to_string).collect();
            let all: Vec<Submission> = store
                .search_events(&words, period, horizon, false, 1000)
                .await?
                .into_iter()
                .filter(|e| {
                    self.in_group(group, e)
                        && e.title().trim().to_lowercase() == key
                        && e.event.as_ref().is_some_and(|d| d.draft.repeat.is_none())
                })
                .collect();
            let all_days: std::collections::BTreeSet<_> = all.iter().filter_map(day_of).collect();
            let first_shared = all.iter().map(|e| e.created_at).min();
            let first = all
                .iter()
                .min_by_key(|e| (e.event.as_ref().and_then(|d| d.starts_at), e.id));
            if let (Some(first_shared), Some(first)) = (first_shared, first)
                && first_shared >= since
                && all_days.len().max(days.len()) >= 2
            {
                found.push((first.clone(), all_days.len().max(days.len())));
            }
        }
        found.sort_by_key(|(e, _)| (e.event.as_ref().and_then(|d| d.starts_at), e.id));
        Ok(found)
    }

    /// Puts `period`'s digest in the outbox for every channel of `group`;
    /// channels that already have it are left alone.
    pub async fn queue_digest(
        &self,
        group: usize,
        period: DateTime<Utc>,
    ) -> Result<Queued, CoreError> {
        self.queue_digest_covering(group, period, self.scheduled_span(group, period))
            .await
    }

    /// Puts a digest covering `span` in the outbox for every channel of
    /// `group`, as `period`'s digest: a channel that already had that
    /// period's digest gets nothing.
    pub async fn queue_digest_covering(
        &self,
        group: usize,
        period: DateTime<Utc>,
        span: DigestSpan,
    ) -> Result<Queued, CoreError> {
        let now = self.clock.now();
        let name = self.community.groups[group].name.clone();
        let mut result = Queued::default();
        let mut docs: Vec<(Language, Doc)> = Vec::new();
        for channel in self.community.groups[group].channels.clone() {
            let doc = self
                .digest_once_per_language(&mut docs, group, span, channel.language)
                .await?;
            let key = format!(
                "digest:{name}:{}:{}:{}",
                period.timestamp(),
                channel.conversation.platform,
                channel.conversation.id
            );
            let item = NewOutboxItem {
                conversation: channel.conversation.clone(),
                reply_to: None,
                thread: None,
                doc,
                dedupe_key: Some(key),
                private_to: None,
            };
            result.count(self.store().enqueue(&item, now).await?);
        }
        // Subscribers get it privately, in their own language, once per
        // period whatever happens (the key), about the group they asked in;
        // those who chose some events only get those, and nothing in a week
        // without them. Daily subscribers get their news each morning
        // instead (news.rs).
        let subscribers = self.store().subscribers(&name).await?;
        let half = subscribers.len() / 2;
        for (n, subscription) in subscribers.into_iter().enumerate() {
            if n == half && n > 0 {
                crate::crashpoint::reached("digest:subscribers-half");
            }
            if subscription.daily {
                continue;
            }
            let Some(doc) = self
                .weekly_news(&subscription, group, span, &mut docs)
                .await?
            else {
                continue;
            };
            let user = &subscription.user;
            let item = NewOutboxItem {
                conversation: subscription.conversation.clone(),
                reply_to: None,
                thread: None,
                doc,
                dedupe_key: Some(format!(
                    "subscription:{name}:{}:{}:{}",
                    period.timestamp(),
                    user.platform,
                    user.id
                )),
                private_to: Some(user.id.clone()),
            };
            result.count(self.store().enqueue(&item, now).await?);
        }
        // Ambassadors pass it on personally: privately, in their own
        // language, with a version to forward.
        for ambassador in self.community.groups[group].ambassadors.clone() {
            // A private message is about a conversation of theirs: the
            // group's first channel on their platform.
            let Some(channel) = self.community.groups[group]
                .channels
                .iter()
                .find(|c| c.conversation.platform == ambassador.platform)
            else {
                tracing::warn!(group = %name, platform = %ambassador.platform, "an ambassador on a platform without a channel of the group gets no digest");
                continue;
            };
            let lang = self.reply_language(&ambassador, channel.language).await;
            let mut doc = Doc::new().para(tr(lang, "ambassador_intro", &[]));
            doc.blocks
                .extend(self.digest_doc_as(group, span, lang, true).await?.blocks);
            let item = NewOutboxItem {
                conversation: channel.conversation.clone(),
                reply_to: None,
                thread: None,
                doc,
                dedupe_key: Some(format!(
                    "ambassador:{name}:{}:{}:{}",
                    period.timestamp(),
                    ambassador.platform,
                    ambassador.id
                )),
                private_to: Some(ambassador.id.clone()),
            };
            result.count(self.store().enqueue(&item, now).await?);
        }
        self.store().record_digest_run(&name, period, now).await?;
        info!(group = %name, %period, queued = result.queued, already = result.already, "digest queued");
        Ok(result)
    }
}

/// Sorts names the Danish way: case-insensitive, with æ, ø, å after z.
fn danish_sort_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' | 'ä' => '{',
            'ø' | 'ö' => '|',
            'å' => '}',
            other => other,
        })
        .collect()
}
