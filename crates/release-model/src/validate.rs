//! Validation: every problem in a draft that would make its export wrong or
//! impossible, each with its JSON path. House-style advice is not here.

use crate::date::{Date, EmbargoTime};
use crate::draft::{Block, Draft, Photo, Run};
use crate::finding::Finding;
use crate::language::Language;
use crate::text::inline_text;

/// Every problem in `draft`, in the order of the fields.
pub fn validate(draft: &Draft) -> Vec<Finding> {
    let mut out = Vec::new();
    let f = &mut out;
    if draft.style.trim().is_empty() {
        f.push(Finding::warning(
            "style-missing",
            "style",
            "no house style is named; `un` is used",
        ));
    }
    if draft.language.trim().is_empty() {
        f.push(Finding::warning(
            "language-missing",
            "language",
            "no language is named; English is assumed",
        ));
    } else if Language::from_tag(&draft.language).is_none() {
        f.push(Finding::warning(
            "language-unsupported",
            "language",
            format!(
                "`{}` is not one of en, fr, es, ru, ar, zh; dates and quotation marks are written as in English",
                draft.language
            ),
        ));
    }
    let r = &draft.release;
    text_field(f, "release.kind", &r.kind, Required::Error);
    text_field(f, "release.reference", &r.reference, Required::No);
    if let Some(embargo) = &r.embargo {
        let path = "release.embargo.until";
        if embargo.until.trim().is_empty() {
            f.push(Finding::error(
                "required",
                path,
                "the embargo has no end: give a date and time, or remove the embargo",
            ));
        } else if let Err(message) = EmbargoTime::parse(embargo.until.trim()) {
            f.push(Finding::error("invalid-embargo", path, message));
        }
    }
    text_field(f, "release.headline", &r.headline, Required::Error);
    text_field(f, "release.subheadline", &r.subheadline, Required::No);

    let d = &r.dateline;
    text_field(f, "release.dateline.city", &d.city, Required::No);
    text_field(f, "release.dateline.country", &d.country, Required::No);
    if d.city.trim().is_empty() && d.country.trim().is_empty() {
        f.push(Finding::warning(
            "dateline-place-missing",
            "release.dateline.city",
            "the dateline names no city or country",
        ));
    }
    if d.date.trim().is_empty() {
        f.push(Finding::error(
            "required",
            "release.dateline.date",
            "the dateline needs a date",
        ));
    } else if let Err(message) = Date::parse(d.date.trim()) {
        f.push(Finding::error(
            "invalid-date",
            "release.dateline.date",
            message,
        ));
    }

    if !blocks_have_text(&r.body) {
        f.push(Finding::error(
            "required",
            "release.body",
            "the body is empty: write at least one paragraph",
        ));
    }
    blocks(f, "release.body", &r.body);
    for (i, q) in r.quotes.iter().enumerate() {
        let p = format!("release.quotes[{i}]");
        text_field(f, &format!("{p}.speaker"), &q.speaker, Required::Error);
        text_field(f, &format!("{p}.title"), &q.title, Required::No);
        text_field(f, &format!("{p}.context"), &q.context, Required::No);
        text_field(f, &format!("{p}.verb"), &q.verb, Required::No);
        if q.text.iter().all(|run| run.text.trim().is_empty()) {
            f.push(Finding::error(
                "required",
                format!("{p}.text"),
                "the quote has no text",
            ));
        }
        runs(f, &format!("{p}.text"), &q.text);
        runs(f, &format!("{p}.after"), &q.after);
    }
    blocks(f, "release.closing", &r.closing);
    if r.contacts.is_empty() {
        f.push(Finding::warning(
            "contacts-missing",
            "release.contacts",
            "no contact: journalists will not know whom to call",
        ));
    }
    for (i, c) in r.contacts.iter().enumerate() {
        let p = format!("release.contacts[{i}]");
        for (field, value) in [
            ("name", &c.name),
            ("title", &c.title),
            ("organization", &c.organization),
            ("email", &c.email),
            ("phone", &c.phone),
        ] {
            text_field(f, &format!("{p}.{field}"), value, Required::No);
        }
        if [&c.name, &c.organization, &c.email, &c.phone]
            .iter()
            .all(|s| s.trim().is_empty())
        {
            f.push(Finding::warning(
                "contact-empty",
                p.clone(),
                "this contact is empty",
            ));
        }
        if !c.email.trim().is_empty() && !is_email(c.email.trim()) {
            f.push(Finding::error(
                "invalid-email",
                format!("{p}.email"),
                format!("`{}` is not an e-mail address", c.email.trim()),
            ));
        }
        if !c.phone.trim().is_empty() && !is_phone(c.phone.trim()) {
            f.push(Finding::warning(
                "invalid-phone",
                format!("{p}.phone"),
                format!("`{}` does not look like a phone number", c.phone.trim()),
            ));
        }
    }
    blocks(f, "release.notes_to_editors", &r.notes_to_editors);
    blocks(f, "release.about", &r.about);
    photos(f, &r.photos);
    out
}

