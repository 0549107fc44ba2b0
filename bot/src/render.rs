//! Replies as a small document model, rendered per platform format and split
//! to fit the platform's maximum message length.
//!
//! Splitting happens on the document, before escaping, so a cut never lands
//! inside an HTML entity or a Markdown marker, and only ever mid-word when a
//! single word is longer than a whole message.

/// How a platform formats text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    Plain,
    /// Discord-flavoured Markdown.
    Markdown,
    /// The HTML subset Telegram and Matrix accept (`<b>`, `<i>`, `<a>`).
    Html,
}

/// How a platform counts message length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LengthUnit {
    Chars,
    /// Telegram counts UTF-16 code units.
    Utf16,
    Bytes,
}

/// What rendering needs to know of a platform: its markup and how long one
/// message may be. Adapters declare it as part of their capabilities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Medium {
    pub format: TextFormat,
    pub max_message_len: usize,
    pub length_unit: LengthUnit,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Span {
    Text(String),
    Bold(String),
    Italic(String),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    Paragraph(Vec<Span>),
    /// A line in a list ("• …").
    Item(Vec<Span>),
    Heading(Vec<Span>),
}

/// A reply before it is rendered.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Doc {
    pub blocks: Vec<Block>,
    /// Buttons under the reply, on platforms that have them (Telegram
    /// inline keyboards, Discord components); elsewhere the text says the
    /// same as a command.
    #[serde(default)]
    pub buttons: Vec<Button>,
    /// The submission the message is about, so a reaction to it (✅, ❌,
    /// 👍) can be traced back; not shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<i64>,
    /// Files sent after the text where the platform takes files (a
    /// resident's own data as JSON); elsewhere the text stands alone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<File>,
}

/// A small text file sent with a message. Only text: the outbox keeps it
/// as part of the message until it is delivered and pruned.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct File {
    /// What the person sees and saves it as ("vores-mine-data.json").
    pub name: String,
    /// Its media type ("application/json").
    pub media_type: String,
    pub content: String,
}

/// A button: what it says, and the data that comes back when pressed
/// (at most 64 bytes, Telegram's limit for callback data).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Button {
    pub label: String,
    pub data: String,
}

impl Doc {
    pub fn new() -> Self {
        Doc::default()
    }

    /// Adds a file sent after the text, where the platform takes files.
    pub fn file(mut self, file: File) -> Self {
        self.files.push(file);
        self
    }

    pub fn para(mut self, text: impl Into<String>) -> Self {
        self.blocks
            .push(Block::Paragraph(vec![Span::Text(text.into())]));
        self
    }

    pub fn spans(mut self, spans: Vec<Span>) -> Self {
        self.blocks.push(Block::Paragraph(spans));
        self
    }

    pub fn item(mut self, spans: Vec<Span>) -> Self {
        self.blocks.push(Block::Item(spans));
        self
    }

    pub fn heading(mut self, text: impl Into<String>) -> Self {
        self.blocks
            .push(Block::Heading(vec![Span::Text(text.into())]));
        self
    }

    pub fn append(mut self, other: Doc) -> Self {
        self.blocks.extend(other.blocks);
        self.buttons.extend(other.buttons);
        self.about = self.about.or(other.about);
        self
    }

    pub fn about(mut self, submission: i64) -> Self {
        self.about = Some(submission);
        self
    }

    pub fn button(mut self, label: impl Into<String>, data: impl Into<String>) -> Self {
        self.buttons.push(Button {
            label: label.into(),
            data: data.into(),
        });
        self
    }

    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The whole document as plain text, unsplit (for logs and tests).
    pub fn plain(&self) -> String {
        render_blocks(&self.blocks, TextFormat::Plain)
    }
}

fn escape(text: &str, format: TextFormat) -> String {
    match format {
        TextFormat::Plain => text.to_string(),
        TextFormat::Html => text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;"),
        TextFormat::Markdown => {
            let mut out = String::with_capacity(text.len());
            for c in text.chars() {
                // "#" and ">" only mean something at the start of a line.
                let at_start = out.is_empty() || out.ends_with('\n');
                if matches!(c, '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']')
                    || (at_start && matches!(c, '#' | '>'))
                {
                    out.push('\\');
                }
                out.push(c);
            }
            // Resident text must never ping a whole Discord server.
            out.replace("@everyone", "@\u{200B}everyone")
                .replace("@here", "@\u{200B}here")
        }
    }
}

