//! The console adapter: chat with Vores in a terminal, or pipe messages in.
//!
//! One line of input is one message from the configured person in the
//! configured channel; replies are printed to the output, followed by a
//! blank line. It is the reference adapter: it implements the whole
//! [`Adapter`] trait, so tests drive the bot exactly as residents do.
//!
//! One console session is one person's screen. Several sessions (one per
//! resident, one for an admin) share a database like residents share a
//! town: a notice meant for someone — an answer to their message, a private
//! note — is printed in that person's session only, and waits in the outbox
//! until they open one.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use chrono::Utc;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{Mutex, mpsc};
use tokio_util::sync::CancellationToken;
use vores_bot::adapter::{Author, InboundMessage};
use vores_bot::lang::tr;
use vores_bot::model::{ConversationRef, MessageRef, Platform, UserRef};
use vores_bot::{Adapter, AdapterError, Capabilities, Inbound, LengthUnit, Outgoing, TextFormat};

type Input = Box<dyn AsyncBufRead + Unpin + Send>;
type Output = Box<dyn AsyncWrite + Unpin + Send>;

/// Who is typing and where.
#[derive(Debug, Clone, Default)]
pub struct ConsoleIdentity {
    pub channel: String,
    pub user: String,
    /// `--admin`: the console stands in for the platform's own admin list.
    pub admin: bool,
    /// The console channel's language: its greeting and its marks
    /// ("[privat til …]") are in it.
    pub language: vores_bot::Language,
    /// Also append every message to `<dir>/<channel>.txt`, once per
    /// idempotency key: the console's stand-in for a platform that
    /// recognises a retried send (Matrix transaction ids, Discord nonces).
    pub transcripts: Option<PathBuf>,
    /// Wait this long before each send (lets tests interrupt a digest midway).
    pub send_delay: Option<Duration>,
    /// Behave like a group chat: only commands and lines starting with
    /// "@vores" are said to the bot; other lines are ordinary talk that only
    /// the posting guidelines look at.
    pub group_chat: bool,
    /// Standard input is a terminal: greet the person typing.
    pub interactive: bool,
}

impl ConsoleIdentity {
    /// Who this session is and how it talks to the bot, in the channel's
    /// language and in English: said once at the start of an interactive
    /// session.
    pub fn greeting(&self) -> String {
        let mut languages = vec![self.language];
        if self.language != vores_bot::Language::En {
            languages.push(vores_bot::Language::En);
        }
        let mut out = String::new();
        for lang in languages {
            let mode = tr(
                lang,
                if self.group_chat {
                    "console_group_chat"
                } else {
                    "console_private_chat"
                },
                &[],
            );
            let key = if self.admin {
                "console_greeting_admin"
            } else {
                "console_greeting"
            };
            out.push_str(&tr(
                lang,
                key,
                &[
                    ("name", &self.user),
                    ("channel", &self.channel),
                    ("mode", &mode),
                ],
            ));
            out.push('\n');
        }
        out
    }
}

pub struct ConsoleAdapter {
    identity: ConsoleIdentity,
    input: Mutex<Option<Input>>,
    output: Mutex<Output>,
    /// Message ids must stay unique across runs, because handled messages are
    /// remembered in the database; the session prefix makes them so.
    session: String,
    next_line: AtomicU64,
    sent: AtomicU64,
}

impl ConsoleAdapter {
    pub fn new(identity: ConsoleIdentity, input: Input, output: Output) -> Self {
        let session = Utc::now()
            .timestamp_nanos_opt()
            .unwrap_or_default()
            .to_string();
        ConsoleAdapter {
            identity,
            input: Mutex::new(Some(input)),
            output: Mutex::new(output),
            session: format!("{session}-{}", std::process::id()),
            next_line: AtomicU64::new(1),
            sent: AtomicU64::new(1),
        }
    }

    /// Reads standard input and writes standard output.
    pub fn stdio(identity: ConsoleIdentity) -> Self {
        let input = tokio::io::BufReader::new(tokio::io::stdin());
        ConsoleAdapter::new(identity, Box::new(input), Box::new(tokio::io::stdout()))
    }

    fn conversation(&self) -> ConversationRef {
        ConversationRef {
            platform: Platform::Console,
            id: self.identity.channel.clone(),
        }
    }

    fn unsupported(what: &'static str) -> AdapterError {
        AdapterError::Unsupported {
            platform: Platform::Console,
            what,
        }
    }
}

#[async_trait]
impl Adapter for ConsoleAdapter {
    fn platform(&self) -> Platform {
        Platform::Console
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities {
            max_message_len: 4000,
            length_unit: LengthUnit::Chars,
            format: TextFormat::Plain,
            threads: false,
            reactions: false,
            edits: false,
            deletes: false,
        }
    }