/// A photo's words: its file named safely, and what a reader who cannot see
/// it, or an editor who prints it, needs. Whether the file is an image is
/// the pipeline's check, which reads it.
fn photos(f: &mut Vec<Finding>, photos: &[Photo]) {
    for (i, photo) in photos.iter().enumerate() {
        let p = format!("release.photos[{i}]");
        if photo.file.trim().is_empty() {
            f.push(Finding::error(
                "required",
                format!("{p}.file"),
                "the photo has no image file",
            ));
        } else if let Some(problem) = photo_path_problem(&photo.file) {
            f.push(Finding::error(
                "photo-path",
                format!("{p}.file"),
                format!("`{}` {problem}", photo.file),
            ));
        }
        let caption = inline_text(&photo.caption);
        if caption.trim().is_empty() {
            f.push(Finding::warning(
                "photo-caption-missing",
                format!("{p}.caption"),
                "the photo has no caption: say who and what it shows, where and when",
            ));
        }
        runs(f, &format!("{p}.caption"), &photo.caption);
        text_field(f, &format!("{p}.credit"), &photo.credit, Required::No);
        if photo.credit.trim().is_empty() {
            f.push(Finding::warning(
                "photo-credit-missing",
                format!("{p}.credit"),
                "the photo has no credit: editors print photos only with one",
            ));
        }
        text_field(f, &format!("{p}.alt"), &photo.alt, Required::No);
        if photo.alt.trim().is_empty() {
            f.push(Finding::warning(
                "photo-alt-missing",
                format!("{p}.alt"),
                "the photo has no alt text: describe what it shows for readers who cannot see it",
            ));
        } else if comparable(&photo.alt) == comparable(&caption) {
            f.push(Finding::warning(
                "photo-alt-repeats-caption",
                format!("{p}.alt"),
                "the alt text only repeats the caption: describe what the photo shows instead",
            ));
        }
    }
}

/// Text compared for sameness: letters and digits only, in lower case.
fn comparable(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Why a photo's `file` cannot name a file inside the draft's folder, or
/// `None` when it can: it must be relative, with `/` between folders, no
/// `..`, no drive or backslash, no control characters. Symbolic links that
/// lead out are refused where the file is read.
pub fn photo_path_problem(file: &str) -> Option<&'static str> {
    if file.starts_with('/') || file.starts_with('~') {
        return Some("is not relative to the draft's folder");
    }
    if file.contains('\\') || file.contains(':') {
        return Some("must use `/` between folders, and name no drive");
    }
    if file.chars().any(char::is_control) {
        return Some("holds a control character");
    }
    if file.split('/').any(|part| part == "..") {
        return Some("leads out of the draft's folder (`..`)");
    }
    if file.split('/').all(|part| part.is_empty() || part == ".") {
        return Some("names no file");
    }
    None
}

