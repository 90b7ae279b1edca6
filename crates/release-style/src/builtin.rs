//! The built-in house styles, compiled into the binary from `templates/`, so
//! an installed program needs no files beside it.

use crate::blob::Blob;
use crate::error::StyleError;
use crate::style::HouseStyle;
use include_dir::{Dir, include_dir};
use std::path::{Component, Path, PathBuf};

static TEMPLATES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../templates");

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
