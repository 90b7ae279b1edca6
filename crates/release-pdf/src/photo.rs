//! Photos: where each stands on its page, and its image XObject.
//!
//! A photo stands above its caption block (see `release_style::Figure`): the
//! layout gives that block the photo's height as room above its first line
//! and keeps it whole, so the photo, caption and credit never part at a page
//! break. The image is written as the file holds it where PDF allows:
//!
//! - a JPEG's bytes go in untouched (`/DCTDecode`): no re-encoding, every
//!   pixel kept for print; `/DeviceGray`, `/DeviceRGB` or `/DeviceCMYK`,
//!   with `/Decode [1 0 1 0 1 0 1 0]` for the inverted CMYK of Adobe's
//!   software; the EXIF orientation is applied by the placement matrix;
//! - a PNG is decoded and its colour written Flate-compressed, its alpha (or
//!   transparent colour) as a soft mask.

use crate::error::PdfError;
use crate::image::image_dict;
use crate::page::Item;
use lopdf::{Dictionary, Object, Stream};
use release_style::{Align, Document, Figure, ImageFormat, ParagraphStyle};

/// The resource name of photo `index`.
pub(crate) fn name(index: usize) -> String {
    format!("Ph{}", index + 1)
}

/// The size a photo is printed at on a page `measure` wide and `depth`
/// tall: the Document's, made smaller when a style asks for more than the
/// page can hold (a photo always leaves room for its caption).
pub(crate) fn fitted(figure: &Figure, measure: f32, depth: f32) -> (f32, f32) {
    let (w, h) = (figure.width_pt.max(1.0), figure.height_pt.max(1.0));
    let scale = (measure / w).min(depth * 0.75 / h).min(1.0);
    (w * scale, h * scale)
}

/// The room a photo takes above its caption's first line.
pub(crate) fn room(figure: &Figure, measure: f32, depth: f32) -> f32 {
    fitted(figure, measure, depth).1 + figure.gap_pt.max(0.0)
}

/// The photo's item, its top at `top`, across a text area from `left`,
/// `measure` wide, aligned as its caption is.
pub(crate) fn item(
    index: usize,
    figure: &Figure,
    caption: &ParagraphStyle,
    (left, top, measure, depth): (f32, f32, f32, f32),
    rtl: bool,
) -> Item {
    let (width, height) = fitted(figure, measure, depth);
    let spare = (measure - width).max(0.0);
    let offset = match caption.align {
        Align::Center => spare / 2.0,
        Align::Right => spare,
        Align::End if !rtl => spare,
        Align::Start | Align::Justify if rtl => spare,
        _ => 0.0,
    };
    Item::Photo {
        index,
        x: left + offset,
        y: top - height,
        width,
        height,
    }
}

/// The matrix that draws photo `figure`'s image upright into the box at
/// `x`, `y` (bottom left), `width` × `height`.
pub(crate) fn matrix(figure: &Figure, x: f32, y: f32, width: f32, height: f32) -> [f32; 6] {
    let [a, b, c, d, e, f] = figure.image.facts.orientation.unit_matrix();
    [
        a * width,
        b * height,
        c * width,
        d * height,
        e * width + x,
        f * height + y,
    ]
}

/// Adds the image XObject of every photo to `lo` and to the pages'
/// XObject resources, `xobjects`.
pub(crate) fn embed(
    lo: &mut lopdf::Document,
    doc: &Document,
    xobjects: &mut Dictionary,
) -> Result<(), PdfError> {
    for (index, figure) in doc.figures.iter().enumerate() {
        let stream = match figure.image.facts.format {
            ImageFormat::Jpeg => jpeg(figure),
            ImageFormat::Png => png(lo, figure)?,
        };
        let id = lo.add_object(stream);
        xobjects.set(name(index), Object::Reference(id));
    }
    Ok(())
}

/// True for a JPEG photo's image stream (`/DCTDecode`: only photos are
/// written so; the logo is decoded pixels).
pub(crate) fn is_photo(stream: &Stream) -> bool {
    stream.dict.get(b"Filter").and_then(Object::as_name).ok() == Some(&b"DCTDecode"[..])
}

/// A digest of a photo's bytes, for the file's id: hashing megabytes of
/// JPEG one byte at a time would cost more than the rest of the render.
pub(crate) fn digest(stream: &Stream) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(&stream.content).to_be_bytes()
}

/// The JPEG's own bytes, as `/DCTDecode`.
fn jpeg(figure: &Figure) -> Stream {
    let facts = &figure.image.facts;
    let mut dict = image_dict(facts.width, facts.height, facts.color, 8);
    dict.set("Filter", Object::Name(b"DCTDecode".to_vec()));
    if facts.inverted {
        dict.set(
            "Decode",
            Object::Array([1, 0, 1, 0, 1, 0, 1, 0].map(Object::Integer).to_vec()),
        );
    }
    let mut stream = Stream::new(dict, figure.image.bytes.to_vec());
    stream.allows_compression = false;
    stream
}

/// A PNG decoded to 8-bit samples: colour as Flate, alpha as a soft mask.
fn png(lo: &mut lopdf::Document, figure: &Figure) -> Result<Stream, PdfError> {
    let pixels = crate::image::decode_png(&figure.image.bytes, release_photo::MAX_PIXELS).map_err(
        |reason| PdfError::Photo {
            file: figure.image.file.clone(),
            reason,
        },
    )?;
    Ok(crate::image::stream(lo, &pixels))
}
