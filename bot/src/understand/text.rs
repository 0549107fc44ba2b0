//! The word-level half of understanding: where the place is, what the title
//! is, which links a story carries, and whether a message reads like an
//! event announcement at all.

use std::sync::LazyLock;

use regex::Regex;

use super::scan::{Token, TokenKind};

/// Stands where a date or time was, so a place or title never runs across it.
const GAP: char = '|';

/// The text with every token replaced by a gap marker.
pub fn mask(text: &str, tokens: &[Token]) -> String {
    let clean = text.replace(GAP, " ");
    let mut out = String::with_capacity(clean.len());
    let mut at = 0;
    for token in tokens {
        out.push_str(&clean[at..token.span.start]);
        out.push_str(" | ");
        at = token.span.end;
    }
    out.push_str(&clean[at..]);
    out
}

static PLACE_PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(i|på|paa|ved|hos|fra|at|in|near|on|from)\s+").expect("static pattern")
});

const STOP_WORDS: &[&str] = &[
    "kl", "kl.", "fra", "til", "og", "med", "for", "hvor", "som", "om", "der", "hvis", "men",
    "and", "with", "from", "to", "where", "who", "that", "on", "about", "but", "if", "for", "i",
    "på", "ved", "hos", "in", "at", "near", "-", "–",
];

/// Nouns that end an English place name ("the town hall", "the old school").
const PLACE_NOUNS: &[&str] = &[
    "hall",
    "house",
    "park",
    "centre",
    "center",
    "school",
    "church",
    "library",
    "square",
    "beach",
    "garden",
    "gardens",
    "field",
    "club",
    "station",
    "harbour",
    "harbor",
    "lake",
    "forest",
    "café",
    "cafe",
    "gym",
    "pool",
    "court",
    "courts",
    "playground",
    "museum",
    "theatre",
    "theater",
    "hut",
    "room",
    "stadium",
    "arena",
    "market",
    "shop",
    "store",
    "bar",
    "pub",
    "restaurant",
    "chapel",
    "farm",
    "meadow",
    "green",
    "pitch",
    "track",
    "trail",
    "bridge",
    "pier",
    "marina",
    "shelter",
    "barn",
    "kitchen",
    "studio",
    "lounge",
    "canteen",
    "building",
    "centre",
    "yard",
    "allotments",
    "pavilion",
    "hostel",
    "hotel",
    "mosque",
    "temple",
    "synagogue",
    "office",
];

/// Words that name a gathering: with a day, "Byttemarked lørdag" is an
/// event even before it says when or where exactly.
static EVENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(fest|marked|koncert|møde|workshop|foredrag|spisning|løb\b|klub|café|yoga|fodbold|banko|quiz|party|concert|meeting|market|festival|dinner|breakfast|brunch|picnic|piknik|gåtur|walk\b|club|class\b|kursus|træning|training|gudstjeneste|forestilling|udstilling|exhibition|sankthans|fastelavn|iftar|loppe|bazar|basar|affaldsindsamling|litter pick|oprydning|clean-?up|tur til|excursion|udflugt|lektiecafé|strik|sang|choir|kor\b|dans|dance|teater|theatre|theater|film)",
    )
    .expect("static pattern")
});

/// "Kaffe koster 12,50 kr i dag" talks about a price; an announcement with a
/// clock time may still mention one ("billetter koster 50 kr").
static PRICE_TALK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(koster|costs?|pris|price)\b").expect("static pattern"));

/// Words a Danish place in lowercase typically ends with ("biblioteket",
/// "parken", "haven", "hallerne").
fn looks_definite(word: &str) -> bool {
    let w = word.to_lowercase();
    (w.chars().count() >= 4
        && (w.ends_with("en") || w.ends_with("et") || w.ends_with("ne"))
        && w.chars().all(char::is_alphabetic))
        || DANISH_PLACE_NOUNS.contains(&w.as_str())
}

/// Danish places that are written without a definite ending ("på stadion",
/// "på rådhus", "i kirke").
const DANISH_PLACE_NOUNS: &[&str] = &[
    "stadion",
    "rådhus",
    "bibliotek",
    "torv",
    "havn",
    "museum",
    "plejehjem",
    "bycenter",
    "station",
    "kirke",
    "svømmehal",
    "idrætshal",
    "kulturhus",
    "medborgerhus",
];

