//! The event loop: adapters push inbound events, the engine decides, and
//! everything outgoing goes through the durable outbox, which each
//! platform's adapter drains.
//!
//! Replies are drained right after the event that caused them, so a console
//! session reads in order; anything a platform could not take (it is down,
//! rate-limited, or runs in another process) waits in the outbox and is
//! retried with backoff.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::{mpsc, watch};
use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;
use tracing::{Instrument, error, info, info_span, warn};

use crate::adapter::{Adapter, AdapterError, Inbound, Outgoing};
use crate::engine::{Action, Bot, Escalated, Situation};
use crate::lang::tr;
use crate::model::{ConversationRef, MessageRef, NewOutboxItem, Platform};
use crate::render::{Doc, render};

/// After this many failed attempts an outbox item is given up and reported.
const MAX_ATTEMPTS: u32 = 8;

/// How long stopping waits for queued messages to go out.
const FINAL_FLUSH: std::time::Duration = std::time::Duration::from_secs(15);

/// Runs every adapter and handles their events until all adapters have
/// stopped or `shutdown` is cancelled. Events are handled one at a time in
/// arrival order, so replies keep the order of the messages they answer.
/// With `schedule_digests`, each group's digest is queued on its schedule.
pub async fn run(
    bot: Arc<Bot>,
    adapters: Vec<Arc<dyn Adapter>>,
    schedule_digests: bool,
    shutdown: CancellationToken,
) -> Result<(), AdapterError> {
    let (tx, mut rx) = mpsc::channel::<Inbound>(256);
    let by_platform: HashMap<Platform, Arc<dyn Adapter>> =
        adapters.iter().map(|a| (a.platform(), a.clone())).collect();
    // Whether this process serves each platform: at once when alone, once
    // it holds the platform's lease when sharing the database.
    let serving: HashMap<Platform, Arc<watch::Sender<bool>>> = by_platform
        .keys()
        .map(|p| (*p, Arc::new(watch::Sender::new(false))))
        .collect();
    let mut tasks = JoinSet::new();
    for adapter in adapters {
        let tx = tx.clone();
        let shutdown = shutdown.clone();
        let serving = serving[&adapter.platform()].clone();
        let bot = bot.clone();
        tasks.spawn(async move {
            let platform = adapter.platform();
            let result = serve(&bot, adapter, tx, &serving, shutdown).await;
            (platform, result)
        });
    }
    drop(tx);
    let background = CancellationToken::new();
    let mut helpers = JoinSet::new();
    // Sending happens beside handling: a platform that makes us wait never
    // stops the bot from reading and answering the others. Whatever waits
    // from an earlier run goes out first (the outbox is first in, first out).
    for adapter in by_platform.values() {
        helpers.spawn(sender_loop(
            bot.clone(),
            adapter.clone(),
            serving[&adapter.platform()].subscribe(),
            background.clone(),
        ));
    }
    // Organisers are asked whether their regular activities still happen:
    // once at start, and every hour while scheduling.
    helpers.spawn(series_check_loop(
        bot.clone(),
        by_platform.clone(),
        background.clone(),
        schedule_digests,
    ));
    if schedule_digests {
        for group in 0..bot.community().groups.len() {
            helpers.spawn(digest_loop(
                bot.clone(),
                group,
                by_platform.clone(),
                background.clone(),
            ));
        }
    }
    loop {
        tokio::select! {
            event = rx.recv() => match event {
                Some(event) => {
                    let span = info_span!("inbound", platform = %event.platform(), conversation = %event.conversation().id);
                    handle_one(&bot, &by_platform, event).instrument(span).await;
                }
                // Every adapter has stopped (the console reached end of input).
                None => break,
            },
            () = shutdown.cancelled() => break,
        }
    }
    shutdown.cancel();
    // What was answered goes out before we stop (the console at end of
    // input); a platform that keeps us waiting keeps the rest in the outbox
    // for the next start.
    for adapter in by_platform.values() {
        if !*serving[&adapter.platform()].borrow() {
            continue;
        }
        let flushed = tokio::time::timeout(FINAL_FLUSH, drain(&bot, adapter.as_ref())).await;
        if flushed.is_err() {
            warn!(platform = %adapter.platform(), "stopping with messages still queued; they are sent at the next start");
        }
    }
    background.cancel();
    // A sender in the middle of a send finishes it (so it is recorded),
    // within reason.
    let stopped = tokio::time::timeout(FINAL_FLUSH, async {
        while helpers.join_next().await.is_some() {}
    })
    .await;
    if stopped.is_err() {
        helpers.abort_all();
    }
    let mut first_error = None;
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok((platform, Ok(()))) => info!(%platform, "adapter stopped"),
            Ok((platform, Err(e))) => {
                error!(%platform, error = %e, "adapter failed");
                bot.metrics.errors.get_or_create(&platform.into()).inc();
                first_error.get_or_insert(e);
            }
            Err(e) => error!(error = %e, "adapter task panicked"),
        }
    }
    // Every adapter has stopped reading: another process takes over at
    // once, not when the leases run out.
    if let Some(sharing) = &bot.sharing
        && let Err(e) = bot.store().release_holder(sharing.holder()).await
    {
        warn!(error = %e, "could not hand the platforms over; another process takes them over when the leases run out");
    }
    match first_error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Runs one adapter until it stops or `shutdown` is cancelled. When the
