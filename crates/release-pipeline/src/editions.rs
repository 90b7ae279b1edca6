//! A release's language editions together: the languages the e-mail lists,
//! and every edition prepared for export at once, with file names that
//! carry the language code.

use crate::error::PipelineError;
use crate::export::{Format, Prepared, file_name, prepare};
use crate::photos::Photos;
use crate::styles::Styles;
use release_drafts::Library;
use release_model::{Date, Draft, edition, group_of};
use release_spelling::Spelling;

/// The language tags of the other drafts of `id`'s edition group (`draft`
/// is draft `id` as it is now), in the order the library lists them. Empty
/// when the release has no other edition or the library cannot be listed:
/// the e-mail then lists none, which is never wrong.
pub fn other_edition_languages(library: &Library, id: &str, draft: &Draft) -> Vec<String> {
    let group = group_of(edition(draft).as_ref(), id).to_owned();
    library
        .group(&group)
        .map(|entries| {
            entries
                .into_iter()
                .filter(|e| e.id != id && !e.summary.language.is_empty())
                .map(|e| e.summary.language)
                .collect()
        })
        .unwrap_or_default()
}

/// One edition of a release, prepared for export or refused.
#[derive(Debug)]
pub struct EditionExport {
    pub id: String,
    /// Its language tag.
    pub language: String,
    /// The other editions' languages, for its e-mail.
    pub other_editions: Vec<String>,
    /// Ready to render, or why not (its errors, naming their fields).
    pub prepared: Result<Prepared, PipelineError>,
}

/// Every edition of `id`'s release (the draft itself included), each
/// checked and styled for export on its own: an edition with errors is
/// refused without holding back the others. Oldest language first in the
/// order the library lists them.
pub fn prepare_editions(
    library: &Library,
    id: &str,
    styles: &Styles,
    today: Date,
    spelling: &Spelling,
) -> Result<Vec<EditionExport>, PipelineError> {
    let draft = library.load(id)?.draft;
    let group = group_of(edition(&draft).as_ref(), id).to_owned();
    let entries = library.group(&group)?;
    let languages: Vec<(String, String)> = entries
        .iter()
        .map(|e| (e.id.clone(), e.summary.language.clone()))
        .collect();
    let mut out = Vec::new();
    for entry in entries {
        let prepared = library
            .load(&entry.id)
            .map_err(PipelineError::from)
            .and_then(|o| {
                let style = styles.get(&o.draft.style);
                let photos = Photos::read(&o.draft, Some(library.dir()));
                prepare(o.draft, style, today, &photos, spelling)
            });
        out.push(EditionExport {
            other_editions: languages
                .iter()
                .filter(|(other, _)| *other != entry.id)
                .map(|(_, language)| language.clone())
                .collect(),
            language: entry.summary.language,
            id: entry.id,
            prepared,
        });
    }
    Ok(out)
}

/// [`file_name`] with the edition's language code before the extension:
/// `2021-12-08 Launch of the Phase IV.en.pdf`, so that the editions of one
/// release sort together and never take each other's names.
pub fn edition_file_name(draft: &Draft, format: Format) -> String {
    let name = file_name(draft, format);
    let code: String = draft
        .language
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(16)
        .collect();
    if code.is_empty() {
        return name;
    }
    let ext = format!(".{}", format.extension());
    match name.strip_suffix(&ext) {
        Some(stem) => format!("{stem}.{code}{ext}"),
        None => name,
    }
}
