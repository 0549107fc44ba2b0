//! `vores parse --json`: how the bot understands one message, as one JSON
//! object, so operators can see why the bot read something oddly.

use chrono::SecondsFormat;
use chrono_tz::Tz;
use serde_json::{Value, json};
use vores_bot::understand::{
    AppealTarget, Command, EventDraft, Meaning, StoryDraft, Understood, Window, WindowLabel,
};

fn instant(t: chrono::DateTime<Tz>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, false)
}

fn event_fields(draft: &EventDraft, tz: Tz) -> serde_json::Map<String, Value> {
    let (start, end) = match draft.instants(tz) {
        Some((s, e)) => (Some(instant(s)), e.map(instant)),
        None => (None, None),
    };
    let mut missing = Vec::new();
    if draft.date.is_none() || draft.invalid_date {
        missing.push("date");
    }
    if draft.start_time.is_none() && !draft.all_day {
        missing.push("time");
    }
    let all_day = draft.all_day || (draft.start_time.is_none() && draft.date.is_some());
    let mut map = serde_json::Map::new();
    map.insert("title".into(), json!(draft.title));
    map.insert("start".into(), json!(start));
    map.insert("end".into(), json!(end));
    map.insert("all_day".into(), json!(all_day));
    map.insert("location".into(), json!(draft.location));
    map.insert("missing".into(), json!(missing));
    if draft.invalid_date {
        map.insert("invalid_date".into(), json!(true));
    }
    // A regular activity: its iCalendar rule; "start" is the first time.
    if let Some(rule) = &draft.repeat {
        map.insert("repeat".into(), json!(rule.rrule(tz)));
    }
    // What the bot would ask about before keeping the date (always present,
    // so a check can rely on it): the date above is always as written.
    let doubts: Vec<&str> = draft.doubts.iter().map(|d| d.as_str()).collect();
    map.insert("doubts".into(), json!(doubts));
    if let Some(weekday) = draft.written_weekday {
        const NAMES: [&str; 7] = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        map.insert(
            "written_weekday".into(),
            json!(NAMES[weekday.num_days_from_monday() as usize]),
        );
    }
    map
}

fn window_fields(window: &Window) -> serde_json::Map<String, Value> {
    let name = match window.label {
        WindowLabel::Today => "today".to_string(),
        WindowLabel::Tonight => "tonight".to_string(),
        WindowLabel::Tomorrow => "tomorrow".to_string(),
        WindowLabel::Day(d) => d.to_string(),
        WindowLabel::Weekend => "weekend".to_string(),
        WindowLabel::NextWeekend => "next_weekend".to_string(),
        WindowLabel::ThisWeek => "this_week".to_string(),
        WindowLabel::NextWeek => "next_week".to_string(),
        WindowLabel::Week(w) => format!("week_{w}"),
        WindowLabel::ThisMonth => "this_month".to_string(),
        WindowLabel::NextMonth => "next_month".to_string(),
        WindowLabel::Month(m) => format!("month_{m}"),
        WindowLabel::Holiday(h) => h.as_str().to_string(),
        WindowLabel::Coming => "next_7_days".to_string(),
        WindowLabel::Upcoming => "upcoming".to_string(),
        WindowLabel::Days(first, last) => format!("{first}..{last}"),
    };
    let mut map = serde_json::Map::new();
    map.insert("from".into(), json!(instant(window.from)));
    map.insert("to".into(), json!(instant(window.to)));
    map.insert("window".into(), json!(name));
    if let Some(topic) = &window.about.topic {
        map.insert("topic".into(), json!(topic));
    }
    if let Some(place) = &window.about.place {
        map.insert("place".into(), json!(place));
    }
    if !window.about.tags.is_empty() {
        let tags: Vec<&str> = window.about.tags.iter().map(|t| t.as_str()).collect();
        map.insert("audience".into(), json!(tags));
    }
    map
}

