//! One conformance suite for every platform: each behaviour a resident, an
//! admin or the town relies on is written once, in ``scenarios.rs``,
//! against the [`TestPlatform`] driver trait, and run on the console, on
//! Telegram (fake Bot API), on Discord (fake REST and gateway) and on Matrix
//! (a real Synapse). Where a platform lacks a feature (`supports` says no),
//! the scenario checks the platform's documented fallback instead of
//! skipping. Platform-only behaviour (privacy mode, slash commands,
//! encryption, 429 storms, crash points) stays in each platform's own suite.

// matrix-sdk's sync future is deep; proving it `Send` needs more room.
#![recursion_limit = "256"]

#[path = "../common/mod.rs"]
mod common;
#[path = "../fake_discord/mod.rs"]
mod fake_discord;
#[path = "../fake_telegram/mod.rs"]
mod fake_telegram;
#[path = "../matrix_support/mod.rs"]
mod matrix_support;

mod console;
mod discord;
mod driver;
mod matrix;
mod scenarios;
mod telegram;

/// Instantiates every scenario for one driver, as one test each, so a
/// failure names the platform and the behaviour.
macro_rules! conformance_suite {
    ($platform:ident, $driver:ty, [$($scenario:ident),* $(,)?]) => {
        mod $platform {
            use super::*;
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $scenario() {
                    use driver::TestPlatform as _;
                    let Some(mut platform) = <$driver>::start().await else {
                        return;
                    };
                    scenarios::$scenario(&mut platform).await;
                }
            )*
        }
    };
}

/// Every scenario, for every platform.
macro_rules! every_scenario {
    ($platform:ident, $driver:ty) => {
        conformance_suite!(
            $platform,
            $driver,
            [
                a_submission_is_confirmed_and_waits_for_approval,
                only_admins_approve_and_the_town_hears_of_it,
                approval_by_button_or_reaction,
                a_clash_names_the_other_event,
                whats_on_in_danish_and_english,
                questions_in_other_languages_and_a_chosen_language,
                a_story_is_shared_and_listed,
                a_place_is_added_approved_and_found,
                a_short_story_is_coached_and_drafted,
                a_private_chat_needs_no_mention,
                ordinary_talk_that_breaks_a_rule_is_noted_privately,
                an_edited_message_is_checked_again,
                a_restart_loses_and_repeats_nothing,
                a_crash_at_every_step_of_handling_loses_and_repeats_nothing,
                the_digest_goes_out_once_through_trouble,
                a_missing_right_is_reported_to_admins,
            ]
        );
    };
}

every_scenario!(on_console, console::Console);
every_scenario!(on_telegram, telegram::Telegram);
every_scenario!(on_discord, discord::Discord);
every_scenario!(on_matrix, matrix::Matrix);
