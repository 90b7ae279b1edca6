//! The house styles a draft can name: the built-in ones compiled into the
//! program, then the folders of the user's styles folder (each holding a
//! `style.toml`). A style folder elsewhere is only used when named by path
//! on purpose (`--style DIR`), never because a draft says so: a draft may
//! come from anywhere.

use release_style::{DEFAULT_STYLE, HouseStyle, StyleError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

/// Overrides where the user's styles folder is.
pub const STYLES_ENV: &str = "RELEASE_COMPOSER_STYLES";

/// `$RELEASE_COMPOSER_STYLES`, else `release-composer/styles` in the
/// platform's data folder (`~/.local/share/release-composer/styles` on Linux):
/// the same folder for the app and the command line.
pub fn default_user_styles_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(STYLES_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    dirs::data_dir().map(|d| d.join("release-composer").join("styles"))
}

/// The registry of house styles: each is read once and shared.
#[derive(Debug, Default)]
pub struct Styles {
    user_dir: Option<PathBuf>,
    loaded: Mutex<HashMap<String, Arc<HouseStyle>>>,
}

impl Styles {
    /// The built-in styles and those in `user_dir`, if given.
    pub fn new(user_dir: Option<PathBuf>) -> Styles {
        Styles {
            user_dir,
            loaded: Mutex::new(HashMap::new()),
        }
    }

    /// The built-in styles and the user's styles folder ([`default_user_styles_dir`]).
    pub fn for_user() -> Styles {
        Styles::new(default_user_styles_dir())
    }

    /// The user's styles folder, if there is one.
    pub fn user_dir(&self) -> Option<&Path> {
        self.user_dir.as_deref()
    }

    /// Every style's name: the built-in ones (the default first), then the
    /// user's folders by name. A user folder with a built-in name is hidden
    /// by the built-in style.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = release_style::builtin_names()
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let Some(dir) = &self.user_dir else {
            return names;
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return names;
        };
        let mut user: Vec<String> = entries
            .flatten()
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| is_style_name(n) && !names.contains(n))
            .filter(|n| dir.join(n).join("style.toml").is_file())
            .collect();
        user.sort();
        names.extend(user);
        names
    }

    /// The style named `name` (empty: the default style): built-in, else a
    /// folder of the user's styles folder. Anything else, paths included, is
    /// [`StyleError::Unknown`], which lists the known names.
    pub fn get(&self, name: &str) -> Result<Arc<HouseStyle>, StyleError> {
        let name = match name.trim() {
            "" => DEFAULT_STYLE,
            name => name,
        };
        if let Some(style) = self.cached(name) {
            return Ok(style);
        }
        let style = if release_style::builtin_names().contains(&name) {
            release_style::builtin(name)?
        } else {
            match self.user_folder(name) {
                Some(dir) => HouseStyle::from_dir(&dir)?,
                None => {
                    return Err(StyleError::Unknown {
                        name: name.to_owned(),
                        known: self.names().join(", "),
                    });
                }
            }
        };
        Ok(self.keep(name.to_owned(), style))
    }

    /// A style named on a command line: a known name, else the path of a
    /// style folder (one holding `style.toml`).
    pub fn named_or_folder(&self, name_or_dir: &str) -> Result<Arc<HouseStyle>, StyleError> {
        let dir = Path::new(name_or_dir);
        let looks_like_path = dir.components().count() > 1 || name_or_dir.starts_with('.');
        if !looks_like_path || !dir.is_dir() {
            match self.get(name_or_dir) {
                Err(StyleError::Unknown { .. }) if dir.is_dir() => {}
                result => return result,
            }
        }
        if dir.join("style.toml").is_file() {
            Ok(Arc::new(HouseStyle::from_dir(dir)?))
        } else {
            Err(StyleError::Unreadable {
                file: dir.join("style.toml"),
                message: "no such file: a style folder holds a style.toml".to_owned(),
            })
        }
    }

    fn user_folder(&self, name: &str) -> Option<PathBuf> {
        let dir = self.user_dir.as_ref()?.join(name);
        (is_style_name(name) && dir.join("style.toml").is_file()).then_some(dir)
    }

    fn cached(&self, name: &str) -> Option<Arc<HouseStyle>> {
        let loaded = self.loaded.lock().unwrap_or_else(PoisonError::into_inner);
        loaded.get(name).cloned()
    }

    fn keep(&self, name: String, style: HouseStyle) -> Arc<HouseStyle> {
        let style = Arc::new(style);
        let mut loaded = self.loaded.lock().unwrap_or_else(PoisonError::into_inner);
        loaded.entry(name).or_insert(style).clone()
    }
}

/// A style's name is a folder's name: letters, digits, `-` and `_`, so that
/// a name from a draft can never reach outside the styles folder.
fn is_style_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for entry in std::fs::read_dir(from).expect("read dir").flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_tree(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).expect("copy");
            }
        }
    }

    /// A copy of the `un` style named `name` in `root` (its fallback fonts
    /// are the program's own, `builtin:`).
    fn user_style(root: &Path, name: &str) {
        let templates = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates");
        copy_tree(&templates.join("un"), &root.join(name));
        let toml = root.join(name).join("style.toml");
        let text = std::fs::read_to_string(&toml).expect("style.toml");
        let renamed = text.replacen("name = \"un\"", &format!("name = \"{name}\""), 1);
        std::fs::write(&toml, renamed).expect("write");
    }

    #[test]
    fn built_in_then_user_styles_by_name() {
        let root = tempfile::tempdir().expect("tempdir");
        user_style(root.path(), "ministry");
        user_style(root.path(), "un");
        std::fs::create_dir_all(root.path().join("empty")).expect("mkdir");
        std::fs::create_dir_all(root.path().join("fonts")).expect("mkdir");
        let styles = Styles::new(Some(root.path().to_path_buf()));
        assert_eq!(styles.names(), ["un", "newswire", "ministry"]);
        assert_eq!(styles.get("un").expect("built-in").name, "un");
        let ministry = styles.get("ministry").expect("user style");
        assert_eq!(ministry.name, "ministry");
        assert!(Arc::ptr_eq(
            &ministry,
            &styles.get("ministry").expect("again")
        ));
        assert_eq!(styles.get("").expect("default").name, "un");
    }

    #[test]
    fn a_draft_cannot_name_a_folder_by_path() {
        let root = tempfile::tempdir().expect("tempdir");
        user_style(root.path(), "ministry");
        let styles = Styles::new(Some(root.path().join("none")));
        let by_path = root.path().join("ministry").display().to_string();
        for name in [by_path.as_str(), "../ministry", "ministry", ".."] {
            let err = styles.get(name).expect_err(name);
            assert_eq!(err.code(), "style-unknown", "{name}");
            assert!(err.to_string().contains("un, newswire"), "{err}");
        }
        // On a command line, the same path is a style folder.
        let style = styles.named_or_folder(&by_path).expect("folder");
        assert_eq!(style.name, "ministry");
        let missing = styles.named_or_folder(&root.path().display().to_string());
        assert_eq!(
            missing.expect_err("no style.toml").code(),
            "style-unreadable"
        );
        assert_eq!(
            styles.named_or_folder("newswire").expect("name").name,
            "newswire"
        );
    }
}
