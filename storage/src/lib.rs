//! Storage for Vores: the embedded SQLite default (one file, WAL mode) and
//! PostgreSQL for large deployments, chosen by the database URL.
//!
//! Both run the same SQL text: PostgreSQL through sqlx's `any` driver,
//! SQLite through rusqlite on one connection called in place (`sql.rs` says
//! why); sqlx runs the migrations of both, each its own because their DDL
//! differs. Storage knows nothing about platforms: it keeps their opaque
//! ids as text.

use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::AnyPool;
use sqlx::Executor;
use sqlx::any::AnyPoolOptions;
use tracing::info;
use vores_bot::Language;
use vores_bot::model::{
    ConversationRef, ConversationState, EventDetails, MessageRef, ModerationEntry, NewOutboxItem,
    NewSubmission, Origin, OutboxItem, PlaceDetails, Platform, Review, Status, StoryDetails,
    Submission, SubmissionKind, UserRef,
};
use vores_bot::render::Doc;
use vores_bot::store::{Channels, NewModerationEntry, Operations, Store, StoreError, Transaction};
use vores_bot::understand::{EventDraft, Missing};

mod dump;
mod links;
mod privacy;
mod sql;
mod subscriptions;

pub use dump::ImportError;
use sql::{Row, SqlError, query};

/// The database kind a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error(
        "unsupported database URL {0:?}: use sqlite://FILE (e.g. sqlite://vores.db) or postgres://USER@HOST/DB"
    )]
    UnsupportedUrl(String),
    #[error(
        "cannot open the database at {url}: {source}. Check that the URL is right and the server is running"
    )]
    Connect { url: String, source: sqlx::Error },
    /// A SQLite file that cannot be opened or written, said with the
    /// directory or file and what is missing.
    #[error("cannot use the SQLite database {path}: {problem}")]
    SqliteFile { path: String, problem: String },
    #[error(
        "the database at {url} is read-only for this user ({source}). Vores must write to it: grant write access (PostgreSQL: GRANT INSERT, UPDATE, DELETE; a replica will not do)"
    )]
    ReadOnly { url: String, source: sqlx::Error },
    #[error("cannot bring the database schema up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A second `vores run` on a SQLite file another one serves.
    #[error(
        "the SQLite database {path} is already served by another `vores run` ({holder}). SQLite serves one bot process at a time: stop the other one first (systemctl stop vores), or use PostgreSQL"
    )]
    InUse { path: String, holder: String },
}

/// Held while this process is the one bot serving a SQLite file (see
/// [`Database::serve_alone`]); the lock goes with the process, however it
/// ends.
#[derive(Debug)]
pub struct ServingLock {
    _file: std::fs::File,
}

/// Hides every secret in a database URL before it is shown or logged: the
/// password in the user part (`postgres://vores:s3cret@db/vores`) and any
/// query parameter that carries one (`?password=…`, `sslpassword`,
/// `sslkey`…). A URL that cannot be read at all keeps only its scheme: it may
/// be a mistyped one with a password inside.
pub fn redact_url(raw: &str) -> String {
    const HIDDEN: &str = "***";
    let Ok(mut parsed) = url::Url::parse(raw) else {
        return match raw.split_once("://") {
            Some((_, rest)) if !rest.contains('@') && !rest.contains('=') => raw.to_string(),
            Some((scheme, _)) => format!("{scheme}://{HIDDEN}"),
            None if raw.contains('@') || raw.contains('=') => HIDDEN.to_string(),
            None => raw.to_string(),
        };
    };
    let mut changed = false;
    if parsed.password().is_some() {
        changed |= parsed.set_password(Some(HIDDEN)).is_ok();
    }
    let secret = |key: &str| {
        let key = key.to_ascii_lowercase();
        ["pass", "secret", "token", "sslkey"]
            .iter()
            .any(|word| key.contains(word))
    };
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if pairs.iter().any(|(k, _)| secret(k)) {
        parsed.query_pairs_mut().clear().extend_pairs(
            pairs
                .iter()
                .map(|(k, v)| (k.as_str(), if secret(k) { HIDDEN } else { v.as_str() })),
        );
        changed = true;
    }
    if changed {
        parsed.to_string()
    } else {
        raw.to_string()
    }
}

/// The database, and the [`Store`] the core works with. Outside a unit of
/// work every call commits on its own; a unit of work ([`Store::begin`]) is
/// a `Database` whose calls all run in its one open transaction.
pub struct Database {
    backend: Backend,
    /// PostgreSQL's connections.
    pool: Option<AnyPool>,
    /// SQLite's one connection, called in place (see `sql.rs` for why):
    /// SQLite has one writer, and calls queue for it here in order.
    sqlite: Option<Arc<tokio::sync::Mutex<rusqlite::Connection>>>,
    /// `Some` in a unit of work.
    unit: Option<Unit>,
    /// The SQLite file, when the database is one.
    file: Option<std::path::PathBuf>,
}

/// A unit of work's hold on the database: the open transaction, or `None`
/// inside once it was committed or rolled back.
enum Unit {
    /// A tokio mutex: a statement holds it across its await.
    Postgres(tokio::sync::Mutex<Option<sqlx::Transaction<'static, sqlx::Any>>>),
    /// The SQLite connection itself, held for the whole unit.
    Sqlite(std::sync::Mutex<Option<tokio::sync::OwnedMutexGuard<rusqlite::Connection>>>),
}

/// What a unit of work says when used after its end.
const FINISHED: &str = "this unit of work was already committed or rolled back";

impl Drop for Database {
    fn drop(&mut self) {
        // A unit of work dropped without a commit (its task was cancelled,
        // the process is stopping): nothing of it is kept, and the
        // connection is free for the next one.
        if let Some(Unit::Sqlite(held)) = &self.unit
            && let Some(conn) = held.lock().unwrap_or_else(|e| e.into_inner()).take()
        {
            let _ = conn.execute_batch("ROLLBACK");
        }
    }
}

/// SQLite's connection for Vores, set up for a server: wait for another
/// process's write lock instead of failing, enforce foreign keys, the chosen
/// durability, a page cache for the working set, and every statement the
/// store uses kept prepared.
fn sqlite_connection(
    path: Option<&std::path::Path>,
    opts: DatabaseOptions,
) -> Result<rusqlite::Connection, rusqlite::Error> {
    let conn = match path {
        Some(path) => rusqlite::Connection::open(path)?,
        None => rusqlite::Connection::open_in_memory()?,
    };
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.execute_batch("PRAGMA foreign_keys = ON")?;
    conn.execute_batch(opts.sqlite_sync.pragma())?;
    conn.execute_batch(SQLITE_CACHE)?;
    conn.set_prepared_statement_cache_capacity(128);
    Ok(conn)
}

/// How SQLite makes a commit durable (`PRAGMA synchronous`). See
/// deploy/README.md: `Normal` (the default) survives the process being
/// killed at any moment, as WAL keeps every commit; only a power cut or an
/// operating-system crash can lose the last commits of the final second or
/// so, never corrupting the file. `Full` syncs the log to disk on every
/// commit, surviving power loss too, at several times the cost per message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SqliteSync {
    #[default]
    Normal,
    Full,
}

impl SqliteSync {
    fn pragma(self) -> &'static str {
        match self {
            SqliteSync::Normal => "PRAGMA synchronous = NORMAL",
            SqliteSync::Full => "PRAGMA synchronous = FULL",
        }
    }
}

/// How the database is opened beyond its URL.
#[derive(Debug, Clone, Copy, Default)]
pub struct DatabaseOptions {
    pub sqlite_sync: SqliteSync,
}

/// SQLite's page cache per connection, 16 MiB (a negative size is KiB):
/// what answering "what's on" and composing a digest read again and again
/// (the index pages around now and the week's rows) stays in memory. The
/// default 2 MiB is evicted by one digest among a million events.
const SQLITE_CACHE: &str = "PRAGMA cache_size = -16384";

/// The PostgreSQL connection one statement runs on: a pooled one, or the
/// unit of work's own (held for that statement only).
pub(crate) enum Conn<'a> {
    Pooled(sqlx::pool::PoolConnection<sqlx::Any>),
    Unit(tokio::sync::MutexGuard<'a, Option<sqlx::Transaction<'static, sqlx::Any>>>),
}

impl std::ops::Deref for Conn<'_> {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &sqlx::AnyConnection {
        match self {
            Conn::Pooled(conn) => conn,
            Conn::Unit(unit) => unit
                .as_ref()
                .expect("Database::postgres_conn checks the unit is open"),
        }
    }
}

impl std::ops::DerefMut for Conn<'_> {
    fn deref_mut(&mut self) -> &mut sqlx::AnyConnection {
        match self {
            Conn::Pooled(conn) => conn,
            Conn::Unit(unit) => unit
                .as_mut()
                .expect("Database::postgres_conn checks the unit is open"),
        }
    }
}

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

impl Database {
    /// Opens (creating if needed) the database at `url` and migrates it.
    pub async fn open(url: &str) -> Result<Database, OpenError> {
        Database::open_with(url, DatabaseOptions::default()).await
    }

