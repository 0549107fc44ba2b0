//! The town's calendar on the web, served by the same binary as the bot
//! (`vores run`, or alone as `vores web`): every group's approved events
//! and stories as pages, iCalendar, Atom and JSON feeds, its places on a
//! map, an embeddable list for the municipality's site, and `/healthz` and
//! `/metrics` for operators.
//!
//! Read-only, and only what is published: the core decides what a group
//! shows ([`vores_bot::published::GroupView`]); this crate only renders it.
//! Pages come from minijinja templates with HTML escaping on; visitors'
//! texts from the same catalogs as the bot's replies (`web_…` keys).

mod feeds;
mod ops;
mod pages;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Utc};
use tokio_util::sync::CancellationToken;
use vores_bot::community::{Community, Group};
use vores_bot::lang::Language;
use vores_bot::metrics::Metrics;
use vores_bot::model::ConversationRef;
use vores_bot::published::GroupView;
use vores_bot::{Clock, Store};
use vores_config::WebConfig;

/// Everything the web pages read: the database, the groups and their
/// channels, the clock and zone, and this process's counters.
pub struct Site {
    pub store: Arc<dyn Store>,
    pub community: Arc<Community>,
    pub clock: Arc<dyn Clock>,
    pub tz: chrono_tz::Tz,
    pub config: WebConfig,
    /// Invite links of channels, shown on each group's "about" page.
    pub joins: HashMap<ConversationRef, String>,
    pub metrics: Metrics,
    /// The adapters this process runs (their links, for `/healthz`).
    pub adapters: Vec<Arc<dyn vores_bot::Adapter>>,
    templates: minijinja::Environment<'static>,
    /// The town's places: the config's and those residents added (read
    /// again by every page that shows places, see [`Site::load_places`]).
    places: std::sync::RwLock<Vec<TownPlace>>,
}

/// What the bot process beside the web runs, for `/healthz` and
/// `/metrics`: its counters and its adapters (none for `vores web` alone).
#[derive(Default)]
pub struct Running {
    pub metrics: Metrics,
    pub adapters: Vec<Arc<dyn vores_bot::Adapter>>,
}

/// A place in town as the pages show it, from the config or added by a
/// resident and approved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct TownPlace {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<vores_bot::understand::places::PlaceKind>,
    pub point: Option<(f64, f64)>,
    pub address: Option<String>,
    pub link: Option<String>,
}

impl Site {
    pub fn new(
        store: Arc<dyn Store>,
        community: Arc<Community>,
        clock: Arc<dyn Clock>,
        tz: chrono_tz::Tz,
        config: WebConfig,
        joins: HashMap<ConversationRef, String>,
        running: Running,
    ) -> Site {
        let Running { metrics, adapters } = running;
        Site {
            adapters,
            store,
            community,
            clock,
            tz,
            config,
            joins,
            metrics,
            templates: pages::templates(),
            places: std::sync::RwLock::new(Vec::new()),
        }
    }

    /// Reads the town's places again: the config's, then the published ones
    /// residents added (a town has hundreds; one read per page).
    async fn load_places(&self) -> Result<(), Failure> {
        let added = self.store.published_places(2_000).await?;
        let mut places: Vec<TownPlace> = self
            .community
            .places
            .iter()
            .map(|p| TownPlace {
                name: p.name.clone(),
                aliases: p.aliases.clone(),
                kind: vores_bot::understand::places::PlaceKind::of(&p.name),
                point: Some((p.lat, p.lon)),
                address: None,
                link: None,
            })
            .collect();
        places.extend(added.into_iter().filter_map(|s| {
            let p = s.place?;
            Some(TownPlace {
                point: p.point(),
                name: p.name,
                aliases: Vec::new(),
                kind: p.kind,
                address: p.address,
                link: p.link,
            })
        }));
        *self.places.write().unwrap_or_else(|e| e.into_inner()) = places;
        Ok(())
    }

    fn places(&self) -> Vec<TownPlace> {
        self.places
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// A group by the name in its address (`/g/{name}`), with its index.
    fn group(&self, name: &str) -> Option<(usize, &Group)> {
        self.community
            .groups
            .iter()
            .enumerate()
            .find(|(_, g)| g.name == name)
    }

    fn view(&self, group: usize) -> GroupView<'_> {
        GroupView {
            store: self.store.as_ref(),
            community: &self.community,
            tz: self.tz,
            group,
        }
    }

    /// The address of a page, as residents reach it.
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.config.public_url)
    }
}

/// Every route of the site.
pub fn router(site: Arc<Site>) -> Router {
    let mut router = Router::new()
        .route("/", get(pages::index))
        .route("/healthz", get(ops::healthz))
        .route("/metrics", get(ops::metrics))
        .route("/static/{file}", get(pages::static_file))
        .route(
            "/favicon.ico",
            get(|| async { axum::response::Redirect::permanent("/static/icon.svg") }),
        )
        .route("/g/{group}", get(pages::calendar))
        .route("/g/{group}/e/{item}", get(pages::event))
        .route("/g/{group}/stories", get(pages::stories))
        .route("/g/{group}/places", get(pages::places))
        .route("/g/{group}/about", get(pages::about))
        .route("/g/{group}/embed", get(pages::embed))
        .route("/g/{group}/events.ics", get(feeds::events_ics))
        .route("/g/{group}/events.json", get(feeds::events_json))
        .route("/g/{group}/stories.atom", get(feeds::stories_atom))
        .route("/g/{group}/places.geojson", get(feeds::places_geojson));
    if let Some(dir) = &site.config.assets_dir {
        router = router.nest_service("/assets", tower_http::services::ServeDir::new(dir));
    }
    router
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(content_policy(&site.config)),
            security_headers,
        ))
        .with_state(site)
}

