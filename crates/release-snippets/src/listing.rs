//! Listing the snippets folder: every snippet file, damaged ones and sync
//! tools' conflicting copies included, and finding the snippets that fit a
//! release's language.

use crate::error::{Result, SnippetsError};
use crate::folder::{FileBytes, Snippets, read_file};
use crate::format::from_bytes;
use crate::names::{FileName, classify, id_problem};
use crate::snippet::{Kind, Snippet};
use release_drafts::{Damage, Revision, Timestamp};
use serde::Serialize;
use std::fs;
use std::path::Path;

/// One file of the snippets folder, as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed {
    /// What [`Snippets::get`] and [`Snippets::delete`] take: the snippet's
    /// id, or for a sync tool's conflicting copy its whole file name. For a
    /// file whose name is not a valid id, the name without `.snippet.json`
    /// (it cannot be opened until it is renamed; `damage` says so).
    pub id: String,
    /// `None` when the file is damaged.
    pub kind: Option<Kind>,
    /// Empty when the file is damaged.
    pub name: String,
    /// The language tag; empty for any language (and when damaged).
    pub language: String,
    /// When the file was last modified.
    pub modified: Timestamp,
    /// The file's revision; `None` when it was not read (a bad name, or it
    /// cannot be read).
    pub revision: Option<Revision>,
    /// For a sync tool's conflicting copy, the id of the snippet it is a
    /// copy of.
    pub conflict_of: Option<String>,
    /// Set when the file is not a readable snippet; it is never overwritten.
    pub damage: Option<Damage>,
}

impl Snippets {
    /// Every snippet file in the folder, sorted by kind (in the order of
    /// [`Kind::ALL`]), then name (ignoring case), then id; damaged files,
    /// with the reason, last. Sync tools' conflicting copies
    /// (`ID (conflicted copy 2026-12-01).snippet.json`,
    /// `ID.sync-conflict-20261201-123456-ABCDEF.snippet.json`, …) are listed
    /// as entries of their own with `conflict_of` set. Hidden files, the
    /// trash and files of other extensions are not listed.
    pub fn list(&self) -> Result<Vec<Listed>> {
        let dir = self.dir();
        let entries = fs::read_dir(dir).map_err(|e| SnippetsError::io("list", dir, e))?;
        let mut listed = Vec::new();
        for dirent in entries {
            let dirent = dirent.map_err(|e| SnippetsError::io("list", dir, e))?;
            let name = dirent.file_name().to_string_lossy().into_owned();
            if let Some(kind) = classify(&name)
                && let Some(entry) = describe(&dirent.path(), &name, kind)
            {
                listed.push(entry);
            }
        }
        listed.sort_by_cached_key(|e| {
            (
                e.kind.is_none(),
                e.kind,
                e.name.to_lowercase(),
                e.id.clone(),
            )
        });
        Ok(listed)
    }

    /// The readable snippets of `kind` that fit `language` (a BCP 47 tag),
    /// best first: those in exactly that language, then in the same language
    /// of another region or script (`en-GB` for `en`, `en` for `en-GB`),
    /// then those for any language (an empty `language`); in list order
    /// within each. An empty `language` finds every snippet of the kind.
    pub fn find(&self, kind: Kind, language: &str) -> Result<Vec<Listed>> {
        let mut found: Vec<(u8, Listed)> = self
            .list()?
            .into_iter()
            .filter(|e| e.damage.is_none() && e.kind == Some(kind))
            .filter_map(|e| language_fit(&e.language, language).map(|fit| (fit, e)))
            .collect();
        found.sort_by_key(|(fit, _)| *fit);
        Ok(found.into_iter().map(|(_, e)| e).collect())
    }
}

/// How well a snippet in language `have` fits a release in `want`: 0 the
/// same tag, 1 the same primary language, 2 a snippet for any language;
/// `None` when it does not fit.
fn language_fit(have: &str, want: &str) -> Option<u8> {
    let primary = |tag: &str| tag.split('-').next().unwrap_or("").to_ascii_lowercase();
    if want.is_empty() || have.eq_ignore_ascii_case(want) {
        Some(0)
    } else if have.is_empty() {
        Some(2)
    } else if primary(have) == primary(want) {
        Some(1)
    } else {
        None
    }
}

/// The entry of one file. `None` when it is not a regular file (a folder,
/// a dangling link) or vanished meanwhile.
fn describe(path: &Path, name: &str, kind: FileName<'_>) -> Option<Listed> {
    // Follows symbolic links: a linked snippet is listed as its target.
    let meta = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
    let modified = meta
        .modified()
        .map(Timestamp::from_system)
        .unwrap_or_default();
    let (id, conflict_of) = match kind {
        FileName::Snippet(id) => (id.to_owned(), None),
        FileName::ConflictCopy { of } => (name.to_owned(), Some(of.to_owned())),
        FileName::BadName(stem) => {
            let problem = id_problem(stem).unwrap_or("");
            let damage = Damage {
                code: "bad-file-name".to_owned(),
                reason: format!("the file name is not a snippet id ({problem}); rename the file"),
            };
            return Some(damaged(stem.to_owned(), None, modified, None, damage));
        }
    };
    let read = match read_file(path) {
        Ok(Some(read)) => read,
        Ok(None) => return None,
        Err(e) => {
            let damage = Damage {
                code: "unreadable".to_owned(),
                reason: format!("cannot be read: {e}"),
            };
            return Some(damaged(id, conflict_of, modified, None, damage));
        }
    };
    Some(readable(id, conflict_of, &read))
}

/// The entry of a file that was read, damaged or not.
fn readable(id: String, conflict_of: Option<String>, read: &FileBytes) -> Listed {
    let revision = Some(read.revision());
    match from_bytes(&read.bytes) {
        Ok(Snippet {
            name,
            language,
            content,
            ..
        }) => Listed {
            id,
            kind: Some(content.kind()),
            name,
            language,
            modified: read.modified,
            revision,
            conflict_of,
            damage: None,
        },
        Err(e) => {
            let damage = Damage {
                code: e.code().to_string(),
                reason: e.to_string(),
            };
            damaged(id, conflict_of, read.modified, revision, damage)
        }
    }
}

fn damaged(
    id: String,
    conflict_of: Option<String>,
    modified: Timestamp,
    revision: Option<Revision>,
    damage: Damage,
) -> Listed {
    Listed {
        id,
        kind: None,
        name: String::new(),
        language: String::new(),
        modified,
        revision,
        conflict_of,
        damage: Some(damage),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_fit_best_first() {
        assert_eq!(language_fit("en", "en"), Some(0));
        assert_eq!(language_fit("EN", "en"), Some(0));
        assert_eq!(language_fit("en-GB", "en"), Some(1));
        assert_eq!(language_fit("en", "en-GB"), Some(1));
        assert_eq!(language_fit("", "fr"), Some(2));
        assert_eq!(language_fit("fr", "en"), None);
        assert_eq!(language_fit("fr", ""), Some(0));
    }
}
