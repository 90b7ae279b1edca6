//! The page: size and margins from the style, the footer with `Page N of M`
//! as live PAGE and NUMPAGES fields, and the logo in a page header: on every
//! page, or on the first only (a distinct first-page header) when the style
//! puts it on the kind line.

use crate::body::Ids;
use crate::error::DocxError;
use crate::styles::{HEADER, style_id};
use crate::text::{Cleaner, add_text};
use crate::units::{mm_emu, mm_twips};
use docx_rs::{Docx, Footer, Header, NumPages, PageMargin, PageNum, Paragraph, Pic, Run};
use release_style::{Document, Logo, LogoPlace, Role};

/// The page header and footer sit this far from the paper's edge, or at half
/// the margin when the margin is narrower than twice this.
const HEADER_DISTANCE_MM: f32 = 10.0;

/// Sets up the page of `docx` as `doc`'s style wants it.
pub(crate) fn page(
    mut docx: Docx,
    doc: &Document,
    ids: &mut Ids,
    cleaner: &mut Cleaner,
) -> Result<Docx, DocxError> {
    let p = &doc.page;
    docx = docx
        .page_size(mm_twips(p.width_mm) as u32, mm_twips(p.height_mm) as u32)
        .page_margin(PageMargin {
            top: mm_twips(p.margin_top_mm),
            left: mm_twips(p.margin_left_mm),
            bottom: mm_twips(p.margin_bottom_mm),
            right: mm_twips(p.margin_right_mm),
            header: mm_twips(HEADER_DISTANCE_MM.min(p.margin_top_mm / 2.0)),
            footer: mm_twips(HEADER_DISTANCE_MM.min(p.margin_bottom_mm / 2.0)),
            gutter: 0,
        });
    let first_page_only = matches!(&doc.logo, Some(l) if l.place == LogoPlace::KindLine);
    if let Some(logo) = &doc.logo {
        let pic = picture(logo)?;
        let with_logo = Header::new().add_paragraph(
            Paragraph::new()
                .id(ids.paragraph())
                .style(HEADER)
                .add_run(Run::new().add_image(pic)),
        );
        if first_page_only {
            // docx-rs pairs header relationships with headers in the order
            // default, first; the default header must exist and come first.
            let empty =
                Header::new().add_paragraph(Paragraph::new().id(ids.paragraph()).style(HEADER));
            docx = docx.header(empty).first_header(with_logo);
        } else {
            docx = docx.header(with_logo);
        }
    }
    if let Some(footer) = &doc.footer {
        let pattern = cleaner.clean(&footer.pattern, "footer").into_owned();
        docx = docx.footer(page_footer(&pattern, ids));
        if first_page_only {
            // A distinct first page has its own footer too: the same one.
            docx = docx.first_footer(page_footer(&pattern, ids));
        }
    }
    Ok(docx)
}

/// The footer paragraph: the pattern's text with `{page}` and `{pages}` as fields.
fn page_footer(pattern: &str, ids: &mut Ids) -> Footer {
    let mut paragraph = Paragraph::new()
        .id(ids.paragraph())
        .style(&style_id(Role::Footer.style_name()));
    let mut rest = pattern;
    while !rest.is_empty() {
        let next = [("{page}", false), ("{pages}", true)]
            .into_iter()
            .filter_map(|(token, total)| rest.find(token).map(|at| (at, token, total)))
            .min_by_key(|(at, _, _)| *at);
        let Some((at, token, total)) = next else {
            paragraph = paragraph.add_run(add_text(Run::new(), rest));
            break;
        };
        if at > 0 {
            paragraph = paragraph.add_run(add_text(Run::new(), &rest[..at]));
        }
        paragraph = if total {
            paragraph.add_num_pages(NumPages::new())
        } else {
            paragraph.add_page_num(PageNum::new())
        };
        rest = &rest[at + token.len()..];
    }
    Footer::new().add_paragraph(paragraph)
}

/// The logo as an inline picture, `height_mm` high, its width by its aspect ratio.
fn picture(logo: &Logo) -> Result<Pic, DocxError> {
    let (width, height) = png_size(&logo.png).ok_or_else(|| DocxError::Logo {
        file: logo.file.clone(),
    })?;
    let height_emu = mm_emu(logo.height_mm);
    let width_emu = (u64::from(height_emu) * u64::from(width) / u64::from(height)) as u32;
    Ok(Pic::new_with_dimensions(logo.png.to_vec(), width, height)
        .size(width_emu, height_emu)
        .id("rIdImage1"))
}

/// The pixel size in a PNG's header chunk.
fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    if png.len() < 24 || !png.starts_with(b"\x89PNG\r\n\x1a\n") || &png[12..16] != b"IHDR" {
        return None;
    }
    let word = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    let (width, height) = (word(16), word(20));
    (width > 0 && height > 0).then_some((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use docx_rs::BuildXML;

    #[test]
    fn footer_pattern_becomes_fields() {
        let mut ids = Ids::default();
        let xml = String::from_utf8(page_footer("Page {page} of {pages}", &mut ids).build())
            .expect("utf-8");
        let page = xml
            .find("<w:instrText>PAGE</w:instrText>")
            .expect("PAGE field");
        let pages = xml
            .find("<w:instrText>NUMPAGES</w:instrText>")
            .expect("NUMPAGES field");
        assert!(page < pages);
        assert!(xml.contains(">Page </w:t>") && xml.contains("> of </w:t>"));
    }

    #[test]
    fn png_size_reads_the_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 0, 40, 0, 0, 0, 20]);
        assert_eq!(png_size(&png), Some((40, 20)));
        assert_eq!(png_size(b"GIF89a"), None);
    }
}
