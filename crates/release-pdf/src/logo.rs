//! The organisation's logo: a PNG decoded to 8-bit pixels (alpha kept,
//! written as a soft mask) and its size on the page.

use crate::error::PdfError;
use crate::image::Pixels;
use release_style::Logo;

/// Refuse images whose pixels alone would need more than this.
const MAX_PIXELS: u64 = 40_000_000;

/// The decoded logo and its width and height in points.
pub(crate) fn decode(logo: &Logo) -> Result<(Pixels, f32, f32), PdfError> {
    let pixels =
        crate::image::decode_png(&logo.png, MAX_PIXELS).map_err(|reason| PdfError::Logo {
            file: logo.file.clone(),
            reason,
        })?;
    let height_pt = logo.height_mm.max(1.0) * 72.0 / 25.4;
    let width_pt = height_pt * pixels.width as f32 / pixels.height as f32;
    Ok((pixels, width_pt, height_pt))
}
