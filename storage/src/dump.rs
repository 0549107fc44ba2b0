//! The whole town as one JSON document (`vores export --format json`,
//! `vores import FILE`): every table, every row, in key order, so a town
//! moves from SQLite to PostgreSQL (or back) without losing anything, and
//! an export of the import is the same document. Derived data is not
//! exported: the full-text indexes (SQLite's `events_search`, PostgreSQL's
//! `search` column) are rebuilt from `search_text` as rows go in.

use serde_json::{Map, Value as Json};

use crate::sql::{Value, query};
use crate::{Backend, Database, db};
use vores_bot::store::StoreError;

/// A column holds integers or text (NULL is either, typed for PostgreSQL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Text,
}

pub(crate) struct Table {
    pub(crate) name: &'static str,
    count: &'static str,
    pub(crate) select: &'static str,
    insert: &'static str,
    columns: &'static [(&'static str, Kind)],
}

/// Every table, parents before children (a submission before its
/// interest and conversation states).
pub(crate) const TABLES: &[Table] = &[
    Table {
        name: "submissions",
        count: "SELECT COUNT(*) AS n FROM submissions",
        select: "SELECT id, kind, status, platform, conversation_id, message_id, author_id, author_name, language, anonymous, body, title, location, event_draft, starts_at, ends_at, visible_until, link, photo, created_at, updated_at, approved_at, reviewer, review_note, repeats, search_text, interested, revision, place_details FROM submissions ORDER BY id",
        insert: "INSERT INTO submissions (id, kind, status, platform, conversation_id, message_id, author_id, author_name, language, anonymous, body, title, location, event_draft, starts_at, ends_at, visible_until, link, photo, created_at, updated_at, approved_at, reviewer, review_note, repeats, search_text, interested, revision, place_details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29)",
        columns: &[
            ("id", Kind::Int),
            ("kind", Kind::Text),
            ("status", Kind::Text),
            ("platform", Kind::Text),
            ("conversation_id", Kind::Text),
            ("message_id", Kind::Text),
            ("author_id", Kind::Text),
            ("author_name", Kind::Text),
            ("language", Kind::Text),
            ("anonymous", Kind::Int),
            ("body", Kind::Text),
            ("title", Kind::Text),
            ("location", Kind::Text),
            ("event_draft", Kind::Text),
            ("starts_at", Kind::Int),
            ("ends_at", Kind::Int),
            ("visible_until", Kind::Int),
            ("link", Kind::Text),
            ("photo", Kind::Text),
            ("created_at", Kind::Int),
            ("updated_at", Kind::Int),
            ("approved_at", Kind::Int),
            ("reviewer", Kind::Text),
            ("review_note", Kind::Text),
            ("repeats", Kind::Int),
            ("search_text", Kind::Text),
            ("interested", Kind::Int),
            ("revision", Kind::Int),
            ("place_details", Kind::Text),
        ],
    },
    Table {
        name: "handled_messages",
        count: "SELECT COUNT(*) AS n FROM handled_messages",
        select: "SELECT platform, conversation_id, message_id, handled_at FROM handled_messages ORDER BY platform, conversation_id, message_id",
        insert: "INSERT INTO handled_messages (platform, conversation_id, message_id, handled_at) VALUES ($1, $2, $3, $4)",
        columns: &[
            ("platform", Kind::Text),
            ("conversation_id", Kind::Text),
            ("message_id", Kind::Text),
            ("handled_at", Kind::Int),
        ],
    },
    Table {
        name: "conversation_states",
        count: "SELECT COUNT(*) AS n FROM conversation_states",
        select: "SELECT platform, conversation_id, user_id, state, submission_id, missing, updated_at FROM conversation_states ORDER BY platform, conversation_id, user_id",
        insert: "INSERT INTO conversation_states (platform, conversation_id, user_id, state, submission_id, missing, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        columns: &[
            ("platform", Kind::Text),
            ("conversation_id", Kind::Text),
            ("user_id", Kind::Text),
            ("state", Kind::Text),
            ("submission_id", Kind::Int),
            ("missing", Kind::Text),
            ("updated_at", Kind::Int),
        ],
    },
    Table {
        name: "trust",
        count: "SELECT COUNT(*) AS n FROM trust",
        select: "SELECT platform, user_id, revoked, updated_at FROM trust ORDER BY platform, user_id",
        insert: "INSERT INTO trust (platform, user_id, revoked, updated_at) VALUES ($1, $2, $3, $4)",
        columns: &[
            ("platform", Kind::Text),
            ("user_id", Kind::Text),
            ("revoked", Kind::Int),
            ("updated_at", Kind::Int),
        ],
    },
    Table {
        name: "members",
        count: "SELECT COUNT(*) AS n FROM members",
        select: "SELECT platform, conversation_id, user_id, first_seen, messages FROM members ORDER BY platform, conversation_id, user_id",
        insert: "INSERT INTO members (platform, conversation_id, user_id, first_seen, messages) VALUES ($1, $2, $3, $4, $5)",
        columns: &[
            ("platform", Kind::Text),
            ("conversation_id", Kind::Text),
            ("user_id", Kind::Text),
            ("first_seen", Kind::Int),
            ("messages", Kind::Int),
        ],
    },
    Table {
        name: "moderation_log",
        count: "SELECT COUNT(*) AS n FROM moderation_log",
        select: "SELECT id, platform, conversation_id, message_id, user_id, user_name, rule, matched, action, strike, undone, appeal, created_at FROM moderation_log ORDER BY id",
        insert: "INSERT INTO moderation_log (id, platform, conversation_id, message_id, user_id, user_name, rule, matched, action, strike, undone, appeal, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        columns: &[
            ("id", Kind::Int),
            ("platform", Kind::Text),
            ("conversation_id", Kind::Text),
            ("message_id", Kind::Text),
            ("user_id", Kind::Text),
            ("user_name", Kind::Text),
            ("rule", Kind::Text),
            ("matched", Kind::Text),
            ("action", Kind::Text),
            ("strike", Kind::Int),
            ("undone", Kind::Int),
            ("appeal", Kind::Text),
            ("created_at", Kind::Int),
        ],
    },
    Table {
        name: "outbox",
        count: "SELECT COUNT(*) AS n FROM outbox",
        select: "SELECT id, platform, conversation_id, reply_to, thread, doc, dedupe_key, status, parts_sent, attempts, next_attempt_at, last_error, created_at, sent_at, last_message_id, private_to, edit_pending FROM outbox ORDER BY id",
        insert: "INSERT INTO outbox (id, platform, conversation_id, reply_to, thread, doc, dedupe_key, status, parts_sent, attempts, next_attempt_at, last_error, created_at, sent_at, last_message_id, private_to, edit_pending) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
        columns: &[
            ("id", Kind::Int),
            ("platform", Kind::Text),
            ("conversation_id", Kind::Text),
            ("reply_to", Kind::Text),
            ("thread", Kind::Text),
            ("doc", Kind::Text),
            ("dedupe_key", Kind::Text),
            ("status", Kind::Text),
            ("parts_sent", Kind::Int),
            ("attempts", Kind::Int),
            ("next_attempt_at", Kind::Int),
            ("last_error", Kind::Text),
            ("created_at", Kind::Int),
            ("sent_at", Kind::Int),
            ("last_message_id", Kind::Text),
            ("private_to", Kind::Text),
            // Missing in exports written before it: NULL, nothing to edit.
            ("edit_pending", Kind::Int),
        ],
    },
    Table {
        name: "digest_runs",
        count: "SELECT COUNT(*) AS n FROM digest_runs",
        select: "SELECT group_name, period, recorded_at FROM digest_runs ORDER BY group_name, period",
        insert: "INSERT INTO digest_runs (group_name, period, recorded_at) VALUES ($1, $2, $3)",
        columns: &[
            ("group_name", Kind::Text),
            ("period", Kind::Int),
            ("recorded_at", Kind::Int),
        ],
    },
    Table {
        name: "cursors",
        count: "SELECT COUNT(*) AS n FROM cursors",
        select: "SELECT name, value, updated_at FROM cursors ORDER BY name",
        insert: "INSERT INTO cursors (name, value, updated_at) VALUES ($1, $2, $3)",
        columns: &[
            ("name", Kind::Text),
            ("value", Kind::Text),
            ("updated_at", Kind::Int),
        ],
    },
    Table {
        name: "interest",
        count: "SELECT COUNT(*) AS n FROM interest",
        select: "SELECT submission_id, platform, user_id, at FROM interest ORDER BY submission_id, platform, user_id",
        insert: "INSERT INTO interest (submission_id, platform, user_id, at) VALUES ($1, $2, $3, $4)",
        columns: &[
            ("submission_id", Kind::Int),
            ("platform", Kind::Text),
            ("user_id", Kind::Text),
            ("at", Kind::Int),
        ],
    },
    Table {
        name: "person_languages",
        count: "SELECT COUNT(*) AS n FROM person_languages",
        select: "SELECT platform, user_id, language, updated_at FROM person_languages ORDER BY platform, user_id",
        insert: "INSERT INTO person_languages (platform, user_id, language, updated_at) VALUES ($1, $2, $3, $4)",
        columns: &[
            ("platform", Kind::Text),
            ("user_id", Kind::Text),
            ("language", Kind::Text),
            ("updated_at", Kind::Int),
        ],
    },
    Table {
        name: "person_links",
        count: "SELECT COUNT(*) AS n FROM person_links",
        select: "SELECT platform, user_id, person, linked_at FROM person_links ORDER BY platform, user_id",
        insert: "INSERT INTO person_links (platform, user_id, person, linked_at) VALUES ($1, $2, $3, $4)",
        columns: &[
            ("platform", Kind::Text),
            ("user_id", Kind::Text),
            ("person", Kind::Text),
            ("linked_at", Kind::Int),
        ],
    },
    Table {
        name: "link_codes",
        count: "SELECT COUNT(*) AS n FROM link_codes",
        select: "SELECT code, platform, user_id, conversation_id, expires_at FROM link_codes ORDER BY code",
        insert: "INSERT INTO link_codes (code, platform, user_id, conversation_id, expires_at) VALUES ($1, $2, $3, $4, $5)",
        columns: &[
            ("code", Kind::Text),
            ("platform", Kind::Text),
            ("user_id", Kind::Text),
            ("conversation_id", Kind::Text),
            ("expires_at", Kind::Int),
        ],
    },
    Table {
        name: "link_attempts",
        count: "SELECT COUNT(*) AS n FROM link_attempts",
        select: "SELECT platform, user_id, at FROM link_attempts ORDER BY platform, user_id, at",
        insert: "INSERT INTO link_attempts (platform, user_id, at) VALUES ($1, $2, $3)",
        columns: &[
            ("platform", Kind::Text),
            ("user_id", Kind::Text),
            ("at", Kind::Int),
        ],
    },
    Table {
        name: "subscriptions",
        count: "SELECT COUNT(*) AS n FROM subscriptions",
        select: "SELECT platform, user_id, conversation_id, group_name, created_at, daily, tags, topic FROM subscriptions ORDER BY platform, user_id",
        insert: "INSERT INTO subscriptions (platform, user_id, conversation_id, group_name, created_at, daily, tags, topic) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        columns: &[
            ("platform", Kind::Text),
            ("user_id", Kind::Text),
            ("conversation_id", Kind::Text),
            ("group_name", Kind::Text),
            ("created_at", Kind::Int),
            // Missing in exports written before subscribers could choose:
            // NULL, the plain weekly digest.
            ("daily", Kind::Int),
            ("tags", Kind::Text),
            ("topic", Kind::Text),
        ],
    },
];