    /// Like [`Database::open`], with options.
    pub async fn open_with(url: &str, opts: DatabaseOptions) -> Result<Database, OpenError> {
        sqlx::any::install_default_drivers();
        let (backend, url) = normalise(url)?;
        let shown = redact_url(&url);
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        if backend == Backend::Sqlite && in_memory {
            // One connection is the whole database; the migrations run on it.
            let fail = |e: rusqlite::Error| OpenError::SqliteFile {
                path: ":memory:".to_string(),
                problem: e.to_string(),
            };
            let conn = sqlite_connection(None, opts).map_err(fail)?;
            for migration in SQLITE_MIGRATIONS.iter() {
                conn.execute_batch(migration.sql.as_str()).map_err(fail)?;
            }
            return Ok(Database {
                backend,
                pool: None,
                sqlite: Some(Arc::new(tokio::sync::Mutex::new(conn))),
                unit: None,
                file: None,
            });
        }
        if backend == Backend::Sqlite && !in_memory {
            check_sqlite_file(&url)?;
        } else if backend == Backend::Postgres {
            // The pool turns every failure into "timed out" after 30 s; one
            // direct connection says at once what is wrong (refused, no
            // such user, bad password).
            use sqlx::Connection;
            match tokio::time::timeout(Duration::from_secs(30), sqlx::AnyConnection::connect(&url))
                .await
            {
                Ok(Ok(conn)) => {
                    let _ = conn.close().await;
                }
                Ok(Err(source)) => {
                    return Err(OpenError::Connect {
                        url: shown.clone(),
                        source,
                    });
                }
                // Slow, not refused: let the pool try in its own time.
                Err(_) => {}
            }
        }
        let mut options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(30));
        options = match backend {
            // One connection for an in-memory database: each connection
            // would otherwise see its own empty database.
            // It must also never be closed for idleness or age: the
            // database lives exactly as long as its one connection.
            Backend::Sqlite if in_memory => options
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None),
            // For a SQLite file sqlx only runs the migrations and the write
            // check; the store itself then uses one rusqlite connection.
            Backend::Sqlite => options.max_connections(1).min_connections(1),
            Backend::Postgres => options.max_connections(8),
        };
        if backend == Backend::Sqlite {
            let sync = opts.sqlite_sync;
            options = options.after_connect(move |conn, _meta| {
                Box::pin(async move {
                    // Another process (a second `vores console`) may hold the
                    // write lock briefly; wait instead of failing.
                    conn.execute("PRAGMA busy_timeout = 5000").await?;
                    conn.execute("PRAGMA foreign_keys = ON").await?;
                    conn.execute(sync.pragma()).await?;
                    conn.execute(SQLITE_CACHE).await?;
                    Ok(())
                })
            });
        }
        let pool = options
            .connect(&url)
            .await
            .map_err(|source| OpenError::Connect {
                url: shown.clone(),
                source,
            })?;
        if backend == Backend::Sqlite && !in_memory {
            // WAL lets readers and the writer work at the same time and
            // survives a crash mid-write; the setting is stored in the file.
            pool.execute("PRAGMA journal_mode = WAL")
                .await
                .map_err(|source| OpenError::Connect {
                    url: shown.clone(),
                    source,
                })?;
        }
        match backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&pool).await?,
        }
        // Reading works on a read-only file or a replica; every resident's
        // message needs a write, so find out now, not at the first message.
        let probe = match backend {
            // Writes the header's user_version back unchanged: a real write.
            Backend::Sqlite => pool.execute("PRAGMA user_version = 0").await.map(|_| ()),
            Backend::Postgres => {
                let mut tx = pool.begin().await.map_err(|source| OpenError::Connect {
                    url: shown.clone(),
                    source,
                })?;
                let wrote = tx
                    .execute("UPDATE _sqlx_migrations SET description = description WHERE false")
                    .await
                    .map(|_| ());
                let _ = tx.rollback().await;
                wrote
            }
        };
        if let Err(source) = probe {
            return Err(match backend {
                Backend::Sqlite => OpenError::SqliteFile {
                    path: sqlite_path(&url).to_string(),
                    problem: format!(
                        "it is read-only ({source}). Make the file and its directory writable for the user running vores (ls -l; chmod u+w), and check the disk is not full or mounted read-only"
                    ),
                },
                Backend::Postgres => OpenError::ReadOnly {
                    url: shown.clone(),
                    source,
                },
            });
        }
        info!(database = %shown, ?backend, "database ready");
        if backend == Backend::Sqlite {
            // sqlx brought the file up to date (its migration records stay
            // as they were); from here on rusqlite runs every statement.
            pool.close().await;
            let path = std::path::Path::new(sqlite_path(&url));
            let conn = sqlite_connection(Some(path), opts).map_err(|e| OpenError::SqliteFile {
                path: path.display().to_string(),
                problem: e.to_string(),
            })?;
            return Ok(Database {
                backend,
                pool: None,
                sqlite: Some(Arc::new(tokio::sync::Mutex::new(conn))),
                unit: None,
                file: Some(path.to_path_buf()),
            });
        }
        Ok(Database {
            backend,
            pool: Some(pool),
            sqlite: None,
            unit: None,
            file: None,
        })
    }

    /// Makes this process the one bot serving a SQLite file: a second
    /// `vores run` on the same file is refused, naming the process that has
    /// it, instead of two bots answering every message and sending every
    /// post twice. The lock (`FILE.run-lock`, an OS file lock) lasts while
    /// the guard is held and goes with the process, however it ends, so a
    /// crash never leaves it behind. `vores console` sessions and one-off
    /// commands do not take it. PostgreSQL and in-memory SQLite: `None`.
    pub fn serve_alone(&self) -> Result<Option<ServingLock>, OpenError> {
        use std::io::{Read, Seek, Write};
        let Some(file) = &self.file else {
            return Ok(None);
        };
        let path = std::path::PathBuf::from(format!("{}.run-lock", file.display()));
        let problem = |e: std::io::Error| OpenError::SqliteFile {
            path: path.display().to_string(),
            problem: format!("cannot take the lock that keeps a second `vores run` away ({e})"),
        };
        let mut lock = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(problem)?;
        match lock.try_lock() {
            Ok(()) => {
                lock.set_len(0).map_err(problem)?;
                lock.rewind().map_err(problem)?;
                write!(lock, "process {}", std::process::id()).map_err(problem)?;
                lock.flush().map_err(problem)?;
                Ok(Some(ServingLock { _file: lock }))
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = lock.read_to_string(&mut holder);
                let holder = holder.trim();
                Err(OpenError::InUse {
                    path: file.display().to_string(),
                    holder: if holder.is_empty() {
                        "a process that is still starting".to_string()
                    } else {
                        holder.to_string()
                    },
                })
            }
            Err(std::fs::TryLockError::Error(e)) => Err(problem(e)),
        }
    }

    /// A unit of work on this database: one transaction (see
    /// [`Store::begin`]).
    pub(crate) async fn begin_unit(&self) -> Result<Database, StoreError> {
        if self.unit.is_some() {
            return Err(StoreError::Database(
                "a unit of work cannot begin another inside it".into(),
            ));
        }
        let unit = match (&self.sqlite, &self.pool) {
            (Some(shared), _) => {
                let conn = shared.clone().lock_owned().await;
                // Takes the write lock at once: a deferred transaction that
                // reads first and writes later fails without waiting
                // (SQLITE_BUSY) when another process wrote in between;
                // IMMEDIATE waits its turn (busy_timeout) instead.
                conn.execute_batch("BEGIN IMMEDIATE").map_err(db)?;
                Unit::Sqlite(std::sync::Mutex::new(Some(conn)))
            }
            (None, Some(pool)) => Unit::Postgres(tokio::sync::Mutex::new(Some(
                pool.begin().await.map_err(db)?,
            ))),
            (None, None) => return Err(StoreError::Database("the database is not open".into())),
        };
        Ok(Database {
            backend: self.backend,
            pool: self.pool.clone(),
            sqlite: self.sqlite.clone(),
            unit: Some(unit),
            file: None,
        })
    }

    /// Copies a SQLite database, consistent as of one moment, into a new
    /// file at `path` (`VACUUM INTO`: safe while the bot runs, and the copy
    /// is compact). PostgreSQL is backed up with its own `pg_dump`.
    pub async fn backup_to(&self, path: &Path) -> Result<(), BackupError> {
        if self.backend() != Backend::Sqlite {
            return Err(BackupError::NotSqlite);
        }
        let target = path.to_str().ok_or(BackupError::PathNotUtf8)?.to_string();
        self.with_sqlite(move |conn| {
            conn.execute("VACUUM INTO ?1", [target.as_str()])
                .map(|_| ())
                .map_err(SqlError::Sqlite)
        })
        .await
        .unwrap_or(Err(SqlError::Column("no SQLite connection".into())))
        .map_err(|e| BackupError::Failed(e.to_string()))
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Runs `work` on the SQLite connection (the unit of work's, or the
    /// shared one once it is free); `None` on PostgreSQL.
    pub(crate) async fn with_sqlite<T>(
        &self,
        work: impl FnOnce(&rusqlite::Connection) -> Result<T, SqlError>,
    ) -> Option<Result<T, SqlError>> {
        let shared = self.sqlite.as_ref()?;
        Some(match &self.unit {
            Some(Unit::Sqlite(held)) => {
                let held = held.lock().unwrap_or_else(|e| e.into_inner());
                match held.as_ref() {
                    Some(conn) => work(conn),
                    None => Err(SqlError::Column(FINISHED.to_string())),
                }
            }
            _ => {
                let conn = shared.lock().await;
                work(&conn)
            }
        })
    }

    /// The PostgreSQL connection for one statement: the unit of work's, or
    /// a pooled one.
    pub(crate) async fn postgres_conn(&self) -> Result<Conn<'_>, SqlError> {
        match &self.unit {
            Some(Unit::Postgres(unit)) => {
                let open = unit.lock().await;
                if open.is_none() {
                    return Err(SqlError::Column(FINISHED.to_string()));
                }
                Ok(Conn::Unit(open))
            }
            _ => match &self.pool {
                Some(pool) => Ok(Conn::Pooled(pool.acquire().await?)),
                None => Err(SqlError::Column("no PostgreSQL pool".to_string())),
            },
        }
    }

    /// Ends the unit of work: commits or rolls back its transaction.
    async fn finish(&self, commit: bool) -> Result<(), StoreError> {
        match &self.unit {
            None => Err(StoreError::Database("not a unit of work".into())),
            Some(Unit::Postgres(unit)) => {
                let Some(tx) = unit.lock().await.take() else {
                    return Err(StoreError::Database(FINISHED.into()));
                };
                if commit {
                    tx.commit().await.map_err(db)
                } else {
                    tx.rollback().await.map_err(db)
                }
            }
            Some(Unit::Sqlite(held)) => {
                let Some(conn) = held.lock().unwrap_or_else(|e| e.into_inner()).take() else {
                    return Err(StoreError::Database(FINISHED.into()));
                };
                let ended = conn.execute_batch(if commit { "COMMIT" } else { "ROLLBACK" });
                if ended.is_err() && commit {
                    // A commit that failed leaves the transaction open.
                    let _ = conn.execute_batch("ROLLBACK");
                }
                ended.map_err(db)
            }
        }
    }

    pub async fn close(&self) {
        if let Some(pool) = &self.pool {
            pool.close().await;
        }
    }

    /// Removes everything (tests only need it; kept here so the SQL for both
    /// backends lives in one place).
    pub async fn clear_all(&self) -> Result<(), StoreError> {
        for statement in [
            "DELETE FROM interest",
            "DELETE FROM conversation_states",
            "DELETE FROM handled_messages",
            "DELETE FROM submissions",
            "DELETE FROM cursors",
            "DELETE FROM trust",
            "DELETE FROM members",
            "DELETE FROM moderation_log",
            "DELETE FROM outbox",
            "DELETE FROM digest_runs",
            "DELETE FROM leases",
            "DELETE FROM person_languages",
            "DELETE FROM person_links",
            "DELETE FROM link_codes",
            "DELETE FROM link_attempts",
            "DELETE FROM subscriptions",
        ] {
            query(statement).execute(self).await.map_err(db)?;
        }
        Ok(())
    }
}

