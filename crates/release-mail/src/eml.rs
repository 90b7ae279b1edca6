//! The e-mail edition as a message file (`.eml`), which Outlook, Thunderbird
//! and Evolution open as a new message ready to address and send.

use mail_builder::MessageBuilder;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::raw::Raw;
use mail_builder::mime::{BodyPart, MimePart};
use release_style::Document;
use xxhash_rust::xxh3::xxh3_128;

/// A sender: a name (may be empty) and an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mailbox {
    pub name: String,
    pub email: String,
}

/// A file sent with the message, such as the release's PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub file_name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// What the message needs beyond the Document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MailOptions {
    /// `From` and `Reply-To`; none when not set (the mail client fills it in).
    pub from: Option<Mailbox>,
    /// The `Date`, in seconds since 1970; by default the dateline's date at
    /// midnight UTC, so the same draft always gives the same message.
    pub date: Option<i64>,
    /// Files to attach (the PDF when asked for).
    pub attachments: Vec<Attachment>,
}

/// `text` on one line: controls (CR, LF, NUL, …) and line separators become
/// spaces and runs of spaces one. No text of a draft can start a header.
/// No-break spaces stay what they are (French puts them inside « »).
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') {
            ' '
        } else {
            c
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end_matches(' ').to_owned()
}

/// The subject line: the style's pattern for the language (the embargo or
/// the kind first, then the headline), on one line.
pub fn subject(doc: &Document) -> String {
    one_line(&doc.metadata.subject_line)
}

/// An address usable in a header: one `@`, no spaces, controls or brackets.
fn clean_address(email: &str) -> Option<String> {
    let e = email.trim();
    let ok = e.matches('@').count() == 1
        && !e.starts_with('@')
        && !e.ends_with('@')
        && !e
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "<>()[],;:\"\\".contains(c));
    ok.then(|| e.to_owned())
}

/// The domain the message's id names: the sender's, else a reserved one.
fn id_domain(from: Option<&Mailbox>) -> String {
    from.and_then(|m| clean_address(&m.email))
        .and_then(|e| e.split('@').nth(1).map(str::to_owned))
        .filter(|d| {
            d.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        })
        .unwrap_or_else(|| "release-composer.invalid".to_owned())
}

/// Midnight UTC of the dateline's date, in seconds since 1970.
fn dateline_seconds(doc: &Document) -> i64 {
    doc.metadata
        .date
        .map_or(0, |d| d.days_since_epoch() * 86_400)
}

/// The message of `doc`: its plain text and its mail HTML as alternatives,
/// with `options`' sender, date and attachments.
pub fn eml(doc: &Document, options: &MailOptions) -> Vec<u8> {
    let text = crate::plain_text(doc);
    let html = release_html::mail_html(doc, release_html::ImageSource::ContentId);
    let html = html.as_str();
    let subject = subject(doc);
    let mut seed = Vec::new();
    for part in [subject.as_bytes(), text.as_bytes(), html.as_bytes()] {
        seed.extend_from_slice(part);
        seed.push(0);
    }
    for figure in &doc.figures {
        seed.extend_from_slice(&xxh3_128(&figure.image.bytes).to_le_bytes());
    }
    for a in &options.attachments {
        seed.extend_from_slice(a.file_name.as_bytes());
        seed.extend_from_slice(&xxh3_128(&a.bytes).to_le_bytes());
    }
    let hash = format!("{:032x}", xxh3_128(&seed));
    let boundary = |kind: &str| format!("rc-{kind}-{}", &hash[..24]);

    let text_part = MimePart::new(
        ContentType::new("text/plain").attribute("charset", "utf-8"),
        BodyPart::Text(text.into()),
    );
    let html_part = MimePart::new(
        ContentType::new("text/html").attribute("charset", "utf-8"),
        BodyPart::Text(html.to_owned().into()),
    );
    // Photos travel with the HTML that shows them (`cid:`), in one
    // multipart/related part, so mail clients show them inline.
    let html_part = if doc.figures.is_empty() {
        html_part
    } else {
        let mut related = vec![html_part];
        for (n, figure) in doc.figures.iter().enumerate() {
            let format = figure.image.facts.format;
            related.push(
                MimePart::new(
                    ContentType::new(format.mime()),
                    BodyPart::Binary(figure.image.bytes.to_vec().into()),
                )
                .inline()
                .cid(release_html::content_id(n))
                .header(
                    "Content-Description",
                    mail_builder::headers::text::Text::new(one_line(&figure.alt)),
                ),
            );
        }
        MimePart::new(
            ContentType::new("multipart/related").attribute("boundary", boundary("rel")),
            BodyPart::Multipart(related),
        )
    };
    let alternative = MimePart::new(
        ContentType::new("multipart/alternative").attribute("boundary", boundary("alt")),
        BodyPart::Multipart(vec![text_part, html_part]),
    );
    let body = if options.attachments.is_empty() {
        alternative
    } else {
        let mut parts = vec![alternative];
        for a in &options.attachments {
            let name = one_line(&a.file_name);
            parts.push(
                MimePart::new(
                    ContentType::new(one_line(&a.content_type)),
                    BodyPart::Binary(a.bytes.clone().into()),
                )
                .attachment(name),
            );
        }
        MimePart::new(
            ContentType::new("multipart/mixed").attribute("boundary", boundary("mix")),
            BodyPart::Multipart(parts),
        )
    };

    let mut message = MessageBuilder::new()
        .subject(subject)
        .date(options.date.unwrap_or_else(|| dateline_seconds(doc)))
        .message_id(format!("{}@{}", &hash, id_domain(options.from.as_ref())))
        .header(
            "Content-Language",
            Raw::new(one_line(&doc.metadata.language)),
        )
        .header("X-Unsent", Raw::new("1"))
        .body(body);
    if let Some(from) = &options.from
        && let Some(email) = clean_address(&from.email)
    {
        let name = one_line(&from.name);
        let name = (!name.is_empty()).then_some(name);
        message = message
            .from(Address::new_address(name.clone(), email.clone()))
            .reply_to(Address::new_address(name, email));
    }
    message.write_to_vec().unwrap_or_default()
}
