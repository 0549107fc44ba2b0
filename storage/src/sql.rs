//! Running one statement on either backend, with the same SQL text.
//!
//! PostgreSQL goes through sqlx's `any` driver (async, pooled). SQLite goes
//! through rusqlite, called directly on the task that needs the answer:
//! sqlx runs every SQLite statement on a worker thread and sends it there
//! and back over channels, and `vores bench` measured that hand-over at
//! ≈100 µs per statement on a 2-core machine — forty times the statement
//! itself, and most of what a message cost. SQLite's own calls take
//! microseconds, so running them in place is cheaper than any hand-over.
//!
//! The query builder keeps sqlx's shape (`query(sql).bind(x).fetch_all(db)`)
//! so each store method is written once for both backends. Parameters are
//! `$1`, `$2`, … in both; SQLite binds them by name.

use std::fmt;
use std::sync::Arc;

use sqlx::Row as _;

/// A value bound to, or read from, a statement. A NULL keeps the type it
/// stands for: PostgreSQL checks the type of every parameter.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Int(i64),
    Text(String),
    NullInt,
    NullText,
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Int(n) => ToSqlOutput::Borrowed(ValueRef::Integer(*n)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Value::NullInt | Value::NullText => ToSqlOutput::Borrowed(ValueRef::Null),
        })
    }
}

/// What can be bound to a statement.
pub(crate) trait IntoValue {
    fn into_value(self) -> Value;
}

impl IntoValue for Value {
    fn into_value(self) -> Value {
        self
    }
}

impl IntoValue for i64 {
    fn into_value(self) -> Value {
        Value::Int(self)
    }
}

impl IntoValue for Option<i64> {
    fn into_value(self) -> Value {
        self.map_or(Value::NullInt, Value::Int)
    }
}

impl IntoValue for &str {
    fn into_value(self) -> Value {
        Value::Text(self.to_string())
    }
}

impl IntoValue for &String {
    fn into_value(self) -> Value {
        Value::Text(self.clone())
    }
}

impl IntoValue for String {
    fn into_value(self) -> Value {
        Value::Text(self)
    }
}

impl IntoValue for &Option<String> {
    fn into_value(self) -> Value {
        self.clone().map_or(Value::NullText, Value::Text)
    }
}

impl IntoValue for Option<String> {
    fn into_value(self) -> Value {
        self.map_or(Value::NullText, Value::Text)
    }
}

impl IntoValue for Option<&str> {
    fn into_value(self) -> Value {
        self.map_or(Value::NullText, |s| Value::Text(s.to_string()))
    }
}

/// What can be read from a column.
pub(crate) trait FromValue: Sized {
    fn from_value(value: &Value) -> Option<Self>;
}

impl FromValue for i64 {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Int(n) => Some(*n),
            _ => None,
        }
    }
}

impl FromValue for Option<i64> {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Int(n) => Some(Some(*n)),
            Value::NullInt | Value::NullText => Some(None),
            Value::Text(_) => None,
        }
    }
}

impl FromValue for String {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}

impl FromValue for Option<String> {
    fn from_value(value: &Value) -> Option<Self> {
        match value {
            Value::Text(s) => Some(Some(s.clone())),
            Value::NullInt | Value::NullText => Some(None),
            Value::Int(_) => None,
        }
    }
}

/// A failed statement or an unexpected column.
#[derive(Debug)]
pub(crate) enum SqlError {
    Postgres(sqlx::Error),
    Sqlite(rusqlite::Error),
    Column(String),
}

impl fmt::Display for SqlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SqlError::Postgres(e) => e.fmt(f),
            SqlError::Sqlite(e) => e.fmt(f),
            SqlError::Column(e) => f.write_str(e),
        }
    }
}

impl From<sqlx::Error> for SqlError {
    fn from(e: sqlx::Error) -> Self {
        SqlError::Postgres(e)
    }
}

impl From<rusqlite::Error> for SqlError {
    fn from(e: rusqlite::Error) -> Self {
        SqlError::Sqlite(e)
    }
}

/// One result row: its columns by name.
pub(crate) struct Row {
    names: Arc<[String]>,
    values: Vec<Value>,
}

