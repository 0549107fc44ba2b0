//! How a deployment is organised: groups of channels that share admins,
//! an approval policy, posting guidelines and a digest schedule.
//!
//! Resolved from the configuration; the core only reads it.

use std::collections::{HashMap, HashSet};

use crate::guidelines::Rules;
use crate::lang::Language;
use crate::model::{ConversationRef, UserRef};

/// Whether residents' submissions wait for an admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval {
    /// Every submission from a resident waits for an admin.
    Always,
    /// Submissions are shown at once.
    Never,
    /// A resident with this many approved submissions (and trust not
    /// revoked) is shown at once; others wait.
    TrustedAfter(u32),
}

/// A conversation the bot serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChannelInfo {
    pub conversation: ConversationRef,
    pub name: String,
    pub language: Language,
}

#[derive(Debug, Clone)]
pub struct Group {
    /// The name the config and commands use.
    pub name: String,
    /// The name residents see ("Vores Ishøj").
    pub title: String,
    pub approval: Approval,
    /// Post approved events into every channel of the group.
    pub announce_approved: bool,
    /// Cron expression (with seconds) for the weekly digest, in local time.
    pub digest_schedule: cron::Schedule,
    pub admins: HashSet<UserRef>,
    /// People who pass the week's news on personally (the pilot's
    /// ambassadors): they get the digest privately, ready to forward.
    pub ambassadors: Vec<UserRef>,
    pub rules: Rules,
    pub channels: Vec<ChannelInfo>,
    /// Asking organisers of regular activities whether they still happen
    /// (`None`: never).
    pub still_happening: Option<StillHappening>,
    /// How the digest and the web name the people who shared something.
    pub credit: Credit,
}

/// How a group names the people who share stories and events in the
/// digest and on the web (`credit` in the config); a resident who asked to
/// be anonymous (`/anonym #N`) is never named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Credit {
    /// Their name as the platform shows it.
    #[default]
    Name,
    /// Only the first word of it ("Mette" for "Mette Ørum").
    FirstName,
    /// Nobody is named.
    Nobody,
}

impl Group {
    /// The name to show for who shared `s`, if any.
    pub fn shown_name(&self, s: &crate::model::Submission) -> Option<String> {
        if s.anonymous {
            return None;
        }
        let name = s.origin.author_name.trim();
        match self.credit {
            _ if name.is_empty() => None,
            Credit::Nobody => None,
            Credit::Name if !s.first_name_only => Some(name.to_string()),
            Credit::Name | Credit::FirstName => name.split_whitespace().next().map(str::to_string),
        }
    }
}

/// How often the organiser of a regular activity is asked "does it still
/// happen?", and what happens when nobody answers within
/// [`StillHappening::ANSWER_WITHIN_DAYS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StillHappening {
    pub every_weeks: u32,
    pub unanswered: Unanswered,
}

impl StillHappening {
    /// Four weeks, then the admins are told: the default.
    pub const DEFAULT: StillHappening = StillHappening {
        every_weeks: 4,
        unanswered: Unanswered::TellAdmins,
    };
    /// How long the organiser has to answer.
    pub const ANSWER_WITHIN_DAYS: i64 = 14;
}

/// What happens when an organiser does not answer "does it still happen?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unanswered {
    /// The group's admins are told; the activity stays in the calendar.
    TellAdmins,
    /// The admins are told and the activity goes back to the approval
    /// queue (hidden, never deleted) until an admin approves it again.
    Hide,
}

/// All groups; conversations nobody configured belong to the first group,
/// the default one.
#[derive(Debug, Clone)]
pub struct Community {
    pub groups: Vec<Group>,
    /// Admins everywhere.
    pub admins: HashSet<UserRef>,
    pub default_language: Language,
    /// The town's known places, for "nearby" (from the config's `[[places]]`).
    pub places: Vec<Place>,
    by_conversation: HashMap<ConversationRef, (usize, usize)>,
}

/// A place in town with where it is, so two events can be "nearby" even
/// under different names ("Ishøj Bibliotek" and "Ishøj Bycenter").
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub name: String,
    /// Other names residents use ("biblioteket", "Glashuset").
    pub aliases: Vec<String>,
    pub lat: f64,
    pub lon: f64,
}

/// Two places at most this far apart are "nearby": a few minutes' walk,
/// close enough to compete for the same people and the same parking.
pub const NEARBY_METRES: f64 = 300.0;

impl Place {
    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }

    /// Metres between two places (haversine on a sphere of Earth's mean
    /// radius: good to a few metres across a town).
    pub fn metres_to(&self, other: &Place) -> f64 {
        const EARTH_RADIUS_M: f64 = 6_371_000.0;
        let (lat1, lat2) = (self.lat.to_radians(), other.lat.to_radians());
        let d_lat = lat2 - lat1;
        let d_lon = (other.lon - self.lon).to_radians();
        let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_M * h.sqrt().asin()
    }
}

/// Sunday 18:00: the default digest time.
pub const DEFAULT_DIGEST_SCHEDULE: &str = "0 0 18 * * Sun";

