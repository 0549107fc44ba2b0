//! Discord's REST API, the calls the adapter makes, paced by Discord's own
//! rate-limit headers.
//!
//! serenity's HTTP client is not used for these: pointed at another server
//! (`HttpBuilder::proxy`) its rate limiter still builds requests for
//! discord.com, so it has to be switched off there, and without it a 429
//! comes back as an error that has lost Discord's headers. This client
//! does the same thing against discord.com and against the test server:
//! it learns each route's bucket from `X-RateLimit-Bucket`, waits when
//! `X-RateLimit-Remaining` is 0 until `X-RateLimit-Reset-After`, honours
//! `retry_after` and `X-RateLimit-Global` on a 429, and retries 5xx
//! answers and network errors with backoff.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::Value;
use tokio::sync::Mutex;
use tracing::{debug, warn};
use vores_bot::AdapterError;
use vores_bot::model::Platform;

/// Discord's documented ceiling is 50 requests a second for a bot.
const GLOBAL_GAP: Duration = Duration::from_millis(20);
/// A 429 is Discord saying "later", not a failure: many are tolerated.
const MAX_RATE_LIMITED: u32 = 30;
const MAX_FAILURES: u32 = 4;
/// One request never hangs the sender for longer than this.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Discord's error codes worth explaining to an operator.
const MISSING_PERMISSIONS: i64 = 50013;
const MISSING_ACCESS: i64 = 50001;
const CANNOT_DM: i64 = 50007;

/// A REST failure with what Discord said.
#[derive(Debug, Clone)]
pub struct RestError {
    pub status: Option<StatusCode>,
    /// Discord's JSON error code (50013 = missing permissions).
    pub code: Option<i64>,
    pub message: String,
}

impl RestError {
    pub fn is_missing_permission(&self) -> bool {
        matches!(self.code, Some(MISSING_PERMISSIONS | MISSING_ACCESS))
            || self.status == Some(StatusCode::FORBIDDEN)
    }

    pub fn is_not_found(&self) -> bool {
        self.status == Some(StatusCode::NOT_FOUND)
    }

    pub fn cannot_dm(&self) -> bool {
        self.code == Some(CANNOT_DM)
    }

    /// The core's error: missing rights and bad requests are refusals
    /// (retrying will not help); the rest means Discord was unreachable.
    pub fn into_adapter_error(self, doing: &str) -> AdapterError {
        let detail = if self.is_missing_permission() {
            format!(
                "{doing}: Discord says the bot lacks a permission ({})",
                self.message
            )
        } else {
            format!("{doing}: {}", self.message)
        };
        match self.status {
            Some(s) if s.is_client_error() => AdapterError::Refused {
                platform: Platform::Discord,
                detail,
            },
            _ => AdapterError::Unavailable {
                platform: Platform::Discord,
                detail,
            },
        }
    }
}

impl std::fmt::Display for RestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.status, self.code) {
            (Some(s), Some(c)) => write!(f, "{s} (code {c}): {}", self.message),
            (Some(s), None) => write!(f, "{s}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

#[derive(Debug, Default)]
struct Bucket {
    remaining: Option<u64>,
    reset_at: Option<Instant>,
}

#[derive(Debug, Default)]
struct Limits {
    /// Route (method + path with only the major id kept) → Discord's bucket.
    bucket_of: HashMap<String, String>,
    /// (bucket, major id) → its state.
    buckets: HashMap<String, Bucket>,
    global_until: Option<Instant>,
    last_request: Option<Instant>,
}

pub struct Rest {
    client: reqwest::Client,
    /// `https://discord.com/api/v10` or the test server's equivalent.
    base: String,
    authorization: String,
    limits: Mutex<Limits>,
}

impl std::fmt::Debug for Rest {
    // The token never reaches a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rest")
            .field("base", &self.base)
            .finish_non_exhaustive()
    }
}

/// The part of a path that names its rate-limit bucket: Discord keeps
/// separate limits per channel, guild and webhook (the "major
/// parameters"); other ids share one.
fn route_key(method: &Method, path: &str) -> (String, String) {
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let mut route = Vec::with_capacity(parts.len());
    let mut major = String::new();
    for (i, part) in parts.iter().enumerate() {
        let previous = if i > 0 { parts[i - 1] } else { "" };
        let is_major = matches!(previous, "channels" | "guilds" | "webhooks")
            || (previous.chars().all(|c| c.is_ascii_digit())
                && i >= 2
                && parts[i - 2] == "webhooks");
        if is_major && major.is_empty() {
            major = (*part).to_string();
            route.push(*part);
        } else if is_major {
            // A webhook's (interaction's) token: part of the bucket, but a
            // credential, so never part of what is logged.
            major.push('/');
            major.push_str(part);
            route.push(":token");
        } else if i >= 2 && parts[i - 2] == "interactions" {
            route.push(":token"); // The interaction's token, a credential.
        } else if part.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            route.push(":id");
        } else if previous == "reactions" {
            route.push(":emoji");
        } else {
            route.push(*part);
        }
    }
    (format!("{method} /{}", route.join("/")), major)
}

