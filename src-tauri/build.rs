//! Declares the app's own commands, so that each must be granted to a window
//! by a capability (capabilities/main.json): nothing is reachable by default.

const COMMANDS: &[&str] = &[
    "startup",
    "list_drafts",
    "list_trash",
    "create_draft",
    "open_draft",
    "save_draft",
    "autosave_draft",
    "discard_recovery",
    "duplicate_draft",
    "delete_draft",
    "undelete_draft",
    "check_draft",
    "preview_pdf",
    "preview_page",
    "apply_fix",
    "export_draft",
    "copy_for_email",
    "open_exported",
    "show_exported",
    "choose_export_dir",
    "save_settings",
    "close_window",
    "take_opened_file",
    "import_draft",
    "save_file",
    "about",
    "add_photo",
    "add_dropped_photo",
    "photo_thumbnail",
    "export_package",
    "import_package",
    "set_spelling",
    "add_to_dictionary",
    "web_spelling",
    "new_edition",
    "edition_info",
    "bring_up_to_date",
    "editions_out_of_step",
    "share_date_and_embargo",
    "export_editions",
    "list_snippets",
    "snippet_content",
    "save_snippet",
    "delete_snippet",
    "choose_snippets_dir",
    "draft_revision",
    "resolve_conflict",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    if let Err(e) = tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)) {
        panic!("tauri build step failed: {e:#}");
    }
}
