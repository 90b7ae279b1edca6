//! From a checked draft to export bytes, in every format, and onto disk.

use crate::check::{check, has_errors};
use crate::error::PipelineError;
use crate::photos::Photos;
use release_model::{Date, Draft, Finding, Language, Severity};
use release_style::{Document, HouseStyle, Role, StyleError};
use std::path::Path;
use std::sync::Arc;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Print-ready PDF (also the preview).
    Pdf,
    /// An editable Word document.
    Docx,
    /// The e-mail edition: a message with text and HTML, ready to send.
    Eml,
    /// The web edition: one standalone page.
    Html,
    /// The plain-text edition, wrapped at 72 columns.
    Text,
}

impl Format {
    /// Every format, in the order exports are written.
    pub const ALL: [Format; 5] = [
        Format::Pdf,
        Format::Docx,
        Format::Eml,
        Format::Html,
        Format::Text,
    ];

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Eml => "eml",
            Format::Html => "html",
            Format::Text => "txt",
        }
    }

    /// The format's name for people: `PDF`, `DOCX`, `e-mail`, …
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "PDF",
            Format::Docx => "DOCX",
            Format::Eml => "e-mail",
            Format::Html => "web page",
            Format::Text => "plain text",
        }
    }
}

/// What exports need beyond the draft and its style, and what one export
/// may change from its style.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The e-mail's sender (`From`, `Reply-To`) and date.
    pub mail: release_mail::MailOptions,
    /// Attach the PDF to the e-mail edition.
    pub attach_pdf: bool,
    /// The web page's own address, when known.
    pub web: release_html::WebOptions,
    /// The PDF's standards instead of the style's (`--pdf-standard`).
    pub pdf_standard: Option<release_style::PdfStandard>,
    /// The language tags of the release's other language editions: the
    /// e-mail edition lists them under the headline when the style has an
    /// `editions` label.
    pub other_editions: Vec<String>,
}

/// A draft that passed its checks, styled once, ready to be rendered in any
/// format.
#[derive(Debug)]
pub struct Prepared {
    pub draft: Draft,
    pub style: Arc<HouseStyle>,
    /// The checks' warnings (a prepared draft has no errors).
    pub findings: Vec<Finding>,
    /// The styled Document every writer prints.
    pub document: Document,
}

/// An export's bytes, and what its writer could not show as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Output {
    pub bytes: Vec<u8>,
    /// Warnings by draft field (text a font cannot show, characters XML forbids).
    pub warnings: Vec<Finding>,
}

/// Checks `draft` under `style` (the result of looking it up) as of `today`
/// with its `photos` as read and its spelling by `spelling`, and styles it,
/// or refuses it while any finding is an error (a photo file that cannot be
/// used is one; a misspelling is a warning).
pub fn prepare(
    draft: Draft,
    style: Result<Arc<HouseStyle>, StyleError>,
    today: Date,
    photos: &Photos,
    spelling: &release_spelling::Spelling,
) -> Result<Prepared, PipelineError> {
    let findings = check(&draft, &style, today, photos, spelling);
    prepare_checked(draft, style, findings, photos)
}

/// [`prepare`] with the `findings` [`check`] gave for the same draft, style,
/// date and photos, for a caller that showed them already.
pub fn prepare_checked(
    draft: Draft,
    style: Result<Arc<HouseStyle>, StyleError>,
    findings: Vec<Finding>,
    photos: &Photos,
) -> Result<Prepared, PipelineError> {
    if has_errors(&findings) {
        return Err(PipelineError::Refused { findings });
    }
    let style = style?;
    let document = release_style::document_with_photos(&draft, &style, &photos.images);
    Ok(Prepared {
        draft,
        style,
        findings,
        document,
    })
}

impl Prepared {
    /// The export in `format`, as the house style has it.
    pub fn render(&self, format: Format) -> Result<Output, PipelineError> {
        self.render_with(format, &ExportOptions::default())
    }

    /// The export in `format`, with `options` over the house style's.
    pub fn render_with(
        &self,
        format: Format,
        options: &ExportOptions,
    ) -> Result<Output, PipelineError> {
        let text = |text: String| Output {
            bytes: text.into_bytes(),
            warnings: Vec::new(),
        };
        match format {
            Format::Eml => {
                let mut mail = options.mail.clone();
                if options.attach_pdf {
                    mail.attachments.push(release_mail::Attachment {
                        file_name: file_name(&self.draft, Format::Pdf),
                        content_type: "application/pdf".to_owned(),
                        bytes: self.render_with(Format::Pdf, options)?.bytes,
                    });
                }
                let document = self.with_editions(&options.other_editions);
                Ok(Output {
                    bytes: release_mail::eml(&document, &mail),
                    warnings: Vec::new(),
                })
            }
            Format::Html => Ok(text(release_html::web_page(&self.document, &options.web))),
            Format::Text => Ok(text(release_mail::plain_text(&self.document))),
            Format::Pdf => {
                let r = release_pdf::render_with_warnings(
                    &self.document,
                    &release_pdf::PdfOptions {
                        standard: options.pdf_standard,
                        ..release_pdf::PdfOptions::default()
                    },
                )?;
                Ok(Output {
                    bytes: r.bytes,
                    warnings: r.warnings,
                })
            }
            Format::Docx => {
                let r = release_docx::render_with_warnings(
                    &self.document,
                    &release_docx::DocxOptions::default(),
                )?;
                Ok(Output {
                    bytes: r.bytes,
                    warnings: r.warnings,
                })
            }
        }
    }
}

