//! News by private message (`/abonner`, `/subscribe`): what a resident asks
//! for (weekly or each morning, everything or only some tags, a topic or
//! another group), the copy each subscriber gets of the weekly digest, and
//! the morning's "what's on today" for daily subscribers. Everything goes
//! through the outbox with a key per person and period, so a crash or a
//! second process never sends anyone the same news twice.

use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};

use crate::adapter::InboundMessage;
use crate::digest::{DigestSpan, Queued};
use crate::engine::{Bot, CoreError, Situation};
use crate::format;
use crate::lang::{Language, tr};
use crate::model::NewOutboxItem;
use crate::render::Doc;
use crate::store::Subscription;
use crate::understand::NewsWish;
use crate::understand::about::{About, Tag};
use crate::understand::{Window, WindowLabel};

/// Daily news goes out from this local hour (at the next hourly round of
/// scheduled work), so nobody is woken by it.
pub const DAILY_FROM_HOUR: u32 = 7;

impl Bot {
    /// `/abonner …`: saves what the resident asked for and says plainly what
    /// they will get, where and how to stop.
    pub(crate) async fn subscribe(
        &self,
        msg: &InboundMessage,
        wish: &NewsWish,
        lang: Language,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        let mut group = sit.group;
        let mut tags: Vec<Tag> = Vec::new();
        let mut topic: Vec<&str> = Vec::new();
        for word in &wish.words {
            if let Some(named) = self.community.groups.iter().position(|g| {
                g.name.eq_ignore_ascii_case(word) || g.title.eq_ignore_ascii_case(word)
            }) {
                group = named;
                continue;
            }
            // "børn" and "sport" are tags as a question names them ("noget
            // for børn", "sport"); any other word is a topic, found in the
            // events' own words ("fællesspisning").
            let named = About::asked_tags(word);
            let named = if named.is_empty() {
                About::asked_tags(&format!("for {word}"))
            } else {
                named
            };
            if named.is_empty() {
                topic.push(word);
            }
            for tag in named {
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
        }
        let subscription = Subscription {
            daily: wish.daily,
            tags,
            topic: (!topic.is_empty()).then(|| topic.join(" ")),
            ..Subscription::weekly(
                msg.author.user.clone(),
                msg.message.conversation.clone(),
                &self.community.groups[group].name,
            )
        };
        self.store().subscribe(&subscription, self.now()).await?;
        let about = format::about(lang, &about_of(&subscription));
        let key = match (subscription.daily, about.is_empty()) {
            (false, true) => "subscribed",
            (false, false) => "subscribed_about",
            (true, true) => "subscribed_daily",
            (true, false) => "subscribed_daily_about",
        };
        Ok(Doc::new()
            .para(tr(
                lang,
                key,
                &[
                    ("group", &self.community.groups[group].title),
                    (
                        "platform",
                        &format::platform(lang, msg.author.user.platform),
                    ),
                    ("about", &about),
                ],
            ))
            .para(tr(lang, "subscribed_reach", &[])))
    }

    /// What a weekly subscriber gets for `span`: the whole digest, or only
    /// the events they chose (`None` when none happen that week: no empty
    /// message). `docs` keeps the digest composed once per language.
    pub(crate) async fn weekly_news(
        &self,
        subscription: &Subscription,
        group: usize,
        span: DigestSpan,
        docs: &mut Vec<(Language, Doc)>,
    ) -> Result<Option<Doc>, CoreError> {
        let lang = self
            .reply_language(&subscription.user, self.community.default_language)
            .await;
        let doc = if subscription.is_narrowed() {
            let tz = self.settings.tz;
            let (from, until) = (span.from.with_timezone(&tz), span.until.with_timezone(&tz));
            let last = (until - Duration::seconds(1)).date_naive();
            let window = Window {
                from,
                to: until,
                label: WindowLabel::Days(from.date_naive(), last),
                about: about_of(subscription),
            };
            self.listing(&window, lang, Some(group), None).await?
        } else {
            Some(
                self.digest_once_per_language(docs, group, span, lang)
                    .await?,
            )
        };
        Ok(doc.map(|doc| doc.para(tr(lang, "subscription_footer", &[]))))
    }

    /// Each morning, for every daily subscriber: what happens today in
    /// their group (only what they chose), once per day and person, and
    /// nothing on a day when nothing does. Before [`DAILY_FROM_HOUR`] it
    /// waits for a later round.
    pub async fn queue_daily_news(&self) -> Result<Queued, CoreError> {
        let now = self.clock.now();
        let tz = self.settings.tz;
        let local = now.with_timezone(&tz);
        let mut result = Queued::default();
        if local.time() < NaiveTime::from_hms_opt(DAILY_FROM_HOUR, 0, 0).expect("valid hour") {
            return Ok(result);
        }
        let today = local.date_naive();
        let from = start_of(tz, today);
        let to = start_of(tz, today + Duration::days(1));
        for (group, settings) in self.community.groups.iter().enumerate() {
            for subscription in self.store().subscribers(&settings.name).await? {
                if !subscription.daily {
                    continue;
                }
                let lang = self
                    .reply_language(&subscription.user, self.community.default_language)
                    .await;
                let window = Window {
                    from: from.with_timezone(&tz),
                    to: to.with_timezone(&tz),
                    label: WindowLabel::Today,
                    about: about_of(&subscription),
                };
                let Some(doc) = self.listing(&window, lang, Some(group), None).await? else {
                    continue;
                };
                let item = NewOutboxItem {
                    conversation: subscription.conversation.clone(),
                    reply_to: None,
                    thread: None,
                    doc: doc.para(tr(lang, "subscription_footer", &[])),
                    dedupe_key: Some(format!(
                        "daily:{}:{today}:{}:{}",
                        settings.name, subscription.user.platform, subscription.user.id
                    )),
                    private_to: Some(subscription.user.id.clone()),
                };
                result.count(self.store().enqueue(&item, now).await?);
            }
        }
        if result.queued > 0 {
            tracing::info!(queued = result.queued, %today, "daily news queued");
        }
        Ok(result)
    }
}

/// What a subscription is narrowed to, as a question would name it.
fn about_of(subscription: &Subscription) -> About {
    About {
        topic: subscription.topic.clone(),
        place: None,
        tags: subscription.tags.clone(),
    }
}

/// Local midnight of `day` (or the first moment of it, on a day a clock
/// change skips midnight), in UTC.
fn start_of(tz: chrono_tz::Tz, day: chrono::NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_time(NaiveTime::MIN);
    tz.from_local_datetime(&midnight)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&midnight))
        .with_timezone(&Utc)
}

#[cfg(test)]
mod tests {
    use crate::understand::NewsWish;

    #[test]
    fn what_a_subscriber_asks_for() {
        let read = |text: &str| NewsWish::read(text);
        assert_eq!(read(""), NewsWish::default());
        let daily = read("dagligt");
        assert!(daily.daily && daily.words.is_empty(), "{daily:?}");
        let kids = read("hver dag, om børn og sport 🙂");
        assert!(kids.daily, "{kids:?}");
        assert_eq!(kids.words, ["børn", "sport"]);
        let weekly = read("Weekly for kids");
        assert!(!weekly.daily);
        assert_eq!(weekly.words, ["kids"]);
        assert_eq!(read("fællesspisning").words, ["fællesspisning"]);
        assert!(read("every morning please").daily);
    }
}
