//! One person's data: what the bot keeps about them (GDPR article 15), how
//! it is erased (article 17), and the retention that prunes what is only
//! kept for a while. The tables are `dump.rs`'s, so a table added there
//! is exported here too; `person_filter` says which of its rows are about
//! a person.

use chrono::{DateTime, Utc};
use regex::Regex;

use crate::dump::{TABLES, row_json};
use crate::sql::query;
use crate::{Database, db, secs};
use vores_bot::model::UserRef;
use vores_bot::store::{Erased, KeepPublished, PersonData, StoreError};

/// The rows of `table` about a person: `$1` is their platform, `$2` their
/// id; a private chat's conversation id is the person's id on Telegram, so
/// rows of that conversation are theirs too. `None`: nothing personal.
fn person_filter(table: &str) -> Option<&'static str> {
    Some(match table {
        "submissions" => "platform = $1 AND (author_id = $2 OR conversation_id = $2)",
        "conversation_states" | "members" | "moderation_log" => {
            "platform = $1 AND (user_id = $2 OR conversation_id = $2)"
        }
        "trust" | "interest" | "person_languages" | "person_links" | "link_codes"
        | "link_attempts" | "subscriptions" => "platform = $1 AND user_id = $2",
        "outbox" => "platform = $1 AND (private_to = $2 OR conversation_id = $2)",
        "handled_messages" => "platform = $1 AND conversation_id = $2",
        _ => return None,
    })
}

/// The names a person was shown by (as the author of a submission or in
/// the moderation log), to find the bot's messages that name them. Very
/// short names are left out: "Bo" would also match "Borgerhuset".
async fn names_of(on: &Database, user: &UserRef) -> Result<Vec<String>, StoreError> {
    let rows = query(
        "SELECT author_name AS name FROM submissions WHERE platform = $1 AND author_id = $2 \
         UNION SELECT user_name AS name FROM moderation_log WHERE platform = $1 AND user_id = $2",
    )
    .bind(user.platform.as_str())
    .bind(&user.id)
    .fetch_all(on)
    .await
    .map_err(db)?;
    let mut names = Vec::new();
    for row in &rows {
        let name: String = row.try_get("name").map_err(db)?;
        let name = name.trim().to_string();
        if name.chars().count() >= 2 && !names.contains(&name) {
            names.push(name);
        }
    }
    Ok(names)
}

/// `name` as a whole word (not inside another one).
fn whole_word(name: &str) -> Regex {
    Regex::new(&format!(
        r"(^|[^\p{{L}}\p{{N}}]){}($|[^\p{{L}}\p{{N}}])",
        regex::escape(name)
    ))
    .expect("an escaped name is a valid pattern")
}

/// Outbox documents (the bot's own messages, as JSON) that name one of
/// `names`: (id, doc).
async fn docs_naming(on: &Database, names: &[String]) -> Result<Vec<(i64, String)>, StoreError> {
    let mut found: Vec<(i64, String)> = Vec::new();
    for name in names {
        let rows = query("SELECT id, doc FROM outbox WHERE doc LIKE $1 ORDER BY id")
            .bind(format!("%{name}%"))
            .fetch_all(on)
            .await
            .map_err(db)?;
        let word = whole_word(name);
        for row in &rows {
            let id: i64 = row.try_get("id").map_err(db)?;
            let doc: String = row.try_get("doc").map_err(db)?;
            if word.is_match(&doc) && !found.iter().any(|(seen, _)| *seen == id) {
                found.push((id, doc));
            }
        }
    }
    Ok(found)
}

/// `table`'s export query narrowed to one person's rows (built once: the
/// query layer keeps statements by their text).
fn person_select(table: &crate::dump::Table, filter: &str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static BUILT: OnceLock<Mutex<HashMap<&'static str, &'static str>>> = OnceLock::new();
    let mut built = BUILT
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    built.entry(table.name).or_insert_with(|| {
        let (columns, order) = table
            .select
            .split_once(" ORDER BY ")
            .unwrap_or((table.select, ""));
        let sql = if order.is_empty() {
            format!("{columns} WHERE {filter}")
        } else {
            format!("{columns} WHERE {filter} ORDER BY {order}")
        };
        Box::leak(sql.into_boxed_str())
    })
}

/// The outbox's export query for one row by id.
fn outbox_row() -> &'static str {
    use std::sync::OnceLock;
    static SQL: OnceLock<&'static str> = OnceLock::new();
    SQL.get_or_init(|| {
        let table = TABLES
            .iter()
            .find(|t| t.name == "outbox")
            .expect("the outbox is a table");
        let (columns, _) = table
            .select
            .split_once(" ORDER BY ")
            .unwrap_or((table.select, ""));
        Box::leak(format!("{columns} WHERE id = $1").into_boxed_str())
    })
}

