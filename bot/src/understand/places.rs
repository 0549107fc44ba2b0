//! Places residents add by message ("Nyt sted: Hundeskoven ved Ishøj
//! Strand https://www.openstreetmap.org/?mlat=55.61&mlon=12.37") and ask
//! about ("hvor er hundeskoven?"): where a map link or coordinates put it,
//! what kind of place it is, and which known place a name means.

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::model::PlaceDetails;

/// What kind of place it is, from the words residents use for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Playground,
    DogPark,
    Cafe,
    CultureHouse,
    Library,
    Park,
    Beach,
    Sports,
    CommunityHouse,
    Nature,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 10] = [
        PlaceKind::Playground,
        PlaceKind::DogPark,
        PlaceKind::Cafe,
        PlaceKind::CultureHouse,
        PlaceKind::Library,
        PlaceKind::Park,
        PlaceKind::Beach,
        PlaceKind::Sports,
        PlaceKind::CommunityHouse,
        PlaceKind::Nature,
    ];

    /// A stable name (the catalogs' `place_kind_…` keys, feeds).
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Playground => "playground",
            PlaceKind::DogPark => "dog_park",
            PlaceKind::Cafe => "cafe",
            PlaceKind::CultureHouse => "culture_house",
            PlaceKind::Library => "library",
            PlaceKind::Park => "park",
            PlaceKind::Beach => "beach",
            PlaceKind::Sports => "sports",
            PlaceKind::CommunityHouse => "community_house",
            PlaceKind::Nature => "nature",
        }
    }

    /// Word stems (Danish and English) that name the kind, matched at the
    /// start of a word; the first kind that matches wins, so the specific
    /// come before the general ("hundeskov" before "skov").
    fn stems(self) -> &'static [&'static str] {
        match self {
            PlaceKind::Playground => &["legeplads", "legepladsen", "playground"],
            PlaceKind::DogPark => &[
                "hundeskov",
                "hundepark",
                "hundegård",
                "hundelufter",
                "dog park",
                "dog-park",
            ],
            PlaceKind::Cafe => &["café", "cafe", "kaffebar", "coffee", "bageri", "bakery"],
            PlaceKind::CultureHouse => &[
                "kulturhus",
                "kulturcenter",
                "culture house",
                "kulturværksted",
                "museum",
            ],
            PlaceKind::Library => &["bibliotek", "library"],
            PlaceKind::Park => &["park", "have", "garden", "bypark"],
            PlaceKind::Beach => &["strand", "beach", "badested", "havn", "harbour", "harbor"],
            PlaceKind::Sports => &[
                "boldbane",
                "fodboldbane",
                "idrætsanlæg",
                "idrætshal",
                "hal",
                "svømmehal",
                "sportsplads",
                "stadion",
                "pitch",
                "sports",
                "fitness",
                "motionssti",
                "skatepark",
                "multibane",
            ],
            PlaceKind::CommunityHouse => &[
                "medborgerhus",
                "forsamlingshus",
                "beboerhus",
                "fælleshus",
                "klubhus",
                "community centre",
                "community center",
                "moské",
                "kirke",
                "church",
                "mosque",
            ],
            PlaceKind::Nature => &[
                "skov",
                "sø",
                "eng",
                "naturområde",
                "wood",
                "forest",
                "lake",
                "shelter",
                "bålplads",
                "grillplads",
            ],
        }
    }

    /// The kind the words of `text` name, if any.
    pub fn of(text: &str) -> Option<PlaceKind> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        PlaceKind::ALL.into_iter().find(|kind| {
            kind.stems().iter().any(|stem| {
                if stem.contains(' ') {
                    lower.contains(stem)
                } else {
                    // "hundeskoven" is a hundeskov; "Skovvej" is a street.
                    words.iter().any(|w| {
                        w.starts_with(stem) && w.chars().count() <= stem.chars().count() + 3
                    })
                }
            })
        })
    }
}

static OSM_PARAMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)openstreetmap\.org/\S*?[?&]mlat=(-?\d{1,2}(?:\.\d+)?)&mlon=(-?\d{1,3}(?:\.\d+)?)",
    )
    .expect("static pattern")
});
static OSM_HASH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)openstreetmap\.org/\S*#map=\d{1,2}/(-?\d{1,2}(?:\.\d+)?)/(-?\d{1,3}(?:\.\d+)?)",
    )
    .expect("static pattern")
});
static GOOGLE_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)google\.[a-z.]+/maps\S*?@(-?\d{1,2}\.\d+),(-?\d{1,3}\.\d+)")
        .expect("static pattern")
});
static GOOGLE_Q: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)google\.[a-z.]+/maps\S*?[?&](?:q|query|ll)=(-?\d{1,2}\.\d+)(?:,|%2C)\s*(-?\d{1,3}\.\d+)")
        .expect("static pattern")
});
static GEO_URI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bgeo:(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)").expect("static pattern")
});
/// "55.6153, 12.3587" or "55.6153 12.3587": two decimal numbers with dots
/// (a comma-decimal "55,61" is a list as often as a number; not guessed).
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s(])(-?\d{1,2}\.\d{3,})\s*[,;]?\s+(-?\d{1,3}\.\d{3,})\b|(?:^|[\s(])(-?\d{1,2}\.\d{3,}),(-?\d{1,3}\.\d{3,})\b")
        .expect("static pattern")
});
static URL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|geo:)\S+").expect("static pattern"));

