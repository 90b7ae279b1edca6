//! The organisation's logo: a PNG decoded to 8-bit pixels (alpha kept,
//! written as a soft mask) and its size on the page.

use crate::error::PdfError;
use png::{ColorType, Transformations};
use printpdf::{RawImage, RawImageData, RawImageFormat};
use release_style::Logo;

/// Refuse images whose pixels alone would need more than this.
const MAX_PIXELS: u64 = 40_000_000;

/// The decoded logo and its width and height in points.
pub(crate) fn decode(logo: &Logo) -> Result<(RawImage, f32, f32), PdfError> {
    let error = |reason: String| PdfError::Logo {
        file: logo.file.clone(),
        reason,
    };
    let mut decoder = png::Decoder::new(std::io::Cursor::new(&logo.png[..]));
    decoder.set_transformations(Transformations::EXPAND | Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| error(e.to_string()))?;
    let (w, h) = {
        let info = reader.info();
        (info.width, info.height)
    };
    if w == 0 || h == 0 || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(error(format!("{w} × {h} pixels is not a usable logo size")));
    }
    let mut pixels = vec![0; reader.output_buffer_size()];
    let frame = reader
        .next_frame(&mut pixels)
        .map_err(|e| error(e.to_string()))?;
    pixels.truncate(frame.buffer_size());
    let format = match frame.color_type {
        ColorType::Grayscale => RawImageFormat::R8,
        ColorType::GrayscaleAlpha => RawImageFormat::RG8,
        ColorType::Rgb => RawImageFormat::RGB8,
        ColorType::Rgba => RawImageFormat::RGBA8,
        ColorType::Indexed => return Err(error("palette not expanded".to_owned())),
    };
    let height_pt = logo.height_mm.max(1.0) * 72.0 / 25.4;
    let width_pt = height_pt * w as f32 / h as f32;
    let image = RawImage {
        pixels: RawImageData::U8(pixels),
        width: w as usize,
        height: h as usize,
        data_format: format,
        tag: Vec::new(),
    };
    Ok((image, width_pt, height_pt))
}
