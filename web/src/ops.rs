//! For operators: `/healthz` (is the database reachable, is each adapter
//! running) and `/metrics` (Prometheus text format).

use std::sync::Arc;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

use vores_bot::adapter::Link;

use crate::Site;

/// 200 when the database answers, 503 when it does not; the body says
/// which part is wrong, and each adapter's state.
pub(crate) async fn healthz(State(site): State<Arc<Site>>) -> Response {
    let database = match site.store.operations().await {
        Ok(_) => serde_json::json!({ "ok": true }),
        Err(e) => {
            tracing::warn!(error = %e, "health check: the database does not answer");
            serde_json::json!({ "ok": false, "error": "the database does not answer" })
        }
    };
    let running: std::collections::HashMap<_, _> = site.metrics.adapters().into_iter().collect();
    let mut degraded = false;
    let adapters: serde_json::Map<String, serde_json::Value> = site
        .adapters
        .iter()
        .map(|adapter| {
            let platform = adapter.platform();
            let up = running.get(&platform).copied().unwrap_or(false);
            let mut state = serde_json::json!({ "running": up });
            match adapter.link() {
                Some(Link::Connecting) => state["link"] = "connecting".into(),
                Some(Link::Connected { since }) => {
                    state["link"] = "connected".into();
                    state["since"] = since.to_rfc3339().into();
                }
                Some(Link::Failing { since, failures }) => {
                    degraded = true;
                    state["link"] = "failing".into();
                    state["since"] = since.to_rfc3339().into();
                    state["failures"] = failures.into();
                }
                None => {}
            }
            // Standing by while another process serves the platform is
            // how a failover pair is meant to be.
            if site.metrics.standing_by(platform) {
                state["standby"] = true.into();
            } else {
                degraded |= !up;
            }
            (platform.as_str().to_string(), state)
        })
        .collect();
    let healthy = database["ok"] == true;
    // A platform that does not answer is worth a look, not a restart: the
    // adapter keeps trying, and the others and the web work meanwhile.
    let status = match (healthy, degraded) {
        (false, _) => "failing",
        (true, true) => "degraded",
        (true, false) => "ok",
    };
    let body = serde_json::json!({
        "status": status,
        "database": database,
        "adapters": adapters,
    });
    let status = if healthy {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body.to_string(),
    )
        .into_response()
}

/// The runtime's counters, and what the database says about the outbox,
/// digests and guideline actions, in Prometheus' text format.
pub(crate) async fn metrics(State(site): State<Arc<Site>>) -> Response {
    let mut registry = Registry::with_prefix("vores");
    site.metrics.register(&mut registry);
    let connected = prometheus_client::metrics::family::Family::<
        vores_bot::metrics::PlatformLabel,
        Gauge,
    >::default();
    for adapter in &site.adapters {
        if let Some(link) = adapter.link() {
            connected
                .get_or_create(&adapter.platform().into())
                .set(i64::from(matches!(link, Link::Connected { .. })));
        }
    }
    registry.register(
        "adapter_connected",
        "Whether the platform answered the adapter's last poll, sync or gateway session (1) or not (0)",
        connected,
    );
    match site.store.operations().await {
        Ok(ops) => {
            let now = site.clock.now();
            let depth = prometheus_client::metrics::family::Family::<
                vores_bot::metrics::PlatformLabel,
                Gauge,
            >::default();
            let oldest = prometheus_client::metrics::family::Family::<
                vores_bot::metrics::PlatformLabel,
                Gauge,
            >::default();
            for (platform, count, first) in &ops.outbox {
                depth
                    .get_or_create(&(*platform).into())
                    .set(i64::try_from(*count).unwrap_or(i64::MAX));
                oldest
                    .get_or_create(&(*platform).into())
                    .set(first.map_or(0, |t| (now - t).num_seconds().max(0)));
            }
            registry.register(
                "outbox_depth",
                "Messages waiting to be sent, per platform",
                depth,
            );
            registry.register(
                "outbox_oldest_age_seconds",
                "Age of the oldest message waiting to be sent, per platform",
                oldest,
            );
            let runs =
                prometheus_client::metrics::family::Family::<Vec<(String, String)>, Gauge>::default(
                );
            for (group, count) in &ops.digest_runs {
                runs.get_or_create(&vec![("group".to_string(), group.clone())])
                    .set(i64::try_from(*count).unwrap_or(i64::MAX));
            }
            registry.register("digest_runs", "Weekly digests composed, per group", runs);
            let actions =
                prometheus_client::metrics::family::Family::<Vec<(String, String)>, Gauge>::default(
                );
            for (rule, action, count) in &ops.moderation {
                actions
                    .get_or_create(&vec![
                        ("rule".to_string(), rule.clone()),
                        ("action".to_string(), action.clone()),
                    ])
                    .set(i64::try_from(*count).unwrap_or(i64::MAX));
            }
            registry.register(
                "moderation_actions",
                "Moderation log entries (guideline actions, decisions), per rule and action",
                actions,
            );
        }
        Err(e) => tracing::warn!(error = %e, "metrics: the database does not answer"),
    }
    let mut text = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &registry) {
        tracing::error!(error = %e, "could not write the metrics");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [
            (
                header::CONTENT_TYPE,
                "application/openmetrics-text; version=1.0.0; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        text,
    )
        .into_response()
}
