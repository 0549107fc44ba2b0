//! What a question is about besides when: a topic ("hvornår er der
//! fællesspisning?"), a place ("hvad sker der i Glashuset?") or an audience
//! and kind ("noget for børn", "anything free"), and the small vocabulary of
//! tags events get from their own words.
//!
//! The vocabulary is deliberately small and documented in
//! docs/UNDERSTANDING.md; each tag is a list of word stems in Danish and
//! English, matched at the start of a word.

use std::sync::LazyLock;

use regex::Regex;

/// A kind of event or audience, read from an event's words or a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tag {
    Children,
    Free,
    Music,
    Sport,
    Food,
    Nature,
    Culture,
    Seniors,
}

impl Tag {
    pub const ALL: [Tag; 8] = [
        Tag::Children,
        Tag::Free,
        Tag::Music,
        Tag::Sport,
        Tag::Food,
        Tag::Nature,
        Tag::Culture,
        Tag::Seniors,
    ];

    /// A stable name for `vores parse --json` and the catalogs.
    pub fn as_str(self) -> &'static str {
        match self {
            Tag::Children => "children",
            Tag::Free => "free",
            Tag::Music => "music",
            Tag::Sport => "sport",
            Tag::Food => "food",
            Tag::Nature => "nature",
            Tag::Culture => "culture",
            Tag::Seniors => "seniors",
        }
    }

    /// The tag named `name` by [`Tag::as_str`].
    pub fn from_name(name: &str) -> Option<Tag> {
        Tag::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// Word stems that give an event this tag (matched at a word's start).
    fn stems(self) -> &'static [&'static str] {
        match self {
            Tag::Children => &[
                "børn",
                "barn",
                "familie",
                "baby",
                "småbørn",
                "kids",
                "kid",
                "child",
                "famil",
                "toddler",
                "juniorer",
                "junior",
                "legestue",
                "børne",
            ],
            Tag::Free => &["gratis", "free", "fri entré", "ingen entré", "no charge"],
            Tag::Music => &[
                "musik",
                "koncert",
                "sang",
                "kor",
                "synge",
                "fællessang",
                "music",
                "concert",
                "choir",
                "singing",
                "song",
                "band",
                "jazz",
                "rytmik",
            ],
            Tag::Sport => &[
                "sport",
                "fodbold",
                "løb",
                "yoga",
                "gymnastik",
                "svøm",
                "cykl",
                "tennis",
                "håndbold",
                "motion",
                "træning",
                "football",
                "soccer",
                "running",
                "swim",
                "cycling",
                "fitness",
                "badminton",
                "petanque",
                "vinterbad",
                "gåklub",
            ],
            Tag::Food => &[
                "mad",
                "spisning",
                "fællesspisning",
                "middag",
                "frokost",
                "brunch",
                "morgenmad",
                "kage",
                "julefrokost",
                "madmarked",
                "food",
                "dinner",
                "lunch",
                "breakfast",
                "cake",
                "picnic",
                "piknik",
                "iftar",
                "grill",
                "bbq",
                "kaffe",
                "coffee",
            ],
            Tag::Nature => &[
                "natur",
                "skov",
                "strand",
                "affald",
                "oprydning",
                "fugle",
                "haveklub",
                "nature",
                "forest",
                "beach",
                "litter",
                "clean",
                "garden",
                "hike",
                "gåtur",
                "walk",
                "strandrens",
                "naturcenter",
                "bird",
            ],
            Tag::Culture => &[
                "kunst",
                "teater",
                "film",
                "udstilling",
                "foredrag",
                "bog",
                "læse",
                "museum",
                "kultur",
                "art",
                "theatre",
                "theater",
                "exhibition",
                "talk",
                "lecture",
                "book",
                "reading",
                "poetry",
                "digt",
            ],
            Tag::Seniors => &[
                "ældre",
                "senior",
                "pensionist",
                "plejehjem",
                "elderly",
                "older",
                "cykling uden alder",
            ],
        }
    }

    /// Words that name the tag in a question ("noget for børn", "anything
    /// free", "noget med musik").
    fn asked(self) -> &'static [&'static str] {
        match self {
            Tag::Children => &[
                "for børn",
                "for barn",
                "for familier",
                "for familien",
                "for de små",
                "børnevenlig",
                "for kids",
                "for children",
                "for families",
                "for the kids",
                "kid-friendly",
                "kids",
            ],
            Tag::Free => &["gratis", "free", "uden entré", "uden at betale"],
            Tag::Music => &["musik", "koncert", "music", "concert"],
            Tag::Sport => &["sport", "motion", "idræt", "exercise"],
            Tag::Food => &["mad", "spise", "food", "eat"],
            Tag::Nature => &["natur", "i naturen", "nature", "outdoors", "udendørs"],
            Tag::Culture => &["kultur", "kunst", "culture", "art"],
            Tag::Seniors => &[
                "for ældre",
                "for seniorer",
                "for pensionister",
                "for seniors",
                "for the elderly",
            ],
        }
    }
}