/// Where a map link or written coordinates put a place: (lat, lon), in
/// range, or nothing.
pub fn coordinates(text: &str) -> Option<(f64, f64)> {
    let found = [&*OSM_PARAMS, &*OSM_HASH, &*GOOGLE_AT, &*GOOGLE_Q, &*GEO_URI]
        .iter()
        .find_map(|re| {
            let c = re.captures(text)?;
            Some((c[1].parse().ok()?, c[2].parse().ok()?))
        })
        .or_else(|| {
            let c = BARE.captures(text)?;
            let (lat, lon) = match (c.get(1), c.get(2)) {
                (Some(lat), Some(lon)) => (lat, lon),
                _ => (c.get(3)?, c.get(4)?),
            };
            Some((lat.as_str().parse().ok()?, lon.as_str().parse().ok()?))
        })?;
    let (lat, lon): (f64, f64) = found;
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && (lat, lon) != (0.0, 0.0))
        .then_some((lat, lon))
}

/// A place as a resident described it: the name first, then where
/// ("Hundeskoven ved Ishøj Strand", "Café Solstrålen, Ishøj Bycenter 12"),
/// a map link or coordinates anywhere.
pub fn place_draft(body: &str) -> PlaceDetails {
    let link = URL
        .find(body)
        .map(|m| m.as_str().trim_end_matches(['.', ',', ')']).to_string());
    let point = coordinates(body);
    // The words without the link and the coordinates.
    let mut words = URL.replace_all(body, " ").to_string();
    if let Some(m) = BARE.find(&words) {
        words.replace_range(m.range(), " ");
    }
    // Emojis say how the resident feels, not what the place is called.
    let words: String = words.chars().filter(|c| !is_emoji(*c)).collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let words = words.trim_matches(|c: char| c.is_whitespace() || ",.:;-–".contains(c));
    let (name, address) = split_name(words);
    let kind = PlaceKind::of(&name).or_else(|| PlaceKind::of(words));
    PlaceDetails {
        name: crate::format::capitalised(&name),
        kind,
        lat: point.map(|p| p.0),
        lon: point.map(|p| p.1),
        address,
        link: link.filter(|l| !l.to_lowercase().starts_with("geo:")),
    }
}

/// Pictographs, their modifiers and joiners.
fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}'
        | '\u{2600}'..='\u{27BF}'
        | '\u{2B00}'..='\u{2BFF}'
        | '\u{FE0E}' | '\u{FE0F}' | '\u{200D}' | '\u{20E3}')
}

/// "Hundeskoven ved Ishøj Strand" → ("Hundeskoven", "ved Ishøj Strand");
/// "Café Solstrålen, Ishøj Bycenter 12" → ("Café Solstrålen", "Ishøj
/// Bycenter 12").
fn split_name(words: &str) -> (String, Option<String>) {
    if let Some((name, rest)) = words.split_once([',', '\n']) {
        let rest = rest.trim();
        return (
            name.trim().to_string(),
            (!rest.is_empty()).then(|| rest.to_string()),
        );
    }
    let lower = words.to_lowercase();
    for joint in [
        " ved ",
        " på ",
        " near ",
        " by ",
        " at ",
        " bag ",
        " overfor ",
    ] {
        if let Some(at) = lower.find(joint) {
            let (name, rest) = words.split_at(at);
            return (name.trim().to_string(), Some(rest.trim().to_string()));
        }
    }
    (words.to_string(), None)
}

/// An OpenStreetMap link to a point (the chat's answers and the web's
/// places page give the same one).
pub fn map_link(lat: f64, lon: f64) -> String {
    format!("https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=17/{lat:.5}/{lon:.5}")
}

static WHERE_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:hej\s*[!,.]?\s*)?(?:hvor\s+(?:er|ligger|finder\s+jeg)|where\s+(?:is|are|can\s+i\s+find)|where's)\s+(.+?)\s*\??\s*$",
    )
    .expect("static pattern")
});

/// What "hvor er hundeskoven?" / "where is the library?" asks about, when
/// it asks where a place is (not "hvor er der loppemarked?", which asks
/// what is on, and not "hvor er du?").
pub fn where_is(text: &str) -> Option<String> {
    let c = WHERE_IS.captures(text)?;
    let target = c[1].trim().trim_end_matches(['?', '!', '.']).trim();
    let lower = target.to_lowercase();
    let first = lower.split_whitespace().next()?;
    const NOT_PLACES: &[&str] = &[
        "der", "det", "den", "de", "du", "jeg", "vi", "i", "han", "hun", "man", "it", "there",
        "you", "we", "they", "he", "she", "my", "min", "mit", "mine",
    ];
    if NOT_PLACES.contains(&first) {
        return None;
    }
    let target = lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .trim()
        .to_string();
    (!target.is_empty()).then_some(target)
}