fn starts_upper_or_digit(word: &str) -> bool {
    word.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// One place phrase found after a preposition: where it starts (the
/// preposition included), where it ends, and the place itself.
struct PlaceCandidate {
    start: usize,
    end: usize,
    place: String,
    proper: bool,
}

/// Finds the place ("i Glashuset", "på Bredekærgård", "at the library",
/// "fra Ishøj Bycenter", "boldbanen ved Vildtbanegård") and returns it with
/// the text that remains once it is taken out.
///
/// When a message names several places, a proper name wins over a common
/// noun, and the last proper name over earlier ones: "Musik på Torvet –
/// julekoncert … i Strandparken" happens in Strandparken, and "Yoga in the
/// park … at Ishøj Strandpark" at Ishøj Strandpark; what is not taken stays
/// in the title.
pub fn take_location(masked: &str) -> (Option<String>, String) {
    let candidates = place_candidates(masked);
    let chosen = candidates
        .iter()
        .rev()
        .find(|c| c.proper)
        .filter(|_| candidates.len() > 1)
        .or(candidates.first());
    let Some(c) = chosen else {
        return (None, masked.to_string());
    };
    let rest = format!("{} {}", &masked[..c.start], &masked[c.end..]);
    (Some(c.place.clone()), rest)
}

/// A place may go on after a comma: "Ishøj Bibliotek, 1. sal", "Kulturhuset,
/// lokale 3", "Medborgerhuset, stuen".
static PLACE_DETAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^,\s*((?:\d{1,2}\.\s*(?:sal|etage|floor)|stuen|kælderen|lokale\s+\w+|room\s+\w+|\w+\s+floor))\b")
        .expect("static pattern")
});

/// "boldbanen ved Vildtbanegård": a common place, then where it is.
static PLACE_WHERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:ved|i|på|near|by)\s+(\p{Lu}[\p{L}\d]*(?:\s+\p{Lu}[\p{L}\d]*){0,3})")
        .expect("static pattern")
});