/// database is shared, first waits for the platform's lease (standing by
/// while another process serves it), and stops the whole process if the
/// lease is lost: two processes must never serve one platform.
async fn serve(
    bot: &Bot,
    adapter: Arc<dyn Adapter>,
    tx: mpsc::Sender<Inbound>,
    serving: &watch::Sender<bool>,
    shutdown: CancellationToken,
) -> Result<(), AdapterError> {
    let platform = adapter.platform();
    let up = bot
        .metrics
        .adapter_up
        .get_or_create(&platform.into())
        .clone();
    let Some(sharing) = &bot.sharing else {
        up.set(1);
        serving.send_replace(true);
        let result = adapter.run(tx, shutdown).await;
        up.set(0);
        return result;
    };
    let lease = crate::sharing::platform_lease(platform);
    let standby = bot
        .metrics
        .adapter_standby
        .get_or_create(&platform.into())
        .clone();
    standby.set(1);
    let held = crate::sharing::hold(bot.store(), sharing, &lease, &shutdown).await;
    standby.set(0);
    let Some(held) = held else {
        return Ok(());
    };
    up.set(1);
    serving.send_replace(true);
    let lost = held.lost();
    let stop_when_lost = async {
        tokio::select! {
            () = lost.cancelled() => shutdown.cancel(),
            () = shutdown.cancelled() => {}
        }
    };
    let (result, ()) = tokio::join!(adapter.run(tx, shutdown.clone()), stop_when_lost);
    up.set(0);
    if lost.is_cancelled() || !shutdown.is_cancelled() {
        // Lost, or stopped by itself while the process goes on: another
        // process sends from now on (after a clean stop the final flush
        // still sends, under the lease the end of `run` releases).
        serving.send_replace(false);
    }
    if !lost.is_cancelled() && !shutdown.is_cancelled() {
        drop(held);
        let (now, _) = sharing.span_from_now();
        // Ends the lease now, so a standby takes the platform over.
        if let Err(e) = bot
            .store()
            .take_lease(&lease, sharing.holder(), now, now)
            .await
        {
            warn!(%platform, error = %e, "could not hand the platform over; a standby takes it when the lease runs out");
        }
    }
    if lost.is_cancelled() {
        return Err(AdapterError::Unavailable {
            platform,
            detail: format!(
                "this process lost the lease {lease} (another process serves {platform} now, or the database could not be reached to renew it); it stopped so that one process serves each platform. Start it again: it stands by until the platform is free"
            ),
        });
    }
    result
}

