//! Benchmarks of the drafts library, with the goals:
//! - `save_example/library`: one save of the example draft, flushed to disk
//!   (≤ 5 ms), beside `library_unflushed` (the same without the two flushes:
//!   the library's own cost) and `disk_floor` (write, fsync, rename, fsync
//!   of the folder with nothing else: what this disk needs for any safe save);
//! - `list_10000/indexed`: a fresh `Library` listing 10,000 drafts, as the app
//!   does on start (≤ 300 ms), a third of them releases and the others their
//!   French and Arabic editions (each draft's edition group comes from the
//!   index; within 10 % of the listing before editions existed);
//! - `list_10000/no_index`: the same with the index deleted first, i.e. every
//!   file read and parsed (for comparison: why the index exists);
//! - `edition_status/example`: how the French edition of the example stands
//!   against its source after an edit there: the source read from disk and
//!   every part compared, with the word-level difference (≤ 20 ms).
//!
//! The folders live in Cargo's target tmp dir, on the same disk as the build.

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use release_drafts::{Disk, Library, Options, OsDisk, Template};
use release_model::{Block, example, new_edition, to_json};
use std::hint::black_box;
use std::io::{self, Write};
use std::path::Path;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

const DRAFTS: usize = 10_000;

fn bench_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(name)
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("bench folder")
}

fn save_example(c: &mut Criterion) {
    let mut group = c.benchmark_group("save_example");
    group.bench_function("library", |b| save_loop(b, Options::default()));
    // The same saves through a disk that skips both flushes: what the
    // library itself costs, apart from waiting for the storage device.
    let unflushed = Options {
        disk: Arc::new(Unflushed),
        ..Options::default()
    };
    group.bench_function("library_unflushed", |b| save_loop(b, unflushed.clone()));
    // The floor any flushed save has on this disk: the same bytes written to
    // a temporary file, fsync, rename, fsync of the folder, nothing else.
    let dir = bench_dir("drafts-floor");
    let bytes = release_model::EXAMPLE_JSON.as_bytes();
    let (temp, target) = (dir.path().join(".t.tmp"), dir.path().join("t.release.json"));
    group.bench_function("disk_floor", |b| {
        b.iter(|| {
            let mut file = std::fs::File::create_new(&temp).expect("creates");
            file.write_all(bytes).expect("writes");
            file.sync_all().expect("flushes");
            drop(file);
            std::fs::rename(&temp, &target).expect("renames");
            std::fs::File::open(dir.path())
                .and_then(|d| d.sync_all())
                .expect("flushes the folder");
        });
    });
    group.finish();
}

/// Saves the example draft and an edited one in turn, so every save writes.
fn save_loop(b: &mut criterion::Bencher<'_>, options: Options) {
    let dir = bench_dir("drafts-save");
    let library = Library::open_with(dir.path(), options).expect("opens");
    let opened = library.create(Template::Example).expect("creates");
    let mut edited = example();
    edited.release.headline.push_str(" (edited)");
    let versions = [example(), edited];
    let mut revision = opened.revision;
    let mut n = 0usize;
    b.iter(|| {
        n += 1;
        let saved = library
            .save(&opened.id, &versions[n % 2], Some(&revision))
            .expect("saves");
        revision = black_box(saved.revision);
    });
}

/// The real disk without `fsync`.
#[derive(Debug)]
struct Unflushed;

impl Disk for Unflushed {
    fn write_new(&self, path: &Path, bytes: &[u8], _sync: bool) -> io::Result<()> {
        OsDisk.write_new(path, bytes, false)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        OsDisk.rename(from, to)
    }
    fn sync_dir(&self, _dir: &Path) -> io::Result<()> {
        Ok(())
    }
    fn remove_file(&self, path: &Path) -> io::Result<()> {
        OsDisk.remove_file(path)
    }
    fn remove_dir_all(&self, path: &Path) -> io::Result<()> {
        OsDisk.remove_dir_all(path)
    }
    fn create_dir_all(&self, path: &Path) -> io::Result<()> {
        OsDisk.create_dir_all(path)
    }
}

/// Writes `DRAFTS` drafts with different headlines straight to the folder
/// (the way a sync tool or a restored backup would put them there): every
/// third a release, the two after it its French and Arabic editions.
fn fill(dir: &Path) {
    let mut draft = example();
    let headline = draft.release.headline.clone();
    for n in 0..DRAFTS {
        draft.release.headline = format!("{headline} #{n}");
        let first = n - n % 3;
        let written = match n % 3 {
            0 => draft.clone(),
            k => new_edition(
                &draft,
                &format!("draft-{first:05}"),
                "1638957600123-00000000000000000000000000000000",
                if k == 1 { "fr" } else { "ar" },
            ),
        };
        std::fs::write(
            dir.join(format!("draft-{n:05}.release.json")),
            to_json(&written),
        )
        .expect("writes a draft");
    }
}

/// The 10,000-draft folder, made on first use (so that a filtered run that
/// skips the listing benchmarks does not write 80 MB).
fn library_of_10000() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = bench_dir("drafts-list");
        fill(dir.path());
        // Files modified in the last two seconds are read again by every
        // listing (their modified time cannot be trusted yet); let them
        // settle, then build the index once, as the first start after the
        // drafts arrived does.
        std::thread::sleep(Duration::from_millis(2500));
        let listed = Library::open(dir.path())
            .expect("opens")
            .list()
            .expect("lists");
        assert_eq!(listed.len(), DRAFTS);
        assert_eq!(
            listed.iter().filter(|e| e.group == "draft-00000").count(),
            3
        );
        dir
    })
    .path()
}

fn list_10000(c: &mut Criterion) {
    let mut group = c.benchmark_group("list_10000");
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(20);
    group.bench_function("indexed", |b| {
        let dir = library_of_10000();
        b.iter(|| {
            let library = Library::open(dir).expect("opens");
            black_box(library.list().expect("lists"))
        });
    });
    group.sample_size(10);
    group.bench_function("no_index", |b| {
        let dir = library_of_10000();
        let index = dir.join(".release-composer/index.json");
        b.iter_batched(
            || std::fs::remove_file(&index).expect("removes the index"),
            |()| {
                let library = Library::open(dir).expect("opens");
                black_box(library.list().expect("lists"))
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

fn edition_status(c: &mut Criterion) {
    let dir = bench_dir("drafts-edition");
    let library = Library::open(dir.path()).expect("opens");
    let en = library.create(Template::Example).expect("example");
    let fr = library.new_edition(&en.id, "fr").expect("edition");
    let mut changed = en.draft.clone();
    changed
        .release
        .body
        .push(Block::paragraph(vec![release_model::Run::plain(
            "The Centre thanks the donors.",
        )]));
    library
        .save(&en.id, &changed, Some(&en.revision))
        .expect("saves");
    let mut group = c.benchmark_group("edition_status");
    group.bench_function("example", |b| {
        b.iter(|| {
            let status = library.edition_status(&fr.draft).expect("status");
            assert_eq!(status.as_ref().map(|s| s.stale.len()), Some(1));
            black_box(status)
        });
    });
    group.finish();
}

criterion_group!(benches, save_example, list_10000, edition_status);
criterion_main!(benches);
