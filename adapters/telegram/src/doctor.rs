//! `vores doctor` for Telegram: asks the Bot API itself whether the token
//! works (`getMe`), whether privacy mode is off, and what the bot may do in
//! each configured group (`getChatMember` for the bot: an administrator with
//! `can_delete_messages` and `can_restrict_members`, or the owner).

use teloxide::requests::Requester;
use teloxide::types::{ChatId, ChatMemberKind, UserId};
use teloxide::{ApiError, RequestError};
use vores_bot::doctor::Check;

use crate::{TelegramSettings, client};

/// The doctor never long-polls: each request waits only the client's margin
/// (15 s) for an answer.
const DOCTOR_TIMEOUT_SECS: u32 = 0;

/// The checks for `settings`' bot and the configured chats (id, name as in
/// the config). The token is never part of what is returned.
pub async fn check(settings: &TelegramSettings, chats: &[(i64, String)]) -> Vec<Check> {
    let mut checks = Vec::new();
    let token_check = "Telegram: bot token";
    let (bot, api) = match client(settings, DOCTOR_TIMEOUT_SECS) {
        Ok(made) => made,
        Err(e) => {
            checks.push(Check::problem(
                token_check,
                e.to_string(),
                "fix `telegram.api_url` in the config (or remove it to use api.telegram.org)",
            ));
            return checks;
        }
    };
    let me = match bot.get_me().await {
        Ok(me) => me,
        Err(RequestError::Api(ApiError::InvalidToken)) => {
            checks.push(Check::problem(
                token_check,
                "Telegram does not accept the bot token",
                "copy the token from @BotFather (/mybots → your bot → API Token) into VORES_TELEGRAM_TOKEN, or into the file `telegram.token_file` names",
            ));
            return checks;
        }
        Err(e) => {
            checks.push(Check::problem(
                token_check,
                format!("cannot reach the Bot API at {api} ({e})"),
                "check the network (firewall, proxy) and `telegram.api_url`, then run vores doctor again",
            ));
            return checks;
        }
    };
    let username = me.user.username.clone().unwrap_or_default();
    checks.push(Check::ok(
        token_check,
        format!("accepted: the bot is @{username} (id {})", me.user.id.0),
    ));
    checks.push(if me.can_read_all_group_messages {
        Check::ok(
            "Telegram: privacy mode",
            "off: the bot reads every message in its groups",
        )
    } else {
        Check::warning(
            "Telegram: privacy mode",
            "on: in a group where the bot is not an admin it only sees commands, mentions and replies, so the posting guidelines are not checked there",
            format!(
                "in @BotFather send /setprivacy, choose @{username} and pick Disable; then remove the bot from each group and add it again (Telegram applies the change to groups it joins afterwards)"
            ),
        )
    });
    for (id, name) in chats {
        checks.push(chat_rights(&bot, me.user.id, &username, *id, name).await);
    }
    checks
}

/// What the bot may do in one configured chat.
async fn chat_rights(
    bot: &teloxide::Bot,
    me: UserId,
    username: &str,
    id: i64,
    name: &str,
) -> Check {
    let check = format!("Telegram: rights in {name} ({id})");
    if id > 0 {
        return Check::ok(check, "a private chat: no admin rights needed");
    }
    let make_admin = format!(
        "in {name}: Manage group → Administrators → Add Admin → @{username}, and switch on \"Delete messages\" and \"Ban users\""
    );
    let member = match bot.get_chat_member(ChatId(id), me).await {
        Ok(member) => member,
        Err(RequestError::Api(ApiError::ChatNotFound)) => {
            return Check::problem(
                check,
                "Telegram knows no such chat for this bot: the bot was never added to it, or the id is wrong",
                format!(
                    "add @{username} to the group and make it an admin with \"Delete messages\" and \"Ban users\"; check the id in [[channels]] (a supergroup's id starts with -100)"
                ),
            );
        }
        Err(RequestError::Api(e)) => {
            return Check::problem(
                check,
                format!("Telegram refused to say what the bot may do there ({e})"),
                format!("add @{username} to the group again; {make_admin}"),
            );
        }
        Err(e) => {
            return Check::problem(
                check,
                format!("could not ask Telegram ({e})"),
                "check the network, then run vores doctor again",
            );
        }
    };
    match &member.kind {
        ChatMemberKind::Owner(_) => {
            Check::ok(check, "the bot owns the chat: it may delete and restrict")
        }
        ChatMemberKind::Administrator(rights) => {
            let mut missing = Vec::new();
            if !rights.can_delete_messages {
                missing.push(
                    "delete other members' messages (\"Delete messages\", can_delete_messages)",
                );
            }
            if !rights.can_restrict_members {
                missing.push("mute or ban members (\"Ban users\", can_restrict_members)");
            }
            if missing.is_empty() {
                Check::ok(check, "admin: may delete messages and restrict members")
            } else {
                Check::problem(
                    check,
                    format!(
                        "the bot is an admin but may not {}; guideline breaches and escalations would only be reported to the group's admins",
                        missing.join(" or ")
                    ),
                    format!(
                        "in {name}: Manage group → Administrators → @{username}, and switch on \"Delete messages\" and \"Ban users\""
                    ),
                )
            }
        }
        ChatMemberKind::Member(_) | ChatMemberKind::Restricted(_) => Check::problem(
            check,
            "the bot is not an admin here: it cannot delete messages against the guidelines (can_delete_messages) or mute and ban (can_restrict_members)",
            make_admin,
        ),
        ChatMemberKind::Left | ChatMemberKind::Banned(_) => Check::problem(
            check,
            "the bot is not in this chat (it left or was removed)",
            format!("add @{username} to {name} again; {make_admin}"),
        ),
    }
}
