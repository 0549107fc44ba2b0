//! The storage boundary the core needs. Implemented by `vores-storage` for
//! SQLite and PostgreSQL; it knows nothing about platforms beyond their
//! opaque references.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::model::{
    ConversationRef, ConversationState, MessageRef, NewSubmission, Submission, UserRef,
};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database error: {0}")]
    Database(String),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("submission #{0} does not exist")]
    NoSuchSubmission(i64),
}

#[async_trait]
pub trait Store: Send + Sync {
    /// Records that a message was handled. Returns false when it already
    /// was, so a redelivered message is not handled twice.
    async fn mark_handled(
        &self,
        message: &MessageRef,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError>;

    async fn insert_submission(&self, new: &NewSubmission) -> Result<Submission, StoreError>;

    /// Saves what can change about a submission (found by its id): status,
    /// language, anonymity, text, event and story details, `updated_at`.
    /// Kind, origin and `created_at` never change.
    async fn update_submission(&self, submission: &Submission) -> Result<(), StoreError>;

    async fn submission(&self, id: i64) -> Result<Option<Submission>, StoreError>;

    /// The submission that came from this message, if any.
    async fn submission_from_message(
        &self,
        message: &MessageRef,
    ) -> Result<Option<Submission>, StoreError>;

    /// A person's submissions, newest first.
    async fn submissions_by(
        &self,
        author: &UserRef,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    /// Published events that are on at some point in `[from, to)`, by start.
    /// One indexed range query.
    async fn events_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError>;

    async fn conversation_state(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<Option<ConversationState>, StoreError>;

    async fn set_conversation_state(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        state: Option<ConversationState>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError>;
}
