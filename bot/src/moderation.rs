//! Group admins' side of the bot: posting guidelines enforced on every
//! message, the approval queue, the moderation log, appeals and trust.
//!
//! Every admin command checks rights here, on our side: a resident who
//! tries one gets a polite refusal, and the attempt is logged.

use chrono::Duration;
use tracing::info;

use crate::adapter::InboundMessage;
use crate::engine::{Action, Bot, CoreError, Escalated, Situation, reply_to, stored_card};
use crate::format;
use crate::guidelines::{self, Escalation, History, LinkPolicy, RuleAction, Violation};
use crate::lang::{Language, tr};
use crate::model::{
    ConversationRef, MessageRef, ModerationEntry, Status, Submission, SubmissionKind, UserRef,
};
use crate::render::{Doc, Span};
use crate::store::NewModerationEntry;
use crate::understand::{AppealTarget, Command};
use crate::untrusted;

/// How long recent messages are remembered for the flood and repeat rules.
const MEMORY: i64 = 10 * 60;

impl Bot {
    /// The conversations whose log and queue an admin here looks after.
    fn group_conversations(&self, here: &ConversationRef) -> Vec<ConversationRef> {
        let group = self.community.group_of(here);
        let mut all: Vec<ConversationRef> = group
            .channels
            .iter()
            .map(|c| c.conversation.clone())
            .collect();
        if !all.contains(here) {
            all.push(here.clone());
        }
        all
    }

    fn is_global_admin(&self, user: &UserRef) -> bool {
        self.community.admins.contains(user)
    }

    /// The rules a message breaks (admins are exempt), remembering it for
    /// the flood and repeat rules.
    pub(crate) async fn guideline_violations(
        &self,
        msg: &InboundMessage,
        sit: &Situation,
    ) -> Result<Vec<Violation>, CoreError> {
        let now = self.clock.now();
        let conversation = &msg.message.conversation;
        let user = &msg.author.user;
        let (first_seen, messages_before) =
            self.store().touch_member(conversation, user, now).await?;
        let normalised = guidelines::normalise(&msg.text);
        let (recent, elsewhere) = {
            let mut all = self.recent.lock().unwrap_or_else(|e| e.into_inner());
            let theirs = all.entry(user.clone()).or_default();
            for said in theirs.values_mut() {
                said.retain(|(t, _)| now - *t < Duration::seconds(MEMORY));
            }
            theirs.retain(|_, said| !said.is_empty());
            let elsewhere: Vec<_> = theirs
                .iter()
                .filter(|(c, _)| *c != conversation)
                .flat_map(|(_, said)| said.iter().cloned())
                .collect();
            let here = theirs.entry(conversation.clone()).or_default();
            let before = here.clone();
            here.push((now, normalised));
            (before, elsewhere)
        };
        if sit.sender_is_admin {
            return Ok(Vec::new());
        }
        let history = History {
            recent,
            member_since: Some(first_seen),
            messages_before,
            elsewhere,
        };
        let rules = &self.community.group_of(conversation).rules;
        Ok(guidelines::check(rules, &msg.text, &history, now))
    }

    /// The content rules an edited message breaks. The flood, repeat and
    /// new-member rules are about sending, not about wording, so an edit is
    /// not counted as another message; private chats and conversations the
    /// config does not name are not moderated on edit.
    pub(crate) fn edit_violations(&self, msg: &InboundMessage, sit: &Situation) -> Vec<Violation> {
        let conversation = &msg.message.conversation;
        if sit.sender_is_admin || self.community.channel(conversation).is_none() {
            return Vec::new();
        }
        self.content_violations(msg)
    }

    /// The rules about wording alone (not about sending: flood, repeats,
    /// new members) that `msg` breaks, by the rules of its conversation's
    /// group.
    fn content_violations(&self, msg: &InboundMessage) -> Vec<Violation> {
        let history = History {
            recent: Vec::new(),
            member_since: None,
            messages_before: u32::MAX,
            elsewhere: Vec::new(),
        };
        let rules = &self.community.group_of(&msg.message.conversation).rules;
        guidelines::check(rules, &msg.text, &history, self.clock.now())
    }

