//! Finding drafts by the words in their title, headline and body.

use crate::error::Result;
use crate::library::Library;
use crate::listing::Entry;
use crate::read::{parse, read_file};
use crate::summary::title;
use release_model::{Block, Draft, inline_text};

impl Library {
    /// The drafts whose title, headline, subheadline or body contain every
    /// word of `query` (case-insensitive, anywhere in a word: `dush` finds
    /// Dushanbe), in list order. An empty query gives the whole list.
    /// Damaged drafts are never found.
    ///
    /// Drafts whose title or headline already match are not read; the others
    /// are, so a search of a large library costs a read of most files.
    pub fn search(&self, query: &str) -> Result<Vec<Entry>> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let entries = self.list()?;
        if words.is_empty() {
            return Ok(entries);
        }
        Ok(entries
            .into_iter()
            .filter(|entry| entry.damage.is_none())
            .filter(|entry| {
                let quick = format!("{} {}", entry.summary.title, entry.summary.headline);
                contains_all(&quick.to_lowercase(), &words)
                    || self
                        .searchable_text(entry)
                        .is_some_and(|text| contains_all(&text, &words))
            })
            .collect())
    }

    /// The lowercased text search looks in, or `None` if the draft cannot be read.
    fn searchable_text(&self, entry: &Entry) -> Option<String> {
        // A conflict copy's id is its file name, checked by the listing.
        let file = match entry.conflict_of {
            Some(_) => self.layout.file(&entry.id),
            None => self.layout.draft(&entry.id),
        };
        let read = read_file(&file).ok()??;
        let draft = parse(&read.bytes).ok()?.draft;
        Some(searchable_text(&draft))
    }
}

fn contains_all(text: &str, words: &[String]) -> bool {
    words.iter().all(|w| text.contains(w.as_str()))
}

/// Title, headline, subheadline and body as one lowercased text.
fn searchable_text(draft: &Draft) -> String {
    let release = &draft.release;
    let mut text = format!(
        "{}\n{}\n{}\n",
        title(draft),
        release.headline,
        release.subheadline
    );
    for block in &release.body {
        match block {
            Block::Paragraph { content, .. } | Block::Heading { content, .. } => {
                text.push_str(&inline_text(content));
            }
            Block::List { items, .. } => {
                for item in items {
                    text.push_str(&inline_text(item));
                    text.push('\n');
                }
            }
            Block::Other(_) => {}
        }
        text.push('\n');
    }
    text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_is_searchable() {
        let text = searchable_text(&release_model::example());
        assert!(text.contains("counter-terrorism"));
        assert!(contains_all(&text, &["central".into(), "asia".into()]));
        assert!(!contains_all(&text, &["central".into(), "zanzibar".into()]));
    }
}
