//! What the drafts list shows of a draft, and the optional `title` field a
//! person gives a draft in the list ("rename").

use release_model::{Block, Draft, word_count};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The top-level field that holds a draft's name in the list. Optional: when
/// absent or empty the list shows the headline. Older readers keep it as an
/// unknown field, so it survives any round trip.
pub const TITLE_FIELD: &str = "title";

/// The part of a draft the list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The name given in the list, or empty (then show the headline).
    pub title: String,
    pub headline: String,
    /// `PRESS RELEASE`, `MEDIA ADVISORY`, …
    pub kind: String,
    pub style: String,
    pub language: String,
    /// Words in the body, quotes and closing paragraphs.
    pub words: usize,
    /// For a language edition, its edition group's id; empty for a draft
    /// that is not an edition (it is the first of its own group).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edition_group: String,
    /// For a language edition, the id of the draft it was made from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub edition_source: String,
}

impl Summary {
    /// What to call the draft in a list: its title, else its headline.
    pub fn display_name(&self) -> &str {
        if self.title.trim().is_empty() {
            &self.headline
        } else {
            &self.title
        }
    }
}

/// The summary of a draft.
pub fn summarize(draft: &Draft) -> Summary {
    let release = &draft.release;
    let link = release_model::edition(draft);
    let quote_words: usize = release
        .quotes
        .iter()
        .map(|q| {
            word_count(&[
                Block::paragraph(q.text.clone()),
                Block::paragraph(q.after.clone()),
            ])
        })
        .sum();
    Summary {
        title: title(draft).to_owned(),
        headline: release.headline.clone(),
        kind: release.kind.clone(),
        style: draft.style.clone(),
        language: draft.language.clone(),
        words: word_count(&release.body) + quote_words + word_count(&release.closing),
        edition_group: link.as_ref().map(|e| e.group.clone()).unwrap_or_default(),
        edition_source: link.map(|e| e.source).unwrap_or_default(),
    }
}

/// The draft's `title` field, or "".
pub fn title(draft: &Draft) -> &str {
    draft
        .extra
        .get(TITLE_FIELD)
        .and_then(Value::as_str)
        .unwrap_or("")
}

/// Sets (or, with an empty `title`, removes) the draft's `title` field.
pub fn set_title(draft: &mut Draft, title: &str) {
    let title = title.trim();
    if title.is_empty() {
        draft.extra.remove(TITLE_FIELD);
    } else {
        draft
            .extra
            .insert(TITLE_FIELD.to_owned(), Value::String(title.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_summarises() {
        let summary = summarize(&release_model::example());
        assert_eq!(summary.kind, "PRESS RELEASE");
        assert_eq!(summary.style, "un");
        assert_eq!(summary.language, "en");
        assert!(summary.headline.starts_with("Launch of the Phase IV"));
        assert!(summary.words > 100, "{}", summary.words);
        assert_eq!(summary.display_name(), summary.headline);
    }

    #[test]
    fn titles_round_trip_through_the_file() {
        let mut draft = release_model::example();
        set_title(&mut draft, "  Dushanbe launch ");
        assert_eq!(title(&draft), "Dushanbe launch");
        let text = release_model::to_json(&draft);
        let again = release_model::load(&text).expect("loads").draft;
        assert_eq!(summarize(&again).display_name(), "Dushanbe launch");
        set_title(&mut draft, "");
        assert!(!release_model::to_json(&draft).contains("\"title\": \"Dushanbe"));
    }
}
