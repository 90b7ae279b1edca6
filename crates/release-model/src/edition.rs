//! Language editions: one release in several languages, each edition a draft
//! of its own, linked to the draft it was made from by the optional top-level
//! `edition` object (`DRAFT-FORMAT.md`, "Editions").
//!
//! An edition keeps, part by part, the source's text as it was when the
//! edition was made or last brought up to date. From that alone it knows
//! which parts still hold the source's words ([`untranslated`]); given the
//! source as it is now it knows which parts changed there since, and how, word
//! by word ([`out_of_date`]).
//!
//! Pure: finding the source draft is the drafts library's job.

use crate::draft::{Block, Draft, Release};
use crate::finding::Finding;
use crate::language::Language;
use crate::text::inline_text;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The top-level field that links an edition to its source.
pub const EDITION_FIELD: &str = "edition";

/// A part of a release that is translated, with the path its findings use.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Headline,
    Subheadline,
    Dateline,
    Body,
    Quotes,
    Closing,
    NotesToEditors,
    About,
    Photos,
}

impl Part {
    /// Every translated part, in the order the form shows them.
    pub const ALL: [Part; 9] = [
        Part::Headline,
        Part::Subheadline,
        Part::Dateline,
        Part::Body,
        Part::Quotes,
        Part::Closing,
        Part::NotesToEditors,
        Part::About,
        Part::Photos,
    ];

    /// The name used as a key in the `edition.parts` object.
    pub fn key(self) -> &'static str {
        match self {
            Part::Headline => "headline",
            Part::Subheadline => "subheadline",
            Part::Dateline => "dateline",
            Part::Body => "body",
            Part::Quotes => "quotes",
            Part::Closing => "closing",
            Part::NotesToEditors => "notes_to_editors",
            Part::About => "about",
            Part::Photos => "photos",
        }
    }

    /// The part of that key.
    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Where a finding about the part points: the field of the form.
    pub fn path(self) -> String {
        match self {
            Part::Dateline => "release.dateline.city".to_owned(),
            part => format!("release.{}", part.key()),
        }
    }

    /// The part's name in a sentence: "the body", "the notes to editors".
    pub fn label(self) -> &'static str {
        match self {
            Part::Headline => "headline",
            Part::Subheadline => "subheadline",
            Part::Dateline => "dateline's place",
            Part::Body => "body",
            Part::Quotes => "quotes",
            Part::Closing => "closing paragraphs",
            Part::NotesToEditors => "notes to editors",
            Part::About => "About text",
            Part::Photos => "photo captions and alt texts",
        }
    }

    /// True when the label is a plural ("the quotes are").
    fn plural(self) -> bool {
        matches!(
            self,
            Part::Quotes | Part::Closing | Part::NotesToEditors | Part::Photos
        )
    }

    /// The part's words as plain text, one line per paragraph, field or
    /// list item. What is compared and shown in a difference.
    pub fn text(self, release: &Release) -> String {
        let mut lines: Vec<String> = Vec::new();
        let blocks = |lines: &mut Vec<String>, blocks: &[Block]| {
            for block in blocks {
                match block {
                    Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                        lines.push(inline_text(content));
                    }
                    Block::List { items, .. } => lines.extend(items.iter().map(|i| inline_text(i))),
                    Block::Other(_) => {}
                }
            }
        };
        match self {
            Part::Headline => lines.push(release.headline.clone()),
            Part::Subheadline => lines.push(release.subheadline.clone()),
            Part::Dateline => {
                lines.push(release.dateline.city.clone());
                lines.push(release.dateline.country.clone());
            }
            Part::Body => blocks(&mut lines, &release.body),
            Part::Closing => blocks(&mut lines, &release.closing),
            Part::NotesToEditors => blocks(&mut lines, &release.notes_to_editors),
            Part::About => blocks(&mut lines, &release.about),
            Part::Quotes => {
                for q in &release.quotes {
                    lines.extend([&q.speaker, &q.title, &q.context, &q.verb].map(Clone::clone));
                    lines.push(inline_text(&q.text));
                    lines.push(inline_text(&q.after));
                }
            }
            Part::Photos => {
                for p in &release.photos {
                    lines.push(inline_text(&p.caption));
                    lines.push(p.alt.clone());
                }
            }
        }
        lines.retain(|l| !l.trim().is_empty());
        lines.join("\n")
    }

    /// Copies this part from `from` into `to`.
    fn copy(self, from: &Release, to: &mut Release) {
        match self {
            Part::Headline => to.headline.clone_from(&from.headline),
            Part::Subheadline => to.subheadline.clone_from(&from.subheadline),
            Part::Dateline => {
                to.dateline.city.clone_from(&from.dateline.city);
                to.dateline.country.clone_from(&from.dateline.country);
            }
            Part::Body => to.body.clone_from(&from.body),
            Part::Quotes => to.quotes.clone_from(&from.quotes),
            Part::Closing => to.closing.clone_from(&from.closing),
            Part::NotesToEditors => to.notes_to_editors.clone_from(&from.notes_to_editors),
            Part::About => to.about.clone_from(&from.about),
            Part::Photos => {
                // Captions and alt texts by position; the photos themselves
                // (file, credit) are facts and stay as the edition has them.
                for (mine, theirs) in to.photos.iter_mut().zip(&from.photos) {
                    mine.caption.clone_from(&theirs.caption);
                    mine.alt.clone_from(&theirs.alt);
                }
            }
        }
    }
}

