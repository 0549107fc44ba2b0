//! Snapshot tests of replies rendered per platform format (plain text for the
//! console, Markdown for Discord, HTML for Telegram and Matrix) and of how a
//! long reply is split to fit a platform's maximum message length.
//!
//! The snapshots live in `tests/snapshots/`. A changed rendering fails these
//! tests until the new snapshot has been read and committed; besides the
//! snapshots, every split is checked in code: each part fits, no part ends
//! inside an HTML entity or a Markdown escape, markup is balanced in every
//! part, and no text is lost or duplicated.

use vores_bot::render::{Doc, Span, render};
use vores_bot::{Capabilities, LengthUnit, TextFormat};

/// The console adapter: plain text, 4000 characters.
const CONSOLE: (TextFormat, LengthUnit, usize) = (TextFormat::Plain, LengthUnit::Chars, 4000);
/// Discord: Markdown, 2000 characters.
const DISCORD: (TextFormat, LengthUnit, usize) = (TextFormat::Markdown, LengthUnit::Chars, 2000);
/// Telegram: HTML, 4096 UTF-16 code units.
const TELEGRAM: (TextFormat, LengthUnit, usize) = (TextFormat::Html, LengthUnit::Utf16, 4096);

fn caps((format, length_unit, max_message_len): (TextFormat, LengthUnit, usize)) -> Capabilities {
    Capabilities {
        max_message_len,
        length_unit,
        format,
        threads: false,
        reactions: false,
        edits: false,
        deletes: false,
    }
}

fn measure(text: &str, unit: LengthUnit) -> usize {
    match unit {
        LengthUnit::Chars => text.chars().count(),
        LengthUnit::Utf16 => text.encode_utf16().count(),
        LengthUnit::Bytes => text.len(),
    }
}

fn t(text: &str) -> Span {
    Span::Text(text.to_string())
}

fn b(text: &str) -> Span {
    Span::Bold(text.to_string())
}

fn i(text: &str) -> Span {
    Span::Italic(text.to_string())
}

/// The parts of a rendered reply, each under a visible separator that gives
/// its length in the platform's unit, so a reviewer sees where cuts fall.
fn shown(parts: &[String], unit: LengthUnit) -> String {
    let unit_name = match unit {
        LengthUnit::Chars => "chars",
        LengthUnit::Utf16 => "UTF-16 units",
        LengthUnit::Bytes => "bytes",
    };
    parts
        .iter()
        .enumerate()
        .map(|(n, part)| {
            format!(
                "----- part {} of {} ({} {unit_name}) -----\n{part}\n",
                n + 1,
                parts.len(),
                measure(part, unit)
            )
        })
        .collect()
}

/// Renders `doc` for `platform` and checks what must hold for every reply.
fn render_checked(doc: &Doc, platform: (TextFormat, LengthUnit, usize)) -> Vec<String> {
    let (format, unit, max) = platform;
    let parts = render(doc, &caps(platform));
    assert!(!parts.is_empty(), "a reply renders to at least one message");
    for part in &parts {
        assert!(
            measure(part, unit) <= max,
            "part longer than {max}: {part:?}"
        );
        assert!(!part.trim().is_empty(), "empty part in {parts:?}");
        match format {
            TextFormat::Html => check_html(part),
            TextFormat::Markdown => check_markdown(part),
            TextFormat::Plain => {}
        }
    }
    assert_eq!(
        letters(
            &parts
                .iter()
                .map(|p| to_plain(p, format))
                .collect::<String>()
        ),
        letters(&doc.plain()),
        "the parts together say what the document says"
    );
    parts
}