/// Accepts `sqlite://file`, `sqlite:file`, a bare `*.db` path and
/// `postgres://` / `postgresql://` URLs.
fn normalise(url: &str) -> Result<(Backend, String), OpenError> {
    let url = url.trim();
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        return Ok((Backend::Postgres, url.to_string()));
    }
    let path = if let Some(rest) = url.strip_prefix("sqlite://") {
        rest
    } else if let Some(rest) = url.strip_prefix("sqlite:") {
        rest
    } else if !url.contains("://") && !url.is_empty() {
        url
    } else {
        return Err(OpenError::UnsupportedUrl(redact_url(url)));
    };
    if path.starts_with(":memory:") {
        return Ok((Backend::Sqlite, "sqlite::memory:".to_string()));
    }
    let with_mode = if path.contains("mode=") {
        format!("sqlite://{path}")
    } else if path.contains('?') {
        format!("sqlite://{path}&mode=rwc")
    } else {
        format!("sqlite://{path}?mode=rwc")
    };
    Ok((Backend::Sqlite, with_mode))
}

/// The file a normalised `sqlite://…` URL names.
fn sqlite_path(url: &str) -> &str {
    let rest = url.strip_prefix("sqlite://").unwrap_or(url);
    rest.split('?').next().unwrap_or(rest)
}

/// Says plainly why a SQLite file cannot be used, before SQLite's own
/// "unable to open database file": the directory that is missing or not
/// writable (SQLite also writes its -wal and -shm files there), or the file
/// that is not writable.
fn check_sqlite_file(url: &str) -> Result<(), OpenError> {
    use std::io::ErrorKind;
    let path = std::path::Path::new(sqlite_path(url));
    let shown = path.display().to_string();
    let fail = |problem: String| OpenError::SqliteFile {
        path: shown.clone(),
        problem,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    match std::fs::metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => return Err(fail(format!("{} is not a directory", dir.display()))),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(fail(format!(
                "the directory {} does not exist; create it (mkdir -p {}) or choose another path with --database or VORES_DATABASE_URL",
                dir.display(),
                dir.display()
            )));
        }
        Err(e) => {
            return Err(fail(format!(
                "cannot read the directory {}: {e}",
                dir.display()
            )));
        }
    }
    let probe = dir.join(format!(".vores-write-check-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
        }
        Err(e) => {
            return Err(fail(format!(
                "the directory {} is not writable for this user ({e}); SQLite keeps its journal (-wal, -shm) beside the file. Give the user running vores write permission there (chown or chmod u+w)",
                dir.display()
            )));
        }
    }
    if path.exists()
        && let Err(e) = std::fs::OpenOptions::new().write(true).open(path)
    {
        return Err(fail(format!(
            "the file is not writable for this user ({e}); make it writable (chmod u+w {shown}) or run vores as its owner"
        )));
    }
    Ok(())
}

/// The earliest start, for a window beginning at `$from`, of a one-off event
/// still on in it: `$1` less the longest one-off event stored (the first
/// entry of `submissions_span`). Most events last hours, so a window reads
/// only hours before itself; one stored week-long festival makes it a week.
macro_rules! earliest_start {
    ($from:literal) => {
        concat!(
            "(",
            $from,
            " - COALESCE((SELECT visible_until - starts_at FROM submissions \
             WHERE kind = 'event' AND repeats = 0 AND visible_until - starts_at IS NOT NULL \
             ORDER BY visible_until - starts_at DESC LIMIT 1), 0))"
        )
    };
}

/// The condition "in these channels, and not in those": each a JSON array
/// of "platform:conversation" bound as `$only` and `$except`, NULL for no
/// condition (see [`channel_lists`]).
macro_rules! in_channels {
    (sqlite, $only:literal, $except:literal) => {
        concat!(
            "(",
            $only,
            " IS NULL OR platform || ':' || conversation_id IN (SELECT value FROM json_each(",
            $only,
            "))) AND ",
            "(",
            $except,
            " IS NULL OR platform || ':' || conversation_id NOT IN (SELECT value FROM json_each(",
            $except,
            ")))"
        )
    };
    (postgres, $only:literal, $except:literal) => {
        concat!(
            "(CAST(",
            $only,
            " AS TEXT) IS NULL OR platform || ':' || conversation_id IN \
             (SELECT jsonb_array_elements_text(CAST(",
            $only,
            " AS TEXT)::jsonb))) AND ",
            "(CAST(",
            $except,
            " AS TEXT) IS NULL OR platform || ':' || conversation_id NOT IN \
             (SELECT jsonb_array_elements_text(CAST(",
            $except,
            " AS TEXT)::jsonb)))"
        )
    };
}

/// A channel filter as the two JSON lists [`in_channels`] binds.
fn channel_lists(channels: &Channels) -> Result<(Option<String>, Option<String>), StoreError> {
    let json = |all: &[ConversationRef]| {
        serde_json::to_string(
            &all.iter()
                .map(|c| format!("{}:{}", c.platform.as_str(), c.id))
                .collect::<Vec<_>>(),
        )
        .map_err(corrupt("channel list"))
    };
    Ok(match channels {
        Channels::All => (None, None),
        Channels::Only(only) => (Some(json(only)?), None),
        Channels::Except(except) => (None, Some(json(except)?)),
    })
}

pub(crate) fn db(e: impl std::fmt::Display) -> StoreError {
    StoreError::Database(e.to_string())
}

pub(crate) fn secs(t: DateTime<Utc>) -> i64 {
    t.timestamp()
}

fn instant(secs: i64) -> Result<DateTime<Utc>, StoreError> {
    DateTime::from_timestamp(secs, 0)
        .ok_or_else(|| StoreError::Corrupt(format!("timestamp {secs} out of range")))
}

fn corrupt<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> StoreError {
    move |e| StoreError::Corrupt(format!("{what}: {e}"))
}

/// The columns a [`Submission`] is read from; a macro so queries stay
/// literal strings (sqlx refuses SQL built at run time, as it should).
macro_rules! select_submissions {
    ($($rest:expr),*) => {
        concat!(
            "SELECT id, kind, status, platform, conversation_id, message_id, author_id, author_name, \
             language, anonymous, body, event_draft, starts_at, ends_at, visible_until, link, photo, \
             approved_at, reviewer, review_note, created_at, updated_at, interested, revision, place_details \
             FROM submissions ",
            $($rest),*
        )
    };
}