fn header_f64(headers: &reqwest::header::HeaderMap, name: &str) -> Option<f64> {
    headers.get(name)?.to_str().ok()?.parse().ok()
}

impl Rest {
    pub fn new(api_url: &str, token: &str) -> Rest {
        let token = token.trim();
        let authorization = if token.starts_with("Bot ") {
            token.to_string()
        } else {
            format!("Bot {token}")
        };
        Rest {
            client: reqwest::Client::builder()
                .timeout(REQUEST_TIMEOUT)
                .user_agent("DiscordBot (https://github.com/vores/vores, 0.1)")
                .build()
                .unwrap_or_default(),
            base: format!("{}/api/v10", api_url.trim_end_matches('/')),
            authorization,
            limits: Mutex::new(Limits::default()),
        }
    }

    /// Waits until a request on `route`/`major` may go out.
    async fn wait_turn(&self, route: &str, major: &str) {
        loop {
            let wait = {
                let mut limits = self.limits.lock().await;
                let now = Instant::now();
                let mut wait = Duration::ZERO;
                if let Some(until) = limits.global_until {
                    wait = wait.max(until.saturating_duration_since(now));
                }
                if let Some(last) = limits.last_request {
                    wait = wait.max(GLOBAL_GAP.saturating_sub(now - last));
                }
                if let Some(bucket) = limits.bucket_of.get(route).cloned() {
                    let state = limits
                        .buckets
                        .entry(format!("{bucket}:{major}"))
                        .or_default();
                    match (state.remaining, state.reset_at) {
                        (Some(0), Some(reset)) if reset > now => {
                            wait = wait.max(reset - now);
                        }
                        (Some(n), Some(reset)) if reset > now => {
                            // Counted down here so concurrent senders do
                            // not all spend the last request.
                            state.remaining = Some(n - 1);
                        }
                        _ => {}
                    }
                }
                if wait.is_zero() {
                    limits.last_request = Some(now);
                }
                wait
            };
            if wait.is_zero() {
                return;
            }
            debug!(?wait, route, "waiting for Discord's rate limit");
            tokio::time::sleep(wait).await;
        }
    }

    async fn learn(&self, route: &str, major: &str, headers: &reqwest::header::HeaderMap) {
        let Some(bucket) = headers
            .get("x-ratelimit-bucket")
            .and_then(|v| v.to_str().ok())
        else {
            return;
        };
        let mut limits = self.limits.lock().await;
        limits
            .bucket_of
            .insert(route.to_string(), bucket.to_string());
        let state = limits
            .buckets
            .entry(format!("{bucket}:{major}"))
            .or_default();
        if let Some(remaining) = header_f64(headers, "x-ratelimit-remaining") {
            state.remaining = Some(remaining as u64);
        }
        if let Some(after) = header_f64(headers, "x-ratelimit-reset-after") {
            state.reset_at = Some(Instant::now() + Duration::from_secs_f64(after.max(0.0)));
        }
    }