/// Every `&` starts a whole entity and every tag is one the renderer writes,
/// opened and closed within the same part.
fn check_html(part: &str) {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = part;
    while let Some(pos) = rest.find(['&', '<', '>']) {
        let tail = &rest[pos..];
        if let Some(after) = tail.strip_prefix('&') {
            let entity = ["amp;", "lt;", "gt;"]
                .into_iter()
                .find(|e| after.starts_with(e));
            assert!(entity.is_some(), "broken entity at {tail:?} in {part:?}");
            rest = after;
        } else if tail.starts_with('>') {
            panic!("unescaped '>' at {tail:?} in {part:?}");
        } else {
            let tag = ["<b>", "</b>", "<i>", "</i>"]
                .into_iter()
                .find(|tag| tail.starts_with(tag))
                .unwrap_or_else(|| panic!("unexpected '<' at {tail:?} in {part:?}"));
            match tag {
                "<b>" | "<i>" => open.push(tag),
                closing => {
                    let opening = open.pop().unwrap_or_else(|| {
                        panic!("{closing} closes nothing in {part:?}");
                    });
                    assert_eq!(&closing[2..], &opening[1..], "misnested tags in {part:?}");
                }
            }
            rest = &tail[tag.len()..];
        }
    }
    assert!(open.is_empty(), "unclosed {open:?} in {part:?}");
}

/// Unescaped asterisks come in pairs and no part ends in a lone backslash.
fn check_markdown(part: &str) {
    let mut stars = 0;
    let mut chars = part.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => assert!(chars.next().is_some(), "dangling escape in {part:?}"),
            '*' => stars += 1,
            _ => {}
        }
    }
    assert!(stars % 2 == 0, "unpaired '*' in {part:?}");
}

/// What a reader sees of a rendered message, markup and escapes removed.
fn to_plain(part: &str, format: TextFormat) -> String {
    match format {
        TextFormat::Plain => part.to_string(),
        TextFormat::Html => ["<b>", "</b>", "<i>", "</i>"]
            .into_iter()
            .fold(part.to_string(), |s, tag| s.replace(tag, ""))
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&"),
        TextFormat::Markdown => {
            let mut out = String::new();
            let mut chars = part.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next()),
                    '*' => {}
                    other => out.push(other),
                }
            }
            out
        }
    }
}

/// The text without whitespace and bullets: what must survive any split.
fn letters(text: &str) -> String {
    text.chars()
        // The zero-width space that keeps "@everyone" from pinging is not text.
        .filter(|c| !c.is_whitespace() && *c != '•' && *c != '\u{200B}')
        .collect()
}

/// A digest-like reply with everything the renderer has to get right: a
/// heading, day headings, list items, bold and italic spans, Danish letters,
/// an emoji, and user text full of characters that mean something in
/// Markdown or HTML.
fn reply() -> Doc {
    Doc::new()
        .heading("Ugen i Ishøj & Vallensbæk")
        .para("Det sker de næste 7 dage:")
        .heading("Lørdag 13. juni")
        .item(vec![
            t("kl. 10.00–14.00 "),
            b("Byttemarked i Glashuset"),
            t(", Ishøj Bibliotek (#12)"),
        ])
        .item(vec![
            t("hele dagen "),
            b("Loppe*marked* for _børn_ <3"),
            t(", Strandvejen 1 & 3 (#13)"),
        ])
        .heading("Søndag 14. juni")
        .item(vec![
            t("kl. 10.00 "),
            b("Affaldsindsamling på Ishøj Strand"),
            t(" (#14)"),
        ])
        .para("Ugens gode historier:")
        .item(vec![
            t("Tak til naboen, der fandt min kat 🐈 – 1 > 0 & 2 < 3"),
            i(" – fortalt af Søren Ærø"),
        ])
        .item(vec![t(
            "Se [billeder](https://example.org/a_b) og `kode` # ~~slet~~ || spoiler || \\ <b>ikke fed</b> &amp; @everyone",
        )])
        .spans(vec![
            b("Vigtigt: "),
            t("mødet er flyttet til "),
            i("Æblehaven"),
            t("."),
        ])
        .para("Har du en god historie eller en begivenhed? Skriv til mig, fx «Historie: …».")
}

#[test]
fn reply_plain() {
    let parts = render_checked(&reply(), CONSOLE);
    assert_eq!(parts.len(), 1, "{parts:?}");
    insta::assert_snapshot!("reply_plain", shown(&parts, CONSOLE.1));
}

#[test]
fn reply_markdown() {
    let parts = render_checked(&reply(), DISCORD);
    assert_eq!(parts.len(), 1, "{parts:?}");
    insta::assert_snapshot!("reply_markdown", shown(&parts, DISCORD.1));
}

