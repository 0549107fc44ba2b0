//! `vores doctor` for Matrix: asks the homeserver whether the bot can log
//! in (its saved session, or the configured password or access token),
//! whether its encryption store can be read, what the homeserver knows of
//! its device (keys uploaded, cross-signed by its own account), and, in
//! every configured room, whether it is joined and has the power to send,
//! remove messages (redact), kick (Vores' mute) and ban.
//!
//! It never syncs, so it leaves the bot's sync position and keys as they
//! are. Without a saved session a password is checked by logging in on a
//! throwaway in-memory client and logging that device out again.

use std::path::Path;

use matrix_sdk::Client;
use matrix_sdk::authentication::matrix::MatrixSession;
use matrix_sdk::ruma::api::client::keys::get_keys;
use matrix_sdk::ruma::api::client::membership::joined_rooms;
use matrix_sdk::ruma::api::client::state::get_state_event_for_key;
use matrix_sdk::ruma::events::StateEventType;
use matrix_sdk::ruma::{OwnedRoomId, OwnedUserId, UserId};
use matrix_sdk::{SessionMeta, SessionTokens};
use serde_json::Value;
use vores_bot::doctor::Check;

use crate::{Credentials, MatrixSettings, saved_session, store_client};

const LOGIN: &str = "Matrix: login";
const STORE: &str = "Matrix: encryption store";
const DEVICE: &str = "Matrix: device";
const CROSS_SIGNING: &str = "Matrix: cross-signing";

/// How the doctor is logged in.
enum Session {
    /// The bot's own saved session, on its own store.
    Saved(Client),
    /// A login made only for these checks, logged out at the end.
    Throwaway(Client),
    /// The configured access token (no saved session yet).
    Token(Client),
}

impl Session {
    fn client(&self) -> &Client {
        match self {
            Session::Saved(c) | Session::Throwaway(c) | Session::Token(c) => c,
        }
    }
}

/// The checks for the bot in `settings` and the configured rooms (id,
/// name as in the config). No password or token is part of what is
/// returned.
pub async fn check(settings: &MatrixSettings, rooms: &[(String, String)]) -> Vec<Check> {
    let mut checks = Vec::new();
    let own: OwnedUserId = match settings.user_id.as_str().try_into() {
        Ok(own) => own,
        Err(_) => {
            checks.push(Check::problem(
                LOGIN,
                format!("{:?} is not a Matrix user id", settings.user_id),
                "set matrix.user_id to the bot's full id, like \"@vores:example.org\"",
            ));
            return checks;
        }
    };
    checks.extend(store_directory(&settings.store_path));
    let Some(session) = log_in(settings, &own, &mut checks).await else {
        return checks;
    };
    if let Session::Saved(client) = &session {
        checks.extend(device(client, &own).await);
    }
    let joined = match session
        .client()
        .send(joined_rooms::v3::Request::new())
        .await
    {
        Ok(answer) => Some(answer.joined_rooms),
        Err(e) => {
            checks.push(Check::problem(
                "Matrix: rooms",
                format!("the homeserver would not list the bot's rooms ({e})"),
                "check the homeserver is up, then run vores doctor again",
            ));
            None
        }
    };
    if let Some(joined) = joined {
        for (id, name) in rooms {
            checks.push(room(session.client(), &own, &joined, id, name).await);
        }
    }
    if let Session::Throwaway(client) = &session
        && let Err(e) = client.matrix_auth().logout().await
    {
        checks.push(Check::warning(
            LOGIN,
            format!("could not log out the device this check made ({e})"),
            "remove the session named \"Vores doctor\" from the bot's account (Element: Settings → Sessions)",
        ));
    }
    checks
}