/// Whether a name asked about means a place called `name`: the same words
/// whatever the case, or each word the start of the other's ("hundeskoven"
/// and "Hundeskov", "biblioteket" and "Ishøj Bibliotek").
pub fn same_place(asked: &str, name: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (asked, name) = (words(asked), words(name));
    if asked.is_empty() || name.is_empty() {
        return false;
    }
    if asked == name {
        return true;
    }
    // Every word asked is (the start of) a word of the name, or the name's
    // word is the start of it: "biblioteket" asks for "Bibliotek".
    let close = |a: &str, n: &str| {
        let shorter = a.chars().count().min(n.chars().count());
        shorter >= 4 && (a.starts_with(n) || n.starts_with(a))
    };
    asked
        .iter()
        .all(|a| name.iter().any(|n| a == n || close(a, n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_from_links_and_numbers() {
        let cases = [
            (
                "https://www.openstreetmap.org/?mlat=55.6080&mlon=12.3700#map=17/55.6080/12.3700",
                Some((55.608, 12.37)),
            ),
            (
                "https://www.openstreetmap.org/#map=18/55.61234/12.35678",
                Some((55.61234, 12.35678)),
            ),
            (
                "https://www.google.com/maps/place/Ishøj+Strand/@55.6079,12.3701,15z/data=!3m1",
                Some((55.6079, 12.3701)),
            ),
            (
                "https://maps.google.dk/maps?q=55.6153,12.3587",
                Some((55.6153, 12.3587)),
            ),
            ("geo:55.6153,12.3587?z=17", Some((55.6153, 12.3587))),
            (
                "det ligger på 55.6153, 12.3587 ca",
                Some((55.6153, 12.3587)),
            ),
            ("55.6153 12.3587", Some((55.6153, 12.3587))),
            // A price and a time are not coordinates; nor is nonsense.
            ("koster 40.00 kr kl 18.30", None),
            ("geo:123.0,12.0", None),
            ("https://maps.app.goo.gl/AbCdEf", None),
        ];
        for (text, expected) in cases {
            assert_eq!(coordinates(text), expected, "{text}");
        }
    }

    #[test]
    fn a_place_as_residents_write_it() {
        let p = place_draft(
            "Hundeskoven ved Ishøj Strand https://www.openstreetmap.org/?mlat=55.6080&mlon=12.3700",
        );
        assert_eq!(p.name, "Hundeskoven");
        assert_eq!(p.address.as_deref(), Some("ved Ishøj Strand"));
        assert_eq!(p.kind, Some(PlaceKind::DogPark));
        assert_eq!(p.point(), Some((55.608, 12.37)));
        assert!(p.link.as_deref().unwrap().contains("openstreetmap"));

        let p = place_draft("café solstrålen, Ishøj Bycenter 12 😊");
        assert_eq!(p.name, "Café solstrålen");
        assert_eq!(p.address.as_deref(), Some("Ishøj Bycenter 12"));
        assert_eq!(p.kind, Some(PlaceKind::Cafe));
        assert_eq!(p.point(), None);

        let p = place_draft("den nye legeplads bag skolen 55.6101, 12.3499");
        assert_eq!(p.kind, Some(PlaceKind::Playground));
        assert_eq!(p.point(), Some((55.6101, 12.3499)));
        assert_eq!(p.name, "Den nye legeplads");
    }

    #[test]
    fn where_is_a_place() {
        assert_eq!(
            where_is("hvor er hundeskoven?").as_deref(),
            Some("hundeskoven")
        );
        assert_eq!(
            where_is("Hvor ligger Glashuset").as_deref(),
            Some("glashuset")
        );
        assert_eq!(
            where_is("where is the library?").as_deref(),
            Some("library")
        );
        assert_eq!(
            where_is("hej, hvor finder jeg legepladsen?").as_deref(),
            Some("legepladsen")
        );
        assert_eq!(where_is("hvor er der loppemarked?"), None);
        assert_eq!(where_is("hvor er du?"), None);
        assert_eq!(where_is("what's on tomorrow"), None);
    }

    #[test]
    fn names_match_loosely() {
        assert!(same_place("hundeskoven", "Hundeskoven"));
        assert!(same_place("hundeskov", "Hundeskoven"));
        assert!(same_place("glashuset", "Glashuset"));
        assert!(same_place("biblioteket", "Bibliotek"));
        assert!(!same_place("biblioteket", "Ishøj Strand"));
        assert!(
            !same_place("hal", "Halmtorvet"),
            "short words must match whole"
        );
    }
}
