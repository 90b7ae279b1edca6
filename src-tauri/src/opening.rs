//! Draft files handed to the app from outside the window: a path on the
//! command line (a double-click in a file manager runs `release-composer-app
//! FILE`), or the command line of a second launch while the app runs, which
//! the single-instance plugin forwards here. The path is queued in the state
//! and the window is told to take it (`take_opened_file`).

use crate::commands::drafts::opened;
use crate::error::IpcError;
use crate::state::AppState;
use crate::types::{FileOpened, OutsideFile};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tauri::{AppHandle, Emitter, Manager};

/// The event that tells the window a draft file was handed over.
pub const FILE_HANDED: &str = "file-handed";

/// The draft file named on a command line (`args` without the program name),
/// made absolute against `cwd`: the first argument that is not an option.
/// `file://` URIs (from launchers that pass them) are turned into paths.
pub fn draft_arg<I: IntoIterator<Item = String>>(args: I, cwd: &Path) -> Option<PathBuf> {
    let arg = args
        .into_iter()
        .find(|a| !a.is_empty() && !a.starts_with('-'))?;
    let path = match arg.strip_prefix("file://") {
        Some(uri) => PathBuf::from(percent_decoded(uri.trim_start_matches("localhost"))),
        None => PathBuf::from(arg),
    };
    Some(if path.is_absolute() {
        path
    } else {
        cwd.join(path)
    })
}

/// `%20` and the like decoded; malformed escapes are kept as they are.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Called by the single-instance plugin with a second launch's command line:
/// brings the window forward and hands over the draft file it names.
pub fn second_launch(app: &AppHandle, argv: Vec<String>, cwd: String) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(path) = draft_arg(argv.into_iter().skip(1), Path::new(&cwd))
        && let Some(state) = app.try_state::<Arc<AppState>>()
    {
        state.hand_over(path);
        let _ = app.emit(FILE_HANDED, ());
    }
}

/// Reads a handed-over file: a draft of the library is opened as such; a
/// draft elsewhere is offered for import or editing in place; anything else
/// is refused with a message naming the file. Nothing is written.
pub fn open_handed(state: &AppState, path: &Path) -> FileOpened {
    if let Some(id) = state.library.id_of_file(path) {
        return match state
            .library
            .load(&id)
            .map_err(IpcError::from)
            .and_then(|o| opened(&state.library, o))
        {
            Ok(opened) => FileOpened::Library {
                opened: Box::new(opened),
            },
            Err(error) => refused(error),
        };
    }
    match release_drafts::load_file(path) {
        Ok(file) => {
            state.allow_in_place(path);
            FileOpened::Outside {
                file: Box::new(OutsideFile {
                    path: path.display().to_string(),
                    name: path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    draft: file.draft,
                    revision: file.revision.to_string(),
                }),
            }
        }
        Err(e) => refused(e.into()),
    }
}

/// A refusal, also written to stderr: the window shows it in a toast, and
/// scripts (the package test) and logs read it there.
fn refused(error: IpcError) -> FileOpened {
    eprintln!("release-composer: not opened: {}", error.message);
    FileOpened::Refused { error }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn the_draft_argument_is_made_absolute() {
        let cwd = Path::new("/home/ana/Documents");
        assert_eq!(draft_arg(args(&[]), cwd), None);
        assert_eq!(draft_arg(args(&["--verbose"]), cwd), None);
        assert_eq!(
            draft_arg(args(&["launch.release.json"]), cwd),
            Some(PathBuf::from("/home/ana/Documents/launch.release.json"))
        );
        assert_eq!(
            draft_arg(args(&["-v", "/tmp/a.release.json", "b"]), cwd),
            Some(PathBuf::from("/tmp/a.release.json"))
        );
        assert_eq!(
            draft_arg(args(&["file:///tmp/My%20launch.release.json"]), cwd),
            Some(PathBuf::from("/tmp/My launch.release.json"))
        );
        assert_eq!(percent_decoded("100%zz%"), "100%zz%");
    }

    #[test]
    fn handed_files_open_as_library_drafts_offers_or_refusals() {
        let dir = tempfile::tempdir().expect("temp dir");
        let state = AppState::in_folder(dir.path()).expect("state");
        let own = state
            .library
            .create(release_drafts::Template::Example)
            .expect("creates");
        let own_file = state.library.file_of(&own.id).expect("file");
        let outside = dir.path().join("colleague.release.json");
        std::fs::write(&outside, release_model::EXAMPLE_JSON).expect("write");
        let bad = dir.path().join("notes.release.json");
        std::fs::write(&bad, "{ not json").expect("write");

        state.hand_over(bad.clone());
        state.hand_over(own_file);
        let taken = state.take_handed().expect("handed");
        assert!(state.take_handed().is_none(), "only the last one is kept");
        match open_handed(&state, &taken) {
            FileOpened::Library { opened } => assert_eq!(opened.id, own.id),
            other => panic!("a library draft opens as itself: {other:?}"),
        }

        let outside_text = outside.display().to_string();
        assert!(
            state.in_place_path(&outside_text).is_err(),
            "not handed over yet"
        );
        match open_handed(&state, &outside) {
            FileOpened::Outside { file } => {
                assert_eq!(
                    (file.path.as_str(), file.name.as_str()),
                    (outside_text.as_str(), "colleague.release.json")
                );
            }
            other => panic!("an outside draft is offered: {other:?}"),
        }
        assert_eq!(
            state
                .in_place_path(&outside_text)
                .expect("may be saved now"),
            outside
        );

        match open_handed(&state, &bad) {
            FileOpened::Refused { error } => {
                assert_eq!(error.code, "not-a-draft");
                assert!(
                    error.message.contains("notes.release.json"),
                    "{}",
                    error.message
                );
            }
            other => panic!("not a draft: {other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&bad).expect("read"), "{ not json");
        assert!(state.in_place_path(&bad.display().to_string()).is_err());
    }
}
