//! Drafts for the communication team: a press release and a newsletter
//! paragraph made from an approved story or event (`/pressemeddelelse #N`,
//! `/nyhedsbrev #N`, `vores export stories`). The team edits the wording in
//! `templates/drafts/*.txt` (minijinja, one per kind and language) without
//! touching code; the parts — headline, lead, body, quote, practical facts,
//! contact — and what is missing are decided here. A resident's name is in
//! a draft only when they did not ask to be anonymous.

use std::sync::LazyLock;

use chrono_tz::Tz;
use regex::Regex;
use serde::Serialize;

use crate::format;
use crate::lang::{Language, tr};
use crate::model::{Submission, SubmissionKind};

/// The first sentence or line of a text, at most 80 characters: a
/// headline ("…" where it was cut).
pub fn headline(text: &str) -> String {
    shortened(first_sentence(text), 80)
}

/// The opening of a text as a teaser (the digest's story lines, a
/// newsletter's lead): its first sentence, at most 160 characters.
pub fn lead(text: &str) -> String {
    shortened(first_sentence(text), 160)
}

fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    // A sentence ends at ". ", "! ", "? " or a line break; "kl. 10" and
    // "1. maj" do not end one (a digit or a lower-case word follows).
    let mut end = text.len();
    for (i, c) in text.char_indices() {
        if c == '\n' {
            end = i;
            break;
        }
        if matches!(c, '.' | '!' | '?') {
            let rest = &text[i + c.len_utf8()..];
            let next = rest.trim_start().chars().next();
            if rest.starts_with(char::is_whitespace)
                && next.is_some_and(|n| n.is_uppercase() || n == '»' || n == '"' || n == '“')
            {
                end = i + c.len_utf8();
                break;
            }
        }
    }
    let first = text[..end].trim();
    if first.is_empty() { text } else { first }
}

fn shortened(text: &str, most: usize) -> String {
    let mut chars = text.chars();
    let short: String = chars.by_ref().take(most).collect();
    if chars.next().is_some() {
        // Cut at a word, not inside one.
        let cut = short
            .rfind(char::is_whitespace)
            .filter(|&i| i > most / 2)
            .map_or(short.as_str(), |i| &short[..i]);
        format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
    } else {
        short
    }
}

static QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"»([^«]{3,})«|“([^”]{3,})”|"([^"]{3,})""#).expect("static pattern")
});

/// What a resident quoted in their text (»…«, “…” or "…").
pub fn quotes(text: &str) -> Vec<String> {
    QUOTE
        .captures_iter(text)
        .filter_map(|c| {
            c.iter()
                .skip(1)
                .flatten()
                .next()
                .map(|m| m.as_str().trim().to_string())
        })
        .collect()
}

/// The parts of a draft, as the templates see them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub id: i64,
    /// "story" or "event".
    pub kind: &'static str,
    pub headline: String,
    pub lead: String,
    /// The text after the lead.
    pub body: String,
    pub quotes: Vec<String>,
    /// (label, value): when, where, link.
    pub facts: Vec<(String, String)>,
    /// Who told it, when they agreed to be named.
    pub teller: Option<String>,
    /// Who to ask: the group, and where.
    pub contact: String,
    pub photo: Option<String>,
    /// What the draft lacks, in words the team can act on.
    pub missing: Vec<String>,
}