impl Prepared {
    /// The Document with the line listing the release's other editions
    /// (`tags`) under its headline, when the style has one for the
    /// release's language and there are other editions.
    fn with_editions(&self, tags: &[String]) -> std::borrow::Cow<'_, Document> {
        let Some(line) = editions_line(&self.style, self.document.language, tags) else {
            return std::borrow::Cow::Borrowed(&self.document);
        };
        let mut document = self.document.clone();
        let at = document
            .blocks
            .iter()
            .rposition(|b| matches!(b.role, Role::Headline | Role::Subheadline))
            .map_or(0, |i| i + 1);
        let mut span = release_style::Span::plain(line);
        span.italic = true;
        document.blocks.insert(
            at,
            release_style::Block {
                role: Role::Body,
                spans: vec![span],
                marker: None,
                source: release_model::EDITION_FIELD.to_owned(),
            },
        );
        std::borrow::Cow::Owned(document)
    }
}

/// "This release is also available in Français, Español.": the style's
/// `editions` label in `language` with the editions' names, each in its own
/// language, in the order given; `None` without a label or other editions.
pub fn editions_line(style: &HouseStyle, language: Language, tags: &[String]) -> Option<String> {
    let pattern = style.label(language, "editions");
    let mut names: Vec<&str> = Vec::new();
    for name in tags
        .iter()
        .filter_map(|t| Language::from_tag(t))
        .filter(|l| *l != language)
        .map(Language::native_name)
    {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    (!pattern.is_empty() && !names.is_empty())
        .then(|| pattern.replace("{languages}", &names.join(", ")))
}

/// The e-mail edition for the clipboard: its HTML and its plain text, as
/// a mail client takes them when pasted.
pub fn mail_clipboard(prepared: &Prepared) -> (String, String) {
    (
        release_html::mail_html(&prepared.document, release_html::ImageSource::Inline),
        release_mail::plain_text(&prepared.document),
    )
}

/// The e-mail edition's subject line.
pub fn mail_subject(document: &Document) -> String {
    release_mail::subject(document)
}

/// `2021-12-08 Launch of the Phase IV of the project.pdf`: the dateline's
/// date and the headline's first words, without characters file systems refuse.
pub fn file_name(draft: &Draft, format: Format) -> String {
    let r = &draft.release;
    let mut words = String::new();
    for word in r.headline.split_whitespace() {
        let word: String = word
            .chars()
            .filter(|c| !c.is_control() && !r#"/\:*?"<>|"#.contains(*c))
            .collect();
        if word.is_empty() {
            continue;
        }
        if words.chars().count() + word.chars().count() > 60 {
            break;
        }
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(&word);
    }
    let words = words.trim_matches(['.', ' ']).to_owned();
    let date = r.dateline.date.trim();
    let stem = match (date.is_empty(), words.is_empty()) {
        (false, false) => format!("{date} {words}"),
        (false, true) => format!("{date} release"),
        (true, false) => words,
        (true, true) => "release".to_owned(),
    };
    format!("{stem}.{}", format.extension())
}

/// The preview: the PDF as it would be exported, whatever the findings, in
/// the draft's style or, while that is unknown, the default one, with the
/// photos that can be used; with each page's fingerprint
/// ([`release_pdf::Rendered::page_keys`]), so that only changed pages are
/// redrawn. `typesetter` keeps the paragraphs of the last preview, so that
/// an edit re-sets only the paragraphs it touched.
pub fn preview_pdf(
    draft: &Draft,
    styles: &crate::Styles,
    photos: &Photos,
    typesetter: &mut release_pdf::Typesetter,
) -> Result<release_pdf::Rendered, PipelineError> {
    let style = styles
        .get(&draft.style)
        .or_else(|_| styles.get(release_style::DEFAULT_STYLE))?;
    let document = release_style::document_with_photos(draft, &style, &photos.images);
    Ok(typesetter.render(&document, &release_pdf::PdfOptions::default())?)
}

/// Writes an export at `target`, atomically: a crash or a full disk leaves
/// the file that was there, or the complete new one, never a part. The
/// folder is made when missing.
pub fn write_export(target: &Path, bytes: &[u8]) -> Result<(), PipelineError> {
    let fail = |source: std::io::Error| PipelineError::Write {
        file: target.to_path_buf(),
        source,
    };
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    release_drafts::write_atomically(target, bytes).map_err(fail)
}

/// The first error among `findings`, for a one-line refusal.
pub(crate) fn first_error(findings: &[Finding]) -> Option<&Finding> {
    findings.iter().find(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Styles;

    fn today() -> Date {
        Date::parse("2021-12-08").expect("date")
    }

    /// The example prepared under its style, spelling not checked.
    fn example_prepared(styles: &Styles) -> Prepared {
        let draft = release_model::example();
        let style = styles.get(&draft.style);
        let spelling = release_spelling::Spelling::off();
        prepare(draft, style, today(), &Photos::default(), &spelling).expect("no errors")
    }

    #[test]
    fn the_example_renders_in_every_format() {
        let styles = Styles::new(None);
        let prepared = example_prepared(&styles);
        let pdf = prepared.render(Format::Pdf).expect("pdf");
        assert!(pdf.bytes.starts_with(b"%PDF-"));
        let docx = prepared.render(Format::Docx).expect("docx");
        assert!(docx.bytes.starts_with(b"PK\x03\x04"));
        let preview = preview_pdf(
            &prepared.draft,
            &styles,
            &Photos::default(),
            &mut release_pdf::Typesetter::new(),
        )
        .expect("preview");
        assert_eq!(preview.bytes, pdf.bytes, "the preview is the exported PDF");
        assert_eq!(preview.page_keys.len(), preview.pages);
    }

    #[test]
    fn an_export_may_ask_for_less_than_the_styles_pdf_standard() {
        use release_style::PdfStandard;
        let styles = Styles::new(None);
        let prepared = example_prepared(&styles);
        let default = prepared.render(Format::Pdf).expect("pdf").bytes;
        let options = |standard| ExportOptions {
            pdf_standard: Some(standard),
            ..ExportOptions::default()
        };
        let full = prepared
            .render_with(Format::Pdf, &options(PdfStandard::UaA))
            .expect("pdf")
            .bytes;
        assert_eq!(
            full, default,
            "the built-in styles ask for PDF/UA-1 and PDF/A-2a"
        );
        let none = prepared
            .render_with(Format::Pdf, &options(PdfStandard::None))
            .expect("pdf")
            .bytes;
        let has = |bytes: &[u8], what: &[u8]| bytes.windows(what.len()).any(|w| w == what);
        assert!(has(&default, b"/StructTreeRoot") && has(&default, b"pdfuaid"));
        assert!(!has(&none, b"/StructTreeRoot") && !has(&none, b"pdfuaid"));
    }

    #[test]
    fn a_draft_with_errors_is_refused_with_its_findings() {
        let styles = Styles::new(None);
        let mut draft = release_model::example();
        draft.release.headline.clear();
        draft.release.dateline.date = "2021-13-45".into();
        let style = styles.get(&draft.style);
        let Err(PipelineError::Refused { findings }) = prepare(
            draft,
            style,
            today(),
            &Photos::default(),
            &release_spelling::Spelling::off(),
        ) else {
            panic!("exported a draft with errors");
        };
        let paths: Vec<&str> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(paths, ["release.headline", "release.dateline.date"]);
        let err = PipelineError::Refused { findings };
        assert_eq!(err.code(), "draft-invalid");
        assert_eq!(err.path(), Some("release.headline"));
        assert!(err.to_string().contains("(and 1 more)"), "{err}");
    }

    #[test]
    fn file_names_come_from_date_and_headline() {
        let mut draft = release_model::example();
        assert_eq!(
            file_name(&draft, Format::Pdf),
            "2021-12-08 Launch of the Phase IV of the project “Towards a.pdf"
        );
        draft.release.headline = "A/B: what? <now>".into();
        draft.release.dateline.date.clear();
        assert_eq!(file_name(&draft, Format::Docx), "AB what now.docx");
        draft.release.headline.clear();
        assert_eq!(file_name(&draft, Format::Pdf), "release.pdf");
    }

    #[test]
    fn exports_replace_files_whole_and_make_their_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("new folder").join("release.pdf");
        write_export(&target, b"first").expect("writes");
        write_export(&target, b"second").expect("replaces");
        assert_eq!(std::fs::read(&target).expect("read"), b"second");
        let names: Vec<_> = std::fs::read_dir(target.parent().expect("dir"))
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["release.pdf"], "no temporary file left");
        let blocked = dir
            .path()
            .join("new folder")
            .join("release.pdf")
            .join("x.pdf");
        let err = write_export(&blocked, b"x").expect_err("a file is in the way");
        assert!(err.to_string().contains("release.pdf"), "{err}");
    }
}
