//! Export files: their names (date and headline), and writing them so that a
//! failed export never leaves half a file and never replaces another file
//! unless the user chose that name in a save dialog.

use crate::commands::compose::today;
use crate::error::Result;
use crate::state::AppState;
use release_pipeline::{ExportOptions, Format, Prepared};
use std::path::{Path, PathBuf};

/// Loads the saved draft `id`, or the draft file `file` edited in place,
/// and prepares it for export; refused while validation or the house
/// style's checks report errors, naming the first one's field.
pub fn prepare(state: &AppState, id: &str, file: Option<&str>) -> Result<Prepared> {
    let (draft, folder) = match file {
        Some(file) => {
            let path = state.in_place_path(file)?;
            let draft = release_drafts::load_file(&path)?.draft;
            (draft, path.parent().map(Path::to_path_buf))
        }
        None => (
            state.library.load(id)?.draft,
            Some(state.library.dir().to_path_buf()),
        ),
    };
    let style = state.styles.get(&draft.style);
    let photos = release_pipeline::Photos::read(&draft, folder.as_deref());
    Ok(release_pipeline::prepare(
        draft,
        style,
        today(),
        &photos,
        &state.spelling,
    )?)
}

/// `NAME (2).pdf`, `NAME (3).pdf`, … : the first name not taken in the folder.
fn free_name(path: &Path) -> PathBuf {
    if !path.exists() {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (2..)
        .map(|n| path.with_file_name(format!("{stem} ({n}).{ext}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| path.to_path_buf())
}

/// Renders `prepared` in `format` and writes it at `target` atomically (or,
/// when `replace` is false and the name is taken, beside it under a free name).
pub fn write_export(
    prepared: &Prepared,
    target: &Path,
    format: Format,
    options: &ExportOptions,
    replace: bool,
) -> Result<PathBuf> {
    let output = prepared.render_with(format, options)?;
    let target = if replace {
        target.to_path_buf()
    } else {
        free_name(target)
    };
    release_pipeline::write_export(&target, &output.bytes)?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_name_is_not_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let taken = dir.path().join("x.pdf");
        std::fs::write(&taken, "old").expect("write");
        assert_eq!(free_name(&taken), dir.path().join("x (2).pdf"));
    }
}
