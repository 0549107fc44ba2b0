//! Posting guidelines: each group's rules, and checking one message against
//! them. Pure: the message, the sender's recent history and the clock in;
//! the rules it breaks out.
//!
//! Words are matched after normalising the text the way evaders don't
//! expect: compatibility forms folded ("ＦＲＥＥ" → "free"), case folded,
//! zero-width and direction-override characters removed, Cyrillic and Greek
//! look-alikes mapped to Latin, and digits standing in for letters read as
//! letters ("fr33 m0ney" → "free money").

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, OnceLock};

use chrono::{DateTime, Duration, Utc};
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

mod spam;

/// Which guideline a message broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleKind {
    BannedWord,
    BannedPattern,
    Spam,
    Links,
    Caps,
    Flood,
    Repeat,
    NewMember,
    Length,
}

impl RuleKind {
    pub const ALL: [RuleKind; 9] = [
        RuleKind::BannedWord,
        RuleKind::BannedPattern,
        RuleKind::Spam,
        RuleKind::Links,
        RuleKind::Caps,
        RuleKind::Flood,
        RuleKind::Repeat,
        RuleKind::NewMember,
        RuleKind::Length,
    ];

    /// The name used in the config file, logs and `vores check`.
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::BannedWord => "banned_word",
            RuleKind::BannedPattern => "banned_pattern",
            RuleKind::Spam => "spam",
            RuleKind::Links => "links",
            RuleKind::Caps => "caps",
            RuleKind::Flood => "flood",
            RuleKind::Repeat => "repeat",
            RuleKind::NewMember => "new_member",
            RuleKind::Length => "length",
        }
    }

    pub fn parse(s: &str) -> Option<RuleKind> {
        RuleKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// What happens to a message that breaks a rule (besides a strike).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleAction {
    /// A friendly private note saying what to change.
    Note,
    /// Hide or delete the message (where the platform allows), plus the note.
    Delete,
}

impl RuleAction {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleAction::Note => "note",
            RuleAction::Delete => "delete",
        }
    }
}

/// What happens after too many strikes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escalation {
    Mute { minutes: u32 },
    Ban,
    TellAdmins,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkPolicy {
    Allow,
    None,
    /// Only links to these domains (and their subdomains).
    Allowlist(Vec<String>),
}

/// One group's guidelines.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Normalised banned words and phrases.
    pub banned_words: Vec<String>,
    /// The compiled `banned_words`, made on first use (compiling a regex per
    /// message would dominate checking). `with_banned_words` resets it.
    pub banned_compiled: Arc<OnceLock<Option<Regex>>>,
    pub banned_patterns: Vec<Regex>,
    /// The built-in list of common spam phrases.
    pub spam_filter: bool,
    pub links: LinkPolicy,
    pub max_links: Option<usize>,
    /// Share of capital letters (0–1) above which a message is shouting.
    pub max_caps_ratio: Option<f32>,
    /// At most this many messages within `flood_seconds`.
    pub flood_messages: Option<u32>,
    pub flood_seconds: u32,
    /// The same message this many times within ten minutes is too many.
    pub max_repeats: Option<u32>,
    /// No links during a member's first hours …
    pub new_member_hours: Option<u32>,
    /// … or first messages.
    pub new_member_messages: Option<u32>,
    pub max_length: Option<usize>,
    pub actions: HashMap<RuleKind, RuleAction>,
    pub strikes_before_escalation: u32,
    pub strike_window_hours: u32,
    pub escalation: Escalation,
}

impl Default for Rules {
    /// Gentle defaults that never trouble ordinary talk: spam phrases,
    /// floods and repeats are removed; shouting and very long messages get a
    /// note. Banned words and link limits are each group's own choice.
    fn default() -> Self {
        Rules {
            banned_words: Vec::new(),
            banned_compiled: Arc::default(),
            banned_patterns: Vec::new(),
            spam_filter: true,
            links: LinkPolicy::Allow,
            max_links: None,
            max_caps_ratio: Some(0.7),
            flood_messages: Some(6),
            flood_seconds: 10,
            max_repeats: Some(3),
            new_member_hours: None,
            new_member_messages: None,
            max_length: Some(4000),
            actions: HashMap::new(),
            strikes_before_escalation: 3,
            strike_window_hours: 24,
            escalation: Escalation::TellAdmins,
        }
    }
}

impl Rules {
    pub fn action_for(&self, rule: RuleKind) -> RuleAction {
        self.actions.get(&rule).copied().unwrap_or(match rule {
            RuleKind::Caps | RuleKind::Length => RuleAction::Note,
            _ => RuleAction::Delete,
        })
    }

