//! A JPEG's markers read up to its first scan: the frame header (size,
//! components, process), the Adobe marker and the EXIF orientation. Nothing
//! is decoded.

use crate::{ColorSpace, Facts, Format, Orientation, PhotoError, check_pixels};

pub(crate) fn probe(bytes: &[u8]) -> Result<Facts, PhotoError> {
    let truncated = |reason: &str| PhotoError::Truncated {
        reason: reason.to_owned(),
    };
    let damaged = |reason: String| PhotoError::Damaged { reason };
    let mut frame: Option<(u32, u32, u8, u8)> = None;
    let mut adobe: Option<u8> = None;
    let mut orientation = Orientation::Normal;
    let mut at = 2;
    let scan = loop {
        // Markers may be preceded by any number of fill bytes 0xFF.
        while bytes.get(at) == Some(&0xFF) && bytes.get(at + 1) == Some(&0xFF) {
            at += 1;
        }
        let (Some(&0xFF), Some(&marker)) = (bytes.get(at), bytes.get(at + 1)) else {
            if at + 1 >= bytes.len() {
                return Err(truncated("it ends before its image data"));
            }
            return Err(damaged(format!("no marker where one belongs (byte {at})")));
        };
        at += 2;
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            continue;
        }
        if marker == 0xD9 {
            return Err(damaged("it ends before any image data".to_owned()));
        }
        let length = match bytes.get(at..at + 2) {
            Some(&[hi, lo]) => usize::from(u16::from_be_bytes([hi, lo])),
            _ => return Err(truncated("it ends inside a marker")),
        };
        if length < 2 {
            return Err(damaged(format!(
                "a marker at byte {at} has length {length}"
            )));
        }
        let Some(segment) = bytes.get(at + 2..at + length) else {
            return Err(truncated("it ends inside a marker"));
        };
        match marker {
            0xC0..=0xC2 => {
                if segment.len() < 6 {
                    return Err(damaged("its frame header is too short".to_owned()));
                }
                let bits = segment[0];
                let height = u16::from_be_bytes([segment[1], segment[2]]);
                let width = u16::from_be_bytes([segment[3], segment[4]]);
                frame = Some((u32::from(width), u32::from(height), segment[5], bits));
            }
            0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF => {
                return Err(PhotoError::Unsupported {
                    format: "JPEG",
                    reason: "lossless, hierarchical or arithmetic-coded JPEGs are not printable by every PDF reader; save it as an ordinary (baseline or progressive) JPEG".to_owned(),
                });
            }
            0xE1 if segment.starts_with(b"Exif\0\0") => {
                orientation = exif_orientation(&segment[6..]).unwrap_or_default();
            }
            0xEE if segment.starts_with(b"Adobe") && segment.len() >= 12 => {
                adobe = Some(segment[11]);
            }
            0xDA => break at,
            _ => {}
        }
        at += length;
    };
    let Some((width, height, components, bits)) = frame else {
        return Err(damaged(
            "it has no frame header before its image data".to_owned(),
        ));
    };
    if height == 0 {
        return Err(PhotoError::Unsupported {
            format: "JPEG",
            reason: "its height is given only after the image data (DNL)".to_owned(),
        });
    }
    check_pixels(width, height)?;
    if bits != 8 {
        return Err(PhotoError::Unsupported {
            format: "JPEG",
            reason: format!("{bits} bits per sample; save it with 8"),
        });
    }
    let color = match components {
        1 => ColorSpace::Gray,
        3 => ColorSpace::Rgb,
        4 => ColorSpace::Cmyk,
        n => {
            return Err(PhotoError::Unsupported {
                format: "JPEG",
                reason: format!("{n} colour components"),
            });
        }
    };
    // Searched from the end, where a whole file has it.
    let data = &bytes[scan..];
    if !data.windows(2).rev().any(|w| w == [0xFF, 0xD9]) {
        return Err(truncated("its image data has no end marker"));
    }
    Ok(Facts {
        format: Format::Jpeg,
        width,
        height,
        color,
        bits,
        alpha: false,
        // Adobe software writes four-component JPEGs with inverted values,
        // and marks them with its APP14 segment.
        inverted: color == ColorSpace::Cmyk && adobe.is_some(),
        orientation,
    })
}

