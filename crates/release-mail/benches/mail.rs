//! The example release as plain text and as a whole message.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let style = release_style::builtin("un").expect("un");
    let doc = release_style::document(&release_model::example(), &style);
    c.bench_function("plain text, example", |b| {
        b.iter(|| release_mail::plain_text(black_box(&doc)))
    });
    let options = release_mail::MailOptions::default();
    c.bench_function("eml, example", |b| {
        b.iter(|| release_mail::eml(black_box(&doc), &options))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
