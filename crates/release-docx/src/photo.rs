//! Photos in the DOCX: each an inline picture in a paragraph of its own
//! (style `Photo`, kept with its caption) right above its `Caption`
//! paragraph, with its alt text as the drawing's description
//! (`wp:docPr descr`), which Word and LibreOffice show and read aloud. The
//! image is stored as the file holds it (a JPEG as `.jpeg`, a PNG as
//! `.png`), never re-encoded. A photo stored on its side is turned by the
//! drawing's rotation.

use crate::body::Ids;
use crate::error::DocxError;
use crate::props::escape;
use docx_rs::{Paragraph, Pic, Run};
use release_style::{Figure, Orientation};

/// The paragraph style of the paragraphs that hold a photo.
pub(crate) const PHOTO_STYLE: &str = "Photo";

/// English Metric Units per point.
const EMU_PER_PT: f32 = 12_700.0;

/// The relationship id of photo `index`.
fn relationship(index: usize) -> String {
    format!("rIdPhoto{}", index + 1)
}

/// The paragraph holding photo `index`, `figure`, at its printed size.
pub(crate) fn paragraph(figure: &Figure, index: usize, ids: &mut Ids) -> Paragraph {
    let facts = &figure.image.facts;
    // The drawing's extent is the stored image's; a rotation turns it.
    let (w_pt, h_pt) = if facts.orientation.swaps_sides() {
        (figure.height_pt, figure.width_pt)
    } else {
        (figure.width_pt, figure.height_pt)
    };
    let mut pic = Pic::new_with_dimensions(figure.image.bytes.to_vec(), facts.width, facts.height)
        .size(
            (w_pt * EMU_PER_PT).round() as u32,
            (h_pt * EMU_PER_PT).round() as u32,
        )
        .id(relationship(index));
    let degrees = match facts.orientation {
        Orientation::Rotate90 | Orientation::Transpose => 90,
        Orientation::Rotate180 | Orientation::FlipVertical => 180,
        Orientation::Rotate270 | Orientation::Transverse => 270,
        Orientation::Normal | Orientation::FlipHorizontal => 0,
    };
    if degrees != 0 {
        pic = pic.rotate(degrees);
    }
    // The photo never ends a page: it goes with its caption.
    Paragraph::new()
        .id(ids.paragraph())
        .style(PHOTO_STYLE)
        .keep_next(true)
        .add_run(Run::new().add_image(pic))
}

/// Gives every photo's drawing in document.xml its own id, a name and its
/// alt text. docx-rs writes every drawing as `id="1" name="Figure"`; the
/// photos are the document's only drawings, in the order of `figures`.
pub(crate) fn describe(document: &str, figures: &[Figure]) -> Result<String, DocxError> {
    const PART: &str = "word/document.xml";
    const DRAWN: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    let mut out = String::with_capacity(document.len() + figures.len() * 100);
    let mut rest = document;
    for (i, figure) in figures.iter().enumerate() {
        let at = rest
            .find(DRAWN)
            .ok_or_else(|| DocxError::part(PART, format!("no drawing for photo {}", i + 1)))?;
        out.push_str(&rest[..at]);
        out.push_str(&format!(
            r#"<wp:docPr id="{}" name="Photo {}" descr="{}" />"#,
            i + 1,
            i + 1,
            escape(&figure.alt)
        ));
        rest = &rest[at + DRAWN.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The file name a media part gets: docx-rs names every image `.png`; a
/// JPEG is stored as `.jpeg` so that its content type is right.
pub(crate) fn media_name(id: &str, bytes: &[u8]) -> String {
    let extension = if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "jpeg"
    } else {
        "png"
    };
    format!("{id}.{extension}")
}

/// The relationships of document.xml with each JPEG's target renamed as
/// [`media_name`] names its part.
pub(crate) fn retarget(rels: &str, media: &[(String, Vec<u8>)]) -> String {
    let mut out = rels.to_owned();
    for (id, bytes) in media {
        let named = media_name(id, bytes);
        if !named.ends_with(".png") {
            out = out.replace(
                &format!("Target=\"media/{id}.png\""),
                &format!("Target=\"media/{named}\""),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_names_follow_the_bytes() {
        assert_eq!(
            media_name("rIdPhoto1", b"\xFF\xD8\xFF\xE0"),
            "rIdPhoto1.jpeg"
        );
        assert_eq!(media_name("rIdImage1", b"\x89PNG"), "rIdImage1.png");
        let rels = r#"<Relationship Id="rIdPhoto1" Target="media/rIdPhoto1.png" /><Relationship Id="rIdImage1" Target="media/rIdImage1.png" />"#;
        let media = vec![
            ("rIdPhoto1".to_owned(), b"\xFF\xD8\xFF".to_vec()),
            ("rIdImage1".to_owned(), b"\x89PNG".to_vec()),
        ];
        assert_eq!(
            retarget(rels, &media),
            r#"<Relationship Id="rIdPhoto1" Target="media/rIdPhoto1.jpeg" /><Relationship Id="rIdImage1" Target="media/rIdImage1.png" />"#
        );
    }
}