fn place_candidates(masked: &str) -> Vec<PlaceCandidate> {
    let mut out: Vec<PlaceCandidate> = Vec::new();
    for m in PLACE_PREPOSITION.captures_iter(masked) {
        let prep = m[1].to_lowercase();
        let whole = m.get(0).expect("group 0");
        if out.last().is_some_and(|c| whole.start() < c.end) {
            continue;
        }
        let after = &masked[whole.end()..];
        let phrase_end = after
            .find([GAP, ',', '.', ';', '!', '?', '(', ')', '\n', ':'])
            .unwrap_or(after.len());
        let words: Vec<&str> = after[..phrase_end].split_whitespace().collect();
        let Some(first) = words.first() else { continue };
        let english = matches!(prep.as_str(), "at" | "in" | "near" | "on" | "from");
        // "fra", "ved", "hos", "from": what follows is a place even in lower
        // case ("tur fra ishøj station"), when it is short and runs up to a
        // day, a time or the end.
        let leads_to_place = matches!(prep.as_str(), "fra" | "ved" | "hos" | "from");
        let mut taken: Vec<&str> = Vec::new();
        let mut proper = false;
        if english && first.eq_ignore_ascii_case("the") {
            // "the library", "the town hall", "the Ishøj Library": the article,
            // one word, then only words that continue a place name.
            for (i, w) in words.iter().enumerate() {
                let continues = i < 2
                    || w.chars().next().is_some_and(char::is_uppercase)
                    || PLACE_NOUNS.contains(&w.to_lowercase().as_str());
                if !continues || STOP_WORDS.contains(&w.to_lowercase().as_str()) || taken.len() == 4
                {
                    break;
                }
                taken.push(w);
            }
            if taken.len() < 2 {
                continue;
            }
        } else if first.chars().next().is_some_and(char::is_uppercase) {
            proper = true;
            for w in &words {
                if !(starts_upper_or_digit(w) || (taken.len() == 1 && is_house_number_suffix(w))) {
                    break;
                }
                taken.push(w);
                if taken.len() == 6 {
                    break;
                }
            }
        } else if !english && looks_definite(first) {
            taken.push(first);
            // "beboerhuset vejleåparken": a second definite word names it.
            if let Some(second) = words.get(1)
                && looks_definite(second)
                && words.len() == 2
            {
                taken.push(second);
            }
        } else if leads_to_place
            && (1..=3).contains(&words.len())
            && (after[phrase_end..].starts_with(GAP) || phrase_end == after.len())
            && !words
                .iter()
                .any(|w| STOP_WORDS.contains(&w.to_lowercase().as_str()))
        {
            taken.extend(&words);
        } else {
            continue;
        }
        let phrase_start = whole.end() + after.find(taken[0]).unwrap_or(0);
        let mut end = {
            let last = taken[taken.len() - 1];
            phrase_start + masked[phrase_start..].find(last).unwrap_or(0) + last.len()
        };
        let mut place = taken.join(" ");
        if let Some(c) = PLACE_WHERE.captures(&masked[end..]).filter(|_| !proper) {
            place = format!("{place} {}", c[0].trim());
            end += c.get(0).expect("group 0").end();
        }
        if let Some(c) = PLACE_DETAIL.captures(&masked[end..]) {
            place = format!("{place}, {}", &c[1]);
            end += c.get(0).expect("group 0").end();
        }
        // A poster's line "hallen på Vejleåvej": the common place before
        // "på"/"ved" belongs to it.
        let mut start = whole.start();
        if proper && matches!(prep.as_str(), "på" | "ved") {
            let before = &masked[..whole.start()];
            let line_start = before.rfind(['\n', GAP]).map_or(0, |i| i + 1);
            let segment = before[line_start..].trim();
            if !segment.contains(' ') && looks_definite(segment) {
                place = format!("{segment} {} {place}", &m[1]);
                start = line_start + before[line_start..].find(segment).unwrap_or(0);
            }
        }
        // "Musik på Torvet": the preposition stays with the title when the
        // place is not taken; the candidate starts at the preposition.
        out.push(PlaceCandidate {
            start,
            end,
            place: trim_place(&place),
            proper,
        });
    }
    out
}

static PLACE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:sted|hvor|adresse|mødested|start|where|place|venue|location|address|meet(?:ing point)?(?:\s+at)?)\s*:?\s+(.+?)\s*$")
        .expect("static pattern")
});

/// On a poster, the place on a line of its own: a labelled line ("Sted:
/// Torvet", "Where: Ishøj Library", "Mødested: Ishøj Havn") wins over a
/// place found in the text; otherwise a short line, not the first, that
/// reads as a name ("Ishøj Bycenter", "Medborgerhuset, 1. sal") when no
/// place was found. Returns the place and the text without that line.
pub fn place_line(masked: &str, have_place: bool, any_case: bool) -> Option<(String, String)> {
    let lines: Vec<&str> = masked.lines().collect();
    let without = |i: usize| {
        lines
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, l)| *l)
            .collect::<Vec<_>>()
            .join("\n")
    };
    for (i, line) in lines.iter().enumerate().skip(1) {
        if let Some(c) = PLACE_LABEL.captures(line) {
            let place = c[1].trim().trim_end_matches(['.', '!']);
            if !place.contains(GAP) && !place.is_empty() {
                return Some((trim_place(place), without(i)));
            }
        }
    }
    if have_place {
        return None;
    }
    lines.iter().enumerate().skip(1).find_map(|(i, line)| {
        let line = line.trim().trim_end_matches(['.', '!']);
        if line.contains(GAP) || line.is_empty() {
            return None;
        }
        let (name, detail) = match line.split_once(',') {
            Some((name, detail)) => (name.trim(), Some(detail.trim())),
            None => (line, None),
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        let capital = |w: &str| any_case || starts_upper_or_digit(w);
        let reads_as_name = (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| capital(w) || matches!(*w, "på" | "ved" | "i"))
            && capital(words[0])
            && !(any_case && words.len() > 2);
        let detail_ok = detail.is_none_or(|d| d.split_whitespace().count() <= 3);
        (reads_as_name && detail_ok && LEAD_IN.find(name).is_none_or(|m| m.end() == 0))
            .then(|| (trim_place(line), without(i)))
    })
}

