//! Fixes: a replacement of text in one string field of a draft, described as
//! data so the app can show it as a diff, apply it, and undo it by applying
//! the reverse.

use crate::draft::{Block, Draft, Inline};
use serde::{Deserialize, Serialize};

/// Replace `before`, found at byte `offset` of the text field at `path`, by
/// `after`. `before` and `after` carry a few words of context around the
/// change, so that showing them one above the other is a readable diff.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Fix {
    /// A JSON path to a string, e.g. `release.body[3].content[0].text`.
    pub path: String,
    /// Where `before` starts in that string, in bytes of UTF-8.
    pub offset: usize,
    pub before: String,
    pub after: String,
}

impl Fix {
    /// The fix that undoes this one once it has been applied.
    pub fn reverse(&self) -> Fix {
        Fix {
            path: self.path.clone(),
            offset: self.offset,
            before: self.after.clone(),
            after: self.before.clone(),
        }
    }
}

/// Why a fix could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FixError {
    #[error("`{path}` is not a text field of this draft")]
    NoSuchField { path: String },
    #[error("`{path}` has changed since the check: re-check the draft")]
    Stale { path: String },
}

/// The draft with `fix` applied. A fix computed on an older version of the
/// draft is refused ([`FixError::Stale`]) rather than applied in the wrong place.
pub fn apply_fix(draft: &Draft, fix: &Fix) -> Result<Draft, FixError> {
    let mut out = draft.clone();
    let field = text_field_mut(&mut out, &fix.path).ok_or_else(|| FixError::NoSuchField {
        path: fix.path.clone(),
    })?;
    let end = fix.offset + fix.before.len();
    if field.get(fix.offset..end) != Some(fix.before.as_str()) {
        return Err(FixError::Stale {
            path: fix.path.clone(),
        });
    }
    field.replace_range(fix.offset..end, &fix.after);
    Ok(out)
}

enum Segment<'p> {
    Key(&'p str),
    Index(usize),
}

fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if key.is_empty() {
            return None;
        }
        out.push(Segment::Key(key));
        while !rest.is_empty() {
            let (number, tail) = rest.split_once(']')?;
            out.push(Segment::Index(number.parse().ok()?));
            rest = match tail {
                "" => "",
                _ => tail.strip_prefix('[')?,
            };
        }
    }
    Some(out)
}

/// The string a path names, for the paths findings use.
fn text_field_mut<'d>(draft: &'d mut Draft, path: &str) -> Option<&'d mut String> {
    use Segment::{Index as I, Key as K};
    let segments = segments(path)?;
    let r = &mut draft.release;
    match segments.as_slice() {
        [K("release"), K(field)] => match *field {
            "kind" => Some(&mut r.kind),
            "reference" => Some(&mut r.reference),
            "headline" => Some(&mut r.headline),
            "subheadline" => Some(&mut r.subheadline),
            _ => None,
        },
        [K("release"), K("dateline"), K(field)] => match *field {
            "city" => Some(&mut r.dateline.city),
            "country" => Some(&mut r.dateline.country),
            "date" => Some(&mut r.dateline.date),
            _ => None,
        },
        [K("release"), K("embargo"), K("until")] => r.embargo.as_mut().map(|e| &mut e.until),
        [K("release"), K("quotes"), I(i), K(field)] => {
            let q = r.quotes.get_mut(*i)?;
            match *field {
                "speaker" => Some(&mut q.speaker),
                "title" => Some(&mut q.title),
                "context" => Some(&mut q.context),
                "verb" => Some(&mut q.verb),
                _ => None,
            }
        }
        [K("release"), K("quotes"), I(i), K(part), I(j), K("text")] => {
            let q = r.quotes.get_mut(*i)?;
            let inline = match *part {
                "text" => &mut q.text,
                "after" => &mut q.after,
                _ => return None,
            };
            run_text(inline, *j)
        }
        [K("release"), K("contacts"), I(i), K(field)] => {
            let c = r.contacts.get_mut(*i)?;
            match *field {
                "name" => Some(&mut c.name),
                "title" => Some(&mut c.title),
                "organization" => Some(&mut c.organization),
                "email" => Some(&mut c.email),
                "phone" => Some(&mut c.phone),
                _ => None,
            }
        }
        [
            K("release"),
            K(section),
            I(i),
            K("content"),
            I(j),
            K("text"),
        ] => match blocks_mut(r, section)?.get_mut(*i)? {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                run_text(content, *j)
            }
            _ => None,
        },
        [
            K("release"),
            K(section),
            I(i),
            K("items"),
            I(k),
            I(j),
            K("text"),
        ] => match blocks_mut(r, section)?.get_mut(*i)? {
            Block::List { items, .. } => run_text(items.get_mut(*k)?, *j),
            _ => None,
        },
        _ => None,
    }
}

