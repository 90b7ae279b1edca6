//! The example release → DOCX bytes (goal: at most 2 ms), deflated as
//! exported and stored, to see what the compression costs.

use criterion::{Criterion, criterion_group, criterion_main};
use release_docx::{DocxOptions, render};
use std::hint::black_box;

fn example(c: &mut Criterion) {
    let style = release_style::builtin("un").expect("built-in style");
    let doc = release_style::document(&release_model::example(), &style);
    let deflated = DocxOptions::default();
    c.bench_function("example_un_docx", |b| {
        b.iter(|| render(black_box(&doc), &deflated).expect("renders"))
    });
    let stored = DocxOptions { compress: false };
    c.bench_function("example_un_docx_stored", |b| {
        b.iter(|| render(black_box(&doc), &stored).expect("renders"))
    });
}

criterion_group!(benches, example);
criterion_main!(benches);