fn story_fields(story: &StoryDraft) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    map.insert("text".into(), json!(story.text));
    map.insert("anonymous".into(), json!(story.anonymous));
    map.insert("link".into(), json!(story.link));
    map.insert("photo".into(), json!(story.photo));
    map
}

/// The JSON object for one understood message.
pub fn to_json(understood: &Understood, tz: Tz) -> Value {
    let mut map = serde_json::Map::new();
    let kind = match &understood.meaning {
        Meaning::Command(_) => "command",
        Meaning::Event(_) => "event",
        Meaning::Story(_) => "story",
        Meaning::Query(_) => "query",
        Meaning::Place(_) => "place",
        Meaning::WhereIs(_) => "where_is",
        Meaning::Unknown => "unknown",
    };
    map.insert("kind".into(), json!(kind));
    map.insert("language".into(), json!(understood.language.code()));
    match &understood.meaning {
        Meaning::Event(draft) => map.extend(event_fields(draft, tz)),
        Meaning::Story(story) => map.extend(story_fields(story)),
        Meaning::Query(window) => map.extend(window_fields(window)),
        Meaning::Place(place) => {
            map.insert(
                "place".into(),
                serde_json::to_value(place).unwrap_or_default(),
            );
        }
        Meaning::WhereIs(name) => {
            map.insert("where_is".into(), name.clone().into());
        }
        Meaning::Unknown => {}
        Meaning::Command(command) => {
            map.insert("command".into(), json!(command.name()));
            match command {
                Command::Event(Some(draft)) => {
                    map.insert("event".into(), Value::Object(event_fields(draft, tz)));
                }
                Command::Story(story) => {
                    map.insert("story".into(), Value::Object(story_fields(story)));
                }
                Command::WhatsOn(window) => map.extend(window_fields(window)),
                Command::Delete(id) | Command::Anonymous(id) | Command::FirstName(id) => {
                    map.insert("id".into(), json!(id));
                }
                Command::MoveOne(id, text) => {
                    map.insert("id".into(), json!(id));
                    map.insert("text".into(), json!(text));
                }
                Command::CancelOne(id, day) => {
                    map.insert("id".into(), json!(id));
                    map.insert("day".into(), json!(day.map(|d| d.to_string())));
                }
                Command::Correct(id, text) => {
                    map.insert("id".into(), json!(id));
                    map.insert("text".into(), json!(text));
                }
                Command::Unknown(word) => {
                    map.insert("word".into(), json!(word));
                }
                Command::Approve(id)
                | Command::Unstrike(id)
                | Command::PressRelease(id)
                | Command::Newsletter(id) => {
                    map.insert("id".into(), json!(id));
                }
                Command::Toolbox(asked) | Command::Language(asked) => {
                    map.insert("text".into(), json!(asked));
                }
                Command::Reject(id, reason) => {
                    map.insert("id".into(), json!(id));
                    map.insert("reason".into(), json!(reason));
                }
                Command::Appeal(target, text) => {
                    let (kind, id) = match target {
                        Some(AppealTarget::Submission(id)) => (Some("submission"), Some(*id)),
                        Some(AppealTarget::Moderation(id)) => (Some("moderation"), Some(*id)),
                        None => (None, None),
                    };
                    map.insert("target".into(), json!(kind));
                    map.insert("id".into(), json!(id));
                    map.insert("text".into(), json!(text));
                }
                Command::Distrust(user) | Command::Trust(user) => {
                    map.insert("user".into(), json!(user));
                }
                Command::Forget { confirmed } => {
                    map.insert("confirmed".into(), json!(confirmed));
                }
                Command::Link(code) => {
                    map.insert("code".into(), json!(code));
                }
                Command::Subscribe(wish) => {
                    map.insert("daily".into(), json!(wish.daily));
                    map.insert("words".into(), json!(wish.words));
                }
                Command::Help
                | Command::Mine
                | Command::MyData
                | Command::Unlink
                | Command::Unsubscribe
                | Command::Event(None)
                | Command::Pending
                | Command::Log
                | Command::Rules => {}
            }
        }
    }
    Value::Object(map)
}