impl Community {
    /// `groups` must not be empty; the first is the default group.
    pub fn new(
        groups: Vec<Group>,
        admins: HashSet<UserRef>,
        default_language: Language,
    ) -> Community {
        assert!(
            !groups.is_empty(),
            "a community has at least its default group"
        );
        let mut by_conversation = HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            for (c, channel) in group.channels.iter().enumerate() {
                by_conversation
                    .entry(channel.conversation.clone())
                    .or_insert((g, c));
            }
        }
        Community {
            groups,
            admins,
            default_language,
            places: Vec::new(),
            by_conversation,
        }
    }

    /// The known place a written location names ("biblioteket, 1. sal" is
    /// the library), by its name or an alias, ignoring case.
    pub fn place_of(&self, location: &str) -> Option<&Place> {
        let location = location.to_lowercase();
        self.places.iter().find(|p| {
            p.names().any(|n| {
                let n = n.to_lowercase();
                !n.is_empty() && (location == n || location.contains(&n))
            })
        })
    }

    /// Two written locations that are different known places within
    /// [`NEARBY_METRES`] of each other.
    pub fn nearby(&self, a: &str, b: &str) -> bool {
        match (self.place_of(a), self.place_of(b)) {
            (Some(pa), Some(pb)) => pa.metres_to(pb) <= NEARBY_METRES,
            _ => false,
        }
    }

    /// A single default group with default rules: what runs with no config.
    pub fn simple(default_language: Language) -> Community {
        Community::new(
            vec![Group {
                name: "default".to_string(),
                title: "Vores".to_string(),
                approval: Approval::Always,
                announce_approved: false,
                digest_schedule: DEFAULT_DIGEST_SCHEDULE
                    .parse()
                    .expect("the default schedule parses"),
                admins: HashSet::new(),
                ambassadors: Vec::new(),
                rules: Rules::default(),
                channels: Vec::new(),
                still_happening: Some(StillHappening::DEFAULT),
                credit: Credit::Name,
            }],
            HashSet::new(),
            default_language,
        )
    }

    /// Adds a channel to a group (the console channel given on the command line).
    pub fn add_channel(&mut self, group: usize, channel: ChannelInfo) {
        if let Some(&(g, c)) = self.by_conversation.get(&channel.conversation) {
            self.groups[g].channels[c].language = channel.language;
            return;
        }
        let g = group.min(self.groups.len() - 1);
        self.by_conversation.insert(
            channel.conversation.clone(),
            (g, self.groups[g].channels.len()),
        );
        self.groups[g].channels.push(channel);
    }

    pub fn group_index(&self, conversation: &ConversationRef) -> usize {
        self.by_conversation
            .get(conversation)
            .map_or(0, |&(g, _)| g)
    }

    /// The conversations whose items belong to `group`, as a store reads
    /// them: the default group (0) has every conversation no other group
    /// names, private chats included.
    pub fn channels_of(&self, group: usize) -> crate::store::Channels {
        use crate::store::Channels;
        let named = |groups: &[Group]| -> Vec<ConversationRef> {
            groups
                .iter()
                .flat_map(|g| g.channels.iter().map(|c| c.conversation.clone()))
                .collect()
        };
        match group {
            0 if self.groups.len() <= 1 => Channels::All,
            0 => Channels::Except(named(&self.groups[1..])),
            g => Channels::Only(named(self.groups.get(g..=g).unwrap_or_default())),
        }
    }

    pub fn group_of(&self, conversation: &ConversationRef) -> &Group {
        &self.groups[self.group_index(conversation)]
    }

    pub fn group_named(&self, name: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.name == name)
    }

    pub fn channel(&self, conversation: &ConversationRef) -> Option<&ChannelInfo> {
        self.by_conversation
            .get(conversation)
            .map(|&(g, c)| &self.groups[g].channels[c])
    }

    /// A channel by its configured name or its id.
    pub fn channel_named(&self, name: &str) -> Option<&ChannelInfo> {
        self.groups
            .iter()
            .flat_map(|g| g.channels.iter())
            .find(|c| c.name == name || c.conversation.id == name)
    }

    pub fn language_of(&self, conversation: &ConversationRef) -> Language {
        self.channel(conversation)
            .map_or(self.default_language, |c| c.language)
    }

    /// Admin by configuration: everywhere, or in this conversation's group.
    pub fn configured_admin(&self, conversation: &ConversationRef, user: &UserRef) -> bool {
        self.admins.contains(user) || self.group_of(conversation).admins.contains(user)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_within_a_few_minutes_walk_are_nearby() {
        let place = |name: &str, aliases: &[&str], lat, lon| Place {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            lat,
            lon,
        };
        let mut town = Community::simple(Language::Da);
        town.places = vec![
            place("Ishøj Bibliotek", &["biblioteket"], 55.6155, 12.3560),
            place("Ishøj Bycenter", &["bycentret"], 55.6150, 12.3580),
            place("Ishøj Strand", &["stranden"], 55.6000, 12.3700),
        ];
        let (library, centre) = (&town.places[0], &town.places[1]);
        let metres = library.metres_to(centre);
        assert!((metres - 136.0).abs() < 10.0, "{metres}");
        assert!(town.nearby("Biblioteket, 1. sal", "Ishøj Bycenter"));
        assert!(!town.nearby("biblioteket", "Ishøj Strand"));
        assert!(
            !town.nearby("biblioteket", "Glashuset"),
            "an unknown place is nobody's neighbour"
        );
    }
}