fn submission_from_row(row: &Row) -> Result<Submission, StoreError> {
    let platform: Platform = row
        .try_get::<String, _>("platform")
        .map_err(db)?
        .parse()
        .map_err(corrupt("platform"))?;
    let kind: SubmissionKind = row
        .try_get::<String, _>("kind")
        .map_err(db)?
        .parse()
        .map_err(corrupt("kind"))?;
    let status: Status = row
        .try_get::<String, _>("status")
        .map_err(db)?
        .parse()
        .map_err(corrupt("status"))?;
    // A language whose catalog the operator has since removed from the
    // config: the submission stays readable, told about in English.
    let language: Language = row
        .try_get::<String, _>("language")
        .map_err(db)?
        .parse()
        .unwrap_or(Language::En);
    let conversation = ConversationRef {
        platform,
        id: row.try_get("conversation_id").map_err(db)?,
    };
    let opt_instant = |col: &str| -> Result<Option<DateTime<Utc>>, StoreError> {
        row.try_get::<Option<i64>, _>(col)
            .map_err(db)?
            .map(instant)
            .transpose()
    };
    let event = match kind {
        SubmissionKind::Event => {
            let draft_json: Option<String> = row.try_get("event_draft").map_err(db)?;
            let draft: EventDraft = serde_json::from_str(draft_json.as_deref().unwrap_or("null"))
                .map_err(corrupt("event draft"))?;
            Some(EventDetails {
                draft,
                starts_at: opt_instant("starts_at")?,
                ends_at: opt_instant("ends_at")?,
                visible_until: opt_instant("visible_until")?,
            })
        }
        SubmissionKind::Story | SubmissionKind::Place => None,
    };
    let story = match kind {
        SubmissionKind::Story => Some(StoryDetails {
            link: row.try_get("link").map_err(db)?,
            photo: row.try_get("photo").map_err(db)?,
        }),
        SubmissionKind::Event | SubmissionKind::Place => None,
    };
    let place = match kind {
        SubmissionKind::Place => {
            let json: Option<String> = row.try_get("place_details").map_err(db)?;
            Some(
                serde_json::from_str(json.as_deref().unwrap_or("{}"))
                    .map_err(corrupt("place details"))?,
            )
        }
        SubmissionKind::Event | SubmissionKind::Story => None,
    };
    Ok(Submission {
        id: row.try_get("id").map_err(db)?,
        kind,
        status,
        origin: Origin {
            author: UserRef {
                platform,
                id: row.try_get("author_id").map_err(db)?,
            },
            conversation,
            message_id: row.try_get("message_id").map_err(db)?,
            author_name: row.try_get("author_name").map_err(db)?,
        },
        language,
        // 1: no name; 2: first name only (`/fornavn #N`); 0: as the group
        // shows names.
        anonymous: row.try_get::<i64, _>("anonymous").map_err(db)? == 1,
        first_name_only: row.try_get::<i64, _>("anonymous").map_err(db)? == 2,
        text: row.try_get("body").map_err(db)?,
        event,
        story,
        place,
        review: Review {
            approved_at: opt_instant("approved_at")?,
            reviewer: row.try_get("reviewer").map_err(db)?,
            note: row.try_get("review_note").map_err(db)?,
        },
        created_at: instant(row.try_get("created_at").map_err(db)?)?,
        updated_at: instant(row.try_get("updated_at").map_err(db)?)?,
        interested: u32::try_from(row.try_get::<i64, _>("interested").map_err(db)?)
            .map_err(corrupt("interest count"))?,
        revision: u32::try_from(row.try_get::<i64, _>("revision").map_err(db)?)
            .map_err(corrupt("revision"))?,
    })
}

/// A `COUNT(*) AS n` as a count.
fn count(row: &Row) -> Result<u32, StoreError> {
    let n: i64 = row.try_get("n").map_err(db)?;
    u32::try_from(n).map_err(corrupt("count"))
}

/// Each conversation once, in the order given.
fn distinct(conversations: &[ConversationRef]) -> impl Iterator<Item = &ConversationRef> {
    let mut seen = std::collections::HashSet::new();
    conversations.iter().filter(move |c| seen.insert(*c))
}

/// The columns a [`ModerationEntry`] is read from.
macro_rules! select_moderation {
    ($($rest:literal),*) => {
        concat!(
            "SELECT id, platform, conversation_id, message_id, user_id, user_name, rule, matched, \
             action, strike, undone, appeal, created_at FROM moderation_log ",
            $($rest),*
        )
    };
}

fn moderation_from_row(row: &Row) -> Result<ModerationEntry, StoreError> {
    let platform: Platform = row
        .try_get::<String, _>("platform")
        .map_err(db)?
        .parse()
        .map_err(corrupt("platform"))?;
    Ok(ModerationEntry {
        id: row.try_get("id").map_err(db)?,
        conversation: ConversationRef {
            platform,
            id: row.try_get("conversation_id").map_err(db)?,
        },
        message_id: row.try_get("message_id").map_err(db)?,
        user: UserRef {
            platform,
            id: row.try_get("user_id").map_err(db)?,
        },
        user_name: row.try_get("user_name").map_err(db)?,
        rule: row.try_get("rule").map_err(db)?,
        matched: row.try_get("matched").map_err(db)?,
        action: row.try_get("action").map_err(db)?,
        strike: row.try_get::<i64, _>("strike").map_err(db)? != 0,
        undone: row.try_get::<i64, _>("undone").map_err(db)? != 0,
        appeal: row.try_get("appeal").map_err(db)?,
        created_at: instant(row.try_get("created_at").map_err(db)?)?,
    })
}

fn outbox_from_row(row: &Row) -> Result<OutboxItem, StoreError> {
    let platform: Platform = row
        .try_get::<String, _>("platform")
        .map_err(db)?
        .parse()
        .map_err(corrupt("platform"))?;
    let doc: String = row.try_get("doc").map_err(db)?;
    let doc: Doc = serde_json::from_str(&doc).map_err(corrupt("outbox document"))?;
    let small = |col: &'static str| -> Result<u32, StoreError> {
        let n: i64 = row.try_get(col).map_err(db)?;
        u32::try_from(n).map_err(corrupt(col))
    };
    Ok(OutboxItem {
        id: row.try_get("id").map_err(db)?,
        conversation: ConversationRef {
            platform,
            id: row.try_get("conversation_id").map_err(db)?,
        },
        reply_to: row.try_get("reply_to").map_err(db)?,
        thread: row.try_get("thread").map_err(db)?,
        doc,
        parts_sent: small("parts_sent")?,
        attempts: small("attempts")?,
        dedupe_key: row.try_get("dedupe_key").map_err(db)?,
        private_to: row.try_get("private_to").map_err(db)?,
    })
}

/// The columns derived from an event's details.
struct EventColumns {
    draft: Option<String>,
    title: Option<String>,
    location: Option<String>,
    starts_at: Option<i64>,
    ends_at: Option<i64>,
    visible_until: Option<i64>,
    repeats: i64,
    /// Title, place and message in lower case (Unicode rules, not the
    /// database's locale), for the full-text index.
    search_text: String,
}

fn event_columns(event: Option<&EventDetails>, body: &str) -> Result<EventColumns, StoreError> {
    Ok(match event {
        Some(e) => EventColumns {
            draft: Some(serde_json::to_string(&e.draft).map_err(corrupt("event draft"))?),
            title: Some(e.draft.title.clone()),
            location: e.draft.location.clone(),
            starts_at: e.starts_at.map(secs),
            ends_at: e.ends_at.map(secs),
            visible_until: e.visible_until.map(secs),
            repeats: i64::from(e.draft.repeat.is_some()),
            search_text: format!(
                "{} {} {body}",
                e.draft.title,
                e.draft.location.as_deref().unwrap_or("")
            )
            .to_lowercase(),
        },
        None => EventColumns {
            draft: None,
            title: None,
            location: None,
            starts_at: None,
            ends_at: None,
            visible_until: None,
            repeats: 0,
            search_text: String::new(),
        },
    })
}

/// The title column: an event's title, or a place's name.
fn title_of(ev: &EventColumns, place: Option<&PlaceDetails>) -> Option<String> {
    ev.title.clone().or_else(|| place.map(|p| p.name.clone()))
}

fn place_json(place: Option<&PlaceDetails>) -> Result<Option<String>, StoreError> {
    place
        .map(|p| serde_json::to_string(p).map_err(corrupt("place details")))
        .transpose()
}

/// Reads shared by several store calls (after `select_submissions!`).
impl Database {
    /// The submissions a query selects (with `select_submissions!`).
    async fn submissions_of(&self, query: sql::Query) -> Result<Vec<Submission>, StoreError> {
        let rows = query.fetch_all(self).await.map_err(db)?;
        rows.iter().map(submission_from_row).collect()
    }

    /// Published submissions of `kind` approved in `[from, to)`, oldest
    /// first: what was shared since the last digest.
    async fn approved_between(
        &self,
        kind: SubmissionKind,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        self.submissions_of(
            query(select_submissions!(
                "WHERE kind = $4 AND status = 'published' AND approved_at >= $1 AND approved_at < $2 ",
                "ORDER BY approved_at, id LIMIT $3"
            ))
            .bind(secs(from))
            .bind(secs(to))
            .bind(i64::from(limit))
            .bind(kind.as_str()),
        )
        .await
    }
}

#[async_trait]
impl Transaction for Database {
    async fn commit(&self) -> Result<(), StoreError> {
        self.finish(true).await
    }

    async fn rollback(&self) -> Result<(), StoreError> {
        self.finish(false).await
    }
}

#[async_trait]
impl Store for Database {
    async fn begin(&self) -> Result<Arc<dyn Transaction>, StoreError> {
        Ok(Arc::new(self.begin_unit().await?))
    }