impl Draft {
    /// The draft of a story or event, in `lang`, for `group_title`'s team.
    pub fn of(s: &Submission, lang: Language, tz: Tz, group_title: &str) -> Draft {
        let text = s.text.trim();
        let head = first_sentence(text);
        let body = text[text.find(head).map_or(0, |i| i + head.len())..]
            .trim()
            .to_string();
        let quotes = quotes(text);
        let mut facts = Vec::new();
        let mut missing = Vec::new();
        let teller = (!s.anonymous).then(|| s.origin.author_name.clone());
        let photo = s
            .story
            .as_ref()
            .and_then(|d| d.shown_photo().map(str::to_string));
        match (&s.event, s.kind) {
            (Some(event), _) => {
                if let Some(start) = event.starts_at {
                    let today = start.with_timezone(&tz).date_naive();
                    let day = format::date(lang, today, true);
                    facts.push((
                        tr(lang, "draft_when", &[]),
                        format!("{day}, {}", format::event_time(lang, s, tz)),
                    ));
                }
                match event
                    .draft
                    .location
                    .as_deref()
                    .filter(|l| !l.trim().is_empty())
                {
                    Some(place) => facts.push((tr(lang, "draft_where", &[]), place.to_string())),
                    None => missing.push(tr(lang, "draft_missing_place", &[])),
                }
            }
            (None, _) => {
                if let Some(link) = s.story.as_ref().and_then(|d| d.link.clone()) {
                    facts.push((tr(lang, "draft_link", &[]), link));
                }
                if photo.is_none() {
                    missing.push(tr(lang, "draft_missing_photo", &[]));
                }
            }
        }
        if quotes.is_empty() {
            missing.push(tr(lang, "draft_missing_quote", &[]));
        }
        if text.split_whitespace().count() < 30 {
            missing.push(tr(lang, "draft_missing_details", &[]));
        }
        if teller.is_none() {
            missing.push(tr(lang, "draft_missing_name", &[]));
        }
        Draft {
            id: s.id,
            kind: if s.kind == SubmissionKind::Event {
                "event"
            } else {
                "story"
            },
            headline: match &s.event {
                Some(e) => e.draft.title.clone(),
                None => format::capitalised(&headline(text)),
            },
            lead: format::capitalised(&lead(text)),
            body,
            quotes,
            facts,
            teller,
            contact: tr(
                lang,
                "draft_contact",
                &[
                    ("group", group_title),
                    (
                        "platform",
                        &format::platform(lang, s.origin.conversation.platform),
                    ),
                ],
            ),
            photo,
            missing,
        }
    }
}

/// Which draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKind {
    PressRelease,
    Newsletter,
}

fn template(kind: DraftKind, lang: Language) -> (&'static str, &'static str) {
    match (kind, lang) {
        (DraftKind::PressRelease, Language::Da) => (
            "press.da.txt",
            include_str!("../templates/drafts/press.da.txt"),
        ),
        // Drafts are for the local paper and the newsletter, written in
        // Danish or English; other languages get the English draft.
        (DraftKind::PressRelease, _) => (
            "press.en.txt",
            include_str!("../templates/drafts/press.en.txt"),
        ),
        (DraftKind::Newsletter, Language::Da) => (
            "newsletter.da.txt",
            include_str!("../templates/drafts/newsletter.da.txt"),
        ),
        (DraftKind::Newsletter, _) => (
            "newsletter.en.txt",
            include_str!("../templates/drafts/newsletter.en.txt"),
        ),
    }
}