/// The `edition` object of a draft that is a language edition of another.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Edition {
    /// The edition group's id: the id of the draft the first edition was
    /// made from. Every edition of a release has the same group.
    pub group: String,
    /// The id of the draft this edition was made from.
    pub source: String,
    /// The source's language tag then, for messages ("the English edition").
    #[serde(default)]
    pub source_language: String,
    /// The source's revision when the edition was made or last brought up
    /// to date (the drafts library's revision token).
    #[serde(default)]
    pub revision: String,
    /// For each translated part (by [`Part::key`]), the source's text then.
    /// A part the source had no text in is absent.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "Record<string, string>"))]
    pub parts: BTreeMap<String, String>,
    /// Fields a later version adds, kept.
    #[serde(flatten)]
    #[cfg_attr(feature = "ts", ts(skip))]
    pub extra: Map<String, Value>,
}

impl Edition {
    /// The source's text of `part` when last synced, or "".
    pub fn synced(&self, part: Part) -> &str {
        self.parts.get(part.key()).map_or("", String::as_str)
    }

    fn record(&mut self, part: Part, text: String) {
        if text.is_empty() {
            self.parts.remove(part.key());
        } else {
            self.parts.insert(part.key().to_owned(), text);
        }
    }
}

/// The draft's `edition` object, when it is an edition (and the object is
/// readable: one without a `group` and `source` is not a link).
pub fn edition(draft: &Draft) -> Option<Edition> {
    let value = draft.extra.get(EDITION_FIELD)?;
    let edition: Edition = serde_json::from_value(value.clone()).ok()?;
    (!edition.group.is_empty() && !edition.source.is_empty()).then_some(edition)
}

/// Writes `edition` into the draft's `edition` field.
pub fn set_edition(draft: &mut Draft, edition: &Edition) {
    let value = serde_json::to_value(edition).unwrap_or(Value::Null);
    draft.extra.insert(EDITION_FIELD.to_owned(), value);
}

/// The group a draft belongs to, given its own id: its edition's group, or
/// its own id when it is not an edition (the original of its group).
pub fn group_of<'a>(draft_edition: Option<&'a Edition>, id: &'a str) -> &'a str {
    draft_edition.map_or(id, |e| e.group.as_str())
}

