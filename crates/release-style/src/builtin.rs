//! The built-in house styles, compiled into the binary from `templates/`, so
//! an installed program needs no files beside it.

use crate::blob::Blob;
use crate::error::StyleError;
use crate::style::HouseStyle;
use include_dir::{Dir, include_dir};
use std::path::{Component, Path, PathBuf};

static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../templates");

/// Asset paths in `style.toml` that start with this name a file bundled
/// with the program (`builtin:fonts/NotoNaskhArabic-Regular.ttf`, a path in
/// `templates/`), so a style folder anywhere can use the bundled fonts.
pub const BUNDLED_PREFIX: &str = "builtin:";

/// The style a draft without one uses.
pub const DEFAULT_STYLE: &str = "un";

/// The names of the built-in styles: every folder of `templates/` that holds
/// a `style.toml`, the default first, then by name.
pub fn builtin_names() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = TEMPLATES
        .dirs()
        .filter(|d| d.get_file(d.path().join("style.toml")).is_some())
        .filter_map(|d| d.path().to_str())
        .collect();
    names.sort_by_key(|n| (*n != DEFAULT_STYLE, *n));
    names
}

/// Joins `relative` to `base` inside the templates folder, resolving `..`.
fn normalise(base: &Path, relative: &str) -> Option<PathBuf> {
    let mut out = base.to_path_buf();
    for part in Path::new(relative).components() {
        match part {
            Component::Normal(p) => out.push(p),
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// Loads a built-in style by name.
pub fn builtin(name: &str) -> Result<HouseStyle, StyleError> {
    let unknown = || StyleError::Unknown {
        name: name.to_owned(),
        known: builtin_names().join(", "),
    };
    if !builtin_names().contains(&name) {
        return Err(unknown());
    }
    let dir = Path::new(name);
    let file = TEMPLATES
        .get_file(dir.join("style.toml"))
        .ok_or_else(unknown)?;
    let text = file.contents_utf8().ok_or_else(|| StyleError::Syntax {
        file: dir.join("style.toml"),
        message: "not UTF-8".to_owned(),
    })?;
    let label = Path::new("templates").join(name).join("style.toml");
    HouseStyle::parse(&label, text, |relative| {
        let path = normalise(dir, relative)?;
        TEMPLATES.get_file(path).map(|f| Blob::Static(f.contents()))
    })
}

/// A file bundled with the program, by its path in `templates/` (no `..`
/// above it): what a `builtin:` asset path names.
pub(crate) fn bundled(path: &str) -> Option<Blob> {
    let path = normalise(Path::new(""), path)?;
    TEMPLATES.get_file(path).map(|f| Blob::Static(f.contents()))
}

/// The files of the built-in style `name`, by their path in its folder
/// (`style.toml`, `fonts/…`): what a user copies to start a style of their own.
pub fn builtin_files(name: &str) -> Result<Vec<(PathBuf, &'static [u8])>, StyleError> {
    let dir = TEMPLATES
        .get_dir(name)
        .filter(|_| builtin_names().contains(&name))
        .ok_or_else(|| StyleError::Unknown {
            name: name.to_owned(),
            known: builtin_names().join(", "),
        })?;
    let mut files = Vec::new();
    let mut folders = vec![dir];
    while let Some(folder) = folders.pop() {
        folders.extend(folder.dirs());
        for file in folder.files() {
            if let Ok(relative) = file.path().strip_prefix(name) {
                files.push((relative.to_path_buf(), file.contents()));
            }
        }
    }
    files.sort();
    Ok(files)
}
