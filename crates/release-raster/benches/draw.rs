//! The example release's first page drawn at the preview's usual size.
//! Run with `cargo bench -p release-raster`.

use criterion::{Criterion, criterion_group, criterion_main};
use release_raster::Pages;
use std::hint::black_box;
use std::sync::Arc;

fn draw(c: &mut Criterion) {
    let style = release_style::builtin("un").expect("built-in style");
    let doc = release_style::document(&release_model::example(), &style);
    let pdf =
        Arc::new(release_pdf::render(&doc, &release_pdf::PdfOptions::default()).expect("pdf"));
    let mut group = c.benchmark_group("raster");
    group.bench_function("example, read the PDF", |b| {
        b.iter(|| Pages::new(black_box(pdf.clone())).expect("reads"))
    });
    let pages = Pages::new(pdf).expect("reads");
    group.bench_function("example, page 1 at 600 px", |b| {
        b.iter(|| pages.draw(0, black_box(600)).expect("draws"))
    });
    group.finish();
}

criterion_group!(benches, draw);
criterion_main!(benches);
