//! Everything residents read comes from the catalogs (`bot/locales/*.ftl`),
//! never from a string written in Rust: this scans the code outside tests
//! for string literals that read as Danish sentences (Danish letters or
//! Danish words), the language every text is written in first. The
//! catalog tests in `bot/src/lang.rs` check the other side: every text the
//! code asks for exists in every catalog, with the variables it passes.
//!
//! Some Danish in Rust is not a text residents read, and is named here
//! with the reason.

use std::path::{Path, PathBuf};

/// Files whose Danish is words the bot reads, not words it says.
const READERS: &[(&str, &str)] = &[
    ("bot/src/understand/", "the reader of Danish messages"),
    (
        "bot/src/guidelines",
        "Danish spam phrases and slurs the guidelines look for",
    ),
    (
        "bot/src/lang.rs",
        "common Danish words that tell the language",
    ),
    (
        "bot/src/menu.rs",
        "the Danish command names the reader understands",
    ),
    (
        "src/bench.rs",
        "messages residents send, as the benchmark's input",
    ),
];

/// Lines for operators in a terminal, in both languages on purpose.
const OPERATOR_LINES: &[(&str, &str)] = &[
    (
        "Kalenderen på nettet / the calendar on the web",
        "README's first command prints it; a contract of issue 19",
    ),
    (
        "(Driftsbeskeder skrives i",
        "where the console demo's log goes, said in the terminal before any chat",
    ),
];

const DANISH_WORDS: &[&str] = &[
    "og", "du", "jeg", "til", "er", "det", "på", "ikke", "har", "med", "skriv", "din", "dit",
    "dine", "vi", "kan", "hvad", "hvor", "hvornår", "tak", "hej", "venligst",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of one line of code (not of its comment).
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars().peekable();
    let mut current: Option<String> = None;
    while let Some(c) = chars.next() {
        match (&mut current, c) {
            (None, '/') if chars.peek() == Some(&'/') => break,
            (None, '"') => current = Some(String::new()),
            (None, '\'') => {
                // A char literal ('"') or a lifetime: skip a quoted char.
                let rest: String = chars.clone().take(3).collect();
                if rest.starts_with('\\') {
                    chars.nth(2);
                } else if rest.chars().nth(1) == Some('\'') {
                    chars.nth(1);
                }
            }
            (Some(text), '\\') => {
                text.push('\\');
                if let Some(next) = chars.next() {
                    text.push(next);
                }
            }
            (Some(_), '"') => out.push(current.take().expect("open literal")),
            (Some(text), c) => text.push(c),
            (None, _) => {}
        }
    }
    out
}

fn reads_as_danish(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2
        && (lower.contains(['æ', 'ø', 'å']) || words.iter().any(|w| DANISH_WORDS.contains(w)))
}

#[test]
fn no_danish_sentence_is_written_in_rust() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "bot/src",
        "src",
        "web/src",
        "config/src",
        "storage/src",
        "adapters/console/src",
        "adapters/discord/src",
        "adapters/matrix/src",
        "adapters/telegram/src",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    let mut found = Vec::new();
    let mut scanned = 0;
    for file in files {
        let name = file
            .strip_prefix(root)
            .expect("in the workspace")
            .to_string_lossy()
            .replace('\\', "/");
        if READERS.iter().any(|(prefix, _)| name.starts_with(prefix)) {
            continue;
        }
        let source = std::fs::read_to_string(&file).expect("source");
        // Tests write messages as residents do; they are not what the bot says.
        let code = source.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for text in literals(line) {
                scanned += 1;
                if reads_as_danish(&text)
                    && !OPERATOR_LINES.iter().any(|(start, _)| text.contains(start))
                {
                    found.push(format!("{name}:{}: {text:?}", n + 1));
                }
            }
        }
    }
    assert!(
        scanned > 1000,
        "only {scanned} literals: is the scan still right?"
    );
    assert!(
        found.is_empty(),
        "texts residents read belong in bot/locales/*.ftl (see TRANSLATING.md):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_what_it_looks_for() {
    assert!(reads_as_danish("Tak for din besked"));
    let old_console_line = r#"                "Det er en gruppechat: skriv »@vores …« eller en kommando til botten.","#;
    assert!(
        literals(old_console_line)
            .iter()
            .any(|t| reads_as_danish(t))
    );
    assert!(!reads_as_danish("sqlite://vores.db"));
    assert!(!reads_as_danish("hjælp"));
    assert_eq!(
        literals(r#"let x = tr(lang, "saved_event", &[("id", "7")]); // "not this""#),
        vec!["saved_event", "id", "7"]
    );
    assert_eq!(literals(r#"if c == '"' { "a \" b" }"#), vec![r#"a \" b"#]);
}