/// The Orientation tag (0x0112) of IFD0 in an EXIF block (a TIFF header
/// and its directories).
fn exif_orientation(tiff: &[u8]) -> Option<Orientation> {
    let little = match tiff.get(..4)? {
        [b'I', b'I', 42, 0] => true,
        [b'M', b'M', 0, 42] => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = tiff.get(at..at + 2)?;
        Some(if little {
            u16::from_le_bytes([b[0], b[1]])
        } else {
            u16::from_be_bytes([b[0], b[1]])
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = tiff.get(at..at + 4)?;
        Some(if little {
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        } else {
            u32::from_be_bytes([b[0], b[1], b[2], b[3]])
        })
    };
    let ifd = u32_at(4)? as usize;
    let count = usize::from(u16_at(ifd)?);
    (0..count.min(1000)).find_map(|i| {
        let entry = ifd + 2 + i * 12;
        (u16_at(entry)? == 0x0112 && u16_at(entry + 2)? == 3)
            .then(|| u16_at(entry + 8).map(Orientation::from_exif))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe;
    use jpeg_encoder::{ColorType, Encoder};

    pub(crate) fn jpeg(width: u16, height: u16, color: ColorType) -> Vec<u8> {
        let channels = match color {
            ColorType::Luma => 1,
            ColorType::Cmyk | ColorType::CmykAsYcck => 4,
            _ => 3,
        };
        let pixels = vec![100_u8; usize::from(width) * usize::from(height) * channels];
        let mut out = Vec::new();
        Encoder::new(&mut out, 90)
            .encode(&pixels, width, height, color)
            .expect("encodes");
        out
    }

    /// `jpeg` with an EXIF block holding `orientation`, right after SOI.
    fn with_orientation(jpeg: &[u8], orientation: u16, little: bool) -> Vec<u8> {
        let mut tiff: Vec<u8> = Vec::new();
        let u16b = |v: u16| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        let u32b = |v: u32| {
            if little {
                v.to_le_bytes()
            } else {
                v.to_be_bytes()
            }
        };
        tiff.extend_from_slice(if little { b"II" } else { b"MM" });
        tiff.extend_from_slice(&u16b(42));
        tiff.extend_from_slice(&u32b(8));
        tiff.extend_from_slice(&u16b(1));
        tiff.extend_from_slice(&u16b(0x0112));
        tiff.extend_from_slice(&u16b(3));
        tiff.extend_from_slice(&u32b(1));
        tiff.extend_from_slice(&u16b(orientation));
        tiff.extend_from_slice(&[0, 0]);
        tiff.extend_from_slice(&u32b(0));
        let mut segment = b"Exif\0\0".to_vec();
        segment.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((segment.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&segment);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn reads_size_and_components() {
        let facts = probe(&jpeg(64, 48, ColorType::Rgb)).expect("jpeg");
        assert_eq!((facts.width, facts.height, facts.bits), (64, 48, 8));
        assert_eq!(facts.color, ColorSpace::Rgb);
        assert_eq!(facts.orientation, Orientation::Normal);
        assert!(!facts.inverted);
        let gray = probe(&jpeg(8, 8, ColorType::Luma)).expect("jpeg");
        assert_eq!(gray.color, ColorSpace::Gray);
    }

    #[test]
    fn adobe_cmyk_is_inverted() {
        for color in [ColorType::Cmyk, ColorType::CmykAsYcck] {
            let facts = probe(&jpeg(16, 16, color)).expect("jpeg");
            assert_eq!(facts.color, ColorSpace::Cmyk);
            assert!(facts.inverted, "jpeg-encoder writes an Adobe marker");
        }
    }

    #[test]
    fn exif_orientation_is_read_in_both_byte_orders() {
        let plain = jpeg(40, 20, ColorType::Rgb);
        for little in [true, false] {
            let turned = probe(&with_orientation(&plain, 6, little)).expect("jpeg");
            assert_eq!(turned.orientation, Orientation::Rotate90);
            assert_eq!(turned.upright(), (20, 40));
        }
        let flipped = probe(&with_orientation(&plain, 3, true)).expect("jpeg");
        assert_eq!(flipped.orientation, Orientation::Rotate180);
    }

    #[test]
    fn a_jpeg_cut_short_is_refused() {
        let bytes = jpeg(64, 64, ColorType::Rgb);
        for cut in [3, 30, bytes.len() / 2, bytes.len() - 2] {
            assert!(
                matches!(probe(&bytes[..cut]), Err(PhotoError::Truncated { .. })),
                "cut at {cut}: {:?}",
                probe(&bytes[..cut])
            );
        }
    }

    #[test]
    fn a_huge_frame_is_refused() {
        let mut bytes = jpeg(8, 8, ColorType::Rgb);
        let sof = bytes
            .windows(2)
            .position(|w| w == [0xFF, 0xC0])
            .expect("baseline frame");
        bytes[sof + 5..sof + 7].copy_from_slice(&60_000_u16.to_be_bytes());
        bytes[sof + 7..sof + 9].copy_from_slice(&60_000_u16.to_be_bytes());
        assert!(matches!(
            probe(&bytes),
            Err(PhotoError::TooManyPixels { width: 60_000, .. })
        ));
    }
}
