//! The command line and the app go through one pipeline, so they must agree
//! on every draft: the findings `release-composer check --json` prints are
//! the ones `release_pipeline::check` gives the app's Review step, a draft
//! the app refuses to export the command line refuses too, and what both
//! export is the same bytes. Checked over every draft in `templates/`, a
//! draft with an unknown style, a draft with errors, and a draft in a style
//! from the user's styles folder (which the command line finds as the app
//! does).

mod common;

use common::{finish, text};
use release_model::{Date, Finding, load};
use release_pipeline::{Format, PipelineError, Styles, prepare};
use std::path::{Path, PathBuf};
use std::process::Command;

const TODAY: &str = "2021-12-08";

fn templates() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates")
}

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

/// A styles folder holding `ministry`, a copy of `un` with a headline limit
/// of its own, so that its findings differ from `un`'s.
fn user_styles(root: &Path) -> PathBuf {
    let styles = root.join("styles");
    copy_tree(&templates().join("un"), &styles.join("ministry"));
    let toml = styles.join("ministry").join("style.toml");
    let text = std::fs::read_to_string(&toml).expect("style.toml");
    let text = text.replacen("name = \"un\"", "name = \"ministry\"", 1);
    assert!(
        text.contains("ideal_length = 120"),
        "templates/un changed its headline limit"
    );
    std::fs::write(
        &toml,
        text.replacen("ideal_length = 120", "ideal_length = 60", 1),
    )
    .expect("write");
    styles
}

/// Every draft the comparison runs over, as (name, text).
fn drafts() -> Vec<(String, String)> {
    let mut all = Vec::new();
    let mut files = vec![templates().join("example.release.json")];
    let mut examples: Vec<PathBuf> = std::fs::read_dir(templates().join("examples"))
        .expect("templates/examples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".release.json"))
        .collect();
    examples.sort();
    assert_eq!(examples.len(), 5, "one example per other UN language");
    files.extend(examples);
    for file in files {
        let name = file
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        all.push((name, std::fs::read_to_string(&file).expect("read")));
    }
    let example = release_model::EXAMPLE_JSON;
    let unknown = example.replacen("\"style\": \"un\"", "\"style\": \"un-old\"", 1);
    let broken = example
        .replacen("\"date\": \"2021-12-08\"", "\"date\": \"2021-02-30\"", 1)
        .replacen(
            "\"email\": \"gerardl@un.org\"",
            "\"email\": \"gerardl at un\"",
            1,
        );
    let ministry = example.replacen("\"style\": \"un\"", "\"style\": \"ministry\"", 1);
    let wire = example.replacen("\"style\": \"un\"", "\"style\": \"newswire\"", 1);
    for (name, text) in [
        ("unknown style", unknown),
        ("errors", broken),
        ("user style", ministry),
        ("newswire", wire),
    ] {
        assert_ne!(text, example, "{name}: the replacement did not apply");
        all.push((name.to_owned(), text));
    }
    all
}

/// `release-composer ARGS` with the user's styles in `styles`.
/// The command line with the user's styles in `styles` and its settings
/// folder (the user's dictionary) beside it, in `config`.
fn cli(args: &[&str], draft: &str, styles: &Path) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command
        .args(args)
        .env("RELEASE_COMPOSER_STYLES", styles)
        .env("XDG_CONFIG_HOME", config_dir(styles))
        .env_remove("RELEASE_COMPOSER_DICTIONARIES");
    finish(command, draft.as_bytes())
}

fn config_dir(styles: &Path) -> std::path::PathBuf {
    styles.parent().expect("a parent").join("config")
}

/// The spelling the app uses for the same settings folder, with one word
/// added to the user's dictionary beforehand, so both must read it.
fn spelling(styles: &Path) -> release_pipeline::Spelling {
    let file = config_dir(styles)
        .join("release-composer")
        .join("dictionary.txt");
    std::fs::create_dir_all(file.parent().expect("a folder")).expect("config folder");
    std::fs::write(&file, "analyze\n").expect("the user's dictionary");
    release_pipeline::Spelling::new(release_pipeline::system_dirs(), Some(file))
}