    async fn mark_handled(
        &self,
        message: &MessageRef,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = query(
            "INSERT INTO handled_messages (platform, conversation_id, message_id, handled_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        )
        .bind(message.conversation.platform.as_str())
        .bind(&message.conversation.id)
        .bind(&message.id)
        .bind(secs(at))
        .execute(self)
        .await
        .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn is_handled(&self, message: &MessageRef) -> Result<bool, StoreError> {
        let row = query(
            "SELECT 1 AS one FROM handled_messages WHERE platform = $1 AND conversation_id = $2 AND message_id = $3",
        )
        .bind(message.conversation.platform.as_str())
        .bind(&message.conversation.id)
        .bind(&message.id)
        .fetch_optional(self)
        .await
        .map_err(db)?;
        Ok(row.is_some())
    }

    async fn cursor(&self, name: &str) -> Result<Option<String>, StoreError> {
        let row = query("SELECT value FROM cursors WHERE name = $1")
            .bind(name)
            .fetch_optional(self)
            .await
            .map_err(db)?;
        row.map(|r| r.try_get::<String, _>("value").map_err(db))
            .transpose()
    }

    async fn set_cursor(
        &self,
        name: &str,
        value: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        query(
            "INSERT INTO cursors (name, value, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(name)
        .bind(value)
        .bind(secs(at))
        .execute(self)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn insert_submission(&self, new: &NewSubmission) -> Result<Submission, StoreError> {
        // The same message delivered again (after a crash before it was
        // marked handled) must not make a second submission.
        if let Some(message_id) = &new.origin.message_id {
            let source = MessageRef {
                conversation: new.origin.conversation.clone(),
                id: message_id.clone(),
            };
            if let Some(existing) = self.submission_from_message(&source).await?
                && existing.kind == new.kind
                && existing.text == new.text
            {
                return Ok(existing);
            }
        }
        let ev = event_columns(new.event.as_ref(), &new.text)?;
        let story = new.story.clone().unwrap_or_default();
        // Published straight away (no approval needed): visible from the start.
        let approved_at = (new.status == Status::Published).then(|| secs(new.created_at));
        let row = query(
            "INSERT INTO submissions (kind, status, platform, conversation_id, message_id, author_id, \
             author_name, language, anonymous, body, title, location, event_draft, starts_at, ends_at, \
             visible_until, link, photo, approved_at, created_at, updated_at, repeats, search_text, place_details) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20, $21, $22, $23) \
             RETURNING id",
        )
        .bind(new.kind.as_str())
        .bind(new.status.as_str())
        .bind(new.origin.conversation.platform.as_str())
        .bind(&new.origin.conversation.id)
        .bind(&new.origin.message_id)
        .bind(&new.origin.author.id)
        .bind(&new.origin.author_name)
        .bind(new.language.code())
        .bind(i64::from(new.anonymous))
        .bind(&new.text)
        .bind(title_of(&ev, new.place.as_ref()))
        .bind(&ev.location)
        .bind(&ev.draft)
        .bind(ev.starts_at)
        .bind(ev.ends_at)
        .bind(ev.visible_until)
        .bind(&story.link)
        .bind(&story.photo)
        .bind(approved_at)
        .bind(secs(new.created_at))
        .bind(ev.repeats)
        .bind(&ev.search_text)
        .bind(place_json(new.place.as_ref())?)
        .fetch_all(self)
        .await
        .map_err(db)?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::Corrupt("a RETURNING statement gave no row".into()))?;
        let id: i64 = row.try_get("id").map_err(db)?;
        self.submission(id)
            .await?
            .ok_or(StoreError::NoSuchSubmission(id))
    }

    async fn update_submission(&self, s: &Submission) -> Result<(), StoreError> {
        let ev = event_columns(s.event.as_ref(), &s.text)?;
        let story = s.story.clone().unwrap_or_default();
        let done = query(
            "UPDATE submissions SET status = $1, anonymous = $2, body = $3, title = $4, location = $5, \
             event_draft = $6, starts_at = $7, ends_at = $8, visible_until = $9, link = $10, photo = $11, \
             updated_at = $12, language = $13, approved_at = $14, reviewer = $15, review_note = $16, \
             repeats = $18, search_text = $19, place_details = $20, revision = revision + 1 WHERE id = $17",
        )
        .bind(s.status.as_str())
        .bind(if s.anonymous {
            1
        } else {
            i64::from(s.first_name_only) * 2
        })
        .bind(&s.text)
        .bind(title_of(&ev, s.place.as_ref()))
        .bind(&ev.location)
        .bind(&ev.draft)
        .bind(ev.starts_at)
        .bind(ev.ends_at)
        .bind(ev.visible_until)
        .bind(&story.link)
        .bind(&story.photo)
        .bind(secs(s.updated_at))
        .bind(s.language.code())
        .bind(s.review.approved_at.map(secs))
        .bind(&s.review.reviewer)
        .bind(&s.review.note)
        .bind(s.id)
        .bind(ev.repeats)
        .bind(&ev.search_text)
        .bind(place_json(s.place.as_ref())?)
        .execute(self)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NoSuchSubmission(s.id));
        }
        Ok(())
    }

    async fn submission(&self, id: i64) -> Result<Option<Submission>, StoreError> {
        let row = query(select_submissions!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(self)
            .await
            .map_err(db)?;
        row.as_ref().map(submission_from_row).transpose()
    }

    async fn submission_from_message(
        &self,
        message: &MessageRef,
    ) -> Result<Option<Submission>, StoreError> {
        let row = query(select_submissions!(
            "WHERE platform = $1 AND conversation_id = $2 AND message_id = $3 ORDER BY id DESC LIMIT 1"
        ))
        .bind(message.conversation.platform.as_str())
        .bind(&message.conversation.id)
        .bind(&message.id)
        .fetch_optional(self)
        .await
        .map_err(db)?;
        row.as_ref().map(submission_from_row).transpose()
    }

    async fn submissions_by(
        &self,
        author: &UserRef,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        // Linked accounts share "/mine".
        let mut all = Vec::new();
        for account in self.accounts(author).await? {
            all.extend(self.submissions_of(query(select_submissions!(
                "WHERE platform = $1 AND author_id = $2 AND status <> 'withdrawn' ORDER BY id DESC LIMIT $3"
            ))
            .bind(account.platform.as_str())
            .bind(&account.id)
            .bind(i64::from(limit))).await?);
        }
        all.sort_by_key(|s| std::cmp::Reverse(s.id));
        all.truncate(limit as usize);
        Ok(all)
    }

    async fn pending_submissions(&self, limit: u32) -> Result<Vec<Submission>, StoreError> {
        self.submissions_of(
            query(select_submissions!(
                "WHERE status = 'pending' ORDER BY id LIMIT $1"
            ))
            .bind(i64::from(limit)),
        )
        .await
    }

    async fn approved_count(&self, author: &UserRef) -> Result<u32, StoreError> {
        // Trust earned on one linked account counts on the others.
        let mut total = 0;
        for account in self.accounts(author).await? {
            let row = query(
                "SELECT COUNT(*) AS n FROM submissions \
                 WHERE platform = $1 AND author_id = $2 AND status = 'published'",
            )
            .bind(account.platform.as_str())
            .bind(&account.id)
            .fetch_one(self)
            .await
            .map_err(db)?;
            total += count(&row)?;
        }
        Ok(total)
    }

    async fn trust_revoked(&self, user: &UserRef) -> Result<bool, StoreError> {
        // Distrust on one linked account holds on all of them: switching
        // app does not wash it off.
        for account in self.accounts(user).await? {
            let row = query("SELECT revoked FROM trust WHERE platform = $1 AND user_id = $2")
                .bind(account.platform.as_str())
                .bind(&account.id)
                .fetch_optional(self)
                .await
                .map_err(db)?;
            let revoked = row
                .map(|r| r.try_get::<i64, _>("revoked"))
                .transpose()
                .map_err(db)?;
            if revoked.is_some_and(|r| r != 0) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    async fn set_trust_revoked(
        &self,
        user: &UserRef,
        revoked: bool,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        for account in self.accounts(user).await? {
            query(
                "INSERT INTO trust (platform, user_id, revoked, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (platform, user_id) DO UPDATE SET \
                 revoked = excluded.revoked, updated_at = excluded.updated_at",
            )
            .bind(account.platform.as_str())
            .bind(&account.id)
            .bind(i64::from(revoked))
            .bind(secs(at))
            .execute(self)
            .await
            .map_err(db)?;
        }
        Ok(())
    }

    async fn events_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        include_pending: bool,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        // A range scan over the calendar index, from the earliest start an
        // event still on at `from` can have.
        let query = if include_pending {
            query(select_submissions!(
                "WHERE kind = 'event' AND status IN ('published', 'pending') AND repeats = 0 ",
                "AND starts_at >= ",
                earliest_start!("$1"),
                " AND starts_at < $2 AND visible_until > $1 ORDER BY starts_at, id LIMIT $3"
            ))
        } else {
            query(select_submissions!(
                "WHERE kind = 'event' AND status = 'published' AND repeats = 0 ",
                "AND starts_at >= ",
                earliest_start!("$1"),
                " AND starts_at < $2 AND visible_until > $1 ORDER BY starts_at, id LIMIT $3"
            ))
        };
        self.submissions_of(query.bind(secs(from)).bind(secs(to)).bind(i64::from(limit)))
            .await
    }

    async fn events_page(
        &self,
        channels: &Channels,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<(Vec<Submission>, u32), StoreError> {
        let (only, except) = channel_lists(channels)?;
        macro_rules! page {
            ($channels:tt) => {
                (
                    // The page is chosen from the index alone, then only
                    // its rows are read: sorting whole rows (with their JSON)
                    // made SQLite read every row of the window first.
                    select_submissions!(
                        "WHERE id IN (SELECT id FROM submissions ",
                        "WHERE kind = 'event' AND status = 'published' AND repeats = 0 AND starts_at >= ",
                        earliest_start!("$1"),
                        " AND starts_at < $2 AND visible_until > $1 AND ",
                        in_channels!($channels, "$4", "$5"),
                        " ORDER BY starts_at, id LIMIT $3) ORDER BY starts_at, id"
                    ),
                    concat!(
                        "SELECT COUNT(*) AS n FROM submissions ",
                        "WHERE kind = 'event' AND status = 'published' AND repeats = 0 AND starts_at >= ",
                        earliest_start!("$1"),
                        " AND starts_at < $2 AND visible_until > $1 AND ",
                        in_channels!($channels, "$3", "$4")
                    ),
                )
            };
        }
        let (rows_sql, count_sql) = match self.backend {
            Backend::Sqlite => page!(sqlite),
            Backend::Postgres => page!(postgres),
        };
        // Both read the same index entries on the same connection; the
        // count is exact however many there are.
        let rows = query(rows_sql)
            .bind(secs(from))
            .bind(secs(to))
            .bind(i64::from(limit))
            .bind(&only)
            .bind(&except)
            .fetch_all(self)
            .await
            .map_err(db)?;
        let listed: Vec<Submission> = rows
            .iter()
            .map(submission_from_row)
            .collect::<Result<_, _>>()?;
        let total = if listed.len() < limit as usize {
            listed.len() as u32
        } else {
            let row = query(count_sql)
                .bind(secs(from))
                .bind(secs(to))
                .bind(&only)
                .bind(&except)
                .fetch_one(self)
                .await
                .map_err(db)?;
            count(&row)?
        };
        Ok((listed, total))
    }

    async fn pending_events_by(
        &self,
        author: &UserRef,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        // Through the author index: a person has a handful of submissions.
        self.submissions_of(
            query(select_submissions!(
                "WHERE platform = $1 AND author_id = $2 AND kind = 'event' AND status = 'pending' ",
                "AND starts_at < $4 AND visible_until > $3 ORDER BY starts_at, id LIMIT $5"
            ))
            .bind(author.platform.as_str())
            .bind(&author.id)
            .bind(secs(from))
            .bind(secs(to))
            .bind(i64::from(limit)),
        )
        .await
    }

    async fn events_approved_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        self.approved_between(SubmissionKind::Event, from, to, limit)
            .await
    }

    async fn series_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        include_pending: bool,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        let query = if include_pending {
            query(select_submissions!(
                "WHERE kind = 'event' AND status IN ('published', 'pending') AND repeats = 1 ",
                "AND visible_until > $1 AND starts_at < $2 ORDER BY starts_at, id LIMIT $3"
            ))
        } else {
            query(select_submissions!(
                "WHERE kind = 'event' AND status = 'published' AND repeats = 1 ",
                "AND visible_until > $1 AND starts_at < $2 ORDER BY starts_at, id LIMIT $3"
            ))
        };
        self.submissions_of(query.bind(secs(from)).bind(secs(to)).bind(i64::from(limit)))
            .await
    }

    async fn search_events(
        &self,
        words: &[String],
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        include_pending: bool,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        let words: Vec<String> = words
            .iter()
            .map(|w| {
                w.chars()
                    .filter(|c| c.is_alphanumeric())
                    .flat_map(char::to_lowercase)
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() {
            return Ok(Vec::new());
        }
        // Every word must start a word of the title, place or message. Two
        // indexed reads: one-off events by start (as `events_between`, so
        // only the window's events are visited, however long the history),
        // and regular activities by end; each checked against the search.
        // `+visible_until` keeps SQLite from reading every event still to
        // come through the end index instead (measured 4× slower at 100 000).
        let (pending, sqlite) = (include_pending, self.backend == Backend::Sqlite);
        let matching = if sqlite {
            words
                .iter()
                .map(|w| format!("\"{w}\"*"))
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            words
                .iter()
                .map(|w| format!("{w}:*"))
                .collect::<Vec<_>>()
                .join(" & ")
        };
        // Pending events are included by binding 'pending' as the second
        // status (else 'published' twice).
        let second_status = if pending { "pending" } else { "published" };
        macro_rules! search {
            ($kind:expr, $matcher:literal) => {
                select_submissions!(
                    "WHERE kind = 'event' AND ",
                    $kind,
                    " AND ",
                    $matcher,
                    " ORDER BY starts_at, id LIMIT $3"
                )
            };
        }
        let (one_off, series) = if sqlite {
            (
                search!(
                    concat!(
                        "status IN ('published', $6) AND repeats = 0 AND starts_at >= ",
                        earliest_start!("$5"),
                        " AND starts_at < $2 AND +visible_until > $1"
                    ),
                    "id IN (SELECT rowid FROM events_search WHERE events_search MATCH $4)"
                ),
                search!(
                    "status IN ('published', $5) AND repeats = 1 AND visible_until > $1 AND starts_at < $2",
                    "id IN (SELECT rowid FROM events_search WHERE events_search MATCH $4)"
                ),
            )
        } else {
            (
                search!(
                    concat!(
                        "status IN ('published', $6) AND repeats = 0 AND starts_at >= ",
                        earliest_start!("$5"),
                        " AND starts_at < $2 AND +visible_until > $1"
                    ),
                    "search @@ to_tsquery('simple', $4)"
                ),
                search!(
                    "status IN ('published', $5) AND repeats = 1 AND visible_until > $1 AND starts_at < $2",
                    "search @@ to_tsquery('simple', $4)"
                ),
            )
        };
        let mut rows = query(one_off)
            .bind(secs(from))
            .bind(secs(to))
            .bind(i64::from(limit))
            .bind(&matching)
            .bind(secs(from))
            .bind(second_status)
            .fetch_all(self)
            .await
            .map_err(db)?;
        rows.extend(
            query(series)
                .bind(secs(from))
                .bind(secs(to))
                .bind(i64::from(limit))
                .bind(&matching)
                .bind(second_status)
                .fetch_all(self)
                .await
                .map_err(db)?,
        );
        let mut found: Vec<Submission> = rows
            .iter()
            .map(submission_from_row)
            .collect::<Result<_, _>>()?;
        found.sort_by_key(|s| (s.event.as_ref().and_then(|e| e.starts_at), s.id));
        found.truncate(limit as usize);
        Ok(found)
    }

    async fn stories_approved_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        self.approved_between(SubmissionKind::Story, from, to, limit)
            .await
    }

    async fn published_places(&self, limit: u32) -> Result<Vec<Submission>, StoreError> {
        self.submissions_of(
            query(select_submissions!(
                "WHERE kind = 'place' AND status = 'published' ORDER BY title, id LIMIT $1"
            ))
            .bind(i64::from(limit)),
        )
        .await
    }

    async fn places_approved_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: u32,
    ) -> Result<Vec<Submission>, StoreError> {
        self.approved_between(SubmissionKind::Place, from, to, limit)
            .await
    }

    async fn conversation_state(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
    ) -> Result<Option<ConversationState>, StoreError> {
        let row = query(
            "SELECT state, submission_id, missing FROM conversation_states \
             WHERE platform = $1 AND conversation_id = $2 AND user_id = $3",
        )
        .bind(conversation.platform.as_str())
        .bind(&conversation.id)
        .bind(&user.id)
        .fetch_optional(self)
        .await
        .map_err(db)?;
        let Some(row) = row else { return Ok(None) };
        let state: String = row.try_get("state").map_err(db)?;
        let submission: i64 = row.try_get("submission_id").map_err(db)?;
        let missing: Option<String> = row.try_get("missing").map_err(db)?;
        Ok(match state.as_str() {
            "awaiting" => Some(ConversationState::Awaiting {
                submission,
                missing: missing.as_deref().and_then(Missing::parse).ok_or_else(|| {
                    StoreError::Corrupt(format!(
                        "awaiting state without what is missing: {missing:?}"
                    ))
                })?,
            }),
            "confirmed" => Some(ConversationState::Confirmed { submission }),
            "coaching" => Some(ConversationState::Coaching {
                submission,
                step: missing
                    .as_deref()
                    .and_then(vores_bot::model::Coaching::parse)
                    .ok_or_else(|| {
                        StoreError::Corrupt(format!(
                            "coaching state without its question: {missing:?}"
                        ))
                    })?,
            }),
            other => {
                return Err(StoreError::Corrupt(format!(
                    "unknown conversation state {other:?}"
                )));
            }
        })
    }

    async fn set_conversation_state(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        state: Option<ConversationState>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let Some(state) = state else {
            query("DELETE FROM conversation_states WHERE platform = $1 AND conversation_id = $2 AND user_id = $3")
                .bind(conversation.platform.as_str())
                .bind(&conversation.id)
                .bind(&user.id)
                .execute(self)
                .await
                .map_err(db)?;
            return Ok(());
        };
        let (name, submission, missing) = match state {
            ConversationState::Awaiting {
                submission,
                missing,
            } => ("awaiting", submission, Some(missing.as_str())),
            ConversationState::Confirmed { submission } => ("confirmed", submission, None),
            ConversationState::Coaching { submission, step } => {
                ("coaching", submission, Some(step.as_str()))
            }
        };
        query(
            "INSERT INTO conversation_states (platform, conversation_id, user_id, state, submission_id, missing, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (platform, conversation_id, user_id) DO UPDATE SET \
             state = excluded.state, submission_id = excluded.submission_id, missing = excluded.missing, \
             updated_at = excluded.updated_at",
        )
        .bind(conversation.platform.as_str())
        .bind(&conversation.id)
        .bind(&user.id)
        .bind(name)
        .bind(submission)
        .bind(missing)
        .bind(secs(at))
        .execute(self)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn touch_member(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        at: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, u32), StoreError> {
        // One statement, so two messages at once are both counted.
        let row = query(
            "INSERT INTO members (platform, conversation_id, user_id, first_seen, messages) \
             VALUES ($1, $2, $3, $4, 1) \
             ON CONFLICT (platform, conversation_id, user_id) DO UPDATE SET \
             messages = members.messages + 1 \
             RETURNING first_seen, messages",
        )
        .bind(conversation.platform.as_str())
        .bind(&conversation.id)
        .bind(&user.id)
        .bind(secs(at))
        .fetch_all(self)
        .await
        .map_err(db)?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::Corrupt("a RETURNING statement gave no row".into()))?;
        let first_seen = instant(row.try_get("first_seen").map_err(db)?)?;
        let messages: i64 = row.try_get("messages").map_err(db)?;
        let before = u32::try_from(messages - 1).map_err(corrupt("member message count"))?;
        Ok((first_seen, before))
    }

    async fn member_joined(
        &self,
        conversation: &ConversationRef,
        user: &UserRef,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        query(
            "INSERT INTO members (platform, conversation_id, user_id, first_seen, messages) \
             VALUES ($1, $2, $3, $4, 0) ON CONFLICT DO NOTHING",
        )
        .bind(conversation.platform.as_str())
        .bind(&conversation.id)
        .bind(&user.id)
        .bind(secs(at))
        .execute(self)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn log_moderation(&self, entry: &NewModerationEntry) -> Result<i64, StoreError> {
        let row = query(
            "INSERT INTO moderation_log (platform, conversation_id, message_id, user_id, user_name, \
             rule, matched, action, strike, undone, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10) RETURNING id",
        )
        .bind(entry.conversation.platform.as_str())
        .bind(&entry.conversation.id)
        .bind(&entry.message_id)
        .bind(&entry.user.id)
        .bind(&entry.user_name)
        .bind(&entry.rule)
        .bind(&entry.matched)
        .bind(&entry.action)
        .bind(i64::from(entry.strike))
        .bind(secs(entry.at))
        .fetch_all(self)
        .await
        .map_err(db)?
        .into_iter()
        .next()
        .ok_or_else(|| StoreError::Corrupt("a RETURNING statement gave no row".into()))?;
        row.try_get("id").map_err(db)
    }

    async fn moderation_entry(&self, id: i64) -> Result<Option<ModerationEntry>, StoreError> {
        let row = query(select_moderation!("WHERE id = $1"))
            .bind(id)
            .fetch_optional(self)
            .await
            .map_err(db)?;
        row.as_ref().map(moderation_from_row).transpose()
    }

    async fn moderation_log(
        &self,
        conversations: &[ConversationRef],
        limit: u32,
    ) -> Result<Vec<ModerationEntry>, StoreError> {
        // One query per conversation (a group has a handful), merged here:
        // SQL with a variable number of placeholders would have to be built
        // at run time.
        let mut entries = Vec::new();
        for conversation in distinct(conversations) {
            let rows = query(select_moderation!(
                "WHERE platform = $1 AND conversation_id = $2 ORDER BY id DESC LIMIT $3"
            ))
            .bind(conversation.platform.as_str())
            .bind(&conversation.id)
            .bind(i64::from(limit))
            .fetch_all(self)
            .await
            .map_err(db)?;
            for row in &rows {
                entries.push(moderation_from_row(row)?);
            }
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.id));
        entries.truncate(limit as usize);
        Ok(entries)
    }

    async fn strikes_since(
        &self,
        user: &UserRef,
        conversations: &[ConversationRef],
        since: DateTime<Utc>,
    ) -> Result<u32, StoreError> {
        let mut total = 0;
        // Strikes on every linked account count; an account only ever acts
        // in conversations on its own platform.
        for account in self.accounts(user).await? {
            for conversation in distinct(conversations).filter(|c| c.platform == account.platform) {
                let row = query(
                    "SELECT COUNT(*) AS n FROM moderation_log \
                     WHERE platform = $1 AND conversation_id = $2 AND user_id = $3 \
                     AND created_at >= $4 AND strike = 1 AND undone = 0",
                )
                .bind(conversation.platform.as_str())
                .bind(&conversation.id)
                .bind(&account.id)
                .bind(secs(since))
                .fetch_one(self)
                .await
                .map_err(db)?;
                total += count(&row)?;
            }
        }
        Ok(total)
    }

    async fn undo_moderation(&self, id: i64) -> Result<(), StoreError> {
        query("UPDATE moderation_log SET undone = 1 WHERE id = $1")
            .bind(id)
            .execute(self)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn appeal_moderation(&self, id: i64, text: &str) -> Result<(), StoreError> {
        query("UPDATE moderation_log SET appeal = $1 WHERE id = $2")
            .bind(text)
            .bind(id)
            .execute(self)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn open_appeals(
        &self,
        conversations: &[ConversationRef],
        limit: u32,
    ) -> Result<Vec<ModerationEntry>, StoreError> {
        let mut entries = Vec::new();
        for conversation in distinct(conversations) {
            let rows = query(select_moderation!(
                "WHERE platform = $1 AND conversation_id = $2 AND appeal IS NOT NULL AND undone = 0 ",
                "ORDER BY id LIMIT $3"
            ))
            .bind(conversation.platform.as_str())
            .bind(&conversation.id)
            .bind(i64::from(limit))
            .fetch_all(self)
            .await
            .map_err(db)?;
            for row in &rows {
                entries.push(moderation_from_row(row)?);
            }
        }
        entries.sort_by_key(|e| e.id);
        entries.truncate(limit as usize);
        Ok(entries)
    }

    async fn enqueue(
        &self,
        item: &NewOutboxItem,
        at: DateTime<Utc>,
    ) -> Result<Option<i64>, StoreError> {
        let doc = serde_json::to_string(&item.doc).map_err(corrupt("outbox document"))?;
        // With ON CONFLICT DO NOTHING, RETURNING yields no row when the
        // dedupe key was taken (SQLite and PostgreSQL alike).
        // Every RETURNING statement here runs to its end (`fetch_all`, not
        // `fetch_one`/`fetch_optional`): SQLite commits when the statement
        // finishes, so stopping at the first row would hide a failed commit
        // (a full disk) and report a row saved that was rolled back.
        let row = query(
            "INSERT INTO outbox (platform, conversation_id, reply_to, thread, doc, dedupe_key, status, \
             parts_sent, attempts, next_attempt_at, created_at, private_to) \
             VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, 0, $7, $7, $8) \
             ON CONFLICT DO NOTHING RETURNING id",
        )
        .bind(item.conversation.platform.as_str())
        .bind(&item.conversation.id)
        .bind(&item.reply_to)
        .bind(&item.thread)
        .bind(doc)
        .bind(&item.dedupe_key)
        .bind(secs(at))
        .bind(&item.private_to)
        .fetch_all(self)
        .await
        .map_err(db)?
        .into_iter()
        .next();
        row.map(|row| row.try_get("id").map_err(db)).transpose()
    }

    async fn due_outbox(
        &self,
        platform: Platform,
        now: DateTime<Utc>,
        after: i64,
        limit: u32,
    ) -> Result<Vec<OutboxItem>, StoreError> {
        let rows = query(
            "SELECT id, platform, conversation_id, reply_to, thread, doc, dedupe_key, parts_sent, attempts, private_to \
             FROM outbox WHERE status = 'pending' AND platform = $1 AND next_attempt_at <= $2 AND id > $3 \
             ORDER BY id LIMIT $4",
        )
        .bind(platform.as_str())
        .bind(secs(now))
        .bind(after)
        .bind(i64::from(limit))
        .fetch_all(self)
        .await
        .map_err(db)?;
        rows.iter().map(outbox_from_row).collect()
    }

    async fn posted_edits(
        &self,
        platform: Platform,
        limit: u32,
    ) -> Result<Vec<(OutboxItem, String)>, StoreError> {
        let rows = query(
            "SELECT id, platform, conversation_id, reply_to, thread, doc, dedupe_key, parts_sent, attempts, private_to, last_message_id \
             FROM outbox WHERE edit_pending = 1 AND platform = $1 ORDER BY id LIMIT $2",
        )
        .bind(platform.as_str())
        .bind(i64::from(limit))
        .fetch_all(self)
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok((
                    outbox_from_row(row)?,
                    row.try_get::<String, _>("last_message_id").map_err(db)?,
                ))
            })
            .collect()
    }

    async fn posted_edit_done(&self, id: i64) -> Result<(), StoreError> {
        query("UPDATE outbox SET edit_pending = NULL WHERE id = $1")
            .bind(id)
            .execute(self)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn outbox_part_sent(
        &self,
        id: i64,
        parts_sent: u32,
        message_id: &str,
    ) -> Result<(), StoreError> {
        query("UPDATE outbox SET parts_sent = $1, last_message_id = $2 WHERE id = $3")
            .bind(i64::from(parts_sent))
            .bind(message_id)
            .bind(id)
            .execute(self)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn outbox_item_sent_as(
        &self,
        message: &MessageRef,
    ) -> Result<Option<OutboxItem>, StoreError> {
        let row = query(
            "SELECT id, platform, conversation_id, reply_to, thread, doc, dedupe_key, parts_sent, attempts, private_to \
             FROM outbox WHERE platform = $1 AND conversation_id = $2 AND last_message_id = $3 \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(message.conversation.platform.as_str())
        .bind(&message.conversation.id)
        .bind(&message.id)
        .fetch_optional(self)
        .await
        .map_err(db)?;
        row.as_ref().map(outbox_from_row).transpose()
    }

    async fn set_interest(
        &self,
        submission: i64,
        user: &UserRef,
        interested: bool,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let done = if interested {
            query(
                "INSERT INTO interest (submission_id, platform, user_id, at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (submission_id, platform, user_id) DO NOTHING",
            )
            .bind(submission)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .bind(secs(at))
            .execute(self)
            .await
        } else {
            query(
                "DELETE FROM interest WHERE submission_id = $1 AND platform = $2 AND user_id = $3",
            )
            .bind(submission)
            .bind(user.platform.as_str())
            .bind(&user.id)
            .execute(self)
            .await
        };
        done.map_err(db)?;
        // Counted again rather than adjusted, so the count can never drift
        // from the rows (a crash between the two statements outside a unit
        // of work is healed by the next change).
        query(
            "UPDATE submissions SET interested = \
             (SELECT COUNT(*) FROM interest WHERE interest.submission_id = $1) WHERE id = $1",
        )
        .bind(submission)
        .execute(self)
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn outbox_done(&self, id: i64, at: DateTime<Utc>) -> Result<(), StoreError> {
        query("UPDATE outbox SET status = 'sent', sent_at = $1 WHERE id = $2")
            .bind(secs(at))
            .bind(id)
            .execute(self)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn outbox_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        let query = match retry_at {
            Some(retry_at) => query(
                "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2 \
                 WHERE id = $3",
            )
            .bind(error)
            .bind(secs(retry_at)),
            None => query(
                "UPDATE outbox SET attempts = attempts + 1, last_error = $1, status = 'failed' \
                 WHERE id = $2",
            )
            .bind(error),
        };
        query.bind(id).execute(self).await.map_err(db)?;
        Ok(())
    }

    async fn record_digest_run(
        &self,
        group: &str,
        period: DateTime<Utc>,
        at: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done = query(
            "INSERT INTO digest_runs (group_name, period, recorded_at) VALUES ($1, $2, $3) \
             ON CONFLICT DO NOTHING",
        )
        .bind(group)
        .bind(secs(period))
        .bind(secs(at))
        .execute(self)
        .await
        .map_err(db)?;
        Ok(done.rows_affected() == 1)
    }

    async fn last_digest_period(&self, group: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        let row = query("SELECT MAX(period) AS period FROM digest_runs WHERE group_name = $1")
            .bind(group)
            .fetch_one(self)
            .await
            .map_err(db)?;
        row.try_get::<Option<i64>, _>("period")
            .map_err(db)?
            .map(instant)
            .transpose()
    }

    async fn person_data(
        &self,
        user: &UserRef,
    ) -> Result<vores_bot::store::PersonData, StoreError> {
        self.person_data_of(user).await
    }

    async fn erase_person(
        &self,
        user: &UserRef,
        published: vores_bot::store::KeepPublished,
    ) -> Result<vores_bot::store::Erased, StoreError> {
        self.erase_person_now(user, published).await
    }

    async fn prune(&self, before: DateTime<Utc>) -> Result<u64, StoreError> {
        self.prune_before(before).await
    }

    async fn subscribe(
        &self,
        subscription: &vores_bot::store::Subscription,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.subscribe_to(subscription, at).await
    }

    async fn unsubscribe(&self, user: &UserRef) -> Result<bool, StoreError> {
        self.unsubscribe_from(user).await
    }

    async fn subscribers(
        &self,
        group: &str,
    ) -> Result<Vec<vores_bot::store::Subscription>, StoreError> {
        self.subscribers_of(group).await
    }

    async fn linked_accounts(&self, user: &UserRef) -> Result<Vec<UserRef>, StoreError> {
        self.accounts(user).await
    }

    async fn shared_name(&self, user: &UserRef) -> Result<Option<String>, StoreError> {
        self.first_name_shared(user).await
    }

    async fn create_link_code(
        &self,
        user: &UserRef,
        conversation: &ConversationRef,
        code: &str,
        expires: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.create_code(user, conversation, code, expires).await
    }

    async fn redeem_link_code(
        &self,
        user: &UserRef,
        code: &str,
        at: DateTime<Utc>,
    ) -> Result<vores_bot::store::LinkOutcome, StoreError> {
        self.redeem_code(user, code, at).await
    }

    async fn unlink(&self, user: &UserRef) -> Result<Vec<UserRef>, StoreError> {
        self.unlink_account(user).await
    }

    async fn person_language(&self, user: &UserRef) -> Result<Option<Language>, StoreError> {
        // Their own account's choice first, then a linked account's.
        for account in self.accounts(user).await? {
            let row =
                query("SELECT language FROM person_languages WHERE platform = $1 AND user_id = $2")
                    .bind(account.platform.as_str())
                    .bind(&account.id)
                    .fetch_optional(self)
                    .await
                    .map_err(db)?;
            // A code this version does not know (written by a newer one, or
            // of a catalog no longer configured) is as if none was chosen.
            let chosen = row
                .map(|row| row.try_get::<String, _>("language").map_err(db))
                .transpose()?
                .and_then(|code| code.parse().ok());
            if chosen.is_some() {
                return Ok(chosen);
            }
        }
        Ok(None)
    }

    async fn set_person_language(
        &self,
        user: &UserRef,
        language: Option<Language>,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        // One choice for every linked account.
        for account in self.accounts(user).await? {
            match language {
                Some(language) => query(
                    "INSERT INTO person_languages (platform, user_id, language, updated_at) \
                     VALUES ($1, $2, $3, $4) ON CONFLICT (platform, user_id) \
                     DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at",
                )
                .bind(account.platform.as_str())
                .bind(&account.id)
                .bind(language.code())
                .bind(secs(at))
                .execute(self)
                .await
                .map_err(db)?,
                None => query("DELETE FROM person_languages WHERE platform = $1 AND user_id = $2")
                    .bind(account.platform.as_str())
                    .bind(&account.id)
                    .execute(self)
                    .await
                    .map_err(db)?,
            };
        }
        Ok(())
    }

    async fn take_lease(
        &self,
        name: &str,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<Option<(String, DateTime<Utc>)>, StoreError> {
        // One statement, so PostgreSQL's row lock on the lease decides
        // between two processes asking at once: the second sees the first's
        // fresh expiry and its WHERE turns the update into nothing.
        let taken = query(
            "INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at \
             WHERE leases.holder = excluded.holder OR leases.expires_at <= $4",
        )
        .bind(name)
        .bind(holder)
        .bind(secs(until))
        .bind(secs(now))
        .execute(self)
        .await
        .map_err(db)?;
        if taken.rows_affected() == 1 {
            return Ok(None);
        }
        let row = query("SELECT holder, expires_at FROM leases WHERE name = $1")
            .bind(name)
            .fetch_optional(self)
            .await
            .map_err(db)?;
        match row {
            Some(row) => Ok(Some((
                row.try_get("holder").map_err(db)?,
                instant(row.try_get("expires_at").map_err(db)?)?,
            ))),
            // Released between the two statements: free for the next try.
            None => Ok(Some((String::new(), now))),
        }
    }

    async fn claim_outbox(
        &self,
        id: i64,
        holder: &str,
        now: DateTime<Utc>,
        until: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        // PostgreSQL checks the WHERE again on the row it locked, so of two
        // processes claiming at once only the first gets a row.
        let claimed = query(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2 \
             WHERE id = $3 AND status = 'pending' AND (claimed_until <= $4 OR claimed_by = $1)",
        )
        .bind(holder)
        .bind(secs(until))
        .bind(id)
        .bind(secs(now))
        .execute(self)
        .await
        .map_err(db)?;
        Ok(claimed.rows_affected() == 1)
    }

    async fn release_holder(&self, holder: &str) -> Result<(), StoreError> {
        query("DELETE FROM leases WHERE holder = $1")
            .bind(holder)
            .execute(self)
            .await
            .map_err(db)?;
        query("UPDATE outbox SET claimed_until = 0 WHERE claimed_by = $1 AND status = 'pending'")
            .bind(holder)
            .execute(self)
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn operations(&self) -> Result<Operations, StoreError> {
        let mut ops = Operations::default();
        let rows = query(
            "SELECT platform, COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox \
             WHERE status = 'pending' GROUP BY platform ORDER BY platform",
        )
        .fetch_all(self)
        .await
        .map_err(db)?;
        for row in &rows {
            let platform: Platform = row
                .try_get::<String, _>("platform")
                .map_err(db)?
                .parse()
                .map_err(corrupt("platform"))?;
            let oldest = row
                .try_get::<Option<i64>, _>("oldest")
                .map_err(db)?
                .map(instant)
                .transpose()?;
            ops.outbox.push((platform, u64::from(count(row)?), oldest));
        }
        let rows = query(
            "SELECT group_name, COUNT(*) AS n FROM digest_runs GROUP BY group_name ORDER BY group_name",
        )
        .fetch_all(self)
        .await
        .map_err(db)?;
        for row in &rows {
            ops.digest_runs.push((
                row.try_get("group_name").map_err(db)?,
                u64::from(count(row)?),
            ));
        }
        let rows = query(
            "SELECT rule, action, COUNT(*) AS n FROM moderation_log GROUP BY rule, action ORDER BY rule, action",
        )
        .fetch_all(self)
        .await
        .map_err(db)?;
        for row in &rows {
            ops.moderation.push((
                row.try_get("rule").map_err(db)?,
                row.try_get("action").map_err(db)?,
                u64::from(count(row)?),
            ));
        }
        Ok(ops)
    }
}

/// Why a backup was not written.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "this is a PostgreSQL database: back it up with pg_dump, e.g. pg_dump --format=custom --file=vores.dump \"$VORES_DATABASE_URL\" (see deploy/README.md)"
    )]
    NotSqlite,
    #[error("the backup file's name must be UTF-8")]
    PathNotUtf8,
    #[error("the backup failed: {0}")]
    Failed(String),
}

impl FromStr for Backend {
    type Err = OpenError;

    fn from_str(url: &str) -> Result<Self, Self::Err> {
        normalise(url).map(|(b, _)| b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_normalised() {
        assert_eq!(
            normalise("vores.db").unwrap(),
            (Backend::Sqlite, "sqlite://vores.db?mode=rwc".into())
        );
        assert_eq!(
            normalise("sqlite:x.db").unwrap().1,
            "sqlite://x.db?mode=rwc"
        );
        assert_eq!(normalise("sqlite::memory:").unwrap().1, "sqlite::memory:");
        assert_eq!(normalise("postgres://a@b/c").unwrap().0, Backend::Postgres);
        assert!(normalise("mysql://x").is_err());
    }

    #[test]
    fn passwords_never_shown() {
        assert_eq!(
            redact_url("postgres://vores:s3cret@db/vores"),
            "postgres://vores:***@db/vores"
        );
        assert_eq!(redact_url("sqlite://vores.db"), "sqlite://vores.db");
        assert_eq!(
            redact_url("postgres://vores@db/vores?password=s3cret&sslmode=require"),
            "postgres://vores@db/vores?password=***&sslmode=require"
        );
        assert_eq!(
            redact_url("postgresql://db/vores?user=v&PassWord=s3cret"),
            "postgresql://db/vores?user=v&PassWord=***"
        );
        for unreadable in [
            "mysql://root:s3cret@db:notaport/x",
            "postgress//v:s3cret@db",
        ] {
            assert!(!redact_url(unreadable).contains("s3cret"), "{unreadable}");
        }
    }

    #[test]
    fn an_unsupported_url_never_echoes_its_password() {
        let Err(e) = normalise("mysql://root:s3cret@db/vores") else {
            panic!("mysql is not supported");
        };
        let shown = e.to_string();
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("mysql://"), "{shown}");
    }
}
