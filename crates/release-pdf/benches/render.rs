//! Document → PDF bytes: the example release in `un` (goal ≤ 10 ms) and a
//! 100-page release (goal ≤ 50× the example). Run with
//! `cargo bench -p release-pdf`.

use criterion::{Criterion, criterion_group, criterion_main};
use release_pdf::{PdfOptions, render_with_warnings};
use release_style::{Document, Role};
use std::hint::black_box;

fn example() -> Document {
    let style = release_style::builtin("un").expect("built-in style");
    release_style::document(&release_model::example(), &style)
}

/// The example with its body repeated until the release is `pages` long.
fn long(pages: usize) -> Document {
    let mut doc = example();
    let body: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .cloned()
        .collect();
    let at = doc.blocks.len() - 1;
    while render_with_warnings(&doc, &PdfOptions::default())
        .expect("renders")
        .pages
        < pages
    {
        for block in body.iter().rev() {
            doc.blocks.insert(at, block.clone());
        }
    }
    doc
}

fn bench(c: &mut Criterion) {
    let options = PdfOptions::default();
    let doc = example();
    c.bench_function("example un, 2 pages", |b| {
        b.iter(|| render_with_warnings(black_box(&doc), &options).expect("renders"))
    });
    let doc = long(100);
    let pages = render_with_warnings(&doc, &options).expect("renders").pages;
    let mut group = c.benchmark_group("long");
    group.sample_size(10);
    group.bench_function(format!("{pages} pages"), |b| {
        b.iter(|| render_with_warnings(black_box(&doc), &options).expect("renders"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