/// What `vores export` writes at the top, so `vores import` knows what it
/// reads.
pub const FORMAT: &str = "vores-town";
pub const VERSION: i64 = 1;

/// Why an import did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the database already holds a town ({0} has rows); import into a new, empty database")]
    NotEmpty(&'static str),
    #[error("this is not a Vores export: {0}")]
    NotAnExport(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// One row of `table` as a JSON object, column by column.
pub(crate) fn row_json(table: &Table, row: &crate::sql::Row) -> Result<Json, StoreError> {
    let mut object = Map::new();
    for &(column, kind) in table.columns {
        let value = match kind {
            Kind::Int => row
                .try_get::<Option<i64>, _>(column)
                .map_err(db)?
                .map_or(Json::Null, Json::from),
            Kind::Text => row
                .try_get::<Option<String>, _>(column)
                .map_err(db)?
                .map_or(Json::Null, Json::from),
        };
        object.insert(column.to_string(), value);
    }
    Ok(Json::Object(object))
}

impl Database {
    /// Every row of every table, as `{"format", "version", "tables": {name: [row…]}}`.
    pub async fn export_all(&self) -> Result<Json, StoreError> {
        let mut tables = Map::new();
        for table in TABLES {
            let rows = query(table.select).fetch_all(self).await.map_err(db)?;
            let out = rows
                .iter()
                .map(|row| row_json(table, row))
                .collect::<Result<Vec<_>, _>>()?;
            tables.insert(table.name.to_string(), Json::Array(out));
        }
        Ok(serde_json::json!({ "format": FORMAT, "version": VERSION, "tables": tables }))
    }

    /// Loads an export into this database, which must be empty, in one
    /// transaction: all of it or nothing.
    pub async fn import_all(&self, export: &Json) -> Result<(), ImportError> {
        if export["format"] != FORMAT || export["version"] != VERSION {
            return Err(ImportError::NotAnExport(format!(
                "expected format {FORMAT:?} version {VERSION}, found {} {}",
                export["format"], export["version"]
            )));
        }
        for table in TABLES {
            let row = query(table.count).fetch_one(self).await.map_err(db)?;
            if row.try_get::<i64, _>("n").map_err(db)? > 0 {
                return Err(ImportError::NotEmpty(table.name));
            }
        }
        let unit = self.begin_unit().await?;
        for table in TABLES {
            let rows = match &export["tables"][table.name] {
                Json::Array(rows) => rows.as_slice(),
                // Written before the table existed (person_languages came
                // later): nothing of it to bring.
                Json::Null
                    if matches!(
                        table.name,
                        "person_languages"
                            | "person_links"
                            | "link_codes"
                            | "link_attempts"
                            | "subscriptions"
                    ) =>
                {
                    &[]
                }
                _ => {
                    return Err(ImportError::NotAnExport(format!(
                        "no table {:?}",
                        table.name
                    )));
                }
            };
            for (i, row) in rows.iter().enumerate() {
                let mut statement = query(table.insert);
                for &(column, kind) in table.columns {
                    let value = &row[column];
                    let bound = match (kind, value) {
                        (Kind::Int, Json::Number(n)) => n.as_i64().map(Value::Int),
                        (Kind::Int, Json::Null) => Some(Value::NullInt),
                        (Kind::Text, Json::String(s)) => Some(Value::Text(s.clone())),
                        (Kind::Text, Json::Null) => Some(Value::NullText),
                        _ => None,
                    }
                    .ok_or_else(|| {
                        ImportError::NotAnExport(format!(
                            "{}[{i}].{column} is {value}, not {}",
                            table.name,
                            if kind == Kind::Int {
                                "a whole number"
                            } else {
                                "text"
                            }
                        ))
                    })?;
                    statement = statement.bind(bound);
                }
                statement.execute(&unit).await.map_err(db)?;
            }
        }
        if self.backend() == Backend::Postgres {
            // Rows went in with their own numbers: the next new one follows
            // the highest.
            for reset in [
                "SELECT setval(pg_get_serial_sequence('submissions', 'id'), COALESCE((SELECT MAX(id) FROM submissions), 0) + 1, false)",
                "SELECT setval(pg_get_serial_sequence('moderation_log', 'id'), COALESCE((SELECT MAX(id) FROM moderation_log), 0) + 1, false)",
                "SELECT setval(pg_get_serial_sequence('outbox', 'id'), COALESCE((SELECT MAX(id) FROM outbox), 0) + 1, false)",
            ] {
                query(reset).fetch_all(&unit).await.map_err(db)?;
            }
        }
        unit.finish(true).await?;
        Ok(())
    }
}