async fn handle_one(bot: &Bot, adapters: &HashMap<Platform, Arc<dyn Adapter>>, event: Inbound) {
    let Some(adapter) = adapters.get(&event.platform()) else {
        warn!("event from a platform without an adapter");
        return;
    };
    let conversation = event.conversation().clone();
    let sender = match &event {
        Inbound::Message(m) => Some(&m.author.user),
        Inbound::Edited { author, .. }
        | Inbound::Reaction { author, .. }
        | Inbound::Button { author, .. } => Some(&author.user),
        Inbound::MemberJoined { member, .. } => Some(&member.user),
        Inbound::Deleted { .. } => None,
    };
    let community = bot.community();
    // Platform rights count only in conversations the config names: an
    // admin of some other Telegram group or Discord server the bot was added
    // to is nobody's admin here.
    let configured = community.channel(&conversation).is_some();
    let sender_is_admin = match sender {
        Some(user) if community.configured_admin(&conversation, user) => true,
        Some(user) if configured => adapter.is_admin(&conversation, user).await.unwrap_or_else(|e| {
            warn!(error = %e, "could not ask the platform about admin rights; treating as resident");
            false
        }),
        Some(_) | None => false,
    };
    let situation = Situation {
        channel_language: community.language_of(&conversation),
        sender_is_admin,
        group: community.group_index(&conversation),
        can_delete: adapter.capabilities().deletes,
    };
    let source = event.source_key();
    bot.metrics
        .handled
        .get_or_create(&event.platform().into())
        .inc();
    crate::crashpoint::reached("core:received");
    match handle_in_one_transaction(bot, &event, &situation).await {
        Ok((items, direct)) => {
            // Committed: the answers wait in the outbox, the platform has
            // not been told we are done.
            crate::crashpoint::reached("core:committed");
            let touched = items.iter().map(|i| i.conversation.platform).collect();
            carry_out(bot, adapters, direct, touched).await;
        }
        Err(e) => {
            // Nothing was kept, so no answer that says it was: the resident
            // is told to try again (queued if the database takes that, else
            // sent directly).
            bot.storage.fails("handle a message", &e);
            perform(
                bot,
                adapters,
                Some(&source),
                Bot::apology(&event, &situation),
            )
            .await;
        }
    }
    adapter.acknowledge(&event).await;
}

/// Handles one inbound event as one unit of work: the handled marker, every
/// decision written and the answers queued in the outbox are one
/// transaction, committed once. A crash before the commit leaves no trace
/// (the platform delivers the event again); a crash after it leaves
/// everything, the answers waiting in the outbox included. Returns what was
/// queued and the actions to carry out on the platform (deletes, mutes),
/// which only happen once the decision is durable.
pub async fn handle_in_one_transaction(
    bot: &Bot,
    event: &Inbound,
    situation: &Situation,
) -> Result<(Vec<NewOutboxItem>, Vec<Action>), crate::store::StoreError> {
    let source = event.source_key();
    let handled = bot
        .unit_of_work(async {
            let (items, direct) = outbox_items(Some(&source), bot.handle(event, situation).await);
            let (store, now) = (bot.store(), bot.now());
            for item in &items {
                if let Err(e) = store.enqueue(item, now).await {
                    bot.storage.fails("queue a message", &e);
                    bot.unit_failed();
                    break;
                }
            }
            (items, direct)
        })
        .await?;
    bot.storage.works();
    Ok(handled)
}

/// Carries out the engine's actions outside a unit of work (schedules, a
/// fallback): each message queued on its own, the rest directly on the
/// platform.
pub async fn perform(
    bot: &Bot,
    adapters: &HashMap<Platform, Arc<dyn Adapter>>,
    source: Option<&str>,
    actions: Vec<Action>,
) {
    let now = bot.now();
    let (items, direct) = outbox_items(source, actions);
    for item in &items {
        if item.private_to.is_some() {
            enqueue(bot, item, now).await;
        } else {
            enqueue_or_send(bot, adapters, item, now).await;
        }
    }
    let touched = items.iter().map(|i| i.conversation.platform).collect();
    carry_out(bot, adapters, direct, touched).await;
}

/// The actions that are messages, as outbox items, and the others.
///
/// `source` names the inbound event the actions answer; a reply is queued
/// under it, so the same event handled again after a crash (before it was
/// marked handled) is answered once, while a second press of the same
/// button, being another event, is answered again.
fn outbox_items(source: Option<&str>, actions: Vec<Action>) -> (Vec<NewOutboxItem>, Vec<Action>) {
    let mut items = Vec::new();
    let mut direct = Vec::new();
    for (index, action) in actions.into_iter().enumerate() {
        match action {
            Action::Reply {
                conversation,
                reply_to,
                thread,
                doc,
            } => items.push(NewOutboxItem {
                conversation,
                reply_to: reply_to.map(|m| m.id),
                thread,
                doc,
                dedupe_key: source.map(|source| format!("reply:{source}:{index}")),
                private_to: None,
            }),
            Action::Send {
                conversation,
                reply_to,
                doc,
                dedupe_key,
            } => items.push(NewOutboxItem {
                conversation,
                reply_to: reply_to.map(|m| m.id),
                thread: None,
                doc,
                dedupe_key,
                private_to: None,
            }),
            // Through the outbox like every message: recorded, so a crash
            // neither loses nor repeats it, and sent part by part within the
            // platform's length.
            Action::Private {
                user,
                conversation,
                doc,
            } => items.push(NewOutboxItem {
                conversation,
                reply_to: None,
                thread: None,
                doc,
                dedupe_key: source.map(|source| format!("private:{source}:{index}")),
                private_to: Some(user.id),
            }),
            other => direct.push(other),
        }
    }
    (items, direct)
}