    /// One request, retried through rate limits and passing outages.
    /// `reason` goes to the guild's audit log.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        reason: Option<&str>,
    ) -> Result<Value, RestError> {
        self.send(method, path, body, &[], reason).await
    }

    /// A message with files: `payload` as `payload_json`, each file as
    /// `files[n]` (Discord's multipart form for uploads).
    pub async fn post_files(
        &self,
        path: &str,
        payload: &Value,
        files: &[Upload],
    ) -> Result<Value, RestError> {
        self.send(Method::POST, path, Some(payload), files, None)
            .await
    }

    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        files: &[Upload],
        reason: Option<&str>,
    ) -> Result<Value, RestError> {
        let (route, major) = route_key(&method, path.split('?').next().unwrap_or(path));
        let (mut failures, mut rate_limited) = (0u32, 0u32);
        loop {
            self.wait_turn(&route, &major).await;
            let mut request = self
                .client
                .request(method.clone(), format!("{}{path}", self.base))
                .header("Authorization", &self.authorization);
            if files.is_empty() {
                if let Some(body) = body {
                    request = request.json(body);
                }
            } else {
                // Built anew for every try: a form is used up by sending.
                let mut form = reqwest::multipart::Form::new().text(
                    "payload_json",
                    body.cloned().unwrap_or(Value::Null).to_string(),
                );
                for (n, file) in files.iter().enumerate() {
                    let part = reqwest::multipart::Part::bytes(file.content.clone())
                        .file_name(file.name.clone())
                        .mime_str(&file.media_type)
                        .map_err(|e| RestError {
                            status: None,
                            code: None,
                            message: format!("a file's media type: {e}"),
                        })?;
                    form = form.part(format!("files[{n}]"), part);
                }
                request = request.multipart(form);
            }
            if let Some(reason) = reason {
                // The header must be URL-encoded (Discord's documentation).
                request = request.header("X-Audit-Log-Reason", percent_encode(reason));
            }
            let response = match request.send().await {
                Ok(response) => response,
                Err(e) => {
                    // The URL may hold an interaction token: keep it out.
                    let e = e.without_url();
                    failures += 1;
                    if failures >= MAX_FAILURES {
                        return Err(RestError {
                            status: None,
                            code: None,
                            message: format!("Discord is unreachable ({e})"),
                        });
                    }
                    let wait = Duration::from_millis(500) * 2u32.pow(failures - 1);
                    warn!(error = %e, ?wait, route, "Discord request failed; retrying");
                    tokio::time::sleep(wait).await;
                    continue;
                }
            };
            let status = response.status();
            let headers = response.headers().clone();
            self.learn(&route, &major, &headers).await;
            let text = response.text().await.unwrap_or_default();
            let json: Value = if text.is_empty() {
                Value::Null
            } else {
                serde_json::from_str(&text).unwrap_or(Value::Null)
            };
            if status.is_success() {
                return Ok(json);
            }
            if status == StatusCode::TOO_MANY_REQUESTS {
                rate_limited += 1;
                let retry_after = json
                    .get("retry_after")
                    .and_then(Value::as_f64)
                    .or_else(|| header_f64(&headers, "retry-after"))
                    .unwrap_or(1.0)
                    .clamp(0.0, 300.0);
                let wait = Duration::from_secs_f64(retry_after);
                let global = json.get("global").and_then(Value::as_bool) == Some(true)
                    || headers.contains_key("x-ratelimit-global");
                {
                    let mut limits = self.limits.lock().await;
                    let until = Instant::now() + wait;
                    if global {
                        limits.global_until = Some(until);
                    } else if let Some(bucket) = limits.bucket_of.get(&route).cloned() {
                        let state = limits
                            .buckets
                            .entry(format!("{bucket}:{major}"))
                            .or_default();
                        state.remaining = Some(0);
                        state.reset_at = Some(until);
                    }
                }
                if rate_limited >= MAX_RATE_LIMITED {
                    return Err(RestError {
                        status: Some(status),
                        code: None,
                        message: "still rate limited after many waits".into(),
                    });
                }
                warn!(?wait, global, route, "Discord rate limit (429); waiting");
                tokio::time::sleep(wait).await;
                continue;
            }
            if status.is_server_error() {
                failures += 1;
                if failures < MAX_FAILURES {
                    let wait = Duration::from_millis(500) * 2u32.pow(failures - 1);
                    warn!(%status, ?wait, route, "Discord answered with a server error; retrying");
                    tokio::time::sleep(wait).await;
                    continue;
                }
            }
            return Err(RestError {
                status: Some(status),
                code: json.get("code").and_then(Value::as_i64),
                message: json
                    .get("message")
                    .and_then(Value::as_str)
                    .map_or_else(|| text.chars().take(200).collect(), str::to_string),
            });
        }
    }

    pub async fn get(&self, path: &str) -> Result<Value, RestError> {
        self.call(Method::GET, path, None, None).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Result<Value, RestError> {
        self.call(Method::POST, path, Some(body), None).await
    }

    pub async fn patch(&self, path: &str, body: &Value) -> Result<Value, RestError> {
        self.call(Method::PATCH, path, Some(body), None).await
    }
}

/// A file to upload with a message.
#[derive(Debug, Clone)]
pub struct Upload {
    pub name: String,
    pub media_type: String,
    pub content: Vec<u8>,
}

/// Percent-encodes everything but unreserved characters (RFC 3986), for
/// emoji in paths and the audit-log header.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_keep_only_their_major_parameter() {
        assert_eq!(
            route_key(&Method::POST, "/channels/123/messages"),
            ("POST /channels/123/messages".to_string(), "123".to_string())
        );
        assert_eq!(
            route_key(&Method::DELETE, "/channels/123/messages/456").0,
            "DELETE /channels/123/messages/:id"
        );
        assert_eq!(
            route_key(
                &Method::PUT,
                "/channels/1/messages/2/reactions/%E2%9C%85/@me"
            )
            .0,
            "PUT /channels/1/messages/:id/reactions/:emoji/@me"
        );
        let (route, major) = route_key(&Method::PATCH, "/webhooks/9/tok/messages/@original");
        assert_eq!(route, "PATCH /webhooks/9/:token/messages/@original");
        assert_eq!(
            route_key(&Method::POST, "/interactions/5/secret-tok/callback").0,
            "POST /interactions/:id/:token/callback"
        );
        assert_eq!(major, "9/tok");
    }

    #[test]
    fn percent_encoding_covers_emoji_and_spaces() {
        assert_eq!(percent_encode("✅"), "%E2%9C%85");
        assert_eq!(percent_encode("a b"), "a%20b");
    }
}