fn render_span(span: &Span, format: TextFormat) -> String {
    // Markers hug the text: Discord reads "* text*" as a literal asterisk,
    // so surrounding spaces go outside "*…*" and "<i>…</i>".
    if let Span::Bold(t) | Span::Italic(t) = span
        && format != TextFormat::Plain
        && t.trim() != t
    {
        let inner = t.trim();
        let lead = &t[..t.len() - t.trim_start().len()];
        let trail = &t[t.trim_end().len()..];
        if inner.is_empty() {
            return t.clone();
        }
        return format!(
            "{lead}{}{trail}",
            render_span(&with_text(span, inner.to_string()), format)
        );
    }
    match (span, format) {
        (Span::Text(t), f) => escape(t, f),
        (Span::Bold(t), TextFormat::Plain) | (Span::Italic(t), TextFormat::Plain) => t.clone(),
        (Span::Bold(t), TextFormat::Markdown) => format!("**{}**", escape(t, TextFormat::Markdown)),
        (Span::Italic(t), TextFormat::Markdown) => format!("*{}*", escape(t, TextFormat::Markdown)),
        (Span::Bold(t), TextFormat::Html) => format!("<b>{}</b>", escape(t, TextFormat::Html)),
        (Span::Italic(t), TextFormat::Html) => format!("<i>{}</i>", escape(t, TextFormat::Html)),
    }
}

fn render_block(block: &Block, format: TextFormat) -> String {
    let spans = |s: &[Span]| s.iter().map(|x| render_span(x, format)).collect::<String>();
    match block {
        Block::Paragraph(s) => spans(s),
        Block::Item(s) => format!("• {}", spans(s)),
        Block::Heading(s) => match format {
            TextFormat::Plain => spans(s),
            TextFormat::Markdown => format!("**{}**", spans(s)),
            TextFormat::Html => format!("<b>{}</b>", spans(s)),
        },
    }
}

/// Items sit on consecutive lines; everything else is a paragraph of its own.
fn separator(prev: &Block, next: &Block) -> &'static str {
    match (prev, next) {
        (Block::Item(_), Block::Item(_)) | (Block::Heading(_), Block::Item(_)) => "\n",
        (Block::Paragraph(_), Block::Item(_)) => "\n",
        _ => "\n\n",
    }
}

fn render_blocks(blocks: &[Block], format: TextFormat) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            out.push_str(separator(&blocks[i - 1], block));
        }
        out.push_str(&render_block(block, format));
    }
    out
}

fn measure(text: &str, unit: LengthUnit) -> usize {
    match unit {
        LengthUnit::Chars => text.chars().count(),
        LengthUnit::Utf16 => text.encode_utf16().count(),
        LengthUnit::Bytes => text.len(),
    }
}

/// Renders `doc` for a platform, as one or more messages that each fit.
pub fn render(doc: &Doc, medium: impl Into<Medium>) -> Vec<String> {
    let caps: Medium = medium.into();
    let max = caps.max_message_len.max(2);
    let fits =
        |blocks: &[Block]| measure(&render_blocks(blocks, caps.format), caps.length_unit) <= max;
    let mut pieces: Vec<Block> = Vec::new();
    for block in &doc.blocks {
        if fits(std::slice::from_ref(block)) {
            pieces.push(block.clone());
        } else {
            pieces.extend(split_block(block, &fits));
        }
    }
    let mut messages: Vec<String> = Vec::new();
    let mut current: Vec<Block> = Vec::new();
    for piece in pieces {
        current.push(piece);
        if !fits(&current) {
            let piece = current.pop().expect("just pushed");
            // A heading, or an introduction to a list, goes with what it
            // introduces rather than ending a message on its own.
            let mut carried = Vec::new();
            while current.len() > 1 && current.last().is_some_and(introduces) {
                carried.insert(0, current.pop().expect("non-empty"));
            }
            if !current.is_empty() {
                messages.push(render_blocks(&current, caps.format).trim_end().to_string());
            }
            carried.push(piece);
            current = if fits(&carried) {
                carried
            } else {
                let piece = carried.pop().expect("just pushed");
                if !carried.is_empty() {
                    messages.push(render_blocks(&carried, caps.format).trim_end().to_string());
                }
                vec![piece]
            };
        }
    }
    if !current.is_empty() {
        messages.push(render_blocks(&current, caps.format).trim_end().to_string());
    }
    messages
}

/// Headings and paragraphs ending in ":" introduce what follows.
fn introduces(block: &Block) -> bool {
    match block {
        Block::Heading(_) => true,
        Block::Paragraph(spans) => spans
            .last()
            .is_some_and(|s| span_text(s).trim_end().ends_with(':')),
        Block::Item(_) => false,
    }
}

/// Joins neighbouring spans of the same kind, so a split line renders
/// "**Stor loppemarked**", not "**Stor ****loppemarked**".
fn merge_spans(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match (out.last_mut(), &span) {
            (Some(Span::Text(a)), Span::Text(b))
            | (Some(Span::Bold(a)), Span::Bold(b))
            | (Some(Span::Italic(a)), Span::Italic(b)) => a.push_str(b),
            _ => out.push(span),
        }
    }
    out
}

