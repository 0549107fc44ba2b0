//! What this process counts for its operators: messages handled, replies
//! sent and delivery errors per platform, and whether each adapter is
//! running. Counted in memory by the runtime (Prometheus counters start
//! again at a restart, as Prometheus expects); the web crate exposes them
//! at `/metrics` beside the figures read from the database.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

use crate::model::Platform;

/// The one label these counters have.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PlatformLabel {
    pub platform: String,
}

impl From<Platform> for PlatformLabel {
    fn from(platform: Platform) -> Self {
        PlatformLabel {
            platform: platform.as_str().to_string(),
        }
    }
}

/// The runtime's counters (cheap to clone: every family is shared).
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    /// Inbound events handled (messages, edits, reactions, buttons…).
    pub handled: Family<PlatformLabel, Counter>,
    /// Outbox items delivered.
    pub replies_sent: Family<PlatformLabel, Counter>,
    /// Failed delivery attempts and adapter failures.
    pub errors: Family<PlatformLabel, Counter>,
    /// 1 while the adapter's connection loop runs, 0 once it stopped.
    pub adapter_up: Family<PlatformLabel, Gauge>,
    /// 1 while this process stands by for a platform another process
    /// serves on the shared database (see `sharing`).
    pub adapter_standby: Family<PlatformLabel, Gauge>,
}

impl Metrics {
    /// Registers every counter in `registry` (under the `vores` prefix the
    /// registry was made with).
    pub fn register(&self, registry: &mut Registry) {
        registry.register(
            "messages_handled",
            "Inbound events handled, per platform",
            self.handled.clone(),
        );
        registry.register(
            "replies_sent",
            "Outgoing messages delivered, per platform",
            self.replies_sent.clone(),
        );
        registry.register(
            "errors",
            "Failed deliveries and adapter failures, per platform",
            self.errors.clone(),
        );
        registry.register(
            "adapter_up",
            "Whether the platform's adapter is running (1) or stopped (0)",
            self.adapter_up.clone(),
        );
        registry.register(
            "adapter_standby",
            "Whether this process stands by (1) for a platform another process serves",
            self.adapter_standby.clone(),
        );
    }

    /// Whether this process stands by for `platform` (another serves it).
    pub fn standing_by(&self, platform: Platform) -> bool {
        self.adapter_standby
            .get(&PlatformLabel::from(platform))
            .is_some_and(|g| g.get() > 0)
    }

    /// Which adapters this process runs, and whether each is up.
    pub fn adapters(&self) -> Vec<(Platform, bool)> {
        [
            Platform::Console,
            Platform::Matrix,
            Platform::Discord,
            Platform::Telegram,
        ]
        .into_iter()
        .filter_map(|p| {
            // `get` does not create the series: only adapters this process
            // started are listed.
            self.adapter_up
                .get(&PlatformLabel::from(p))
                .map(|g| (p, g.get() > 0))
        })
        .collect()
    }
}
