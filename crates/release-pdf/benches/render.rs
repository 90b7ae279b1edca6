//! Document → PDF bytes: the example release in `un` and a 100-page
//! release, each from scratch and, as the preview renders while one types,
//! through a kept [`Typesetter`] one character away from the render before.
//! Run with `cargo bench -p release-pdf`.

use criterion::{Criterion, criterion_group, criterion_main};
use release_pdf::{PdfOptions, Typesetter, render_with_warnings};
use release_style::{Document, Role};
use std::hint::black_box;

fn example() -> Document {
    let style = release_style::builtin("un").expect("built-in style");
    release_style::document(&release_model::example(), &style)
}

/// The example with its body repeated until the release is `pages` long;
/// each copy numbered, so that no two paragraphs are the same.
fn long(pages: usize) -> Document {
    let mut doc = example();
    let body: Vec<_> = doc
        .blocks
        .iter()
        .filter(|b| b.role == Role::Body)
        .cloned()
        .collect();
    let at = doc.blocks.len() - 1;
    let mut copy = 0;
    while render_with_warnings(&doc, &PdfOptions::default())
        .expect("renders")
        .pages
        < pages
    {
        copy += 1;
        for block in body.iter().rev() {
            let mut block = block.clone();
            if let Some(span) = block.spans.first_mut() {
                span.text.insert_str(0, &format!("({copy}) "));
            }
            doc.blocks.insert(at, block);
        }
    }
    doc
}

/// `doc` with one more letter in its last body paragraph.
fn edited(doc: &Document) -> Document {
    let mut doc = doc.clone();
    let block = doc
        .blocks
        .iter_mut()
        .rev()
        .find(|b| b.role == Role::Body)
        .expect("a body paragraph");
    block.spans.last_mut().expect("a span").text.push('x');
    doc
}

/// Renders `a` and `b` in turn through one typesetter.
fn typing(a: &Document, b: Document) -> impl FnMut() -> release_pdf::Rendered + use<> {
    let a = a.clone();
    let mut typesetter = Typesetter::new();
    let mut turn = false;
    move || {
        turn = !turn;
        let doc = if turn { &a } else { &b };
        typesetter
            .render(black_box(doc), &PdfOptions::default())
            .expect("renders")
    }
}

fn bench(c: &mut Criterion) {
    let options = PdfOptions::default();
    let doc = example();
    c.bench_function("example un, 2 pages", |b| {
        b.iter(|| render_with_warnings(black_box(&doc), &options).expect("renders"))
    });
    let mut step = typing(&doc, edited(&doc));
    c.bench_function("example un, one-character edit", |b| b.iter(&mut step));
    let doc = long(100);
    let pages = render_with_warnings(&doc, &options).expect("renders").pages;
    let mut group = c.benchmark_group("long");
    group.sample_size(10);
    group.bench_function(format!("{pages} pages"), |b| {
        b.iter(|| render_with_warnings(black_box(&doc), &options).expect("renders"))
    });
    let mut step = typing(&doc, edited(&doc));
    group.bench_function(format!("{pages} pages, one-character edit"), |b| {
        b.iter(&mut step)
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
