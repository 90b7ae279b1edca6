//! The desktop shell of Release Composer: Tauri commands over the release
//! crates. Commands are thin (see `commands`); what they do is in the crates.

mod about;
mod bindings;
#[cfg(test)]
mod command_list;
mod commands;
mod error;
mod exports;
mod opening;
mod settings;
mod state;
mod types;
mod watch;
mod webview;

use std::sync::Arc;
use std::time::Duration;
use tauri::{Emitter, Manager, WindowEvent};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use tauri_plugin_window_state::StateFlags;

/// What of the window is remembered between runs: its size, place and
/// whether it was maximised. (Whether the preview is shown is a setting.)
pub(crate) const WINDOW_STATE: StateFlags = StateFlags::SIZE
    .union(StateFlags::POSITION)
    .union(StateFlags::MAXIMIZED);

/// Starts the app.
pub fn run() {
    let result = tauri::Builder::default()
        // First, so that a second launch hands its command line over and
        // exits before anything else starts.
        .plugin(tauri_plugin_single_instance::init(opening::second_launch))
        .plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(WINDOW_STATE)
                .build(),
        )
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                webview::configure(&window);
            }
            match state::AppState::new() {
                Ok(state) => {
                    let cwd = std::env::current_dir().unwrap_or_default();
                    if let Some(path) = opening::draft_arg(
                        std::env::args_os()
                            .skip(1)
                            .map(|a| a.to_string_lossy().into_owned()),
                        &cwd,
                    ) {
                        state.hand_over(path);
                    }
                    let state = Arc::new(state);
                    // The default style's English dictionary: found while
                    // the window starts, with the verdicts kept from earlier
                    // runs (enough for the words already written), and
                    // parsed once the window is up, before a new word needs
                    // it; a draft in another language loads its own on first
                    // use (`set_spelling`). What the dictionaries said is
                    // kept every minute, and when the window closes.
                    let warm = state.clone();
                    std::thread::spawn(move || {
                        commands::spelling::warm(&warm, "en", release_style::DEFAULT_STYLE);
                        loop {
                            std::thread::sleep(std::time::Duration::from_secs(60));
                            warm.spelling.save_verdicts();
                        }
                    });
                    watch::start(app.handle(), &state);
                    app.manage(state);
                }
                Err(e) => {
                    app.dialog()
                        .message(format!(
                            "Release Composer cannot open its drafts folder:\n{}",
                            e.message
                        ))
                        .kind(MessageDialogKind::Error)
                        .title("Release Composer")
                        .blocking_show();
                    std::process::exit(1);
                }
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            // Files dropped on the window: the only paths it may add as
            // photos; the window is told once they are allowed.
            if let WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event
                && let Some(state) = window.try_state::<Arc<state::AppState>>()
            {
                state.dropped(paths);
                let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                let _ = window.emit("photos-dropped", paths);
            }
            // Closing waits for the window to save the draft (it calls
            // `close_window` when done), five seconds at most.
            if let WindowEvent::CloseRequested { api, .. } = event {
                api.prevent_close();
                let _ = window.emit("save-before-close", ());
                let window = window.clone();
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_secs(5));
                    let _ = window.destroy();
                });
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::drafts::startup,
            commands::drafts::list_drafts,
            commands::drafts::list_trash,
            commands::drafts::create_draft,
            commands::drafts::open_draft,
            commands::drafts::save_draft,
            commands::drafts::autosave_draft,
            commands::drafts::discard_recovery,
            commands::drafts::duplicate_draft,
            commands::drafts::delete_draft,
            commands::drafts::undelete_draft,
            commands::compose::check_draft,
            commands::compose::preview_pdf,
            commands::compose::preview_page,
            commands::compose::apply_fix,
            commands::export::export_draft,
            commands::export::copy_for_email,
            commands::export::open_exported,
            commands::export::show_exported,
            commands::export::choose_export_dir,
            commands::settings::save_settings,
            commands::settings::close_window,
            commands::files::take_opened_file,
            commands::files::import_draft,
            commands::files::save_file,
            commands::about::about,
            commands::photos::add_photo,
            commands::photos::add_dropped_photo,
            commands::photos::photo_thumbnail,
            commands::photos::export_package,
            commands::photos::import_package,
            commands::spelling::set_spelling,
            commands::spelling::add_to_dictionary,
            commands::spelling::web_spelling,
            commands::editions::new_edition,
            commands::editions::edition_info,
            commands::editions::bring_up_to_date,
            commands::editions::editions_out_of_step,
            commands::editions::share_date_and_embargo,
            commands::editions::export_editions,
            commands::snippets::list_snippets,
            commands::snippets::snippet_content,
            commands::snippets::save_snippet,
            commands::snippets::delete_snippet,
            commands::snippets::choose_snippets_dir,
            commands::drafts::draft_revision,
            commands::drafts::resolve_conflict,
        ])
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("release-composer: the window could not start: {e}");
        std::process::exit(1);
    }
}