fn blocks_mut<'r>(r: &'r mut crate::draft::Release, section: &str) -> Option<&'r mut Vec<Block>> {
    match section {
        "body" => Some(&mut r.body),
        "closing" => Some(&mut r.closing),
        "notes_to_editors" => Some(&mut r.notes_to_editors),
        "about" => Some(&mut r.about),
        _ => None,
    }
}

fn run_text(inline: &mut Inline, j: usize) -> Option<&mut String> {
    inline.get_mut(j).map(|run| &mut run.text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example;

    fn fix(path: &str, offset: usize, before: &str, after: &str) -> Fix {
        Fix {
            path: path.into(),
            offset,
            before: before.into(),
            after: after.into(),
        }
    }

    #[test]
    fn applies_at_the_offset_and_reverses() {
        let draft = example();
        let f = fix("release.dateline.city", 0, "Dushanbe", "Душанбе");
        let fixed = apply_fix(&draft, &f).expect("applies");
        assert_eq!(fixed.release.dateline.city, "Душанбе");
        assert_eq!(apply_fix(&fixed, &f.reverse()).expect("undoes"), draft);
    }

    #[test]
    fn reaches_runs_quotes_lists_and_contacts() {
        let mut draft = example();
        draft.release.about.push(Block::List {
            ordered: false,
            items: vec![vec![crate::Run::plain("one"), crate::Run::plain("two")]],
            extra: Default::default(),
        });
        let paths = [
            ("release.body[5].content[1].text", "Member"),
            ("release.quotes[0].text[0].text", "For"),
            ("release.quotes[3].after[0].text", ". Dr."),
            ("release.quotes[2].speaker", "Ms."),
            ("release.contacts[0].email", "gerardl"),
            ("release.about[0].items[0][1].text", "two"),
            ("release.headline", "Launch"),
        ];
        for (path, start) in paths {
            let f = fix(path, 0, start, "X");
            let mut fixed = apply_fix(&draft, &f).expect(path);
            let mut original = draft.clone();
            let before = text_field_mut(&mut original, path).expect(path).clone();
            let after = text_field_mut(&mut fixed, path).expect(path).clone();
            // The field's start replaced, the rest of it kept.
            assert_eq!(after, format!("X{}", &before[start.len()..]), "{path}");
            // Nothing else changed: undoing gives the draft back.
            assert_eq!(
                apply_fix(&fixed, &f.reverse()).expect(path),
                draft,
                "{path}"
            );
        }
    }

    #[test]
    fn refuses_stale_fixes_and_unknown_paths() {
        let draft = example();
        assert_eq!(
            apply_fix(&draft, &fix("release.dateline.city", 1, "Dushanbe", "x")),
            Err(FixError::Stale {
                path: "release.dateline.city".into()
            })
        );
        for path in [
            "release.body[99].content[0].text",
            "release.body[0].content[0]",
            "release.embargo.until",
            "release.quotes[0].text[0]x.text",
            "release.body[x].content[0].text",
            "",
        ] {
            assert!(
                matches!(
                    apply_fix(&draft, &fix(path, 0, "", "x")),
                    Err(FixError::NoSuchField { .. })
                ),
                "{path}"
            );
        }
        // An offset inside a multi-byte character is stale, not a panic.
        let f = fix("release.quotes[1].speaker", 9, "", "x");
        assert!(apply_fix(&draft, &f).is_err());
    }
}
