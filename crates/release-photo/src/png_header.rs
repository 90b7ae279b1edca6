//! A PNG's header chunk and its chunk list, read without decoding.

use crate::{ColorSpace, Facts, Format, Orientation, PhotoError, check_pixels};

/// Reads IHDR, then walks the chunks to IEND so that a file cut short is
/// refused here rather than half-drawn in an export.
pub(crate) fn probe(bytes: &[u8]) -> Result<Facts, PhotoError> {
    let truncated = |reason: &str| PhotoError::Truncated {
        reason: reason.to_owned(),
    };
    if bytes.len() < 33 {
        return Err(truncated("it ends inside its header"));
    }
    if &bytes[12..16] != b"IHDR" || word(bytes, 8) != 13 {
        return Err(PhotoError::Damaged {
            reason: "its first chunk is not a PNG header (IHDR)".to_owned(),
        });
    }
    let (width, height) = (word(bytes, 16), word(bytes, 20));
    check_pixels(width, height)?;
    let bits = bytes[24];
    let color_type = bytes[25];
    let (color, mut alpha) = match color_type {
        0 => (ColorSpace::Gray, false),
        2 | 3 => (ColorSpace::Rgb, false),
        4 => (ColorSpace::Gray, true),
        6 => (ColorSpace::Rgb, true),
        other => {
            return Err(PhotoError::Damaged {
                reason: format!("colour type {other} does not exist in PNG"),
            });
        }
    };
    let valid_bits = match color_type {
        0 => matches!(bits, 1 | 2 | 4 | 8 | 16),
        3 => matches!(bits, 1 | 2 | 4 | 8),
        _ => matches!(bits, 8 | 16),
    };
    if !valid_bits {
        return Err(PhotoError::Damaged {
            reason: format!("{bits} bits per sample is not allowed for colour type {color_type}"),
        });
    }
    let mut at = 33;
    let mut data = false;
    loop {
        if at + 8 > bytes.len() {
            return Err(truncated("it ends before its end chunk (IEND)"));
        }
        let length = word(bytes, at) as usize;
        let kind = &bytes[at + 4..at + 8];
        let end = at
            .checked_add(12)
            .and_then(|n| n.checked_add(length))
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| truncated("a chunk runs past the end of the file"))?;
        match kind {
            b"IDAT" => data = true,
            b"tRNS" => alpha = true,
            b"IEND" => break,
            _ => {}
        }
        at = end;
    }
    if !data {
        return Err(PhotoError::Damaged {
            reason: "it holds no image data (IDAT)".to_owned(),
        });
    }
    Ok(Facts {
        format: Format::Png,
        width,
        height,
        color,
        bits,
        alpha,
        inverted: false,
        orientation: Orientation::Normal,
    })
}

fn word(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe;

    fn png(width: u32, height: u32, color: png::ColorType) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(color);
        encoder.set_depth(png::BitDepth::Eight);
        let channels = match color {
            png::ColorType::Rgba => 4,
            png::ColorType::Rgb => 3,
            _ => 1,
        };
        let mut writer = encoder.write_header().expect("header");
        writer
            .write_image_data(&vec![128; (width * height * channels) as usize])
            .expect("data");
        writer.finish().expect("finish");
        out
    }

    #[test]
    fn reads_size_colour_and_alpha() {
        let facts = probe(&png(30, 20, png::ColorType::Rgba)).expect("png");
        assert_eq!((facts.width, facts.height), (30, 20));
        assert_eq!(
            (facts.color, facts.alpha, facts.bits),
            (ColorSpace::Rgb, true, 8)
        );
        let gray = probe(&png(3, 2, png::ColorType::Grayscale)).expect("png");
        assert_eq!((gray.color, gray.alpha), (ColorSpace::Gray, false));
    }

    #[test]
    fn a_huge_header_is_refused_before_anything_else() {
        let mut bytes = png(4, 4, png::ColorType::Rgb);
        bytes[16..20].copy_from_slice(&30_000_u32.to_be_bytes());
        bytes[20..24].copy_from_slice(&30_000_u32.to_be_bytes());
        assert_eq!(
            probe(&bytes),
            Err(PhotoError::TooManyPixels {
                width: 30_000,
                height: 30_000
            })
        );
    }

    #[test]
    fn a_file_cut_short_is_refused() {
        let bytes = png(40, 40, png::ColorType::Rgb);
        for cut in [20, 40, bytes.len() - 5] {
            assert!(
                matches!(probe(&bytes[..cut]), Err(PhotoError::Truncated { .. })),
                "cut at {cut}"
            );
        }
    }
}