/// A new edition of `source` (the draft `source_id` at `source_revision`)
/// in `language`. It copies what does not change with the language (the
/// kind, date, embargo, reference, photos with their credits, the contacts'
/// e-mail addresses and phone numbers, the house style) and, to be
/// translated, the text: every [`Part`] is the source's and is recorded as
/// such, so each is [`untranslated`] until edited. The contacts' names,
/// titles and organisations are copied too (names rarely change; titles are
/// translated in place). The draft's `title` is not copied.
pub fn new_edition(
    source: &Draft,
    source_id: &str,
    source_revision: &str,
    language: &str,
) -> Draft {
    let mut draft = Draft {
        style: source.style.clone(),
        language: language.to_owned(),
        release: source.release.clone(),
        ..Draft::default()
    };
    let group = edition(source).map_or_else(|| source_id.to_owned(), |e| e.group);
    let mut link = Edition {
        group,
        source: source_id.to_owned(),
        source_language: source.language.clone(),
        revision: source_revision.to_owned(),
        ..Edition::default()
    };
    for part in Part::ALL {
        link.record(part, part.text(&source.release));
    }
    set_edition(&mut draft, &link);
    draft
}

/// One warning per part that still holds the source's words, at its field:
/// "The body is still the English text: translate it into French." Empty
/// for a draft that is not an edition.
pub fn untranslated(draft: &Draft) -> Vec<Finding> {
    let Some(link) = edition(draft) else {
        return Vec::new();
    };
    let from = language_name(&link.source_language);
    let into = language_name(&draft.language);
    Part::ALL
        .into_iter()
        .filter(|&part| {
            let synced = link.synced(part);
            !synced.is_empty() && part.text(&draft.release) == synced
        })
        .map(|part| {
            Finding::warning(
                "untranslated",
                part.path(),
                format!(
                    "The {} {} still the {from} text: translate {} into {into}.",
                    part.label(),
                    if part.plural() { "are" } else { "is" },
                    if part.plural() { "them" } else { "it" },
                ),
            )
        })
        .collect()
}

/// A part whose source changed since the edition last took it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stale {
    pub part: Part,
    /// The form's field, as findings name it.
    pub path: String,
    /// "The English edition's body changed since this edition was made."
    pub message: String,
    /// The source's text then and now, word by word.
    pub changes: Vec<Change>,
    /// True when the edition still holds the old source text: bringing it
    /// up to date takes the new text.
    pub untranslated: bool,
}

/// A piece of a word-level difference.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub kind: ChangeKind,
    pub text: String,
}

/// Whether a piece was kept, taken out or put in.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Same,
    Removed,
    Added,
}

/// The parts of `edition_draft` whose text in `source` (as it is now)
/// differs from what the edition last took, with the difference. Empty
/// when the draft is not an edition.
pub fn out_of_date(edition_draft: &Draft, source: &Draft) -> Vec<Stale> {
    let Some(link) = edition(edition_draft) else {
        return Vec::new();
    };
    let from = language_name(&source.language);
    Part::ALL
        .into_iter()
        .filter_map(|part| {
            let then = link.synced(part);
            let now = part.text(&source.release);
            (then != now).then(|| Stale {
                part,
                path: part.path(),
                message: format!(
                    "The {from} edition's {} changed since this edition was made or last brought up to date.",
                    part.label()
                ),
                changes: word_diff(then, &now),
                untranslated: !then.is_empty() && part.text(&edition_draft.release) == then,
            })
        })
        .collect()
}

/// Brings `part` of the edition up to date with `source` (at revision
/// `source_revision`): the source's text now becomes the text the edition
/// last took; a part that was still untranslated takes the new source text.
/// Returns false when the draft is not an edition.
pub fn mark_up_to_date(
    edition_draft: &mut Draft,
    source: &Draft,
    source_revision: &str,
    part: Part,
) -> bool {
    let Some(mut link) = edition(edition_draft) else {
        return false;
    };
    let then = link.synced(part).to_owned();
    if !then.is_empty() && part.text(&edition_draft.release) == then {
        part.copy(&source.release, &mut edition_draft.release);
    }
    link.record(part, part.text(&source.release));
    link.revision = source_revision.to_owned();
    link.source_language.clone_from(&source.language);
    set_edition(edition_draft, &link);
    true
}

