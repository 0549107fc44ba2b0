//! The week's news by private message (`/abonner`): one subscription per
//! account, for the group of the conversation it was asked in.

use chrono::{DateTime, Utc};

use crate::links::user_in;
use crate::sql::query;
use crate::{Database, db, secs};
use vores_bot::model::{ConversationRef, UserRef};
use vores_bot::store::StoreError;

impl Database {
    pub(crate) async fn subscribe_to(
        &self,
        user: &UserRef,
        conversation: &ConversationRef,
        group: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        query(
            "INSERT INTO subscriptions (platform, user_id, conversation_id, group_name, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (platform, user_id) DO UPDATE SET \
             conversation_id = excluded.conversation_id, group_name = excluded.group_name",
        )
        .bind(user.platform.as_str())
        .bind(&user.id)
        .bind(&conversation.id)
        .bind(group)
        .bind(secs(at))
        .execute(self)
        .await
        .map_err(db)?;
        Ok(())
    }

    pub(crate) async fn unsubscribe_from(&self, user: &UserRef) -> Result<bool, StoreError> {
        Ok(
            query("DELETE FROM subscriptions WHERE platform = $1 AND user_id = $2")
                .bind(user.platform.as_str())
                .bind(&user.id)
                .execute(self)
                .await
                .map_err(db)?
                .rows_affected()
                > 0,
        )
    }

    pub(crate) async fn subscribers_of(
        &self,
        group: &str,
    ) -> Result<Vec<(UserRef, ConversationRef)>, StoreError> {
        let rows = query(
            "SELECT platform, user_id, conversation_id FROM subscriptions \
             WHERE group_name = $1 ORDER BY platform, user_id",
        )
        .bind(group)
        .fetch_all(self)
        .await
        .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let user = user_in(row)?;
            let conversation = ConversationRef {
                platform: user.platform,
                id: row.try_get("conversation_id").map_err(db)?,
            };
            out.push((user, conversation));
        }
        Ok(out)
    }
}
