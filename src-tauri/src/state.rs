//! The app's state: the drafts library, the settings, the house styles, and
//! the files exported in this session (the only ones the window may open).

use crate::error::{IpcError, Result};
use crate::settings::{Settings, settings_file};
use release_drafts::Library;
use release_style::HouseStyle;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// Shared by every command.
pub struct AppState {
    pub library: Library,
    pub settings_file: PathBuf,
    settings: Mutex<Settings>,
    /// Folder of house styles the user added: `NAME/style.toml` each.
    pub user_styles: PathBuf,
    styles: Mutex<HashMap<String, Arc<HouseStyle>>>,
    exported: Mutex<BTreeSet<PathBuf>>,
    /// Draft files handed to the app (command line, second launch) that the
    /// window has not taken yet.
    handed: Mutex<Vec<PathBuf>>,
    /// Draft files from outside the library that were handed to the app: the
    /// only ones the window may save in place.
    outside: Mutex<BTreeSet<PathBuf>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl AppState {
    /// Opens the drafts library and reads the settings.
    pub fn new() -> Result<AppState> {
        let dir = release_drafts::default_library_dir()?;
        let library = Library::open(&dir)?;
        let settings_file = settings_file();
        let settings = Settings::load(&settings_file);
        let user_styles = dirs::data_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("release-composer")
            .join("styles");
        Ok(AppState {
            library,
            settings_file,
            settings: Mutex::new(settings),
            user_styles,
            styles: Mutex::new(HashMap::new()),
            exported: Mutex::new(BTreeSet::new()),
            handed: Mutex::new(Vec::new()),
            outside: Mutex::new(BTreeSet::new()),
        })
    }

    /// A state over the library in `root/drafts`, with settings and styles
    /// under `root` too: for tests.
    #[cfg(test)]
    pub fn in_folder(root: &Path) -> Result<AppState> {
        Ok(AppState {
            library: Library::open(root.join("drafts"))?,
            settings_file: root.join("settings.json"),
            settings: Mutex::new(Settings::default()),
            user_styles: root.join("styles"),
            styles: Mutex::new(HashMap::new()),
            exported: Mutex::new(BTreeSet::new()),
            handed: Mutex::new(Vec::new()),
            outside: Mutex::new(BTreeSet::new()),
        })
    }

    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    pub fn set_settings(&self, settings: Settings) -> Result<Settings> {
        settings.save(&self.settings_file)?;
        *lock(&self.settings) = settings.clone();
        Ok(settings)
    }

    /// The names of every style: built-in first, then the user's folder.
    pub fn style_names(&self) -> Vec<String> {
        let mut names: Vec<String> = release_style::builtin_names()
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        if let Ok(dirs) = std::fs::read_dir(&self.user_styles) {
            let mut user: Vec<String> = dirs
                .flatten()
                .filter(|d| d.path().join("style.toml").is_file())
                .filter_map(|d| d.file_name().into_string().ok())
                .filter(|n| !names.contains(n))
                .collect();
            user.sort();
            names.extend(user);
        }
        names
    }

    /// A house style by name, loaded once.
    pub fn style(&self, name: &str) -> Result<Arc<HouseStyle>> {
        let name = if name.trim().is_empty() {
            release_style::DEFAULT_STYLE
        } else {
            name.trim()
        };
        if let Some(style) = lock(&self.styles).get(name) {
            return Ok(style.clone());
        }
        let style = if release_style::builtin_names().contains(&name) {
            release_style::builtin(name)?
        } else if valid_style_name(name) && self.user_styles.join(name).join("style.toml").is_file()
        {
            HouseStyle::from_dir(&self.user_styles.join(name))?
        } else {
            return Err(IpcError::new(
                "style-unknown",
                format!("there is no house style `{name}`: choose one in the Release step"),
            )
            .at("style"));
        };
        let style = Arc::new(style);
        lock(&self.styles).insert(name.to_owned(), style.clone());
        Ok(style)
    }

    /// Remembers a file this session exported, so the window may open it.
    pub fn exported(&self, path: &Path) {
        lock(&self.exported).insert(path.to_path_buf());
    }

    /// A path the window asked to open, if this session exported it.
    pub fn exported_path(&self, path: &str) -> Result<PathBuf> {
        let path = PathBuf::from(path);
        if lock(&self.exported).contains(&path) {
            Ok(path)
        } else {
            Err(IpcError::new(
                "not-exported",
                format!(
                    "{}: only files exported in this session can be opened from here",
                    path.display()
                ),
            ))
        }
    }
}

impl AppState {
    /// Queues a draft file handed to the app, for the window to take.
    pub fn hand_over(&self, path: PathBuf) {
        lock(&self.handed).push(path);
    }

    /// The draft file handed over last, if any; earlier ones are dropped
    /// (the window opens one draft at a time).
    pub fn take_handed(&self) -> Option<PathBuf> {
        let mut handed = lock(&self.handed);
        let last = handed.pop();
        handed.clear();
        last
    }

    /// Lets the window save the outside file `path` in place.
    pub fn allow_in_place(&self, path: &Path) {
        lock(&self.outside).insert(path.to_path_buf());
    }

    /// A path the window asked to save in place, if it was handed to the app.
    pub fn in_place_path(&self, path: &str) -> Result<PathBuf> {
        let path = PathBuf::from(path);
        if lock(&self.outside).contains(&path) {
            Ok(path)
        } else {
            Err(IpcError::new(
                "not-opened",
                format!(
                    "{}: only draft files opened with the app can be saved in place",
                    path.display()
                ),
            ))
        }
    }
}

/// A style name from the window names a folder: no separators, no dots first.
fn valid_style_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}
