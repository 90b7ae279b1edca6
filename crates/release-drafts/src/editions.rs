//! Language editions in the library: making one from a draft, finding the
//! drafts of a release's edition group, and how an edition stands against
//! its source now (the pure rules are `release_model`'s edition module).

use crate::error::{DraftsError, Result};
use crate::library::{Library, Opened};
use crate::listing::Entry;
use release_model::{
    Draft, Language, Part, Stale, edition, mark_up_to_date, new_edition, out_of_date,
};
use serde::Serialize;

/// How a language edition stands against the draft it was made from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditionStatus {
    /// The source draft's id.
    pub source: String,
    /// The source's language tag, as it is now (or as recorded, when the
    /// source is gone).
    pub source_language: String,
    /// False when the source is no longer in the library (deleted, or the
    /// draft came from another library): nothing can be out of date then.
    pub source_found: bool,
    /// The parts whose source text changed since the edition took it.
    pub stale: Vec<Stale>,
}

impl Library {
    /// Makes a new draft, the `language` edition of draft `id`, linked to it
    /// (see [`release_model::new_edition`] for what is copied), and returns
    /// it opened. Refused when `language` is not one of the six, is the
    /// source's own, or when the group already has an edition in it.
    pub fn new_edition(&self, id: &str, language: &str) -> Result<Opened> {
        let source = self.load(id)?;
        let refuse = |reason| DraftsError::EditionLanguage {
            id: id.to_owned(),
            language: language.to_owned(),
            reason,
        };
        let wanted = Language::from_tag(language)
            .ok_or_else(|| refuse("not one of en, fr, es, ru, ar, zh"))?;
        if Language::from_tag(&source.draft.language) == Some(wanted) {
            return Err(refuse("it is the draft's own language"));
        }
        let group = release_model::group_of(edition(&source.draft).as_ref(), id).to_owned();
        if let Some(existing) = self
            .group(&group)?
            .into_iter()
            .find(|e| Language::from_tag(&e.summary.language) == Some(wanted))
        {
            return Err(DraftsError::EditionExists {
                id: id.to_owned(),
                language: wanted.english_name().to_owned(),
                existing: existing.id,
            });
        }
        let draft = new_edition(
            &source.draft,
            id,
            &source.revision.to_string(),
            wanted.code(),
        );
        self.create_from(draft)
    }

    /// The readable drafts of edition group `group`, most recently modified
    /// first: the draft whose id is the group and every edition linked to it.
    /// Sync tools' conflict copies are not editions of their own.
    pub fn group(&self, group: &str) -> Result<Vec<Entry>> {
        Ok(self
            .list()?
            .into_iter()
            .filter(|e| e.damage.is_none() && e.conflict_of.is_none() && e.group == group)
            .collect())
    }

    /// How `draft` (an edition) stands against its source as the library
    /// holds it now; `None` when the draft is not a language edition.
    pub fn edition_status(&self, draft: &Draft) -> Result<Option<EditionStatus>> {
        let Some(link) = edition(draft) else {
            return Ok(None);
        };
        let source = match self.load(&link.source) {
            Ok(source) => source,
            Err(DraftsError::NotFound { .. } | DraftsError::InvalidId { .. }) => {
                return Ok(Some(EditionStatus {
                    source: link.source,
                    source_language: link.source_language,
                    source_found: false,
                    stale: Vec::new(),
                }));
            }
            Err(e) => return Err(e),
        };
        Ok(Some(EditionStatus {
            stale: out_of_date(draft, &source.draft),
            source: link.source,
            source_language: source.draft.language,
            source_found: true,
        }))
    }

    /// Brings `part` of `draft` (an edition) up to date with its source as
    /// the library holds it now: the edition records the source's text, and
    /// takes it when the part was still untranslated. The caller saves.
    pub fn bring_up_to_date(&self, id: &str, draft: &mut Draft, part: Part) -> Result<()> {
        let not_an_edition = || DraftsError::NotAnEdition { id: id.to_owned() };
        let link = edition(draft).ok_or_else(not_an_edition)?;
        let source = self.load(&link.source)?;
        let revision = source.revision.to_string();
        mark_up_to_date(draft, &source.draft, &revision, part)
            .then_some(())
            .ok_or_else(not_an_edition)
    }

    /// Sets the date and the embargo of every other draft of `id`'s edition
    /// group to `draft`'s (the drafts as saved, each with a history
    /// snapshot). Returns the ids changed.
    pub fn share_date_and_embargo(&self, id: &str, draft: &Draft) -> Result<Vec<String>> {
        let group = release_model::group_of(edition(draft).as_ref(), id).to_owned();
        let mut changed = Vec::new();
        for entry in self.group(&group)? {
            if entry.id == id {
                continue;
            }
            let mut other = self.load(&entry.id)?;
            let (date, embargo) = (&draft.release.dateline.date, &draft.release.embargo);
            if other.draft.release.dateline.date == *date && other.draft.release.embargo == *embargo
            {
                continue;
            }
            other.draft.release.dateline.date.clone_from(date);
            other.draft.release.embargo.clone_from(embargo);
            self.save(&entry.id, &other.draft, Some(&other.revision))?;
            changed.push(entry.id);
        }
        Ok(changed)
    }

    /// The other drafts of `id`'s edition group whose date or embargo
    /// differ from `draft`'s: what [`Library::share_date_and_embargo`]
    /// would change.
    pub fn editions_out_of_step(&self, id: &str, draft: &Draft) -> Result<Vec<Entry>> {
        let group = release_model::group_of(edition(draft).as_ref(), id).to_owned();
        let mut out = Vec::new();
        for entry in self.group(&group)? {
            if entry.id == id {
                continue;
            }
            let other = self.load(&entry.id)?.draft;
            if other.release.dateline.date != draft.release.dateline.date
                || other.release.embargo != draft.release.embargo
            {
                out.push(entry);
            }
        }
        Ok(out)
    }
}