/// The difference between two texts, word by word (spaces and punctuation
/// are pieces of their own), the pieces in order.
pub fn word_diff(before: &str, after: &str) -> Vec<Change> {
    let diff = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_unicode_words(before, after);
    let mut out: Vec<Change> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => ChangeKind::Same,
            similar::ChangeTag::Delete => ChangeKind::Removed,
            similar::ChangeTag::Insert => ChangeKind::Added,
        };
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => out.push(Change {
                kind,
                text: change.value().to_owned(),
            }),
        }
    }
    out
}

/// A difference as one line of text: `[-removed-]` and `{+added+}`, as
/// `git diff --word-diff` writes it, for a terminal.
pub fn diff_text(changes: &[Change]) -> String {
    changes
        .iter()
        .map(|c| match c.kind {
            ChangeKind::Same => c.text.clone(),
            ChangeKind::Removed => format!("[-{}-]", c.text),
            ChangeKind::Added => format!("{{+{}+}}", c.text),
        })
        .collect()
}

/// "English", "French", …: a language's English name for messages, or the
/// tag itself for a language this version does not know.
pub fn language_name(tag: &str) -> String {
    match Language::from_tag(tag) {
        Some(language) => language.english_name().to_owned(),
        None if tag.is_empty() => "source".to_owned(),
        None => tag.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Run;
    use crate::example;

    fn plain(text: &str) -> Vec<Run> {
        vec![Run::plain(text)]
    }

    fn french() -> Draft {
        new_edition(&example(), "20211208-source", "1-00", "fr")
    }

    #[test]
    fn a_new_edition_copies_the_facts_and_marks_the_text_untranslated() {
        let source = example();
        let fr = french();
        assert_eq!(fr.language, "fr");
        assert_eq!(fr.style, source.style);
        assert_eq!(fr.release, source.release);
        assert!(fr.extra.get("title").is_none());
        let link = edition(&fr).expect("linked");
        assert_eq!(link.group, "20211208-source");
        assert_eq!(link.source, "20211208-source");
        assert_eq!(link.source_language, "en");
        assert_eq!(link.revision, "1-00");
        let found = untranslated(&fr);
        let paths: Vec<&str> = found.iter().map(|f| f.path.as_str()).collect();
        // The example has no subheadline, notes, about or photos: nothing
        // to translate there.
        assert_eq!(
            paths,
            [
                "release.headline",
                "release.dateline.city",
                "release.body",
                "release.quotes",
                "release.closing"
            ]
        );
        assert!(
            found[2].message == "The body is still the English text: translate it into French.",
            "{}",
            found[2].message
        );
    }

    #[test]
    fn an_edition_of_an_edition_keeps_the_group() {
        let fr = french();
        let es = new_edition(&fr, "20211208-french", "2-00", "es");
        let link = edition(&es).expect("linked");
        assert_eq!(link.group, "20211208-source");
        assert_eq!(link.source, "20211208-french");
        assert_eq!(link.source_language, "fr");
    }

    #[test]
    fn editing_a_part_translates_it() {
        let mut fr = french();
        fr.release.headline = "Lancement de la phase IV du projet".into();
        let found = untranslated(&fr);
        assert!(!found.iter().any(|f| f.path == "release.headline"));
        assert!(found.iter().any(|f| f.path == "release.body"));
        assert!(untranslated(&example()).is_empty());
    }

    #[test]
    fn a_source_change_is_found_at_its_part_with_its_words() {
        let mut fr = french();
        fr.release.body[0] = Block::paragraph(plain("Le Centre des Nations Unies …"));
        let mut en = example();
        let Block::Paragraph { content, .. } = &mut en.release.body[0] else {
            panic!("paragraph")
        };
        content[0].text = content[0].text.replacen("Centre", "Center", 1);
        let stale = out_of_date(&fr, &en);
        assert_eq!(stale.len(), 1, "{stale:?}");
        assert_eq!(stale[0].part, Part::Body);
        assert_eq!(stale[0].path, "release.body");
        assert_eq!(
            stale[0].message,
            "The English edition's body changed since this edition was made or last brought up to date."
        );
        assert!(!stale[0].untranslated);
        let removed: Vec<&str> = stale[0]
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Removed)
            .map(|c| c.text.as_str())
            .collect();
        let added: Vec<&str> = stale[0]
            .changes
            .iter()
            .filter(|c| c.kind == ChangeKind::Added)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!((removed, added), (vec!["Centre"], vec!["Center"]));
        let line = diff_text(&stale[0].changes);
        assert!(line.contains("[-Centre-]{+Center+}"), "{line}");

        // Brought up to date, the edition's own words stay and nothing is stale.
        assert!(mark_up_to_date(&mut fr, &en, "3-00", Part::Body));
        assert!(out_of_date(&fr, &en).is_empty());
        assert_eq!(edition(&fr).expect("linked").revision, "3-00");
        assert_eq!(
            inline_text(match &fr.release.body[0] {
                Block::Paragraph { content, .. } => content,
                _ => unreachable!(),
            }),
            "Le Centre des Nations Unies …"
        );
    }

    #[test]
    fn an_untranslated_part_takes_the_new_source_text() {
        let mut fr = french();
        let mut en = example();
        en.release.headline.push_str(" (updated)");
        let stale = out_of_date(&fr, &en);
        assert_eq!(stale.len(), 1);
        assert!(stale[0].untranslated);
        assert!(mark_up_to_date(&mut fr, &en, "4-00", Part::Headline));
        assert_eq!(fr.release.headline, en.release.headline);
        assert!(
            untranslated(&fr)
                .iter()
                .any(|f| f.path == "release.headline")
        );
    }

    #[test]
    fn a_part_the_source_fills_in_later_is_out_of_date() {
        let fr = french();
        let mut en = example();
        en.release.about = vec![Block::paragraph(plain("About UNOCT."))];
        let stale = out_of_date(&fr, &en);
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].part, Part::About);
        assert_eq!(stale[0].changes[0].kind, ChangeKind::Added);
    }

    #[test]
    fn the_link_survives_the_file_and_unknown_fields_stay() {
        let mut fr = french();
        let mut link = edition(&fr).expect("linked");
        link.extra.insert("later".into(), Value::Bool(true));
        set_edition(&mut fr, &link);
        let again = crate::load(&crate::to_json(&fr)).expect("loads").draft;
        assert_eq!(edition(&again), Some(link));
        assert_eq!(untranslated(&again).len(), 5);
    }

    #[test]
    fn a_broken_link_is_no_link() {
        let mut draft = example();
        for value in [
            serde_json::json!(null),
            serde_json::json!("x"),
            serde_json::json!({ "group": "", "source": "a" }),
            serde_json::json!({ "group": 3 }),
        ] {
            draft.extra.insert(EDITION_FIELD.into(), value);
            assert_eq!(edition(&draft), None);
            assert!(untranslated(&draft).is_empty());
        }
    }

    #[test]
    fn any_unicode_diffs_by_words() {
        let changes = word_diff("مرحبا بالعالم 😀 e\u{301}", "مرحبا يا عالم 😀 e\u{301}");
        let back: String = changes
            .iter()
            .filter(|c| c.kind != ChangeKind::Removed)
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(back, "مرحبا يا عالم 😀 e\u{301}");
        assert_eq!(
            word_diff("同じ", "同じ"),
            vec![Change {
                kind: ChangeKind::Same,
                text: "同じ".into()
            }]
        );
    }
}