#[derive(PartialEq)]
enum Required {
    Error,
    No,
}

fn text_field(f: &mut Vec<Finding>, path: &str, value: &str, required: Required) {
    if required == Required::Error && value.trim().is_empty() {
        let name = path.rsplit('.').next().unwrap_or(path);
        f.push(Finding::error(
            "required",
            path,
            format!("the {name} is empty"),
        ));
    }
    control_characters(f, path, value);
}

/// XML 1.0 and PDF text cannot hold C0/C1 control characters (tab and line
/// feed aside); exports leave them out, and the user should know.
fn control_characters(f: &mut Vec<Finding>, path: &str, value: &str) {
    if let Some(c) = value.chars().find(|&c| is_forbidden_control(c)) {
        f.push(Finding::warning(
            "control-character",
            path,
            format!(
                "holds the invisible control character U+{:04X}, which exports leave out",
                c as u32
            ),
        ));
    }
}

/// Characters no export can carry: control characters other than tab and
/// line feed, and the non-characters U+FFFE and U+FFFF.
pub fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || c == '\u{FFFE}' || c == '\u{FFFF}'
}

fn blocks_have_text(blocks: &[Block]) -> bool {
    blocks.iter().any(|b| match b {
        Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
            content.iter().any(|r| !r.text.trim().is_empty())
        }
        Block::List { items, .. } => items.iter().flatten().any(|r| !r.text.trim().is_empty()),
        Block::Other(_) => false,
    })
}

fn blocks(f: &mut Vec<Finding>, path: &str, list: &[Block]) {
    for (i, block) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                runs(f, &format!("{p}.content"), content);
            }
            Block::List { items, .. } => {
                if items.is_empty() {
                    f.push(Finding::warning(
                        "list-empty",
                        p.clone(),
                        "this list has no items",
                    ));
                }
                for (j, item) in items.iter().enumerate() {
                    runs(f, &format!("{p}.items[{j}]"), item);
                }
            }
            Block::Other(_) => f.push(Finding::warning(
                "block-unknown",
                format!("{p}.type"),
                format!(
                    "blocks of type `{}` come from a newer version and are not printed",
                    block.type_name()
                ),
            )),
        }
    }
}

fn runs(f: &mut Vec<Finding>, path: &str, runs: &[Run]) {
    for (i, run) in runs.iter().enumerate() {
        let p = format!("{path}[{i}]");
        control_characters(f, &format!("{p}.text"), &run.text);
        if let Some(link) = &run.link
            && !is_link(link)
        {
            f.push(Finding::error(
                "invalid-link",
                format!("{p}.link"),
                format!("`{link}` is not a web address (https://…) or an e-mail link (mailto:…)"),
            ));
        }
        if let Some(lang) = &run.lang
            && !crate::language::is_language_tag(lang)
        {
            f.push(Finding::warning(
                "invalid-language",
                format!("{p}.lang"),
                format!(
                    "`{lang}` is not a language tag like `fr` or `en-GB`; the text is marked as written in the release's language"
                ),
            ));
        }
    }
}

fn is_link(link: &str) -> bool {
    let lower = link.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme));
    match rest {
        Some(host) => !host.is_empty() && !link.chars().any(char::is_whitespace),
        None => lower.strip_prefix("mailto:").is_some_and(is_email),
    }
}

/// A practical check, not RFC 5322: one `@`, something before it, a dotted
/// domain after it, no spaces.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !text
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"".contains(c))
}

