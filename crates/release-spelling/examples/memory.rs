//! How much memory one loaded dictionary takes: the process's resident set
//! (VmRSS, Linux) before and after loading each UN language's dictionary
//! the `un` style chooses, one language per process for a clean count:
//! `cargo run --release -p release-spelling --example memory -- en`
use release_spelling::{Spelling, system_dirs};

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let style = release_style::builtin("un").expect("the un style");
    let asked: Vec<String> = std::env::args().skip(1).collect();
    let all = ["en", "fr", "es", "ru", "ar"].map(str::to_owned);
    for language in if asked.is_empty() {
        &all[..]
    } else {
        &asked[..]
    } {
        let language = language.as_str();
        let spelling = Spelling::new(system_dirs(), None);
        let before = rss_kib();
        let started = std::time::Instant::now();
        match spelling.checker(language, &style.spelling) {
            Ok(checker) => println!(
                "{language}: {} loaded in {:.0} ms, resident set +{:.1} MB",
                checker.dictionary(),
                started.elapsed().as_secs_f64() * 1000.0,
                (rss_kib().saturating_sub(before)) as f64 / 1024.0
            ),
            Err(e) => println!("{language}: {e}"),
        }
    }
}