/// Whether a message is written mostly in capitals.
pub fn is_shouting(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = text.chars().filter(|c| c.is_uppercase()).count();
    letters >= 8 && upper * 10 >= letters * 8
}

/// `text` in lower case, letter by letter where that keeps each letter's
/// length, so byte spans found in the original still fit.
pub fn lower_same_length(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// "ishøj strand" → "Ishøj Strand" (a place lowered from a poster in capitals).
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_house_number_suffix(word: &str) -> bool {
    word.len() <= 3
        && word.chars().all(|c| c.is_ascii_alphanumeric())
        && word.chars().any(|c| c.is_ascii_digit())
}

fn trim_place(place: &str) -> String {
    place
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '-' | '–'))
        .to_string()
}

/// Words that carry no title when they stand at either end.
const EDGE_FILLER: &[&str] = &[
    "på", "paa", "on", "at", "the", "d.", "d", "den", "fra", "from", "kl.", "kl", "klokken", "i",
    "in", "og", "and", "til", "to", "ved", "hos", "om", "-", "–", "—", ",", ":", "|", "er", "is",
    "this", "denne", "næste", "next", "between", "mellem", "starting", "starter", "begins",
    "begynder", "fra kl.", "hver", "every", "each",
];

/// Greetings and lead-ins before what the event is: "hej vi holder …",
/// "Hi everyone! …", "der er …", "join us for …".
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s|]*(?:(?:hej|hejsa|hallo|halløj|hi|hello|hey|godmorgen|goddag|kære\s+\p{L}+|dear\s+\p{L}+)(?:\s+(?:alle\s*sammen|alle|everyone|everybody|all|folks|naboer|neighbours|neighbors|venner|friends))?\s*[!,.:\p{So}\p{Sk}\x{FE0F}\x{200D}]*\s+)?(?:(?:vi|we)\s+(?:holder|afholder|laver|har|arrangerer|inviterer\s+til|are\s+having|are\s+holding|are\s+hosting|have|host|will\s+have)\s+|der\s+(?:er|bliver)\s+|there\s+(?:is|will\s+be)\s+|kom\s+til\s+|come\s+to\s+|join\s+us\s+for\s+)?",
    )
    .expect("static pattern")
});

/// What follows the event's name and is not part of it: a price, "alle er
/// velkomne", "everyone welcome", "meet at …", "tilmelding …".
static EXTRA_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:[,;!]\s*|\s+)(?:pris(?:en)?\b|billet(?:ter)?\b|entré|entre\b|gratis\b|alle\s+er\s+velkomne|alle\s+velkomne|alle\s+kan\s+være\s+med|everyone(?:'s)?\s+(?:is\s+)?welcome|everybody\s+welcome|all\s+welcome|free\s+(?:entry|for|admission)|admission\b|tickets?\b|price\b|meet\b|mødested|tilmelding|sign[\s-]+up|første\s+gang|first\s+time|starting\b|fra\s+og\s+med|for\s+alle\s+der|for\s+everyone\s+who|husk\b|bring\b|medbring\b|\d+\s*kr\b)",
    )
    .expect("static pattern")
});

