//! Renders the example release to a PDF file:
//!
//! ```text
//! cargo run --release -p release-pdf --example render -- un out.pdf
//! cargo run --release -p release-pdf --example render -- un long.pdf 50
//! ```
//!
//! The optional third argument repeats the body that many times, which is how
//! the benchmarks' long releases are made; run it under `/usr/bin/time -v`
//! to see the peak memory of a long render.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(style), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: render STYLE OUT.pdf [BODY-REPEATS]");
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
