//! Spam as it reaches a town's groups, recognised by its signals rather than
//! by a list of sentences (which scammers reword faster than anyone can
//! update it).
//!
//! Nearly every scam is a **lure** plus a **push**:
//!
//! - lures: easy earnings ("tjen 5000 kr om dagen hjemmefra", "earn $500 a
//!   day"), a prize or a giveaway of something valuable ("gratis iphone",
//!   "du har vundet et gavekort på 5000 kr"), crypto or trading with returns
//!   ("bitcoin … 800% afkast"), money back ("send 500 kr og få 5000 kr
//!   tilbage");
//! - pushes: contact me privately ("skriv til mig", "pm mig", "dm me",
//!   WhatsApp, Telegram, a bank account number), urgency ("de første 10",
//!   "kun 5 pladser", "klik her", "inden midnat", "guaranteed"), a link or a
//!   phone number, or the same text just posted in another channel.
//!
//! A lure with a push is spam. A few things are spam on their own: loans
//! without a credit check, crypto promising 100 % or more, "sugar daddy"
//! offers, phishing (a parcel fee, an expiring MitID, a suspended account,
//! with a link), and the long-standing phrases in [`PHRASES`].
//!
//! A lure alone is ordinary life: a class selling raffle tickets "for at
//! tjene penge til lejrskolen, 20 kr stk", a bingo night with prizes, a talk
//! about bitcoin fraud at the library. A push alone is ordinary too: "skriv
//! til mig hvis du vil låne min trailer". Both tables in
//! `bot/tests/spam_table.rs` and `bot/tests/guidelines_table.rs` hold the
//! rule to that.

use std::sync::LazyLock;

use regex::Regex;

/// Phrases that are spam wherever they appear, matched as whole words after
/// normalising.
pub const PHRASES: &[&str] = &[
    "free money",
    "gratis penge",
    "easy money",
    "nemme penge",
    "earn money fast",
    "tjen penge hurtigt",
    "tjen hurtige penge",
    "make money online",
    "work from home and earn",
    "get rich quick",
    "invest in bitcoin",
    "bitcoin investment",
    "crypto investment",
    "crypto trading",
    "invester i bitcoin",
    "forex trading",
    "binary options",
    "investment opportunity",
    "investeringsmulighed",
    "guaranteed profit",
    "garanteret gevinst",
    "online casino",
    "casino bonus",
    "viagra",
    "onlyfans",
    "claim your prize",
    "hent din præmie",
    "lottery winner",
    "sugar daddy",
    "sugar mommy",
    "sugar baby",
    "hot singles",
    "cheap followers",
    "billige følgere",
    "loan offer",
    "lån uden sikkerhed",
    "double your money",
    "fordoble dine penge",
    "you have been selected",
];

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static pattern")
}

/// An amount of money: "5000 kr", "10.000 kr.", "$500", "2000 dollars".
const AMOUNT: &str = r"(?:[$€£]\s?\d[\d.,]*|\d[\d.,]*\s?(?:kr\b|kroner|dkk|dollars?|usd|euro|€|\$)|\d+\s?(?:mio|million)\s?(?:kr|dollars?))";

/// Earnings: a verb of earning (not "tjener", which is also a waiter)
/// with money from home or an amount at a rate.
static EARN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:tjen|tjene|tjent|tjente|earn\w*|ekstra indtægt|indtægt|income|indkomst)\b|\b(?:make|made|making)\s+(?:money|[$€£]?\d)",
    )
});
static HOME: LazyLock<Regex> =
    LazyLock::new(|| re(r"hjemmefra|from home|from your phone|kun en telefon|only a phone"));
static RATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:om|per|pr\.?|a|i|hver|every)\s+(?:dag|dagen|uge|ugen|time|timen|måned|måneden|day|week|hour|month)\b|\b(?:på|in)\s+(?:en|one|a)\s+(?:uge|week)\b|\b(?:weekly|daily|monthly)\b",
    )
});
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| re(r"\bpassi(?:ve|v) (?:income|indkomst)\b"));
static AMOUNT_RE: LazyLock<Regex> = LazyLock::new(|| re(AMOUNT));

/// A prize or giveaway, and something valuable close after "free".
static PRIZE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:vundet|vinde|won|winner|giveaway|giving away|gives away|giv(?:er|ing)\s+[$€£]?\d+|præmie\w*|prize|udvalgt|selected)\b",
    )
});
const VALUABLE: &str = r"(?:iphone|ipad|ps5|playstation|macbook|samsung|gavekort|gift ?cards?|penge|money|cash|kontanter|bitcoin)";
static FREE_VALUABLE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b(?:gratis|free)\b(?:\W+\S+){{0,3}}?\W+{VALUABLE}"
    ))
});
static VALUABLE_RE: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{VALUABLE}")));

