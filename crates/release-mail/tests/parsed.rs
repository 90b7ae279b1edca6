//! Every example's e-mail as a mail client reads it: Python's `email`
//! package (policy `default`, from the tests' Python environment) parses the
//! .eml; the subject decodes to the style's line, the parts are there, and
//! the text of the plain part and the text of the HTML part both equal the
//! Document's text. The hostile drafts give valid messages with no extra
//! header and no live markup.

use release_mail::{Attachment, MailOptions, eml, subject};
use release_model::{Block, Draft, Run};
use release_style::{Document, builtin, document};
use std::path::PathBuf;

fn checkout() -> PathBuf {
    release_test_tools::checkout()
}

struct Read {
    json: serde_json::Value,
}

impl Read {
    fn str(&self, key: &str) -> String {
        self.json[key].as_str().unwrap_or_default().to_owned()
    }
    fn list(&self, key: &str) -> Vec<String> {
        self.json[key]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }
}

fn read(bytes: &[u8], name: &str) -> Read {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join(format!("{name}.eml"));
    std::fs::write(&file, bytes).expect("write");
    Read {
        json: release_test_tools::read_eml(&file),
    }
}

/// Words in reading order, whitespace collapsed; paragraphs are separated
/// by blank lines. Inside a paragraph, a line that ends inside a word, where
/// the line breaker may break without a space (after a hyphen, a slash or a
/// dash, between Chinese characters), is joined without one.
fn words(text: &str) -> String {
    let mut paragraphs = Vec::new();
    for paragraph in text.split("\n\n") {
        let chars: Vec<char> = paragraph.chars().collect();
        let mut joined = String::with_capacity(paragraph.len());
        for (i, &c) in chars.iter().enumerate() {
            if c == '\n' && i > 0 {
                let before = chars[i - 1];
                let after = chars.get(i + 1).copied().unwrap_or(' ');
                let in_word = matches!(before, '-' | '/' | '\u{2013}' | '\u{2014}')
                    && chars
                        .get(i.wrapping_sub(2))
                        .is_some_and(|b| !b.is_whitespace());
                let cjk = release_text::is_cjk(before) || release_text::is_cjk(after);
                if in_word || cjk {
                    continue;
                }
            }
            joined.push(c);
        }
        paragraphs.push(joined.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs.join(" ")
}

/// The plain text without its link numbers and the list of links at its end.
fn without_references(plain: &str) -> String {
    let body: Vec<&str> = plain
        .lines()
        .take_while(|l| {
            !(l.starts_with('[')
                && l.contains("] ")
                && l.split("] ").nth(1).is_some_and(|t| t.contains(':')))
        })
        .collect();
    let mut text = body.join("\n");
    for n in (1..50).rev() {
        text = text.replace(&format!(" [{n}]"), "");
    }
    text
}

/// The Document's text in the order the plain text gives it: the embargo first.
fn document_words(doc: &Document, embargo_first: bool) -> String {
    let mut blocks: Vec<&release_style::Block> = doc.blocks.iter().collect();
    if embargo_first {
        blocks.sort_by_key(|b| b.role != release_style::Role::Embargo);
    }
    words(
        &blocks
            .iter()
            .map(|b| b.text())
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}

fn examples() -> Vec<(String, Draft)> {
    let mut all = vec![("en".to_owned(), release_model::example())];
    for lang in ["fr", "es", "ru", "ar", "zh"] {
        let path = checkout().join(format!("templates/examples/example.{lang}.release.json"));
        let text = std::fs::read_to_string(&path).expect("example");
        all.push((
            lang.to_owned(),
            release_model::load(&text).expect("a draft").draft,
        ));
    }
    let mut embargoed = release_model::example();
    embargoed.release.embargo = Some(release_model::Embargo {
        until: "2021-12-08T10:00:00+05:00".into(),
        ..Default::default()
    });
    all.push(("en, embargoed".to_owned(), embargoed));
    all
}

#[test]
fn every_example_parses_with_its_subject_parts_and_words() {
    let style = builtin("un").expect("un");
    for (name, draft) in examples() {
        let doc = document(&draft, &style);
        let bytes = eml(&doc, &MailOptions::default());
        let r = read(&bytes, &name);
        assert_eq!(r.list("defects"), Vec::<String>::new(), "{name}");
        assert_eq!(r.str("subject"), subject(&doc), "{name}");
        assert!(
            r.str("subject").contains(draft.release.headline.trim()),
            "{name}"
        );
        assert_eq!(
            r.list("types"),
            ["multipart/alternative", "text/plain", "text/html"],
            "{name}"
        );
        let expected = document_words(&doc, true);
        assert_eq!(
            words(&without_references(&r.str("plain"))),
            expected,
            "{name}: plain part"
        );
        assert_eq!(
            words(&r.str("html_text")),
            document_words(&doc, false),
            "{name}: HTML part"
        );
        let size = r.json["html_size"].as_u64().unwrap_or(u64::MAX);
        assert!(
            size < 100 * 1024,
            "{name}: the HTML is {size} bytes, Gmail clips at 102 KB"
        );
        for line in r.str("plain").lines() {
            let long = release_text::columns(line) > release_mail::COLUMNS;
            assert!(
                !long || !line.contains(' '),
                "{name}: a line over 72 columns: {line:?}"
            );
        }
    }
}

#[test]
fn the_embargo_leads_the_subject_and_the_text() {
    let (_, draft) = examples().pop().expect("the embargoed example");
    let doc = document(&draft, &builtin("un").expect("un"));
    let r = read(&eml(&doc, &MailOptions::default()), "embargoed");
    assert!(
        r.str("subject")
            .starts_with("EMBARGOED UNTIL 10:00 (UTC+05:00), 8 December 2021: Launch"),
        "{}",
        r.str("subject")
    );
    assert!(
        r.str("plain").starts_with("EMBARGOED UNTIL 10:00"),
        "{}",
        r.str("plain")
    );
}

#[test]
fn the_pdf_goes_as_an_attachment_when_asked() {
    let doc = document(&release_model::example(), &builtin("un").expect("un"));
    let options = MailOptions {
        attachments: vec![Attachment {
            file_name: "2021-12-08 Launch.pdf".into(),
            content_type: "application/pdf".into(),
            bytes: b"%PDF-1.7 test".to_vec(),
        }],
        ..MailOptions::default()
    };
    let r = read(&eml(&doc, &options), "attached");
    assert_eq!(
        r.list("types"),
        [
            "multipart/mixed",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "application/pdf"
        ]
    );
    assert_eq!(r.list("attachments"), ["2021-12-08 Launch.pdf"]);
}

#[test]
fn hostile_drafts_give_valid_messages_without_live_markup() {
    let style = builtin("un").expect("un");
    let mut draft = release_model::example();
    draft.release.headline =
        "<img src=x onerror=alert(1)> \"quoted\" & \u{202E}reversed\r\nBcc: x@y.z".into();
    draft.release.body.insert(
        0,
        Block::paragraph(vec![
            Run::plain("<script>alert('x')</script> <b>not bold</b> &amp; "),
            Run {
                text: "click".into(),
                link: Some("javascript:alert(1)".into()),
                ..Run::default()
            },
            Run::plain(" 🇹🇯 e\u{301} مرحبا 联合国 \u{7}"),
        ]),
    );
    let doc = document(&draft, &style);
    let r = read(&eml(&doc, &MailOptions::default()), "hostile");
    assert_eq!(r.list("defects"), Vec::<String>::new());
    let names: Vec<String> = r.json["headers"]
        .as_array()
        .expect("headers")
        .iter()
        .map(|h| h[0].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        names,
        [
            "Subject",
            "Date",
            "Message-ID",
            "Content-Language",
            "X-Unsent",
            "MIME-Version",
            "Content-Type"
        ]
    );
    assert_eq!(r.json["html_scripts"], 0, "no script element");
    assert_eq!(
        r.list("html_events"),
        Vec::<String>::new(),
        "no event handler"
    );
    assert!(
        r.list("html_links")
            .iter()
            .all(|l| l.starts_with("mailto:") || l.starts_with("https:")),
        "{:?}",
        r.list("html_links")
    );
    let html = r.str("html_text");
    assert!(
        html.contains("<script>alert('x')</script>"),
        "markup shown as the text it is"
    );
    assert!(
        html.contains("🇹🇯 e\u{301} مرحبا 联合国"),
        "any Unicode survives"
    );
}