/// Deletes, mutes and bans on the platform (after the unit of work that
/// decided them is committed), then wakes the senders of `touched`.
async fn carry_out(
    bot: &Bot,
    adapters: &HashMap<Platform, Arc<dyn Adapter>>,
    direct: Vec<Action>,
    mut touched: Vec<Platform>,
) {
    for action in direct {
        match action {
            Action::Delete {
                message,
                author_name,
                rule,
            } => {
                let Some(adapter) = adapters.get(&message.conversation.platform) else {
                    continue;
                };
                if let Err(e) = adapter.delete(&message).await {
                    tell_admins_cannot(bot, &message, &author_name, &rule, "delete", &e).await;
                    touched.push(message.conversation.platform);
                }
            }
            Action::Mute {
                conversation,
                user,
                minutes,
                why,
            } => {
                let Some(adapter) = adapters.get(&conversation.platform) else {
                    continue;
                };
                let done = adapter.mute(&conversation, &user, minutes).await;
                escalation_outcome(bot, &conversation, "mute", done, why).await;
                touched.push(conversation.platform);
            }
            Action::Ban {
                conversation,
                user,
                why,
            } => {
                let Some(adapter) = adapters.get(&conversation.platform) else {
                    continue;
                };
                let done = adapter.ban(&conversation, &user).await;
                escalation_outcome(bot, &conversation, "ban", done, why).await;
                touched.push(conversation.platform);
            }
            Action::Reply { .. } | Action::Send { .. } | Action::Private { .. } => {
                unreachable!("outbox_items takes every message")
            }
        }
    }
    touched.sort();
    touched.dedup();
    for platform in touched {
        bot.outbox_wake(platform).notify_one();
    }
}

/// Queues a message. When the database cannot take it (a full disk, a
/// read-only file), the message is sent at once instead: the resident is
/// told rather than left in silence (for a failed turn that is the plain
/// "try again later"), at the price of no record, so no retry either.
async fn enqueue_or_send(
    bot: &Bot,
    adapters: &HashMap<Platform, Arc<dyn Adapter>>,
    item: &NewOutboxItem,
    now: DateTime<Utc>,
) {
    match bot.store().enqueue(item, now).await {
        Ok(_) => bot.storage.works(),
        Err(e) => {
            bot.storage.fails("queue a message", &e);
            let Some(adapter) = adapters.get(&item.conversation.platform) else {
                return;
            };
            for (index, text) in render(&item.doc, &adapter.capabilities())
                .into_iter()
                .enumerate()
            {
                let outgoing = part(
                    &item.conversation,
                    item.reply_to.as_ref(),
                    item.thread.as_ref(),
                    index,
                    text,
                );
                if let Err(e) = adapter.send(outgoing).await {
                    warn!(error = %e, "could not send a message that could not be queued either");
                    return;
                }
            }
        }
    }
}

/// Part `index` of a rendered message: only the first answers `reply_to`.
/// No idempotency key and no buttons; the outbox adds those.
fn part(
    conversation: &ConversationRef,
    reply_to: Option<&String>,
    thread: Option<&String>,
    index: usize,
    text: String,
) -> Outgoing {
    Outgoing {
        conversation: conversation.clone(),
        text,
        reply_to: reply_to.filter(|_| index == 0).map(|id| MessageRef {
            conversation: conversation.clone(),
            id: id.clone(),
        }),
        thread: thread.cloned(),
        idempotency_key: None,
        buttons: Vec::new(),
    }
}

/// Queues a notice; when the database cannot take it, the failure is
/// logged (once per spell, see [`StorageHealth`]).
async fn enqueue(bot: &Bot, item: &NewOutboxItem, now: DateTime<Utc>) {
    match bot.store().enqueue(item, now).await {
        Ok(_) => bot.storage.works(),
        Err(e) => bot.storage.fails("queue a message", &e),
    }
}

/// Whether the database is failing. The first failure of a spell is an
/// error in the log, the rest are debug lines, and the recovery is logged
/// once: a full disk must not write tens of thousands of lines.
#[derive(Default)]
pub struct StorageHealth {
    failing: std::sync::atomic::AtomicBool,
    /// Outbox items delivered while their delivery could not be recorded:
    /// never sent again by this process, recorded once the database works.
    delivered_unrecorded: std::sync::Mutex<Vec<i64>>,
}