/// The title: what is left once date, time and place are taken out, cut to
/// its first sentence, without greetings, prices and remarks.
pub fn title(rest: &str) -> String {
    let rest = match LEAD_IN.find(rest) {
        Some(m) if rest[m.end()..].chars().any(char::is_alphabetic) => &rest[m.end()..],
        _ => rest,
    };
    let rest = match EXTRA_CLAUSE.find(rest) {
        Some(m) if rest[..m.start()].chars().any(char::is_alphabetic) => &rest[..m.start()],
        _ => rest,
    };
    let joined = rest.replace(GAP, " ");
    // The first line or exclamation with words in it ("hej alle 😊" then a
    // line of emojis does not make a title).
    let first_sentence = joined
        .split_inclusive(['\n', '!'])
        .find(|part| part.chars().any(char::is_alphabetic))
        .unwrap_or(&joined)
        .to_string();
    let first_sentence = match first_sentence.find(". ") {
        Some(i) if i > 3 => first_sentence[..i].to_string(),
        _ => first_sentence,
    };
    // "Loppemarked – alle er velkomne": what follows a spaced dash is a remark.
    let first_sentence = match [" – ", " - ", " — "]
        .iter()
        .filter_map(|d| first_sentence.find(d))
        .min()
    {
        Some(i) if first_sentence[..i].chars().any(char::is_alphabetic) => {
            first_sentence[..i].to_string()
        }
        _ => first_sentence,
    };
    let mut words: Vec<&str> = first_sentence.split_whitespace().collect();
    loop {
        let before = words.len();
        while words.last().is_some_and(|w| is_filler(w)) {
            words.pop();
        }
        while words.first().is_some_and(|w| is_filler(w)) {
            words.remove(0);
        }
        if words.len() == before {
            break;
        }
    }
    let mut title = words.join(" ");
    title = title
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | '.' | ':' | ';' | '-' | '–' | '!')
        })
        .to_string();
    if title.chars().count() > 90 {
        let mut cut: String = title.chars().take(90).collect();
        if let Some(space) = cut.rfind(' ') {
            cut.truncate(space);
        }
        title = format!("{cut}…");
    }
    // "JULEMARKED" on a poster's first line is "Julemarked".
    if title.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && !title.chars().any(char::is_lowercase)
    {
        title = title.to_lowercase();
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(first) if title.chars().any(char::is_alphabetic) => {
            first.to_uppercase().chain(chars).collect()
        }
        _ => String::new(),
    }
}

fn is_filler(word: &str) -> bool {
    let w = word.to_lowercase();
    EDGE_FILLER.contains(&w.as_str()) || w.chars().all(|c| !c.is_alphanumeric())
}

static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"https?://[^\s<>"]+"#).expect("static pattern"));

/// The first web link and the first picture link in a story.
pub fn links(text: &str) -> (Option<String>, Option<String>) {
    let mut link = None;
    let mut photo = None;
    for m in URL.find_iter(text) {
        let url = m.as_str().trim_end_matches(['.', ',', ')', '!', '?']);
        let lower = url.to_lowercase();
        let is_picture = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic"]
            .iter()
            .any(|ext| lower.ends_with(ext));
        if is_picture {
            photo.get_or_insert_with(|| url.to_string());
        } else {
            link.get_or_insert_with(|| url.to_string());
        }
    }
    (link, photo)
}

/// Greetings, thanks and plans between friends mention days and times too;
/// they are not announcements.
static CHIT_CHAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(vi\s+ses|ses\s|see\s+you|tak\b|tusind\s+tak|mange\s+tak|thanks|thank\s+you|god\s+weekend|godmorgen|godnat|good\s+morning|good\s+night|have\s+a\s+(nice|good|great)|jeg\s+(kommer|er|var|har|skal|kan|glæder)|i'?m\b|i\s+am\b|i'?ll\b|i\s+will\b|i\s+was\b|we\s+were\b|vi\s+var\b|det\s+var|it\s+was|husk\s+(at|lige)\b|remember\s+(to|the)\b|don'?t\s+forget|glem\s+ikke|hvem|who\b|hvorfor|why\b|kan\s+nogen|can\s+anyone|could\s+someone|does\s+anyone|er\s+der\s+nogen|is\s+anyone|tillykke|congrat|happy\s+birthday|undskyld|sorry|min\s+|my\s+)",
    )
    .expect("static pattern")
});

/// Notices, reminders, lost-and-found and the past mention days and times
/// anywhere in a message; none of them is an event to list.
static NOT_AN_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b((har|holder|er)\s+(lukket|åbent|åben|ferielukket)|bliver\s+(hentet|lukket|tømt|slukket)|kører\s+ikke|er\s+aflyst|(is|are)\s+(closed|cancelled|canceled)|closes|opens\s+at|fundet|forsvundet|bortløbet|mistet|lost|found|missing|i\s+går|i\s+forgårs|i\s+morges|yesterday|last\s+(night|week)|ring\s+(til|på|efter)|call\s+me|mit\s+nummer|my\s+number|godt\s+gået|well\s+done|great\s+job|can'?t\s+make\s+it|kan\s+ikke\s+komme|sælges|til\s+salg|for\s+sale|købes)\b",
    )
    .expect("static pattern")
});

