//! The console adapter: chat with Vores in a terminal, or pipe messages in.
//!
//! One line of input is one message from the configured person in the
//! configured channel; replies are printed to the output, followed by a
//! blank line. It is the reference adapter: it implements the whole
//! [`Adapter`] trait, so tests drive the bot exactly as residents do.

use std::sync::atomic::{AtomicU64, Ordering};

use async_trait::async_trait;
use chrono::Utc;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::{Mutex, mpsc};
use tokio_util::sync::CancellationToken;
use vores_bot::adapter::{Author, InboundMessage};
use vores_bot::model::{ConversationRef, MessageRef, Platform, UserRef};
use vores_bot::{Adapter, AdapterError, Capabilities, Inbound, LengthUnit, Outgoing, TextFormat};

type Input = Box<dyn AsyncBufRead + Unpin + Send>;
type Output = Box<dyn AsyncWrite + Unpin + Send>;

/// Who is typing and where.
#[derive(Debug, Clone)]
pub struct ConsoleIdentity {
    pub channel: String,
    pub user: String,
    /// `--admin`: the console stands in for the platform's own admin list.
    pub admin: bool,
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
        let mut line = String::new();
        loop {
            line.clear();
            let read = tokio::select! {
                read = input.read_line(&mut line) => read,
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
            let text = line.trim();
            if text.is_empty() {
                continue;
            }
            let n = self.next_line.fetch_add(1, Ordering::Relaxed);
            let event = Inbound::Message(InboundMessage {
                message: MessageRef {
                    conversation: self.conversation(),
                    id: format!("{}-{n}", self.session),
                },
                author: author.clone(),
                text: text.to_string(),
                addressed_to_bot: true,
                private: false,
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
        let mut out = self.output.lock().await;
        let write = async {
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
