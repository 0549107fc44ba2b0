//! Reactions as answers: on platforms where emoji reactions are the natural
//! gesture (Matrix above all), an admin's ✅ or ❌ on a submission approves
//! or rejects it, the submitter's ❌ on their own confirmation cancels it,
//! and anyone else's 👍 counts as interest.
//!
//! A reaction is traced to its submission through the message it is on:
//! one of the bot's messages (found in the outbox by the platform id of its
//! last part; the document says what it was about) or the resident's own
//! submission message. Reactions that do not point at exactly one
//! submission are ignored, so ordinary emoji on ordinary talk never make the
//! bot speak.

use tracing::{debug, info};

use crate::adapter::{Author, InboundMessage};
use crate::engine::{Action, Bot, CoreError, Situation};
use crate::lang::{Language, tr};
use crate::model::{MessageRef, Status};

/// What a reaction means, whatever its skin tone or presentation selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gesture {
    Approve,
    Reject,
    Interest,
}

impl Gesture {
    pub fn of(emoji: &str) -> Option<Gesture> {
        // U+FE0F asks for the emoji presentation; U+1F3FB–U+1F3FF are skin
        // tones. Neither changes the meaning.
        let bare: String = emoji
            .chars()
            .filter(|c| *c != '\u{FE0F}' && !('\u{1F3FB}'..='\u{1F3FF}').contains(c))
            .collect();
        match bare.as_str() {
            "✅" | "✔" | "☑" => Some(Gesture::Approve),
            "❌" | "✖" | "❎" => Some(Gesture::Reject),
            "👍" | "❤" | "🙌" => Some(Gesture::Interest),
            _ => None,
        }
    }
}

/// The submission a message points at, and whether it asks admins to decide.
struct Target {
    id: i64,
    approval_request: bool,
}

impl Bot {
    async fn reaction_target(&self, message: &MessageRef) -> Result<Option<Target>, CoreError> {
        if let Some(item) = self.store().outbox_item_sent_as(message).await? {
            let ids_of = |verb: &str| -> Vec<i64> {
                let mut ids: Vec<i64> = item
                    .doc
                    .buttons
                    .iter()
                    .filter_map(|b| b.data.split_once(':'))
                    .filter(|(v, _)| *v == verb)
                    .filter_map(|(_, id)| id.parse().ok())
                    .collect();
                ids.dedup();
                ids
            };
            let approvals = ids_of("approve");
            // A list of several items to decide is ambiguous: no guessing.
            return Ok(match (approvals.as_slice(), item.doc.about) {
                ([id], _) => Some(Target {
                    id: *id,
                    approval_request: true,
                }),
                ([], Some(id)) => Some(Target {
                    id,
                    approval_request: false,
                }),
                _ => None,
            });
        }
        Ok(self
            .store()
            .submission_from_message(message)
            .await?
            .map(|s| Target {
                id: s.id,
                approval_request: false,
            }))
    }

    pub(crate) async fn on_reaction(
        &self,
        message: &MessageRef,
        author: &Author,
        emoji: &str,
        added: bool,
        sit: &Situation,
    ) -> Result<Vec<Action>, CoreError> {
        let Some(gesture) = Gesture::of(emoji) else {
            return Ok(Vec::new());
        };
        if author.is_bot {
            return Ok(Vec::new());
        }
        let Some(target) = self.reaction_target(message).await? else {
            debug!(message = %message.id, "a reaction on something that is not a submission");
            return Ok(Vec::new());
        };
        let Some(submission) = self.store().submission(target.id).await? else {
            return Ok(Vec::new());
        };
        let user = &author.user;
        let own = &submission.origin.author == user;
        if gesture == Gesture::Interest {
            // The submitter's own 👍 is "that's right", not interest.
            if !own {
                self.store()
                    .set_interest(submission.id, user, added, self.clock.now())
                    .await?;
                info!(id = submission.id, added, "interest");
            }
            return Ok(Vec::new());
        }
        if !added {
            // Taking a ✅ back does not undo a decision; /afvis and /slet do.
            return Ok(Vec::new());
        }
        let lang = sit.channel_language;
        let id = submission.id;
        let danish = lang == Language::Da;
        let command = match gesture {
            Gesture::Approve if sit.sender_is_admin || target.approval_request => {
                if submission.status != Status::Pending && !target.approval_request {
                    return Ok(Vec::new());
                }
                format!("/{} #{id}", if danish { "godkend" } else { "approve" })
            }
            Gesture::Reject if sit.sender_is_admin || target.approval_request => {
                if matches!(submission.status, Status::Rejected | Status::Withdrawn)
                    && !target.approval_request
                {
                    return Ok(Vec::new());
                }
                format!(
                    "/{} #{id} {}",
                    if danish { "afvis" } else { "reject" },
                    tr(lang, "reaction_reject_reason", &[])
                )
            }
            Gesture::Reject if own => {
                if submission.status == Status::Withdrawn {
                    return Ok(Vec::new());
                }
                format!("/{} #{id}", if danish { "slet" } else { "delete" })
            }
            _ => return Ok(Vec::new()),
        };
        // Said as a command by the person who reacted, so every check an
        // admin command has (rights, group, state) applies unchanged.
        let said = InboundMessage {
            message: message.clone(),
            author: author.clone(),
            text: command,
            addressed_to_bot: true,
            private: false,
            reply_to: None,
            thread: None,
            attachments: Vec::new(),
            sent_at: self.clock.now(),
        };
        self.respond(&said, sit).await
    }
}

#[cfg(test)]
mod tests {
    use super::Gesture;

    #[test]
    fn gestures_ignore_presentation_and_skin_tone() {
        assert_eq!(Gesture::of("✅"), Some(Gesture::Approve));
        assert_eq!(Gesture::of("✔️"), Some(Gesture::Approve));
        assert_eq!(Gesture::of("❌"), Some(Gesture::Reject));
        assert_eq!(Gesture::of("👍🏽"), Some(Gesture::Interest));
        assert_eq!(Gesture::of("❤️"), Some(Gesture::Interest));
        assert_eq!(Gesture::of("😂"), None);
    }
}