/// A draft written out with the team's template (plain text; blank lines
/// separate paragraphs).
pub fn render(kind: DraftKind, lang: Language, draft: &Draft) -> String {
    let (name, source) = template(kind, lang);
    let mut env = minijinja::Environment::new();
    // Plain text: nothing to escape (the chat renders it as text).
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    let rendered = env
        .add_template(name, source)
        .and_then(|()| env.get_template(name))
        .and_then(|t| t.render(minijinja::context! { d => draft }));
    match rendered {
        Ok(text) => {
            // Template lines left empty by a missing part collapse.
            let mut out = String::new();
            for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(block);
            }
            out
        }
        Err(e) => {
            tracing::error!(error = %e, template = name, "a draft template does not render");
            tr(lang, "draft_failed", &[])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leads_and_headlines_end_at_a_sentence() {
        assert_eq!(
            lead("40 naboer samlede affald ved stranden lørdag kl. 10. Bagefter var der kaffe."),
            "40 naboer samlede affald ved stranden lørdag kl. 10."
        );
        assert_eq!(lead("Den 1. maj var vi 200! Tak"), "Den 1. maj var vi 200!");
        assert_eq!(
            headline("kort historie uden punktum"),
            "kort historie uden punktum"
        );
        let long = "ord ".repeat(40);
        let cut = headline(&long);
        assert!(cut.ends_with('…') && cut.chars().count() <= 81, "{cut}");
    }

    #[test]
    fn every_template_renders_in_every_language() {
        let draft = Draft {
            id: 7,
            kind: "story",
            headline: "Naboer malede tunnelen".into(),
            lead: "40 naboer malede tunnelen lørdag.".into(),
            body: "Bagefter var der kaffe.".into(),
            quotes: vec!["Nu er den vores".into()],
            facts: vec![("Hvor".into(), "Vejleåparken".into())],
            teller: Some("Sara".into()),
            contact: "Vores Ishøj via Telegram".into(),
            photo: None,
            missing: vec!["et billede".into()],
        };
        for lang in Language::all() {
            for kind in [DraftKind::PressRelease, DraftKind::Newsletter] {
                let text = render(kind, lang, &draft);
                for part in [
                    "Naboer malede tunnelen",
                    "Nu er den vores",
                    "Sara",
                    "et billede",
                ] {
                    assert!(
                        text.contains(part),
                        "{kind:?} {lang}: {part:?} missing in\n{text}"
                    );
                }
                assert!(!text.contains("{{") && !text.contains("{%"), "{text}");
            }
            let exported = export(
                &[Exported {
                    group: "Vores Ishøj".into(),
                    approved_at: "2026-06-10".into(),
                    text: "40 naboer malede tunnelen lørdag.".into(),
                    draft: draft.clone(),
                }],
                ExportFormat::Markdown,
                lang,
            );
            assert!(exported.contains("## Naboer malede tunnelen"), "{exported}");
        }
    }

    #[test]
    fn quotes_in_every_style() {
        assert_eq!(
            quotes("»Vi lærte hinanden at kende,« siger Amira. Og \"det var sjovt\" – “tak”"),
            vec!["Vi lærte hinanden at kende,", "det var sjovt", "tak"]
        );
        assert!(quotes("ingen citater her").is_empty());
    }
}

/// How `vores export stories` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Markdown,
    Html,
    Json,
}

/// One exported story: its draft, its group and when it was approved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exported {
    pub group: String,
    pub approved_at: String,
    pub text: String,
    #[serde(flatten)]
    pub draft: Draft,
}

/// Characters that mean something in Markdown, escaped in what residents
/// wrote so their text stays text.
fn markdown_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_{}[]()<>#+-!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Approved stories for the newsletter, the local paper or an archive, in
/// the team's export templates (`templates/drafts/export.*`): Markdown with
/// residents' text escaped, HTML escaped by the template engine, or JSON.
pub fn export(stories: &[Exported], format: ExportFormat, lang: Language) -> String {
    if format == ExportFormat::Json {
        return serde_json::to_string_pretty(&serde_json::json!({ "stories": stories }))
            .unwrap_or_else(|_| "{}".to_string());
    }
    let (name, source) = match format {
        ExportFormat::Html => (
            "export.html",
            include_str!("../templates/drafts/export.html"),
        ),
        _ => ("export.md", include_str!("../templates/drafts/export.md")),
    };
    let mut env = minijinja::Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    // `.html` escapes by itself; Markdown gets its own escaping filter.
    env.add_filter("md", |s: String| markdown_escaped(&s));
    env.add_filter("paragraphs", |s: String| {
        s.split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>()
    });
    let rendered = env
        .add_template(name, source)
        .and_then(|()| env.get_template(name))
        .and_then(|t| {
            t.render(minijinja::context! {
                stories => stories,
                lang => lang.code(),
                title => tr(lang, "export_title", &[]),
                told_by => tr(lang, "export_told_by", &[]),
                anonymous => tr(lang, "export_anonymous", &[]),
                missing => tr(lang, "export_missing", &[]),
            })
        });
    rendered.unwrap_or_else(|e| {
        tracing::error!(error = %e, template = name, "the export template does not render");
        tr(lang, "draft_failed", &[])
    })
}
