//! `vores doctor` for Discord: asks Discord's REST API whether the token
//! works (`GET /users/@me`), whether the application may use the privileged
//! intents Vores asks for (the application's flags from
//! `GET /applications/@me`), whether the slash commands are registered, and
//! what the bot may do in each configured channel — computed as Discord
//! does from the guild's roles and the channel's permission overwrites.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use serde_json::Value;
use vores_bot::doctor::Check;

use crate::commands;
use crate::{DISCORD_API, Rest, id_of};

/// Application flags (Discord's "Application Object"): the verified
/// intents of a bot in 100 or more servers, and the ones switched on in the
/// developer portal for a bot in fewer.
const GATEWAY_GUILD_MEMBERS: u64 = 1 << 14;
const GATEWAY_GUILD_MEMBERS_LIMITED: u64 = 1 << 15;
const GATEWAY_MESSAGE_CONTENT: u64 = 1 << 18;
const GATEWAY_MESSAGE_CONTENT_LIMITED: u64 = 1 << 19;

/// Permission bits (Discord's "Permissions" topic).
const BAN_MEMBERS: u64 = 1 << 2;
const ADMINISTRATOR: u64 = 1 << 3;
const ADD_REACTIONS: u64 = 1 << 6;
const VIEW_CHANNEL: u64 = 1 << 10;
const SEND_MESSAGES: u64 = 1 << 11;
const MANAGE_MESSAGES: u64 = 1 << 13;
const READ_MESSAGE_HISTORY: u64 = 1 << 16;
const MANAGE_EVENTS: u64 = 1 << 33;
const SEND_MESSAGES_IN_THREADS: u64 = 1 << 38;
const MODERATE_MEMBERS: u64 = 1 << 40;
const CREATE_EVENTS: u64 = 1 << 44;

/// What Vores cannot do without, by the name Discord's settings show.
const NEEDED: &[(u64, &str)] = &[
    (VIEW_CHANNEL, "View Channel"),
    (SEND_MESSAGES, "Send Messages"),
    (READ_MESSAGE_HISTORY, "Read Message History"),
    (MANAGE_MESSAGES, "Manage Messages"),
    (MODERATE_MEMBERS, "Timeout Members"),
    (BAN_MEMBERS, "Ban Members"),
];
/// What makes Vores work less well when missing.
const WANTED: &[(u64, &str)] = &[
    (SEND_MESSAGES_IN_THREADS, "Send Messages in Threads"),
    (ADD_REACTIONS, "Add Reactions"),
];
/// Needed with `scheduled_events = true`.
const EVENTS: &[(u64, &str)] = &[
    (CREATE_EVENTS, "Create Events"),
    (MANAGE_EVENTS, "Manage Events"),
];

/// The checks for the bot with `token` at `api_url` (Discord's own by
/// default) and the configured channels (id, name as in the config).
pub async fn check(
    token: &str,
    api_url: Option<&str>,
    channels: &[(String, String)],
    scheduled_events: bool,
) -> Vec<Check> {
    let api = api_url.unwrap_or(DISCORD_API);
    let rest = Rest::new(api, token);
    let mut checks = Vec::new();
    let token_check = "Discord: bot token";
    let me = match rest.get("/users/@me").await {
        Ok(me) => me,
        Err(e) if e.status == Some(reqwest::StatusCode::UNAUTHORIZED) => {
            checks.push(Check::problem(
                token_check,
                "Discord does not accept the bot token",
                "copy it again from the developer portal (your application → Bot → Reset Token) into VORES_DISCORD_TOKEN, or into the file `discord.token_file` names",
            ));
            return checks;
        }
        Err(e) => {
            checks.push(Check::problem(
                token_check,
                format!("cannot reach Discord at {api} ({e})"),
                "check the network (firewall, proxy) and `discord.api_url`, then run vores doctor again",
            ));
            return checks;
        }
    };
    let Some(bot_id) = id_of(&me["id"]) else {
        checks.push(Check::problem(
            token_check,
            "Discord's answer about the bot has no id",
            "check `discord.api_url`: it must be Discord's API (https://discord.com)",
        ));
        return checks;
    };
    let bot_name = me["username"].as_str().unwrap_or("the bot").to_string();
    checks.push(Check::ok(
        token_check,
        format!("accepted: the bot is {bot_name} (id {bot_id})"),
    ));

    let application = match rest.get("/applications/@me").await {
        Ok(app) => Some(app),
        Err(e) => {
            checks.push(Check::problem(
                "Discord: privileged intents",
                format!("could not read the application ({e}), so its intents are unknown"),
                "check the token belongs to a bot application, then run vores doctor again",
            ));
            None
        }
    };
    if let Some(app) = &application {
        let flags = app["flags"].as_u64().unwrap_or(0);
        checks.push(intent(
            flags,
            GATEWAY_MESSAGE_CONTENT | GATEWAY_MESSAGE_CONTENT_LIMITED,
            "Discord: message content intent",
            "MESSAGE CONTENT INTENT",
            "the guidelines read every message",
        ));
        checks.push(intent(
            flags,
            GATEWAY_GUILD_MEMBERS | GATEWAY_GUILD_MEMBERS_LIMITED,
            "Discord: server members intent",
            "SERVER MEMBERS INTENT",
            "new members are welcomed",
        ));
        let application_id = id_of(&app["id"]).unwrap_or(bot_id);
        checks.push(slash_commands(&rest, application_id).await);
    }

    let mut guilds: HashMap<u64, Result<Guild, String>> = HashMap::new();
    for (id, name) in channels {
        checks.push(channel_rights(&rest, bot_id, id, name, scheduled_events, &mut guilds).await);
    }
    checks
}

