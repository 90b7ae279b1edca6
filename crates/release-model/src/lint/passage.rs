//! The text of a draft as the checks read it: passages (a string field, or a
//! paragraph, subheading or list item with its runs joined) in document order,
//! each knowing which run every byte came from, so that a finding can name the
//! run and a fix can rewrite it.

use crate::draft::{Block, Draft, Inline, Run};
use crate::lint::fix::Fix;
use std::ops::Range;

/// The part of the release a passage belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Headline,
    Subheadline,
    Body,
    Quote,
    Closing,
    NotesToEditors,
    About,
}

/// What kind of text a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// A plain string: the headline, a quotation's speaker, title, context or verb.
    Field,
    /// Running text: a paragraph, a list item, a quotation's words or what follows them.
    Running,
    /// A subheading inside a section.
    Heading,
}

/// One string of the draft inside a passage.
#[derive(Debug)]
pub(crate) struct Piece<'a> {
    /// The JSON path of the string, e.g. `release.body[3].content[0].text`.
    pub path: String,
    /// Where the string starts in the passage's text.
    pub start: usize,
    pub len: usize,
    /// The run it is the text of; `None` for a plain string field.
    pub run: Option<&'a Run>,
}

impl Piece<'_> {
    /// The path of the run itself (`release.body[5].content[1]`), for
    /// findings about its attributes.
    pub fn run_path(&self) -> &str {
        self.path.strip_suffix(".text").unwrap_or(&self.path)
    }

    fn end(&self) -> usize {
        self.start + self.len
    }
}

/// A unit of text that checks read as one.
#[derive(Debug)]
pub(crate) struct Passage<'a> {
    pub section: Section,
    pub shape: Shape,
    pub text: String,
    pub pieces: Vec<Piece<'a>>,
}

/// At most this many characters of context on each side of a fix.
const CONTEXT_CHARS: usize = 30;

impl<'a> Passage<'a> {
    fn field(section: Section, path: String, value: &str) -> Passage<'a> {
        Passage {
            section,
            shape: Shape::Field,
            pieces: vec![Piece {
                path,
                start: 0,
                len: value.len(),
                run: None,
            }],
            text: value.to_owned(),
        }
    }

    fn inline(section: Section, shape: Shape, path: String, runs: &'a Inline) -> Passage<'a> {
        let mut text = String::new();
        let mut pieces = Vec::with_capacity(runs.len());
        for (i, run) in runs.iter().enumerate() {
            pieces.push(Piece {
                path: format!("{path}[{i}].text"),
                start: text.len(),
                len: run.text.len(),
                run: Some(run),
            });
            text.push_str(&run.text);
        }
        Passage {
            section,
            shape,
            text,
            pieces,
        }
    }

    /// The piece holding the byte at `offset` (the last piece at the end).
    pub fn piece_at(&self, offset: usize) -> &Piece<'a> {
        let i = self
            .pieces
            .partition_point(|p| p.start <= offset)
            .saturating_sub(1);
        &self.pieces[i]
    }

    /// The path of the string holding the byte at `offset`.
    pub fn path_at(&self, offset: usize) -> &str {
        &self.piece_at(offset).path
    }

    /// A fix replacing `range` of the passage's text by `replacement`, with
    /// the word on each side as context; `None` when the range spans two runs.
    pub fn fix(&self, range: Range<usize>, replacement: &str) -> Option<Fix> {
        let piece = self
            .pieces
            .iter()
            .find(|p| p.start <= range.start && range.end <= p.end())?;
        let local = &self.text[piece.start..piece.end()];
        let (start, end) = (range.start - piece.start, range.end - piece.start);
        let left = context(local[..start].chars().rev());
        let right = context(local[end..].chars());
        let (cs, ce) = (start - left, end + right);
        Some(Fix {
            path: piece.path.clone(),
            offset: cs,
            before: local[cs..ce].to_owned(),
            after: format!("{}{replacement}{}", &local[cs..start], &local[end..ce]),
        })
    }
}

/// The bytes of context a fix shows on one side: any spaces, then the word
/// beyond them (at most [`CONTEXT_CHARS`] of it); nothing when no word follows.
fn context(chars: impl Iterator<Item = char>) -> usize {
    let (mut spaces, mut word, mut taken) = (0, 0, 0);
    for c in chars {
        if c.is_whitespace() {
            if word > 0 {
                break;
            }
            spaces += c.len_utf8();
        } else {
            if taken == CONTEXT_CHARS {
                break;
            }
            word += c.len_utf8();
            taken += 1;
        }
    }
    if word == 0 { 0 } else { spaces + word }
}

/// Every passage of the release that is printed as text, in document order.
/// Contacts, the dateline and the embargo are checked as fields, not here.
pub(crate) fn passages(draft: &Draft) -> Vec<Passage<'_>> {
    let r = &draft.release;
    let mut out = vec![
        Passage::field(Section::Headline, "release.headline".into(), &r.headline),
        Passage::field(
            Section::Subheadline,
            "release.subheadline".into(),
            &r.subheadline,
        ),
    ];
    blocks(&mut out, Section::Body, "release.body", &r.body);
    for (i, q) in r.quotes.iter().enumerate() {
        let p = format!("release.quotes[{i}]");
        for (name, value) in [
            ("speaker", &q.speaker),
            ("title", &q.title),
            ("context", &q.context),
            ("verb", &q.verb),
        ] {
            out.push(Passage::field(Section::Quote, format!("{p}.{name}"), value));
        }
        for (name, runs) in [("text", &q.text), ("after", &q.after)] {
            out.push(Passage::inline(
                Section::Quote,
                Shape::Running,
                format!("{p}.{name}"),
                runs,
            ));
        }
    }
    blocks(&mut out, Section::Closing, "release.closing", &r.closing);
    blocks(
        &mut out,
        Section::NotesToEditors,
        "release.notes_to_editors",
        &r.notes_to_editors,
    );
    blocks(&mut out, Section::About, "release.about", &r.about);
    out
}

