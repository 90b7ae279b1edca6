//! Pixel images as PDF image XObjects: a PNG decoded to 8-bit samples, its
//! colour written Flate-compressed and its alpha as a soft mask. The logo
//! and PNG photos are written so.

use lopdf::{Dictionary, Object, Stream};
use png::{ColorType, Transformations};
use release_style::ColorSpace;

/// A decoded PNG: 8-bit colour samples and, apart, its alpha.
pub(crate) struct Pixels {
    pub width: u32,
    pub height: u32,
    pub color: ColorSpace,
    /// The colour samples, without the alpha.
    pub samples: Vec<u8>,
    pub alpha: Option<Vec<u8>>,
}

/// Decodes `bytes` as a PNG of at most `max_pixels` pixels.
pub(crate) fn decode_png(bytes: &[u8], max_pixels: u64) -> Result<Pixels, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(Transformations::EXPAND | Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let (w, h) = {
        let info = reader.info();
        (info.width, info.height)
    };
    if w == 0 || h == 0 || u64::from(w) * u64::from(h) > max_pixels {
        return Err(format!("{w} × {h} pixels is not a usable image size"));
    }
    let mut pixels = vec![0; reader.output_buffer_size()];
    let frame = reader.next_frame(&mut pixels).map_err(|e| e.to_string())?;
    pixels.truncate(frame.buffer_size());
    let (color, channels, alpha) = match frame.color_type {
        ColorType::Grayscale => (ColorSpace::Gray, 1, false),
        ColorType::GrayscaleAlpha => (ColorSpace::Gray, 2, true),
        ColorType::Rgb => (ColorSpace::Rgb, 3, false),
        ColorType::Rgba => (ColorSpace::Rgb, 4, true),
        ColorType::Indexed => return Err("its palette was not expanded".to_owned()),
    };
    let (samples, alpha) = if alpha {
        let colour_channels = channels - 1;
        let mut colour = Vec::with_capacity(pixels.len() / channels * colour_channels);
        let mut mask = Vec::with_capacity(pixels.len() / channels);
        for px in pixels.chunks_exact(channels) {
            colour.extend_from_slice(&px[..colour_channels]);
            mask.push(px[colour_channels]);
        }
        (colour, Some(mask))
    } else {
        (pixels, None)
    };
    Ok(Pixels {
        width: frame.width,
        height: frame.height,
        color,
        samples,
        alpha,
    })
}

/// The dictionary of an image XObject.
pub(crate) fn image_dict(width: u32, height: u32, color: ColorSpace, bits: u8) -> Dictionary {
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

/// The image XObject of `pixels`; its soft mask, if any, is added to `lo`.
pub(crate) fn stream(lo: &mut lopdf::Document, pixels: &Pixels) -> Stream {
    let flate = |data: &[u8]| crate::write::deflate(data).to_vec();
    let mut dict = image_dict(pixels.width, pixels.height, pixels.color, 8);
    dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
    if let Some(alpha) = &pixels.alpha {
        let mut mask_dict = image_dict(pixels.width, pixels.height, ColorSpace::Gray, 8);
        mask_dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
        let mask = lo.add_object(Stream::new(mask_dict, flate(alpha)));
        dict.set("SMask", Object::Reference(mask));
    }
    Stream::new(dict, flate(&pixels.samples))
}