    /// Sets banned words from what an admin wrote, normalised.
    pub fn with_banned_words<I: IntoIterator<Item = S>, S: AsRef<str>>(mut self, words: I) -> Self {
        self.banned_words = words
            .into_iter()
            .map(|w| normalise(w.as_ref()).trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        self.banned_compiled = Arc::default();
        self
    }
}

/// What we know about the sender in this conversation.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Their earlier messages here (time, normalised text), oldest first.
    pub recent: Vec<(DateTime<Utc>, String)>,
    /// When they joined or were first seen.
    pub member_since: Option<DateTime<Utc>>,
    /// How many messages they had sent here before this one.
    pub messages_before: u32,
    /// Their recent messages in the group's other channels (time,
    /// normalised text): the same text posted everywhere at once is a spam
    /// signal.
    pub elsewhere: Vec<(DateTime<Utc>, String)>,
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub rule: RuleKind,
    /// The part of the message that broke it, or a measure written by
    /// [`measure`] and said in the reader's language by [`said`].
    pub matched: String,
    pub action: RuleAction,
}

/// A measure that broke a rule ("82% capitals", "7 messages in 10
/// seconds"), kept language-neutral — `measure:caps:82` — in the violation
/// and the moderation log, so each reader sees it in their own language
/// ([`said`]). `text` is a resident's words that belong to it (a repeated
/// message), last because it may hold colons.
pub fn measure(kind: &str, numbers: &[usize], text: Option<&str>) -> String {
    let mut out = format!("measure:{kind}");
    for n in numbers {
        out.push_str(&format!(":{n}"));
    }
    if let Some(text) = text {
        out.push(':');
        out.push_str(text);
    }
    out
}

/// What broke a rule, in `lang`: a [`measure`] through the catalog
/// (`measure_caps` …), anything else (a word, a link) as it was written.
pub fn said(lang: crate::Language, matched: &str) -> String {
    let Some(rest) = matched.strip_prefix("measure:") else {
        return matched.to_string();
    };
    let (kind, rest) = rest.split_once(':').unwrap_or((rest, ""));
    let key = format!("measure_{kind}");
    if !crate::lang::exists(&key) {
        return matched.to_string();
    }
    let args: Vec<(&str, &str)> = match kind {
        "flood" => {
            let (count, seconds) = rest.split_once(':').unwrap_or((rest, "0"));
            vec![("count", count), ("seconds", seconds)]
        }
        "repeat" => {
            let (count, text) = rest.split_once(':').unwrap_or((rest, ""));
            vec![("count", count), ("text", text)]
        }
        _ => vec![("count", rest)],
    };
    crate::lang::tr(lang, &key, &args)
}

const ZERO_WIDTH_AND_BIDI: &[char] = &[
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{2060}', '\u{2061}', '\u{2062}',
    '\u{2063}', '\u{2064}', '\u{FEFF}', '\u{00AD}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
    '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{034F}', '\u{180E}',
];

/// Cyrillic and Greek letters that look like Latin ones.
fn latin_look_alike(c: char) -> char {
    match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'е' | 'ё' | 'ε' => 'e',
        'һ' | 'н' => 'h',
        'і' | 'ї' | 'ι' | 'ı' => 'i',
        'ј' => 'j',
        'к' | 'κ' => 'k',
        'м' => 'm',
        'η' | 'п' => 'n',
        'о' | 'ο' | 'σ' => 'o',
        'р' | 'ρ' => 'p',
        'ѕ' => 's',
        'т' | 'τ' => 't',
        'υ' | 'μ' => 'u',
        'ν' => 'v',
        'ш' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        'ʐ' | 'ᴢ' => 'z',
        // "Fancy text" small capitals, which compatibility folding leaves alone.
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ꜰ' => 'f',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        other => other,
    }
}

/// Digits and symbols standing in for letters inside a word.
fn letter_for(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '!' | '|' => 'i',
        '3' | '€' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        _ => return None,
    })
}

/// Folds a text for matching (see the module docs).
pub fn normalise(text: &str) -> String {
    let folded: String = strip_accents(&text.nfkc().collect::<String>())
        .chars()
        .filter(|c| !ZERO_WIDTH_AND_BIDI.contains(c))
        .flat_map(char::to_lowercase)
        .map(latin_look_alike)
        .collect();
    // Read digits as letters only inside words that also have letters, so
    // "kl. 10" and "2026" stay numbers.
    folded
        .split_inclusive(|c: char| c.is_whitespace())
        .map(|word| {
            let has_letter = word.chars().any(char::is_alphabetic);
            let has_stand_in = word.chars().any(|c| letter_for(c).is_some());
            if has_letter && has_stand_in {
                let trimmed = word
                    .trim_end()
                    .trim_end_matches(['!', '.', ',', '?', ':', ';']);
                let tail = &word[trimmed.len()..];
                let mapped: String = trimmed
                    .chars()
                    .map(|c| letter_for(c).unwrap_or(c))
                    .collect();
                format!("{mapped}{tail}")
            } else {
                word.to_string()
            }
        })
        .collect()
}