/// The tags an event's words give it (title, place and message).
pub fn tags_of(text: &str) -> Vec<Tag> {
    let lower = format!(" {}", text.to_lowercase());
    // A stem counts where no letter or digit comes right before it: the
    // start of a word. Those few places are found once and every stem is
    // compared there (a clash check runs this for each event of the day; a
    // substring search per stem and event was most of a submission's time).
    let mut starts = Vec::new();
    let mut after_alphanumeric = false;
    for (i, c) in lower.char_indices() {
        if !after_alphanumeric {
            starts.push(i);
        }
        after_alphanumeric = c.is_alphanumeric();
    }
    Tag::ALL
        .into_iter()
        .filter(|tag| {
            tag.stems()
                .iter()
                .any(|stem| starts.iter().any(|&i| lower[i..].starts_with(stem)))
        })
        .collect()
}

/// The kind of gathering a title names, by the last part of its words:
/// "Byttemarked" and "Loppemarked" are both markets, "Sommerfest" and
/// "Gadefest" both parties. Danish builds such words by compounding.
pub fn activity_head(title: &str) -> Option<&'static str> {
    const HEADS: &[&str] = &[
        "marked",
        "market",
        "fest",
        "party",
        "koncert",
        "concert",
        "spisning",
        "dinner",
        "frokost",
        "lunch",
        "løb",
        "tur",
        "walk",
        "klub",
        "club",
        "café",
        "cafe",
        "quiz",
        "banko",
        "bingo",
        "foredrag",
        "talk",
        "workshop",
        "gudstjeneste",
        "service",
        "udstilling",
        "exhibition",
        "indsamling",
        "pick",
        "sang",
        "singing",
        "dans",
        "dance",
        "film",
        "teater",
    ];
    let lower = title.to_lowercase();
    lower.split_whitespace().find_map(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        HEADS.iter().copied().find(|head| word.ends_with(head))
    })
}

/// What a question is about besides its time.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct About {
    /// "fællesspisning" in "hvornår er der fællesspisning?".
    pub topic: Option<String>,
    /// "Glashuset" in "hvad sker der i Glashuset?".
    pub place: Option<String>,
    /// "for børn", "gratis".
    pub tags: Vec<Tag>,
}

impl About {
    pub fn is_empty(&self) -> bool {
        self.topic.is_none() && self.place.is_none() && self.tags.is_empty()
    }

    /// The tags a question asks for.
    pub fn asked_tags(question: &str) -> Vec<Tag> {
        let lower = format!(
            " {} ",
            question.to_lowercase().replace(['?', '!', ','], " ")
        );
        Tag::ALL
            .into_iter()
            .filter(|tag| {
                // "concerts", "koncerter": a plural asks for the same.
                tag.asked().iter().any(|w| {
                    ["", "s", "er", "r"]
                        .iter()
                        .any(|plural| lower.contains(&format!(" {w}{plural} ")))
                })
            })
            .collect()
    }
}