#[test]
fn reply_html() {
    let parts = render_checked(&reply(), TELEGRAM);
    assert_eq!(parts.len(), 1, "{parts:?}");
    insta::assert_snapshot!("reply_html", shown(&parts, TELEGRAM.1));
}

/// A week with many events, each line with an ampersand (five UTF-16 units
/// more in HTML) and every fourth with an emoji (two UTF-16 units), then a
/// story longer than a whole Discord message.
fn long_week() -> Doc {
    let days = [
        "Mandag 8. juni",
        "Tirsdag 9. juni",
        "Onsdag 10. juni",
        "Torsdag 11. juni",
        "Fredag 12. juni",
        "Lørdag 13. juni",
        "Søndag 14. juni",
    ];
    let places = [
        "Ishøj Bibliotek & Kulturhus",
        "Vejleåparken <Blok 7>",
        "Strandparken, Ølsted & Tåstrup",
    ];
    let mut doc = Doc::new()
        .heading("Ugen i Ishøj")
        .para("Det sker de næste 7 dage:");
    let mut id = 100;
    for (d, day) in days.iter().enumerate() {
        doc = doc.heading(*day);
        for n in 0..8 {
            id += 1;
            let emoji = if n % 4 == 0 { " 🎉" } else { "" };
            doc = doc.item(vec![
                t(&format!("kl. {:02}.00–{:02}.30 ", 9 + n, 10 + n)),
                b(&format!("Fællesspisning & æbleskiver nr. {n}{emoji}")),
                t(&format!(", {} (#{id})", places[(d + n) % places.len()])),
            ]);
        }
    }
    let story =
        "Vi fik så mange æbler & pærer i haven, at vi stillede kasser ud på fortovet. ".repeat(30);
    doc.para("Ugens gode historier:")
        .item(vec![t(story.trim_end()), i(" – fortalt af Åse")])
        .para("Tak til Åse, Bjørn og Mette for jeres bidrag!")
}

#[test]
fn long_week_split_for_discord() {
    let parts = render_checked(&long_week(), DISCORD);
    assert!(parts.len() >= 4, "{} parts", parts.len());
    insta::assert_snapshot!("long_week_markdown_2000", shown(&parts, DISCORD.1));
}

#[test]
fn long_week_split_for_telegram() {
    let parts = render_checked(&long_week(), TELEGRAM);
    assert!(parts.len() >= 2, "{} parts", parts.len());
    insta::assert_snapshot!("long_week_html_4096_utf16", shown(&parts, TELEGRAM.1));
}

/// Cuts inside blocks at a tiny limit: a long bold title and a story split
/// between words, and one word longer than a whole message (cut between
/// characters, never inside `&amp;`).
fn cramped() -> Doc {
    Doc::new()
        .heading("Søndag 14. juni")
        .item(vec![
            t("kl. 10.00 "),
            b("Stor loppemarked & kagebod for hele Ishøj"),
            t(", Torvet (#7)"),
        ])
        .item(vec![
            t("Rødgrød med fløde & æblekage – "),
            i("fortalt af Søren"),
        ])
        .para("https://example.org/billeder?by=Ishøj&uge=24&side=1&sortering=nyeste")
}

#[test]
fn cramped_plain() {
    let platform = (TextFormat::Plain, LengthUnit::Chars, 40);
    let parts = render_checked(&cramped(), platform);
    insta::assert_snapshot!("cramped_plain_40", shown(&parts, platform.1));
}

#[test]
fn cramped_markdown() {
    let platform = (TextFormat::Markdown, LengthUnit::Chars, 40);
    let parts = render_checked(&cramped(), platform);
    insta::assert_snapshot!("cramped_markdown_40", shown(&parts, platform.1));
}

#[test]
fn cramped_html() {
    let platform = (TextFormat::Html, LengthUnit::Utf16, 40);
    let parts = render_checked(&cramped(), platform);
    insta::assert_snapshot!("cramped_html_40_utf16", shown(&parts, platform.1));
}