/// "frëë" → "free", but "å" stays "å": Danish letters are letters of their
/// own, while accents on others are a common way round a word list.
fn strip_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in text.nfd() {
        let combining = ('\u{0300}'..='\u{036F}').contains(&c);
        if combining && !(c == '\u{030A}' && matches!(previous, 'a' | 'A')) {
            continue;
        }
        out.push(c);
        previous = c;
    }
    out.nfc().collect()
}

/// Letters and digits only.
fn squashed(normalised: &str) -> String {
    normalised.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Other readings of a normalised text that evaders rely on: "1" as "l"
/// ("0n1yfans"), "aa"/"ae"/"oe" typed for "å"/"æ"/"ø" on foreign keyboards,
/// and letters spaced out ("f.r.e.e m.o.n.e.y", "l u d e r") joined up. The
/// joined reading is always last.
fn readings(normalised: &str, original: &str) -> Vec<String> {
    let l_for_1: String = original
        .chars()
        .map(|c| if c == '1' { 'l' } else { c })
        .collect();
    let mut all = vec![
        normalised.to_string(),
        normalise(&l_for_1),
        normalised
            .replace("aa", "å")
            .replace("ae", "æ")
            .replace("oe", "ø"),
    ];
    // What others see when an override reverses the letters ("\u{202E}nivs"
    // displays as "svin").
    if let Some(shown) = as_displayed(original) {
        all.push(normalise(&shown));
    }
    all.push(join_spaced_letters(normalised));
    all
}

/// The text in the order a reader sees it, when a right-to-left override
/// (U+202E … up to U+202C, an isolate's end or the end of the line) reverses
/// the letters it covers; `None` when nothing is overridden. Only the
/// override reverses Latin letters: embeddings and isolates move words, not
/// letters.
fn as_displayed(text: &str) -> Option<String> {
    if !text.contains('\u{202E}') {
        return None;
    }
    let mut shown = String::with_capacity(text.len());
    let mut reversed: Option<Vec<char>> = None;
    for c in text.chars() {
        match (c, reversed.as_mut()) {
            ('\u{202E}', None) => reversed = Some(Vec::new()),
            ('\u{202C}' | '\u{2069}' | '\n', Some(run)) => {
                shown.extend(run.iter().rev());
                reversed = None;
                shown.push(c);
            }
            (c, Some(run)) => run.push(c),
            (c, None) => shown.push(c),
        }
    }
    if let Some(run) = reversed {
        shown.extend(run.iter().rev());
    }
    Some(shown)
}

/// Joins runs of single letters or digits, whatever separates them, and
/// marks them: "f.r.e.e m.o.n.e.y" → "\u{1}freemoney", "f r 3 3" →
/// "\u{1}free".
fn join_spaced_letters(normalised: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut run = String::new();
    let finish = |run: &mut String, words: &mut Vec<String>| match run.chars().count() {
        0 => {}
        1 => words.push(std::mem::take(run)),
        _ => words.push(format!("{SPELLED_OUT}{}", std::mem::take(run))),
    };
    for token in normalised
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
    {
        let mut chars = token.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            run.push(letter_for(c).unwrap_or(c));
            continue;
        }
        finish(&mut run, &mut words);
        words.push(token.to_string());
    }
    finish(&mut run, &mut words);
    words.join(" ")
}

/// Marks a run of spelled-out letters in the joined reading (a character
/// no normalised text contains).
const SPELLED_OUT: char = '\u{1}';

/// Links with a scheme or "www.", and bare domains with a known ending.
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:https?://|www\.)[^\s<>]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:dk|com|org|net|io|ly|me|info|biz|xyz|ru|eu|de|se|no|co|app|gg|tk|shop|online|top|site|click|link|live|store|fun|club|win|bid|cn|su)(?:/[^\s<>]*)?\b")
        .expect("static pattern")
});

/// "bit[.]ly", "bit(.)ly" and "bit dot ly" are links too.
static DISGUISED_DOT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\))\s*|\s+dot\s+")
        .expect("static pattern")
});