impl Database {
    pub(crate) async fn person_data_of(&self, user: &UserRef) -> Result<PersonData, StoreError> {
        let mut out = PersonData::new();
        for table in TABLES {
            let Some(filter) = person_filter(table.name) else {
                continue;
            };
            let rows = query(person_select(table, filter))
                .bind(user.platform.as_str())
                .bind(&user.id)
                .fetch_all(self)
                .await
                .map_err(db)?;
            let mut list = rows
                .iter()
                .map(|row| row_json(table, row))
                .collect::<Result<Vec<_>, _>>()?;
            if table.name == "outbox" {
                // The bot's messages in channels that name them.
                for (id, _) in docs_naming(self, &names_of(self, user).await?).await? {
                    if !list.iter().any(|row| row["id"] == id) {
                        let row = query(outbox_row())
                            .bind(id)
                            .fetch_one(self)
                            .await
                            .map_err(db)?;
                        list.push(row_json(table, &row)?);
                    }
                }
            }
            if !list.is_empty() {
                out.insert(table.name.to_string(), list);
            }
        }
        Ok(out)
    }

    pub(crate) async fn erase_person_now(
        &self,
        user: &UserRef,
        published: KeepPublished,
    ) -> Result<Erased, StoreError> {
        let platform = user.platform.as_str();
        let id = user.id.as_str();
        // Not derived from their id: a hash of a short number is easily
        // turned back.
        let stand_in = format!(
            "erased-{}",
            Utc::now().timestamp_nanos_opt().unwrap_or_default()
        );
        let names = names_of(self, user).await?;
        let mut erased = Erased::default();
        let two = |sql: &'static str| query(sql).bind(platform.to_string()).bind(id.to_string());
        let run = |sql: &'static str| two(sql).bind(stand_in.clone());
        // What they sent that is not kept: with what hangs on it.
        let (interest, states, submissions) = match published {
            KeepPublished::Anonymised => (
                "DELETE FROM interest WHERE submission_id IN (SELECT id FROM submissions \
                 WHERE platform = $1 AND (author_id = $2 OR conversation_id = $2) AND status <> 'published')",
                "DELETE FROM conversation_states WHERE submission_id IN (SELECT id FROM submissions \
                 WHERE platform = $1 AND (author_id = $2 OR conversation_id = $2) AND status <> 'published')",
                "DELETE FROM submissions \
                 WHERE platform = $1 AND (author_id = $2 OR conversation_id = $2) AND status <> 'published'",
            ),
            KeepPublished::Removed => (
                "DELETE FROM interest WHERE submission_id IN (SELECT id FROM submissions \
                 WHERE platform = $1 AND (author_id = $2 OR conversation_id = $2))",
                "DELETE FROM conversation_states WHERE submission_id IN (SELECT id FROM submissions \
                 WHERE platform = $1 AND (author_id = $2 OR conversation_id = $2))",
                "DELETE FROM submissions WHERE platform = $1 AND (author_id = $2 OR conversation_id = $2)",
            ),
        };
        for sql in [interest, states] {
            erased.other_rows += two(sql).execute(self).await.map_err(db)?.rows_affected();
        }
        erased.deleted_submissions = two(submissions)
            .execute(self)
            .await
            .map_err(db)?
            .rows_affected();
        // What is kept for the town, without who sent it.
        erased.anonymised_submissions = run(
            "UPDATE submissions SET author_id = $3, author_name = '', anonymous = 1, \
             message_id = NULL, \
             conversation_id = CASE WHEN conversation_id = $2 THEN $3 ELSE conversation_id END \
             WHERE platform = $1 AND (author_id = $2 OR conversation_id = $2)",
        )
        .execute(self)
        .await
        .map_err(db)?
        .rows_affected();
        for name in &names {
            query("UPDATE submissions SET reviewer = '' WHERE reviewer = $1")
                .bind(name.clone())
                .execute(self)
                .await
                .map_err(db)?;
        }
        // A rule was applied, and when: kept for the admins and the
        // yearly figures, without who or what they wrote.
        erased.anonymised_log_entries = run(
            "UPDATE moderation_log SET user_id = $3, user_name = '', matched = '', appeal = NULL, \
             message_id = NULL, \
             conversation_id = CASE WHEN conversation_id = $2 THEN $3 ELSE conversation_id END \
             WHERE platform = $1 AND (user_id = $2 OR conversation_id = $2)",
        )
        .execute(self)
        .await
        .map_err(db)?
        .rows_affected();
        // Out of their linked person (the other accounts stay linked if
        // there are two or more of them).
        self.unlink_account(user).await?;
        for sql in [
            "DELETE FROM link_codes WHERE platform = $1 AND user_id = $2",
            "DELETE FROM subscriptions WHERE platform = $1 AND user_id = $2",
            "DELETE FROM link_attempts WHERE platform = $1 AND user_id = $2",
            "DELETE FROM trust WHERE platform = $1 AND user_id = $2",
            "DELETE FROM members WHERE platform = $1 AND (user_id = $2 OR conversation_id = $2)",
            "DELETE FROM person_languages WHERE platform = $1 AND user_id = $2",
            "DELETE FROM interest WHERE platform = $1 AND user_id = $2",
            "DELETE FROM conversation_states WHERE platform = $1 AND (user_id = $2 OR conversation_id = $2)",
            "DELETE FROM handled_messages WHERE platform = $1 AND conversation_id = $2",
            // Not sent yet: never sent.
            "DELETE FROM outbox WHERE platform = $1 AND (private_to = $2 OR conversation_id = $2) \
             AND status = 'pending'",
        ] {
            erased.other_rows += two(sql).execute(self).await.map_err(db)?.rows_affected();
        }
        // The console's message ids begin with their writer
        // ("mette@session-3"); no other platform's ids hold a user's.
        if user.platform == vores_bot::model::Platform::Console {
            let written = format!(
                "{}@%",
                id.replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_")
            );
            for sql in [
                "DELETE FROM handled_messages WHERE platform = $1 AND message_id LIKE $2 ESCAPE '\\'",
                "UPDATE outbox SET reply_to = NULL WHERE platform = $1 AND reply_to LIKE $2 ESCAPE '\\'",
                "UPDATE outbox SET dedupe_key = NULL WHERE platform = $1 AND dedupe_key LIKE 'reply:%:' || $2 ESCAPE '\\'",
            ] {
                erased.other_rows += query(sql)
                    .bind(platform)
                    .bind(written.clone())
                    .execute(self)
                    .await
                    .map_err(db)?
                    .rows_affected();
            }
        }
        // Sent to them privately: kept as a row (it stops a retried send
        // from going out twice), emptied.
        let empty = serde_json::to_string(&vores_bot::render::Doc::new())
            .map_err(|e| StoreError::Database(e.to_string()))?;
        erased.other_rows += query(
            "UPDATE outbox SET doc = $4, private_to = NULL, reply_to = NULL, thread = NULL, \
             last_error = NULL, last_message_id = NULL, \
             conversation_id = CASE WHEN conversation_id = $2 THEN $3 ELSE conversation_id END \
             WHERE platform = $1 AND (private_to = $2 OR conversation_id = $2)",
        )
        .bind(platform)
        .bind(id)
        .bind(stand_in.clone())
        .bind(empty)
        .execute(self)
        .await
        .map_err(db)?
        .rows_affected();
        // The bot's messages in channels that name them ("from Mette on
        // Telegram", "thanks to Mette"): the name goes.
        for (row_id, mut doc) in docs_naming(self, &names).await? {
            for name in &names {
                doc = whole_word(name)
                    .replace_all(&doc, |c: &regex::Captures| format!("{}…{}", &c[1], &c[2]))
                    .into_owned();
            }
            // Already posted as one message: its platform's sender edits
            // it there too (a message sent in parts is left as it is).
            query(
                "UPDATE outbox SET doc = $1, edit_pending = CASE WHEN status = 'sent' \
                 AND parts_sent = 1 AND last_message_id IS NOT NULL THEN 1 ELSE edit_pending END \
                 WHERE id = $2",
            )
            .bind(doc)
            .bind(row_id)
            .execute(self)
            .await
            .map_err(db)?;
            erased.other_rows += 1;
        }
        Ok(erased)
    }

    pub(crate) async fn prune_before(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        let mut gone = 0;
        for sql in [
            "DELETE FROM moderation_log WHERE created_at < $1",
            "DELETE FROM handled_messages WHERE handled_at < $1",
            "DELETE FROM outbox WHERE status <> 'pending' AND created_at < $1",
        ] {
            gone += query(sql)
                .bind(secs(before))
                .execute(self)
                .await
                .map_err(db)?
                .rows_affected();
        }
        Ok(gone)
    }
}
