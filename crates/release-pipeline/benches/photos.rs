//! Photos: the PDF export of the example with and without a 12-megapixel
//! JPEG of about 4 MB (goal: at most 20 ms more), the preview with it (as
//! the app makes it on each edit: photos read, PDF written), and the
//! thumbnail the app's Photos step shows (goal: at most 300 ms). The JPEG is
//! made by ImageMagick (`/usr/bin/convert`; `scripts/deps.sh` installs it) into the target
//! folder once. Run with `cargo bench -p release-pipeline`.

use criterion::{Criterion, criterion_group, criterion_main};
use release_model::{Date, Draft};
use release_pdf::Typesetter;
use release_pipeline::{Format, Photos, Styles, prepare, preview_pdf, thumbnail};
use release_test_tools::images::example_with_photo;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A 4000 × 3000 JPEG of noisy colour, about 4 MB, made once.
fn twelve_megapixels() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-photos");
    let file = dir.join("12mp.jpg");
    if !file.exists() {
        std::fs::create_dir_all(&dir).expect("folder");
        let made = Command::new("/usr/bin/convert")
            .args([
                "-size",
                "4000x3000",
                "plasma:fractal",
                "-attenuate",
                "0.25",
                "+noise",
                "Gaussian",
                "-quality",
                "90",
            ])
            .arg(&file)
            .status()
            .unwrap_or_else(|e| {
                panic!("ImageMagick's convert cannot run ({e}): run scripts/deps.sh test")
            });
        assert!(made.success(), "convert failed");
    }
    file
}

fn bench(c: &mut Criterion) {
    let file = twelve_megapixels();
    let folder = file.parent().expect("folder").to_owned();
    let size = std::fs::metadata(&file).expect("made").len();
    eprintln!("photo: 4000 × 3000, {:.1} MB", size as f64 / 1e6);
    let styles = Styles::new(None);
    let today = Date::parse("2021-12-08").expect("date");
    let export = |draft: &Draft| {
        let photos = Photos::read(draft, Some(&folder));
        let prepared = prepare(
            draft.clone(),
            styles.get(&draft.style),
            today,
            &photos,
            &release_pipeline::Spelling::off(),
        )
        .expect("exports");
        prepared.render(Format::Pdf).expect("renders").bytes
    };
    let plain = release_model::example();
    let photo = example_with_photo("12mp.jpg");
    let mut group = c.benchmark_group("pdf export");
    group.bench_function("example", |b| b.iter(|| export(black_box(&plain))));
    group.bench_function("example with a 12-MP JPEG", |b| {
        b.iter(|| export(black_box(&photo)))
    });
    group.finish();
    let mut group = c.benchmark_group("preview");
    for (name, draft) in [("example", &plain), ("example with a 12-MP JPEG", &photo)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let photos = Photos::read(draft, Some(&folder));
                let mut typesetter = Typesetter::new();
                preview_pdf(black_box(draft), &styles, &photos, &mut typesetter).expect("preview")
            })
        });
    }
    // As the app previews while one types: the typesetter kept, each
    // preview one character away from the one before.
    let mut edited = plain.clone();
    edited.release.headline.push('x');
    let mut typesetter = Typesetter::new();
    let photos = Photos::read(&plain, Some(&folder));
    let mut turn = false;
    group.bench_function("example, one-character edit", |b| {
        b.iter(|| {
            turn = !turn;
            let draft = if turn { &edited } else { &plain };
            preview_pdf(black_box(draft), &styles, &photos, &mut typesetter).expect("preview")
        })
    });
    group.finish();
    let mut group = c.benchmark_group("thumbnail");
    group.sample_size(20);
    group.bench_function("12-MP JPEG", |b| {
        b.iter(|| thumbnail(black_box(&folder), "12mp.jpg").expect("thumbnail"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