/// Whether the application may use one privileged intent.
fn intent(flags: u64, bits: u64, check: &str, label: &str, why: &str) -> Check {
    if flags & bits != 0 {
        Check::ok(check, "switched on for the application")
    } else {
        Check::problem(
            check,
            format!(
                "{label} is off for the application: Discord would close the bot's connection (4014, \"Disallowed intent(s)\") and Vores stops ({why})"
            ),
            format!(
                "in the developer portal (https://discord.com/developers/applications) open your application → Bot → Privileged Gateway Intents, switch on {label} and save"
            ),
        )
    }
}

/// Whether every slash command Vores has is registered globally.
async fn slash_commands(rest: &Rest, application_id: u64) -> Check {
    let check = "Discord: slash commands";
    let wanted: Vec<String> = match commands::registration() {
        Value::Array(list) => list
            .iter()
            .filter_map(|c| c["name"].as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    match rest
        .get(&format!("/applications/{application_id}/commands"))
        .await
    {
        Ok(Value::Array(registered)) => {
            let names: Vec<&str> = registered
                .iter()
                .filter_map(|c| c["name"].as_str())
                .collect();
            let missing: Vec<String> = wanted
                .iter()
                .filter(|w| !names.contains(&w.as_str()))
                .map(|w| format!("/{w}"))
                .collect();
            if missing.is_empty() {
                Check::ok(check, format!("all {} registered", wanted.len()))
            } else {
                Check::warning(
                    check,
                    format!(
                        "not registered: {} (residents can still type the commands or mention the bot)",
                        missing.join(", ")
                    ),
                    "start `vores run`: it registers the commands at every start (Discord clients may take a while to show them)",
                )
            }
        }
        Ok(_) => Check::warning(
            check,
            "Discord's answer is not a list of commands",
            "check `discord.api_url`: it must be Discord's API (https://discord.com)",
        ),
        Err(e) => Check::warning(
            check,
            format!("could not read the registered commands ({e})"),
            "run vores doctor again; if it persists, check the token belongs to the application",
        ),
    }
}

/// A guild's owner and roles' permissions, as far as the bot needs them.
struct Guild {
    owner: u64,
    roles: HashMap<u64, u64>,
    /// The bot's own roles in it.
    mine: Vec<u64>,
}

async fn guild(rest: &Rest, guild: u64, bot_id: u64) -> Result<Guild, String> {
    let info = rest
        .get(&format!("/guilds/{guild}"))
        .await
        .map_err(|e| format!("cannot read the server ({e})"))?;
    let member = rest
        .get(&format!("/guilds/{guild}/members/{bot_id}"))
        .await
        .map_err(|e| format!("cannot read the bot's membership in the server ({e})"))?;
    let roles = info["roles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| Some((id_of(&r["id"])?, bits(&r["permissions"]))))
        .collect();
    Ok(Guild {
        owner: id_of(&info["owner_id"]).unwrap_or(0),
        roles,
        mine: member["roles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(id_of)
            .collect(),
    })
}

/// Permission bits as Discord sends them (a decimal string).
fn bits(value: &Value) -> u64 {
    match value {
        Value::String(s) => s.parse().unwrap_or(0),
        Value::Number(n) => n.as_u64().unwrap_or(0),
        _ => 0,
    }
}

/// One permission overwrite of a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Overwrite {
    id: u64,
    /// 0 for a role, 1 for a member.
    kind: u64,
    allow: u64,
    deny: u64,
}

fn overwrites(channel: &Value) -> Vec<Overwrite> {
    channel["permission_overwrites"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|o| {
            Some(Overwrite {
                id: id_of(&o["id"])?,
                kind: o["type"].as_u64().unwrap_or(0),
                allow: bits(&o["allow"]),
                deny: bits(&o["deny"]),
            })
        })
        .collect()
}

/// The member's permissions in the server: @everyone (the role with the
/// guild's id) and each of their roles; the owner and administrators have
/// every permission.
fn base_permissions(guild_id: u64, guild: &Guild, member: u64) -> u64 {
    if member == guild.owner {
        return u64::MAX;
    }
    let all = std::iter::once(guild_id)
        .chain(guild.mine.iter().copied())
        .filter_map(|r| guild.roles.get(&r))
        .fold(0, |all, bits| all | bits);
    if all & ADMINISTRATOR != 0 {
        u64::MAX
    } else {
        all
    }
}

/// Discord's documented computation in a channel: the @everyone overwrite,
/// then every role overwrite of the member's roles together (denies, then
/// allows), then the member's own overwrite. Administrators are exempt.
fn channel_permissions(
    base: u64,
    guild_id: u64,
    roles: &[u64],
    member: u64,
    overwrites: &[Overwrite],
) -> u64 {
    if base & ADMINISTRATOR != 0 || base == u64::MAX {
        return u64::MAX;
    }
    let mut permissions = base;
    if let Some(everyone) = overwrites.iter().find(|o| o.kind == 0 && o.id == guild_id) {
        permissions = (permissions & !everyone.deny) | everyone.allow;
    }
    let (mut allow, mut deny) = (0, 0);
    for o in overwrites
        .iter()
        .filter(|o| o.kind == 0 && o.id != guild_id && roles.contains(&o.id))
    {
        allow |= o.allow;
        deny |= o.deny;
    }
    permissions = (permissions & !deny) | allow;
    if let Some(own) = overwrites.iter().find(|o| o.kind == 1 && o.id == member) {
        permissions = (permissions & !own.deny) | own.allow;
    }
    permissions
}

/// What the bot may do in one configured channel.
async fn channel_rights(
    rest: &Rest,
    bot_id: u64,
    id: &str,
    name: &str,
    scheduled_events: bool,
    guilds: &mut HashMap<u64, Result<Guild, String>>,
) -> Check {
    let check = format!("Discord: permissions in #{name} ({id})");
    let invite = "invite the bot to the server (developer portal → OAuth2 → URL Generator, scopes `bot` and `applications.commands`) with View Channel, Send Messages, Send Messages in Threads, Read Message History, Add Reactions, Manage Messages, Timeout Members and Ban Members";
    if id.parse::<u64>().is_err() {
        return Check::problem(
            check,
            "not a Discord channel id",
            "use the channel's id in [[channels]] (Developer Mode → right-click the channel → Copy Channel ID)",
        );
    }
    let mut channel = match rest.get(&format!("/channels/{id}")).await {
        Ok(channel) => channel,
        Err(e) if e.is_not_found() => {
            return Check::problem(
                check,
                "Discord knows no such channel for this bot: the id is wrong, or the bot is not in that server",
                format!("check the id in [[channels]]; {invite}"),
            );
        }
        Err(e) if e.is_missing_permission() => {
            return Check::problem(
                check,
                format!("the bot cannot see this channel ({e})"),
                "give the bot's role View Channel there (Edit Channel → Permissions), or invite it to the server",
            );
        }
        Err(e) => {
            return Check::problem(
                check,
                format!("could not read the channel ({e})"),
                "check the network, then run vores doctor again",
            );
        }
    };
    // A thread takes its permissions from the channel it is in.
    if matches!(channel["type"].as_u64(), Some(10..=12))
        && let Some(parent) = id_of(&channel["parent_id"])
        && let Ok(parent) = rest.get(&format!("/channels/{parent}")).await
    {
        channel = parent;
    }
    let Some(guild_id) = id_of(&channel["guild_id"]) else {
        return Check::ok(
            check,
            "a direct message channel: no server permissions needed",
        );
    };
    // Each server is read once, however many of its channels are configured.
    let known = match guilds.entry(guild_id) {
        Entry::Occupied(known) => known.into_mut(),
        Entry::Vacant(new) => new.insert(guild(rest, guild_id, bot_id).await),
    };
    let guild = match known {
        Ok(guild) => guild,
        Err(e) => {
            return Check::problem(
                check,
                e.clone(),
                format!("{invite}; then run vores doctor again"),
            );
        }
    };
    let base = base_permissions(guild_id, guild, bot_id);
    let here = channel_permissions(base, guild_id, &guild.mine, bot_id, &overwrites(&channel));
    let lacking = |list: &[(u64, &'static str)]| -> Vec<(&'static str, bool)> {
        list.iter()
            .filter(|(bit, _)| here & bit == 0)
            // Whether the server would allow it but this channel denies it.
            .map(|(bit, label)| (*label, base & bit != 0))
            .collect()
    };
    let mut needed = lacking(NEEDED);
    if scheduled_events {
        needed.extend(lacking(EVENTS));
    }
    let wanted = lacking(WANTED);
    let fix_for = |missing: &[(&str, bool)]| {
        let names: Vec<&str> = missing.iter().map(|(label, _)| *label).collect();
        let denied_here = missing.iter().any(|(_, server_allows)| *server_allows);
        let mut fix = format!(
            "in Server Settings → Roles, give the bot's role {}",
            names.join(", ")
        );
        if denied_here {
            fix.push_str(&format!(
                "; #{name}'s own permissions deny some of them: in Edit Channel → Permissions, remove the deny (red ✗) for the bot's role, @everyone or the bot"
            ));
        }
        fix
    };
    let names = |missing: &[(&str, bool)]| {
        missing
            .iter()
            .map(|(label, _)| *label)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !needed.is_empty() {
        let mut all = needed.clone();
        all.extend(wanted.iter().copied());
        return Check::problem(
            check,
            format!(
                "the bot lacks {}: it cannot read, answer or moderate there as configured",
                names(&all)
            ),
            fix_for(&all),
        );
    }
    if !wanted.is_empty() {
        return Check::warning(
            check,
            format!(
                "the bot lacks {}: answers in threads or reactions will not work there",
                names(&wanted)
            ),
            fix_for(&wanted),
        );
    }
    Check::ok(
        check,
        "may read, answer, remove messages, time out and ban members",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUILD: u64 = 100;
    const BOT_ROLE: u64 = 200;
    const OTHER_ROLE: u64 = 201;
    const BOT: u64 = 9;

    fn guild(everyone: u64, bot_role: u64) -> Guild {
        Guild {
            owner: 1,
            roles: HashMap::from([(GUILD, everyone), (BOT_ROLE, bot_role), (OTHER_ROLE, 0)]),
            mine: vec![BOT_ROLE],
        }
    }

    #[test]
    fn overwrites_apply_in_discords_order() {
        let g = guild(VIEW_CHANNEL | SEND_MESSAGES, MANAGE_MESSAGES);
        let base = base_permissions(GUILD, &g, BOT);
        assert_eq!(base, VIEW_CHANNEL | SEND_MESSAGES | MANAGE_MESSAGES);
        let role = |id, allow, deny| Overwrite {
            id,
            kind: 0,
            allow,
            deny,
        };
        // @everyone denied sending; the bot's role allows it back.
        let both = [
            role(GUILD, 0, SEND_MESSAGES),
            role(BOT_ROLE, SEND_MESSAGES, 0),
        ];
        assert_ne!(
            channel_permissions(base, GUILD, &g.mine, BOT, &both) & SEND_MESSAGES,
            0
        );
        // A role the bot does not have changes nothing.
        let other = [role(OTHER_ROLE, 0, MANAGE_MESSAGES)];
        assert_eq!(channel_permissions(base, GUILD, &g.mine, BOT, &other), base);
        // The member's own overwrite comes last and wins.
        let member = [
            role(BOT_ROLE, MANAGE_MESSAGES, 0),
            Overwrite {
                id: BOT,
                kind: 1,
                allow: 0,
                deny: MANAGE_MESSAGES,
            },
        ];
        assert_eq!(
            channel_permissions(base, GUILD, &g.mine, BOT, &member) & MANAGE_MESSAGES,
            0
        );
    }

    #[test]
    fn administrators_and_the_owner_are_exempt() {
        let g = guild(VIEW_CHANNEL, ADMINISTRATOR);
        let base = base_permissions(GUILD, &g, BOT);
        let deny_all = [Overwrite {
            id: GUILD,
            kind: 0,
            allow: 0,
            deny: u64::MAX,
        }];
        assert_eq!(
            channel_permissions(base, GUILD, &g.mine, BOT, &deny_all),
            u64::MAX
        );
        assert_eq!(base_permissions(GUILD, &guild(0, 0), 1), u64::MAX);
    }

    #[test]
    fn either_flag_of_an_intent_will_do() {
        let bits = GATEWAY_MESSAGE_CONTENT | GATEWAY_MESSAGE_CONTENT_LIMITED;
        for flags in [GATEWAY_MESSAGE_CONTENT, GATEWAY_MESSAGE_CONTENT_LIMITED] {
            assert!(!intent(flags, bits, "c", "MESSAGE CONTENT INTENT", "w").is_problem());
        }
        let off = intent(
            GATEWAY_GUILD_MEMBERS_LIMITED,
            bits,
            "c",
            "MESSAGE CONTENT INTENT",
            "w",
        );
        assert!(off.is_problem());
        assert!(
            off.fix
                .unwrap_or_default()
                .contains("MESSAGE CONTENT INTENT")
        );
    }
}
