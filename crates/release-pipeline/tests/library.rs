//! Photos in the drafts library and in draft packages: an image stored once
//! however often it is added, kept while any draft, history entry or trashed
//! draft names it; a package that round-trips; and every unsafe package
//! refused whole.

use release_drafts::{Library, ManualClock, Options, Template, Timestamp};
use release_model::{Photo, Run};
use release_pipeline::{
    Photos, PipelineError, add_photo, adopt_photos, export_package, import_package, pack, unpack,
};
use release_test_tools::images::jpeg_of;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use zip::write::SimpleFileOptions;

fn library(dir: &Path) -> (Library, Arc<ManualClock>) {
    let clock = Arc::new(ManualClock::new(Timestamp::from_system(
        std::time::SystemTime::now(),
    )));
    let options = Options {
        clock: clock.clone(),
        seed: Some(7),
        ..Options::default()
    };
    (Library::open_with(dir, options).expect("opens"), clock)
}

fn photo(file: &str) -> Photo {
    Photo {
        file: file.to_owned(),
        caption: vec![Run::plain("The launch.")],
        credit: "UNOCT".to_owned(),
        alt: "Delegates at a table.".to_owned(),
        ..Photo::default()
    }
}

/// A new library draft (the example) with these photo files.
fn draft_with(library: &Library, files: &[&str]) -> String {
    let mut opened = library.create(Template::Example).expect("creates");
    opened.draft.release.photos = files.iter().map(|f| photo(f)).collect();
    library
        .save(&opened.id, &opened.draft, Some(&opened.revision))
        .expect("saves");
    opened.id
}

#[test]
fn the_same_image_added_twice_is_one_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (library, _) = library(&dir.path().join("lib"));
    let outside = dir.path().join("launch.jpg");
    std::fs::write(&outside, jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 3)).expect("write");
    let copy = dir.path().join("copy of launch.jpg");
    std::fs::write(&copy, jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 3)).expect("write");
    let first = add_photo(&library, &outside).expect("added");
    #[cfg(unix)]
    let inode = |file: &str| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(library.dir().join(file))
            .expect("stored")
            .ino()
    };
    #[cfg(unix)]
    let before = inode(&first);
    let second = add_photo(&library, &copy).expect("added again");
    assert_eq!(first, second);
    #[cfg(unix)]
    assert_eq!(inode(&second), before, "written once, not again");
    assert!(
        first.starts_with("assets/") && first.ends_with(".jpg"),
        "{first}"
    );
    assert_eq!(library.assets().expect("assets").len(), 1);
    assert_eq!(
        std::fs::read(library.dir().join(&first)).expect("stored"),
        jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 3)
    );
    // What is not an image is not stored.
    std::fs::write(dir.path().join("notes.jpg"), b"%PDF-1.4").expect("write");
    let err = add_photo(&library, &dir.path().join("notes.jpg")).expect_err("refused");
    assert_eq!(err.code(), "photo-invalid");
    assert_eq!(library.assets().expect("assets").len(), 1);
}

#[test]
fn an_image_stays_while_anything_names_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (library, clock) = library(dir.path());
    let source = dir.path().join("..").join("shared.jpg");
    std::fs::write(&source, jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 5)).expect("write");
    let shared = add_photo(&library, &source).expect("added");
    std::fs::write(
        dir.path().join("../only.jpg"),
        jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 9),
    )
    .expect("write");
    let only = add_photo(&library, &dir.path().join("../only.jpg")).expect("added");
    let a = draft_with(&library, &[&shared, &only]);
    let b = draft_with(&library, &[&shared]);
    // The library's photos resolve like any draft's: relative to its folder.
    let loaded = library.load(&b).expect("loads").draft;
    let photos = Photos::read(&loaded, Some(library.dir()));
    assert!(photos.findings.is_empty(), "{:?}", photos.findings);
    clock.advance(2 * 60 * 60 * 1000);
    library.delete(&a).expect("deleted");
    assert!(
        library.collect_assets().expect("collects").is_empty(),
        "the trash names both"
    );
    library.empty_trash().expect("emptied");
    assert_eq!(
        library.assets().expect("assets"),
        [shared.trim_start_matches("assets/")],
        "the image draft b uses stays; the one only a named goes"
    );
    // b drops its photo: its history still names it.
    let mut opened = library.load(&b).expect("loads");
    opened.draft.release.photos.clear();
    library
        .save(&b, &opened.draft, Some(&opened.revision))
        .expect("saves");
    assert!(
        library.collect_assets().expect("collects").is_empty(),
        "history keeps it"
    );
    library.delete(&b).expect("deleted");
    library.empty_trash().expect("emptied");
    assert!(library.assets().expect("assets").is_empty());
}

