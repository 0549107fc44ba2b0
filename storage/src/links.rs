//! Linked accounts: one resident on several platforms. A person is a row
//! per account in `person_links` sharing a random `person` id; what the
//! accounts share (trust, strikes, "/mine", language) is read for all of
//! them by the store calls that use [`Database::accounts`].

use chrono::{DateTime, Duration, Utc};

use crate::sql::query;
use crate::{Database, db, secs};
use vores_bot::model::{ConversationRef, Platform, UserRef};
use vores_bot::store::{LINK_TRIES_PER_HOUR, LinkOutcome, StoreError};

/// A new person id: random, so it says nothing about the accounts.
fn new_person() -> Result<String, StoreError> {
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Database(e.to_string()))?;
    Ok(format!(
        "p-{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    ))
}

/// The account a row's `platform` and `user_id` columns name.
pub(crate) fn user_in(row: &crate::sql::Row) -> Result<UserRef, StoreError> {
    let platform: String = row.try_get("platform").map_err(db)?;
    Ok(UserRef {
        platform: platform
            .parse::<Platform>()
            .map_err(|e| StoreError::Database(e.to_string()))?,
        id: row.try_get("user_id").map_err(db)?,
    })
}

impl Database {
    /// `user` and the accounts linked with it, `user` first.
    pub(crate) async fn accounts(&self, user: &UserRef) -> Result<Vec<UserRef>, StoreError> {
        let rows = query(
            "SELECT other.platform AS platform, other.user_id AS user_id \
             FROM person_links mine JOIN person_links other ON other.person = mine.person \
             WHERE mine.platform = $1 AND mine.user_id = $2 \
             ORDER BY other.linked_at, other.platform, other.user_id",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .fetch_all(self)
        .await
        .map_err(db)?;
        let mut out = vec![user.clone()];
        for row in &rows {
            let other = user_in(row)?;
            if other != *user {
                out.push(other);
            }
        }
        Ok(out)
    }

    /// The name a linked person first shared something under, on any of
    /// their accounts (one small indexed read per account).
    pub(crate) async fn first_name_shared(
        &self,
        user: &UserRef,
    ) -> Result<Option<String>, StoreError> {
        let accounts = self.accounts(user).await?;
        if accounts.len() < 2 {
            return Ok(None);
        }
        let mut first: Option<(i64, i64, String)> = None;
        for account in &accounts {
            let row = query(
                "SELECT id, created_at, author_name FROM submissions \
                 WHERE platform = $1 AND author_id = $2 AND author_name <> '' \
                 ORDER BY created_at, id LIMIT 1",
            )
            .bind(account.platform.as_str())
            .bind(&account.id)
            .fetch_optional(self)
            .await
            .map_err(db)?;
            if let Some(row) = row {
                let at: i64 = row.try_get("created_at").map_err(db)?;
                let id: i64 = row.try_get("id").map_err(db)?;
                if first.as_ref().is_none_or(|(t, i, _)| (at, id) < (*t, *i)) {
                    first = Some((at, id, row.try_get("author_name").map_err(db)?));
                }
            }
        }
        Ok(first.map(|(_, _, name)| name))
    }

    async fn person_of(&self, user: &UserRef) -> Result<Option<String>, StoreError> {
        query("SELECT person FROM person_links WHERE platform = $1 AND user_id = $2")
            .bind(user.platform.as_str())
            .bind(&user.id)
            .fetch_optional(self)
            .await
            .map_err(db)?
            .map(|row| row.try_get::<String, _>("person").map_err(db))
            .transpose()
    }

    pub(crate) async fn create_code(
        &self,
        user: &UserRef,
        conversation: &ConversationRef,
        code: &str,
        expires: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        query("DELETE FROM link_codes WHERE platform = $1 AND user_id = $2")
            .bind(user.platform.as_str())
            .bind(&user.id)
            .execute(self)
            .await
            .map_err(db)?;
        query(
            "INSERT INTO link_codes (code, platform, user_id, conversation_id, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(code)
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(&conversation.id)
        .bind(secs(expires))
        .execute(self)
        .await
        .map_err(db)?;
        Ok(())
    }

    pub(crate) async fn redeem_code(
        &self,
        user: &UserRef,
        code: &str,
        at: DateTime<Utc>,
    ) -> Result<LinkOutcome, StoreError> {
        let tries = query(
            "SELECT COUNT(*) AS n FROM link_attempts WHERE platform = $1 AND user_id = $2 AND at >= $3",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(secs(at - Duration::hours(1)))
        .fetch_one(self)
        .await
        .map_err(db)?
        .try_get::<i64, _>("n")
        .map_err(db)?;
        if tries >= i64::from(LINK_TRIES_PER_HOUR) {
            return Ok(LinkOutcome::TooManyTries);
        }
        let found = query(
            "SELECT platform, user_id, conversation_id, expires_at FROM link_codes WHERE code = $1",
        )
        .bind(code)
        .fetch_optional(self)
        .await
        .map_err(db)?;
        let wrong = |outcome| async move {
            query("INSERT INTO link_attempts (platform, user_id, at) VALUES ($1, $2, $3)")
                .bind(user.platform.as_str())
                .bind(&user.id)
                .bind(secs(at))
                .execute(self)
                .await
                .map_err(db)?;
            Ok(outcome)
        };
        let Some(row) = found else {
            return wrong(LinkOutcome::Unknown).await;
        };
        let owner = user_in(&row)?;
        if owner == *user {
            return Ok(LinkOutcome::Own);
        }
        if row.try_get::<i64, _>("expires_at").map_err(db)? < secs(at) {
            return wrong(LinkOutcome::Expired).await;
        }
        // Used once, whatever follows.
        query("DELETE FROM link_codes WHERE code = $1")
            .bind(code)
            .execute(self)
            .await
            .map_err(db)?;
        let told_in = ConversationRef {
            platform: owner.platform,
            id: row.try_get("conversation_id").map_err(db)?,
        };
        let (theirs, mine) = (self.person_of(&owner).await?, self.person_of(user).await?);
        if theirs.is_some() && theirs == mine {
            return Ok(LinkOutcome::AlreadyLinked);
        }
        let person = match (&theirs, &mine) {
            (Some(person), _) | (None, Some(person)) => person.clone(),
            (None, None) => new_person()?,
        };
        // Everyone of both sides joins one person.
        if let Some(old) = mine.iter().chain(theirs.iter()).find(|p| **p != person) {
            query("UPDATE person_links SET person = $1 WHERE person = $2")
                .bind(person.as_str())
                .bind(old.as_str())
                .execute(self)
                .await
                .map_err(db)?;
        }
        for account in [&owner, user] {
            query(
                "INSERT INTO person_links (platform, user_id, person, linked_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (platform, user_id) DO UPDATE SET person = excluded.person",
            )
            .bind(account.platform.as_str())
            .bind(&account.id)
            .bind(person.as_str())
            .bind(secs(at))
            .execute(self)
            .await
            .map_err(db)?;
        }
        Ok(LinkOutcome::Linked {
            with: owner,
            told_in,
        })
    }

    pub(crate) async fn unlink_account(&self, user: &UserRef) -> Result<Vec<UserRef>, StoreError> {
        let others: Vec<UserRef> = self.accounts(user).await?.into_iter().skip(1).collect();
        let person = self.person_of(user).await?;
        query("DELETE FROM person_links WHERE platform = $1 AND user_id = $2")
            .bind(user.platform.as_str())
            .bind(&user.id)
            .execute(self)
            .await
            .map_err(db)?;
        if others.len() == 1
            && let Some(person) = person
        {
            // One account alone is no link.
            query("DELETE FROM person_links WHERE person = $1")
                .bind(person.as_str())
                .execute(self)
                .await
                .map_err(db)?;
        }
        Ok(others)
    }
}