/// Crypto and trading, with what they promise.
static CRYPTO: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:krypto\w*|crypto\w*|bitcoin\w*|btc|ethereum|usdt|forex|trading|trader|binær\w*|binary|invest\w*|mining)\b",
    )
});
static RETURNS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:afkast|returns?|profit|gevinst|fordobl\w*|double\w*|10x)\b|\d+\s?%")
});
static EXTREME: LazyLock<Regex> =
    LazyLock::new(|| re(r"\d{3,}\s?%|\b(?:garanteret|guaranteed|fordobl\w*|double\w*|10x)\b"));
/// "send 500 kr og få 5000 kr tilbage", "get your crypto back".
static MONEY_BACK: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:få|get|receive|modtag\w*)\b[^.!?]{0,40}\b(?:tilbage|back)\b"));

/// Standalone scams.
static LOAN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:lån|loan)\b.*\b(?:uden kreditvurdering|uden sikkerhed|rki|no credit check|kontant|quick|hurtig\w*)|\b(?:kontant|hurtig\w*|quick)\s+(?:lån|loan)\b",
    )
});
static PHISHING_ABOUT: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:pakke\w*|parcel|package|mitid|nemid|konto\w*|account|kort)\b"));
static PHISHING_ASK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?:gebyr|fee|bekræft\w*|verify|udløber|expires?|suspended|spærret|locked|opdater)\b")
});

/// Pushes.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:skriv\w*|send\w*|dm|pm|pb|inbox|indbakke\w*|message|text me|write me|contact me|kontakt\w*|ring|call me|whatsapp|telegram|messenger|spørg mig|ask me|privat\w*|private\w*|kontonummer|bank details|bankoplysninger|comment)\b|wa\.me|t\.me",
    )
});
static URGENCY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:de første|first)\s+\d+|\bkun\s+\d+\s+pladser|\bonly\s+\d+\s+(?:spots|places)|\binden (?:midnat|i aften|det er for sent)|\bbefore it expires|\b(?:klik|click|tryk|tap) (?:her|here|the link|på linket)|\bclaim\b|\b(?:garanteret|guaranteed)\b|100% sikkert|\bsvar hurtigt|\breply fast|\bact now|\bkun seriøse|\bno experience needed|\bingen erfaring",
    )
});
static PHONE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:\+45\s?)?\b\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\b"));

static PHRASE_LIST: LazyLock<Vec<String>> =
    LazyLock::new(|| PHRASES.iter().map(|s| s.to_string()).collect());
static PHRASE_RE: LazyLock<Regex> =
    LazyLock::new(|| super::word_list_regex(PHRASES.iter().copied()).expect("static list"));

/// What the spam rule sees besides the text.
pub(super) struct Signals<'a> {
    /// The message's normalised readings (see `guidelines::readings`).
    pub readings: &'a [String],
    /// The first reading and the raw text in lower case, one per line:
    /// words are matched as normalised ("fr33" → "free"), amounts as
    /// written ("5000kr" stays a number).
    pub text: &'a str,
    pub has_link: bool,
    /// The same text from the same sender in another channel just now.
    pub posted_elsewhere: bool,
}

/// The lure (or standalone scam) that makes `signals` spam, as shown to
/// admins; `None` for ordinary talk.
pub(super) fn spam(signals: &Signals) -> Option<String> {
    if let Some(phrase) = super::find_listed(Some(&PHRASE_RE), &PHRASE_LIST, signals.readings) {
        return Some(phrase);
    }
    let text = signals.text;
    let found = |re: &Regex| re.find(text).map(|m| m.as_str().trim().to_string());
    if let Some(loan) = found(&LOAN) {
        return Some(loan);
    }
    let crypto = found(&CRYPTO);
    if let (Some(crypto), true) = (&crypto, EXTREME.is_match(text)) {
        return Some(crypto.clone());
    }
    if signals.has_link
        && PHISHING_ABOUT.is_match(text)
        && let Some(ask) = found(&PHISHING_ASK)
    {
        return Some(ask);
    }
    let lure = found(&PASSIVE)
        .or_else(|| {
            found(&EARN).filter(|_| {
                HOME.is_match(text) || (AMOUNT_RE.is_match(text) && RATE.is_match(text))
            })
        })
        .or_else(|| found(&FREE_VALUABLE))
        .or_else(|| {
            found(&PRIZE).filter(|_| VALUABLE_RE.is_match(text) || AMOUNT_RE.is_match(text))
        })
        .or_else(|| crypto.filter(|_| RETURNS.is_match(text) || AMOUNT_RE.is_match(text)))
        .or_else(|| {
            found(&MONEY_BACK).filter(|_| AMOUNT_RE.is_match(text) || CRYPTO.is_match(text))
        })?;
    let pushed = CONTACT.is_match(text)
        || URGENCY.is_match(text)
        || signals.has_link
        || PHONE.is_match(text)
        || signals.posted_elsewhere;
    pushed.then_some(lure)
}
