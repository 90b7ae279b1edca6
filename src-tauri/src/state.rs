//! The app's state: the drafts library, the settings, the house styles, and
//! the files exported in this session (the only ones the window may open).

use crate::error::{IpcError, Result};
use crate::settings::{Settings, settings_file};
use release_drafts::Library;
use release_model::ErrorCode;
use release_pipeline::{Spelling, Styles};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// Shared by every command.
pub struct AppState {
    pub library: Library,
    pub settings_file: PathBuf,
    settings: Mutex<Settings>,
    /// The house styles: built in, and the user's styles folder.
    pub styles: Styles,
    /// The dictionaries and the user's dictionary.
    pub spelling: Spelling,
    exported: Mutex<BTreeSet<PathBuf>>,
    /// Files dropped on the window this session: the only paths the window
    /// may ask to add as photos.
    dropped: Mutex<BTreeSet<PathBuf>>,
    /// Draft files handed to the app (command line, second launch) that the
    /// window has not taken yet.
    handed: Mutex<Vec<PathBuf>>,
    /// Draft files from outside the library that were handed to the app: the
    /// only ones the window may save in place.
    outside: Mutex<BTreeSet<PathBuf>>,
    /// The watcher of the library and snippets folders (`watch.rs`).
    watcher: Mutex<Option<release_watch::Watcher>>,
    /// The preview's paragraphs, kept from one preview to the next.
    typesetter: Mutex<release_pdf::Typesetter>,
    /// The newest preview's PDF, read for drawing its pages, and its number.
    preview: Mutex<Option<(u32, Arc<release_raster::Pages>)>>,
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
        Ok(AppState {
            library,
            settings_file,
            settings: Mutex::new(settings),
            styles: Styles::for_user(),
            spelling: Spelling::for_user(),
            exported: Mutex::new(BTreeSet::new()),
            dropped: Mutex::new(BTreeSet::new()),
            handed: Mutex::new(Vec::new()),
            outside: Mutex::new(BTreeSet::new()),
            watcher: Mutex::new(None),
            typesetter: Mutex::new(release_pdf::Typesetter::new()),
            preview: Mutex::new(None),
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
            styles: Styles::new(Some(root.join("styles"))),
            spelling: Spelling::new(
                release_pipeline::system_dirs(),
                Some(root.join("dictionary.txt")),
            ),
            exported: Mutex::new(BTreeSet::new()),
            dropped: Mutex::new(BTreeSet::new()),
            handed: Mutex::new(Vec::new()),
            outside: Mutex::new(BTreeSet::new()),
            watcher: Mutex::new(None),
            typesetter: Mutex::new(release_pdf::Typesetter::new()),
            preview: Mutex::new(None),
        })
    }

    /// The preview's typesetter; one preview at a time uses it.
    pub fn typesetter(&self) -> MutexGuard<'_, release_pdf::Typesetter> {
        lock(&self.typesetter)
    }

    /// Keeps `pages` as the newest preview; gives its number.
    pub fn set_preview(&self, pages: release_raster::Pages) -> u32 {
        let mut preview = lock(&self.preview);
        let number = preview.as_ref().map_or(1, |(n, _)| n.wrapping_add(1));
        *preview = Some((number, Arc::new(pages)));
        number
    }

    /// The preview numbered `number`, unless a newer one replaced it.
    pub fn preview(&self, number: u32) -> Option<Arc<release_raster::Pages>> {
        lock(&self.preview)
            .as_ref()
            .filter(|(n, _)| *n == number)
            .map(|(_, pages)| pages.clone())
    }

    pub fn settings(&self) -> Settings {
        lock(&self.settings).clone()
    }

    /// Keeps `watcher` (dropping the one before, which stops it).
    pub fn set_watcher(&self, watcher: Option<release_watch::Watcher>) {
        *lock(&self.watcher) = watcher;
    }

    pub fn set_settings(&self, settings: Settings) -> Result<Settings> {
        settings.save(&self.settings_file)?;
        *lock(&self.settings) = settings.clone();
        Ok(settings)
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
                ErrorCode::NotExported,
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

    /// Notes files dropped on the window (the window system says which).
    pub fn dropped(&self, paths: &[PathBuf]) {
        lock(&self.dropped).extend(paths.iter().cloned());
    }

    /// `path` if it was dropped on the window this session.
    pub fn dropped_path(&self, path: &str) -> Result<PathBuf> {
        let path = PathBuf::from(path);
        if lock(&self.dropped).contains(&path) {
            Ok(path)
        } else {
            Err(IpcError::new(
                ErrorCode::NotOpened,
                format!(
                    "{}: only files dropped on the window can be added this way",
                    path.display()
                ),
            ))
        }
    }

    /// The photos of a draft the window sends (to check or preview it):
    /// read from the folder of `file`, the draft file edited in place, else
    /// from the library folder, where the library keeps them.
    pub fn photos_of(
        &self,
        draft: &release_model::Draft,
        file: Option<&str>,
    ) -> release_pipeline::Photos {
        let folder = match file.map(|f| self.in_place_path(f)) {
            Some(Ok(path)) => path.parent().map(std::path::Path::to_path_buf),
            // A file the window may not name: its photos are not read.
            Some(Err(_)) => None,
            None => Some(self.library.dir().to_path_buf()),
        };
        release_pipeline::Photos::read(draft, folder.as_deref())
    }

    /// A path the window asked to save in place, if it was handed to the app.
    pub fn in_place_path(&self, path: &str) -> Result<PathBuf> {
        let path = PathBuf::from(path);
        if lock(&self.outside).contains(&path) {
            Ok(path)
        } else {
            Err(IpcError::new(
                ErrorCode::NotOpened,
                format!(
                    "{}: only draft files opened with the app can be saved in place",
                    path.display()
                ),
            ))
        }
    }
}