    async fn run(
        &self,
        inbound: mpsc::Sender<Inbound>,
        shutdown: CancellationToken,
    ) -> Result<(), AdapterError> {
        let Some(mut input) = self.input.lock().await.take() else {
            // Runs once: a second run would have nothing to read.
            return Ok(());
        };
        let author = Author {
            user: UserRef {
                platform: Platform::Console,
                id: self.identity.user.clone(),
            },
            display_name: self.identity.user.clone(),
            is_bot: false,
        };
        if self.identity.interactive {
            // A greeting on standard error, so piped output stays the replies only.
            eprintln!("{}", self.identity.greeting());
        }
        let mut bytes = Vec::new();
        loop {
            bytes.clear();
            // Bytes, decoded leniently: one invalid UTF-8 byte (a paste from
            // another encoding) must cost one character, not the session.
            let read = tokio::select! {
                read = input.read_until(b'\n', &mut bytes) => read,
                () = shutdown.cancelled() => return Ok(()),
            };
            match read {
                Ok(0) => return Ok(()),
                Ok(_) => {}
                Err(e) => {
                    return Err(AdapterError::Other {
                        platform: Platform::Console,
                        detail: format!("reading input: {e}"),
                    });
                }
            }
            let line = String::from_utf8_lossy(&bytes);
            let text = line.trim();
            if text.is_empty() {
                continue;
            }
            let (addressed, text) = if self.identity.group_chat {
                match strip_mention(text) {
                    Some(rest) => (true, rest),
                    None => (text.starts_with('/'), text),
                }
            } else {
                (true, text)
            };
            let n = self.next_line.fetch_add(1, Ordering::Relaxed);
            let event = Inbound::Message(InboundMessage {
                message: MessageRef {
                    conversation: self.conversation(),
                    id: message_id(&self.identity.user, &self.session, n),
                },
                author: author.clone(),
                text: text.to_string(),
                addressed_to_bot: addressed,
                // Without --group-chat the session is a private chat with
                // the bot: the group's posting rules (flood, repeats) are
                // about what others must read, and nobody else reads this.
                private: !self.identity.group_chat,
                reply_to: None,
                thread: None,
                attachments: Vec::new(),
                sent_at: Utc::now(),
            });
            if inbound.send(event).await.is_err() {
                // The core has stopped listening: we are shutting down.
                return Ok(());
            }
        }
    }

    async fn send(&self, message: Outgoing) -> Result<MessageRef, AdapterError> {
        if let Some(delay) = self.identity.send_delay {
            tokio::time::sleep(delay).await;
        }
        let mut out = self.output.lock().await;
        if let Some(dir) = &self.identity.transcripts {
            let first_time = append_once(dir, &message).map_err(|e| AdapterError::Unavailable {
                platform: Platform::Console,
                detail: format!("writing the transcript in {}: {e}", dir.display()),
            })?;
            if !first_time {
                // Delivered before a crash: the platform dedupes, we print nothing.
                let n = self.sent.fetch_add(1, Ordering::Relaxed);
                return Ok(MessageRef {
                    conversation: message.conversation,
                    id: format!("{}-out-{n}", self.session),
                });
            }
        }
        let header = (message.conversation.id != self.identity.channel)
            .then(|| format!("[#{}]\n", message.conversation.id));
        let write = async {
            if let Some(header) = &header {
                out.write_all(header.as_bytes()).await?;
            }
            out.write_all(message.text.as_bytes()).await?;
            out.write_all(b"\n\n").await?;
            out.flush().await
        };
        write.await.map_err(|e| AdapterError::Unavailable {
            platform: Platform::Console,
            detail: format!("writing output: {e}"),
        })?;
        let n = self.sent.fetch_add(1, Ordering::Relaxed);
        Ok(MessageRef {
            conversation: message.conversation,
            id: format!("{}-out-{n}", self.session),
        })
    }

    async fn edit(&self, _message: &MessageRef, _text: &str) -> Result<(), AdapterError> {
        Err(ConsoleAdapter::unsupported("edit printed lines"))
    }

    async fn delete(&self, _message: &MessageRef) -> Result<(), AdapterError> {
        Err(ConsoleAdapter::unsupported("delete printed lines"))
    }

    async fn react(&self, _message: &MessageRef, _emoji: &str) -> Result<(), AdapterError> {
        Err(ConsoleAdapter::unsupported("react"))
    }

    async fn send_private(
        &self,
        user: &UserRef,
        _conversation: &ConversationRef,
        text: &str,
        _buttons: &[vores_bot::render::Button],
    ) -> Result<(), AdapterError> {
        let mut out = self.output.lock().await;
        let write = async {
            let mark = tr(
                self.identity.language,
                "console_private_to",
                &[("name", &user.id)],
            );
            out.write_all(format!("{mark}\n{text}\n\n").as_bytes())
                .await?;
            out.flush().await
        };
        write.await.map_err(|e| AdapterError::Unavailable {
            platform: Platform::Console,
            detail: format!("writing output: {e}"),
        })
    }