const QUESTION_STARTS: &[&str] = &[
    "hvad", "hvem", "hvor", "hvornår", "hvordan", "hvorfor", "kan", "skal", "er", "har", "vil",
    "what", "who", "where", "when", "how", "why", "can", "shall", "is", "are", "do", "does",
    "will", "should", "could", "would", "anyone", "nogen",
];

/// A sentence ends at "." or "!" followed by a capital letter ("kl. 14" does not end one).
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!]\s+\p{Lu}").expect("static pattern"));

/// Whether the message opens with a question. "Sommerfest lørdag kl. 14. Hvem
/// er med?" is an announcement that ends with a question, not a question.
pub fn is_question(text: &str) -> bool {
    let t = text.trim();
    let first_end = SENTENCE_END.find(t).map_or(t.len(), |m| m.start() + 1);
    if t[..first_end].contains('?') || (first_end == t.len() && t.ends_with('?')) {
        return true;
    }
    let first = t
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("")
        .to_lowercase();
    QUESTION_STARTS.contains(&first.as_str())
}

/// Whether an unprompted message reads like an event announcement: it says
/// when (a day, plus a time or a place) and is not a question or chit-chat.
pub fn looks_like_event(text: &str, tokens: &[Token]) -> bool {
    // On a poster, "ring til Anna" or "tilmelding" further down is part of
    // the description; only the opening lines tell a notice from an event.
    let opening: String = text.lines().take(2).collect::<Vec<_>>().join("\n");
    if is_question(text) || CHIT_CHAT.is_match(text) || NOT_AN_EVENT.is_match(&opening) {
        return false;
    }
    let has_date = tokens.iter().any(|t| {
        matches!(
            t.kind,
            TokenKind::Date(_)
                | TokenKind::Weekday(_)
                | TokenKind::Tonight
                | TokenKind::InvalidDate
                | TokenKind::Repeat(_)
                | TokenKind::DayRange(..)
        )
    });
    let has_time = tokens.iter().any(|t| t.kind.is_time());
    if !has_time && PRICE_TALK.is_match(text) {
        return false;
    }
    let all_day = tokens.iter().any(|t| t.kind == TokenKind::AllDay);
    let masked = mask(text, tokens);
    let has_place = take_location(&masked).0.is_some();
    (has_date && (has_time || has_place || all_day || EVENT_WORD.is_match(text)))
        || (has_time && has_place)
        || (!has_date && has_place && opens_with_gathering(text))
}

/// "Strikkecafé i Medborgerhuset for alle …": a message that opens with the
/// name of a gathering and says where is an event still missing its day,
/// so the bot asks for the day instead of saying it did not understand.
fn opens_with_gathering(text: &str) -> bool {
    let opening: String = LEAD_IN
        .find(text)
        .map_or(text, |m| &text[m.end()..])
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    EVENT_WORD.is_match(&opening)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places() {
        let cases = [
            (
                "Byttemarked i Glashuset | |",
                Some("Glashuset"),
                "Byttemarked",
            ),
            (
                "Litter pick at Ishøj Strand on | |",
                Some("Ishøj Strand"),
                "Litter pick",
            ),
            (
                "Strikkeklub på biblioteket | ",
                Some("biblioteket"),
                "Strikkeklub",
            ),
            (
                "Book club at the library | ",
                Some("the library"),
                "Book club",
            ),
            (
                "Kom i gang med yoga på Biblioteket |",
                Some("Biblioteket"),
                "Kom i gang med yoga",
            ),
            ("Fællesspisning | ", None, "Fællesspisning"),
        ];
        for (input, place, expected_title) in cases {
            let (found, rest) = take_location(input);
            assert_eq!(found.as_deref(), place, "{input}");
            assert_eq!(title(&rest), expected_title, "{input}");
        }
    }

    #[test]
    fn story_links() {
        let (link, photo) = links("Se https://example.org/a og billede https://x.dk/p.jpg.");
        assert_eq!(link.as_deref(), Some("https://example.org/a"));
        assert_eq!(photo.as_deref(), Some("https://x.dk/p.jpg"));
    }
}
