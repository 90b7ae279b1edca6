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
use crate::page::Item;
use lopdf::{Dictionary, Object, ObjectId, Stream};
use release_style::{Align, ColorSpace, Document, Figure, ImageFormat, ParagraphStyle};

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

/// Adds the image XObject of every photo to the document's XObject
/// resources (printpdf gives all pages one shared dictionary).
pub(crate) fn embed(lo: &mut lopdf::Document, doc: &Document) -> Result<(), PdfError> {
    if doc.figures.is_empty() {
        return Ok(());
    }
    let Some(resources) = shared_xobjects(lo) else {
        return Err(PdfError::Write(
            "the pages have no XObject resources for the photos".to_owned(),
        ));
    };
    let mut entries = Vec::with_capacity(doc.figures.len());
    for (index, figure) in doc.figures.iter().enumerate() {
        let stream = match figure.image.facts.format {
            ImageFormat::Jpeg => jpeg(figure),
            ImageFormat::Png => png(lo, figure)?,
        };
        entries.push((name(index), lo.add_object(stream)));
    }
    let dict = match resources {
        Resources::Object(id) => lo.get_object_mut(id).and_then(Object::as_dict_mut),
        Resources::InPage(page) => lo
            .get_object_mut(page)
            .and_then(Object::as_dict_mut)
            .and_then(|d| d.get_mut(b"XObject"))
            .and_then(Object::as_dict_mut),
    }
    .map_err(|e| PdfError::Write(e.to_string()))?;
    for (key, id) in entries {
        dict.set(key, Object::Reference(id));
    }
    Ok(())
}

enum Resources {
    /// A dictionary object of its own.
    Object(ObjectId),
    /// Written inside the resources dictionary `ObjectId`.
    InPage(ObjectId),
}

/// Where the pages' shared `/XObject` dictionary is.
fn shared_xobjects(lo: &lopdf::Document) -> Option<Resources> {
    let page = *lo.get_pages().values().next()?;
    let page = lo.get_object(page).ok()?.as_dict().ok()?;
    let resources = match page.get(b"Resources").ok()? {
        Object::Reference(id) => *id,
        _ => return None,
    };
    match lo
        .get_object(resources)
        .ok()?
        .as_dict()
        .ok()?
        .get(b"XObject")
        .ok()?
    {
        Object::Reference(id) => Some(Resources::Object(*id)),
        Object::Dictionary(_) => Some(Resources::InPage(resources)),
        _ => None,
    }
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

fn image_dict(width: u32, height: u32, color: ColorSpace, bits: u8) -> Dictionary {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"XObject".to_vec()));
    dict.set("Subtype", Object::Name(b"Image".to_vec()));
    dict.set("Width", Object::Integer(i64::from(width)));
    dict.set("Height", Object::Integer(i64::from(height)));
    let space: &[u8] = match color {
        ColorSpace::Gray => b"DeviceGray",
        ColorSpace::Rgb => b"DeviceRGB",
        ColorSpace::Cmyk => b"DeviceCMYK",
    };
    dict.set("ColorSpace", Object::Name(space.to_vec()));
    dict.set("BitsPerComponent", Object::Integer(i64::from(bits)));
    dict
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
    let fail = |reason: String| PdfError::Photo {
        file: figure.image.file.clone(),
        reason,
    };
    let mut decoder = png::Decoder::new(std::io::Cursor::new(&figure.image.bytes[..]));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| fail(e.to_string()))?;
    let mut pixels = vec![0; reader.output_buffer_size()];
    let frame = reader
        .next_frame(&mut pixels)
        .map_err(|e| fail(e.to_string()))?;
    pixels.truncate(frame.buffer_size());
    let (color, channels, alpha) = match frame.color_type {
        png::ColorType::Grayscale => (ColorSpace::Gray, 1, false),
        png::ColorType::GrayscaleAlpha => (ColorSpace::Gray, 2, true),
        png::ColorType::Rgb => (ColorSpace::Rgb, 3, false),
        png::ColorType::Rgba => (ColorSpace::Rgb, 4, true),
        png::ColorType::Indexed => return Err(fail("its palette was not expanded".to_owned())),
    };
    let (width, height) = (frame.width, frame.height);
    let colour_channels = if alpha { channels - 1 } else { channels };
    let (colour, mask): (Vec<u8>, Vec<u8>) = if alpha {
        let mut colour = Vec::with_capacity(pixels.len() / channels * colour_channels);
        let mut mask = Vec::with_capacity(pixels.len() / channels);
        for px in pixels.chunks_exact(channels) {
            colour.extend_from_slice(&px[..colour_channels]);
            mask.push(px[colour_channels]);
        }
        (colour, mask)
    } else {
        (pixels, Vec::new())
    };
    let flate = |data: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(data, 3);
    let mut dict = image_dict(width, height, color, 8);
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    if alpha {
        let mut mask_dict = image_dict(width, height, ColorSpace::Gray, 8);
        mask_dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let mask = lo.add_object(Stream::new(mask_dict, flate(&mask)));
        dict.set("SMask", Object::Reference(mask));
    }
    Ok(Stream::new(dict, flate(&colour)))
}
