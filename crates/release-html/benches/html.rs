//! The example release as the e-mail HTML and as the web page.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let style = release_style::builtin("un").expect("un");
    let doc = release_style::document(&release_model::example(), &style);
    c.bench_function("mail html, example", |b| {
        b.iter(|| release_html::mail_html(black_box(&doc), release_html::ImageSource::ContentId))
    });
    let options = release_html::WebOptions::default();
    c.bench_function("web page, example", |b| {
        b.iter(|| release_html::web_page(black_box(&doc), &options))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