/// Links in a message with their domains.
pub fn links(text: &str) -> Vec<(String, String)> {
    // Full-width letters and disguised dots fold into an ordinary link first.
    let folded: String = text
        .nfkc()
        .filter(|c| !ZERO_WIDTH_AND_BIDI.contains(c))
        .collect();
    let folded = DISGUISED_DOT.replace_all(&folded, ".");
    URL.find_iter(&folded)
        // The domain of an e-mail address is not a link.
        .filter(|m| !folded[..m.start()].ends_with('@'))
        // "sammen.Se billederne" is a missing space, not a link: a bare
        // domain's ending is all lower or all upper case.
        .filter(|m| {
            let text = m.as_str();
            let lower = text.to_lowercase();
            if lower.starts_with("http") || lower.starts_with("www.") {
                return true;
            }
            let host = text.split('/').next().unwrap_or(text);
            let ending = host.rsplit('.').next().unwrap_or("");
            ending.chars().all(|c| c.is_lowercase()) || ending.chars().all(|c| c.is_uppercase())
        })
        .map(|m| {
            let link = m
                .as_str()
                .trim_end_matches(['.', ',', ')', '!', '?', '…', ';', '"', '\'', '»', '«', ':'])
                .to_string();
            let lower = link.to_lowercase();
            let without_scheme = lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"))
                .unwrap_or(&lower);
            let host = without_scheme.split(['/', '?', '#']).next().unwrap_or("");
            // "ishoj.dk@phish.ru" goes to phish.ru.
            let host = host.rsplit('@').next().unwrap_or(host);
            let domain = host
                .split(':')
                .next()
                .unwrap_or("")
                .trim_start_matches("www.")
                .to_string();
            (link, domain)
        })
        .filter(|(_, domain)| domain.contains('.'))
        .collect()
}

/// Whole words only, with Danish and English endings ("luderen",
/// "perkere"), so "pik" never matches "piknik".
fn word_list_regex<'a>(words: impl Iterator<Item = &'a str>) -> Option<Regex> {
    let alternatives: Vec<String> = words.map(regex::escape).collect();
    if alternatives.is_empty() {
        return None;
    }
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}\p{{N}}])((?:{})(?:en|er|erne|et|ene|e|s|es)?)(?:$|[^\p{{L}}\p{{N}}])",
        alternatives.join("|")
    ))
    .ok()
}

fn find_listed(list_regex: Option<&Regex>, list: &[String], readings: &[String]) -> Option<String> {
    // The joined reading (last) has lost its punctuation, so "gratis. Penge"
    // would read as a phrase: it is only compared word by word below.
    for reading in &readings[..readings.len().saturating_sub(1)] {
        if let Some(found) = list_regex.and_then(|re| re.captures(reading)) {
            return Some(found[1].to_string());
        }
    }
    // A word spelled out letter by letter joins into one run ("f.r.e.e
    // m.o.n.e.y" → "freemoney", "you are a s v i n" → "asvin"). Every
    // letter of a run was a word of its own, so a listed word anywhere
    // inside a run was spelled out on purpose; ordinary words are compared
    // whole ("piknik" is not "pik").
    let joined = readings.last().map(String::as_str).unwrap_or("");
    list.iter()
        .find(|w| {
            let target = squashed(w);
            target.chars().count() >= 3
                && joined.split(' ').any(|word| {
                    word == target
                        || (word.starts_with(SPELLED_OUT) && word.contains(target.as_str()))
                })
        })
        .cloned()
}

