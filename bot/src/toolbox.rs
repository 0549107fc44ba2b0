//! The toolbox (`/værktøj`, `/toolbox`): short guides that help residents
//! tell their story well — write a good story, announce an event, write a
//! press release, photos and consent, reach the local paper. The texts live
//! in `guides/*.toml`, one file per language, which the communication team
//! edits without touching code; every language has the same guides (a test
//! checks it).

use std::sync::OnceLock;

use serde::Deserialize;

use crate::lang::Language;

/// One guide: a title and a few short messages.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    /// The same in every language ("story", "press"…).
    pub id: String,
    pub title: String,
    /// Each sent as a message of its own.
    pub parts: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuideFile {
    guide: Vec<Guide>,
}

/// The guides are long texts for the communication team and volunteers,
/// written in Danish and English; the other languages read the English
/// ones until they are translated.
fn all() -> &'static [Vec<Guide>; 2] {
    static GUIDES: OnceLock<[Vec<Guide>; 2]> = OnceLock::new();
    GUIDES.get_or_init(|| {
        // Compiled in; `every_language_has_every_guide` catches a mistake
        // before it ships.
        [
            ("da", include_str!("../guides/da.toml")),
            ("en", include_str!("../guides/en.toml")),
        ]
        .map(|(code, source)| {
            let file: GuideFile = toml::from_str(source)
                .unwrap_or_else(|e| panic!("guides/{code}.toml does not parse: {e}"));
            file.guide
        })
    })
}

/// The guides in `lang`, in the order the toolbox lists them.
pub fn guides(lang: Language) -> &'static [Guide] {
    &all()[usize::from(lang != Language::Da)]
}

/// The guide a resident asked for: by its number in the list ("2"), its id
/// ("press"), or a word of its title ("pressemeddelelse", "billeder").
pub fn find(lang: Language, asked: &str) -> Option<&'static Guide> {
    let asked = asked.trim().trim_start_matches('#').to_lowercase();
    if asked.is_empty() {
        return None;
    }
    let list = guides(lang);
    if let Ok(n) = asked.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| list.get(i));
    }
    list.iter().find(|g| g.id == asked).or_else(|| {
        list.iter().find(|g| {
            g.title
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|word| {
                    word.len() >= 4 && (word.starts_with(&asked) || asked.starts_with(word))
                })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_guide() {
        let ids = |lang| {
            guides(lang)
                .iter()
                .map(|g| g.id.clone())
                .collect::<Vec<_>>()
        };
        assert!(!guides(Language::Da).is_empty());
        for lang in Language::all() {
            assert_eq!(ids(lang), ids(Language::Da), "{lang} lists other guides");
            for guide in guides(lang) {
                assert!(
                    !guide.title.trim().is_empty(),
                    "{lang} {}: no title",
                    guide.id
                );
                assert!(
                    (2..=6).contains(&guide.parts.len()),
                    "{lang} {}: a guide is a few short messages",
                    guide.id
                );
                for part in &guide.parts {
                    assert!(
                        part.chars().count() <= 300,
                        "{lang} {}: a part is a short message: {part}",
                        guide.id
                    );
                }
            }
        }
    }

    #[test]
    fn a_guide_is_found_by_number_id_or_word() {
        assert_eq!(
            find(Language::Da, "1").map(|g| g.id.as_str()),
            Some("story")
        );
        assert_eq!(
            find(Language::Da, "press").map(|g| g.id.as_str()),
            Some("press")
        );
        assert_eq!(
            find(Language::Da, "pressemeddelelse").map(|g| g.id.as_str()),
            Some("press")
        );
        assert_eq!(
            find(Language::Da, "billeder").map(|g| g.id.as_str()),
            Some("photos")
        );
        assert_eq!(
            find(Language::En, "photos").map(|g| g.id.as_str()),
            Some("photos")
        );
        assert_eq!(find(Language::Da, "9"), None);
        assert_eq!(find(Language::Da, "0"), None);
        assert_eq!(find(Language::Da, "xyz"), None);
    }
}