/// The store directory: private to the bot's user.
fn store_directory(store_path: &Path) -> Vec<Check> {
    let shown = store_path.display();
    match std::fs::metadata(store_path) {
        Err(_) => vec![Check::warning(
            STORE,
            format!("{shown} does not exist yet"),
            "nothing to do if the bot never ran: `vores run` creates it (mode 0700) at its first start; otherwise restore it from the backup, as it holds the bot's encryption keys",
        )],
        Ok(meta) if !meta.is_dir() => vec![Check::problem(
            STORE,
            format!("{shown} is not a directory"),
            "point matrix.store_path at a directory of its own (it is created if missing)",
        )],
        Ok(meta) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = meta.permissions().mode() & 0o777;
                if mode & 0o077 != 0 {
                    return vec![Check::warning(
                        "Matrix: store permissions",
                        format!(
                            "{shown} is readable by other users (mode {mode:o}); it holds the bot's encryption keys and session"
                        ),
                        format!("chmod 700 {shown}"),
                    )];
                }
            }
            Vec::new()
        }
    }
}

/// Logs in the way the bot would, and says how it went.
async fn log_in(
    settings: &MatrixSettings,
    own: &UserId,
    checks: &mut Vec<Check>,
) -> Option<Session> {
    let homeserver = &settings.homeserver;
    let unreachable = |e: &dyn std::fmt::Display| {
        Check::problem(
            LOGIN,
            format!("cannot reach the homeserver at {homeserver} ({e})"),
            "check matrix.homeserver (e.g. https://matrix.example.org) and the network, then run vores doctor again",
        )
    };
    if let Some(saved) = saved_session(&settings.store_path, own) {
        let device = saved.meta.device_id.clone();
        let client = match store_client(homeserver, &settings.store_path).await {
            Ok(client) => client,
            Err(e) => {
                checks.push(Check::problem(
                    STORE,
                    format!("cannot open the store in {} ({e})", settings.store_path.display()),
                    "make matrix.store_path readable and writable by the bot's user; if it is damaged, stop vores and restore it from the backup (it holds the encryption keys)",
                ));
                return None;
            }
        };
        if let Err(e) = client.restore_session(saved).await {
            checks.push(Check::problem(
                STORE,
                format!("the bot's session and keys in {} cannot be read ({e})", settings.store_path.display()),
                "stop vores and restore matrix.store_path from the backup; without one, move it away and let the bot start a new device (residents' clients then share new keys)",
            ));
            return None;
        }
        match client.whoami().await {
            Ok(_) => {
                checks.push(Check::ok(
                    LOGIN,
                    format!("{own} is logged in with its saved session (device {device})"),
                ));
                checks.push(match client.encryption().ed25519_key().await {
                    Some(key) => Check::ok(
                        STORE,
                        format!("readable: the device's keys are there (fingerprint {key})"),
                    ),
                    None => Check::problem(
                        STORE,
                        "the store holds no encryption keys for the device",
                        "stop vores and restore matrix.store_path from the backup; without one, move it away and let the bot start a new device",
                    ),
                });
                return Some(Session::Saved(client));
            }
            Err(e) if e.client_api_error_kind().is_some() => {
                checks.push(Check::warning(
                    LOGIN,
                    format!("the saved session (device {device}) is no longer valid ({e}); the bot will log in again and get a new device"),
                    "nothing to do if the password or token below works; residents' clients share keys with the new device",
                ));
            }
            Err(e) => {
                checks.push(unreachable(&e));
                return None;
            }
        }
    } else {
        checks.push(Check::warning(
            DEVICE,
            "no saved session in matrix.store_path yet, so the bot has no device (and no encryption keys) yet",
            "nothing to do before the first start: `vores run` logs in, creates the device and keeps it in store_path",
        ));
    }
    let probe = match Client::builder().homeserver_url(homeserver).build().await {
        Ok(probe) => probe,
        Err(e) => {
            checks.push(unreachable(&e));
            return None;
        }
    };
    match &settings.credentials {
        Credentials::Password(password) => {
            let login = probe
                .matrix_auth()
                .login_username(own.as_str(), password)
                .initial_device_display_name("Vores doctor")
                .send()
                .await;
            match login {
                Ok(_) => {
                    checks.push(Check::ok(
                        LOGIN,
                        format!("the homeserver accepts the password for {own} (checked with a login that is logged out again)"),
                    ));
                    Some(Session::Throwaway(probe))
                }
                Err(e) if e.client_api_error_kind().is_some() => {
                    checks.push(Check::problem(
                        LOGIN,
                        format!("the homeserver refuses the login for {own} ({e})"),
                        "check VORES_MATRIX_PASSWORD (or the file matrix.password_file names) and matrix.user_id",
                    ));
                    None
                }
                Err(e) => {
                    checks.push(unreachable(&e));
                    None
                }
            }
        }
        Credentials::AccessToken(token) => {
            let restored = probe
                .restore_session(MatrixSession {
                    meta: SessionMeta {
                        user_id: own.to_owned(),
                        device_id: "VORESPROBE".into(),
                    },
                    tokens: SessionTokens {
                        access_token: token.clone(),
                        refresh_token: None,
                    },
                })
                .await;
            if let Err(e) = restored {
                checks.push(unreachable(&e));
                return None;
            }
            match probe.whoami().await {
                Ok(me) if me.user_id != own => {
                    checks.push(Check::problem(
                        LOGIN,
                        format!("the access token belongs to {}, not {own}", me.user_id),
                        "put the bot's own token in VORES_MATRIX_TOKEN (or matrix.token_file), or fix matrix.user_id",
                    ));
                    None
                }
                Ok(me) if me.device_id.is_none() => {
                    checks.push(Check::problem(
                        LOGIN,
                        "the access token has no device, so encryption cannot work",
                        "create the token with a login (not an admin API), or use VORES_MATRIX_PASSWORD instead",
                    ));
                    None
                }
                Ok(_) => {
                    checks.push(Check::ok(
                        LOGIN,
                        format!("the access token works for {own}"),
                    ));
                    Some(Session::Token(probe))
                }
                Err(e) if e.client_api_error_kind().is_some() => {
                    checks.push(Check::problem(
                        LOGIN,
                        format!("the homeserver does not accept the access token ({e})"),
                        "check VORES_MATRIX_TOKEN (or the file matrix.token_file names)",
                    ));
                    None
                }
                Err(e) => {
                    checks.push(unreachable(&e));
                    None
                }
            }
        }
    }
}

