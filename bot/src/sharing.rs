//! Several `vores run` processes on one PostgreSQL database.
//!
//! Each platform is served by exactly one process at a time: the one holding
//! the lease `platform:NAME` reads the platform's messages (so its cursor has
//! one owner) and drains its outbox. The holder renews the lease every third
//! of its length; a process that dies stops renewing, and a standby takes
//! the platform over when the lease runs out — the handover is bounded by
//! one lease length. A process that cannot renew in time (the database was
//! unreachable, the process stalled) may have been replaced, so it stops
//! instead of serving on beside its successor.
//!
//! Outbox items are claimed one by one before sending (see
//! [`crate::runtime::drain`]), so even a stalled former holder and its
//! successor never send the same item; the claim is extended before each
//! part and runs out with the same length as the lease.
//!
//! Digests need no lease: each channel's copy has its own dedupe key in the
//! outbox, so two processes queuing the same digest queue it once.
//!
//! Leases and claims are measured on the real clock handed in (never the
//! bot's clock, which tests fix, or the lease would never run out): the
//! processes' machines must keep time (NTP), within a small part of the
//! lease length.
//!
//! SQLite needs none of this: one process serves a SQLite file, enforced by
//! the storage's serving lock.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio_util::sync::CancellationToken;
use tracing::{error, info, warn};

use crate::clock::Clock;
use crate::model::Platform;
use crate::store::Store;

/// How this process shares the database with others.
#[derive(Clone)]
pub struct Sharing {
    /// Names this process in leases and claims: host, process id and a
    /// random part, so a restarted process is a new holder.
    holder: String,
    /// How long a lease or claim lasts without renewal: the longest a
    /// platform stays unserved after its process died.
    lease: Duration,
    /// The real time, shared by every process (see the module's note).
    clock: Arc<dyn Clock>,
}

impl Sharing {
    /// A new holder name for this process; `clock` is the real time.
    pub fn for_this_process(lease: Duration, clock: Arc<dyn Clock>) -> Sharing {
        let host = hostname();
        let random: u32 = rand_part();
        Sharing {
            holder: format!("{host}:{}:{random:08x}", std::process::id()),
            lease,
            clock,
        }
    }

    pub fn holder(&self) -> &str {
        &self.holder
    }

    pub fn lease(&self) -> Duration {
        self.lease
    }

    /// The wall-clock time now and when a lease or claim taken now ends.
    pub(crate) fn span_from_now(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let now = self.clock.now();
        let lease = chrono::Duration::from_std(self.lease).unwrap_or(chrono::Duration::seconds(30));
        (now, now + lease)
    }
}

fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "host".to_string())
}

/// Enough randomness to tell apart two processes that got the same process
/// id on the same host name (containers).
fn rand_part() -> u32 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.finish() as u32
}

/// The lease that lets a process serve `platform`.
pub fn platform_lease(platform: Platform) -> String {
    format!("platform:{platform}")
}

/// A lease this process holds, renewed in the background until it is
/// dropped, `stop` is cancelled, or it is lost (then [`Held::lost`] is
/// cancelled).
pub struct Held {
    lost: CancellationToken,
    renewer: tokio::task::JoinHandle<()>,
}

impl Held {
    /// Cancelled when the lease could not be kept: stop serving.
    pub fn lost(&self) -> CancellationToken {
        self.lost.clone()
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.renewer.abort();
    }
}

/// Waits until this process holds lease `name`, then keeps it. `None` when
/// `stop` is cancelled first. Says once who holds it meanwhile.
pub async fn hold(
    store: Arc<dyn Store>,
    sharing: &Sharing,
    name: &str,
    stop: &CancellationToken,
) -> Option<Held> {
    // Often, so a clean stop next door is taken over at once; the lease's
    // own length bounds a takeover after a crash.
    let retry = (sharing.lease / 3).min(Duration::from_secs(1));
    let mut told = false;
    loop {
        let (now, until) = sharing.span_from_now();
        match store.take_lease(name, &sharing.holder, now, until).await {
            Ok(None) => break,
            Ok(Some((other, until))) => {
                if !told {
                    info!(lease = name, holder = %other, until = %until, "another process serves this; standing by to take over if it stops");
                    told = true;
                }
            }
            Err(e) => warn!(lease = name, error = %e, "cannot read the lease; trying again"),
        }
        tokio::select! {
            () = tokio::time::sleep(retry) => {}
            () = stop.cancelled() => return None,
        }
    }
    info!(lease = name, holder = %sharing.holder, "taken: this process serves it now");
    let lost = CancellationToken::new();
    let renewer = tokio::spawn(renew(
        store,
        sharing.clone(),
        name.to_string(),
        lost.clone(),
    ));
    Some(Held { lost, renewer })
}

/// Renews every third of the lease; gives up (cancels `lost`) when another
/// holder has it, or when a renewal could no longer succeed before the
/// lease may run out. The lease is counted from just before the renewal
/// that wrote it, less a second (its end is stored in whole seconds) and a
/// margin; every attempt is bounded, and a failed one is retried sooner.
/// So this process stops serving before a standby can take over, never
/// beside it.
async fn renew(store: Arc<dyn Store>, sharing: Sharing, name: String, lost: CancellationToken) {
    let every = sharing.lease / 3;
    let attempt_limit = every / 2;
    let margin = Duration::from_secs(1) + every / 3;
    let mut renewed_at = tokio::time::Instant::now();
    let mut wait = every;
    loop {
        tokio::time::sleep(wait).await;
        let started = tokio::time::Instant::now();
        if started + attempt_limit >= renewed_at + sharing.lease - margin {
            error!(lease = %name, "cannot renew the lease before it runs out (the database does not answer in time); stopping here so that a standby can take over");
            lost.cancel();
            return;
        }
        let (now, until) = sharing.span_from_now();
        let attempt = tokio::time::timeout(
            attempt_limit,
            store.take_lease(&name, &sharing.holder, now, until),
        )
        .await;
        wait = every / 4;
        match attempt {
            Ok(Ok(None)) => {
                renewed_at = started;
                wait = every;
            }
            Ok(Ok(Some((other, _)))) => {
                error!(lease = %name, holder = %other, "another process took over this lease; stopping here so that only one serves it");
                lost.cancel();
                return;
            }
            Ok(Err(e)) => warn!(lease = %name, error = %e, "cannot renew the lease; trying again"),
            Err(_) => warn!(lease = %name, "renewing the lease took too long; trying again"),
        }
    }
}