impl StorageHealth {
    pub fn fails(&self, what: &str, e: &dyn std::fmt::Display) {
        use std::sync::atomic::Ordering;
        if self.failing.swap(true, Ordering::SeqCst) {
            tracing::debug!(error = %e, "still cannot {what}");
        } else {
            error!(error = %e, "the database fails: cannot {what}; retrying quietly until it works again (check the disk space and that the file and its directory are writable)");
        }
    }

    pub fn works(&self) {
        use std::sync::atomic::Ordering;
        if self.failing.swap(false, Ordering::SeqCst) {
            info!("the database works again");
        }
    }

    fn unrecorded(&self) -> Vec<i64> {
        self.delivered_unrecorded
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn set_unrecorded(&self, ids: Vec<i64>) {
        *self
            .delivered_unrecorded
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = ids;
    }
}

/// When the platform will not let us remove a message, the admins are told
/// in the conversation, so the rule is never silently not enforced.
async fn tell_admins_cannot(
    bot: &Bot,
    message: &MessageRef,
    name: &str,
    rule: &str,
    what: &str,
    e: &AdapterError,
) {
    match e {
        // Expected where the platform has no such thing (the console):
        // the admins are told below, which is all there is to do.
        AdapterError::Unsupported { .. } => info!(error = %e, "could not {what} a message"),
        _ => warn!(error = %e, "could not {what} a message"),
    }
    let lang = bot.community().language_of(&message.conversation);
    let doc = Doc::new().para(tr(
        lang,
        "cannot_enforce",
        &[
            ("name", name),
            ("rule", &crate::lang::name_of(lang, "log_rule", rule)),
            ("what", &crate::lang::name_of(lang, "cannot", what)),
        ],
    ));
    let item = NewOutboxItem {
        conversation: message.conversation.clone(),
        reply_to: None,
        thread: None,
        doc,
        dedupe_key: Some(format!(
            "cannot:{what}:{}:{}",
            message.conversation.id, message.id
        )),
        private_to: None,
    };
    enqueue(bot, &item, bot.now()).await;
}

/// Announces a mute or ban the platform carried out, or tells the admins
/// it could not be done.
async fn escalation_outcome(
    bot: &Bot,
    conversation: &ConversationRef,
    what: &str,
    done: Result<(), AdapterError>,
    why: Escalated,
) {
    match done {
        Ok(()) => {
            let item = NewOutboxItem {
                conversation: conversation.clone(),
                reply_to: None,
                thread: None,
                doc: why.notice,
                dedupe_key: Some(why.notice_key),
                private_to: None,
            };
            enqueue(bot, &item, bot.now()).await;
        }
        Err(e) => {
            tell_admins_cannot(bot, &why.message, &why.author_name, &why.rule, what, &e).await;
        }
    }
}

/// Tells the admins, in another channel of the same group, that a channel
/// could not be reached, so a missing digest never goes unnoticed.
async fn report_given_up(
    bot: &Bot,
    failed: &crate::model::ConversationRef,
    item: i64,
    e: &AdapterError,
) {
    let community = bot.community();
    let group = community.group_of(failed);
    let Some(other) = group.channels.iter().find(|c| &c.conversation != failed) else {
        return;
    };
    let name = community
        .channel(failed)
        .map_or_else(|| failed.id.clone(), |c| c.name.clone());
    let doc = Doc::new().para(tr(
        other.language,
        "delivery_failed",
        &[("channel", &name), ("error", &e.to_string())],
    ));
    let notice = NewOutboxItem {
        conversation: other.conversation.clone(),
        reply_to: None,
        thread: None,
        doc,
        dedupe_key: Some(format!("given-up:{item}")),
        private_to: None,
    };
    enqueue(bot, &notice, bot.now()).await;
}

/// Delivers what is due in the outbox for one adapter's platform.
pub async fn drain(bot: &Bot, adapter: &dyn Adapter) -> usize {
    let lock = bot.drain_lock(adapter.platform());
    let _one_at_a_time = lock.lock().await;
    let store = bot.store();
    let platform = adapter.platform();
    let caps = adapter.capabilities();
    let mut delivered = 0;
    // Deliveries the database could not take earlier: recorded first, and
    // never sent again meanwhile.
    let mut unrecorded = Vec::new();
    for id in bot.storage.unrecorded() {
        match store.outbox_done(id, bot.now()).await {
            Ok(()) => bot.storage.works(),
            Err(_) => unrecorded.push(id),
        }
    }
    // Page by page: items this process cannot deliver (the console's notes
    // for another person) stay queued and must not hide the ones behind them.
    let mut items = Vec::new();
    let mut after = 0;
    loop {
        let page = match store.due_outbox(platform, bot.now(), after, 100).await {
            Ok(page) => page,
            Err(e) => {
                bot.storage.fails("read the outbox", &e);
                bot.storage.set_unrecorded(unrecorded);
                return 0;
            }
        };
        let last_page = page.len() < 100;
        after = page.last().map_or(after, |item| item.id);
        items.extend(page.into_iter().filter(|item| {
            !unrecorded.contains(&item.id)
                && adapter.delivers(item.reply_to.as_deref(), item.private_to.as_deref())
        }));
        if last_page || items.len() >= 100 {
            break;
        }
    }
    'items: for item in items {
        let parts = render(&item.doc, &caps);
        let mut failed = None;
        for (index, text) in parts.iter().enumerate().skip(item.parts_sent as usize) {
            // Claimed (again, to extend the claim) before every part: an
            // item another process claimed is its to send.
            if !claimed(bot, item.id).await {
                continue 'items;
            }
            let outgoing = Outgoing {
                idempotency_key: Some(format!("vores-{}-{index}", item.id)),
                buttons: if index + 1 == parts.len() {
                    item.doc.buttons.clone()
                } else {
                    Vec::new()
                },
                ..part(
                    &item.conversation,
                    item.reply_to.as_ref(),
                    item.thread.as_ref(),
                    index,
                    text.clone(),
                )
            };
            let result = match &item.private_to {
                Some(user) => {
                    let user = crate::model::UserRef {
                        platform,
                        id: user.clone(),
                    };
                    adapter
                        .send_private(&user, &item.conversation, &outgoing.text, &outgoing.buttons)
                        .await
                        .map(|()| MessageRef {
                            conversation: item.conversation.clone(),
                            id: format!("private:{}:{index}", item.id),
                        })
                }
                None => adapter.send(outgoing).await,
            };
            match result {
                Ok(sent) => {
                    // Posted, not yet recorded: the next start sends it
                    // again with the same idempotency key.
                    crate::crashpoint::reached("core:sent");
                    if let Err(e) = store
                        .outbox_part_sent(item.id, index as u32 + 1, &sent.id)
                        .await
                    {
                        bot.storage.fails("record a delivered part", &e);
                    }
                }
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        // Files follow the text, each counted as one more part, so a crash
        // between them sends only what is missing.
        if failed.is_none() {
            for (n, file) in item.doc.files.iter().enumerate() {
                let index = parts.len() + n;
                if index < item.parts_sent as usize {
                    continue;
                }
                if !claimed(bot, item.id).await {
                    continue 'items;
                }
                let user = item.private_to.as_ref().map(|id| crate::model::UserRef {
                    platform,
                    id: id.clone(),
                });
                match adapter
                    .send_file(&item.conversation, user.as_ref(), file)
                    .await
                {
                    Ok(()) | Err(AdapterError::Unsupported { .. }) => {
                        crate::crashpoint::reached("core:sent");
                        let marker = format!("file:{}:{index}", item.id);
                        if let Err(e) = store
                            .outbox_part_sent(item.id, index as u32 + 1, &marker)
                            .await
                        {
                            bot.storage.fails("record a delivered part", &e);
                        }
                    }
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
            }
        }
        match failed {
            None => match store.outbox_done(item.id, bot.now()).await {
                Ok(()) => {
                    bot.storage.works();
                    delivered += 1;
                    bot.metrics
                        .replies_sent
                        .get_or_create(&platform.into())
                        .inc();
                }
                Err(e) => {
                    // Not counted: the sender must not spin on an item it
                    // cannot mark as sent.
                    bot.storage.fails("record a delivery", &e);
                    unrecorded.push(item.id);
                }
            },
            // A private note the person does not accept (private messages
            // blocked, never talked to the bot) is logged and dropped, never
            // posted publicly and never reported to the channel.
            Some(e @ AdapterError::Refused { .. }) if item.private_to.is_some() => {
                warn!(error = %e, item = item.id, "private note not delivered: the person does not accept private messages from the bot");
                if let Err(e) = store.outbox_failed(item.id, &e.to_string(), None).await {
                    bot.storage.fails("record a failed delivery", &e);
                }
                // A subscriber the platform will not let us write to is not
                // tried again every week: the subscription ends, once.
                if let (Some(user), Some(true)) = (
                    &item.private_to,
                    item.dedupe_key
                        .as_deref()
                        .map(|k| k.starts_with("subscription:") || k.starts_with("daily:")),
                ) {
                    let user = crate::model::UserRef {
                        platform: item.conversation.platform,
                        id: user.clone(),
                    };
                    match store.unsubscribe(&user).await {
                        Ok(_) => warn!(
                            item = item.id,
                            "subscription ended: the platform does not let the bot write to this person privately"
                        ),
                        Err(e) => bot.storage.fails("end a subscription", &e),
                    }
                }
            }
            Some(e) => {
                bot.metrics.errors.get_or_create(&platform.into()).inc();
                let attempts = item.attempts + 1;
                let retry_at = (attempts < MAX_ATTEMPTS).then(|| bot.now() + backoff(attempts));
                if retry_at.is_none() {
                    error!(item = item.id, conversation = %item.conversation.id, error = %e, "giving up on a message after {attempts} attempts");
                    report_given_up(bot, &item.conversation, item.id, &e).await;
                } else {
                    warn!(item = item.id, conversation = %item.conversation.id, error = %e, attempts, "delivery failed; will retry");
                }
                if let Err(e) = store.outbox_failed(item.id, &e.to_string(), retry_at).await {
                    bot.storage.fails("record a failed delivery", &e);
                }
            }
        }
    }
    bot.storage.set_unrecorded(unrecorded);
    edit_posted(bot, adapter, &caps).await;
    delivered
}

/// Changes messages already posted on this platform whose text changed in
/// the outbox (an erased person's name taken out of a digest), where the
/// platform allows edits. A platform that is down gets them at a later
/// round; one that cannot edit (the console, a message too old) is
/// logged and left.
async fn edit_posted(bot: &Bot, adapter: &dyn Adapter, caps: &crate::Capabilities) {
    let store = bot.store();
    let edits = match store.posted_edits(adapter.platform(), 20).await {
        Ok(edits) => edits,
        Err(e) => {
            bot.storage.fails("read the posted messages to edit", &e);
            return;
        }
    };
    for (item, message_id) in edits {
        let parts = render(&item.doc, caps);
        let message = MessageRef {
            conversation: item.conversation.clone(),
            id: message_id,
        };
        let result = match parts.as_slice() {
            [text] => adapter.edit(&message, text).await,
            _ => Err(AdapterError::Unsupported {
                platform: adapter.platform(),
                what: "edit a message that is now a different number of parts",
            }),
        };
        match result {
            Err(AdapterError::Unavailable { .. }) => continue,
            Ok(()) => info!(
                item = item.id,
                "posted message edited: a name was taken out"
            ),
            Err(e) => {
                warn!(item = item.id, error = %e, "a posted message that names an erased person could not be edited; remove it on the platform by hand");
            }
        }
        if let Err(e) = store.posted_edit_done(item.id).await {
            bot.storage.fails("record an edited message", &e);
        }
    }
}

/// Whether this process may send outbox item `id` now: always when alone;
/// when sharing the database, once it holds (or extended) the item's claim.
async fn claimed(bot: &Bot, id: i64) -> bool {
    let Some(sharing) = &bot.sharing else {
        return true;
    };
    let (now, until) = sharing.span_from_now();
    match bot
        .store()
        .claim_outbox(id, sharing.holder(), now, until)
        .await
    {
        Ok(true) => true,
        Ok(false) => {
            info!(
                item = id,
                "another process is sending this message; leaving it to that process"
            );
            false
        }
        Err(e) => {
            bot.storage.fails("claim a message to send", &e);
            false
        }
    }
}

/// 5 s, 10 s, 20 s, … up to an hour.
pub fn backoff(attempts: u32) -> chrono::Duration {
    let seconds = 5i64.saturating_mul(1i64 << attempts.min(10));
    chrono::Duration::seconds(seconds.min(3600))
}

/// Sends what is queued for one platform: when woken, and every few
/// seconds for retries that have come due.
async fn sender_loop(
    bot: Arc<Bot>,
    adapter: Arc<dyn Adapter>,
    mut serving: watch::Receiver<bool>,
    stop: CancellationToken,
) {
    // A standby sends nothing until it serves the platform.
    tokio::select! {
        served = serving.wait_for(|serving| *serving) => if served.is_err() { return },
        () = stop.cancelled() => return,
    }
    let wake = bot.outbox_wake(adapter.platform());
    // Until it no longer serves the platform (its lease was lost or its
    // adapter stopped; another process sends from then on).
    while *serving.borrow() {
        // Again while it delivers: more may have been queued meanwhile, or
        // more were due than one drain takes.
        while *serving.borrow() && drain(&bot, adapter.as_ref()).await > 0 {}
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(std::time::Duration::from_secs(5)) => {}
            changed = serving.changed() => if changed.is_err() { return },
            () = stop.cancelled() => return,
        }
    }
}

/// Queues the group's digest at each scheduled time, and once at start if a
/// scheduled time passed while the bot was down (within six hours).
async fn digest_loop(
    bot: Arc<Bot>,
    group: usize,
    adapters: HashMap<Platform, Arc<dyn Adapter>>,
    stop: CancellationToken,
) {
    let name = bot.community().groups[group].name.clone();
    let latest = bot.latest_period(group, bot.now());
    let last_done = bot.store().last_digest_period(&name).await.ok().flatten();
    if last_done.is_none_or(|done| done < latest) && bot.now() - latest < chrono::Duration::hours(6)
    {
        queue_and_wake(&bot, group, latest, &adapters).await;
    }
    loop {
        let Some(next) = bot.next_period(group, bot.now()) else {
            return;
        };
        let wait = (next - bot.now()).to_std().unwrap_or_default();
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = stop.cancelled() => return,
        }
        queue_and_wake(&bot, group, next, &adapters).await;
    }
}

/// How often the "does it still happen?" check runs.
const SERIES_CHECK_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

async fn series_check_loop(
    bot: Arc<Bot>,
    adapters: HashMap<Platform, Arc<dyn Adapter>>,
    stop: CancellationToken,
    repeat: bool,
) {
    loop {
        if checks_series_now(&bot).await {
            match bot.check_series().await {
                Ok(actions) => perform(&bot, &adapters, None, actions).await,
                Err(e) => error!(error = %e, "could not check the regular activities"),
            }
            // Daily subscribers' news: from the morning on, once a day each.
            match bot.queue_daily_news().await {
                Ok(queued) if queued.queued > 0 => {
                    for platform in adapters.keys() {
                        bot.outbox_wake(*platform).notify_one();
                    }
                }
                Ok(_) => {}
                Err(e) => {
                    error!(error = %e, "could not queue the daily news; tried again in an hour")
                }
            }
            // Retention rides on the same hourly round: what is kept only
            // for a while goes once it is older than the retention period.
            let days = bot.settings().retention_days;
            let before = bot.now() - chrono::Duration::days(i64::from(days));
            match bot.store().prune(before).await {
                Ok(0) => {}
                Ok(gone) => info!(rows = gone, days, "pruned what is kept only for a while"),
                Err(e) => warn!(error = %e, "could not prune old rows; tried again in an hour"),
            }
        }
        if !repeat {
            return;
        }
        tokio::select! {
            () = tokio::time::sleep(SERIES_CHECK_EVERY) => {}
            () = stop.cancelled() => return,
        }
    }
}

/// Whether this process runs this round of the "does it still happen?"
/// check: always when alone; when sharing the database, only the process
/// that takes the round's lease, so organisers are asked once.
async fn checks_series_now(bot: &Bot) -> bool {
    let Some(sharing) = &bot.sharing else {
        return true;
    };
    let (now, _) = sharing.span_from_now();
    // Held for most of the hour: the others' rounds in it are skipped, and
    // the next hour's round is anybody's.
    let until = now + chrono::Duration::minutes(50);
    match bot
        .store()
        .take_lease("schedule:series-check", sharing.holder(), now, until)
        .await
    {
        Ok(None) => true,
        Ok(Some(_)) => false,
        Err(e) => {
            warn!(error = %e, "cannot take this round of the regular-activity check; another process may do it");
            false
        }
    }
}

async fn queue_and_wake(
    bot: &Bot,
    group: usize,
    period: DateTime<Utc>,
    adapters: &HashMap<Platform, Arc<dyn Adapter>>,
) {
    if let Err(e) = bot.queue_digest(group, period).await {
        error!(error = %e, "could not queue the digest");
        return;
    }
    for platform in adapters.keys() {
        bot.outbox_wake(*platform).notify_one();
    }
}