    /// The console has no files: it shows the file's name and its text,
    /// under the same mark as a private note when it is one.
    async fn send_file(
        &self,
        _conversation: &ConversationRef,
        private_to: Option<&UserRef>,
        file: &vores_bot::render::File,
    ) -> Result<(), AdapterError> {
        let lang = self.identity.language;
        let mut shown = String::new();
        if let Some(user) = private_to {
            shown += &tr(lang, "console_private_to", &[("name", &user.id)]);
            shown.push('\n');
        }
        shown += &tr(lang, "console_file", &[("name", &file.name)]);
        shown = format!("{shown}\n{}\n\n", file.content.trim_end());
        let mut out = self.output.lock().await;
        let write = async {
            out.write_all(shown.as_bytes()).await?;
            out.flush().await
        };
        write.await.map_err(|e| AdapterError::Unavailable {
            platform: Platform::Console,
            detail: format!("writing output: {e}"),
        })
    }

    async fn mute(
        &self,
        _conversation: &ConversationRef,
        _user: &UserRef,
        _minutes: u32,
    ) -> Result<(), AdapterError> {
        Err(ConsoleAdapter::unsupported("mute people"))
    }

    async fn ban(
        &self,
        _conversation: &ConversationRef,
        _user: &UserRef,
    ) -> Result<(), AdapterError> {
        Err(ConsoleAdapter::unsupported("ban people"))
    }

    fn delivers(&self, reply_to: Option<&str>, private_to: Option<&str>) -> bool {
        if let Some(user) = private_to {
            return user == self.identity.user;
        }
        match reply_to.and_then(author_of) {
            Some(author) => author == self.identity.user,
            // A post into the channel: whoever is in it sees it.
            None => true,
        }
    }

    async fn is_admin(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<bool, AdapterError> {
        Ok(self.identity.admin
            && conversation.platform == Platform::Console
            && user.platform == Platform::Console
            && user.id == self.identity.user)
    }
}

/// A console message's id: who wrote it, then a session prefix and line
/// number that keep ids unique across runs (handled messages are
/// remembered in the database).
fn message_id(user: &str, session: &str, line: u64) -> String {
    format!("{user}@{session}-{line}")
}

/// The writer of a console message, from its id (`None` for ids written
/// before ids named their writer).
fn author_of(message_id: &str) -> Option<&str> {
    message_id.rsplit_once('@').map(|(user, _)| user)
}

/// Appends a message to its channel's transcript unless its idempotency key
/// is already there. Returns whether it was written. The file is synced so a
/// crash right after cannot lose the line.
fn append_once(dir: &Path, message: &Outgoing) -> std::io::Result<bool> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let safe: String = message
        .conversation
        .id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let path = dir.join(format!("{safe}.txt"));
    let marker = message
        .idempotency_key
        .as_ref()
        .map(|k| format!("--- {k} ---\n"));
    if let Some(marker) = &marker
        && std::fs::read_to_string(&path)
            .unwrap_or_default()
            .contains(marker.as_str())
    {
        return Ok(false);
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)?;
    let entry = format!("{}{}\n", marker.unwrap_or_default(), message.text);
    file.write_all(entry.as_bytes())?;
    file.sync_data()?;
    Ok(true)
}

/// "@vores …" (any case, with or without a colon) is said to the bot.
fn strip_mention(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    lower
        .starts_with("@vores")
        .then(|| text["@vores".len()..].trim_start_matches([':', ',', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_id_names_its_writer_even_with_an_at_sign_in_the_name() {
        assert_eq!(author_of(&message_id("mette", "17-4", 3)), Some("mette"));
        assert_eq!(author_of(&message_id("a@b", "17-4", 3)), Some("a@b"));
        assert_eq!(author_of("1717-4-3"), None);
    }

    #[test]
    fn a_session_delivers_only_what_is_for_its_person_or_the_whole_channel() {
        let identity = ConsoleIdentity {
            channel: "torvet".into(),
            user: "mette".into(),
            ..ConsoleIdentity::default()
        };
        let console = ConsoleAdapter::new(
            identity,
            Box::new(tokio::io::BufReader::new(tokio::io::empty())),
            Box::new(tokio::io::sink()),
        );
        let hers = message_id("mette", "1-1", 1);
        let his = message_id("ahmed", "1-1", 2);
        assert!(console.delivers(None, None), "a post into the channel");
        assert!(console.delivers(Some(&hers), None), "an answer to her");
        assert!(!console.delivers(Some(&his), None), "an answer to him");
        assert!(console.delivers(None, Some("mette")));
        assert!(!console.delivers(None, Some("ahmed")));
    }
}
