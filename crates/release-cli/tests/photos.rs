//! Photos from the terminal: a draft beside its photos exports them; a
//! draft naming a file outside its folder is refused with the field named
//! and nothing written; photos added to a library draft, and a draft
//! package exported and imported into another library.

mod common;

use release_test_tools::images::jpeg;
use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str], library: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command.args(args).env_remove("RELEASE_COMPOSER_LIBRARY");
    if let Some(dir) = library {
        command.arg("--library").arg(dir);
    }
    let output = common::finish(command, b"");
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("panicked"),
        "{args:?} panicked"
    );
    output
}

fn stdout_of(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn draft_naming(file: &str) -> String {
    let mut draft = release_model::example();
    draft.release.photos = vec![release_model::Photo {
        file: file.to_owned(),
        caption: vec![release_model::Run::plain("Delegates at the launch.")],
        credit: "Manuel Elías".to_owned(),
        alt: "Delegates seated around a long table.".to_owned(),
        ..release_model::Photo::default()
    }];
    release_model::to_json(&draft)
}

#[test]
fn a_draft_beside_its_photo_exports_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("photos")).expect("mkdir");
    let bytes = jpeg(1200, 900);
    std::fs::write(dir.path().join("photos/launch.jpg"), &bytes).expect("write");
    let draft = dir.path().join("launch.release.json");
    std::fs::write(&draft, draft_naming("photos/launch.jpg")).expect("write");
    let pdf = dir.path().join("out.pdf");
    let docx = dir.path().join("out.docx");
    let d = draft.display().to_string();
    let out = run(
        &[
            "export",
            &d,
            "--pdf",
            &pdf.display().to_string(),
            "--docx",
            &docx.display().to_string(),
        ],
        None,
    );
    stdout_of(&out);
    let written = std::fs::read(&pdf).expect("pdf");
    assert!(
        written.windows(bytes.len()).any(|w| w == bytes),
        "the JPEG as it is"
    );
    let outline = stdout_of(&run(&["export", &d, "--outline"], None));
    assert!(outline.contains("[Figure] photos/launch.jpg"), "{outline}");
    assert!(
        outline.contains("[Photo Credit] UN Photo/Manuel Elías"),
        "{outline}"
    );
}

#[test]
fn a_file_outside_the_draft_folder_is_refused_with_its_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("mail");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(dir.path().join("id_rsa"), jpeg(8, 8)).expect("write");
    let draft = folder.join("x.release.json");
    std::fs::write(&draft, draft_naming("../../.ssh/id_rsa")).expect("write");
    let pdf = dir.path().join("out.pdf");
    let d = draft.display().to_string();
    let check = run(&["check", &d], None);
    assert_eq!(check.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&check.stdout);
    assert!(
        printed.contains("release.photos[0].file: error: `../../.ssh/id_rsa` leads out"),
        "{printed}"
    );
    let out = run(&["export", &d, "--pdf", &pdf.display().to_string()], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(!pdf.exists(), "nothing written");
    // A draft on standard input has no folder for photos.
    let mut command = Command::new(env!("CARGO_BIN_EXE_release-composer"));
    command.args(["check", "-"]);
    let out = common::finish(command, draft_naming("photos/a.jpg").as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("release.photos[0].file: error:"));
}

#[test]
fn photos_in_the_library_and_draft_packages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mine = dir.path().join("mine");
    let theirs = dir.path().join("theirs");
    let image = dir.path().join("launch.jpg");
    std::fs::write(&image, jpeg(1600, 1200)).expect("write");
    let id = stdout_of(&run(&["drafts", "new", "--from-example"], Some(&mine)));
    let id = id.trim();
    let img = image.display().to_string();
    let file = stdout_of(&run(
        &[
            "drafts",
            "add-photo",
            id,
            &img,
            "--caption",
            "The launch.",
            "--credit",
            "UNOCT",
            "--alt",
            "Delegates at a table.",
        ],
        Some(&mine),
    ));
    assert!(file.trim().starts_with("assets/"), "{file}");
    stdout_of(&run(&["drafts", "add-photo", id, &img], Some(&mine)));
    assert_eq!(
        std::fs::read_dir(mine.join("assets"))
            .expect("assets")
            .count(),
        1,
        "stored once"
    );
    let shown = stdout_of(&run(&["drafts", "show", id], Some(&mine)));
    assert!(shown.contains(file.trim()), "{shown}");
    // Not an image: refused, exit 2, naming the file.
    std::fs::write(dir.path().join("report.jpg"), b"%PDF-1.7").expect("write");
    let bad = run(
        &[
            "drafts",
            "add-photo",
            id,
            &dir.path().join("report.jpg").display().to_string(),
        ],
        Some(&mine),
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("report.jpg"));

    let package = dir.path().join("launch.release.zip");
    let p = package.display().to_string();
    stdout_of(&run(&["drafts", "export", id, &p], Some(&mine)));
    let imported = stdout_of(&run(&["drafts", "import", &p], Some(&theirs)));
    let shown_there = stdout_of(&run(&["drafts", "show", imported.trim()], Some(&theirs)));
    assert!(shown_there.contains(file.trim()), "the same asset name");
    assert!(theirs.join(file.trim()).is_file());
    // A damaged package is refused whole.
    std::fs::write(dir.path().join("bad.release.zip"), b"PK\x03\x04 nothing").expect("write");
    let out = run(
        &[
            "drafts",
            "import",
            &dir.path().join("bad.release.zip").display().to_string(),
        ],
        Some(&theirs),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.release.zip"));
    // A draft file from outside brings its photos.
    let loose = dir.path().join("loose");
    std::fs::create_dir(&loose).expect("mkdir");
    std::fs::write(loose.join("p.jpg"), jpeg(100, 80)).expect("write");
    std::fs::write(loose.join("x.release.json"), draft_naming("p.jpg")).expect("write");
    let id = stdout_of(&run(
        &[
            "drafts",
            "import",
            &loose.join("x.release.json").display().to_string(),
        ],
        Some(&theirs),
    ));
    let shown = stdout_of(&run(&["drafts", "show", id.trim()], Some(&theirs)));
    assert!(shown.contains("\"file\": \"assets/"), "{shown}");
}
