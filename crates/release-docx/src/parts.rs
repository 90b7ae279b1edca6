//! The parts of the package in their fixed order: docx-rs's rendering of the
//! document, patched where it falls short (see [`crate::patch`]), with the
//! document properties written here.

use crate::body::Marks;
use crate::error::DocxError;
use crate::package::Part;
use crate::patch;
use crate::photo;
use crate::props::{app_xml, core_xml};
use crate::styles::unhyphenated;
use crate::text::Cleaner;
use docx_rs::XMLDocx;
use release_model::Direction;
use release_style::Document;

/// Every part of the package, in the order they are zipped.
pub(crate) fn parts(
    xml: XMLDocx,
    doc: &Document,
    marks: &Marks,
    cleaner: &mut Cleaner,
) -> Result<Vec<Part>, DocxError> {
    let mut styles = patch::language(&utf8(&xml.styles, "word/styles.xml")?, &language(doc))?;
    let mut settings = utf8(&xml.settings, "word/settings.xml")?;
    if let Some(ids) = unhyphenated(doc) {
        styles = patch::no_hyphenation(&styles, &ids)?;
        settings = patch::auto_hyphenation(&settings)?;
    }
    let rtl = doc.direction == Direction::RightToLeft;
    let mut document = utf8(&xml.document, "word/document.xml")?;
    if rtl {
        document = patch::right_to_left_section(&document)?;
    }
    document = patch::run_languages(&document, &marks.languages, rtl)?;
    let mut document = patch::hyperlink_tips(&document, &marks.tips)?;
    if !doc.figures.is_empty() {
        document = photo::describe(&document, &doc.figures)?;
    }
    let document = document.into_bytes();
    let rels = patch::sort_relationships(
        &photo::retarget(
            &utf8(&xml.document_rels, "word/_rels/document.xml.rels")?,
            &xml.media,
        ),
        "word/_rels/document.xml.rels",
    )?;
    let mut parts = vec![
        part("[Content_Types].xml", xml.content_type),
        part("_rels/.rels", xml.rels),
        part(
            "docProps/app.xml",
            app_xml(&doc.metadata, cleaner).into_bytes(),
        ),
        part(
            "docProps/core.xml",
            core_xml(&doc.metadata, cleaner).into_bytes(),
        ),
        part("docProps/custom.xml", xml.doc_props.custom),
        part("word/_rels/document.xml.rels", rels.into_bytes()),
        part("word/document.xml", document),
        part("word/styles.xml", styles.into_bytes()),
        part("word/settings.xml", settings.into_bytes()),
        part("word/fontTable.xml", xml.font_table),
        part("word/comments.xml", xml.comments),
        part("word/numbering.xml", xml.numberings),
        part("word/commentsExtended.xml", xml.comments_extended),
        part("word/footnotes.xml", xml.footnotes),
    ];
    // docx-rs numbers headers and footers from 1 and pairs each with the
    // relationships at the same index.
    let mut header_rels = xml.header_rels.into_iter();
    for (i, header) in xml.headers.into_iter().enumerate() {
        let header = match &doc.logo {
            Some(logo) if header.windows(6).any(|w| w == b"docPr ") => {
                let text = utf8(&header, "word/header.xml")?;
                patch::picture_description(&text, logo.description.as_deref())?.into_bytes()
            }
            _ => header,
        };
        parts.push(part(&format!("word/header{}.xml", i + 1), header));
        if let Some(rels) = header_rels.next() {
            parts.push(part(&format!("word/_rels/header{}.xml.rels", i + 1), rels));
        }
    }
    let mut footer_rels = xml.footer_rels.into_iter();
    for (i, footer) in xml.footers.into_iter().enumerate() {
        parts.push(part(&format!("word/footer{}.xml", i + 1), footer));
        if let Some(rels) = footer_rels.next() {
            parts.push(part(&format!("word/_rels/footer{}.xml.rels", i + 1), rels));
        }
    }
    for (id, bytes) in xml.media {
        parts.push(part(
            &format!("word/media/{}", photo::media_name(&id, &bytes)),
            bytes,
        ));
    }
    Ok(parts)
}

/// The language tag for `w:lang`: the draft's, or the language's primary subtag.
fn language(doc: &Document) -> String {
    let tag = doc.metadata.language.trim();
    let ok = !tag.is_empty()
        && tag.len() <= 35
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        tag.to_owned()
    } else {
        doc.language.code().to_owned()
    }
}

fn part(name: &str, bytes: Vec<u8>) -> Part {
    Part {
        name: name.to_owned(),
        bytes,
    }
}

fn utf8(bytes: &[u8], part: &'static str) -> Result<String, DocxError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| DocxError::part(part, "not UTF-8"))
}
