//! `release-composer styles`: the user's styles folder is listed after the
//! built-in styles, and `styles copy` starts a style of one's own that both
//! the command line and the app then find by its name.

mod common;

use common::{finish, text};
use std::process::Command;

fn styles_cmd(args: &[&str], styles: &std::path::Path, stdin: &[u8]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command.args(args).env("RELEASE_COMPOSER_STYLES", styles);
    finish(command, stdin)
}

#[test]
fn a_copied_style_is_found_by_its_name_and_keeps_working() {
    let root = tempfile::tempdir().expect("tempdir");
    let styles = root.path().join("styles");
    let ministry = styles.join("ministry");
    let out = styles_cmd(
        &["styles", "copy", "un", &ministry.display().to_string()],
        &styles,
        b"",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(ministry.join("fonts/LiberationSans-Regular.ttf").is_file());
    let toml = std::fs::read_to_string(ministry.join("style.toml")).expect("style.toml");
    assert!(
        toml.contains("name = \"ministry\""),
        "renamed after its folder"
    );

    let listed = text(&styles_cmd(&["styles"], &styles, b"").stdout);
    let names: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(names, ["un", "newswire", "ministry"]);

    // The copy sets Arabic with the bundled fallback font, wherever it is.
    let arabic = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../templates/examples/example.ar.release.json"),
    )
    .expect("Arabic example")
    .replacen("\"style\": \"un\"", "\"style\": \"ministry\"", 1);
    let pdf = root.path().join("ar.pdf");
    let out = styles_cmd(
        &["export", "-", "--pdf", &pdf.display().to_string()],
        &styles,
        arabic.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(std::fs::metadata(&pdf).expect("exported").len() > 10_000);

    let again = styles_cmd(
        &["styles", "copy", "un", &ministry.display().to_string()],
        &styles,
        b"",
    );
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("already exists"),
        "{}",
        text(&again.stderr)
    );
    let unknown = styles_cmd(
        &[
            "styles",
            "copy",
            "unn",
            &root.path().join("x").display().to_string(),
        ],
        &styles,
        b"",
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("no house style `unn`"),
        "{}",
        text(&unknown.stderr)
    );
}