#[test]
fn a_fresh_image_is_not_collected_before_its_draft_is_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (library, _) = library(&dir.path().join("lib"));
    std::fs::write(
        dir.path().join("a.jpg"),
        jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 2),
    )
    .expect("write");
    add_photo(&library, &dir.path().join("a.jpg")).expect("added");
    assert!(library.collect_assets().expect("collects").is_empty());
    assert_eq!(library.assets().expect("assets").len(), 1);
}

#[test]
fn a_draft_from_outside_brings_its_photos_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (library, _) = library(&dir.path().join("lib"));
    let outside = dir.path().join("mail");
    std::fs::create_dir_all(outside.join("photos")).expect("mkdir");
    std::fs::write(
        outside.join("photos/a.jpg"),
        jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 4),
    )
    .expect("write");
    let mut draft = release_model::example();
    draft.release.photos = vec![photo("photos/a.jpg")];
    let adopted = adopt_photos(&library, &draft, &outside).expect("adopted");
    assert!(adopted.release.photos[0].file.starts_with("assets/"));
    draft.release.photos = vec![photo("../secret.jpg")];
    assert!(adopt_photos(&library, &draft, &outside).is_err());
}

#[test]
fn a_package_round_trips() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (from, _) = library(&dir.path().join("mine"));
    let (to, _) = library(&dir.path().join("colleague"));
    std::fs::write(
        dir.path().join("a.jpg"),
        jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 6),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("b.jpg"),
        jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 8),
    )
    .expect("write");
    let a = add_photo(&from, &dir.path().join("a.jpg")).expect("added");
    let b = add_photo(&from, &dir.path().join("b.jpg")).expect("added");
    let id = draft_with(&from, &[&a, &b, &a]);
    let bytes = export_package(&from, &id).expect("packed");
    assert_eq!(
        bytes,
        export_package(&from, &id).expect("again"),
        "deterministic"
    );
    let unpacked = unpack(&bytes, "x.release.zip").expect("unpacks");
    assert_eq!(
        unpacked.photos.len(),
        2,
        "a photo used twice is packed once"
    );
    let opened = import_package(&to, &bytes, "x.release.zip").expect("imports");
    let original = from.load(&id).expect("loads").draft;
    assert_eq!(opened.draft.release.photos.len(), 3);
    for (got, want) in opened
        .draft
        .release
        .photos
        .iter()
        .zip(&original.release.photos)
    {
        assert_eq!(got.file, want.file, "the same content, the same asset name");
        assert_eq!(
            std::fs::read(to.dir().join(&got.file)).expect("stored"),
            std::fs::read(from.dir().join(&want.file)).expect("original")
        );
        assert_eq!(
            (&got.caption, &got.credit, &got.alt),
            (&want.caption, &want.credit, &want.alt)
        );
    }
    let mut without = opened.draft.clone();
    without.release.photos.clear();
    let mut original_without = original.clone();
    original_without.release.photos.clear();
    assert_eq!(without.release, original_without.release);
    // Packing a draft file beside its photos works too.
    let folder = dir.path().join("loose");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(
        folder.join("p.jpg"),
        jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 6),
    )
    .expect("write");
    let mut loose = release_model::example();
    loose.release.photos = vec![photo("p.jpg")];
    assert!(unpack(&pack(&loose, &folder).expect("packs"), "loose").is_ok());
}