/// "hvornår er der fællesspisning?", "hvornår er der næste byttemarked?",
/// "when is the next litter pick?": a question about when something is.
static WHEN_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:hej\s*[,!]?\s*|hi\s*[,!]?\s*)?(?:hvornår|hvorn[aå]r|when)(?:\s+(?:er|is|are|does|do|starts?|begynder|holder|har\s+i|kommer)|'s|’s)\s+(?:der\s+)?(?:(?:en|et|the|a|an)\s+)?(?:næste|naeste|next)?\s*(?P<topic>[\p{L}][\p{L}\s'\-]{1,60}?)\s*(?:igen|again|næste\s+gang|next|on|start|starte)?\s*\??\s*$",
    )
    .expect("static pattern")
});

/// The topic of a "when is …" question, if `text` is one.
pub fn when_is_topic(text: &str) -> Option<String> {
    let c = WHEN_IS.captures(text)?;
    let topic = c["topic"].trim().trim_end_matches(['?', '.']).trim();
    let words = topic.split_whitespace().count();
    // "hvornår er der noget" is a question about time, not a topic.
    let vague = [
        "noget",
        "nogen",
        "something",
        "anything",
        "der",
        "det",
        "it",
        "what",
    ];
    ((1..=4).contains(&words) && !vague.contains(&topic.to_lowercase().as_str()))
        .then(|| topic.to_string())
}

/// Whether `title` (and the event's text) is what `topic` asks about:
/// every word of the topic starts a word of the title, allowing Danish
/// endings ("byttemarkedet", "fællesspisningen") and a missing plural.
pub fn topic_matches(topic: &str, title: &str, text: &str) -> bool {
    let haystack = format!(" {} {} ", title.to_lowercase(), text.to_lowercase());
    topic.to_lowercase().split_whitespace().map(stem).all(|w| {
        haystack
            .match_indices(&w)
            .any(|(i, _)| !haystack[..i].ends_with(char::is_alphanumeric))
    })
}

/// The words to look up in the search index for a topic or a place:
/// stems, so "byttemarkedet" finds "Byttemarked" (every one must start a
/// word of the event's title, place or message).
pub fn search_words(about: &About) -> Vec<String> {
    const SKIP: &[&str] = &[
        "the", "a", "an", "i", "på", "ved", "hos", "at", "in", "og", "and",
    ];
    about
        .topic
        .iter()
        .chain(about.place.iter())
        .flat_map(|text| text.split_whitespace())
        .filter(|w| !SKIP.contains(&w.to_lowercase().as_str()))
        .map(|w| stem(&w.to_lowercase()))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A word without the common Danish and English endings.
fn stem(word: &str) -> String {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    for ending in ["erne", "ene", "en", "et", "er", "es", "s", "e"] {
        if let Some(stem) = w.strip_suffix(ending)
            && stem.chars().count() >= 4
        {
            return stem.to_string();
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_tags_from_words() {
        assert_eq!(
            tags_of("Juleklip for børn på biblioteket, gratis"),
            vec![Tag::Children, Tag::Free]
        );
        assert_eq!(tags_of("Fællesspisning"), vec![Tag::Food]);
        assert_eq!(tags_of("Litter pick at Ishøj Strand"), vec![Tag::Nature]);
        assert!(tags_of("Koret øver").contains(&Tag::Music));
        // A stem only counts at the start of a word.
        assert!(!tags_of("Bestyrelsesmøde").contains(&Tag::Food));
    }

    #[test]
    fn when_is_questions() {
        assert_eq!(
            when_is_topic("hvornår er der fællesspisning?").as_deref(),
            Some("fællesspisning")
        );
        assert_eq!(
            when_is_topic("hvornår er der næste byttemarked?").as_deref(),
            Some("byttemarked")
        );
        assert_eq!(
            when_is_topic("When is the next litter pick?").as_deref(),
            Some("litter pick")
        );
        assert_eq!(when_is_topic("hvornår er der noget?"), None);
        assert!(topic_matches(
            "byttemarked",
            "Byttemarkedet i Glashuset",
            ""
        ));
        assert!(topic_matches("fællesspisning", "Fællesspisning", ""));
        assert!(!topic_matches("banko", "Byttemarked", "i hallen"));
    }
}