fn with_text(span: &Span, text: String) -> Span {
    match span {
        Span::Text(_) => Span::Text(text),
        Span::Bold(_) => Span::Bold(text),
        Span::Italic(_) => Span::Italic(text),
    }
}

fn span_text(span: &Span) -> &str {
    match span {
        Span::Text(t) | Span::Bold(t) | Span::Italic(t) => t,
    }
}

/// Cuts one oversized block into blocks of whole words (a word longer than
/// a message is the only thing ever cut in the middle).
fn split_block(block: &Block, fits: &dyn Fn(&[Block]) -> bool) -> Vec<Block> {
    type MakeBlock = fn(Vec<Span>) -> Block;
    let (spans, base): (&[Span], MakeBlock) = match block {
        Block::Paragraph(s) => (s, Block::Paragraph),
        Block::Item(s) => (s, Block::Item),
        Block::Heading(s) => (s, Block::Heading),
    };
    let make = |spans: Vec<Span>| base(merge_spans(spans));
    // Words keep their trailing whitespace so rejoining loses nothing.
    let mut words: Vec<Span> = Vec::new();
    for span in spans {
        let text = span_text(span);
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                let end = i + c.len_utf8();
                words.push(with_text(span, text[start..end].to_string()));
                start = end;
            }
        }
        if start < text.len() {
            words.push(with_text(span, text[start..].to_string()));
        }
    }
    let mut out: Vec<Block> = Vec::new();
    let mut line: Vec<Span> = Vec::new();
    for word in words {
        line.push(word.clone());
        if fits(&[make(line.clone())]) {
            continue;
        }
        line.pop();
        if !line.is_empty() {
            out.push(make(std::mem::take(&mut line)));
        }
        if fits(&[make(vec![word.clone()])]) {
            line.push(word);
        } else {
            // A single word longer than a message: cut at character boundaries.
            let mut chunk = String::new();
            for c in span_text(&word).chars() {
                chunk.push(c);
                if !fits(&[make(vec![with_text(&word, chunk.clone())])])
                    && chunk.chars().count() > 1
                {
                    chunk.pop();
                    out.push(make(vec![with_text(&word, std::mem::take(&mut chunk))]));
                    chunk.push(c);
                }
            }
            if !chunk.is_empty() {
                line.push(with_text(&word, chunk));
            }
        }
    }
    if !line.is_empty() {
        out.push(make(line));
    }
    // One list item cut in pieces is still one item: only its first piece
    // gets the bullet.
    for piece in out.iter_mut().skip(1) {
        if let Block::Item(spans) = piece {
            *piece = Block::Paragraph(std::mem::take(spans));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(max: usize, format: TextFormat) -> Medium {
        Medium {
            max_message_len: max,
            length_unit: LengthUnit::Chars,
            format,
        }
    }

    #[test]
    fn escapes_user_text_per_format() {
        let doc = Doc::new().spans(vec![
            Span::Bold("A & B".into()),
            Span::Text(" <3 *wow*".into()),
        ]);
        assert_eq!(
            render(&doc, caps(1000, TextFormat::Html)),
            vec!["<b>A &amp; B</b> &lt;3 *wow*"]
        );
        assert_eq!(
            render(&doc, caps(1000, TextFormat::Markdown)),
            vec!["**A & B** <3 \\*wow\\*"]
        );
        assert_eq!(
            render(&doc, caps(1000, TextFormat::Plain)),
            vec!["A & B <3 *wow*"]
        );
    }

    #[test]
    fn splits_between_blocks_then_words_never_mid_entity() {
        let long = "Kaffe & kage ".repeat(10);
        let doc = Doc::new()
            .heading("Uge 24")
            .para(long.clone())
            .item(vec![Span::Text("Loppemarked".into())]);
        let parts = render(&doc, caps(40, TextFormat::Html));
        assert!(parts.len() > 2, "{parts:?}");
        for p in &parts {
            assert!(p.chars().count() <= 40, "{p}");
            assert!(!p.ends_with('&'), "{p}");
            assert!(!p.contains("&am ") && !p.ends_with("&amp"), "{p}");
        }
        let rejoined: String = parts.join(" ");
        assert!(rejoined.contains("Loppemarked"));
        assert_eq!(rejoined.matches("&amp;").count(), 10);
    }

    #[test]
    fn utf16_counting_for_telegram() {
        let mut c = caps(10, TextFormat::Plain);
        c.length_unit = LengthUnit::Utf16;
        let doc = Doc::new().para("😀😀😀😀😀 😀😀😀");
        let parts = render(&doc, c);
        for p in &parts {
            assert!(p.encode_utf16().count() <= 10, "{p}");
        }
        assert_eq!(parts.concat().replace(' ', ""), "😀😀😀😀😀😀😀😀");
    }
}