/// Digits with the usual separators and an optional leading `+`; at least six digits.
pub(crate) fn is_phone(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let body = text.strip_prefix('+').unwrap_or(text);
    let body = body
        .split_once(" ext. ")
        .or_else(|| body.split_once(" ext "))
        .or_else(|| body.split_once(" x"))
        .map_or(body, |(number, _)| number);
    digits >= 6
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || " -().\u{A0}/".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Contact, Embargo, Quote};
    use crate::example::example;
    use crate::finding::Severity;

    fn paths(draft: &Draft) -> Vec<(Severity, String, String)> {
        validate(draft)
            .into_iter()
            .map(|f| (f.severity, f.code, f.path))
            .collect()
    }

    /// Asserts that validating `draft` finds exactly `expected`, in order:
    /// nothing missing, nothing spurious.
    fn finds(draft: &Draft, expected: &[(Severity, &str, &str)]) {
        let expected: Vec<(Severity, String, String)> = expected
            .iter()
            .map(|(s, c, p)| (*s, (*c).to_owned(), (*p).to_owned()))
            .collect();
        assert_eq!(paths(draft), expected);
    }

    use Severity::{Error, Warning};

    #[test]
    fn the_example_has_no_findings() {
        finds(&example(), &[]);
    }

    #[test]
    fn required_fields() {
        let mut d = example();
        d.release.kind.clear();
        d.release.headline = "   ".into();
        d.release.dateline.date.clear();
        d.release.body.clear();
        finds(
            &d,
            &[
                (Error, "required", "release.kind"),
                (Error, "required", "release.headline"),
                (Error, "required", "release.dateline.date"),
                (Error, "required", "release.body"),
            ],
        );
    }

    #[test]
    fn dates_must_exist() {
        let mut d = example();
        d.release.dateline.date = "2021-02-30".into();
        finds(&d, &[(Error, "invalid-date", "release.dateline.date")]);
    }

    #[test]
    fn dateline_without_a_place_warns() {
        let mut d = example();
        d.release.dateline.city.clear();
        d.release.dateline.country.clear();
        finds(
            &d,
            &[(Warning, "dateline-place-missing", "release.dateline.city")],
        );
    }

    #[test]
    fn embargo_needs_a_zoned_time() {
        let mut d = example();
        d.release.embargo = Some(Embargo {
            until: "2021-12-08T10:00:00".into(),
            ..Embargo::default()
        });
        finds(&d, &[(Error, "invalid-embargo", "release.embargo.until")]);
        d.release.embargo = Some(Embargo::default());
        finds(&d, &[(Error, "required", "release.embargo.until")]);
        d.release.embargo = Some(Embargo {
            until: "2021-12-08T10:00:00+05:00".into(),
            ..Embargo::default()
        });
        finds(&d, &[]);
    }

    #[test]
    fn contacts_are_checked_one_by_one() {
        let mut d = example();
        d.release.contacts.push(Contact {
            name: "Press Office".into(),
            email: "press at un.org".into(),
            phone: "call us".into(),
            ..Contact::default()
        });
        d.release.contacts.push(Contact::default());
        finds(
            &d,
            &[
                (Error, "invalid-email", "release.contacts[1].email"),
                (Warning, "invalid-phone", "release.contacts[1].phone"),
                (Warning, "contact-empty", "release.contacts[2]"),
            ],
        );
        d.release.contacts.clear();
        finds(&d, &[(Warning, "contacts-missing", "release.contacts")]);
    }

    #[test]
    fn quotes_need_a_speaker_and_words() {
        let mut d = example();
        d.release.quotes.push(Quote::default());
        finds(
            &d,
            &[
                (Error, "required", "release.quotes[4].speaker"),
                (Error, "required", "release.quotes[4].text"),
            ],
        );
    }

    #[test]
    fn links_must_be_web_or_mail() {
        let mut d = example();
        d.release.body[1] = Block::paragraph(vec![Run {
            text: "x".into(),
            link: Some("javascript:alert(1)".into()),
            ..Run::default()
        }]);
        finds(
            &d,
            &[(Error, "invalid-link", "release.body[1].content[0].link")],
        );
    }

    #[test]
    fn control_characters_warn_at_their_run() {
        let mut d = example();
        d.release.closing[0] = Block::paragraph(vec![Run::plain("ok"), Run::plain("bell\u{7}")]);
        finds(
            &d,
            &[(
                Warning,
                "control-character",
                "release.closing[0].content[1].text",
            )],
        );
    }

    #[test]
    fn a_runs_language_must_be_a_tag() {
        let mut d = example();
        d.release.body[1] = Block::paragraph(vec![Run {
            text: "Jean-Paul Laborde".into(),
            lang: Some("French".into()),
            ..Run::default()
        }]);
        finds(
            &d,
            &[(
                Warning,
                "invalid-language",
                "release.body[1].content[0].lang",
            )],
        );
        d.release.body[1] = Block::paragraph(vec![Run {
            text: "Jean-Paul Laborde".into(),
            lang: Some("fr-FR".into()),
            ..Run::default()
        }]);
        finds(&d, &[]);
    }

    #[test]
    fn unsupported_language_warns() {
        let mut d = example();
        d.language = "de".into();
        finds(&d, &[(Warning, "language-unsupported", "language")]);
    }

    fn photo(file: &str, caption: &str, credit: &str, alt: &str) -> Photo {
        Photo {
            file: file.into(),
            caption: vec![Run::plain(caption)],
            credit: credit.into(),
            alt: alt.into(),
            ..Photo::default()
        }
    }

    #[test]
    fn a_complete_photo_has_no_findings() {
        let mut d = example();
        d.release.photos = vec![photo(
            "photos/launch.jpg",
            "The launch in Dushanbe.",
            "UNOCT",
            "Delegates seated around a long table under UN flags.",
        )];
        finds(&d, &[]);
    }

    #[test]
    fn photos_need_alt_text_a_caption_and_a_credit() {
        let mut d = example();
        d.release.photos = vec![
            photo("a.jpg", "", " ", ""),
            photo(
                "b.jpg",
                "The launch, Dushanbe",
                "UNOCT",
                "the launch — Dushanbe!",
            ),
        ];
        finds(
            &d,
            &[
                (
                    Warning,
                    "photo-caption-missing",
                    "release.photos[0].caption",
                ),
                (Warning, "photo-credit-missing", "release.photos[0].credit"),
                (Warning, "photo-alt-missing", "release.photos[0].alt"),
                (
                    Warning,
                    "photo-alt-repeats-caption",
                    "release.photos[1].alt",
                ),
            ],
        );
    }

    #[test]
    fn photo_files_stay_inside_the_draft_folder() {
        for bad in [
            "../../.ssh/id_rsa",
            "photos/../../x.jpg",
            "/etc/passwd",
            "C:/x.jpg",
            "photos\\x.jpg",
            "~/x.jpg",
            "./",
            "a\u{7}.jpg",
        ] {
            let mut d = example();
            d.release.photos = vec![photo(bad, "c", "c", "a")];
            finds(&d, &[(Error, "photo-path", "release.photos[0].file")]);
        }
        let mut d = example();
        d.release.photos = vec![photo("", "c", "c", "a")];
        finds(&d, &[(Error, "required", "release.photos[0].file")]);
        for good in ["x.jpg", "photos/x.jpg", "./assets/0a.png", "a..b.jpg"] {
            assert_eq!(photo_path_problem(good), None, "{good}");
        }
    }

    #[test]
    fn email_and_phone_shapes() {
        assert!(is_email("gerardl@un.org"));
        assert!(is_email("first.last+tag@sub.example.int"));
        for bad in [
            "gerardl",
            "a@b",
            "a@@b.org",
            "a b@un.org",
            "@un.org",
            "a@un..org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
        assert!(is_phone("+998 71 120 34 50"));
        assert!(is_phone("(212) 963-1234 ext. 5"));
        assert!(!is_phone("12345"));
        assert!(!is_phone("call 555 1234 5"));
    }
}