/// A zip of `entries` (name, bytes), written with the zip crate.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        zip.start_file(*name, SimpleFileOptions::default())
            .expect("entry");
        zip.write_all(bytes).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fn draft_text(files: &[&str]) -> String {
    let mut draft = release_model::example();
    draft.release.photos = files.iter().map(|f| photo(f)).collect();
    release_model::to_json(&draft)
}

fn refused(bytes: &[u8], words: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (library, _) = library(dir.path());
    let err = import_package(&library, bytes, "bad.release.zip").expect_err(words);
    assert!(matches!(err, PipelineError::Package { .. }), "{err}");
    assert_eq!(err.code(), "package-invalid");
    let message = err.to_string();
    assert!(
        message.contains("bad.release.zip") && message.contains(words),
        "{message}"
    );
    assert!(
        library.assets().expect("assets").is_empty(),
        "nothing stored"
    );
    assert!(library.list().expect("list").is_empty(), "no draft made");
}

#[test]
fn unsafe_or_damaged_packages_are_refused_whole() {
    let good = jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 1);
    let text = draft_text(&["photos/a.jpg"]);
    // A good one, to be sure the cases below fail for their reason.
    let dir = tempfile::tempdir().expect("tempdir");
    let (library, _) = library(dir.path());
    let ok = zip_of(&[
        ("draft.release.json", text.as_bytes()),
        ("photos/a.jpg", &good),
    ]);
    import_package(&library, &ok, "ok.release.zip").expect("a good package imports");

    for name in ["../a.jpg", "/etc/a.jpg", "photos\\a.jpg", "C:/a.jpg"] {
        let bytes = zip_of(&[("draft.release.json", text.as_bytes()), (name, &good)]);
        refused(&bytes, name);
    }
    refused(
        &zip_of(&[("photos/a.jpg", &good)]),
        "no `draft.release.json`",
    );
    refused(
        &zip_of(&[("draft.release.json", text.as_bytes())]),
        "does not hold",
    );
    refused(
        &zip_of(&[
            ("draft.release.json", text.as_bytes()),
            ("photos/a.jpg", &good[..good.len() / 2]),
        ]),
        "cut short",
    );
    refused(
        &zip_of(&[
            ("draft.release.json", text.as_bytes()),
            ("photos/a.jpg", b"%PDF-1.7 not a photo"),
        ]),
        "a PDF document",
    );
    refused(b"PK\x03\x04 not really a zip", "not a zip archive");
    // A symbolic link.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("draft.release.json", SimpleFileOptions::default())
        .expect("entry");
    zip.write_all(text.as_bytes()).expect("write");
    zip.add_symlink(
        "photos/a.jpg",
        "/home/user/.ssh/id_rsa",
        SimpleFileOptions::default(),
    )
    .expect("symlink");
    refused(&zip.finish().expect("finish").into_inner(), "symbolic link");
    // The same name twice: written as two names, then one renamed in place.
    let two = zip_of(&[
        ("draft.release.json", text.as_bytes()),
        ("photos/a.jpg", &good),
        (
            "photos/b.jpg",
            &jpeg_of(64, 48, jpeg_encoder::ColorType::Rgb, 2),
        ),
    ]);
    let mut bytes = two.clone();
    let places: Vec<usize> = two
        .windows(12)
        .enumerate()
        .filter(|(_, w)| *w == b"photos/b.jpg")
        .map(|(at, _)| at)
        .collect();
    assert_eq!(places.len(), 2, "local header and central directory");
    for at in places {
        bytes[at..at + 12].copy_from_slice(b"photos/a.jpg");
    }
    refused(&bytes, "twice");
    // A zip bomb: 80 MB of zeros, a few kilobytes packed.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("draft.release.json", SimpleFileOptions::default())
        .expect("entry");
    zip.write_all(text.as_bytes()).expect("write");
    zip.start_file(
        "photos/a.jpg",
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated),
    )
    .expect("entry");
    let zeros = vec![0_u8; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&zeros).expect("write");
    }
    let bomb = zip.finish().expect("finish").into_inner();
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    refused(&bomb, "larger than any draft or photo");
}