impl Row {
    /// The column `name` as a `T`.
    pub(crate) fn try_get<T: FromValue, I: AsRef<str>>(&self, name: I) -> Result<T, SqlError> {
        let name = name.as_ref();
        let index = self
            .names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| SqlError::Column(format!("no column {name:?}")))?;
        T::from_value(&self.values[index]).ok_or_else(|| {
            SqlError::Column(format!(
                "column {name:?} holds {:?}, not a {}",
                self.values[index],
                std::any::type_name::<T>()
            ))
        })
    }

    fn from_sqlite(names: &Arc<[String]>, row: &rusqlite::Row<'_>) -> Result<Row, SqlError> {
        use rusqlite::types::ValueRef;
        let values = (0..names.len())
            .map(|i| {
                Ok(match row.get_ref(i)? {
                    ValueRef::Null => Value::NullText,
                    ValueRef::Integer(n) => Value::Int(n),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Real(_) | ValueRef::Blob(_) => {
                        return Err(SqlError::Column(format!(
                            "column {:?} has a type Vores never stores",
                            names[i]
                        )));
                    }
                })
            })
            .collect::<Result<Vec<Value>, SqlError>>()?;
        Ok(Row {
            names: names.clone(),
            values,
        })
    }

    fn from_any(row: &sqlx::any::AnyRow) -> Result<Row, SqlError> {
        use sqlx::{Column as _, TypeInfo as _, ValueRef as _};
        let names: Arc<[String]> = row.columns().iter().map(|c| c.name().to_string()).collect();
        let values = (0..names.len())
            .map(|i| {
                let raw = row.try_get_raw(i)?;
                if raw.is_null() {
                    return Ok(Value::NullText);
                }
                let kind = raw.type_info().name().to_ascii_uppercase();
                Ok(
                    if [
                        "INT", "BIGINT", "INTEGER", "SMALLINT", "INT2", "INT4", "INT8",
                    ]
                    .contains(&kind.as_str())
                    {
                        Value::Int(row.try_get::<i64, _>(i)?)
                    } else if kind == "BOOL" || kind == "BOOLEAN" {
                        Value::Int(i64::from(row.try_get::<bool, _>(i)?))
                    } else {
                        Value::Text(row.try_get::<String, _>(i)?)
                    },
                )
            })
            .collect::<Result<Vec<Value>, SqlError>>()?;
        Ok(Row { names, values })
    }
}

/// What a statement that returns no rows did.
pub(crate) struct Done {
    rows_affected: u64,
}

impl Done {
    pub(crate) fn rows_affected(&self) -> u64 {
        self.rows_affected
    }
}

/// A statement and its parameters.
/// `$1` … `$32`: every statement of the store binds fewer (a whole
/// submission row in an import binds 29), so no name is
/// formatted per bind.
const PARAMETER_NAMES: [&str; 32] = [
    "$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9", "$10", "$11", "$12", "$13", "$14", "$15",
    "$16", "$17", "$18", "$19", "$20", "$21", "$22", "$23", "$24", "$25", "$26", "$27", "$28",
    "$29", "$30", "$31", "$32",
];

pub(crate) struct Query {
    sql: &'static str,
    args: Vec<Value>,
}

pub(crate) fn query(sql: &'static str) -> Query {
    Query {
        sql,
        args: Vec::new(),
    }
}

impl Query {
    pub(crate) fn bind<T: IntoValue>(mut self, value: T) -> Self {
        self.args.push(value.into_value());
        self
    }

    fn sqlite_rows(&self, conn: &rusqlite::Connection) -> Result<Vec<Row>, SqlError> {
        let mut statement = self.prepared(conn)?;
        let names: Arc<[String]> = statement
            .column_names()
            .into_iter()
            .map(str::to_string)
            .collect();
        let mut rows = statement.raw_query();
        let mut all = Vec::new();
        while let Some(row) = rows.next()? {
            all.push(Row::from_sqlite(&names, row)?);
        }
        Ok(all)
    }

    /// The cached statement with every `$n` the SQL names bound.
    fn prepared<'c>(
        &self,
        conn: &'c rusqlite::Connection,
    ) -> Result<rusqlite::CachedStatement<'c>, SqlError> {
        let mut statement = conn.prepare_cached(self.sql)?;
        for (n, value) in self.args.iter().enumerate() {
            let index = match PARAMETER_NAMES.get(n) {
                Some(name) => statement.parameter_index(name)?,
                None => statement.parameter_index(&format!("${}", n + 1))?,
            };
            if let Some(index) = index {
                statement.raw_bind_parameter(index, value)?;
            }
        }
        Ok(statement)
    }

    fn postgres_query(&self) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
        let mut q = sqlx::query(self.sql);
        for value in &self.args {
            q = match value {
                Value::Int(n) => q.bind(*n),
                Value::Text(s) => q.bind(s.clone()),
                Value::NullInt => q.bind(None::<i64>),
                Value::NullText => q.bind(None::<String>),
            };
        }
        q
    }

    pub(crate) async fn execute(self, on: &crate::Database) -> Result<Done, SqlError> {
        let done = on
            .with_sqlite(|conn| {
                let mut statement = self.prepared(conn)?;
                let rows_affected = statement.raw_execute()? as u64;
                Ok(Done { rows_affected })
            })
            .await;
        match done {
            Some(done) => done,
            None => {
                let mut conn = on.postgres_conn().await?;
                let result = self.postgres_query().execute(&mut *conn).await?;
                Ok(Done {
                    rows_affected: result.rows_affected(),
                })
            }
        }
    }

    pub(crate) async fn fetch_all(self, on: &crate::Database) -> Result<Vec<Row>, SqlError> {
        match on.with_sqlite(|conn| self.sqlite_rows(conn)).await {
            Some(rows) => rows,
            None => {
                let mut conn = on.postgres_conn().await?;
                let rows = self.postgres_query().fetch_all(&mut *conn).await?;
                rows.iter().map(Row::from_any).collect()
            }
        }
    }

    pub(crate) async fn fetch_optional(
        self,
        on: &crate::Database,
    ) -> Result<Option<Row>, SqlError> {
        Ok(self.fetch_all(on).await?.into_iter().next())
    }

    pub(crate) async fn fetch_one(self, on: &crate::Database) -> Result<Row, SqlError> {
        self.fetch_optional(on)
            .await?
            .ok_or_else(|| SqlError::Column("the statement returned no row".to_string()))
    }
}