#[test]
fn check_gives_the_apps_findings_for_every_draft() {
    let root = tempfile::tempdir().expect("tempdir");
    let styles_dir = user_styles(root.path());
    let styles = Styles::new(Some(styles_dir.clone()));
    let spelling = spelling(&styles_dir);
    let today = Date::parse(TODAY).expect("date");
    let mut with_errors = 0;
    let mut misspellings = Vec::new();
    for (name, draft_text) in drafts() {
        let out = cli(
            &["check", "--json", "--today", TODAY, "-"],
            &draft_text,
            &styles_dir,
        );
        let printed: Vec<Finding> = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{name}: check --json: {e}: {}", text(&out.stderr)));
        let loaded = load(&draft_text).expect("a draft");
        let mut app = loaded.findings.clone();
        app.extend(release_pipeline::check(
            &loaded.draft,
            &styles.get(&loaded.draft.style),
            today,
            &release_pipeline::Photos::read(&loaded.draft, None),
            &spelling,
        ));
        assert_eq!(printed, app, "{name}");
        misspellings.extend(
            app.iter()
                .filter(|f| f.code == "misspelling")
                .filter_map(|f| f.word.clone()),
        );
        let errors = release_pipeline::has_errors(&app);
        with_errors += usize::from(errors);
        assert_eq!(
            out.status.code(),
            Some(if errors { 1 } else { 0 }),
            "{name}"
        );
    }
    // The two drafts made to have errors, and no other.
    assert_eq!(with_errors, 2);
    // Spelling was checked on both sides, with the user's word left out.
    assert!(
        misspellings.iter().any(|w| w == "signaled"),
        "{misspellings:?}"
    );
    assert!(
        !misspellings.iter().any(|w| w == "analyze"),
        "{misspellings:?}"
    );
}

#[test]
fn an_unknown_style_is_one_error_in_both() {
    let root = tempfile::tempdir().expect("tempdir");
    let draft =
        release_model::EXAMPLE_JSON.replacen("\"style\": \"un\"", "\"style\": \"un-old\"", 1);
    let out = cli(
        &["check", "--today", TODAY, "-"],
        &draft,
        &root.path().join("none"),
    );
    let stdout = text(&out.stdout);
    let errors: Vec<&str> = stdout.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(
        errors,
        ["style: error: there is no house style `un-old` (known: un, newswire)"],
        "{stdout}"
    );
}

#[test]
fn export_refuses_what_the_app_refuses_and_writes_the_same_bytes() {
    let root = tempfile::tempdir().expect("tempdir");
    let styles_dir = user_styles(root.path());
    let styles = Styles::new(Some(styles_dir.clone()));
    let spelling = spelling(&styles_dir);
    let today = Date::parse(TODAY).expect("date");
    for (i, (name, draft_text)) in drafts().into_iter().enumerate() {
        let pdf = root.path().join(format!("{i}.pdf"));
        let docx = root.path().join(format!("{i}.docx"));
        let (pdf_arg, docx_arg) = (pdf.display().to_string(), docx.display().to_string());
        let out = cli(
            &["export", "-", "--pdf", &pdf_arg, "--docx", &docx_arg],
            &draft_text,
            &styles_dir,
        );
        let draft = load(&draft_text).expect("a draft").draft;
        let style = styles.get(&draft.style);
        let photos = release_pipeline::Photos::read(&draft, None);
        match prepare(draft, style, today, &photos, &spelling) {
            Ok(prepared) => {
                assert_eq!(out.status.code(), Some(0), "{name}: {}", text(&out.stderr));
                for (format, file) in [(Format::Pdf, &pdf), (Format::Docx, &docx)] {
                    let bytes = prepared.render(format).expect("renders").bytes;
                    let written = std::fs::read(file).expect("exported");
                    assert!(
                        written == bytes,
                        "{name}: the CLI's {format:?} differs from the app's"
                    );
                }
            }
            Err(PipelineError::Refused { .. }) => {
                assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
                assert!(
                    !pdf.exists() && !docx.exists(),
                    "{name}: a refused draft wrote files"
                );
            }
            Err(e) => panic!("{name}: {e}"),
        }
    }
}
