//! Mirroring approved events into each guild's native Scheduled Events
//! (optional, `discord.scheduled_events = true`).
//!
//! The mirror is reconciled, not replayed: every pass reads the guild's
//! scheduled events, recognises the ones Vores made by the `Vores #N`
//! marker at the end of their description, and creates, updates or deletes
//! so they match the published upcoming events of the guild's groups. So a
//! crash between Discord creating an event and us noting it posts nothing
//! twice (the next pass finds it), an outage only delays the mirror, and an
//! approval, correction or withdrawal made on any platform reaches Discord.
//!
//! A regular activity is mirrored as its next occurrence (its description
//! is the resident's own text, which names the rule): once that one has begun it is left to
//! Discord, which ends it at its end time, and the next pass adds the
//! following one.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use reqwest::Method;
use serde_json::{Value, json};
use tracing::{info, warn};
use vores_bot::model::{ConversationRef, Platform};
use vores_bot::published::{PublishedCalendar, PublishedEvent};

use crate::{DiscordAdapter, id_of};

/// How far ahead events are mirrored.
const HORIZON_DAYS: i64 = 90;
/// Discord allows 100 scheduled events per guild; leave room for the
/// guild's own.
const MAX_MIRRORED: u32 = 80;
/// An event without an end gets this long in Discord (which needs one for
/// events outside a voice channel).
const DEFAULT_LENGTH_HOURS: i64 = 2;
const MARKER: &str = "Vores #";

/// What the mirror needs from the rest of the bot: the core's answer to
/// "which events should a calendar outside the chat show for these
/// channels", nothing of the store itself.
#[derive(Clone)]
pub struct EventMirror {
    pub calendar: Arc<dyn PublishedCalendar>,
}

/// A scheduled event as Vores wants it.
#[derive(Debug, Clone, PartialEq)]
struct Wanted {
    name: String,
    description: String,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    location: String,
}

fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max - 1).collect();
    cut.push('…');
    cut
}

fn wanted_for(event: &PublishedEvent) -> Wanted {
    let end = event
        .end
        .unwrap_or(event.start + Duration::hours(DEFAULT_LENGTH_HOURS));
    let name = match truncate(&event.title, 100) {
        title if title.is_empty() => format!("{MARKER}{}", event.id),
        title => title,
    };
    Wanted {
        name,
        description: format!("{}\n\n{MARKER}{}", truncate(&event.text, 900), event.id),
        start: event.start,
        end,
        location: truncate(&event.place, 100),
    }
}

/// The submission a scheduled event mirrors, from its description's marker.
fn marker_of(description: &str) -> Option<i64> {
    let (_, tail) = description.rsplit_once(MARKER)?;
    tail.trim().parse().ok()
}

fn body(wanted: &Wanted) -> Value {
    json!({
        "name": wanted.name,
        "description": wanted.description,
        "scheduled_start_time": wanted.start.to_rfc3339(),
        "scheduled_end_time": wanted.end.to_rfc3339(),
        "privacy_level": 2, // GUILD_ONLY, the only one there is
        "entity_type": 3,   // EXTERNAL: somewhere in town, not a voice channel
        "entity_metadata": { "location": wanted.location },
    })
}

fn time(value: &Value) -> Option<DateTime<Utc>> {
    value
        .as_str()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
}

/// Whether Discord's event already says what we want.
fn matches(existing: &Value, wanted: &Wanted) -> bool {
    existing["name"].as_str() == Some(wanted.name.as_str())
        && existing["description"].as_str() == Some(wanted.description.as_str())
        && time(&existing["scheduled_start_time"]) == Some(wanted.start)
        && time(&existing["scheduled_end_time"]) == Some(wanted.end)
        && existing["entity_metadata"]["location"].as_str() == Some(wanted.location.as_str())
}

impl DiscordAdapter {
    /// One reconciliation pass over every guild with configured channels.
    pub(crate) async fn mirror_events(&self, mirror: &EventMirror) {
        // Guild → its configured channels.
        let mut guilds: BTreeMap<u64, Vec<ConversationRef>> = BTreeMap::new();
        for &channel in &self.channels {
            if let Ok(Some(guild)) = self.guild_of(channel).await {
                guilds.entry(guild).or_default().push(ConversationRef {
                    platform: Platform::Discord,
                    id: channel.to_string(),
                });
            }
        }
        for (guild, channels) in guilds {
            let upcoming = match mirror
                .calendar
                .upcoming(&channels, Duration::days(HORIZON_DAYS), MAX_MIRRORED)
                .await
            {
                Ok(upcoming) => upcoming,
                Err(e) => {
                    warn!(error = %e, "could not read the upcoming events to mirror; trying again later");
                    return;
                }
            };
            let wanted = upcoming.iter().map(|e| (e.id, wanted_for(e))).collect();
            if let Err(e) = self
                .mirror_guild(guild, wanted, mirror.calendar.as_ref())
                .await
            {
                warn!(guild, error = %e, "could not bring the server's scheduled events up to date; trying again later");
            }
        }
    }