/// The rules `text` breaks, most serious first.
pub fn check(rules: &Rules, text: &str, history: &History, now: DateTime<Utc>) -> Vec<Violation> {
    let mut found: Vec<(RuleKind, String)> = Vec::new();
    let normalised = normalise(text);

    let readings = readings(&normalised, text);
    let banned_re = rules
        .banned_compiled
        .get_or_init(|| word_list_regex(rules.banned_words.iter().map(String::as_str)));
    if let Some(word) = find_listed(banned_re.as_ref(), &rules.banned_words, &readings) {
        found.push((RuleKind::BannedWord, word));
    }
    for pattern in &rules.banned_patterns {
        if let Some(m) = pattern.find(&normalised).or_else(|| pattern.find(text)) {
            found.push((RuleKind::BannedPattern, m.as_str().to_string()));
            break;
        }
    }
    let message_links = links(text);
    if rules.spam_filter {
        let key = squashed(&normalised);
        let posted_elsewhere = key.chars().count() >= 20
            && history
                .elsewhere
                .iter()
                .any(|(t, earlier)| now - *t < Duration::minutes(10) && squashed(earlier) == key);
        let haystack = format!("{normalised}\n{}", text.to_lowercase());
        let signals = spam::Signals {
            readings: &readings,
            text: &haystack,
            has_link: !message_links.is_empty(),
            posted_elsewhere,
        };
        if let Some(lure) = spam::spam(&signals) {
            found.push((RuleKind::Spam, lure));
        }
    }

    let is_new = rules.new_member_hours.is_some_and(|h| {
        history
            .member_since
            .is_some_and(|since| now - since < Duration::hours(i64::from(h)))
    }) || rules
        .new_member_messages
        .is_some_and(|n| history.messages_before < n);
    if is_new && !message_links.is_empty() {
        found.push((RuleKind::NewMember, message_links[0].0.clone()));
    } else {
        let disallowed = message_links.iter().find(|(_, domain)| match &rules.links {
            LinkPolicy::Allow => false,
            LinkPolicy::None => true,
            LinkPolicy::Allowlist(allowed) => !allowed
                .iter()
                .any(|a| domain == a || domain.ends_with(&format!(".{a}"))),
        });
        if let Some((link, _)) = disallowed {
            found.push((RuleKind::Links, link.clone()));
        } else if let Some(max) = rules.max_links
            && message_links.len() > max
        {
            found.push((
                RuleKind::Links,
                measure("links", &[message_links.len()], None),
            ));
        }
    }

    if let Some(max_ratio) = rules.max_caps_ratio {
        let without_links = URL.replace_all(text, "");
        let letters: Vec<char> = without_links
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        let upper = letters.iter().filter(|c| c.is_uppercase()).count();
        if letters.len() >= 15 {
            let ratio = upper as f32 / letters.len() as f32;
            if ratio > max_ratio {
                let percent = (ratio * 100.0).round() as usize;
                found.push((RuleKind::Caps, measure("caps", &[percent], None)));
            }
        }
    }

    if let Some(limit) = rules.flood_messages {
        let window = Duration::seconds(i64::from(rules.flood_seconds));
        let in_window = history
            .recent
            .iter()
            .filter(|(t, _)| now - *t < window)
            .count()
            + 1;
        if in_window > limit as usize {
            let seconds = rules.flood_seconds as usize;
            found.push((
                RuleKind::Flood,
                measure("flood", &[in_window, seconds], None),
            ));
        }
    }
    if let Some(max) = rules.max_repeats {
        // Compared on letters and digits, so "!" added does not make it new;
        // very short messages ("Tak 🙂") may repeat.
        let key = squashed(&normalised);
        let same = history
            .recent
            .iter()
            .filter(|(t, earlier)| now - *t < Duration::minutes(10) && squashed(earlier) == key)
            .count()
            + 1;
        if same >= max as usize && max > 0 && key.chars().count() >= 10 {
            found.push((
                RuleKind::Repeat,
                measure("repeat", &[same], Some(&shorten(text, 40))),
            ));
        }
    }
    if let Some(max) = rules.max_length {
        let len = text.chars().count();
        if len > max {
            found.push((RuleKind::Length, measure("length", &[len], None)));
        }
    }

    found
        .into_iter()
        .map(|(rule, matched)| Violation {
            rule,
            matched,
            action: rules.action_for(rule),
        })
        .collect()
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_defeats_common_evasions() {
        assert_eq!(normalise("fr33 m0ney"), "free money");
        assert_eq!(normalise("ＦＲＥＥ"), "free");
        assert_eq!(normalise("fr\u{200B}ee"), "free");
        assert_eq!(normalise("frее"), "free"); // Cyrillic е
        assert_eq!(normalise("Kom kl. 10 d. 17.6."), "kom kl. 10 d. 17.6.");
        assert_eq!(
            normalise("Søndag på Bredekærgård"),
            "søndag på bredekærgård"
        );
    }

    #[test]
    fn spam_is_caught_after_normalising() {
        let rules = Rules::default();
        let none = History::default();
        let now = Utc::now();
        for spam in [
            "FR33 M0NEY here!!",
            "ＦＲＥＥ ＭＯＮＥＹ",
            "f.r.e.e m.o.n.e.y",
            "Tjen penge hurtigt med b1tc0in",
        ] {
            let v = check(&rules, spam, &none, now);
            assert!(v.iter().any(|v| v.rule == RuleKind::Spam), "{spam}: {v:?}");
        }
        for fine in [
            "Byttemarked i Glashuset lørdag kl. 10-14",
            "Vi ses på lørdag!",
            "Klassefest for 3.b",
        ] {
            assert!(check(&rules, fine, &none, now).is_empty(), "{fine}");
        }
    }
}
