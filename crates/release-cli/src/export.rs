//! `release-composer export`: draft → the pipeline → the files asked for.

use crate::error::{CliError, Result};
use crate::input;
use release_pipeline::{
    ExportOptions, Format, Mailbox, PipelineError, Spelling, Styles, prepare_checked, write_export,
};
use std::path::PathBuf;

/// `export`'s options.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The draft file, or `-` for standard input.
    draft: PathBuf,
    /// Write a print-ready PDF here.
    #[arg(long, value_name = "OUT.pdf")]
    pdf: Option<PathBuf>,
    /// Write a Word document here.
    #[arg(long, value_name = "OUT.docx")]
    docx: Option<PathBuf>,
    /// Write the e-mail edition here: a message with plain text and HTML,
    /// which mail clients open as a new message to send.
    #[arg(long, value_name = "OUT.eml")]
    eml: Option<PathBuf>,
    /// Write the web edition here: one standalone HTML page.
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Write the plain-text edition here (72 columns).
    #[arg(long, value_name = "OUT.txt")]
    text: Option<PathBuf>,
    /// Attach the PDF to the e-mail.
    #[arg(long, requires = "eml")]
    attach_pdf: bool,
    /// The e-mail's sender (From and Reply-To): `Name <address>` or an address.
    #[arg(long, value_name = "MAILBOX", requires = "eml")]
    from: Option<String>,
    /// The e-mail's date, in seconds since 1970 [default: the dateline's date].
    #[arg(long, value_name = "SECONDS", requires = "eml")]
    date: Option<i64>,
    /// The web page's own address, for its `og:url` and JSON-LD.
    #[arg(long, value_name = "URL", requires = "html")]
    url: Option<String>,
    /// Where the first photo is published, for the web page's `og:image`
    /// (the page itself carries its photos inline).
    #[arg(long, value_name = "URL", requires = "html")]
    image_url: Option<String>,
    /// Use this house style (a built-in name or a style folder) instead of the draft's.
    #[arg(long, value_name = "NAME|DIR")]
    style: Option<String>,
    /// Print the styled document's outline instead of (or as well as) writing files.
    #[arg(long)]
    outline: bool,
    /// Write the PDF to these standards instead of the style's: `pdfua-1+pdfa-2a`
    /// (accessible and archival, the built-in styles' choice), `tagged` (tagged,
    /// claiming no standard) or `none` (untagged).
    #[arg(long, value_name = "STANDARD", value_parser = pdf_standard)]
    pdf_standard: Option<release_style::PdfStandard>,
}

impl Args {
    /// The files to write, by format, in the order they are written.
    fn outputs(&self) -> Vec<(Format, &PathBuf)> {
        [
            (Format::Pdf, &self.pdf),
            (Format::Docx, &self.docx),
            (Format::Eml, &self.eml),
            (Format::Html, &self.html),
            (Format::Text, &self.text),
        ]
        .into_iter()
        .filter_map(|(format, path)| path.as_ref().map(|p| (format, p)))
        .collect()
    }

    fn options(&self) -> Result<ExportOptions> {
        let mut options = ExportOptions {
            attach_pdf: self.attach_pdf,
            ..ExportOptions::default()
        };
        options.mail.date = self.date;
        options.web.url = self.url.clone();
        options.web.image_url = self.image_url.clone();
        options.pdf_standard = self.pdf_standard;
        options.mail.from = self.from.as_deref().map(mailbox).transpose()?;
        Ok(options)
    }
}

/// `Name <address>` or a bare address.
fn mailbox(text: &str) -> Result<Mailbox> {
    let text = text.trim();
    let (name, email) = match text.rsplit_once('<') {
        Some((name, rest)) => (
            name.trim().trim_matches('"'),
            rest.trim_end_matches('>').trim(),
        ),
        None => ("", text),
    };
    if !release_model::is_email(email) {
        return Err(CliError::Unreadable(format!(
            "--from: `{email}` is not an e-mail address"
        )));
    }
    Ok(Mailbox {
        name: name.to_owned(),
        email: email.to_owned(),
    })
}

pub(crate) fn run(styles: &Styles, spelling: &Spelling, args: &Args) -> Result {
    if args.outputs().is_empty() && !args.outline {
        return Err(CliError::Unreadable(
            "nothing to export: give --pdf, --docx, --eml, --html or --text with a file name"
                .to_owned(),
        ));
    }
    let options = args.options()?;
    let input = input::read(&args.draft)?;
    let style = input::style(styles, &input, args.style.as_deref())?;
    let today = input::today_utc();
    let outputs = args.outputs();
    // The checks and the rendering run side by side: a draft the checks
    // refuse was rendered for nothing, one they pass is written sooner.
    let (checked, rendered) = std::thread::scope(|scope| {
        let rendering = style.as_ref().ok().cloned().map(|style| {
            let (draft, photos, outputs, options) =
                (&input.loaded.draft, &input.photos, &outputs, &options);
            scope.spawn(move || {
                let prepared = prepare_checked(draft.clone(), Ok(style), Vec::new(), photos)?;
                let outputs: Vec<_> = outputs
                    .iter()
                    .map(|(format, _)| prepared.render_with(*format, options))
                    .collect();
                Ok::<_, PipelineError>((prepared.document, outputs))
            })
        });
        let checked =
            release_pipeline::check(&input.loaded.draft, &style, today, &input.photos, spelling);
        let rendered = rendering.map(|r| r.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        (checked, rendered)
    });
    for finding in input.loaded.findings.iter().chain(&checked) {
        eprintln!("{}: {finding}", input.name);
    }
    // A style that cannot be used is an error among the findings.
    let rendered = rendered.filter(|_| !release_pipeline::has_errors(&checked));
    let (document, rendered) = match rendered {
        Some(Ok(rendered)) => rendered,
        Some(Err(e)) => return Err(CliError::from(e).about(&input.name)),
        None => {
            return Err(CliError::Invalid(format!(
                "{}: not exported: fix the errors above first",
                input.name
            )));
        }
    };
    for warning in &document.warnings {
        eprintln!("{}: {warning}", input.name);
    }
    if args.outline {
        print!("{}", document.outline());
    }
    // Every format is tried, so one that fails does not keep the others back.
    let mut failures = Vec::new();
    for ((format, path), output) in outputs.into_iter().zip(rendered) {
        let option = format!("--{}", format.extension().replace("txt", "text"));
        let written = output.and_then(|output| {
            for warning in &output.warnings {
                eprintln!("release-composer: {option}: {warning}");
            }
            write_export(path, &output.bytes)
        });
        if let Err(e) = written {
            failures.push(CliError::from(e).about(&option));
        }
    }
    crate::error::last_of(failures)
}

/// `--pdf-standard`'s value.
fn pdf_standard(name: &str) -> std::result::Result<release_style::PdfStandard, String> {
    release_style::PdfStandard::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = release_style::PdfStandard::ALL
            .iter()
            .map(|s| s.name())
            .collect();
        format!("`{name}` is not one of {}", names.join(", "))
    })
}