    /// A submission sent in a private chat is published to the group like
    /// any other, so it must follow the group's rules about wording. Nobody
    /// else read it, so it costs no strike and no log entry: the resident
    /// is told what to change. (An appeal would reach no admin: the log and
    /// the appeals are per group channel, and a private chat is none.)
    /// `None` when it breaks no rule, or comes from an admin.
    pub(crate) fn private_submission_refused(
        &self,
        msg: &InboundMessage,
        lang: Language,
        sit: &Situation,
    ) -> Option<Doc> {
        if !msg.private || sit.sender_is_admin {
            return None;
        }
        let violations = self.content_violations(msg);
        (!violations.is_empty()).then(|| coaching(lang, &violations, None))
    }

    /// Logs the violations, removes or notes as the rules say, and escalates
    /// after too many strikes.
    pub(crate) async fn enforce(
        &self,
        msg: &InboundMessage,
        violations: Vec<Violation>,
        sit: &Situation,
    ) -> Result<Vec<Action>, CoreError> {
        let now = self.clock.now();
        let conversation = &msg.message.conversation;
        let user = &msg.author.user;
        let group = self.community.group_of(conversation);
        let lang = self
            .reply_language(user, crate::lang::detect(&msg.text, sit.channel_language))
            .await;
        let main = &violations[0];
        let delete = violations.iter().any(|v| v.action == RuleAction::Delete);
        let entry = self
            .store()
            .log_moderation(&NewModerationEntry {
                conversation: conversation.clone(),
                message_id: Some(msg.message.id.clone()),
                user: user.clone(),
                user_name: msg.author.display_name.clone(),
                rule: violations
                    .iter()
                    .map(|v| v.rule.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                matched: main.matched.clone(),
                action: if delete { "delete" } else { "note" }.to_string(),
                strike: true,
                at: now,
            })
            .await?;
        info!(entry, rule = main.rule.as_str(), "guideline broken");

        let mut actions = Vec::new();
        let reasons: Vec<String> = violations
            .iter()
            .map(|v| {
                tr(
                    lang,
                    &format!("rule_{}", v.rule.as_str()),
                    &[("matched", &crate::guidelines::said(lang, &v.matched))],
                )
            })
            .collect();
        let entry_id = entry.to_string();
        if msg.addressed_to_bot {
            // A submission or command: coach the resident right here.
            actions.push(reply_to(msg, coaching(lang, &violations, Some(entry))));
        } else {
            let channel = self
                .community
                .channel(conversation)
                .map_or_else(|| conversation.id.clone(), |c| c.name.clone());
            let mut doc = Doc::new().para(tr(
                lang,
                "guideline_intro",
                &[("name", &msg.author.display_name), ("channel", &channel)],
            ));
            for reason in &reasons {
                doc = doc.item(vec![Span::Text(reason.clone())]);
            }
            if delete && sit.can_delete {
                doc = doc.para(tr(lang, "guideline_deleted", &[]));
            } else if delete {
                doc = doc.para(tr(lang, "guideline_not_deleted", &[]));
            }
            doc = doc.para(tr(lang, "guideline_appeal", &[("entry", &entry_id)]));
            actions.push(Action::Private {
                user: user.clone(),
                conversation: conversation.clone(),
                doc,
            });
        }
        if delete {
            actions.push(Action::Delete {
                message: msg.message.clone(),
                author_name: msg.author.display_name.clone(),
                rule: main.rule.as_str().to_string(),
            });
        }

        let rules = &group.rules;
        let since = now - Duration::hours(i64::from(rules.strike_window_hours));
        let strikes = self
            .store()
            .strikes_since(user, &self.group_conversations(conversation), since)
            .await?;
        if strikes >= rules.strikes_before_escalation && rules.strikes_before_escalation > 0 {
            let channel_lang = sit.channel_language;
            let name = msg.author.display_name.as_str();
            let (action_name, notice) = match rules.escalation {
                Escalation::Mute { minutes } => (
                    "mute",
                    tr(
                        channel_lang,
                        "escalated_mute",
                        &[("name", name), ("minutes", &minutes.to_string())],
                    ),
                ),
                Escalation::Ban => ("ban", tr(channel_lang, "escalated_ban", &[("name", name)])),
                Escalation::TellAdmins => (
                    "tell_admins",
                    tr(
                        channel_lang,
                        "escalated_admins",
                        &[("name", name), ("strikes", &strikes.to_string())],
                    ),
                ),
            };
            self.store()
                .log_moderation(&NewModerationEntry {
                    conversation: conversation.clone(),
                    message_id: Some(msg.message.id.clone()),
                    user: user.clone(),
                    user_name: msg.author.display_name.clone(),
                    rule: "escalation".to_string(),
                    matched: crate::guidelines::measure("strikes", &[strikes as usize], None),
                    action: action_name.to_string(),
                    strike: false,
                    at: now,
                })
                .await?;
            let why = Escalated {
                message: msg.message.clone(),
                author_name: msg.author.display_name.clone(),
                rule: main.rule.as_str().to_string(),
                notice: Doc::new().para(notice),
                notice_key: format!("escalation:{entry}"),
            };
            actions.push(match rules.escalation {
                Escalation::Mute { minutes } => Action::Mute {
                    conversation: conversation.clone(),
                    user: user.clone(),
                    minutes,
                    why,
                },
                Escalation::Ban => Action::Ban {
                    conversation: conversation.clone(),
                    user: user.clone(),
                    why,
                },
                Escalation::TellAdmins => Action::Send {
                    conversation: conversation.clone(),
                    reply_to: None,
                    doc: why.notice,
                    dedupe_key: Some(why.notice_key),
                },
            });
        }
        Ok(actions)
    }

    /// Refuses, and logs, an admin command from someone who is not one.
    async fn refuse(
        &self,
        msg: &InboundMessage,
        command: &Command,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        info!(user = %msg.author.user.id, command = command.name(), "admin command refused");
        self.store()
            .log_moderation(&NewModerationEntry {
                conversation: msg.message.conversation.clone(),
                message_id: Some(msg.message.id.clone()),
                user: msg.author.user.clone(),
                user_name: msg.author.display_name.clone(),
                rule: "admin_command".to_string(),
                matched: msg.text.chars().take(200).collect(),
                action: "refused".to_string(),
                strike: false,
                at: self.clock.now(),
            })
            .await?;
        let word = msg
            .text
            .trim()
            .trim_start_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_string();
        Ok(Doc::new().para(tr(lang, "admin_only", &[("command", &word)])))
    }

    pub(crate) async fn admin_command(
        &self,
        msg: &InboundMessage,
        command: Command,
        lang: Language,
        sit: &Situation,
    ) -> Result<Doc, CoreError> {
        if !sit.sender_is_admin {
            return self.refuse(msg, &command, lang).await;
        }
        let here = &msg.message.conversation;
        match command {
            Command::Pending => self.pending_doc(here, &msg.author.user, lang).await,
            Command::Approve(Some(id)) => self.approve(msg, id, lang).await,
            Command::Approve(None) => Ok(Doc::new().para(tr(lang, "which_approve", &[]))),
            Command::Reject(Some(id), reason) => self.reject(msg, id, &reason, lang).await,
            Command::Reject(None, _) => Ok(Doc::new().para(tr(lang, "which_reject", &[]))),
            Command::Log => self.log_doc(here, lang).await,
            Command::Unstrike(Some(entry)) => {
                match self.store().moderation_entry(entry).await? {
                    // Only a strike can be undone; an approval is undone by
                    // rejecting, not from the log.
                    Some(found)
                        if found.strike
                            && (self.group_conversations(here).contains(&found.conversation)
                                || self.is_global_admin(&msg.author.user)) =>
                    {
                        self.store().undo_moderation(entry).await?;
                        Ok(Doc::new().para(tr(
                            lang,
                            "unstrike_done",
                            &[("entry", &entry.to_string())],
                        )))
                    }
                    _ => Ok(Doc::new().para(tr(lang, "unstrike_which", &[]))),
                }
            }
            Command::Unstrike(None) => Ok(Doc::new().para(tr(lang, "unstrike_which", &[]))),
            Command::Distrust(name) | Command::Trust(name) if name.is_empty() => {
                Ok(Doc::new().para(tr(lang, "which_user", &[])))
            }
            Command::Distrust(name) => {
                let user = UserRef {
                    platform: here.platform,
                    id: name.clone(),
                };
                self.store()
                    .set_trust_revoked(&user, true, self.clock.now())
                    .await?;
                Ok(Doc::new().para(tr(lang, "trust_revoked", &[("name", &name)])))
            }
            Command::Trust(name) => {
                let user = UserRef {
                    platform: here.platform,
                    id: name.clone(),
                };
                self.store()
                    .set_trust_revoked(&user, false, self.clock.now())
                    .await?;
                Ok(Doc::new().para(tr(lang, "trust_restored", &[("name", &name)])))
            }
            other => Ok(Doc::new().para(tr(lang, "unknown_command", &[("command", other.name())]))),
        }
    }

    /// Whether an admin here may decide about `submission`: it came from
    /// this group, or the admin is an admin everywhere.
    fn may_decide(&self, here: &ConversationRef, admin: &UserRef, submission: &Submission) -> bool {
        self.is_global_admin(admin)
            || self.community.group_index(here)
                == self.community.group_index(&submission.origin.conversation)
    }

    async fn pending_doc(
        &self,
        here: &ConversationRef,
        admin: &UserRef,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        let tz = self.settings.tz;
        let today = crate::civil::local_today(tz, self.clock.now());
        let pending: Vec<Submission> = self
            .store()
            .pending_submissions(200)
            .await?
            .into_iter()
            .filter(|s| self.may_decide(here, admin, s))
            .collect();
        let appeals = self
            .store()
            .open_appeals(&self.group_conversations(here), 50)
            .await?;
        if pending.is_empty() && appeals.is_empty() {
            return Ok(Doc::new().para(tr(lang, "pending_none", &[])));
        }
        let mut doc = Doc::new();
        if !pending.is_empty() {
            doc = doc.para(tr(lang, "pending_heading", &[]));
            for s in &pending {
                let kind = tr(lang, &format!("kind_{}", s.kind.as_str()), &[]);
                let mut spans = vec![
                    Span::Text(format!("#{} ", s.id)),
                    Span::Bold(untrusted::isolate_in(lang, &shorten(s.title(), 60)).into_owned()),
                ];
                if let Some(rule) = s.event.as_ref().and_then(|e| e.draft.repeat.as_ref()) {
                    spans.push(Span::Text(format!(
                        ", {} {}",
                        format::repeat(lang, rule, today),
                        format::event_time(lang, s, tz)
                    )));
                } else if let Some(start) = s.event.as_ref().and_then(|e| e.starts_at) {
                    let day = format::date_near(lang, start.with_timezone(&tz).date_naive(), today);
                    spans.push(Span::Text(format!(
                        ", {day} {}",
                        format::event_time(lang, s, tz)
                    )));
                }
                let by = tr(
                    lang,
                    "by_line",
                    &[
                        ("name", &s.origin.author_name),
                        (
                            "platform",
                            &format::platform(lang, s.origin.conversation.platform),
                        ),
                    ],
                );
                spans.push(Span::Text(format!(" – {kind}, {by}")));
                if let Some(note) = &s.review.note {
                    spans.push(Span::Italic(format!(" ({})", shorten(note, 80))));
                }
                // The likely duplicate, so an admin does not approve it twice.
                if let Some((_, same)) = self
                    .clashing(s)
                    .await?
                    .into_iter()
                    .find(|(clash, _)| *clash == crate::engine::Clash::Duplicate)
                {
                    spans.push(Span::Italic(format!(
                        " – {}",
                        tr(
                            lang,
                            "pending_maybe_duplicate",
                            &[("id", &same.id.to_string())]
                        )
                    )));
                }
                doc = doc.item(spans);
                let id = s.id.to_string();
                doc = doc
                    .button(
                        tr(lang, "button_approve", &[("id", &id)]),
                        format!("approve:{id}"),
                    )
                    .button(
                        tr(lang, "button_reject", &[("id", &id)]),
                        format!("reject:{id}"),
                    );
            }
            // The example is the first item in the list: a made-up number
            // could be a real item somebody approves by copying it.
            let first = pending[0].id.to_string();
            doc = doc.para(tr(lang, "pending_hint", &[("id", &first)]));
        }
        if !appeals.is_empty() {
            doc = doc.para(tr(lang, "appeals_heading", &[]));
            for entry in &appeals {
                doc = doc.item(log_line(lang, entry));
            }
        }
        Ok(doc)
    }

    async fn approve(
        &self,
        msg: &InboundMessage,
        id: i64,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        let idt = id.to_string();
        let Some(mut found) = self.store().submission(id).await? else {
            return Ok(Doc::new().para(tr(lang, "not_found", &[("id", &idt)])));
        };
        if !self.may_decide(&msg.message.conversation, &msg.author.user, &found) {
            return Ok(Doc::new().para(tr(lang, "not_in_group", &[("id", &idt)])));
        }
        match found.status {
            Status::Pending | Status::Rejected => {}
            Status::Published => {
                return Ok(Doc::new().para(tr(lang, "already_approved", &[("id", &idt)])));
            }
            other => {
                let status = tr(lang, &format!("status_{}", other.as_str()), &[]);
                return Ok(Doc::new().para(tr(
                    lang,
                    "not_pending",
                    &[("id", &idt), ("status", &status)],
                )));
            }
        }
        let now = self.clock.now();
        found.status = Status::Published;
        found.review.approved_at = Some(now);
        found.review.reviewer = Some(msg.author.display_name.clone());
        found.review.note = None;
        found.updated_at = now;
        self.store().update_submission(&found).await?;
        self.log_decision(msg, &found, "approved", "").await?;
        info!(id, admin = %msg.author.user.id, "approved");
        let their = self
            .reply_language(&found.origin.author, found.language)
            .await;
        // "Din begivenhed", "Dit sted": Danish nouns have a gender.
        let yours = tr(their, &format!("your_kind_{}", found.kind.as_str()), &[]);
        let notice = tr(
            their,
            "approved_notice",
            &[
                ("your_kind", &yours),
                ("title", &shorten(found.title(), 60)),
                ("id", &idt),
            ],
        );
        self.later(decision_notice(&found, notice, now));
        self.announce(&found);
        Ok(Doc::new().para(tr(
            lang,
            "approved_admin",
            &[("id", &idt), ("name", &found.origin.author_name)],
        )))
    }

    async fn reject(
        &self,
        msg: &InboundMessage,
        id: i64,
        reason: &str,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        let idt = id.to_string();
        if reason.trim().is_empty() {
            return Ok(Doc::new().para(tr(lang, "reject_needs_reason", &[("id", &idt)])));
        }
        let Some(mut found) = self.store().submission(id).await? else {
            return Ok(Doc::new().para(tr(lang, "not_found", &[("id", &idt)])));
        };
        if !self.may_decide(&msg.message.conversation, &msg.author.user, &found) {
            return Ok(Doc::new().para(tr(lang, "not_in_group", &[("id", &idt)])));
        }
        if matches!(found.status, Status::Withdrawn | Status::Rejected) {
            let status = tr(lang, &format!("status_{}", found.status.as_str()), &[]);
            return Ok(Doc::new().para(tr(
                lang,
                "not_pending",
                &[("id", &idt), ("status", &status)],
            )));
        }
        let now = self.clock.now();
        found.status = Status::Rejected;
        found.review.reviewer = Some(msg.author.display_name.clone());
        found.review.note = Some(reason.trim().to_string());
        found.updated_at = now;
        self.store().update_submission(&found).await?;
        self.log_decision(msg, &found, "rejected", reason).await?;
        info!(id, admin = %msg.author.user.id, "rejected");
        let their = self
            .reply_language(&found.origin.author, found.language)
            .await;
        let yours = tr(their, &format!("your_kind_{}", found.kind.as_str()), &[]);
        let it = tr(their, &format!("it_kind_{}", found.kind.as_str()), &[]);
        let notice = tr(
            their,
            "rejected_notice",
            &[
                ("your_kind", &yours),
                ("it", &it),
                ("title", &shorten(found.title(), 60)),
                ("id", &idt),
                ("reason", reason.trim().trim_end_matches('.')),
            ],
        );
        self.later(decision_notice(&found, notice, now));
        Ok(Doc::new().para(tr(
            lang,
            "rejected_admin",
            &[("id", &idt), ("name", &found.origin.author_name)],
        )))
    }

    /// An admin's approval or rejection, in the group's moderation log
    /// (`/log`): who decided what about which item, never a strike.
    async fn log_decision(
        &self,
        msg: &InboundMessage,
        found: &Submission,
        action: &str,
        reason: &str,
    ) -> Result<(), CoreError> {
        let mut what = format!("#{} {}", found.id, shorten(found.title(), 60));
        if !reason.trim().is_empty() {
            what = format!("{what}: {}", reason.trim());
        }
        self.store()
            .log_moderation(&NewModerationEntry {
                conversation: found.origin.conversation.clone(),
                message_id: Some(msg.message.id.clone()),
                user: msg.author.user.clone(),
                user_name: msg.author.display_name.clone(),
                rule: "decision".to_string(),
                matched: what,
                action: action.to_string(),
                strike: false,
                at: self.clock.now(),
            })
            .await?;
        Ok(())
    }

    /// Posts an approved event into every channel of its group, once.
    pub(crate) fn announce(&self, saved: &Submission) {
        let group = self.community.group_of(&saved.origin.conversation);
        if !group.announce_approved
            || saved.kind != SubmissionKind::Event
            || saved.status != Status::Published
        {
            return;
        }
        let Some(event) = &saved.event else { return };
        let today = crate::civil::local_today(self.settings.tz, self.clock.now());
        for channel in &group.channels {
            let lang = channel.language;
            // The same card as the confirmation: a regular activity shows
            // its rule and next dates, an event over days its last day.
            let doc = Doc::new()
                .para(tr(lang, "announce_event", &[("title", &event.draft.title)]))
                .append(stored_card(lang, saved, self.settings.tz, today))
                .about(saved.id);
            self.later(Action::Send {
                conversation: channel.conversation.clone(),
                reply_to: None,
                doc,
                dedupe_key: Some(format!(
                    "announce:{}:{}:{}",
                    saved.id, channel.conversation.platform, channel.conversation.id
                )),
            });
        }
    }

    async fn log_doc(&self, here: &ConversationRef, lang: Language) -> Result<Doc, CoreError> {
        let entries = self
            .store()
            .moderation_log(&self.group_conversations(here), 20)
            .await?;
        if entries.is_empty() {
            return Ok(Doc::new().para(tr(lang, "log_none", &[])));
        }
        let mut doc = Doc::new().para(tr(lang, "log_heading", &[]));
        for entry in &entries {
            let mut line = log_line(lang, entry);
            let when = entry.created_at.with_timezone(&self.settings.tz);
            line.insert(1, Span::Text(format!("{} ", when.format("%d.%m. %H:%M"))));
            doc = doc.item(line);
        }
        Ok(doc)
    }

    pub(crate) async fn appeal(
        &self,
        msg: &InboundMessage,
        target: Option<AppealTarget>,
        text: &str,
        lang: Language,
    ) -> Result<Doc, CoreError> {
        let user = &msg.author.user;
        let explanation = if text.trim().is_empty() {
            "—"
        } else {
            text.trim()
        };
        match target {
            Some(AppealTarget::Moderation(entry)) => {
                match self.store().moderation_entry(entry).await? {
                    Some(found) if &found.user == user => {
                        self.store().appeal_moderation(entry, explanation).await?;
                        info!(entry, "moderation appealed");
                        Ok(Doc::new().para(tr(lang, "appeal_sent", &[])))
                    }
                    _ => Ok(Doc::new().para(tr(
                        lang,
                        "appeal_not_yours",
                        &[("entry", &entry.to_string())],
                    ))),
                }
            }
            Some(AppealTarget::Submission(id)) => {
                let idt = id.to_string();
                match self.store().submission(id).await? {
                    Some(mut found)
                        if &found.origin.author == user && found.status == Status::Rejected =>
                    {
                        found.status = Status::Pending;
                        found.review.note =
                            Some(format!("{}: {explanation}", tr(lang, "log_appeal", &[])));
                        found.updated_at = self.clock.now();
                        self.store().update_submission(&found).await?;
                        Ok(Doc::new().para(tr(lang, "submission_appeal_sent", &[("id", &idt)])))
                    }
                    Some(found) if &found.origin.author == user => {
                        let status = tr(lang, &format!("status_{}", found.status.as_str()), &[]);
                        Ok(Doc::new().para(tr(
                            lang,
                            "not_pending",
                            &[("id", &idt), ("status", &status)],
                        )))
                    }
                    Some(_) => Ok(Doc::new().para(tr(lang, "not_yours", &[("id", &idt)]))),
                    None => Ok(Doc::new().para(tr(lang, "not_found", &[("id", &idt)]))),
                }
            }
            None => Ok(Doc::new().para(tr(lang, "appeal_which", &[]))),
        }
    }

    /// The group's rules in plain words (`/regler`).
    pub fn rules_doc(&self, here: &ConversationRef, lang: Language) -> Doc {
        let group = self.community.group_of(here);
        let rules = &group.rules;
        let mut lines: Vec<String> = Vec::new();
        lines.push(match group.approval {
            crate::community::Approval::Always => tr(lang, "rules_approval_always", &[]),
            crate::community::Approval::Never => tr(lang, "rules_approval_never", &[]),
            crate::community::Approval::TrustedAfter(n) => {
                tr(lang, "rules_approval_trusted", &[("count", &n.to_string())])
            }
        });
        if !rules.banned_words.is_empty() || !rules.banned_patterns.is_empty() {
            let count = (rules.banned_words.len() + rules.banned_patterns.len()).to_string();
            lines.push(tr(lang, "rules_banned_words", &[("count", &count)]));
        }
        if rules.spam_filter {
            lines.push(tr(lang, "rules_spam", &[]));
        }
        match &rules.links {
            LinkPolicy::Allow => {}
            LinkPolicy::None => lines.push(tr(lang, "rules_links_none", &[])),
            LinkPolicy::Allowlist(domains) => lines.push(tr(
                lang,
                "rules_links_allowlist",
                &[("domains", &domains.join(", "))],
            )),
        }
        if let Some(max) = rules.max_links {
            lines.push(tr(lang, "rules_max_links", &[("count", &max.to_string())]));
        }
        if let Some(ratio) = rules.max_caps_ratio {
            let percent = ((ratio * 100.0).round() as u32).to_string();
            lines.push(tr(lang, "rules_caps", &[("percent", &percent)]));
        }
        if let Some(n) = rules.flood_messages {
            lines.push(tr(
                lang,
                "rules_flood",
                &[
                    ("count", &n.to_string()),
                    ("seconds", &rules.flood_seconds.to_string()),
                ],
            ));
        }
        if let Some(n) = rules.max_repeats {
            lines.push(tr(lang, "rules_repeat", &[("count", &n.to_string())]));
        }
        if let Some(h) = rules.new_member_hours {
            lines.push(tr(lang, "rules_new_member", &[("hours", &h.to_string())]));
        }
        if let Some(n) = rules.new_member_messages {
            lines.push(tr(
                lang,
                "rules_new_member_messages",
                &[("count", &n.to_string())],
            ));
        }
        if let Some(n) = rules.max_length {
            lines.push(tr(lang, "rules_length", &[("count", &n.to_string())]));
        }
        let what = match rules.escalation {
            Escalation::Mute { minutes } => tr(
                lang,
                "rules_escalation_mute",
                &[("minutes", &minutes.to_string())],
            ),
            Escalation::Ban => tr(lang, "rules_escalation_ban", &[]),
            Escalation::TellAdmins => tr(lang, "rules_escalation_admins", &[]),
        };
        lines.push(tr(
            lang,
            "rules_escalation",
            &[
                ("count", &rules.strikes_before_escalation.to_string()),
                ("hours", &rules.strike_window_hours.to_string()),
                ("what", &what),
            ],
        ));
        let mut doc = Doc::new().para(tr(lang, "rules_heading", &[("group", &group.title)]));
        for line in lines {
            doc = doc.item(vec![Span::Text(line)]);
        }
        doc
    }
}

/// Tells a submitter what the admins decided, where they submitted.
/// "I have not saved your message, because…", the rules broken, how to fix
/// it and, when it was logged as `entry`, how to appeal.
fn coaching(lang: Language, violations: &[Violation], entry: Option<i64>) -> Doc {
    let mut doc = Doc::new().para(tr(lang, "guideline_submission", &[]));
    for v in violations {
        let reason = tr(
            lang,
            &format!("rule_{}", v.rule.as_str()),
            &[("matched", &crate::guidelines::said(lang, &v.matched))],
        );
        doc = doc.item(vec![Span::Text(reason)]);
    }
    doc = doc.para(tr(lang, "guideline_submission_fix", &[]));
    match entry {
        Some(entry) => doc.para(tr(
            lang,
            "guideline_appeal",
            &[("entry", &entry.to_string())],
        )),
        None => doc,
    }
}

fn decision_notice(found: &Submission, text: String, at: chrono::DateTime<chrono::Utc>) -> Action {
    Action::Send {
        conversation: found.origin.conversation.clone(),
        reply_to: found.origin.message_id.as_ref().map(|id| MessageRef {
            conversation: found.origin.conversation.clone(),
            id: id.clone(),
        }),
        doc: Doc::new().para(text),
        dedupe_key: Some(format!(
            "decision:{}:{}:{}",
            found.id,
            found.status.as_str(),
            at.timestamp()
        )),
    }
}

fn log_line(lang: Language, entry: &ModerationEntry) -> Vec<Span> {
    let mut spans = vec![
        Span::Text(format!("M{} ", entry.id)),
        Span::Bold(entry.user_name.clone()),
        Span::Text(format!(
            " – {} («{}») – {}",
            // Several rules broken at once are stored as "caps,links".
            entry
                .rule
                .split(',')
                .map(|rule| crate::lang::name_of(lang, "log_rule", rule.trim()))
                .collect::<Vec<_>>()
                .join(", "),
            shorten(&crate::guidelines::said(lang, &entry.matched), 60),
            crate::lang::name_of(lang, "log_action", &entry.action)
        )),
    ];
    if entry.undone {
        spans.push(Span::Italic(format!(" ({})", tr(lang, "log_undone", &[]))));
    }
    if let Some(appeal) = &entry.appeal {
        spans.push(Span::Italic(format!(
            " ({}: {})",
            tr(lang, "log_appeal", &[]),
            shorten(appeal, 80)
        )));
    }
    spans
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}