/// What the homeserver knows of the bot's device: its keys, and whether
/// the bot's own account has cross-signed it.
async fn device(client: &Client, own: &UserId) -> Vec<Check> {
    let Some(device) = client.device_id().map(ToOwned::to_owned) else {
        return vec![Check::problem(
            DEVICE,
            "the saved session has no device",
            "stop vores, move matrix.store_path away and let the bot log in again",
        )];
    };
    let mut request = get_keys::v3::Request::new();
    request.device_keys.insert(own.to_owned(), Vec::new());
    let keys = match client.send(request).await {
        Ok(keys) => keys,
        Err(e) => {
            return vec![Check::warning(
                DEVICE,
                format!("could not ask the homeserver for the bot's keys ({e})"),
                "run vores doctor again; encrypted rooms need the device's keys on the homeserver",
            )];
        }
    };
    let json = |raw: &str| serde_json::from_str::<Value>(raw).unwrap_or(Value::Null);
    let Some(device_keys) = keys
        .device_keys
        .get(own)
        .and_then(|devices| devices.get(&device))
        .map(|k| json(k.json().get()))
    else {
        return vec![Check::problem(
            DEVICE,
            format!(
                "the homeserver has no encryption keys for the bot's device {device}: residents' clients cannot share encrypted rooms' keys with it"
            ),
            "start `vores run` (it uploads the keys at its first sync); if the device was removed from the account, stop vores, move matrix.store_path away and let the bot log in again",
        )];
    };
    let mut checks = vec![Check::ok(
        DEVICE,
        format!("device {device} has its encryption keys on the homeserver"),
    )];
    let self_signing = keys
        .self_signing_keys
        .get(own)
        .map(|k| json(k.json().get()));
    match (keys.master_keys.get(own), self_signing) {
        (Some(_), Some(self_signing)) => {
            let signer: Vec<String> = self_signing["keys"]
                .as_object()
                .map(|k| k.keys().cloned().collect())
                .unwrap_or_default();
            let signed = device_keys["signatures"][own.as_str()]
                .as_object()
                .is_some_and(|sigs| sigs.keys().any(|k| signer.contains(k)));
            checks.push(if signed {
                Check::ok(CROSS_SIGNING, "the device is verified: cross-signed by the bot's account")
            } else {
                Check::warning(
                    CROSS_SIGNING,
                    "the bot's account has cross-signing keys but has not signed this device, so residents' clients show it as unverified",
                    "verify the bot's device from another session of the bot's account (Element: Settings → Sessions → Verify); residents whose clients share keys only with verified devices cannot reach it in encrypted rooms until then",
                )
            });
        }
        _ => checks.push(Check::warning(
            CROSS_SIGNING,
            "the bot's account has no cross-signing keys, so its device shows as unverified; encrypted rooms work while residents' clients share keys with unverified devices (Element's default)",
            "nothing to do for most towns; to verify the device, log in as the bot in Element once, set up cross-signing (Settings → Security) and verify the session named Vores",
        )),
    }
    checks
}

