//! "Does it still happen?": every few weeks the organiser of a regular
//! activity is asked privately whether it goes on. "ja" keeps it, "nej" ends
//! it after today; no answer within two weeks tells the group's admins (or,
//! if the group chose so, sends the activity back to the approval queue).
//! Nothing is ever deleted silently.
//!
//! The job decides; the runtime carries out the actions it returns.

use chrono::{DateTime, Utc};
use tracing::info;

use crate::civil::local_today;
use crate::community::{StillHappening, Unanswered};
use crate::engine::{Action, Bot, CoreError};
use crate::lang::{Language, tr};
use crate::model::{EventDetails, Status, Submission, UserRef, forever};
use crate::render::Doc;

/// How many regular activities one check looks at.
const MOST_SERIES: u32 = 5_000;

impl Bot {
    /// Asks the organisers whose activities are due, and reports questions
    /// left unanswered. Each question and report is recorded before it is
    /// sent, so a restart never asks twice.
    pub async fn check_series(&self) -> Result<Vec<Action>, CoreError> {
        let now = self.clock.now();
        let series = self
            .store()
            .series_between(now, forever(), false, MOST_SERIES)
            .await?;
        let mut actions = Vec::new();
        for mut s in series {
            let group = self.community.group_index(&s.origin.conversation);
            let Some(policy) = self.community.groups[group].still_happening else {
                continue;
            };
            let today = local_today(self.settings.tz, now);
            let Some(rule) = s.event.as_ref().and_then(|e| e.draft.repeat.as_ref()) else {
                continue;
            };
            // An activity that ends by itself within the week is not asked about.
            if rule
                .until
                .is_some_and(|until| until <= today + chrono::Days::new(7))
            {
                continue;
            }
            let check = rule.check.clone();
            let since = check
                .confirmed_at
                .or(s.review.approved_at)
                .unwrap_or(s.created_at);
            let every = chrono::Duration::weeks(i64::from(policy.every_weeks));
            let answer_within = chrono::Duration::days(StillHappening::ANSWER_WITHIN_DAYS);
            match check.asked_at {
                None if now - since >= every => {
                    set_check(&mut s, |c| c.asked_at = Some(now));
                    s.updated_at = now;
                    self.store().update_submission(&s).await?;
                    info!(id = s.id, "asking whether a regular activity still happens");
                    let lang = self.reply_language(&s.origin.author, s.language).await;
                    actions.push(self.still_happening_question(&s, lang));
                }
                Some(asked) if now - asked >= answer_within && check.reported_at.is_none() => {
                    set_check(&mut s, |c| c.reported_at = Some(now));
                    if policy.unanswered == Unanswered::Hide {
                        s.status = Status::Pending;
                    }
                    s.updated_at = now;
                    self.store().update_submission(&s).await?;
                    info!(id = s.id, ?policy.unanswered, "no answer about a regular activity");
                    actions.extend(self.unanswered_notice(&s, policy.unanswered, asked));
                }
                _ => {}
            }
        }
        Ok(actions)
    }

    /// Asked privately, in the organiser's own language when they chose one.
    fn still_happening_question(&self, s: &Submission, lang: Language) -> Action {
        let today = local_today(self.settings.tz, self.clock.now());
        let rule = s
            .event
            .as_ref()
            .and_then(|e| e.draft.repeat.as_ref())
            .map(|r| crate::format::repeat(lang, r, today))
            .unwrap_or_default();
        Action::Private {
            user: s.origin.author.clone(),
            conversation: s.origin.conversation.clone(),
            doc: Doc::new()
                .para(tr(
                    lang,
                    "still_happening_question",
                    &[
                        ("id", &s.id.to_string()),
                        ("title", s.title()),
                        ("rule", &rule),
                    ],
                ))
                // Pressing one is the same as writing "ja" / "nej".
                .button(tr(lang, "still_button_yes", &[]), format!("yes:{}", s.id))
                .button(tr(lang, "still_button_no", &[]), format!("no:{}", s.id)),
        }
    }

    /// Told in the conversation the activity came from, where its admins
    /// are; once per question (the key names the question's time).
    fn unanswered_notice(
        &self,
        s: &Submission,
        unanswered: Unanswered,
        asked: DateTime<Utc>,
    ) -> Vec<Action> {
        let lang = self.community.language_of(&s.origin.conversation);
        let key = match unanswered {
            Unanswered::TellAdmins => "still_happening_unanswered",
            Unanswered::Hide => "still_happening_hidden",
        };
        vec![Action::Send {
            conversation: s.origin.conversation.clone(),
            reply_to: None,
            doc: Doc::new().para(tr(
                lang,
                key,
                &[
                    ("id", &s.id.to_string()),
                    ("title", s.title()),
                    ("name", &s.origin.author_name),
                ],
            )),
            dedupe_key: Some(format!("still:{}:{}", s.id, asked.timestamp())),
        }]
    }

    /// "ja" or "nej" from an organiser who was asked whether an activity
    /// still happens: the reply, or `None` when nothing was asked.
    pub(crate) async fn still_happening_answer(
        &self,
        user: &UserRef,
        yes: bool,
    ) -> Result<Option<Doc>, CoreError> {
        let now = self.clock.now();
        let tz = self.settings.tz;
        let asked = self
            .store()
            .submissions_by(user, 50)
            .await?
            .into_iter()
            .filter(|s| matches!(s.status, Status::Published | Status::Pending))
            .filter_map(|s| {
                let at = s.event.as_ref()?.draft.repeat.as_ref()?.check.asked_at?;
                Some((at, s))
            })
            .max_by_key(|(at, _)| *at);
        let Some((_, mut s)) = asked else {
            return Ok(None);
        };
        let lang = s.language;
        let id = s.id.to_string();
        let title = s.title().to_string();
        if yes {
            set_check(&mut s, |c| {
                c.confirmed_at = Some(now);
                c.asked_at = None;
                c.reported_at = None;
            });
            s.updated_at = now;
            self.store().update_submission(&s).await?;
            return Ok(Some(Doc::new().para(tr(
                lang,
                "still_happening_yes",
                &[("id", &id), ("title", &title)],
            ))));
        }
        // "nej": the activity ends after today; what has been stays.
        let today = local_today(tz, now);
        let Some(mut draft) = s.event.as_ref().map(|e| e.draft.clone()) else {
            return Ok(None);
        };
        let first = draft.date;
        if let Some(rule) = draft.repeat.as_mut() {
            rule.until = Some(today);
            // Answered: not asked again about an activity that has ended.
            rule.check.confirmed_at = Some(now);
            rule.check.asked_at = None;
            rule.check.reported_at = None;
        }
        if first.is_some_and(|f| f > today) {
            // It never took place: withdrawn, as "/slet" would.
            s.status = Status::Withdrawn;
        }
        s.event = Some(EventDetails::from_draft(draft, tz));
        s.updated_at = now;
        self.store().update_submission(&s).await?;
        info!(id = s.id, "a regular activity ended by its organiser");
        Ok(Some(Doc::new().para(tr(
            lang,
            "still_happening_no",
            &[
                ("id", &id),
                ("title", &title),
                ("day", &crate::format::date(lang, today, false)),
            ],
        ))))
    }
}

fn set_check(s: &mut Submission, change: impl FnOnce(&mut crate::recurrence::SeriesCheck)) {
    if let Some(rule) = s.event.as_mut().and_then(|e| e.draft.repeat.as_mut()) {
        change(&mut rule.check);
    }
}
