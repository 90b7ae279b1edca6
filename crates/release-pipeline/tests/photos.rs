//! Photo files as a draft from anywhere may name them: every bad one is an
//! error at its field naming the file, before any export reads it, and
//! nothing of a file outside the draft's folder reaches an export.

use release_model::{Date, Draft, Severity};
use release_pipeline::{Format, Photos, PipelineError, Styles, prepare, read_photo, thumbnail};
use release_test_tools::images::{example_with_photo, jpeg, png};
use std::path::Path;

fn today() -> Date {
    Date::parse("2021-12-08").expect("date")
}

/// The findings at `release.photos[0].file`: (severity, code, message).
fn at_file(draft: &Draft, folder: Option<&Path>) -> Vec<(Severity, String, String)> {
    let styles = Styles::new(None);
    let photos = Photos::read(draft, folder);
    release_pipeline::check(
        draft,
        &styles.get("un"),
        today(),
        &photos,
        &release_pipeline::Spelling::off(),
    )
    .into_iter()
    .filter(|f| f.path == "release.photos[0].file")
    .map(|f| (f.severity, f.code, f.message))
    .collect()
}

fn one_error(draft: &Draft, folder: Option<&Path>, code: &str, names: &[&str]) {
    let found = at_file(draft, folder);
    assert_eq!(found.len(), 1, "{found:?}");
    let (severity, found_code, message) = &found[0];
    assert_eq!(
        (*severity, found_code.as_str()),
        (Severity::Error, code),
        "{message}"
    );
    for name in names {
        assert!(message.contains(name), "`{message}` does not name {name}");
    }
    // And nothing is exported.
    let styles = Styles::new(None);
    let photos = Photos::read(draft, folder);
    let result = prepare(
        draft.clone(),
        styles.get("un"),
        today(),
        &photos,
        &release_pipeline::Spelling::off(),
    );
    assert!(
        matches!(result, Err(PipelineError::Refused { .. })),
        "exported with {code}"
    );
}

#[test]
fn a_good_photo_passes_and_is_printed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("photos")).expect("mkdir");
    let bytes = jpeg(1200, 800);
    std::fs::write(dir.path().join("photos/launch.jpg"), &bytes).expect("write");
    let draft = example_with_photo("photos/launch.jpg");
    assert_eq!(at_file(&draft, Some(dir.path())), []);
    let styles = Styles::new(None);
    let photos = Photos::read(&draft, Some(dir.path()));
    let prepared = prepare(
        draft,
        styles.get("un"),
        today(),
        &photos,
        &release_pipeline::Spelling::off(),
    )
    .expect("exports");
    assert_eq!(prepared.document.figures.len(), 1);
    assert_eq!(&*prepared.document.figures[0].image.bytes, &bytes[..]);
    let pdf = prepared.render(Format::Pdf).expect("pdf").bytes;
    assert!(
        pdf.windows(bytes.len()).any(|w| w == bytes),
        "the JPEG's bytes are in the PDF as they are"
    );
}

#[test]
fn paths_out_of_the_folder_never_reach_an_export() {
    let root = tempfile::tempdir().expect("tempdir");
    let folder = root.path().join("drafts");
    std::fs::create_dir(&folder).expect("mkdir");
    let secret = root.path().join("id_rsa");
    std::fs::write(&secret, jpeg(16, 16)).expect("write");
    // `..` and absolute paths are refused by validation, before any read.
    let absolute = secret.display().to_string();
    for file in ["../id_rsa", "../../.ssh/id_rsa", absolute.as_str()] {
        let found = at_file(&example_with_photo(file), Some(&folder));
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert_eq!(found[0].1, "photo-path", "{file}");
        assert!(read_photo(&folder, file).is_err(), "{file}");
    }
    // A link inside the folder that points out of it.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&secret, folder.join("photo.jpg")).expect("symlink");
        std::os::unix::fs::symlink(root.path(), folder.join("up")).expect("symlink");
        one_error(
            &example_with_photo("photo.jpg"),
            Some(&folder),
            "photo-path",
            &["photo.jpg", "link"],
        );
        one_error(
            &example_with_photo("up/id_rsa"),
            Some(&folder),
            "photo-path",
            &["up/id_rsa"],
        );
        // A link that stays inside is fine.
        std::fs::write(folder.join("real.jpg"), jpeg(16, 16)).expect("write");
        std::os::unix::fs::symlink(folder.join("real.jpg"), folder.join("alias.jpg"))
            .expect("symlink");
        assert!(read_photo(&folder, "alias.jpg").is_ok());
    }
}

#[test]
fn every_bad_file_is_a_clear_error_naming_field_and_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let good = jpeg(64, 64);
    std::fs::write(d.join("cut.jpg"), &good[..good.len() / 2]).expect("write");
    let mut huge = png(4, 4);
    huge[16..20].copy_from_slice(&30_000_u32.to_be_bytes());
    huge[20..24].copy_from_slice(&30_000_u32.to_be_bytes());
    std::fs::write(d.join("huge.png"), &huge).expect("write");
    std::fs::write(d.join("report.jpg"), b"%PDF-1.7\n1 0 obj << >> endobj\n").expect("write");
    std::fs::create_dir(d.join("folder.jpg")).expect("mkdir");
    for (file, code, words) in [
        ("cut.jpg", "photo-invalid", &["cut.jpg", "cut short"][..]),
        ("huge.png", "photo-invalid", &["huge.png", "30000 × 30000"]),
        (
            "report.jpg",
            "photo-invalid",
            &["report.jpg", "a PDF document"],
        ),
        (
            "missing.jpg",
            "photo-missing",
            &["missing.jpg", "not there"],
        ),
        ("folder.jpg", "photo-unreadable", &["folder.jpg"]),
    ] {
        let started = std::time::Instant::now();
        one_error(&example_with_photo(file), Some(d), code, words);
        assert!(started.elapsed().as_secs() < 5, "{file} took too long");
    }
    // Thumbnails refuse them the same way.
    assert!(thumbnail(d, "huge.png").is_err());
    assert!(thumbnail(d, "report.jpg").is_err());
}

#[test]
fn a_draft_without_a_folder_cannot_use_photos() {
    one_error(
        &example_with_photo("a.jpg"),
        None,
        "photo-no-folder",
        &["a.jpg"],
    );
}

#[test]
fn a_small_photo_prints_soft_and_is_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 600 px across 140 mm (5.5 in) is about 109 dpi.
    std::fs::write(dir.path().join("small.jpg"), jpeg(600, 450)).expect("write");
    let found = at_file(&example_with_photo("small.jpg"), Some(dir.path()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0, found[0].1.as_str()),
        (Severity::Warning, "photo-low-resolution")
    );
    assert!(found[0].2.contains("109 dpi"), "{}", found[0].2);
    // 1200 px across the same width is enough.
    std::fs::write(dir.path().join("large.jpg"), jpeg(1200, 900)).expect("write");
    assert_eq!(
        at_file(&example_with_photo("large.jpg"), Some(dir.path())),
        []
    );
}

#[test]
fn a_thumbnail_is_small() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.jpg"), jpeg(1600, 1000)).expect("write");
    let t = thumbnail(dir.path(), "a.jpg").expect("thumbnail");
    assert_eq!((t.width, t.height), (320, 200));
    assert!(t.png.starts_with(b"\x89PNG"));
}
