//! The published calendar as seen from outside the chat: which events a
//! calendar that is not a conversation (Discord's Scheduled Events today)
//! should show for a set of channels. The core decides — only published
//! events, only those of the channels' groups, each regular activity as its
//! next occurrence — and the adapter only reconciles the platform with it.

use std::collections::HashSet;
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Duration, Utc};

use crate::Clock;
use crate::community::Community;
use crate::model::{ConversationRef, Status};
use crate::store::{MOST_SERIES, Store, StoreError, expanded};

/// One upcoming published event, as an outside calendar shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedEvent {
    /// The submission's number (`#N`), stable across edits.
    pub id: i64,
    pub title: String,
    /// The resident's own words (for a regular activity they name its rule).
    pub text: String,
    pub start: DateTime<Utc>,
    /// Its end when it has one after its start.
    pub end: Option<DateTime<Utc>>,
    /// Where; the group's title when the resident named no place.
    pub place: String,
}

/// What an adapter may ask about the published calendar, and nothing more.
#[async_trait]
pub trait PublishedCalendar: Send + Sync {
    /// The bot's clock (a fixed one in demos and tests).
    fn now(&self) -> DateTime<Utc>;

    /// The published events of the groups of `channels` that start after
    /// now and within `within`, soonest first, at most `limit`; a regular
    /// activity as its next occurrence only.
    async fn upcoming(
        &self,
        channels: &[ConversationRef],
        within: Duration,
        limit: u32,
    ) -> Result<Vec<PublishedEvent>, StoreError>;

    /// Whether submission `id` is still published (an outside copy of one
    /// that was withdrawn, rejected or sent back for approval must go).
    async fn is_published(&self, id: i64) -> Result<bool, StoreError>;
}

/// The published calendar read from the store, grouped as the config says.
pub struct StoredCalendar {
    store: Arc<dyn Store>,
    community: Arc<Community>,
    clock: Arc<dyn Clock>,
    tz: chrono_tz::Tz,
}

impl StoredCalendar {
    pub fn new(
        store: Arc<dyn Store>,
        community: Arc<Community>,
        clock: Arc<dyn Clock>,
        tz: chrono_tz::Tz,
    ) -> Self {
        StoredCalendar {
            store,
            community,
            clock,
            tz,
        }
    }
}

#[async_trait]
impl PublishedCalendar for StoredCalendar {
    fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    async fn upcoming(
        &self,
        channels: &[ConversationRef],
        within: Duration,
        limit: u32,
    ) -> Result<Vec<PublishedEvent>, StoreError> {
        let now = self.clock.now();
        let until = now + within;
        let groups: HashSet<usize> = channels
            .iter()
            .map(|c| self.community.group_index(c))
            .collect();
        // Each group read on its own, so a busy group never pushes a quiet
        // one's events off the list. Events under way count in a page, so
        // a page is read with room to spare for them.
        let mut rows = Vec::new();
        for &group in &groups {
            let (page, _) = self
                .store
                .events_page(
                    &self.community.channels_of(group),
                    now,
                    until,
                    limit.saturating_mul(2),
                )
                .await?;
            rows.extend(page);
        }
        let series = self
            .store
            .series_between(now, until, false, MOST_SERIES)
            .await?
            .into_iter()
            .filter(|s| groups.contains(&self.community.group_index(&s.origin.conversation)));
        rows.extend(expanded(&series.collect::<Vec<_>>(), self.tz, now, until));
        rows.sort_by_key(|s| (s.event.as_ref().and_then(|e| e.starts_at), s.id));
        let mut seen = HashSet::new();
        let events = rows
            .into_iter()
            .filter_map(|s| {
                let event = s.event.as_ref()?;
                let start = event.starts_at.filter(|start| *start > now)?;
                // Sorted by start, so the first of an activity is its next.
                if !seen.insert(s.id) {
                    return None;
                }
                let end = event
                    .ends_at
                    .or(event.visible_until)
                    .filter(|end| *end > start);
                let place = event
                    .draft
                    .location
                    .as_deref()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map_or_else(
                        || {
                            self.community
                                .group_of(&s.origin.conversation)
                                .title
                                .clone()
                        },
                        str::to_string,
                    );
                Some(PublishedEvent {
                    id: s.id,
                    title: event.draft.title.clone(),
                    text: s.text.clone(),
                    start,
                    end,
                    place,
                })
            })
            .take(limit as usize)
            .collect();
        Ok(events)
    }

    async fn is_published(&self, id: i64) -> Result<bool, StoreError> {
        Ok(self
            .store
            .submission(id)
            .await?
            .is_some_and(|s| s.status == Status::Published))
    }
}

/// One group's published items as readers outside the chat see them (the
/// web calendar and its feeds): never anything pending, rejected or
/// withdrawn, and only what was posted in the group's channels.
pub struct GroupView<'a> {
    pub store: &'a dyn Store,
    pub community: &'a Community,
    pub tz: chrono_tz::Tz,
    pub group: usize,
}

impl GroupView<'_> {
    fn owns(&self, s: &crate::model::Submission) -> bool {
        s.status == Status::Published
            && self.community.group_index(&s.origin.conversation) == self.group
    }

    /// Every published event on in `[from, to)`, each occurrence of a
    /// regular activity on its own, by start; at most `limit` one-off
    /// events (the second value says some were left out).
    pub async fn events_in(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<(Vec<crate::model::Submission>, bool), StoreError> {
        let rows = self.rows_between(from, to, limit).await?;
        let more = rows.1;
        Ok((expanded(&rows.0, self.tz, from, to), more))
    }

    /// The stored rows behind [`GroupView::events_in`]: one-off events and
    /// each regular activity once, with its rule (what an iCalendar feed
    /// writes as one VEVENT with an RRULE).
    pub async fn rows_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<(Vec<crate::model::Submission>, bool), StoreError> {
        let (mut rows, total) = self
            .store
            .events_page(&self.community.channels_of(self.group), from, to, limit)
            .await?;
        let more = total as usize > rows.len();
        rows.extend(
            self.store
                .series_between(from, to, false, MOST_SERIES)
                .await?
                .into_iter()
                .filter(|s| self.owns(s)),
        );
        rows.sort_by_key(|s| (s.event.as_ref().and_then(|e| e.starts_at), s.id));
        Ok((rows, more))
    }

    /// A published event or story of this group, by its number.
    pub async fn item(&self, id: i64) -> Result<Option<crate::model::Submission>, StoreError> {
        Ok(self.store.submission(id).await?.filter(|s| self.owns(s)))
    }

    /// The group's published stories that became visible in `[from, to)`,
    /// newest first, at most `limit`.
    pub async fn stories(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<crate::model::Submission>, StoreError> {
        let mut stories = crate::store::fetch_filtered(
            |n| self.store.stories_approved_between(from, to, n),
            |s| self.owns(s),
            usize::MAX,
        )
        .await?;
        stories.reverse();
        stories.truncate(limit);
        Ok(stories)
    }
}