/// Serves the site on `listener` (bound by the caller, so a taken port is
/// known before anything starts) until `shutdown`.
pub async fn serve(
    site: Arc<Site>,
    listener: tokio::net::TcpListener,
    shutdown: CancellationToken,
) -> std::io::Result<()> {
    if let Ok(address) = listener.local_addr() {
        tracing::info!(%address, "web calendar listening");
    }
    axum::serve(listener, router(site))
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await
}

/// What every answer carries: no sniffing, no referrer to other sites, and
/// a content policy that allows only this site (and the map's library and
/// tiles when configured). The embed may be framed by any site; the rest
/// only by this one.
async fn security_headers(
    axum::extract::State(policy): axum::extract::State<Arc<String>>,
    request: Request,
    next: Next,
) -> Response {
    let embed = request.uri().path().ends_with("/embed");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let ancestors = if embed { "*" } else { "'self'" };
    if let Ok(value) = HeaderValue::from_str(&format!("{policy}; frame-ancestors {ancestors}")) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    if !embed {
        headers.insert(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("SAMEORIGIN"),
        );
    }
    response
}

/// Where pages may load from: this site, and the map's library and tiles
/// where they are configured elsewhere. No inline scripts anywhere.
fn content_policy(config: &WebConfig) -> String {
    // "https://unpkg.com/leaflet@1.9.4/dist/leaflet.js" → "https://unpkg.com".
    let origin = |url: &Option<String>| -> String {
        url.as_deref()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
            .and_then(|u| {
                let (scheme, rest) = u.split_once("://")?;
                let host = rest.split('/').next()?;
                // A tile template's "{s}.tile…" subdomain is any subdomain.
                let host = host.replace("{s}", "*");
                Some(format!(" {scheme}://{host}"))
            })
            .unwrap_or_default()
    };
    let script = origin(&config.map.script);
    let style = origin(&config.map.style);
    let tiles = origin(&config.map.tiles);
    format!(
        "default-src 'self'; script-src 'self'{script}; style-src 'self'{style}; \
         img-src 'self' data:{style}{tiles}; connect-src 'self'; base-uri 'none'; form-action 'self'"
    )
}

/// The language of a page: `?lang=` when given, else the browser's first
/// choice we have (`Accept-Language`), else the town's.
fn language(site: &Site, headers: &HeaderMap, query: &HashMap<String, String>) -> Language {
    if let Some(lang) = query.get("lang").and_then(|l| l.parse().ok()) {
        return lang;
    }
    let accepted = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mut choices: Vec<(f32, Language)> = accepted
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.trim().split(';');
            let tag = pieces.next()?.trim();
            let primary = tag.split('-').next()?;
            let lang: Language = primary.parse().ok()?;
            let q = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.parse().ok())
                .unwrap_or(1.0);
            Some((q, lang))
        })
        .collect();
    // Stable: equal weights keep the browser's order.
    choices.sort_by(|a, b| b.0.total_cmp(&a.0));
    choices
        .first()
        .map_or(site.community.default_language, |&(_, lang)| lang)
}

/// An answer that a browser or feed reader may keep: an ETag over the
/// body (a stable hash, so every process gives the same one), the newest
/// change it shows as Last-Modified (informative), and 304 when the
/// client's ETag matches.
fn cached(
    request: &HeaderMap,
    content_type: &'static str,
    body: String,
    last_modified: Option<DateTime<Utc>>,
) -> Response {
    let mut hasher = std::hash::DefaultHasher::new();
    body.hash(&mut hasher);
    let etag = format!("\"{:016x}\"", hasher.finish());
    let http_date = |t: DateTime<Utc>| t.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    // The ETag alone decides: a withdrawn event leaves a page without making
    // anything on it newer, so a date comparison would keep showing it.
    let not_modified = request.get(header::IF_NONE_MATCH).is_some_and(|tags| {
        tags.to_str()
            .is_ok_and(|tags| tags.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
    });
    let mut builder = Response::builder()
        .header(header::ETAG, &etag)
        .header(header::CACHE_CONTROL, "public, max-age=60")
        .header(header::VARY, "Accept-Language");
    if let Some(changed) = last_modified {
        builder = builder.header(header::LAST_MODIFIED, http_date(changed));
    }
    let response = if not_modified {
        builder.status(StatusCode::NOT_MODIFIED).body(Body::empty())
    } else {
        builder
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
    };
    response.unwrap_or_else(|e| {
        tracing::error!(error = %e, "could not build a web answer");
        StatusCode::INTERNAL_SERVER_ERROR.into_response()
    })
}

/// A failure of a page: what the visitor sees, in their language.
#[derive(Debug)]
enum Failure {
    /// No such group, event or file.
    NotFound,
    /// A query parameter that cannot be read: the message says which and
    /// how to write it.
    BadRequest(String),
    /// The database failed; logged, never shown.
    Internal(String),
}

impl From<vores_bot::StoreError> for Failure {
    fn from(e: vores_bot::StoreError) -> Self {
        Failure::Internal(e.to_string())
    }
}
