//! Renders the example release to a PDF file:
//!
//! ```text
//! cargo run --release -p release-pdf --example render -- un out.pdf
//! cargo run --release -p release-pdf --example render -- un long.pdf 50
//! ```
//!
//! The optional third argument repeats the body that many times, which is how
//! the benchmarks' long releases are made; run it under `/usr/bin/time -v`
//! to see the peak memory of a long render. The optional fourth renders that
//! many times, for `perf stat -e task-clock` (CPU time, which a machine busy
//! with other work disturbs less than the wall-clock time criterion reports).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(style), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: render STYLE OUT.pdf [BODY-REPEATS [TIMES]]");
        return ExitCode::from(2);
    };
    let repeats = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let style = match release_style::builtin(style) {
        Ok(style) => style,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let mut draft = release_model::example();
    let body = draft.release.body.clone();
    for _ in 1..repeats {
        draft.release.body.extend(body.iter().cloned());
    }
    let document = release_style::document(&draft, &style);
    let times: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1);
    for _ in 1..times {
        if let Err(e) = release_pdf::render(&document, &release_pdf::PdfOptions::default()) {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    }
    match release_pdf::render_with_warnings(&document, &release_pdf::PdfOptions::default()) {
        Ok(rendered) => {
            for warning in &rendered.warnings {
                eprintln!("{warning}");
            }
            if let Err(e) = std::fs::write(out, &rendered.bytes) {
                eprintln!("{out}: {e}");
                return ExitCode::from(2);
            }
            println!(
                "{out}: {} pages, {} bytes",
                rendered.pages,
                rendered.bytes.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