fn blocks<'a>(out: &mut Vec<Passage<'a>>, section: Section, path: &str, list: &'a [Block]) {
    for (i, block) in list.iter().enumerate() {
        let p = format!("{path}[{i}]");
        match block {
            Block::Paragraph { content, .. } => out.push(Passage::inline(
                section,
                Shape::Running,
                format!("{p}.content"),
                content,
            )),
            Block::Heading { content, .. } => out.push(Passage::inline(
                section,
                Shape::Heading,
                format!("{p}.content"),
                content,
            )),
            Block::List { items, .. } => {
                for (k, item) in items.iter().enumerate() {
                    out.push(Passage::inline(
                        section,
                        Shape::Running,
                        format!("{p}.items[{k}]"),
                        item,
                    ));
                }
            }
            Block::Other(_) => {}
        }
    }
}

/// Words: letters and digits, joined by single inner hyphens
/// (`counter-terrorism`, `UNOCT-UNCCT`), with their byte offsets.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = &text[pos..];
        let skip = rest.find(char::is_alphanumeric)?;
        let start = pos + skip;
        let mut end = start;
        let mut chars = text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_alphanumeric() {
                end = start + i + c.len_utf8();
            } else if c == '-' && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric()) {
                continue;
            } else {
                break;
            }
        }
        pos = end;
        Some((start, &text[start..end]))
    })
}

/// The character just before byte `i`.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// The character at byte `i`.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text[i..].chars().next()
}

/// Ends a sentence.
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟')
}

/// Closes a quotation or a bracket, and may follow a sentence's final mark.
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '”' | '’' | '»' | '"' | '\'' | ')' | ']' | '」' | '』' | '\u{A0}' | '\u{202F}'
    )
}

/// True when byte `i` sits in a web address, e-mail address or file name:
/// a whitespace-delimited token holding `://`, `@` or starting `www.`.
/// Very long tokens count as such: they are not prose.
pub(crate) fn in_address(text: &str, i: usize) -> bool {
    const LIMIT: usize = 200;
    let start = text[..i]
        .char_indices()
        .rev()
        .take(LIMIT)
        .find(|(_, c)| c.is_whitespace())
        .map(|(j, c)| j + c.len_utf8());
    let end = text[i..]
        .char_indices()
        .take(LIMIT)
        .find(|(_, c)| c.is_whitespace())
        .map(|(j, _)| i + j);
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) => (s, e),
        (None, _) if i > LIMIT => return true,
        (_, None) if text.len() - i > LIMIT => return true,
        (s, e) => (s.unwrap_or(0), e.unwrap_or(text.len())),
    };
    let token = &text[start..end];
    token.contains("://") || token.contains('@') || token.to_lowercase().starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example;

    #[test]
    fn passages_follow_the_document_and_know_their_runs() {
        let draft = example();
        let all = passages(&draft);
        assert_eq!(all[0].pieces[0].path, "release.headline");
        let p = all
            .iter()
            .find(|p| p.pieces[0].path == "release.body[5].content[0].text")
            .expect("body[5]");
        let at = p.text.find("Member States of").expect("bold text");
        assert_eq!(p.path_at(at), "release.body[5].content[1].text");
        assert_eq!(p.path_at(0), "release.body[5].content[0].text");
        assert_eq!(p.piece_at(at).run_path(), "release.body[5].content[1]");
    }

    #[test]
    fn fixes_carry_their_words_and_stay_in_one_run() {
        let runs = vec![Run::plain("in (2010 - 2021) and "), Run::bold("more")];
        let p = Passage::inline(Section::Body, Shape::Running, "x".into(), &runs);
        let at = p.text.find(" - ").expect("hyphen");
        let fix = p.fix(at..at + 3, "–").expect("one run");
        assert_eq!(
            (
                fix.path.as_str(),
                fix.offset,
                fix.before.as_str(),
                fix.after.as_str()
            ),
            ("x[0].text", 3, "(2010 - 2021)", "(2010–2021)")
        );
        let end = runs[0].text.len();
        assert!(p.fix(end - 1..end + 1, "").is_none());
        assert_eq!(p.fix(end..end, " ").expect("insert").path, "x[0].text");
    }

    #[test]
    fn words_keep_inner_hyphens() {
        let found: Vec<&str> = words("The UNOCT-UNCCT, counter-terrorism - and JPoA’s 2010-")
            .map(|w| w.1)
            .collect();
        assert_eq!(
            found,
            [
                "The",
                "UNOCT-UNCCT",
                "counter-terrorism",
                "and",
                "JPoA",
                "s",
                "2010"
            ]
        );
    }

    #[test]
    fn addresses_are_recognised() {
        let text = "write to gerardl@un.org or see https://un.org/x today";
        assert!(in_address(text, text.find("un.org").expect("at")));
        assert!(in_address(text, text.find("//un").expect("url")));
        assert!(!in_address(text, text.find("today").expect("word")));
    }
}