    async fn mirror_guild(
        &self,
        guild: u64,
        wanted: Vec<(i64, Wanted)>,
        calendar: &dyn PublishedCalendar,
    ) -> Result<(), crate::RestError> {
        let now = calendar.now();
        let path = format!("/guilds/{guild}/scheduled-events");
        let listed = self.rest.get(&path).await?;
        // Ours: made by this bot, carrying a marker.
        let mut ours: HashMap<i64, Value> = HashMap::new();
        for event in listed.as_array().into_iter().flatten() {
            if id_of(&event["creator_id"]) != Some(self.bot_id) {
                continue;
            }
            let Some(submission) = event["description"].as_str().and_then(marker_of) else {
                continue;
            };
            if ours.contains_key(&submission) {
                // A duplicate (two bots on one token); one is enough.
                if let Some(id) = id_of(&event["id"]) {
                    self.delete_scheduled(guild, id).await?;
                }
                continue;
            }
            ours.insert(submission, event.clone());
        }
        for (submission, want) in wanted {
            match ours.remove(&submission) {
                Some(existing) if matches(&existing, &want) => {}
                // An occurrence under way is Discord's until it ends; the
                // next one is added when it has.
                Some(existing)
                    if time(&existing["scheduled_start_time"])
                        .is_some_and(|start| start <= now) => {}
                Some(existing) => {
                    let id = id_of(&existing["id"]).unwrap_or(0);
                    self.rest
                        .patch(&format!("{path}/{id}"), &body(&want))
                        .await
                        .map_err(|e| self.missing_rights(e))?;
                    info!(guild, submission, "updated the server's scheduled event");
                }
                None => {
                    self.rest
                        .post(&path, &body(&want))
                        .await
                        .map_err(|e| self.missing_rights(e))?;
                    info!(
                        guild,
                        submission, "added the event to the server's scheduled events"
                    );
                }
            }
        }
        // Left over: events whose submission was withdrawn, rejected or sent
        // back for approval. Ones already under way are left alone, and ones
        // still published (beyond the horizon) too.
        for (submission, existing) in ours {
            if time(&existing["scheduled_start_time"]).is_none_or(|start| start <= now) {
                continue;
            }
            // When the database cannot say, it stays: a wrong removal is
            // worse than a late one.
            let still_published = calendar.is_published(submission).await.unwrap_or(true);
            if still_published {
                continue;
            }
            if let Some(id) = id_of(&existing["id"]) {
                self.delete_scheduled(guild, id).await?;
                info!(
                    guild,
                    submission, "removed the withdrawn event from the server's scheduled events"
                );
            }
        }
        Ok(())
    }

    async fn delete_scheduled(&self, guild: u64, id: u64) -> Result<(), crate::RestError> {
        match self
            .rest
            .call(
                Method::DELETE,
                &format!("/guilds/{guild}/scheduled-events/{id}"),
                None,
                None,
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(e) if e.is_not_found() => Ok(()),
            Err(e) => Err(self.missing_rights(e)),
        }
    }

    /// Says once, clearly, which permission the mirror lacks.
    fn missing_rights(&self, e: crate::RestError) -> crate::RestError {
        if e.is_missing_permission() {
            warn!(
                "the bot needs the Create Events and Manage Events permissions to mirror approved events into the server's Scheduled Events; grant them to its role, or set `discord.scheduled_events = false`"
            );
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_read_back_only_from_the_end() {
        assert_eq!(marker_of("Loppemarked\n\nVores #12"), Some(12));
        assert_eq!(marker_of("Vores #3 er bedst\n\nVores #40"), Some(40));
        assert_eq!(marker_of("Vores #3 er bedst"), None);
        assert_eq!(marker_of("ingen"), None);
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis() {
        assert_eq!(truncate("  kort ", 10), "kort");
        let cut = truncate(&"æ".repeat(200), 100);
        assert_eq!(cut.chars().count(), 100);
        assert!(cut.ends_with('…'));
    }
}
