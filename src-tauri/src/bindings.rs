//! The TypeScript declarations of every type the window exchanges with Rust,
//! generated with ts-rs into `ui/src/lib/bindings/` and committed. The test
//! fails when they are stale; `UPDATE_BINDINGS=1 cargo test -p
//! release-composer-app bindings` writes them anew.

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};
    use ts_rs::{Config, TS};

    fn exported_into(dir: &Path) {
        use crate::{error, settings, types};
        use release_model::{Draft, Finding};
        let cfg = &Config::new().with_out_dir(dir);
        let all = [
            Draft::export_all(cfg),
            Finding::export_all(cfg),
            error::IpcError::export_all(cfg),
            settings::Settings::export_all(cfg),
            types::DraftEntry::export_all(cfg),
            types::Opened::export_all(cfg),
            types::Saved::export_all(cfg),
            types::Checked::export_all(cfg),
            types::ExportFormat::export_all(cfg),
            types::Exported::export_all(cfg),
            types::StyleInfo::export_all(cfg),
            types::Startup::export_all(cfg),
            types::FileOpened::export_all(cfg),
            types::SavedFile::export_all(cfg),
            types::SpellingStatus::export_all(cfg),
            types::WebSpelling::export_all(cfg),
            types::About::export_all(cfg),
            types::AddedPhoto::export_all(cfg),
            types::EditionInfo::export_all(cfg),
            types::SnippetEntry::export_all(cfg),
            types::SnippetContent::export_all(cfg),
        ];
        for result in all {
            result.unwrap_or_else(|e| panic!("ts-rs export: {e}"));
        }
    }

    fn files(dir: &Path) -> BTreeMap<String, String> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "ts"))
                    .map(|e| {
                        let text = std::fs::read_to_string(e.path()).unwrap_or_default();
                        (e.file_name().to_string_lossy().into_owned(), text)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn bindings_are_up_to_date() {
        let committed = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings");
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            let _ = std::fs::remove_dir_all(&committed);
            exported_into(&committed);
            return;
        }
        let fresh = tempfile::tempdir().expect("tempdir");
        exported_into(fresh.path());
        let (want, have) = (files(fresh.path()), files(&committed));
        let stale: Vec<&String> = want
            .keys()
            .chain(have.keys())
            .filter(|name| want.get(*name) != have.get(*name))
            .collect();
        assert!(
            stale.is_empty(),
            "ui/src/lib/bindings is stale ({stale:?}): run UPDATE_BINDINGS=1 cargo test -p release-composer-app bindings"
        );
    }
}
