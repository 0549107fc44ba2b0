//! The news by private message (`/abonner`): one subscription per account,
//! for the group of the conversation it was asked in, weekly or daily,
//! everything or only some tags or a topic.

use chrono::{DateTime, Utc};

use crate::links::user_in;
use crate::sql::query;
use crate::{Database, db, secs};
use vores_bot::model::{ConversationRef, UserRef};
use vores_bot::store::{StoreError, Subscription};
use vores_bot::understand::about::Tag;

impl Database {
    pub(crate) async fn subscribe_to(
        &self,
        wish: &Subscription,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let tags = wish
            .tags
            .iter()
            .map(|t| t.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        query(
            "INSERT INTO subscriptions (platform, user_id, conversation_id, group_name, created_at, daily, tags, topic) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (platform, user_id) DO UPDATE SET \
             conversation_id = excluded.conversation_id, group_name = excluded.group_name, \
             daily = excluded.daily, tags = excluded.tags, topic = excluded.topic",
        )
        .bind(wish.user.platform.as_str())
        .bind(&wish.user.id)
        .bind(&wish.conversation.id)
        .bind(&wish.group)
        .bind(secs(at))
        .bind(i64::from(wish.daily))
        .bind((!tags.is_empty()).then_some(tags))
        .bind(wish.topic.as_deref())
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
    ) -> Result<Vec<Subscription>, StoreError> {
        let rows = query(
            "SELECT platform, user_id, conversation_id, daily, tags, topic FROM subscriptions \
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
            let daily: Option<i64> = row.try_get("daily").map_err(db)?;
            let tags: Option<String> = row.try_get("tags").map_err(db)?;
            out.push(Subscription {
                user,
                conversation,
                group: group.to_string(),
                daily: daily == Some(1),
                // A tag this version does not know is left out, not an
                // error: the rest of the choice still holds.
                tags: tags
                    .unwrap_or_default()
                    .split_whitespace()
                    .filter_map(Tag::from_name)
                    .collect(),
                topic: row.try_get("topic").map_err(db)?,
            });
        }
        Ok(out)
    }
}