/// One room: joined, and the power to send, redact, kick and ban.
async fn room(
    client: &Client,
    own: &UserId,
    joined: &[OwnedRoomId],
    id: &str,
    name: &str,
) -> Check {
    let check = format!("Matrix: power in {name} ({id})");
    let Ok(room_id) = OwnedRoomId::try_from(id) else {
        return Check::problem(
            check,
            "not a Matrix room id",
            "use the room's id in [[channels]], like \"!abc:example.org\" (Element: Room settings → Advanced)",
        );
    };
    if !joined.contains(&room_id) {
        return Check::problem(
            check,
            "the bot is not in this room",
            format!(
                "invite {own} to the room (a running bot accepts invites to the rooms the config names); if it was banned there, unban it first"
            ),
        );
    }
    let state = |kind: StateEventType| {
        let request =
            get_state_event_for_key::v3::Request::new(room_id.clone(), kind, String::new());
        async move {
            client.send(request).await.map(|answer| {
                serde_json::from_str::<Value>(answer.event_or_content.get()).unwrap_or(Value::Null)
            })
        }
    };
    let levels = match state(StateEventType::RoomPowerLevels).await {
        Ok(levels) => levels,
        Err(e) => {
            return Check::problem(
                check,
                format!("could not read the room's power levels ({e})"),
                "check the homeserver is up, then run vores doctor again",
            );
        }
    };
    let encrypted = state(StateEventType::RoomEncryption).await.is_ok();
    let level = |v: &Value, default: i64| v.as_i64().unwrap_or(default);
    let mine = level(
        &levels["users"][own.as_str()],
        level(&levels["users_default"], 0),
    );
    let message = level(
        &levels["events"]["m.room.message"],
        level(&levels["events_default"], 0),
    );
    let needs = [
        ("send messages", message),
        ("remove messages (redact)", level(&levels["redact"], 50)),
        ("mute (kick)", level(&levels["kick"], 50)),
        ("ban", level(&levels["ban"], 50)),
    ];
    let lacking: Vec<String> = needs
        .iter()
        .filter(|(_, needed)| mine < *needed)
        .map(|(what, needed)| format!("{what} needs {needed}"))
        .collect();
    let kind = if encrypted { "encrypted room" } else { "room" };
    if lacking.is_empty() {
        return Check::ok(
            check,
            format!("joined ({kind}); power level {mine}: may send, redact, kick and ban"),
        );
    }
    let highest = needs.iter().map(|(_, n)| *n).max().unwrap_or(50);
    Check::problem(
        check,
        format!(
            "joined ({kind}), but the bot's power level is {mine}: {}; guideline breaches and escalations would only be reported to the room's admins",
            lacking.join(", ")
        ),
        format!(
            "give {own} power level {highest} in {name} (Element: Room settings → Roles & Permissions → Add privileged users → Moderator; or type /op {own} {highest})"
        ),
    )
}
