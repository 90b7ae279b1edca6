//! Loading the English dictionary, and checking the example release's
//! spelling once it is loaded (the check the app runs on every edit).

use criterion::{Criterion, criterion_group, criterion_main};
use release_model::{Date, lint_with};
use release_spelling::{Spelling, system_dirs};
use std::hint::black_box;

fn spelling(c: &mut Criterion) {
    let style = release_style::builtin("un").expect("un");
    let draft = release_model::example();
    let mut group = c.benchmark_group("spelling");
    group.sample_size(10);
    group.bench_function("load en_GB", |b| {
        b.iter(|| {
            let spelling = Spelling::new(system_dirs(), None);
            black_box(
                spelling
                    .checker("en", &style.spelling)
                    .expect("en_GB installed"),
            )
        })
    });
    let spelling = Spelling::new(system_dirs(), None);
    let checker = spelling
        .checker("en", &style.spelling)
        .expect("en_GB installed");
    let today = Date::parse("2021-12-08").expect("date");
    let mut checks = release_model::Checks::none();
    checks.misspelling.enabled = true;
    group.sample_size(50);
    group.bench_function("check the example", |b| {
        b.iter(|| black_box(lint_with(&draft, &checks, today, Some(&checker))))
    });
    group.bench_function("all checks of the example, no dictionary", |b| {
        b.iter(|| black_box(lint_with(&draft, &style.checks, today, None)))
    });
    group.bench_function("all checks of the example", |b| {
        b.iter(|| black_box(lint_with(&draft, &style.checks, today, Some(&checker))))
    });
    group.finish();
}

criterion_group!(benches, spelling);
criterion_main!(benches);
